//! Coverage arithmetic, with no I/O: how far a unit is toward a target of the plan, what
//! status band that is, what is wrong with its official count, and which children's numbers
//! must be hidden so that no child can be pointed at.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Who a target counts: children's numbers (students, households) are suppressed when
/// small; adults' (staff, institutions) are shown exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Counted {
    Children,
    Adults,
}

/// Counts from 1 to this are shown as "fewer than 5" in children's aggregates.
pub const SMALLEST_SHOWN: u64 = 5;

/// A number as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    Exact(u64),
    /// From 1 to 4 (or hidden beside such a cell): "fewer than 5", and no percentage.
    Hidden,
}

impl Cell {
    pub fn exact(self) -> Option<u64> {
        match self {
            Cell::Exact(n) => Some(n),
            Cell::Hidden => None,
        }
    }
}

/// Which values of a breakdown (the rows of one column, shown beside their total) must be
/// hidden: every value from 1 to 4, and — when that hides exactly one value — also the next
/// smallest value, so the hidden one cannot be found by subtracting the others from the total.
pub fn hidden(values: &[u64]) -> Vec<bool> {
    let mut hide: Vec<bool> = values
        .iter()
        .map(|v| (1..SMALLEST_SHOWN).contains(v))
        .collect();
    if hide.iter().filter(|h| **h).count() == 1 {
        let next = values
            .iter()
            .enumerate()
            .filter(|(i, v)| !hide[*i] && **v > 0)
            .min_by_key(|(_, v)| **v)
            .map(|(i, _)| i);
        if let Some(i) = next {
            hide[i] = true;
        }
    }
    hide
}

/// The cells of one column of a breakdown, suppressed for children.
pub fn column(values: &[u64], counted: Counted) -> Vec<Cell> {
    match counted {
        Counted::Adults => values.iter().map(|v| Cell::Exact(*v)).collect(),
        Counted::Children => values
            .iter()
            .zip(hidden(values))
            .map(|(v, h)| if h { Cell::Hidden } else { Cell::Exact(*v) })
            .collect(),
    }
}

/// A single number (a total) as it may be shown.
pub fn single(value: u64, counted: Counted) -> Cell {
    match counted {
        Counted::Children if (1..SMALLEST_SHOWN).contains(&value) => Cell::Hidden,
        _ => Cell::Exact(value),
    }
}

/// `reached / of` in tenths of a percent (`Some(955)` = 95.5%, rounded half up:
/// `domain::share`), when both can be shown and the denominator is not zero.
pub fn per_mille(reached: Cell, of: Cell) -> Option<u32> {
    match (reached, of) {
        (Cell::Exact(r), Cell::Exact(o)) => {
            crate::domain::share::rounded(r, o, 1000).map(|p| p.min(100_000) as u32)
        }
        _ => None,
    }
}

/// `955` → `95.5`.
pub fn per_mille_text(per_mille: u32) -> String {
    format!("{}.{}", per_mille / 10, per_mille % 10)
}

/// Where a unit stands against a target. The rules are data (`content/targets.toml`):
/// coverage is compared with where it should be today on a straight line from 0% at the
/// plan's start to the threshold at the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    /// The threshold is reached.
    Met,
    /// At least where the straight line says it should be today.
    OnTrack,
    /// At least `behind_from` percent of where it should be.
    Behind,
    /// Below that.
    FarBehind,
}

impl Band {
    pub fn code(self) -> &'static str {
        match self {
            Band::Met => "met",
            Band::OnTrack => "on-track",
            Band::Behind => "behind",
            Band::FarBehind => "far-behind",
        }
    }
}

/// The band rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandRules {
    /// Day numbers (days since 1970-01-01) of the plan's start: coverage is expected to grow
    /// from 0 then.
    pub start_day: i64,
    /// Percent of the expected coverage below which a unit is far behind (e.g. 75).
    pub behind_from: u32,
}

/// The coverage expected on `today` (day numbers), in tenths of a percent: a straight line
/// from 0 at the start to the threshold at the deadline, the threshold after it.
pub fn expected_per_mille(rules: &BandRules, threshold: u8, deadline_day: i64, today: i64) -> u32 {
    let target = u32::from(threshold) * 10;
    if today >= deadline_day || deadline_day <= rules.start_day {
        return target;
    }
    if today <= rules.start_day {
        return 0;
    }
    let elapsed = (today - rules.start_day) as u64;
    let span = (deadline_day - rules.start_day) as u64;
    (u64::from(target) * elapsed / span) as u32
}

