//! Assignments: a teacher gives a class a module to complete by a date. Dates are calendar
//! days in Vietnam, which keeps UTC+7 all year (no daylight saving).

#[cfg(feature = "ssr")]
pub use dates::*;

/// Where a learner stands with one assignment.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Standing {
    /// Past the due date, not completed (days late).
    Overdue(i64),
    /// Due in this many days (0: today).
    Due(i64),
    Done,
}

/// The order a learner sees assignments in: the longest overdue first, then the nearest
/// due date, completed ones last.
pub fn sort_key(standing: Standing) -> (u8, i64) {
    match standing {
        Standing::Overdue(late) => (0, -late),
        Standing::Due(days) => (1, days),
        Standing::Done => (2, 0),
    }
}

/// Whether a module written for some age bands fits a class, from its students' ages this
/// year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AgeFit {
    /// At least one student is of an age the module is written for.
    Fits,
    /// No student's birth year is known: nothing to check.
    Unknown,
    /// Every student is outside the module's bands: the youngest and oldest ages.
    Outside { youngest: i32, oldest: i32 },
}

/// A module fits a class when it is written for the age of at least one of its students (a
/// mixed class is not refused for its oldest or youngest).
pub fn age_fit(bands: &[crate::domain::content::AgeBand], ages: &[i32]) -> AgeFit {
    use crate::domain::learner::age_band;
    let (Some(&youngest), Some(&oldest)) = (ages.iter().min(), ages.iter().max()) else {
        return AgeFit::Unknown;
    };
    if ages.iter().any(|&age| bands.contains(&age_band(age))) {
        AgeFit::Fits
    } else {
        AgeFit::Outside { youngest, oldest }
    }
}

/// Where a class stands with all its assignments, counted in (student, assigned module) pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClassTally {
    pub students: u64,
    pub assigned: u64,
    /// Pairs completed.
    pub completed: u64,
    /// Pairs past their due date and not completed.
    pub overdue: u64,
}

impl ClassTally {
    pub fn pairs(self) -> u64 {
        self.students * self.assigned
    }

    /// Completed pairs in tenths of a percent; `None` when nothing is assigned (or nobody is
    /// in the class).
    pub fn completed_per_mille(self) -> Option<u32> {
        let pairs = self.pairs();
        crate::domain::share::rounded(self.completed.min(pairs), pairs, 1000).map(|p| p as u32)
    }

    fn overdue_per_mille(self) -> u32 {
        let pairs = self.pairs();
        crate::domain::share::rounded(self.overdue.min(pairs), pairs, 1000).map_or(0, |p| p as u32)
    }
}

/// The order of a school's classes, furthest behind first: the largest share overdue, then
/// those given nothing to do (with students), then the lowest share completed; classes with
/// no students last.
pub fn furthest_behind_first(a: &ClassTally, b: &ClassTally) -> std::cmp::Ordering {
    let key = |t: &ClassTally| {
        let group = match (t.students, t.assigned) {
            (0, _) => 2,
            (_, 0) => 0,
            _ => 1,
        };
        (
            std::cmp::Reverse(t.overdue_per_mille()),
            group,
            t.completed_per_mille().unwrap_or(0),
        )
    };
    key(a).cmp(&key(b))
}

#[cfg(test)]
mod tally_tests {
    use super::*;

    #[test]
    fn classes_furthest_behind_come_first() {
        let tally = |students, assigned, completed, overdue| ClassTally {
            students,
            assigned,
            completed,
            overdue,
        };
        let done = tally(10, 2, 20, 0);
        let half = tally(10, 2, 10, 0);
        let late = tally(10, 2, 15, 5);
        let idle = tally(10, 0, 0, 0);
        let empty = tally(0, 0, 0, 0);
        let mut classes = [done, empty, half, idle, late];
        classes.sort_by(furthest_behind_first);
        assert_eq!(classes, [late, idle, half, done, empty]);
        assert_eq!(half.completed_per_mille(), Some(500));
        assert_eq!(idle.completed_per_mille(), None);
    }
}

#[cfg(feature = "ssr")]
mod dates {
    use super::Standing;
    pub use crate::domain::dates::{local_day, parse_date, LOCAL_OFFSET};
    use time::{Date, Duration};

    /// How far ahead a due date may be: one school year and a bit.
    pub const LONGEST_AHEAD_DAYS: i64 = 400;

