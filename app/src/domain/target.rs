//! The plan's targets: who must be reached, by which modules, how many, by when.

use super::content::{Audience, ModuleId};
use time::Date;

/// What a target counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// Each person of the target's audiences.
    People,
    /// Each household (parents): reached when one of its parents is.
    Households,
    /// Each institution of the target's unit kinds (a school, a health station): reached
    /// when everyone of the target's roles in it is. Its people are shown beside it.
    Units,
}

impl Counting {
    pub fn parse(code: &str) -> Option<Counting> {
        match code {
            "people" => Some(Counting::People),
            "households" => Some(Counting::Households),
            "units" => Some(Counting::Units),
            _ => None,
        }
    }
}

/// One target of the plan. A person counts as reached when they have completed every listed
/// module that is written for them (their role and, for students, their age band).
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The plan the targets belong to: when it started (coverage is expected to grow from 0%
/// then) and the band rule (see `coverage::BandRules`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub start: Date,
    pub behind_from: u32,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            start: Date::from_calendar_date(2020, time::Month::April, 3).unwrap_or(Date::MIN),
            behind_from: 75,
        }
    }
}
