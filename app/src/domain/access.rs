//! Who may call what: one table for every route and server function.
//!
//! The server looks every request up here by its route pattern (as axum matched it) and its
//! method, before any handler runs; a route without a row is refused. What a permitted
//! person then sees is narrowed by their `Scope`: students only themselves, parents their
//! household, teachers their classes, school managers their school, unit managers their
//! subtree, admins everything.

use crate::domain::person::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    SignedIn,
    Roles(&'static [Role]),
}

impl Access {
    pub fn allows(self, role: Option<Role>) -> bool {
        match self {
            Access::Anyone => true,
            Access::SignedIn => role.is_some(),
            Access::Roles(roles) => role.is_some_and(|r| roles.contains(&r)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub method: &'static str,
    /// The route pattern, as axum writes it (`/classes/{id}`).
    pub path: &'static str,
    pub access: Access,
}

/// Those who look after classes: their teachers, the school's managers, admins.
pub const CLASS_STAFF: &[Role] = &[Role::Teacher, Role::SchoolManager, Role::Admin];

/// Those who import rosters: school and unit managers (for units under theirs), admins.
pub const ROSTER_STAFF: &[Role] = &[Role::SchoolManager, Role::UnitManager, Role::Admin];

/// Those who print family letters: a class's teacher, and those who manage units.
pub const LETTER_STAFF: &[Role] = &[
    Role::Teacher,
    Role::SchoolManager,
    Role::UnitManager,
    Role::Admin,
];

/// Those who read coverage reports: unit and school managers, child-protection officers (of
/// their own unit and below), admins.
pub const COVERAGE_READERS: &[Role] = &[
    Role::UnitManager,
    Role::SchoolManager,
    Role::ProtectionOfficer,
    Role::Admin,
];

/// Those who see a school's classes and staff at once: its managers, unit managers above it,
/// admins.
pub const SCHOOL_READERS: &[Role] = &[Role::SchoolManager, Role::UnitManager, Role::Admin];

/// Those who delete a student who left: the school's managers (the data is theirs to keep
/// under their own duty), admins.
pub const STUDENT_DELETERS: &[Role] = &[Role::SchoolManager, Role::Admin];

/// Those who close a reporting period: the managers of the unit, admins.
pub const COVERAGE_CLOSERS: &[Role] = &[Role::UnitManager, Role::SchoolManager, Role::Admin];

/// Who may issue a password reset code for whom (the store also keeps it to the people of the
/// units under the actor's). With a code one chooses a person's password and signs in as them,
/// so it goes only downward in rank, and across agencies only where the organisation is one:
///
/// | actor | may reset |
/// |---|---|
/// | admin (the province's system administrator) | every role with a password but admin |
/// | unit manager (commune or province People's Committee) | school managers, teachers, parents, child-protection officers (staff of the same committee) |
/// | school manager | teachers and parents of the school |
/// | everyone else | nobody |
///
/// Never a peer: a manager's, or an admin's, password is reset by those above them (an
/// admin's from the command line). Commune health workers answer to the health service and
/// police officers to the police, not to the People's Committee: only an admin resets theirs.
pub fn may_reset(actor: Role, person: Role) -> bool {
    use Role::*;
    match actor {
        Admin => !matches!(person, Admin | Student),
        UnitManager => matches!(person, SchoolManager | Teacher | Parent | ProtectionOfficer),
        SchoolManager => matches!(person, Teacher | Parent),
        Student | Parent | Teacher | ProtectionOfficer | HealthWorker | PoliceOfficer => false,
    }
}

/// The roles `actor` may reset (see [`may_reset`]).
pub fn resettable(actor: Role) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|&person| may_reset(actor, person))
        .collect()
}

const fn rule(method: &'static str, path: &'static str, access: Access) -> Rule {
    Rule {
        method,
        path,
        access,
    }
}

use Access::{Anyone, Roles, SignedIn};

pub const ACCESS: &[Rule] = &[
    // Public pages and the catalogue.
    rule("GET", "/", Anyone),
    rule("GET", "/modules", Anyone),
    rule("GET", "/modules/{id}", Anyone),
    rule("GET", "/modules/{id}/lessons/{lesson}", Anyone),
    rule("GET", "/modules/{id}/quiz", Anyone),
    rule("POST", "/modules/{id}/quiz", SignedIn),
    rule("GET", "/modules/{id}/quiz/attempts/{attempt}", SignedIn),
    rule("GET", "/api/learning/progress", Anyone),
    rule("GET", "/api/learning/attempt", SignedIn),
    rule("GET", "/learn", SignedIn),
    rule("GET", "/api/learning/home", SignedIn),
    rule("GET", "/api/learning/certificates", SignedIn),
    rule("GET", "/certificates/{code}", Anyone),
    rule("GET", "/api/learning/certificate", Anyone),
    rule("GET", "/content/{module}/images/{file}", Anyone),
    rule("GET", "/healthz", Anyone),
    rule("POST", "/lang", Anyone),
    rule("GET", "/api/catalog/modules", Anyone),
    rule("GET", "/api/catalog/module", Anyone),
    rule("GET", "/api/catalog/lesson", Anyone),
    rule("GET", "/api/catalog/quiz", Anyone),
    // Signing in and out.
    rule("GET", "/sign-in", Anyone),
    rule("POST", "/sign-in", Anyone),
    rule("GET", "/sign-in/class", Anyone),
    rule("GET", "/sign-in/class/{code}/{student}", Anyone),
    rule("POST", "/sign-in/class/{code}/{student}", Anyone),
    rule("GET", "/api/people/class-sign-in", Anyone),
    rule("GET", "/sign-up/family", Anyone),
    rule("POST", "/sign-up/family", Anyone),
    rule("POST", "/sign-out", SignedIn),
    rule("GET", "/sign-in/reset", Anyone),
    rule("POST", "/sign-in/reset", Anyone),
    // Signed in.
    rule("GET", "/account", SignedIn),
    rule("GET", "/api/people/account", SignedIn),
    rule("GET", "/account/password", SignedIn),
    rule("POST", "/account/password", SignedIn),
    // Personal data: the notice for anyone, each person's own copy.
    rule("GET", "/privacy", Anyone),
    rule("GET", "/account/data", SignedIn),
    rule("GET", "/account/data.json", SignedIn),
    rule("GET", "/api/privacy/mine", SignedIn),
    // Classes.
    rule("GET", "/classes", Roles(CLASS_STAFF)),
    rule("GET", "/classes/{id}", Roles(CLASS_STAFF)),
    rule("GET", "/classes/{id}/cards", Roles(CLASS_STAFF)),
    rule(
        "POST",
        "/classes/{id}/students/{student}/reset",
        Roles(CLASS_STAFF),
    ),
    rule(
        "POST",
        "/classes/{id}/students/{student}/delete",
        Roles(STUDENT_DELETERS),
    ),
    rule("GET", "/api/people/classes", Roles(CLASS_STAFF)),
    // Assignments: those who look after the class.
    rule("POST", "/classes/{id}/assignments", Roles(CLASS_STAFF)),
    rule(
        "POST",
        "/classes/{id}/assignments/{module}/remove",
        Roles(CLASS_STAFF),
    ),
    rule("GET", "/api/assignments/class", Roles(CLASS_STAFF)),
    rule("GET", "/api/assignments/class-page", Roles(CLASS_STAFF)),
    rule("GET", "/classes/{id}/progress.csv", Roles(CLASS_STAFF)),
    rule("GET", "/classes/{id}/progress.xlsx", Roles(CLASS_STAFF)),
    // A school at once: its classes and staff.
    rule("GET", "/school", Roles(SCHOOL_READERS)),
    rule("GET", "/api/assignments/school", Roles(SCHOOL_READERS)),
    rule("GET", "/school/{unit}/classes.csv", Roles(SCHOOL_READERS)),
    rule("GET", "/school/{unit}/classes.xlsx", Roles(SCHOOL_READERS)),
    // A student's record: those who look after their class.
    rule(
        "GET",
        "/classes/{id}/students/{student}",
        Roles(CLASS_STAFF),
    ),
    rule("GET", "/api/assignments/student", Roles(CLASS_STAFF)),
    // Rosters: those who manage a school or a unit.
    rule("GET", "/roster", Roles(ROSTER_STAFF)),
    rule("POST", "/roster", Roles(ROSTER_STAFF)),
    // Staff accounts by unit: those who manage a school or a unit, within their rank.
    rule("GET", "/staff", Roles(ROSTER_STAFF)),
    rule("POST", "/staff", Roles(ROSTER_STAFF)),
    rule("GET", "/api/people/class", Roles(CLASS_STAFF)),
    // People and families: those who manage a school or a unit; a class's letters, its staff.
    rule("GET", "/people", Roles(ROSTER_STAFF)),
    rule("GET", "/api/accounts/people", Roles(ROSTER_STAFF)),
    rule("POST", "/people/{id}/password-reset", Roles(ROSTER_STAFF)),
    // One person: moved, given a role, deactivated — within the manager's units and rank.
    rule("GET", "/people/{id}", Roles(ROSTER_STAFF)),
    rule("GET", "/api/accounts/person", Roles(ROSTER_STAFF)),
    rule("POST", "/people/{id}/change", Roles(ROSTER_STAFF)),
    rule("POST", "/people/{id}/deactivate", Roles(ROSTER_STAFF)),
    rule("POST", "/people/{id}/reactivate", Roles(ROSTER_STAFF)),
    rule(
        "POST",
        "/families/{household}/parents/{parent}/unlink",
        Roles(ROSTER_STAFF),
    ),
    rule(
        "POST",
        "/families/{household}/new-code",
        Roles(ROSTER_STAFF),
    ),
    rule("GET", "/families/letters", Roles(ROSTER_STAFF)),
    rule("GET", "/classes/{id}/letters", Roles(CLASS_STAFF)),
    rule("GET", "/api/accounts/letters", Roles(LETTER_STAFF)),
    rule("GET", "/coverage", Roles(COVERAGE_READERS)),
    rule("GET", "/coverage/{unit}", Roles(COVERAGE_READERS)),
    rule("GET", "/coverage/{unit}/print", Roles(COVERAGE_READERS)),
    rule(
        "GET",
        "/coverage/{unit}/reports/{report}",
        Roles(COVERAGE_READERS),
    ),
    rule(
        "GET",
        "/coverage/{unit}/export.csv",
        Roles(COVERAGE_READERS),
    ),
    rule(
        "GET",
        "/coverage/{unit}/export.xlsx",
        Roles(COVERAGE_READERS),
    ),
    rule(
        "GET",
        "/coverage/{unit}/reports/{report}/export.csv",
        Roles(COVERAGE_READERS),
    ),
    rule(
        "GET",
        "/coverage/{unit}/reports/{report}/export.xlsx",
        Roles(COVERAGE_READERS),
    ),
    rule("GET", "/api/coverage/report", Roles(COVERAGE_READERS)),
    rule("GET", "/api/coverage/closed", Roles(COVERAGE_READERS)),
    rule("POST", "/coverage/{unit}/close", Roles(COVERAGE_CLOSERS)),
    rule("GET", "/counts", Roles(ROSTER_STAFF)),
    rule("POST", "/counts", Roles(ROSTER_STAFF)),
    rule("GET", "/api/coverage/counts", Roles(ROSTER_STAFF)),
    rule("GET", "/counts/template.csv", Roles(ROSTER_STAFF)),
];

/// The rule for a request, if the table has one.
pub fn rule_for(method: &str, path: &str) -> Option<&'static Rule> {
    ACCESS.iter().find(|r| r.method == method && r.path == path)
}

