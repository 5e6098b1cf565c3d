//! Rosters: the classes of a school year, their students and teachers, from one CSV file.
//! Every row is checked before anything is imported; each problem names its row.

use crate::domain::person::{Role, Username};
use crate::domain::secret::StudentSecret;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The columns of a roster file, in order.
pub const ROSTER_HEADER: [&str; 9] = [
    "school_code",
    "school_year",
    "class",
    "role",
    "key",
    "name",
    "birth_year",
    "family",
    "secret",
];

/// A person a roster row names by username who already exists: their role and the code of
/// their home unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub role: Role,
    pub home_unit: String,
}

/// One valid row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterRow {
    pub row: usize,
    pub school_code: String,
    pub school_year: String,
    pub class: String,
    pub entry: Entry,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Student {
        /// The school's own number for the student: stable across imports.
        key: String,
        name: String,
        birth_year: i32,
        /// Students with the same label share a household (siblings).
        family: Option<String>,
        secret: Option<StudentSecret>,
    },
    Teacher {
        username: Username,
        name: String,
    },
}

/// What is wrong with one row. `Display` is the English line for the command line; the web
/// page shows the Fluent message `roster-problem-<kind>` with the same values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterProblem {
    pub row: usize,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Header {
        found: String,
    },
    Unreadable {
        error: String,
    },
    FieldCount {
        found: usize,
    },
    Empty {
        field: &'static str,
    },
    TooLong {
        field: &'static str,
    },
    UnknownSchool {
        code: String,
    },
    NotYourSchool {
        code: String,
    },
    SchoolYear {
        value: String,
    },
    Role {
        value: String,
    },
    Username {
        value: String,
    },
    BirthYear {
        value: String,
    },
    Secret {
        value: String,
    },
    NotForTeachers {
        field: &'static str,
    },
    Duplicate {
        first_row: usize,
    },
    UsernameTaken {
        value: String,
    },
    /// The username belongs to someone whose home unit is outside the importer's units:
    /// nothing more is said (not even whether that person is a teacher).
    NotInYourUnits {
        value: String,
    },
}

impl ProblemKind {
    /// The Fluent key of the message (`roster-problem-…`).
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::Header { .. } => "roster-problem-header",
            ProblemKind::Unreadable { .. } => "roster-problem-unreadable",
            ProblemKind::FieldCount { .. } => "roster-problem-field-count",
            ProblemKind::Empty { .. } => "roster-problem-empty",
            ProblemKind::TooLong { .. } => "roster-problem-too-long",
            ProblemKind::UnknownSchool { .. } => "roster-problem-unknown-school",
            ProblemKind::NotYourSchool { .. } => "roster-problem-not-your-school",
            ProblemKind::SchoolYear { .. } => "roster-problem-school-year",
            ProblemKind::Role { .. } => "roster-problem-role",
            ProblemKind::Username { .. } => "roster-problem-username",
            ProblemKind::BirthYear { .. } => "roster-problem-birth-year",
            ProblemKind::Secret { .. } => "roster-problem-secret",
            ProblemKind::NotForTeachers { .. } => "roster-problem-not-for-teachers",
            ProblemKind::Duplicate { .. } => "roster-problem-duplicate",
            ProblemKind::UsernameTaken { .. } => "roster-problem-username-taken",
            ProblemKind::NotInYourUnits { .. } => "roster-problem-not-in-your-units",
        }
    }

    /// The value the message quotes (a field name, a value, a row number).
    pub fn value(&self) -> String {
        match self {
            ProblemKind::Header { found } => found.clone(),
            ProblemKind::Unreadable { error } => error.clone(),
            ProblemKind::FieldCount { found } => found.to_string(),
            ProblemKind::Empty { field }
            | ProblemKind::TooLong { field }
            | ProblemKind::NotForTeachers { field } => (*field).to_owned(),
            ProblemKind::UnknownSchool { code } | ProblemKind::NotYourSchool { code } => {
                code.clone()
            }
            ProblemKind::SchoolYear { value }
            | ProblemKind::Role { value }
            | ProblemKind::Username { value }
            | ProblemKind::BirthYear { value }
            | ProblemKind::Secret { value }
            | ProblemKind::UsernameTaken { value }
            | ProblemKind::NotInYourUnits { value } => value.clone(),
            ProblemKind::Duplicate { first_row } => first_row.to_string(),
        }
    }
}

