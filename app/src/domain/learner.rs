//! Which modules fit a learner: by role, and for students by age band.

use crate::domain::content::{AgeBand, Audience, Module, ModuleId, StaffRole};
use crate::domain::person::Role;

/// A child's age band from their age in years (under 11: 6–10; under 15: 11–14; else 15–18).
pub fn age_band(age: i32) -> AgeBand {
    match age {
        ..=10 => AgeBand::Age6To10,
        11..=14 => AgeBand::Age11To14,
        _ => AgeBand::Age15To18,
    }
}

/// The audiences whose modules are meant for this person. Unit managers and admins oversee
/// every kind of staff, so they see every staff module.
pub fn audiences_for(role: Role, age: Option<i32>) -> Vec<Audience> {
    match role {
        Role::Student => vec![Audience::Student(age_band(age.unwrap_or(10)))],
        Role::Parent => vec![Audience::Parent],
        Role::Teacher => vec![Audience::Staff(StaffRole::Teacher)],
        Role::SchoolManager => vec![Audience::Staff(StaffRole::SchoolManager)],
        Role::ProtectionOfficer => vec![Audience::Staff(StaffRole::ChildProtectionOfficer)],
        Role::HealthWorker => vec![Audience::Staff(StaffRole::HealthWorker)],
        Role::PoliceOfficer => vec![Audience::Staff(StaffRole::PoliceOfficer)],
        Role::UnitManager | Role::Admin => {
            StaffRole::ALL.into_iter().map(Audience::Staff).collect()
        }
    }
}

/// Whether a module's prerequisites bind this person. For staff they do: their training is a
/// sequence a certificate vouches for (the law before recognising signs, reporting before
/// child-friendly care). For children and parents they are advice shown on the module page —
/// a teacher's assignment decides what a class learns, and a child is never kept from a lesson
/// on safety.
pub fn prerequisites_bind(role: Role) -> bool {
    role.is_staff()
}

/// The prerequisites of `module` the learner has not completed, in the module's order.
pub fn prerequisites_missing(
    module: &Module,
    completed: impl Fn(&ModuleId) -> bool,
) -> Vec<&ModuleId> {
    module
        .prerequisites
        .iter()
        .filter(|id| !completed(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_get_their_age_band() {
        assert_eq!(age_band(6), AgeBand::Age6To10);
        assert_eq!(age_band(10), AgeBand::Age6To10);
        assert_eq!(age_band(11), AgeBand::Age11To14);
        assert_eq!(age_band(14), AgeBand::Age11To14);
        assert_eq!(age_band(15), AgeBand::Age15To18);
        assert_eq!(
            audiences_for(Role::Student, Some(12)),
            [Audience::Student(AgeBand::Age11To14)]
        );
    }

    #[test]
    fn adults_get_their_role() {
        assert_eq!(audiences_for(Role::Parent, None), [Audience::Parent]);
        assert_eq!(
            audiences_for(Role::PoliceOfficer, None),
            [Audience::Staff(StaffRole::PoliceOfficer)]
        );
        assert_eq!(audiences_for(Role::Admin, None).len(), 5);
    }

    #[test]
    fn prerequisites_bind_staff_and_only_those_not_completed_are_missing() {
        use crate::domain::content::Quiz;
        let id = |s: &str| ModuleId::parse(s).unwrap();
        let module = Module {
            id: id("recognising-signs"),
            version: 1,
            audiences: Vec::new(),
            minutes: 10,
            pass_mark: 80,
            prerequisites: vec![id("law-on-children"), id("first-steps")],
            tags: Vec::new(),
            lessons: Vec::new(),
            quiz: Quiz::default(),
        };
        let done = [id("first-steps")];
        assert_eq!(
            prerequisites_missing(&module, |m| done.contains(m)),
            [&id("law-on-children")]
        );
        assert!(prerequisites_missing(&module, |_| true).is_empty());
        assert!(prerequisites_bind(Role::Teacher) && prerequisites_bind(Role::Admin));
        assert!(!prerequisites_bind(Role::Student) && !prerequisites_bind(Role::Parent));
    }
}