/// How much of the data a person may see once a route let them in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Myself,
    Household,
    MyClasses,
    /// Everything under their home unit (their school, commune, province).
    Subtree,
    Everything,
}

pub fn scope(role: Role) -> Scope {
    match role {
        Role::Student | Role::ProtectionOfficer | Role::HealthWorker | Role::PoliceOfficer => {
            Scope::Myself
        }
        Role::Parent => Scope::Household,
        Role::Teacher => Scope::MyClasses,
        Role::SchoolManager | Role::UnitManager => Scope::Subtree,
        Role::Admin => Scope::Everything,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn resets_go_down_in_rank_and_never_to_a_peer() {
        use super::may_reset;
        use crate::domain::person::Role::{self, *};
        // Every pair of roles, written out: (actor, the roles they may reset).
        let table: [(Role, &[Role]); 9] = [
            (Student, &[]),
            (Parent, &[]),
            (Teacher, &[]),
            (SchoolManager, &[Parent, Teacher]),
            (ProtectionOfficer, &[]),
            (HealthWorker, &[]),
            (PoliceOfficer, &[]),
            (
                UnitManager,
                &[Parent, Teacher, SchoolManager, ProtectionOfficer],
            ),
            (
                Admin,
                &[
                    Parent,
                    Teacher,
                    SchoolManager,
                    ProtectionOfficer,
                    HealthWorker,
                    PoliceOfficer,
                    UnitManager,
                ],
            ),
        ];
        for (actor, allowed) in table {
            for person in Role::ALL {
                assert_eq!(
                    may_reset(actor, person),
                    allowed.contains(&person),
                    "{actor:?} resetting {person:?}"
                );
            }
            assert!(!may_reset(actor, actor), "{actor:?} never resets a peer");
        }
    }

    use super::*;

    #[test]
    fn every_rule_is_unique() {
        for (i, a) in ACCESS.iter().enumerate() {
            assert!(
                ACCESS[i + 1..]
                    .iter()
                    .all(|b| (a.method, a.path) != (b.method, b.path)),
                "{} {} has two rows",
                a.method,
                a.path
            );
        }
    }

    #[test]
    fn access_levels_mean_what_they_say() {
        assert!(Anyone.allows(None));
        assert!(!SignedIn.allows(None) && SignedIn.allows(Some(Role::Student)));
        assert!(!Roles(CLASS_STAFF).allows(Some(Role::Student)));
        assert!(!Roles(CLASS_STAFF).allows(Some(Role::Parent)));
        assert!(Roles(CLASS_STAFF).allows(Some(Role::Teacher)));
        assert!(!Roles(CLASS_STAFF).allows(None));
    }

    #[test]
    fn scopes_follow_the_roles() {
        assert_eq!(scope(Role::Student), Scope::Myself);
        assert_eq!(scope(Role::Parent), Scope::Household);
        assert_eq!(scope(Role::Teacher), Scope::MyClasses);
        assert_eq!(scope(Role::SchoolManager), Scope::Subtree);
        assert_eq!(scope(Role::UnitManager), Scope::Subtree);
        assert_eq!(scope(Role::Admin), Scope::Everything);
    }
}