impl fmt::Display for RosterProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: ", self.row)?;
        match &self.kind {
            ProblemKind::Header { found } => write!(
                f,
                "the header is \"{found}\"; it must be \"{}\"",
                ROSTER_HEADER.join(",")
            ),
            ProblemKind::Unreadable { error } => write!(f, "not readable as CSV: {error}"),
            ProblemKind::FieldCount { found } => write!(f, "has {found} fields; it needs 9"),
            ProblemKind::Empty { field } => write!(f, "{field} is empty"),
            ProblemKind::TooLong { field } => write!(f, "{field} is longer than 100 characters"),
            ProblemKind::UnknownSchool { code } => write!(f, "no unit has the code \"{code}\""),
            ProblemKind::NotYourSchool { code } => {
                write!(f, "the unit \"{code}\" is not under your unit")
            }
            ProblemKind::SchoolYear { value } => {
                write!(f, "school year \"{value}\" is not like 2026-2027")
            }
            ProblemKind::Role { value } => {
                write!(f, "role \"{value}\" is not student or teacher")
            }
            ProblemKind::Username { value } => write!(
                f,
                "username \"{value}\" is not 3–40 characters of a–z, digits, '.', '_' or '-'"
            ),
            ProblemKind::BirthYear { value } => write!(f, "birth year \"{value}\" is not a year"),
            ProblemKind::Secret { value } => write!(
                f,
                "secret \"{value}\" is not a 4-digit PIN or two pictures like sun+dog"
            ),
            ProblemKind::NotForTeachers { field } => {
                write!(f, "{field} is for students; leave it empty for a teacher")
            }
            ProblemKind::Duplicate { first_row } => {
                write!(f, "the same person and class as row {first_row}")
            }
            ProblemKind::UsernameTaken { value } => {
                write!(
                    f,
                    "username \"{value}\" belongs to someone who is not a teacher"
                )
            }
            ProblemKind::NotInYourUnits { value } => {
                write!(f, "\"{value}\" is not in your units")
            }
        }
    }
}

/// Reads one row's fields (already split, in `ROSTER_HEADER` order). `this_year` bounds the
/// birth years: a student is 3 to 25 years old.
pub fn parse_row(
    row: usize,
    fields: &[&str],
    this_year: i32,
) -> Result<RosterRow, Vec<RosterProblem>> {
    let mut problems = Vec::new();
    let mut complain = |kind: ProblemKind| problems.push(RosterProblem { row, kind });
    if fields.len() != ROSTER_HEADER.len() {
        complain(ProblemKind::FieldCount {
            found: fields.len(),
        });
        return Err(problems);
    }
    let [school, year, class, role, key, name, birth_year, family, secret] =
        std::array::from_fn(|i| fields[i].trim());
    for (field, value) in [
        ("school_code", school),
        ("class", class),
        ("key", key),
        ("name", name),
    ] {
        if value.is_empty() {
            complain(ProblemKind::Empty { field });
        } else if value.chars().count() > 100 {
            complain(ProblemKind::TooLong { field });
        }
    }
    if !is_school_year(year) {
        complain(ProblemKind::SchoolYear {
            value: year.to_owned(),
        });
    }
    let entry = match role {
        "student" => {
            let birth = birth_year
                .parse::<i32>()
                .ok()
                .filter(|y| (this_year - 25..=this_year - 3).contains(y));
            if birth.is_none() {
                complain(ProblemKind::BirthYear {
                    value: birth_year.to_owned(),
                });
            }
            let parsed_secret = if secret.is_empty() {
                None
            } else {
                let parsed = StudentSecret::parse(secret).ok();
                if parsed.is_none() {
                    complain(ProblemKind::Secret {
                        value: secret.to_owned(),
                    });
                }
                parsed
            };
            Some(Entry::Student {
                key: key.to_owned(),
                name: name.to_owned(),
                birth_year: birth.unwrap_or_default(),
                family: Some(family.to_owned()).filter(|f| !f.is_empty()),
                secret: parsed_secret,
            })
        }
        "teacher" => {
            for (field, value) in [
                ("birth_year", birth_year),
                ("family", family),
                ("secret", secret),
            ] {
                if !value.is_empty() {
                    complain(ProblemKind::NotForTeachers { field });
                }
            }
            match Username::parse(key) {
                Ok(username) => Some(Entry::Teacher {
                    username,
                    name: name.to_owned(),
                }),
                Err(_) => {
                    if !key.is_empty() {
                        complain(ProblemKind::Username {
                            value: key.to_owned(),
                        });
                    }
                    None
                }
            }
        }
        other => {
            complain(ProblemKind::Role {
                value: other.to_owned(),
            });
            None
        }
    };
    match entry {
        Some(entry) if problems.is_empty() => Ok(RosterRow {
            row,
            school_code: school.to_owned(),
            school_year: year.to_owned(),
            class: class.to_owned(),
            entry,
        }),
        _ => Err(problems),
    }
}

