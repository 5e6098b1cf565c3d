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

/// A try is counted before it is looked at (`store::sessions::count_try`), so that tries sent
/// at once see each other; until it has been looked at it is *pending*. A pending try counts
/// against a later one only while it may still turn out wrong: the later try waits for it
/// ([`decide`]), and a right one is forgotten. One pending longer than this is taken as wrong
/// (the request that counted it died).
pub const PENDING_FOR: i64 = 60;

/// One counted try: when, and whether it is still being looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    pub at: i64,
    pub pending: bool,
}

impl Counted {
    /// Still being looked at: pending, and not given up on.
    pub fn in_flight(&self, now: i64) -> bool {
        self.pending && self.at > now - PENDING_FOR
    }
}

/// The times of the tries that count against a scope: all of them (the pending ones counted
/// as wrong), or only those known to be wrong.
fn times(tries: &[Counted], now: i64, with_pending: bool) -> Vec<i64> {
    tries
        .iter()
        .filter(|t| with_pending || !t.in_flight(now))
        .map(|t| t.at)
        .collect()
}

/// What to do with a try, from the tries counted before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Look at the secret.
    LookAt,
    /// Refused, whatever the tries still in flight turn out to be.
    Refuse(Verdict),
    /// Refused only if tries still in flight ahead of this one turn out wrong: wait for them
    /// and decide again (a right try is forgotten and no longer counts). If they are still in
    /// flight when waiting gives up, this verdict stands.
    WaitForPending(Verdict),
}

/// Decides from the verdict with the tries in flight counted as wrong, and the one with only
/// the tries known to be wrong: tries one after another would see exactly the known ones, so a
/// try is refused only when those refuse it, and waits while the answer depends on the rest.
/// So a right secret is never refused because of other right tries sent at the same moment,
/// and a burst of guesses is looked at no more than one after another would be.
pub fn decide(with_pending: Verdict, known: Verdict) -> Decision {
    match (with_pending, known) {
        (Verdict::Allowed, _) => Decision::LookAt,
        (pending, Verdict::Allowed) => Decision::WaitForPending(pending),
        (_, known) => Decision::Refuse(known),
    }
}

/// Staff, parents and codes: the client's tries (per address) and, when an account was named,
/// its own (with its role's limits).
pub fn account_decision(
    client: &[Counted],
    account: Option<(Role, &[Counted])>,
    now: i64,
) -> Decision {
    let judge = |with_pending: bool| {
        let by_client = verdict(CLIENT_LIMITS, &times(client, now, with_pending), now);
        let by_account = match account {
            Some((role, tries)) => {
                verdict(account_limits(role), &times(tries, now, with_pending), now)
            }
            None => Verdict::Allowed,
        };
        worst(by_client, by_account)
    };
    decide(judge(true), judge(false))
}

/// A student's try: the client's tries (per address), the child's (with their clients) and
/// the class's (`student_verdict`).
pub fn student_decision(
    client: &[Counted],
    child: Option<(&[StudentFailure], &[Counted])>,
    address: &str,
    browser: Option<&str>,
    now: i64,
) -> Decision {
    let judge = |with_pending: bool| {
        let by_client = verdict(CLIENT_LIMITS, &times(client, now, with_pending), now);
        let by_child = match child {
            Some((tries, class)) => {
                let tries: Vec<StudentFailure> = tries
                    .iter()
                    .filter(|t| with_pending || !t.in_flight(now))
                    .cloned()
                    .collect();
                student_verdict(
                    &tries,
                    &times(class, now, with_pending),
                    address,
                    browser,
                    now,
                )
            }
            None => Verdict::Allowed,
        };
        worst(by_client, by_child)
    };
    decide(judge(true), judge(false))
}

/// One failed try at a student's secret: when, from which client — the address and the
/// browser (a hash of its anonymous token), since a whole lab behind one proxy shares an
/// address — and whether it is still being looked at (see [`Counted`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentFailure {
    pub at: i64,
    pub address: String,
    pub browser: Option<String>,
    pub pending: bool,
}

impl StudentFailure {
    fn client(&self) -> (&str, Option<&str>) {
        (&self.address, self.browser.as_deref())
    }

    fn in_flight(&self, now: i64) -> bool {
        Counted {
            at: self.at,
            pending: self.pending,
        }
        .in_flight(now)
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
    .fold(Verdict::Allowed, worst)
}

/// The stricter of two verdicts.
fn worst(a: Verdict, b: Verdict) -> Verdict {
    match (a, b) {
        (Verdict::AskTeacher, _) | (_, Verdict::AskTeacher) => Verdict::AskTeacher,
        (Verdict::WaitUntil(a), Verdict::WaitUntil(b)) => Verdict::WaitUntil(a.max(b)),
        (Verdict::WaitUntil(a), Verdict::Allowed) | (Verdict::Allowed, Verdict::WaitUntil(a)) => {
            Verdict::WaitUntil(a)
        }
        (Verdict::Allowed, Verdict::Allowed) => Verdict::Allowed,
    }
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
            pending: false,
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
    #[test]
    fn tries_still_in_flight_make_a_try_wait_never_refuse_it() {
        // Forty children of a class sign in at once from one lab: the 39 tries counted ahead
        // of this one are all still being looked at.
        let in_flight: Vec<Counted> = (0..39)
            .map(|_| Counted {
                at: NOW,
                pending: true,
            })
            .collect();
        let decision = student_decision(
            &in_flight,
            Some((&[], &in_flight)),
            "10.0.0.1",
            Some("b"),
            NOW,
        );
        assert!(
            matches!(decision, Decision::WaitForPending(Verdict::WaitUntil(_))),
            "{decision:?}"
        );
        // Once they are known (right ones are forgotten), the try is looked at.
        assert_eq!(
            student_decision(&[], Some((&[], &[])), "10.0.0.1", Some("b"), NOW),
            Decision::LookAt
        );
        // Thirty known wrong tries in the class refuse it whatever the rest turn out to be.
        let wrong: Vec<Counted> = (0..30)
            .map(|i| Counted {
                at: NOW - 60 + i,
                pending: false,
            })
            .collect();
        let mut both = wrong.clone();
        both.extend(&in_flight);
        assert!(matches!(
            student_decision(&both, Some((&[], &both)), "10.0.0.1", Some("b"), NOW),
            Decision::Refuse(Verdict::WaitUntil(_))
        ));
        // A try pending for longer than PENDING_FOR is taken as wrong.
        let stale: Vec<Counted> = (0..30)
            .map(|_| Counted {
                at: NOW - PENDING_FOR - 1,
                pending: true,
            })
            .collect();
        assert!(matches!(
            student_decision(&[], Some((&[], &stale)), "10.0.0.1", Some("b"), NOW),
            Decision::Refuse(_)
        ));
    }

    #[test]
    fn an_accounts_tries_in_flight_are_waited_for_too() {
        let ten_in_flight = [Counted {
            at: NOW,
            pending: true,
        }; 10];
        assert!(matches!(
            account_decision(&[], Some((Role::Teacher, &ten_in_flight)), NOW),
            Decision::WaitForPending(_)
        ));
        let nine_wrong = [Counted {
            at: NOW,
            pending: false,
        }; 9];
        assert_eq!(
            account_decision(&nine_wrong, Some((Role::Teacher, &nine_wrong)), NOW),
            Decision::LookAt
        );
        let sixty_wrong = [Counted {
            at: NOW,
            pending: false,
        }; 60];
        assert!(matches!(
            account_decision(&sixty_wrong, None, NOW),
            Decision::Refuse(Verdict::WaitUntil(_))
        ));
    }
}
