//! Staff rosters: the accounts of the people the plan's targets count besides students and
//! parents (school managers, teachers, child-protection officers, health workers, police
//! officers) and of unit managers, by unit, from one file. Every row is checked before
//! anything is imported; each problem names its row. No I/O.

use crate::domain::access::may_reset;
use crate::domain::person::{Role, Username};
use crate::domain::roster::Existing;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The columns of a staff file, in order.
pub const STAFF_HEADER: [&str; 4] = ["unit_code", "role", "username", "name"];

/// The roles a staff file may give: everyone who signs in with a username but admins (an
/// admin is made with `safesteps create-admin`).
pub const STAFF_ROLES: [Role; 6] = [
    Role::SchoolManager,
    Role::Teacher,
    Role::ProtectionOfficer,
    Role::HealthWorker,
    Role::PoliceOfficer,
    Role::UnitManager,
];

/// The most rows one staff file may have: each new account's first password is hashed
/// (argon2id) before anything is stored, so a file is kept to what an import needs (a
/// province's staff come unit by unit).
pub const MAX_STAFF_ROWS: usize = 2_000;

/// One valid row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffRow {
    pub row: usize,
    pub unit_code: String,
    pub role: Role,
    pub username: Username,
    pub name: String,
}

/// What is wrong with one row. `Display` is the English line for the command line; the web
/// page shows the Fluent message `staff-problem-<kind>` with the same value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffProblem {
    pub row: usize,
    pub kind: StaffProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffProblemKind {
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
    Role {
        value: String,
    },
    Username {
        value: String,
    },
    UnknownUnit {
        code: String,
    },
    NotYourUnit {
        code: String,
    },
    /// The importer's rank does not let them give this role (see `access::may_reset`).
    NotYourRole {
        role: Role,
    },
    /// The role's targets count it only in units of these kinds (a health worker in a
    /// health station, a teacher in a school).
    UnitKind {
        role: Role,
        kinds: Vec<String>,
    },
    Duplicate {
        first_row: usize,
    },
    /// The username belongs to someone with another role or in another unit: moving a person
    /// or changing their role is done on the people page, not by a file.
    Elsewhere {
        value: String,
    },
    /// The username belongs to someone outside the importer's units: nothing more is said.
    NotInYourUnits {
        value: String,
    },
    /// More rows than `MAX_STAFF_ROWS`.
    TooMany {
        rows: usize,
    },
}

impl StaffProblemKind {
    /// The Fluent key of the message (`staff-problem-…`).
    pub fn key(&self) -> &'static str {
        match self {
            StaffProblemKind::Header { .. } => "staff-problem-header",
            StaffProblemKind::Unreadable { .. } => "staff-problem-unreadable",
            StaffProblemKind::FieldCount { .. } => "staff-problem-field-count",
            StaffProblemKind::Empty { .. } => "staff-problem-empty",
            StaffProblemKind::TooLong { .. } => "staff-problem-too-long",
            StaffProblemKind::Role { .. } => "staff-problem-role",
            StaffProblemKind::Username { .. } => "staff-problem-username",
            StaffProblemKind::UnknownUnit { .. } => "staff-problem-unknown-unit",
            StaffProblemKind::NotYourUnit { .. } => "staff-problem-not-your-unit",
            StaffProblemKind::NotYourRole { .. } => "staff-problem-not-your-role",
            StaffProblemKind::UnitKind { .. } => "staff-problem-unit-kind",
            StaffProblemKind::Duplicate { .. } => "staff-problem-duplicate",
            StaffProblemKind::Elsewhere { .. } => "staff-problem-elsewhere",
            StaffProblemKind::NotInYourUnits { .. } => "staff-problem-not-in-your-units",
            StaffProblemKind::TooMany { .. } => "staff-problem-too-many",
        }
    }

    /// The value the message quotes (a field name, a value, a role code, a row number).
    pub fn value(&self) -> String {
        match self {
            StaffProblemKind::Header { found } => found.clone(),
            StaffProblemKind::Unreadable { error } => error.clone(),
            StaffProblemKind::FieldCount { found } => found.to_string(),
            StaffProblemKind::Empty { field } | StaffProblemKind::TooLong { field } => {
                (*field).to_owned()
            }
            StaffProblemKind::Role { value }
            | StaffProblemKind::Username { value }
            | StaffProblemKind::Elsewhere { value }
            | StaffProblemKind::NotInYourUnits { value } => value.clone(),
            StaffProblemKind::UnknownUnit { code } | StaffProblemKind::NotYourUnit { code } => {
                code.clone()
            }
            StaffProblemKind::NotYourRole { role } => role.code().to_owned(),
            // The row names the role; the message says where it belongs.
            StaffProblemKind::UnitKind { kinds, .. } => kinds.join(", "),
            StaffProblemKind::Duplicate { first_row } => first_row.to_string(),
            StaffProblemKind::TooMany { rows } => rows.to_string(),
        }
    }
}