/// The band of a coverage (tenths of a percent), or `None` when it cannot be shown.
pub fn band(
    rules: &BandRules,
    coverage: Option<u32>,
    threshold: u8,
    deadline_day: i64,
    today: i64,
) -> Option<Band> {
    let coverage = coverage?;
    if coverage >= u32::from(threshold) * 10 {
        return Some(Band::Met);
    }
    let expected = expected_per_mille(rules, threshold, deadline_day, today);
    Some(if coverage >= expected {
        Band::OnTrack
    } else if u64::from(coverage) * 100 >= u64::from(expected) * u64::from(rules.behind_from) {
        Band::Behind
    } else {
        Band::FarBehind
    })
}

/// What may be wrong with a unit's official count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// No official count for this unit, target and year: coverage is against registered.
    NoOfficialCount,
    /// Fewer in the official count than registered on SafeSteps: check the count.
    OfficialBelowRegistered,
    /// More than twice as many in the official count as registered: most people here are not
    /// on SafeSteps yet.
    MostNotRegistered,
}

impl Flag {
    pub fn code(self) -> &'static str {
        match self {
            Flag::NoOfficialCount => "no-official-count",
            Flag::OfficialBelowRegistered => "official-below-registered",
            Flag::MostNotRegistered => "most-not-registered",
        }
    }
}

pub fn flags(official: Option<u64>, registered: u64) -> Vec<Flag> {
    match official {
        None => vec![Flag::NoOfficialCount],
        Some(official) if official < registered => vec![Flag::OfficialBelowRegistered],
        Some(official) if official > registered.saturating_mul(2) => vec![Flag::MostNotRegistered],
        Some(_) => Vec::new(),
    }
}

/// The official counts of a tree of units for one target: a unit's own count, or else the
/// sum of its children's when every child that matters has one — a child matters when someone
/// is registered under it or a count was given under it (a health station does not hold back
/// a commune's student count). `units` are (id, parent id); returns every unit that has one.
pub fn official_counts_of_tree(
    units: &[(i64, Option<i64>)],
    own: &HashMap<i64, u64>,
    registered: &HashMap<i64, u64>,
) -> HashMap<i64, u64> {
    let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
    for (id, parent) in units {
        if let Some(parent) = parent {
            children.entry(*parent).or_default().push(*id);
        }
    }
    // Depth-first from each root, children before their parent.
    let mut order = Vec::with_capacity(units.len());
    let known: std::collections::HashSet<i64> = units.iter().map(|(id, _)| *id).collect();
    let roots = units
        .iter()
        .filter(|(_, parent)| parent.is_none_or(|p| !known.contains(&p)))
        .map(|(id, _)| *id);
    for root in roots {
        let mut stack = vec![(root, false)];
        while let Some((id, expanded)) = stack.pop() {
            if expanded {
                order.push(id);
            } else {
                stack.push((id, true));
                for child in children.get(&id).into_iter().flatten() {
                    stack.push((*child, false));
                }
            }
        }
    }
    let mut counts: HashMap<i64, u64> = HashMap::new();
    let mut matters: HashMap<i64, bool> = HashMap::new();
    for id in order {
        let below = children.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        let relevant: Vec<i64> = below
            .iter()
            .copied()
            .filter(|c| matters.get(c) == Some(&true))
            .collect();
        let summed = if relevant.is_empty() {
            None
        } else {
            relevant
                .iter()
                .map(|c| counts.get(c).copied())
                .sum::<Option<u64>>()
        };
        if let Some(count) = own.get(&id).copied().or(summed) {
            counts.insert(id, count);
        }
        let here = registered.get(&id).copied().unwrap_or(0) > 0
            || own.contains_key(&id)
            || !relevant.is_empty();
        matters.insert(id, here);
    }
    counts
}

/// An institution (a school, a health station) is reached when everyone of the target's
/// roles in it is; an institution with nobody registered is not.
pub fn institution_reached(people: u64, reached: u64) -> bool {
    people > 0 && reached >= people
}

