//! The content model: modules, their lessons and quiz, and who they are for.
//!
//! The structure and answer key of a module are written once (`module.toml`); each locale
//! supplies its texts. These types hold the structure; localized texts live beside them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A module's id: lowercase letters, digits and single hyphens, 3–64 characters,
/// e.g. `my-body-belongs-to-me`. It is also the module's folder name and URL segment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ModuleId(String);

/// A lesson's or question's or option's id inside a module: the same rules as [`ModuleId`]
/// but 1–64 characters (option ids like `a`, `b` are common). Starting with a letter keeps
/// every id a valid Fluent identifier.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LocalId(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId {
    pub id: String,
    pub min_len: usize,
}

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a valid id: use {}–64 lowercase letters, digits and single hyphens, starting with a letter",
            self.id, self.min_len
        )
    }
}

fn valid_id(id: &str, min_len: usize) -> bool {
    (min_len..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
}

macro_rules! id_type {
    ($name:ident, $min:expr) => {
        impl $name {
            pub fn parse(id: impl Into<String>) -> Result<Self, BadId> {
                let id = id.into();
                if valid_id(&id, $min) {
                    Ok(Self(id))
                } else {
                    Err(BadId { id, min_len: $min })
                }
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = BadId;
            fn try_from(id: String) -> Result<Self, BadId> {
                Self::parse(id)
            }
        }
        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
id_type!(ModuleId, 3);
id_type!(LocalId, 1);

/// Students' age bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    Age6To10,
    Age11To14,
    Age15To18,
}

impl AgeBand {
    pub const ALL: [AgeBand; 3] = [AgeBand::Age6To10, AgeBand::Age11To14, AgeBand::Age15To18];

    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Age6To10 => "6-10",
            AgeBand::Age11To14 => "11-14",
            AgeBand::Age15To18 => "15-18",
        }
    }
}

/// Staff roles that training targets name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StaffRole {
    Teacher,
    SchoolManager,
    ChildProtectionOfficer,
    HealthWorker,
    PoliceOfficer,
}

impl StaffRole {
    pub const ALL: [StaffRole; 5] = [
        StaffRole::Teacher,
        StaffRole::SchoolManager,
        StaffRole::ChildProtectionOfficer,
        StaffRole::HealthWorker,
        StaffRole::PoliceOfficer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StaffRole::Teacher => "teacher",
            StaffRole::SchoolManager => "school-manager",
            StaffRole::ChildProtectionOfficer => "child-protection-officer",
            StaffRole::HealthWorker => "health-worker",
            StaffRole::PoliceOfficer => "police-officer",
        }
    }
}

/// Who a module is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Audience {
    Student(AgeBand),
    Parent,
    Staff(StaffRole),
}

impl Audience {
    /// Every audience, in the order the catalogue lists them.
    pub fn all() -> Vec<Audience> {
        AgeBand::ALL
            .into_iter()
            .map(Audience::Student)
            .chain([Audience::Parent])
            .chain(StaffRole::ALL.into_iter().map(Audience::Staff))
            .collect()
    }

    /// The code used in `module.toml` and URLs: `student-6-10`, `parent`, `teacher`, …
    pub fn code(self) -> String {
        match self {
            Audience::Student(band) => format!("student-{}", band.code()),
            Audience::Parent => "parent".to_owned(),
            Audience::Staff(role) => role.code().to_owned(),
        }
    }

    pub fn parse(code: &str) -> Option<Audience> {
        Audience::all().into_iter().find(|a| a.code() == code)
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Exactly one option is right.
    SingleChoice,
    /// One or more options are right; the learner ticks all that apply.
    MultipleChoice,
    /// The options are `true` and `false`.
    TrueFalse,
}

impl QuestionKind {
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single",
            QuestionKind::MultipleChoice => "multiple",
            QuestionKind::TrueFalse => "true-false",
        }
    }

    pub fn parse(code: &str) -> Option<QuestionKind> {
        [
            QuestionKind::SingleChoice,
            QuestionKind::MultipleChoice,
            QuestionKind::TrueFalse,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// A quiz question's structure and answer key (never sent to a browser before submission).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: LocalId,
    pub kind: QuestionKind,
    pub options: Vec<LocalId>,
    pub answer: Vec<LocalId>,
    /// The learning objective the question tests (one of the quiz's objectives; `None` only in
    /// a quiz that names no objectives).
    pub objective: Option<LocalId>,
}

/// Something a learner should know or be able to do after the module, and the lessons that
/// teach it: a learner who keeps missing it is sent back to those lessons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub id: LocalId,
    pub lessons: Vec<LocalId>,
}

/// A module's question bank: an attempt draws `per_attempt` of its questions, covering every
/// objective.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    pub questions: Vec<Question>,
    pub objectives: Vec<Objective>,
    /// Questions in one attempt (`None`: every question of the bank).
    pub per_attempt: Option<usize>,
}

impl Quiz {
    /// How many questions one attempt shows.
    pub fn attempt_size(&self) -> usize {
        self.per_attempt
            .unwrap_or(self.questions.len())
            .min(self.questions.len())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: LocalId,
}

/// A module's structure, shared by every locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: ModuleId,
    pub version: u32,
    pub audiences: Vec<Audience>,
    pub minutes: u16,
    /// The share of questions to get right to pass, in percent (1–100).
    pub pass_mark: u8,
    pub prerequisites: Vec<ModuleId>,
    pub tags: Vec<String>,
    pub lessons: Vec<Lesson>,
    pub quiz: Quiz,
}

