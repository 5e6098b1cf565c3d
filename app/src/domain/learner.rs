//! Which modules fit a learner: by role, and for students by age band.

use crate::domain::content::{AgeBand, Audience, StaffRole};
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
}