/// Cumulative values from monthly increments: `[(month, +n)]` (sorted or not) → running
/// totals for every month from the first to `until`.
pub fn cumulative(increments: &[(i32, i64)], until: i32) -> Vec<(i32, i64)> {
    let Some(first) = increments.iter().map(|(m, _)| *m).min() else {
        return Vec::new();
    };
    let mut totals = Vec::new();
    let mut running = 0i64;
    for month in first..=until.max(first) {
        running += increments
            .iter()
            .filter(|(m, _)| *m == month)
            .map(|(_, n)| n)
            .sum::<i64>();
        totals.push((month, running));
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_counts_add_up_the_tree_only_when_complete() {
        // Province 1 > communes 2, 3 > schools 4, 5 (in 2), 6 (in 3) and health station 7 (in 2).
        let units = [
            (1, None),
            (2, Some(1)),
            (3, Some(1)),
            (4, Some(2)),
            (5, Some(2)),
            (6, Some(3)),
            (7, Some(2)),
        ];
        let registered: HashMap<i64, u64> =
            [(4, 30), (5, 20), (6, 10), (2, 50), (3, 10), (1, 60)].into();
        // Both schools of commune 2 counted; the health station, with no students, does not matter.
        let own: HashMap<i64, u64> = [(4, 40), (5, 25), (6, 12)].into();
        let counts = official_counts_of_tree(&units, &own, &registered);
        assert_eq!(counts.get(&2), Some(&65));
        assert_eq!(counts.get(&3), Some(&12));
        assert_eq!(counts.get(&1), Some(&77));
        assert_eq!(counts.get(&7), None);
        // A school with students but no count: its commune and the province have none.
        let own: HashMap<i64, u64> = [(4, 40), (6, 12)].into();
        let counts = official_counts_of_tree(&units, &own, &registered);
        assert_eq!((counts.get(&2), counts.get(&1)), (None, None));
        assert_eq!(counts.get(&3), Some(&12));
        // A commune's own count wins over its schools'; the province sums the communes.
        let own: HashMap<i64, u64> = [(4, 40), (2, 70), (6, 12)].into();
        let counts = official_counts_of_tree(&units, &own, &registered);
        assert_eq!(counts.get(&2), Some(&70));
        assert_eq!(counts.get(&1), Some(&82));
        // A count given for a unit where nobody is registered yet still counts upwards.
        let own: HashMap<i64, u64> = [(4, 40), (5, 25), (6, 12), (7, 3)].into();
        let counts = official_counts_of_tree(&units, &own, &registered);
        assert_eq!(counts.get(&2), Some(&68));
    }

    #[test]
    fn small_counts_of_children_are_hidden_with_their_complement() {
        // One small cell: it and the next smallest go.
        assert_eq!(
            hidden(&[10, 3, 7, 0, 25]),
            [false, true, true, false, false]
        );
        // Two small cells: no complement needed (their sum is all one can recover).
        assert_eq!(hidden(&[10, 3, 2, 25]), [false, true, true, false]);
        // Zero is not hidden (nobody to point at), and nothing else is when nothing is small.
        assert_eq!(hidden(&[0, 12, 30]), [false, false, false]);
        assert_eq!(hidden(&[4]), [true]);
        let cells = column(&[10, 3, 7], Counted::Children);
        assert_eq!(cells, [Cell::Exact(10), Cell::Hidden, Cell::Hidden]);
        // Staff counts are exact.
        assert_eq!(column(&[10, 3, 7], Counted::Adults)[1], Cell::Exact(3));
        assert_eq!(single(4, Counted::Children), Cell::Hidden);
        assert_eq!(single(5, Counted::Children), Cell::Exact(5));
        assert_eq!(single(0, Counted::Children), Cell::Exact(0));
    }

    #[test]
    fn percentages_only_of_shown_numbers() {
        assert_eq!(
            per_mille(Cell::Exact(41), Cell::Exact(44)),
            Some(932),
            "93.18…% rounds half up"
        );
        assert_eq!(per_mille_text(931), "93.1");
        assert_eq!(per_mille(Cell::Hidden, Cell::Exact(44)), None);
        assert_eq!(per_mille(Cell::Exact(3), Cell::Exact(0)), None);
        assert_eq!(
            per_mille(Cell::Exact(90), Cell::Exact(60)),
            Some(1500),
            "over 100% shows"
        );
    }

    #[test]
    fn bands_follow_a_straight_line_to_the_deadline() {
        let rules = BandRules {
            start_day: 0,
            behind_from: 75,
        };
        // Halfway through, 95% expected at the end → 47.5% expected now.
        assert_eq!(expected_per_mille(&rules, 95, 1000, 500), 475);
        assert_eq!(band(&rules, Some(950), 95, 1000, 500), Some(Band::Met));
        assert_eq!(band(&rules, Some(500), 95, 1000, 500), Some(Band::OnTrack));
        assert_eq!(band(&rules, Some(400), 95, 1000, 500), Some(Band::Behind));
        assert_eq!(
            band(&rules, Some(300), 95, 1000, 500),
            Some(Band::FarBehind)
        );
        // After the deadline only the threshold counts.
        assert_eq!(band(&rules, Some(900), 95, 1000, 1200), Some(Band::Behind));
        assert_eq!(band(&rules, None, 95, 1000, 500), None);
    }

    #[test]
    fn official_counts_are_checked_against_registered() {
        assert_eq!(flags(None, 10), [Flag::NoOfficialCount]);
        assert_eq!(flags(Some(8), 10), [Flag::OfficialBelowRegistered]);
        assert_eq!(flags(Some(21), 10), [Flag::MostNotRegistered]);
        assert!(flags(Some(20), 10).is_empty());
    }

    #[test]
    fn institutions_and_trends() {
        assert!(institution_reached(4, 4));
        assert!(!institution_reached(4, 3));
        assert!(!institution_reached(0, 0));
        assert_eq!(
            cumulative(&[(3, 2), (1, 1), (3, -1)], 4),
            [(1, 1), (2, 1), (3, 2), (4, 2)]
        );
        assert!(cumulative(&[], 4).is_empty());
    }
}

/// What a target needs to know to count someone (from `content/targets.toml` and the modules).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRule {
    pub id: String,
    /// Counts households (of parents) rather than people.
    pub households: bool,
    /// Counts institutions (reached when everyone in them is).
    pub institutions: bool,
    /// Unit kinds a person's home unit must have (empty: any).
    pub unit_kinds: Vec<String>,
    /// For each audience the target names, the modules written for it that must be completed.
    pub required: Vec<(crate::domain::content::Audience, Vec<String>)>,
}