impl Module {
    pub fn is_for(&self, audience: Audience) -> bool {
        self.audiences.contains(&audience)
    }

    /// A module for tests: its id, lessons and quiz; version 1, 10 minutes, pass mark 80, no
    /// audiences, prerequisites or tags.
    #[cfg(test)]
    pub fn for_tests(id: &str, lessons: &[&str], quiz: Quiz) -> Module {
        Module {
            id: ModuleId::parse(id).expect("a test module's id"),
            version: 1,
            audiences: Vec::new(),
            minutes: 10,
            pass_mark: 80,
            prerequisites: Vec::new(),
            tags: Vec::new(),
            lessons: lessons
                .iter()
                .map(|l| Lesson {
                    id: LocalId::parse(*l).expect("a test lesson's id"),
                })
                .collect(),
            quiz,
        }
    }
}

/// The true/false options every true/false question has.
pub fn true_false_options() -> Vec<LocalId> {
    vec![LocalId("true".to_owned()), LocalId("false".to_owned())]
}

/// Modules whose prerequisites form a cycle, as the chain that closes it
/// (`a → b → a`), or `None`. Unknown prerequisites are ignored here.
pub fn prerequisite_cycle(modules: &[Module]) -> Option<Vec<ModuleId>> {
    use std::collections::HashMap;
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    let by_id: HashMap<&ModuleId, &Module> = modules.iter().map(|m| (&m.id, m)).collect();
    let mut marks: HashMap<&ModuleId, Mark> = HashMap::new();

    fn visit<'a>(
        id: &'a ModuleId,
        by_id: &HashMap<&'a ModuleId, &'a Module>,
        marks: &mut HashMap<&'a ModuleId, Mark>,
        path: &mut Vec<&'a ModuleId>,
    ) -> Option<Vec<ModuleId>> {
        match marks.get(id) {
            Some(Mark::Done) => return None,
            Some(Mark::Visiting) => {
                let start = path.iter().position(|p| *p == id).unwrap_or(0);
                let mut cycle: Vec<ModuleId> = path[start..].iter().map(|m| (*m).clone()).collect();
                cycle.push(id.clone());
                return Some(cycle);
            }
            None => {}
        }
        let module = by_id.get(id)?;
        marks.insert(id, Mark::Visiting);
        path.push(id);
        for next in &module.prerequisites {
            if let Some(cycle) = visit(next, by_id, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(id, Mark::Done);
        None
    }

    let mut ids: Vec<&ModuleId> = by_id.keys().copied().collect();
    ids.sort();
    for id in ids {
        if let Some(cycle) = visit(id, &by_id, &mut marks, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(id: &str, prerequisites: &[&str]) -> Module {
        Module {
            id: ModuleId::parse(id).unwrap(),
            version: 1,
            audiences: vec![Audience::Parent],
            minutes: 10,
            pass_mark: 80,
            prerequisites: prerequisites
                .iter()
                .map(|p| ModuleId::parse(*p).unwrap())
                .collect(),
            tags: vec![],
            lessons: vec![],
            quiz: Quiz::default(),
        }
    }

    #[test]
    fn ids_follow_the_rules() {
        assert!(ModuleId::parse("my-body-belongs-to-me").is_ok());
        for bad in [
            "",
            "ab",
            "Caps",
            "two--hyphens",
            "-lead",
            "trail-",
            "space here",
            "dấu",
            "16-18",
        ] {
            assert!(ModuleId::parse(bad).is_err(), "{bad:?}");
        }
        assert!(LocalId::parse("a").is_ok());
        assert_eq!(
            LocalId::parse("A").unwrap_err().to_string(),
            "\"A\" is not a valid id: use 1–64 lowercase letters, digits and single hyphens, starting with a letter"
        );
    }

    #[test]
    fn audience_codes_round_trip() {
        for audience in Audience::all() {
            assert_eq!(Audience::parse(&audience.code()), Some(audience));
        }
        assert_eq!(Audience::all().len(), 9);
        assert_eq!(
            Audience::parse("student-6-10"),
            Some(Audience::Student(AgeBand::Age6To10))
        );
        assert_eq!(Audience::parse("students"), None);
    }

    #[test]
    fn finds_a_prerequisite_cycle() {
        let modules = [
            module("aaa", &["bbb"]),
            module("bbb", &["ccc"]),
            module("ccc", &["aaa"]),
        ];
        let cycle = prerequisite_cycle(&modules).unwrap();
        let names: Vec<_> = cycle.iter().map(ModuleId::as_str).collect();
        assert_eq!(names, ["aaa", "bbb", "ccc", "aaa"]);
        assert_eq!(
            prerequisite_cycle(&[module("aaa", &["aaa"])])
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn no_cycle_in_a_chain_or_with_unknown_prerequisites() {
        let modules = [
            module("aaa", &[]),
            module("bbb", &["aaa"]),
            module("ccc", &["bbb", "aaa", "zzz"]),
        ];
        assert_eq!(prerequisite_cycle(&modules), None);
    }
}
