//! The plan's targets: who must be reached, by which modules, how many, by when.

use super::content::{Audience, ModuleId};
use serde::{Deserialize, Serialize};

/// What a target counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Counting {
    /// Each person of the target's audiences.
    People,
    /// Each household (parents): reached when one of its parents is.
    Households,
}

impl Counting {
    pub fn parse(code: &str) -> Option<Counting> {
        match code {
            "people" => Some(Counting::People),
            "households" => Some(Counting::Households),
            _ => None,
        }
    }
}

/// A calendar date, `YYYY-MM-DD`, checked for a real day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0);
        let days = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&date.day).then_some(date)
    }
}

/// One target of the plan. A person counts as reached when they have completed every listed
/// module that is written for them (their role and, for students, their age band).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub id: String,
    /// The target's name per locale code.
    pub names: Vec<(String, String)>,
    pub audiences: Vec<Audience>,
    /// Unit kinds the people must belong to (e.g. `school`); empty means any.
    pub unit_kinds: Vec<String>,
    pub counting: Counting,
    /// Percent of the official count to reach (1–100).
    pub threshold: u8,
    pub deadline: Date,
    pub modules: Vec<ModuleId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_days() {
        assert_eq!(
            Date::parse("2025-12-31"),
            Some(Date {
                year: 2025,
                month: 12,
                day: 31
            })
        );
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "31/12/2025",
            "2025-12-31-1",
            "",
            "2025-04-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
