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