fn role_list() -> String {
    STAFF_ROLES.map(Role::code).join(", ")
}

impl fmt::Display for StaffProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: ", self.row)?;
        match &self.kind {
            StaffProblemKind::Header { found } => write!(
                f,
                "the header is \"{found}\"; it must be \"{}\"",
                STAFF_HEADER.join(",")
            ),
            StaffProblemKind::Unreadable { error } => write!(f, "not readable as CSV: {error}"),
            StaffProblemKind::FieldCount { found } => {
                write!(f, "has {found} fields; it needs {}", STAFF_HEADER.len())
            }
            StaffProblemKind::Empty { field } => write!(f, "{field} is empty"),
            StaffProblemKind::TooLong { field } => {
                write!(f, "{field} is longer than 100 characters")
            }
            StaffProblemKind::Role { value } => {
                write!(f, "role \"{value}\" is not one of {}", role_list())
            }
            StaffProblemKind::Username { value } => write!(
                f,
                "username \"{value}\" is not 3–40 characters of a–z, digits, '.', '_' or '-'"
            ),
            StaffProblemKind::UnknownUnit { code } => write!(f, "no unit has the code \"{code}\""),
            StaffProblemKind::NotYourUnit { code } => {
                write!(f, "the unit \"{code}\" is not under your unit")
            }
            StaffProblemKind::NotYourRole { role } => {
                write!(f, "you may not give the role {role}")
            }
            StaffProblemKind::UnitKind { role, kinds } => write!(
                f,
                "a {role} belongs in a unit of kind {}",
                kinds.join(" or ")
            ),
            StaffProblemKind::Duplicate { first_row } => {
                write!(f, "the same username as row {first_row}")
            }
            StaffProblemKind::Elsewhere { value } => write!(
                f,
                "\"{value}\" already has another role or unit; change that on the people page"
            ),
            StaffProblemKind::NotInYourUnits { value } => {
                write!(f, "\"{value}\" is not in your units")
            }
            StaffProblemKind::TooMany { rows } => write!(
                f,
                "the file has {rows} rows; at most {MAX_STAFF_ROWS} at a time (split it by unit)"
            ),
        }
    }
}

/// Reads one row's fields (already split, in `STAFF_HEADER` order).
pub fn parse_row(row: usize, fields: &[&str]) -> Result<StaffRow, Vec<StaffProblem>> {
    let mut problems = Vec::new();
    let mut complain = |kind: StaffProblemKind| problems.push(StaffProblem { row, kind });
    if fields.len() != STAFF_HEADER.len() {
        complain(StaffProblemKind::FieldCount {
            found: fields.len(),
        });
        return Err(problems);
    }
    let [unit, role, username, name] = std::array::from_fn(|i| fields[i].trim());
    for (field, value) in [("unit_code", unit), ("username", username), ("name", name)] {
        if value.is_empty() {
            complain(StaffProblemKind::Empty { field });
        } else if value.chars().count() > 100 {
            complain(StaffProblemKind::TooLong { field });
        }
    }
    let role = match Role::from_code(role).filter(|r| STAFF_ROLES.contains(r)) {
        Some(role) => Some(role),
        None => {
            complain(StaffProblemKind::Role {
                value: role.to_owned(),
            });
            None
        }
    };
    let username = match Username::parse(username) {
        Ok(username) => Some(username),
        Err(_) => {
            if !username.is_empty() {
                complain(StaffProblemKind::Username {
                    value: username.to_owned(),
                });
            }
            None
        }
    };
    match (role, username) {
        (Some(role), Some(username)) if problems.is_empty() => Ok(StaffRow {
            row,
            unit_code: unit.to_owned(),
            role,
            username,
            name: name.to_owned(),
        }),
        _ => Err(problems),
    }
}

