//! `content/targets.toml`: the plan's targets, checked against the catalogue.
//!
//! ```toml
//! [[target]]
//! id = "students"
//! name = { vi = "Học sinh …", en = "Students …" }
//! people = ["student"]          # student (all bands), student-6-10, …, parent, teacher, …
//! unit_kinds = ["school"]       # optional
//! counts = "people"             # people, households (parents only) or units (institutions)
//! threshold = 95                # percent
//! deadline = "2025-12-31"
//! modules = ["my-body-belongs-to-me", "stop-bullying"]
//! ```

use super::problem::{line_of, Problems};
use super::Catalog;
use crate::domain::content::{AgeBand, Audience, ModuleId};
use crate::domain::dates::parse_date;
use crate::domain::target::{Counting, Plan, Target};
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    #[serde(default)]
    plan: Option<Spanned<RawPlan>>,
    target: Vec<Spanned<RawTarget>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    start: Spanned<String>,
    behind_from: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: Spanned<String>,
    name: Spanned<BTreeMap<String, String>>,
    people: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    unit_kinds: Vec<String>,
    counts: Spanned<String>,
    threshold: Spanned<u8>,
    deadline: Spanned<String>,
    modules: Spanned<Vec<Spanned<String>>>,
}

/// Reads and checks the plan and its targets; problems carry `path:line`.
pub fn parse(
    path: &Path,
    text: &str,
    catalog: &Catalog,
    problems: &mut Problems,
) -> (Plan, Vec<Target>) {
    let raw: RawTargets = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            problems.error(path, line, error.message().trim().to_owned());
            return (Plan::default(), Vec::new());
        }
    };
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    let mut plan = Plan::default();
    if let Some(raw_plan) = &raw.plan {
        let raw_plan = raw_plan.get_ref();
        match parse_date(raw_plan.start.get_ref()) {
            Some(start) => plan.start = start,
            None => problems.error(
                path,
                at(raw_plan.start.span()),
                format!(
                    "plan start {:?} is not a date (YYYY-MM-DD)",
                    raw_plan.start.get_ref()
                ),
            ),
        }
        let behind_from = *raw_plan.behind_from.get_ref();
        if !(1..=100).contains(&behind_from) {
            problems.error(
                path,
                at(raw_plan.behind_from.span()),
                format!("plan behind_from is a percentage from 1 to 100, not {behind_from}"),
            );
        }
        plan.behind_from = behind_from;
    }
    let mut ids = HashSet::new();
    let mut targets = Vec::new();
    for raw in raw.target.iter().map(Spanned::get_ref) {
        let before = problems.0.len();
        let id = raw.id.get_ref().clone();
        if !ids.insert(id.clone()) {
            problems.error(
                path,
                at(raw.id.span()),
                format!("duplicate target id {id:?}"),
            );
        }
        for lang in Lang::ALL {
            if raw
                .name
                .get_ref()
                .get(lang.code())
                .is_none_or(|n| n.trim().is_empty())
            {
                problems.error(
                    path,
                    at(raw.name.span()),
                    format!("target {id:?}: no name in {}", lang.code()),
                );
            }
        }
        let mut audiences = Vec::new();
        for code in raw.people.get_ref() {
            match code.get_ref().as_str() {
                "student" => audiences.extend(AgeBand::ALL.map(Audience::Student)),
                other => match Audience::parse(other) {
                    Some(a) => audiences.push(a),
                    None => problems.error(
                        path,
                        at(code.span()),
                        format!("target {id:?}: unknown people {other:?}"),
                    ),
                },
            }
        }
        if raw.people.get_ref().is_empty() {
            problems.error(
                path,
                at(raw.people.span()),
                format!("target {id:?}: people names no one"),
            );
        }
        let counting = Counting::parse(raw.counts.get_ref());
        match counting {
            None => problems.error(
                path,
                at(raw.counts.span()),
                format!(
                    "target {id:?}: counts is \"people\", \"households\" or \"units\", not {:?}",
                    raw.counts.get_ref()
                ),
            ),
            Some(Counting::Units) if raw.unit_kinds.is_empty() => problems.error(
                path,
                at(raw.counts.span()),
                format!("target {id:?}: counting units needs unit_kinds (which institutions)"),
            ),
            Some(Counting::Households) if audiences.iter().any(|a| *a != Audience::Parent) => {
                problems.error(
                    path,
                    at(raw.counts.span()),
                    format!("target {id:?}: only parents are counted by households"),
                )
            }
            _ => {}
        }
        let threshold = *raw.threshold.get_ref();
        if !(1..=100).contains(&threshold) {
            problems.error(
                path,
                at(raw.threshold.span()),
                format!("target {id:?}: threshold is a percentage from 1 to 100, not {threshold}"),
            );
        }
        let deadline = parse_date(raw.deadline.get_ref());
        if deadline.is_none() {
            problems.error(
                path,
                at(raw.deadline.span()),
                format!(
                    "target {id:?}: deadline {:?} is not a date (YYYY-MM-DD)",
                    raw.deadline.get_ref()
                ),
            );
        }
        let mut modules = Vec::new();
        for module in raw.modules.get_ref() {
            let line = at(module.span());
            match catalog.module(module.get_ref()) {
                None => problems.error(
                    path,
                    line,
                    format!("target {id:?}: unknown module {:?}", module.get_ref()),
                ),
                Some(m) if !audiences.iter().any(|a| m.module.is_for(*a)) => problems.error(
                    path,
                    line,
                    format!(
                        "target {id:?}: module {:?} is not written for any of its people",
                        module.get_ref()
                    ),
                ),
                Some(m) => modules.push(m.module.id.clone()),
            }
        }
        if raw.modules.get_ref().is_empty() {
            problems.error(
                path,
                at(raw.modules.span()),
                format!("target {id:?}: modules lists none"),
            );
        }
        // Every audience of the target needs at least one module written for it.
        for audience in &audiences {
            let covered = modules.iter().any(|m: &ModuleId| {
                catalog
                    .module(m.as_str())
                    .is_some_and(|m| m.module.is_for(*audience))
            });
            if !covered && problems.0.len() == before {
                problems.error(
                    path,
                    at(raw.modules.span()),
                    format!(
                        "target {id:?}: no listed module is written for {}",
                        audience.code()
                    ),
                );
            }
        }
        if problems.0.len() > before {
            continue;
        }
        let (Some(counting), Some(deadline)) = (counting, deadline) else {
            continue;
        };
        targets.push(Target {
            id,
            names: raw
                .name
                .get_ref()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            audiences,
            unit_kinds: raw.unit_kinds.clone(),
            counting,
            threshold,
            deadline,
            modules,
        });
    }
    (plan, targets)
}
