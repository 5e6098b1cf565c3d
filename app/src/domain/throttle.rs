//! How many failed sign-ins are let through before we ask to wait.
//!
//! Failures are counted since the account's last successful sign-in or teacher reset. A
//! student's PIN has only 10,000 values and a picture password 36, so students get fewer
//! tries and, after too many in a day, need their teacher.

use crate::domain::person::Role;

/// Minutes are what the messages speak in; times are Unix seconds.
pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Try again at this time.
    WaitUntil(i64),
    /// Only a teacher (or a manager) can unlock the account.
    AskTeacher,
}

/// A short window (wait a while) and a long one (needs a reset, for students).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub short_window: i64,
    pub short_limit: usize,
    pub long_window: i64,
    pub long_limit: Option<usize>,
}

pub fn account_limits(role: Role) -> Limits {
    match role {
        Role::Student => Limits {
            short_window: 15 * MINUTE,
            short_limit: 5,
            long_window: 24 * HOUR,
            long_limit: Some(10),
        },
        _ => Limits {
            short_window: 15 * MINUTE,
            short_limit: 10,
            long_window: 24 * HOUR,
            long_limit: None,
        },
    }
}

/// Per client address. A school lab shares one address among 40 children, so this is high;
/// it stops one machine from trying many accounts.
pub const CLIENT_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 60,
    long_window: 24 * HOUR,
    long_limit: None,
};

/// Decides from the failure times (any order) whether another try is allowed now.
pub fn verdict(limits: Limits, failures: &[i64], now: i64) -> Verdict {
    if let Some(long_limit) = limits.long_limit {
        let in_long = failures
            .iter()
            .filter(|&&at| at > now - limits.long_window)
            .count();
        if in_long >= long_limit {
            return Verdict::AskTeacher;
        }
    }
    let mut recent: Vec<i64> = failures
        .iter()
        .copied()
        .filter(|&at| at > now - limits.short_window)
        .collect();
    if recent.len() >= limits.short_limit {
        recent.sort_unstable();
        // Allowed again once enough of the recent failures have left the window.
        let oldest_that_counts = recent[recent.len() - limits.short_limit];
        return Verdict::WaitUntil(oldest_that_counts + limits.short_window);
    }
    Verdict::Allowed
}

/// Whole minutes to wait, rounded up, at least 1.
pub fn minutes_until(until: i64, now: i64) -> i64 {
    ((until - now + MINUTE - 1) / MINUTE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_few_failures_are_allowed() {
        let limits = account_limits(Role::Teacher);
        assert_eq!(verdict(limits, &[], NOW), Verdict::Allowed);
        assert_eq!(verdict(limits, &[NOW - 10; 9], NOW), Verdict::Allowed);
    }

    #[test]
    fn too_many_recent_failures_mean_waiting_until_the_oldest_leaves_the_window() {
        let limits = account_limits(Role::Student);
        let failures = [NOW - 600, NOW - 300, NOW - 200, NOW - 100, NOW - 5];
        assert_eq!(
            verdict(limits, &failures, NOW),
            Verdict::WaitUntil(NOW - 600 + 15 * MINUTE)
        );
        assert_eq!(minutes_until(NOW + 300, NOW), 5);
        assert_eq!(minutes_until(NOW + 1, NOW), 1);
        // Once the oldest is out of the window, the student may try again.
        assert_eq!(
            verdict(limits, &failures, NOW - 600 + 15 * MINUTE),
            Verdict::Allowed
        );
    }

    #[test]
    fn old_failures_do_not_count_in_the_short_window() {
        let limits = account_limits(Role::Parent);
        let failures: Vec<i64> = (0..20).map(|i| NOW - 2 * HOUR - i).collect();
        assert_eq!(
            verdict(limits, &failures, NOW),
            Verdict::Allowed,
            "staff and parents have no daily limit"
        );
    }

    #[test]
    fn a_student_with_many_failures_in_a_day_needs_the_teacher() {
        let limits = account_limits(Role::Student);
        let failures: Vec<i64> = (0..10).map(|i| NOW - 3 * HOUR + i * 60).collect();
        assert_eq!(verdict(limits, &failures, NOW), Verdict::AskTeacher);
        // A day later it is over by itself.
        assert_eq!(
            verdict(limits, &failures, NOW + 24 * HOUR),
            Verdict::Allowed
        );
    }

    #[test]
    fn one_lab_address_can_serve_a_whole_class() {
        // 40 children, each mistyping once: still allowed.
        assert_eq!(
            verdict(CLIENT_LIMITS, &[NOW - 30; 40], NOW),
            Verdict::Allowed
        );
        assert!(matches!(
            verdict(CLIENT_LIMITS, &[NOW - 30; 60], NOW),
            Verdict::WaitUntil(_)
        ));
    }
}
