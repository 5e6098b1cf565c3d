//! What the privacy notice promises, in one place: its version, and how long SafeSteps keeps
//! what it needs only for a while. The retention sweep, the notice page and the README use
//! these numbers and no others.

use crate::domain::session::{KEEP_ENDED, SWEEP_AFTER};
use crate::domain::throttle::HOUR;

const DAY: i64 = 24 * HOUR;

/// The privacy notice's version (the day it was last changed). A parent's consent records it.
pub const NOTICE_VERSION: &str = "2026-12-01";

/// Sessions nobody used for this long are deleted (ended, and kept a day for late answers).
pub const SESSIONS: i64 = SWEEP_AFTER;
/// Quiz answers kept across an ended session are deleted after this.
pub const KEPT_ANSWERS: i64 = KEEP_ENDED;
/// Failed sign-ins and unknown class codes are deleted after this: longer than every
/// throttle window, so a sweep never changes a verdict.
pub const FAILURES: i64 = DAY;
/// Audit rows are deleted after a year.
pub const AUDIT_LOG: i64 = 365 * DAY;
/// How often a running server sweeps.
pub const SWEEP_EVERY: i64 = HOUR;

/// A period in whole days or hours, for the notice and the README.
pub fn days(seconds: i64) -> i64 {
    seconds / DAY
}

pub fn hours(seconds: i64) -> i64 {
    seconds / HOUR
}

/// What a sweep at `now` deletes: everything older than these moments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    pub sessions_unused_since: i64,
    pub kept_before: i64,
    pub failures_before: i64,
    pub resets_expired_before: i64,
    pub audit_before: i64,
}

pub fn cutoffs(now: i64) -> Cutoffs {
    Cutoffs {
        sessions_unused_since: now - SESSIONS,
        kept_before: now - KEPT_ANSWERS,
        failures_before: now - FAILURES,
        resets_expired_before: now,
        audit_before: now - AUDIT_LOG,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::Role;
    use crate::domain::throttle::{
        account_limits, CLASS_LIMITS, CLIENT_LIMITS, LOOKUP_ADDRESS_LIMITS, LOOKUP_LIMITS,
        STUDENT_CLIENT_LIMITS, STUDENT_LIMITS,
    };

    #[test]
    fn failures_outlive_every_throttle_window() {
        let limits = [
            account_limits(Role::Teacher),
            CLIENT_LIMITS,
            STUDENT_CLIENT_LIMITS,
            STUDENT_LIMITS,
            CLASS_LIMITS,
            LOOKUP_LIMITS,
            LOOKUP_ADDRESS_LIMITS,
        ];
        for l in limits {
            assert!(
                FAILURES >= l.short_window && FAILURES >= l.long_window,
                "{l:?}"
            );
        }
    }

    #[test]
    fn sessions_outlive_the_longest_idle_limit_and_the_day_answers_are_kept() {
        for role in Role::ALL {
            let t = crate::domain::session::timeouts(role);
            assert!(SESSIONS >= t.idle + KEEP_ENDED, "{role:?}");
        }
        assert_eq!(days(SESSIONS), 31);
        assert_eq!(days(AUDIT_LOG), 365);
        assert_eq!(hours(KEPT_ANSWERS), 24);
        let c = cutoffs(1_000_000_000);
        assert!(
            c.audit_before < c.sessions_unused_since && c.sessions_unused_since < c.kept_before
        );
    }
}