/// What a staff file is checked against.
pub struct StaffContext<'a> {
    /// Every unit's code and kind.
    pub units: &'a HashMap<String, String>,
    /// The units the importer may fill (their subtree); `None`: the command line, any unit.
    pub allowed: Option<&'a HashSet<String>>,
    /// The importer's role; `None`: the command line, any staff role.
    pub importer: Option<Role>,
    /// For each role, the unit kinds its targets count it in (no entry: any unit).
    pub kinds: &'a HashMap<Role, Vec<String>>,
    /// The people the file's usernames already belong to.
    pub existing: &'a HashMap<String, Existing>,
}

/// Checks the rows against each other and what is stored: the unit exists and is the
/// importer's, the importer's rank lets them give the role (`access::may_reset`), the unit is
/// of a kind the role is counted in, a username appears once, and a username already used
/// belongs to the same role in the same unit (a file never moves a person or changes a role).
pub fn check_staff(rows: &[StaffRow], context: &StaffContext<'_>) -> Vec<StaffProblem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let mut complain =
            |kind: StaffProblemKind| problems.push(StaffProblem { row: row.row, kind });
        // Someone with a scope is not told which units exist outside it.
        let outside = context
            .allowed
            .is_some_and(|allowed| !allowed.contains(&row.unit_code));
        match context.units.get(&row.unit_code) {
            _ if outside => complain(StaffProblemKind::NotYourUnit {
                code: row.unit_code.clone(),
            }),
            None => complain(StaffProblemKind::UnknownUnit {
                code: row.unit_code.clone(),
            }),
            Some(kind) => {
                if let Some(kinds) = context.kinds.get(&row.role) {
                    if !kinds.contains(kind) {
                        complain(StaffProblemKind::UnitKind {
                            role: row.role,
                            kinds: kinds.clone(),
                        });
                    }
                }
            }
        }
        if context
            .importer
            .is_some_and(|importer| !may_reset(importer, row.role))
        {
            complain(StaffProblemKind::NotYourRole { role: row.role });
        }
        let value = || row.username.as_str().to_owned();
        match context.existing.get(row.username.as_str()) {
            Some(person)
                if context
                    .allowed
                    .is_some_and(|allowed| !allowed.contains(&person.home_unit)) =>
            {
                complain(StaffProblemKind::NotInYourUnits { value: value() })
            }
            Some(person) if person.role != row.role || person.home_unit != row.unit_code => {
                complain(StaffProblemKind::Elsewhere { value: value() })
            }
            _ => {}
        }
        if let Some(first_row) = seen.insert(row.username.as_str(), row.row) {
            complain(StaffProblemKind::Duplicate { first_row });
        }
    }
    problems
}

/// Why a manager may not give a person this role in this unit (the people page's move and
/// role change; the store has already kept the person and the unit to the manager's units).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChangeProblem {
    /// The new role is not a staff role, or not one the manager's rank may give.
    #[error("you may not give the role {0}")]
    NotYourRole(Role),
    #[error("a {role} belongs in a unit of kind {}", kinds.join(" or "))]
    UnitKind { role: Role, kinds: Vec<String> },
}

impl ChangeProblem {
    /// The Fluent key of the message, and the value it quotes.
    pub fn message(&self) -> (&'static str, String) {
        match self {
            ChangeProblem::NotYourRole(role) => ("person-problem-role", role.code().to_owned()),
            ChangeProblem::UnitKind { kinds, .. } => ("person-problem-unit-kind", kinds.join(", ")),
        }
    }
}

