//! How many failed sign-ins are let through before we ask to wait.
//!
//! Failures are counted since the account's last successful sign-in or teacher reset. A
//! student's PIN has only 10,000 values and a picture password 36, so students get fewer
//! tries, counted per client and per class, and after too many from many clients in a day
//! need their teacher (`student_verdict`).

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

/// Staff and parents (students: see `student_verdict`).
pub fn account_limits(role: Role) -> Limits {
    let _ = role;
    Limits {
        short_window: 15 * MINUTE,
        short_limit: 10,
        long_window: 24 * HOUR,
        long_limit: None,
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

/// One failed try at a student's secret: when, and from which client — the address and the
/// browser (a hash of its anonymous token), since a whole lab behind one proxy shares an
/// address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentFailure {
    pub at: i64,
    pub address: String,
    pub browser: Option<String>,
}

impl StudentFailure {
    fn client(&self) -> (&str, Option<&str>) {
        (&self.address, self.browser.as_deref())
    }
}

/// Student sign-in limits. A picture pair is 1 in 36 and a PIN 1 in 10,000, so a child's
/// tries are few; but a stranger with the class code must not be able to lock children out:
///
/// - one client (address + browser) trying one child: 3 wrong tries in 15 minutes, then wait;
///   6 in a day, then that client is told to ask the teacher (the child can still sign in
///   elsewhere);
/// - one child, all clients together: 5 wrong tries in 15 minutes, then everyone waits;
/// - the child is locked (only the teacher can unlock) when 10 wrong tries in a day came from
///   at least 3 different clients;
/// - one class, all children: 30 wrong tries in 15 minutes, then the class waits (someone is
///   going through the names).
///
/// So a guesser gets at most about 10 tries at a child a day, as before, and one computer alone
/// never locks anybody out.
pub const STUDENT_CLIENT_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 3,
    long_window: 24 * HOUR,
    long_limit: Some(6),
};
pub const STUDENT_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 5,
    long_window: 24 * HOUR,
    long_limit: None,
};
pub const LOCK_FAILURES: usize = 10;
pub const LOCK_CLIENTS: usize = 3;
pub const CLASS_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 30,
    long_window: 24 * HOUR,
    long_limit: None,
};

/// Whether a child is locked: enough wrong tries in a day, from enough different clients.
pub fn student_locked(failures: &[StudentFailure], now: i64) -> bool {
    let today: Vec<&StudentFailure> = failures.iter().filter(|f| f.at > now - 24 * HOUR).collect();
    let clients: std::collections::HashSet<_> = today.iter().map(|f| f.client()).collect();
    today.len() >= LOCK_FAILURES && clients.len() >= LOCK_CLIENTS
}

/// What a child's wrong tries in the last day add up to, for their teacher.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StudentFailures {
    pub tries: usize,
    pub clients: usize,
    pub locked: bool,
}

pub fn student_failures(failures: &[StudentFailure], now: i64) -> StudentFailures {
    let today: Vec<&StudentFailure> = failures.iter().filter(|f| f.at > now - 24 * HOUR).collect();
    let clients: std::collections::HashSet<_> = today.iter().map(|f| f.client()).collect();
    StudentFailures {
        tries: today.len(),
        clients: clients.len(),
        locked: student_locked(failures, now),
    }
}

/// Decides whether this client (`address`, `browser`) may try this child's secret now, from
/// the child's failures and the times of the class's failures in the last 15 minutes.
pub fn student_verdict(
    child: &[StudentFailure],
    class: &[i64],
    address: &str,
    browser: Option<&str>,
    now: i64,
) -> Verdict {
    if student_locked(child, now) {
        return Verdict::AskTeacher;
    }
    let mine: Vec<i64> = child
        .iter()
        .filter(|f| f.client() == (address, browser))
        .map(|f| f.at)
        .collect();
    let all: Vec<i64> = child.iter().map(|f| f.at).collect();
    [
        verdict(STUDENT_CLIENT_LIMITS, &mine, now),
        verdict(STUDENT_LIMITS, &all, now),
        verdict(CLASS_LIMITS, class, now),
    ]
    .into_iter()
    .fold(Verdict::Allowed, |worst, v| match (worst, v) {
        (Verdict::AskTeacher, _) | (_, Verdict::AskTeacher) => Verdict::AskTeacher,
        (Verdict::WaitUntil(a), Verdict::WaitUntil(b)) => Verdict::WaitUntil(a.max(b)),
        (Verdict::WaitUntil(a), Verdict::Allowed) | (Verdict::Allowed, Verdict::WaitUntil(a)) => {
            Verdict::WaitUntil(a)
        }
        (Verdict::Allowed, Verdict::Allowed) => Verdict::Allowed,
    })
}

/// Class codes typed that match no class: 20 in 15 minutes per browser, 100 per address (a lab
/// behind one proxy), then wait. A lab of 40 children typing one code, typos included, stays
/// far below; finding a code by guessing takes billions of tries (`person::CLASS_CODE_LEN`).
pub const LOOKUP_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 20,
    long_window: 24 * HOUR,
    long_limit: None,
};
pub const LOOKUP_ADDRESS_LIMITS: Limits = Limits {
    short_window: 15 * MINUTE,
    short_limit: 100,
    long_window: 24 * HOUR,
    long_limit: None,
};