    #[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
    pub enum DueDateProblem {
        #[error("{0:?} is not a date (YYYY-MM-DD)")]
        NotADate(String),
        #[error("{0} has passed")]
        Past(Date),
        #[error("{0} is too far ahead")]
        TooFar(Date),
    }

    impl DueDateProblem {
        pub fn message_key(&self) -> &'static str {
            match self {
                DueDateProblem::NotADate(_) => "assign-error-date",
                DueDateProblem::Past(_) => "assign-error-past",
                DueDateProblem::TooFar(_) => "assign-error-far",
            }
        }
    }

    /// A due date for a new or changed assignment: a real date, today or later, within
    /// [`LONGEST_AHEAD_DAYS`].
    pub fn due_date(text: &str, today: Date) -> Result<Date, DueDateProblem> {
        let date = parse_date(text).ok_or_else(|| DueDateProblem::NotADate(text.to_owned()))?;
        if date < today {
            return Err(DueDateProblem::Past(date));
        }
        if date - today > Duration::days(LONGEST_AHEAD_DAYS) {
            return Err(DueDateProblem::TooFar(date));
        }
        Ok(date)
    }

    pub fn standing(completed: bool, due: Date, today: Date) -> Standing {
        if completed {
            return Standing::Done;
        }
        let days = (due - today).whole_days();
        if days < 0 {
            Standing::Overdue(-days)
        } else {
            Standing::Due(days)
        }
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::content::AgeBand;

    #[test]
    fn a_module_fits_when_some_student_is_of_its_age() {
        let older = [AgeBand::Age15To18];
        assert_eq!(
            age_fit(&older, &[7, 8, 8]),
            AgeFit::Outside {
                youngest: 7,
                oldest: 8
            }
        );
        assert_eq!(age_fit(&older, &[14, 15]), AgeFit::Fits);
        assert_eq!(age_fit(&[AgeBand::Age6To10], &[7, 8]), AgeFit::Fits);
        assert_eq!(age_fit(&older, &[]), AgeFit::Unknown);
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use time::{Date, OffsetDateTime};

    fn day(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn calendar_days_are_vietnamese() {
        // 2026-11-28 17:30 UTC is already 00:30 on the 29th in Lai Châu.
        let unix = 1_795_887_000;
        assert_eq!(
            OffsetDateTime::from_unix_timestamp(unix).unwrap().date(),
            day("2026-11-28")
        );
        assert_eq!(local_day(unix), day("2026-11-29"));
    }

    #[test]
    fn only_real_dates_parse() {
        assert_eq!(day("2026-12-05").to_string(), "2026-12-05");
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "26-12-05",
            "2026/12/05",
            "2026-12-5",
            "tomorrow",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(day("2028-02-29").to_string(), "2028-02-29", "leap year");
    }

    #[test]
    fn due_dates_are_today_or_later_and_not_too_far() {
        let today = day("2026-11-29");
        assert_eq!(due_date("2026-11-29", today), Ok(today));
        assert_eq!(
            due_date("2026-11-28", today),
            Err(DueDateProblem::Past(day("2026-11-28")))
        );
        assert!(due_date("2027-12-31", today).is_ok());
        assert!(matches!(
            due_date("2028-06-01", today),
            Err(DueDateProblem::TooFar(_))
        ));
        assert!(matches!(
            due_date("x", today),
            Err(DueDateProblem::NotADate(_))
        ));
        assert_eq!(
            due_date("x", today).unwrap_err().message_key(),
            "assign-error-date"
        );
    }

    #[test]
    fn standings_sort_overdue_then_soonest_then_done() {
        let today = day("2026-11-29");
        let due = |d: &str, done: bool| standing(done, day(d), today);
        assert_eq!(due("2026-11-29", false), Standing::Due(0));
        assert_eq!(due("2026-11-26", false), Standing::Overdue(3));
        assert_eq!(due("2026-11-26", true), Standing::Done);
        let mut list = vec![
            due("2026-12-10", false),
            due("2026-11-20", true),
            due("2026-11-28", false),
            due("2026-11-25", false),
            due("2026-12-01", false),
        ];
        list.sort_by_key(|s| sort_key(*s));
        assert_eq!(
            list,
            vec![
                Standing::Overdue(4),
                Standing::Overdue(1),
                Standing::Due(2),
                Standing::Due(11),
                Standing::Done
            ]
        );
    }
}
