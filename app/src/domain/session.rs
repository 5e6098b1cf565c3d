//! How long a session lasts, per role.
//!
//! Students use shared lab computers: a short idle timeout and a cookie that dies with the
//! browser. Parents use their own phones and would give up if asked to sign in every day.
//! Staff sit in between; admins, who can see everything, get the shortest staff limits.

use crate::domain::person::Role;
use crate::domain::throttle::{HOUR, MINUTE};

const DAY: i64 = 24 * HOUR;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// Ends after this long without a request.
    pub idle: i64,
    /// Ends this long after signing in, however busy.
    pub absolute: i64,
    /// Whether the cookie outlives the browser (only on a person's own device).
    pub persistent: bool,
}

pub fn timeouts(role: Role) -> Timeouts {
    match role {
        Role::Student => Timeouts {
            idle: 15 * MINUTE,
            absolute: 4 * HOUR,
            persistent: false,
        },
        Role::Parent => Timeouts {
            idle: 30 * DAY,
            absolute: 90 * DAY,
            persistent: true,
        },
        Role::Admin => Timeouts {
            idle: 30 * MINUTE,
            absolute: 8 * HOUR,
            persistent: false,
        },
        Role::SchoolManager | Role::UnitManager => Timeouts {
            idle: HOUR,
            absolute: 12 * HOUR,
            persistent: false,
        },
        Role::Teacher | Role::ProtectionOfficer | Role::HealthWorker | Role::PoliceOfficer => {
            Timeouts {
                idle: 2 * HOUR,
                absolute: 12 * HOUR,
                persistent: false,
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    Active,
    IdleTooLong,
    TooOld,
}

pub fn state(role: Role, created_at: i64, last_seen: i64, now: i64) -> SessionState {
    let limits = timeouts(role);
    if now - created_at >= limits.absolute {
        SessionState::TooOld
    } else if now - last_seen >= limits.idle {
        SessionState::IdleTooLong
    } else {
        SessionState::Active
    }
}

/// `last_seen` is written at most this often, so reading pages does not mean a write each.
pub const TOUCH_EVERY: i64 = MINUTE;

/// An ended session's row is kept this long after it ended. It signs nobody in; it only
/// ties a form posted after the end (a quiz someone took too long over) to its person, so
/// the answers can be kept and sent once that same person signs in again.
pub const KEEP_ENDED: i64 = DAY;

/// When a session ended (or will end) without further requests.
pub fn ends_at(role: Role, created_at: i64, last_seen: i64) -> i64 {
    let limits = timeouts(role);
    (created_at + limits.absolute).min(last_seen + limits.idle)
}

/// Whether an ended session's row can go: it ended more than [`KEEP_ENDED`] ago.
pub fn forgotten(role: Role, created_at: i64, last_seen: i64, now: i64) -> bool {
    now - ends_at(role, created_at, last_seen) >= KEEP_ENDED
}

/// Any session not seen for this long has ended and been kept long enough, whatever its role.
pub const SWEEP_AFTER: i64 = 30 * DAY + KEEP_ENDED;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn students_time_out_soon_and_parents_late() {
        let now = 1_800_000_000;
        assert_eq!(
            state(Role::Student, now - 60, now - 60, now),
            SessionState::Active
        );
        assert_eq!(
            state(Role::Student, now - 20 * MINUTE, now - 15 * MINUTE, now),
            SessionState::IdleTooLong
        );
        assert_eq!(
            state(Role::Parent, now - 20 * DAY, now - 10 * DAY, now),
            SessionState::Active
        );
        assert_eq!(
            state(Role::Parent, now - 91 * DAY, now - MINUTE, now),
            SessionState::TooOld
        );
        assert_eq!(
            state(Role::Teacher, now - 13 * HOUR, now - MINUTE, now),
            SessionState::TooOld
        );
        assert!(!timeouts(Role::Student).persistent && timeouts(Role::Parent).persistent);
    }

    #[test]
    fn every_role_has_an_idle_limit_below_its_absolute_limit() {
        for role in Role::ALL {
            let t = timeouts(role);
            assert!(t.idle > TOUCH_EVERY && t.idle <= t.absolute, "{role}");
            assert!(
                t.idle + KEEP_ENDED <= SWEEP_AFTER,
                "{role}: swept too early"
            );
        }
    }

    #[test]
    fn ended_sessions_are_kept_a_day_then_forgotten() {
        let now = 1_800_000_000;
        // A student idle for 20 minutes: ended 5 minutes ago, kept.
        let (created, seen) = (now - 30 * MINUTE, now - 20 * MINUTE);
        assert_eq!(
            state(Role::Student, created, seen, now),
            SessionState::IdleTooLong
        );
        assert_eq!(ends_at(Role::Student, created, seen), now - 5 * MINUTE);
        assert!(!forgotten(Role::Student, created, seen, now));
        assert!(forgotten(Role::Student, created, seen, now + DAY));
        // Too old counts from the start: 4 hours for a student.
        assert_eq!(
            ends_at(Role::Student, now, now + 3 * HOUR + 50 * MINUTE),
            now + 4 * HOUR
        );
    }
}