impl TargetRule {
    pub fn counted(&self) -> Counted {
        let children = self.households
            || self
                .required
                .iter()
                .any(|(a, _)| matches!(a, crate::domain::content::Audience::Student(_)));
        if children && !self.institutions {
            Counted::Children
        } else {
            Counted::Adults
        }
    }

    pub fn modules_for(&self, audience: crate::domain::content::Audience) -> Option<&[String]> {
        self.required
            .iter()
            .find(|(a, _)| *a == audience)
            .map(|(_, m)| m.as_slice())
    }
}

/// The audience a person is counted as by the plan's targets: their role (students by age
/// band). Unit managers and admins oversee; no target counts them.
pub fn counted_audience(
    role: crate::domain::person::Role,
    age: Option<i32>,
) -> Option<crate::domain::content::Audience> {
    use crate::domain::content::{Audience, StaffRole};
    use crate::domain::person::Role;
    Some(match role {
        Role::Student => Audience::Student(crate::domain::learner::age_band(age.unwrap_or(10))),
        Role::Parent => Audience::Parent,
        Role::Teacher => Audience::Staff(StaffRole::Teacher),
        Role::SchoolManager => Audience::Staff(StaffRole::SchoolManager),
        Role::ProtectionOfficer => Audience::Staff(StaffRole::ChildProtectionOfficer),
        Role::HealthWorker => Audience::Staff(StaffRole::HealthWorker),
        Role::PoliceOfficer => Audience::Staff(StaffRole::PoliceOfficer),
        Role::UnitManager | Role::Admin => return None,
    })
}

/// Where a subject stands for a target: the unit it counts in, and the month it was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubjectState {
    pub unit_id: i64,
    pub reached_month: Option<i32>,
}

/// A person as a target sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    pub role: crate::domain::person::Role,
    pub age: Option<i32>,
    pub unit_id: i64,
    pub unit_kind: String,
}

/// The month in which someone completed every module of `required`, from their completions
/// (module id, month completed): the month of the last one, or `None` while any is missing.
pub fn reached_month(required: &[String], completions: &[(String, i32)]) -> Option<i32> {
    if required.is_empty() {
        return None;
    }
    required
        .iter()
        .map(|m| {
            completions
                .iter()
                .filter(|(id, _)| id == m)
                .map(|(_, month)| *month)
                .min()
        })
        .collect::<Option<Vec<i32>>>()?
        .into_iter()
        .max()
}