/// Checks moving a member of staff to a unit of kind `unit_kind` with the role `role`: the
/// manager must be able to give both their present role and the new one (downward in rank,
/// `access::may_reset`), and the unit must be of a kind the role is counted in.
pub fn check_change(
    manager: Role,
    present: Role,
    role: Role,
    unit_kind: &str,
    kinds: &HashMap<Role, Vec<String>>,
) -> Result<(), ChangeProblem> {
    for role in [present, role] {
        if !STAFF_ROLES.contains(&role) || !may_reset(manager, role) {
            return Err(ChangeProblem::NotYourRole(role));
        }
    }
    match kinds.get(&role) {
        Some(allowed) if !allowed.iter().any(|k| k == unit_kind) => Err(ChangeProblem::UnitKind {
            role,
            kinds: allowed.clone(),
        }),
        _ => Ok(()),
    }
}

/// For each role, the unit kinds the targets that count it name (a role no target narrows
/// is missing: any unit). `targets`: each target's roles and unit kinds.
pub fn unit_kinds_by_role<'a>(
    targets: impl IntoIterator<Item = (&'a [Role], &'a [String])>,
) -> HashMap<Role, Vec<String>> {
    let mut kinds: HashMap<Role, Vec<String>> = HashMap::new();
    for (roles, unit_kinds) in targets {
        if unit_kinds.is_empty() {
            continue;
        }
        for role in roles {
            let entry = kinds.entry(*role).or_default();
            for kind in unit_kinds {
                if !entry.contains(kind) {
                    entry.push(kind.clone());
                }
            }
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<&str> {
        line.split(',').collect()
    }

    fn rows(lines: &[&str]) -> Vec<StaffRow> {
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| parse_row(i + 2, &fields(line)).unwrap())
            .collect()
    }

    #[test]
    fn reads_every_staff_role_and_reports_every_problem_of_a_row() {
        for role in STAFF_ROLES {
            let row = parse_row(2, &fields(&format!("C1,{},ho.ten,Họ Tên", role.code()))).unwrap();
            assert_eq!(row.role, role);
        }
        let lines: Vec<String> = parse_row(7, &fields(",admin,Cô Lan,"))
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 7: unit_code is empty",
                "row 7: name is empty",
                "row 7: role \"admin\" is not one of school-manager, teacher, protection-officer, health-worker, police-officer, unit-manager",
                "row 7: username \"Cô Lan\" is not 3–40 characters of a–z, digits, '.', '_' or '-'",
            ]
        );
        assert_eq!(
            parse_row(3, &["a", "b"]).unwrap_err()[0].to_string(),
            "row 3: has 2 fields; it needs 4"
        );
        assert!(parse_row(4, &fields("C1,student,hs.1,An")).is_err());
        assert!(parse_row(4, &fields("C1,parent,ph.1,An")).is_err());
    }

    #[test]
    fn units_ranks_kinds_and_usernames_are_checked() {
        let units: HashMap<String, String> = [
            ("P", "province"),
            ("C1", "commune"),
            ("C1-TYT", "health-station"),
            ("C1-TH", "school"),
            ("C2", "commune"),
        ]
        .map(|(c, k)| (c.to_owned(), k.to_owned()))
        .into();
        let allowed: HashSet<String> = ["C1", "C1-TYT", "C1-TH"].map(String::from).into();
        let kinds = unit_kinds_by_role([
            (
                &[Role::HealthWorker][..],
                &["health-station".to_owned()][..],
            ),
            (
                &[Role::Teacher, Role::SchoolManager][..],
                &["school".to_owned()][..],
            ),
            (&[Role::PoliceOfficer][..], &[][..]),
        ]);
        let person = |role, unit: &str| Existing {
            role,
            home_unit: unit.to_owned(),
        };
        let existing = HashMap::from([
            ("yte.an".to_owned(), person(Role::HealthWorker, "C1-TYT")),
            ("gv.moved".to_owned(), person(Role::Teacher, "C1-TH")),
            ("far.away".to_owned(), person(Role::Teacher, "C2")),
        ]);
        let file = rows(&[
            "C1-TYT,health-worker,yte.an,Nguyễn An", // 2: not a unit manager's to give
            "C1,health-worker,yte.binh,Bình",        // 3: not a health station
            "C1-TH,teacher,gv.moi,Mới",              // 4: fine
            "C1,protection-officer,bv.c1,Bảo vệ",    // 5: fine
            "C2,teacher,gv.c2,Xa",                   // 6: not theirs, not a school
            "C9,teacher,gv.c9,Không có",             // 7: unknown
            "C1,police-officer,ca.c1,Công an",       // 8: a unit manager may not
            "C1-TH,school-manager,gv.moved,Đổi vai", // 9: a file does not change roles
            "C1-TH,teacher,far.away,Xa",             // 10: someone else's
            "C1-TH,teacher,gv.moi,Mới lần hai",      // 11: twice
        ]);
        let context = StaffContext {
            units: &units,
            allowed: Some(&allowed),
            importer: Some(Role::UnitManager),
            kinds: &kinds,
            existing: &existing,
        };
        let lines: Vec<String> = check_staff(&file, &context)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 2: you may not give the role health-worker",
                "row 3: a health-worker belongs in a unit of kind health-station",
                "row 3: you may not give the role health-worker",
                "row 6: the unit \"C2\" is not under your unit",
                "row 7: the unit \"C9\" is not under your unit",
                "row 8: you may not give the role police-officer",
                "row 9: \"gv.moved\" already has another role or unit; change that on the people page",
                "row 10: \"far.away\" is not in your units",
                "row 11: the same username as row 4",
            ]
        );
        // The command line gives any staff role in any unit; kinds still hold.
        let anywhere = StaffContext {
            allowed: None,
            importer: None,
            ..context
        };
        let lines: Vec<String> = check_staff(&file[..7], &anywhere)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 3: a health-worker belongs in a unit of kind health-station",
                "row 6: a teacher belongs in a unit of kind school",
                "row 7: no unit has the code \"C9\"",
            ]
        );
        // A school manager gives teachers of their school only.
        let school: HashSet<String> = ["C1-TH"].map(String::from).into();
        let principal = StaffContext {
            allowed: Some(&school),
            importer: Some(Role::SchoolManager),
            ..anywhere
        };
        let lines: Vec<String> = check_staff(&file[2..4], &principal)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 5: the unit \"C1\" is not under your unit",
                "row 5: you may not give the role protection-officer",
            ]
        );
    }

    #[test]
    fn a_manager_moves_and_changes_roles_within_their_rank_and_the_targets_kinds() {
        let kinds = unit_kinds_by_role([(
            &[Role::Teacher, Role::SchoolManager][..],
            &["school".to_owned()][..],
        )]);
        use Role::*;
        assert_eq!(
            check_change(UnitManager, Teacher, SchoolManager, "school", &kinds),
            Ok(())
        );
        assert_eq!(
            check_change(UnitManager, Teacher, SchoolManager, "commune", &kinds),
            Err(ChangeProblem::UnitKind {
                role: SchoolManager,
                kinds: vec!["school".into()]
            })
        );
        assert_eq!(
            check_change(UnitManager, Teacher, UnitManager, "commune", &kinds),
            Err(ChangeProblem::NotYourRole(UnitManager)),
            "never to one's own rank"
        );
        assert_eq!(
            check_change(
                UnitManager,
                HealthWorker,
                ProtectionOfficer,
                "commune",
                &kinds
            ),
            Err(ChangeProblem::NotYourRole(HealthWorker)),
            "never someone of another agency"
        );
        assert_eq!(
            check_change(SchoolManager, Teacher, Teacher, "school", &kinds),
            Ok(())
        );
        assert_eq!(
            check_change(Admin, Parent, Teacher, "school", &kinds),
            Err(ChangeProblem::NotYourRole(Parent)),
            "a parent is not made staff"
        );
        assert_eq!(
            check_change(Admin, PoliceOfficer, HealthWorker, "commune", &kinds),
            Ok(())
        );
    }

    #[test]
    fn problem_kinds_have_message_keys_and_values() {
        let kind = StaffProblemKind::UnitKind {
            role: Role::HealthWorker,
            kinds: vec!["health-station".into()],
        };
        assert_eq!(kind.key(), "staff-problem-unit-kind");
        assert_eq!(kind.value(), "health-station");
    }
}