/// Whether a client (`browser` at `address`) may look a class code up now, from the unknown
/// codes typed at that address in the last 15 minutes (time and browser of each).
pub fn lookup_verdict(
    failures: &[(i64, Option<String>)],
    browser: Option<&str>,
    now: i64,
) -> Verdict {
    let all: Vec<i64> = failures.iter().map(|(at, _)| *at).collect();
    let mine: Vec<i64> = failures
        .iter()
        .filter(|(_, b)| b.as_deref() == browser)
        .map(|(at, _)| *at)
        .collect();
    match verdict(LOOKUP_ADDRESS_LIMITS, &all, now) {
        Verdict::Allowed => verdict(LOOKUP_LIMITS, &mine, now),
        other => other,
    }
}

/// Quiz answers kept while nobody is signed in: at most 3 per browser and 60 per address
/// (a whole lab) a day; each is no bigger than its quiz.
pub const KEPT_PER_BROWSER: usize = 3;
pub const KEPT_PER_ADDRESS: usize = 60;

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
        let limits = STUDENT_CLIENT_LIMITS;
        let failures = [NOW - 600, NOW - 300, NOW - 5];
        assert_eq!(
            verdict(limits, &failures, NOW),
            Verdict::WaitUntil(NOW - 600 + 15 * MINUTE)
        );
        assert_eq!(minutes_until(NOW + 300, NOW), 5);
        assert_eq!(minutes_until(NOW + 1, NOW), 1);
        // Once the oldest is out of the window, the client may try again.
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

    fn failure(at: i64, address: &str, browser: &str) -> StudentFailure {
        StudentFailure {
            at,
            address: address.to_owned(),
            browser: Some(browser.to_owned()),
        }
    }

    #[test]
    fn one_computer_is_slowed_down_but_never_locks_a_child() {
        // Behind a proxy every client shares one address; this is one browser.
        let mut child = Vec::new();
        for i in 0..3 {
            child.push(failure(NOW - 100 + i, "10.0.0.1", "stranger"));
        }
        assert!(matches!(
            student_verdict(&child, &[], "10.0.0.1", Some("stranger"), NOW),
            Verdict::WaitUntil(_)
        ));
        // The child, on another computer of the same lab, may still try.
        assert_eq!(
            student_verdict(&child, &[], "10.0.0.1", Some("child"), NOW),
            Verdict::Allowed
        );
        // A whole day of tries from that one browser: it is told to ask the teacher, the
        // child is not locked.
        let day: Vec<StudentFailure> = (0..12)
            .map(|i| failure(NOW - 20 * HOUR + i * HOUR, "10.0.0.1", "stranger"))
            .collect();
        assert_eq!(
            student_verdict(&day, &[], "10.0.0.1", Some("stranger"), NOW),
            Verdict::AskTeacher
        );
        assert!(!student_locked(&day, NOW));
        assert_eq!(
            student_verdict(&day, &[], "10.0.0.1", Some("child"), NOW),
            Verdict::Allowed
        );
    }

    #[test]
    fn many_clients_slow_the_child_down_then_lock_them() {
        let five: Vec<StudentFailure> = (0..5)
            .map(|i| failure(NOW - 60 + i, "10.0.0.1", &format!("b{i}")))
            .collect();
        assert!(matches!(
            student_verdict(&five, &[], "10.0.0.1", Some("fresh"), NOW),
            Verdict::WaitUntil(_)
        ));
        let ten: Vec<StudentFailure> = (0..10)
            .map(|i| {
                failure(
                    NOW - 10 * HOUR + i * HOUR,
                    "10.0.0.1",
                    &format!("b{}", i % 3),
                )
            })
            .collect();
        assert!(student_locked(&ten, NOW));
        assert_eq!(
            student_verdict(&ten, &[], "10.0.0.9", Some("child"), NOW),
            Verdict::AskTeacher
        );
        let summary = student_failures(&ten, NOW);
        assert_eq!(
            (summary.tries, summary.clients, summary.locked),
            (10, 3, true)
        );
        // Ten from only two clients: not locked.
        let two: Vec<StudentFailure> = (0..10)
            .map(|i| {
                failure(
                    NOW - 10 * HOUR + i * HOUR,
                    "10.0.0.1",
                    &format!("b{}", i % 2),
                )
            })
            .collect();
        assert!(!student_locked(&two, NOW));
        // A day later it is over.
        assert!(!student_locked(&ten, NOW + 24 * HOUR));
    }

    #[test]
    fn going_through_a_class_slows_the_whole_class() {
        let class: Vec<i64> = (0..30).map(|i| NOW - 300 + i).collect();
        assert!(matches!(
            student_verdict(&[], &class, "10.0.0.1", Some("b"), NOW),
            Verdict::WaitUntil(_)
        ));
        assert_eq!(
            student_verdict(&[], &class[..29], "10.0.0.1", Some("b"), NOW),
            Verdict::Allowed
        );
    }
}
