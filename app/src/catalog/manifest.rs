//! `module.toml`: a module's structure and answer key, written once for every locale.

use super::problem::{line_of, Problems};
use crate::domain::content::{
    true_false_options, Audience, Lesson, LocalId, Module, ModuleId, Objective, Question,
    QuestionKind, Quiz,
};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    id: Spanned<String>,
    version: Spanned<u32>,
    audiences: Spanned<Vec<Spanned<String>>>,
    minutes: Spanned<u16>,
    pass_mark: Spanned<u8>,
    #[serde(default)]
    prerequisites: Vec<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    lessons: Spanned<Vec<Spanned<String>>>,
    /// Questions drawn for one attempt (default: the whole bank).
    draw: Option<Spanned<usize>>,
    #[serde(default)]
    objectives: Vec<Spanned<RawObjective>>,
    quiz: Spanned<Vec<Spanned<RawQuestion>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObjective {
    id: Spanned<String>,
    lessons: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    options: Vec<Spanned<String>>,
    answer: Spanned<Vec<Spanned<String>>>,
    objective: Option<Spanned<String>>,
}

/// Reads a module's structure. Returns `None` when the file cannot be understood at all;
/// every problem found is added to `problems` with its line.
pub fn parse(
    path: &Path,
    text: &str,
    folder_name: &str,
    problems: &mut Problems,
) -> Option<Module> {
    let raw: RawModule = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            problems.error(path, line, error.message().trim().to_owned());
            return None;
        }
    };
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    let before = problems.0.len();

    let id = match ModuleId::parse(raw.id.get_ref().clone()) {
        Ok(id) if id.as_str() == folder_name => Some(id),
        Ok(id) => {
            problems.error(
                path,
                at(raw.id.span()),
                format!(
                    "id {:?} must match the folder name {folder_name:?}",
                    id.as_str()
                ),
            );
            None
        }
        Err(bad) => {
            problems.error(path, at(raw.id.span()), format!("id: {bad}"));
            None
        }
    };
    if *raw.version.get_ref() == 0 {
        problems.error(path, at(raw.version.span()), "version must be 1 or more");
    }
    if *raw.minutes.get_ref() == 0 {
        problems.error(path, at(raw.minutes.span()), "minutes must be 1 or more");
    }
    let pass_mark = *raw.pass_mark.get_ref();
    if !(1..=100).contains(&pass_mark) {
        problems.error(
            path,
            at(raw.pass_mark.span()),
            format!("pass_mark is a percentage from 1 to 100, not {pass_mark}"),
        );
    }

    let mut audiences = Vec::new();
    for code in raw.audiences.get_ref() {
        match Audience::parse(code.get_ref()) {
            Some(a) if audiences.contains(&a) => problems.error(
                path,
                at(code.span()),
                format!("duplicate audience {:?}", code.get_ref()),
            ),
            Some(a) => audiences.push(a),
            None => problems.error(
                path,
                at(code.span()),
                format!(
                    "unknown audience {:?} (one of: {})",
                    code.get_ref(),
                    Audience::all()
                        .iter()
                        .map(|a| a.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    if raw.audiences.get_ref().is_empty() {
        problems.error(
            path,
            at(raw.audiences.span()),
            "audiences must name at least one audience",
        );
    }

    let prerequisites = parse_ids(
        path,
        text,
        &raw.prerequisites,
        "prerequisite",
        ModuleId::parse,
        problems,
    );
    let tags = raw.tags.iter().map(|t| t.get_ref().clone()).collect();

    let lesson_ids = parse_ids(
        path,
        text,
        raw.lessons.get_ref(),
        "lesson",
        LocalId::parse,
        problems,
    );
    if raw.lessons.get_ref().is_empty() {
        problems.error(
            path,
            at(raw.lessons.span()),
            "lessons must list at least one lesson",
        );
    }
    let objectives = parse_objectives(path, text, &raw.objectives, &lesson_ids, problems);
    let lessons = lesson_ids.into_iter().map(|id| Lesson { id }).collect();

    let mut questions = Vec::new();
    let mut question_ids = HashSet::new();
    for raw_question in raw.quiz.get_ref() {
        let raw_id = &raw_question.get_ref().id;
        if !question_ids.insert(raw_id.get_ref().clone()) {
            problems.error(
                path,
                at(raw_id.span()),
                format!("duplicate question id {:?}", raw_id.get_ref()),
            );
        } else if let Some(q) = parse_question(path, text, raw_question.get_ref(), problems) {
            questions.push(q);
        }
    }
    if raw.quiz.get_ref().is_empty() {
        problems.error(
            path,
            at(raw.quiz.span()),
            "the quiz needs at least one question ([[quiz]])",
        );
    }
    check_objectives(path, text, &raw, &objectives, problems);
    let per_attempt = raw.draw.as_ref().map(|d| *d.get_ref());
    if let Some(draw) = &raw.draw {
        let n = *draw.get_ref();
        let bank = raw.quiz.get_ref().len();
        if n == 0 || n > bank {
            problems.error(
                path,
                at(draw.span()),
                format!("draw is the number of questions in one attempt: 1 to the bank's {bank}, not {n}"),
            );
        } else if n < objectives.len() {
            problems.error(
                path,
                at(draw.span()),
                format!(
                    "draw {n} cannot cover the {} objectives: an attempt asks at least one question of each",
                    objectives.len()
                ),
            );
        }
    }

    if problems.0.len() > before {
        return None;
    }
    Some(Module {
        id: id?,
        version: *raw.version.get_ref(),
        audiences,
        minutes: *raw.minutes.get_ref(),
        pass_mark,
        prerequisites,
        tags,
        lessons,
        quiz: Quiz {
            questions,
            objectives,
            per_attempt,
        },
    })
}

/// Reads `[[objectives]]`: unique ids, each taught by one or more of the module's lessons.
fn parse_objectives(
    path: &Path,
    text: &str,
    raw: &[Spanned<RawObjective>],
    lessons: &[LocalId],
    problems: &mut Problems,
) -> Vec<Objective> {
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    let mut objectives: Vec<Objective> = Vec::new();
    for item in raw {
        let item = item.get_ref();
        let id = match LocalId::parse(item.id.get_ref().clone()) {
            Ok(id) if objectives.iter().any(|o| o.id == id) => {
                problems.error(
                    path,
                    at(item.id.span()),
                    format!("duplicate objective id {:?}", item.id.get_ref()),
                );
                continue;
            }
            Ok(id) => id,
            Err(bad) => {
                problems.error(path, at(item.id.span()), format!("objective id: {bad}"));
                continue;
            }
        };
        let taught_by = parse_ids(
            path,
            text,
            item.lessons.get_ref(),
            "lesson",
            LocalId::parse,
            problems,
        );
        for (lesson, raw_lesson) in taught_by.iter().zip(item.lessons.get_ref()) {
            if !lessons.contains(lesson) {
                problems.error(
                    path,
                    at(raw_lesson.span()),
                    format!(
                        "objective {:?}: no lesson {:?} in lessons",
                        id.as_str(),
                        lesson.as_str()
                    ),
                );
            }
        }
        if item.lessons.get_ref().is_empty() {
            problems.error(
                path,
                at(item.lessons.span()),
                format!(
                    "objective {:?}: name the lessons that teach it",
                    id.as_str()
                ),
            );
        }
        objectives.push(Objective {
            id,
            lessons: taught_by,
        });
    }
    objectives
}

/// With objectives, every question tests one of them and every objective has questions;
/// without, no question names one.
fn check_objectives(
    path: &Path,
    text: &str,
    raw: &RawModule,
    objectives: &[Objective],
    problems: &mut Problems,
) {
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    fn named(q: &RawQuestion) -> Option<&str> {
        q.objective.as_ref().map(|o| o.get_ref().as_str())
    }
    for question in raw.quiz.get_ref() {
        let q = question.get_ref();
        let qid = q.id.get_ref();
        match (named(q), &q.objective) {
            (Some(name), Some(spanned)) if !objectives.iter().any(|o| o.id.as_str() == name) => {
                problems.error(
                    path,
                    at(spanned.span()),
                    format!("question {qid:?}: no objective {name:?} in [[objectives]]"),
                )
            }
            (None, _) if !objectives.is_empty() => problems.error(
                path,
                at(q.id.span()),
                format!("question {qid:?}: name the objective it tests (objective = \"…\")"),
            ),
            _ => {}
        }
    }
    for (objective, raw_objective) in objectives.iter().zip(&raw.objectives) {
        let id = objective.id.as_str();
        if !raw
            .quiz
            .get_ref()
            .iter()
            .any(|q| named(q.get_ref()) == Some(id))
        {
            problems.error(
                path,
                at(raw_objective.span()),
                format!("objective {id:?}: no question tests it"),
            );
        }
    }
}

/// Parses a list of ids, reporting bad and duplicate ones.
fn parse_ids<T: Clone + Eq + std::hash::Hash>(
    path: &Path,
    text: &str,
    raw: &[Spanned<String>],
    what: &str,
    parse: impl Fn(String) -> Result<T, crate::domain::content::BadId>,
    problems: &mut Problems,
) -> Vec<T> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    for item in raw {
        let line = line_of(text, item.span().start);
        match parse(item.get_ref().clone()) {
            Ok(id) if !seen.insert(id.clone()) => problems.error(
                path,
                line,
                format!("duplicate {what} id {:?}", item.get_ref()),
            ),
            Ok(id) => ids.push(id),
            Err(bad) => problems.error(path, line, format!("{what}: {bad}")),
        }
    }
    ids
}

fn parse_question(
    path: &Path,
    text: &str,
    raw: &RawQuestion,
    problems: &mut Problems,
) -> Option<Question> {
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    let before = problems.0.len();
    let id = LocalId::parse(raw.id.get_ref().clone())
        .map_err(|bad| problems.error(path, at(raw.id.span()), format!("question id: {bad}")))
        .ok();
    let qid = raw.id.get_ref();
    let Some(kind) = QuestionKind::parse(raw.kind.get_ref()) else {
        problems.error(
            path,
            at(raw.kind.span()),
            format!(
                "question {qid:?}: unknown kind {:?} (single, multiple or true-false)",
                raw.kind.get_ref()
            ),
        );
        return None;
    };
    let options = if kind == QuestionKind::TrueFalse {
        if let Some(first) = raw.options.first() {
            problems.error(
                path,
                at(first.span()),
                format!("question {qid:?}: a true-false question has no options list"),
            );
        }
        true_false_options()
    } else {
        let options = parse_ids(path, text, &raw.options, "option", LocalId::parse, problems);
        if options.len() < 2 {
            problems.error(
                path,
                at(raw.id.span()),
                format!(
                    "question {qid:?}: needs at least 2 options, has {}",
                    options.len()
                ),
            );
        }
        options
    };
    let mut answer = Vec::new();
    for item in raw.answer.get_ref() {
        let line = at(item.span());
        match LocalId::parse(item.get_ref().clone()) {
            Ok(option) if !options.contains(&option) => problems.error(
                path,
                line,
                format!(
                    "question {qid:?}: the answer names option {:?}, which does not exist",
                    item.get_ref()
                ),
            ),
            Ok(option) if answer.contains(&option) => problems.error(
                path,
                line,
                format!(
                    "question {qid:?}: option {:?} is in the answer twice",
                    item.get_ref()
                ),
            ),
            Ok(option) => answer.push(option),
            Err(bad) => problems.error(path, line, format!("question {qid:?}: answer: {bad}")),
        }
    }
    let answers = raw.answer.get_ref().len();
    let line = at(raw.answer.span());
    match kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse if answers != 1 => problems.error(
            path,
            line,
            format!(
                "question {qid:?}: a {} question needs exactly 1 answer, has {answers}",
                kind.code()
            ),
        ),
        QuestionKind::MultipleChoice if answers == 0 => problems.error(
            path,
            line,
            format!("question {qid:?}: a multiple question needs at least 1 answer"),
        ),
        QuestionKind::MultipleChoice if answers >= raw.options.len() => problems.error(
            path,
            line,
            format!(
                "question {qid:?}: every option is right, so ticking everything would score; \
                 add a wrong option"
            ),
        ),
        _ => {}
    }
    if problems.0.len() > before {
        return None;
    }
    let objective = match &raw.objective {
        Some(name) => Some(
            LocalId::parse(name.get_ref().clone())
                .map_err(|bad| {
                    problems.error(
                        path,
                        at(name.span()),
                        format!("question {qid:?}: objective: {bad}"),
                    )
                })
                .ok()?,
        ),
        None => None,
    };
    Some(Question {
        id: id?,
        kind,
        options,
        answer,
        objective,
    })
}