/// `2026-2027`: two years, the second one after the first.
fn is_school_year(text: &str) -> bool {
    let Some((a, b)) = text.split_once('-') else {
        return false;
    };
    let year = |s: &str| (s.len() == 4).then(|| s.parse::<i32>().ok()).flatten();
    matches!((year(a), year(b)), (Some(a), Some(b)) if b == a + 1)
}

/// Checks the rows against each other and the database: each school must be a unit the
/// importer may fill (`allowed_schools`; `known_units` tells "unknown" from "not yours"), a
/// student appears once per school, a teacher once per class, and a username already used
/// by someone who is not a teacher is refused.
pub fn check_roster(
    rows: &[RosterRow],
    known_units: &HashSet<String>,
    allowed_schools: Option<&HashSet<String>>,
    existing: &HashMap<String, Existing>,
) -> Vec<RosterProblem> {
    let mut problems = Vec::new();
    let mut students: HashMap<(&str, &str), usize> = HashMap::new();
    let mut teachers: HashMap<(&str, &str, &str, &str), usize> = HashMap::new();
    for row in rows {
        let mut complain = |kind: ProblemKind| problems.push(RosterProblem { row: row.row, kind });
        if !known_units.contains(&row.school_code) {
            complain(ProblemKind::UnknownSchool {
                code: row.school_code.clone(),
            });
        } else if allowed_schools.is_some_and(|allowed| !allowed.contains(&row.school_code)) {
            complain(ProblemKind::NotYourSchool {
                code: row.school_code.clone(),
            });
        }
        let first = match &row.entry {
            Entry::Student { key, .. } => students.insert((&row.school_code, key), row.row),
            Entry::Teacher { username, .. } => {
                let value = || username.as_str().to_owned();
                match existing.get(username.as_str()) {
                    // Someone else's person: an import may touch only people whose home
                    // unit is inside the importer's units.
                    Some(person)
                        if allowed_schools
                            .is_some_and(|allowed| !allowed.contains(&person.home_unit)) =>
                    {
                        complain(ProblemKind::NotInYourUnits { value: value() })
                    }
                    Some(person) if person.role != Role::Teacher => {
                        complain(ProblemKind::UsernameTaken { value: value() })
                    }
                    _ => {}
                }
                teachers.insert(
                    (
                        &row.school_code,
                        &row.school_year,
                        &row.class,
                        username.as_str(),
                    ),
                    row.row,
                )
            }
        };
        if let Some(first_row) = first {
            complain(ProblemKind::Duplicate { first_row });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<&str> {
        line.split(',').collect()
    }

    #[test]
    fn reads_students_and_teachers() {
        let row = parse_row(
            2,
            &fields("S1,2026-2027,3A,student,HS001,Lò Văn An,2018,HH1,sun+dog"),
            2026,
        )
        .unwrap();
        assert_eq!(
            row.entry,
            Entry::Student {
                key: "HS001".into(),
                name: "Lò Văn An".into(),
                birth_year: 2018,
                family: Some("HH1".into()),
                secret: StudentSecret::pictures(0, 7),
            }
        );
        let row = parse_row(
            3,
            &fields("S1,2026-2027,3A,teacher,co.lan,Nguyễn Thị Lan,,,"),
            2026,
        )
        .unwrap();
        assert!(
            matches!(row.entry, Entry::Teacher { ref username, .. } if username.as_str() == "co.lan")
        );
    }

    #[test]
    fn every_problem_of_a_row_is_reported_with_its_row() {
        let problems =
            parse_row(17, &fields(",2026-2028,3A,student,HS9,,20O9,,12345"), 2026).unwrap_err();
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "row 17: school_code is empty",
                "row 17: name is empty",
                "row 17: school year \"2026-2028\" is not like 2026-2027",
                "row 17: birth year \"20O9\" is not a year",
                "row 17: secret \"12345\" is not a 4-digit PIN or two pictures like sun+dog",
            ]
        );
        let teacher = parse_row(
            4,
            &fields("S1,2026-2027,3A,teacher,Cô Lan,Lan,1990,,"),
            2026,
        )
        .unwrap_err();
        assert_eq!(teacher.len(), 2, "{teacher:?}");
        assert!(matches!(
            teacher[0].kind,
            ProblemKind::NotForTeachers {
                field: "birth_year"
            }
        ));
        assert!(matches!(teacher[1].kind, ProblemKind::Username { .. }));
        let role = parse_row(5, &fields("S1,2026-2027,3A,principal,x,y,,,"), 2026).unwrap_err();
        assert_eq!(
            role[0].to_string(),
            "row 5: role \"principal\" is not student or teacher"
        );
        assert_eq!(
            parse_row(6, &["a", "b"], 2026).unwrap_err()[0].to_string(),
            "row 6: has 2 fields; it needs 9"
        );
    }

    #[test]
    fn birth_years_must_be_of_a_child() {
        assert!(parse_row(2, &fields("S,2026-2027,1A,student,K,N,2023,,"), 2026).is_ok());
        assert!(parse_row(2, &fields("S,2026-2027,1A,student,K,N,2024,,"), 2026).is_err());
        assert!(parse_row(2, &fields("S,2026-2027,1A,student,K,N,2000,,"), 2026).is_err());
    }

    #[test]
    fn duplicates_unknown_schools_and_taken_usernames_are_found() {
        let rows: Vec<RosterRow> = [
            "S1,2026-2027,3A,student,HS1,An,2018,,",
            "S1,2026-2027,3B,student,HS1,An,2018,,",
            "S2,2026-2027,3A,student,HS1,An,2018,,",
            "S1,2026-2027,3A,teacher,co.lan,Lan,,,",
            "S1,2026-2027,3B,teacher,co.lan,Lan,,,",
            "S1,2026-2027,3B,teacher,co.lan,Lan,,,",
            "S3,2026-2027,3A,teacher,admin.x,X,,,",
            "S1,2026-2027,3A,teacher,other.school,Renamed,,,",
            "S1,2026-2027,3A,teacher,admin.here,X,,,",
            "S1,2026-2027,3A,teacher,co.here,Here,,,",
        ]
        .iter()
        .enumerate()
        .map(|(i, line)| parse_row(i + 2, &fields(line), 2026).unwrap())
        .collect();
        let known: HashSet<String> = ["S1", "S2", "S3"].map(String::from).into();
        let allowed: HashSet<String> = ["S1", "S2"].map(String::from).into();
        let person = |role, unit: &str| Existing {
            role,
            home_unit: unit.to_owned(),
        };
        let existing = HashMap::from([
            ("admin.x".to_owned(), person(Role::Admin, "P")),
            ("other.school".to_owned(), person(Role::Teacher, "S3")),
            ("admin.here".to_owned(), person(Role::Admin, "S2")),
            ("co.here".to_owned(), person(Role::Teacher, "S2")),
        ]);
        let lines: Vec<String> = check_roster(&rows, &known, Some(&allowed), &existing)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 3: the same person and class as row 2",
                "row 7: the same person and class as row 6",
                "row 8: the unit \"S3\" is not under your unit",
                "row 8: \"admin.x\" is not in your units",
                "row 9: \"other.school\" is not in your units",
                "row 10: username \"admin.here\" belongs to someone who is not a teacher",
            ]
        );
        // The command line (no importer) may name anyone.
        let lines: Vec<String> = check_roster(&rows[6..8], &known, None, &existing)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            ["row 8: username \"admin.x\" belongs to someone who is not a teacher"]
        );
        let unknown = check_roster(&rows[..1], &HashSet::new(), None, &HashMap::new());
        assert_eq!(unknown[0].to_string(), "row 2: no unit has the code \"S1\"");
    }

    #[test]
    fn problem_kinds_have_message_keys() {
        let kind = ProblemKind::BirthYear {
            value: "20O9".into(),
        };
        assert_eq!(kind.key(), "roster-problem-birth-year");
        assert_eq!(kind.value(), "20O9");
    }
}