/// Whether and how a person counts for a (people or institutions) target.
pub fn person_state(
    rule: &TargetRule,
    person: &PersonFacts,
    completions: &[(String, i32)],
) -> Option<SubjectState> {
    if rule.households {
        return None;
    }
    let audience = counted_audience(person.role, person.age)?;
    let required = rule.modules_for(audience)?;
    if !rule.unit_kinds.is_empty() && !rule.unit_kinds.contains(&person.unit_kind) {
        return None;
    }
    Some(SubjectState {
        unit_id: person.unit_id,
        reached_month: reached_month(required, completions),
    })
}

/// When a parent of a household reached a households target (`None`: not yet).
pub fn parent_reached(rule: &TargetRule, completions: &[(String, i32)]) -> Option<i32> {
    if !rule.households {
        return None;
    }
    reached_month(
        rule.modules_for(crate::domain::content::Audience::Parent)?,
        completions,
    )
}

/// A household counts in its unit, reached when its first parent was.
pub fn household_state(unit_id: i64, parents_reached: &[Option<i32>]) -> SubjectState {
    SubjectState {
        unit_id,
        reached_month: parents_reached.iter().flatten().min().copied(),
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;
    use crate::domain::content::{AgeBand, Audience, StaffRole};
    use crate::domain::person::Role;

    fn students() -> TargetRule {
        TargetRule {
            id: "students".into(),
            households: false,
            institutions: false,
            unit_kinds: vec!["school".into()],
            required: vec![
                (
                    Audience::Student(AgeBand::Age6To10),
                    vec!["body".into(), "secrets".into()],
                ),
                (Audience::Student(AgeBand::Age11To14), vec!["online".into()]),
            ],
        }
    }

    fn student(age: i32) -> PersonFacts {
        PersonFacts {
            role: Role::Student,
            age: Some(age),
            unit_id: 7,
            unit_kind: "school".into(),
        }
    }

    #[test]
    fn a_student_is_reached_by_the_modules_of_their_age_band() {
        let done = vec![("body".to_owned(), 100), ("secrets".to_owned(), 103)];
        assert_eq!(
            person_state(&students(), &student(8), &done),
            Some(SubjectState {
                unit_id: 7,
                reached_month: Some(103)
            })
        );
        assert_eq!(
            person_state(&students(), &student(8), &done[..1])
                .unwrap()
                .reached_month,
            None,
            "one module missing"
        );
        // At 12 the band's module is another one.
        assert_eq!(
            person_state(&students(), &student(12), &done)
                .unwrap()
                .reached_month,
            None
        );
        // 15–18 has no module in this target: not counted at all.
        assert_eq!(person_state(&students(), &student(16), &done), None);
        // Only in schools.
        let mut elsewhere = student(8);
        elsewhere.unit_kind = "commune".into();
        assert_eq!(person_state(&students(), &elsewhere, &done), None);
    }

    #[test]
    fn households_are_reached_by_their_first_parent_and_staff_by_role() {
        let families = TargetRule {
            id: "families".into(),
            households: true,
            institutions: false,
            unit_kinds: vec![],
            required: vec![(Audience::Parent, vec!["talks".into()])],
        };
        assert_eq!(families.counted(), Counted::Children);
        assert_eq!(parent_reached(&families, &[("talks".into(), 50)]), Some(50));
        let state = household_state(3, &[None, Some(55), Some(50)]);
        assert_eq!(
            state,
            SubjectState {
                unit_id: 3,
                reached_month: Some(50)
            }
        );
        assert_eq!(household_state(3, &[None]).reached_month, None);
        let police = TargetRule {
            id: "police".into(),
            households: false,
            institutions: false,
            unit_kinds: vec![],
            required: vec![(
                Audience::Staff(StaffRole::PoliceOfficer),
                vec!["law".into()],
            )],
        };
        assert_eq!(police.counted(), Counted::Adults);
        let officer = PersonFacts {
            role: Role::PoliceOfficer,
            age: None,
            unit_id: 2,
            unit_kind: "commune".into(),
        };
        assert!(person_state(&police, &officer, &[]).is_some());
        let manager = PersonFacts {
            role: Role::UnitManager,
            ..officer
        };
        assert_eq!(
            person_state(&police, &manager, &[]),
            None,
            "managers are not counted"
        );
    }
}
