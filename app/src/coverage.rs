//! Coverage: the plan's targets turned into rules, the rollups kept with them, and the
//! report a manager reads (screen, CSV, XLSX, print and frozen yearly reports all come from
//! [`report`]).

use crate::catalog::Catalog;
use crate::domain::content::Audience;
use crate::domain::coverage::TargetRule;
use crate::domain::target::Counting;
use crate::store::coverage::{self as rollups, SubjectKind};
use crate::store::{Db, StoreError};
use std::collections::HashMap;

/// The rules of every target: which people or households it counts, by which modules.
pub fn rules(catalog: &Catalog) -> Vec<TargetRule> {
    catalog
        .targets()
        .iter()
        .map(|t| TargetRule {
            id: t.id.clone(),
            households: t.counting == Counting::Households,
            institutions: t.counting == Counting::Units,
            unit_kinds: t.unit_kinds.clone(),
            required: t
                .audiences
                .iter()
                .map(|a| (*a, modules_for(catalog, &t.modules, *a)))
                .filter(|(_, m)| !m.is_empty())
                .collect(),
        })
        .collect()
}

/// For each staff role, the unit kinds the plan's targets count it in.
pub fn staff_unit_kinds(
    rules: &[TargetRule],
) -> std::collections::HashMap<crate::domain::person::Role, Vec<String>> {
    use crate::domain::coverage::counted_audience;
    use crate::domain::person::Role;
    use crate::domain::staff::{unit_kinds_by_role, STAFF_ROLES};
    let roles: Vec<(Vec<Role>, &[String])> = rules
        .iter()
        .map(|rule| {
            let roles = STAFF_ROLES
                .into_iter()
                .filter(|role| {
                    rule.required
                        .iter()
                        .any(|(audience, _)| Some(*audience) == counted_audience(*role, None))
                })
                .collect();
            (roles, rule.unit_kinds.as_slice())
        })
        .collect();
    unit_kinds_by_role(roles.iter().map(|(r, k)| (r.as_slice(), *k)))
}

fn modules_for(
    catalog: &Catalog,
    modules: &[crate::domain::content::ModuleId],
    audience: Audience,
) -> Vec<String> {
    modules
        .iter()
        .filter(|m| {
            catalog
                .module(m.as_str())
                .is_some_and(|m| m.module.is_for(audience))
        })
        .map(|m| m.as_str().to_owned())
        .collect()
}

/// A fingerprint of the rules: when it changes (targets or their modules were edited), the
/// rollups are rebuilt.
pub fn fingerprint(rules: &[TargetRule]) -> String {
    let text = format!("{rules:?}");
    crate::auth::token_hash(&text)
}

/// Recounts every subject from people, households and completions, and replaces the
/// rollups with what they add up to (without losing a change made meanwhile on another
/// server: see [`rollups::rebuild`]).
pub async fn rebuild(db: &Db, rules: &[TargetRule], this_year: i32) -> Result<usize, StoreError> {
    let meta = [
        ("rules", fingerprint(rules)),
        ("year", this_year.to_string()),
    ];
    rollups::rebuild(db, rules, this_year, &institution_targets(rules), &meta).await
}

/// The targets that count institutions (schools, stations) rather than people.
fn institution_targets(rules: &[TargetRule]) -> Vec<String> {
    rules
        .iter()
        .filter(|r| r.institutions)
        .map(|r| r.id.clone())
        .collect()
}

/// Rebuilds the rollups when the targets or the year changed since they were built (students
/// move to another age band with the year). Returns whether it rebuilt.
pub async fn ensure_current(
    db: &Db,
    rules: &[TargetRule],
    this_year: i32,
) -> Result<bool, StoreError> {
    let same_rules =
        rollups::meta(db, "rules").await?.as_deref() == Some(fingerprint(rules).as_str());
    let same_year =
        rollups::meta(db, "year").await?.as_deref() == Some(this_year.to_string().as_str());
    if same_rules && same_year {
        return Ok(false);
    }
    rebuild(db, rules, this_year).await?;
    Ok(true)
}

/// What the rollups should be, recounted from scratch — for checking them.
pub async fn recount(
    db: &Db,
    rules: &[TargetRule],
    this_year: i32,
) -> Result<rollups::Rollups, StoreError> {
    let mut lease = db.lease().await?;
    let subjects = rollups::recount_subjects(&mut lease, rules, this_year).await?;
    let ancestors = rollups::all_ancestors(&mut lease).await?;
    Ok(rollups::rollups_of(&subjects, &institution_targets(rules), &ancestors).0)
}

/// The subjects of every target per kind, for tests and checks.
pub fn subject_key(target: &str, kind: SubjectKind, id: i64) -> (String, SubjectKind, i64) {
    (target.to_owned(), kind, id)
}

/// The current year in Vietnam.
pub fn this_year() -> i32 {
    crate::domain::dates::local_year(crate::auth::now())
}

/// Which targets count each role (for the people of a unit that a manager must send on
/// training: staff targets only).
pub fn staff_targets(rules: &[TargetRule]) -> HashMap<String, bool> {
    rules
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                !r.households
                    && r.required
                        .iter()
                        .all(|(a, _)| matches!(a, Audience::Staff(_))),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The report.

use crate::domain::coverage::{
    band, column, expected_per_mille, flags, per_mille, single, Band, BandRules, Cell, Counted,
    Flag,
};
use crate::domain::dates;
use serde::{Deserialize, Serialize};

/// A unit as a report names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
}

impl From<&rollups::Unit> for UnitRef {
    fn from(u: &rollups::Unit) -> UnitRef {
        UnitRef {
            id: u.id,
            code: u.code.clone(),
            name: u.name.clone(),
            kind: u.kind.clone(),
        }
    }
}

/// One unit's line for one target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub unit: UnitRef,
    pub reached: Cell,
    pub registered: Cell,
    pub official: Option<Cell>,
    pub official_source: Option<rollups::CountSource>,
    /// Coverage in tenths of a percent: of the official count (of registered when there is
    /// none), and of registered.
    pub coverage: Option<u32>,
    pub coverage_of_registered: Option<u32>,
    /// Institutions: reached and in all (targets that count them); then `reached` and
    /// `registered` are their people.
    pub institutions: Option<(u64, u64)>,
    pub band: Option<Band>,
    pub flags: Vec<Flag>,
    /// For a unit below: whether its report for the year was closed.
    pub closed: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub month: String,
    pub reached: Cell,
    pub coverage: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetReport {
    pub id: String,
    /// Name per language code.
    pub names: Vec<(String, String)>,
    pub counting: String,
    pub counted: Counted,
    pub threshold: u8,
    pub deadline: String,
    pub expected: u32,
    pub total: Line,
    /// The units right below, furthest behind first.
    pub lines: Vec<Line>,
    pub trend: Vec<TrendPoint>,
    /// Staff targets: how many are not trained yet, and the first of them (name, unit).
    pub untrained: Option<(u64, Vec<(String, String)>)>,
}

impl TargetReport {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        self.names
            .iter()
            .find(|(code, _)| code == lang.code())
            .or(self.names.first())
            .map(|(_, n)| n.as_str())
            .unwrap_or(&self.id)
    }
}

/// A frozen report's closing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub id: i64,
    pub version: i64,
    pub closed_by: String,
    pub closed_at: String,
}

/// Coverage of a unit for a year: what the dashboard shows, the exports carry, the print
/// view lays out, and a closed period freezes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageReport {
    pub unit: UnitRef,
    /// The units above, from the top (for the breadcrumb).
    pub lineage: Vec<UnitRef>,
    pub year: i32,
    /// `2026-12-31`, or today when the year is not over (reports closed before this was
    /// stored so hold `31/12/2026`: read them with `dates::display_written`).
    pub until: String,
    /// `2026-12-06 14:05`, in Vietnam's time (or `06/12/2026 14:05`, as `until`).
    pub computed_at: String,
    pub targets: Vec<TargetReport>,
    pub closed: Option<Closing>,
    /// The band rule, for the page: behind from this percent of the expected coverage.
    pub behind_from: u32,
    pub plan_start: String,
}

/// How many untrained people a report lists by name (the exports carry the same).
pub const UNTRAINED_LISTED: i64 = 200;

/// Builds the report of `unit` for `year` (up to today when the year is not over).
pub async fn report(
    db: &Db,
    catalog: &Catalog,
    unit: &rollups::Unit,
    year: i32,
    now: i64,
) -> Result<CoverageReport, StoreError> {
    let rules = rules(catalog);
    let today = dates::local_day(now);
    let this_month = dates::month_index(today);
    let end_of_year = year * 12 + 11;
    let until_month = this_month.min(end_of_year);
    let until_day = if end_of_year <= this_month {
        time::Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(today)
    } else {
        today
    };
    let children = rollups::children(db, unit.id).await?;
    let mut ids: Vec<i64> = vec![unit.id];
    ids.extend(children.iter().map(|c| c.id));
    let population = rollups::population_of(db, &ids).await?;
    let reached = rollups::reached_of(db, &ids, until_month).await?;
    let official = rollups::official_tree(db, unit, year).await?;
    let closed_below = rollups::latest_closed(db, &ids[1..], year).await?;
    let monthly = rollups::monthly(db, unit.id, until_month).await?;
    let with_children = rollups::with_children(db, &ids[1..]).await?;
    let mut all_units = vec![unit.clone()];
    all_units.extend(children.iter().cloned());
    let kinds_below = rollups::kinds_below(db, unit).await?;
    let plan = catalog.plan();
    let band_rules = BandRules {
        start_day: day_number(plan.start),
        behind_from: plan.behind_from,
    };
    let staff = staff_targets(&rules);
    let mut targets = Vec::new();
    for (target, rule) in catalog.targets().iter().zip(&rules) {
        let counted = rule.counted();
        let institutions = if rule.institutions {
            Some(rollups::institutions_in(
                &kinds_below,
                &all_units,
                &rule.unit_kinds,
            ))
        } else {
            None
        };
        let deadline_day = day_number(target.deadline);
        let today_day = day_number(until_day);
        // Raw numbers per unit: registered, reached, official, institutions (reached, all).
        let raw = |id: i64| {
            let registered = population
                .get(&(id, rule.id.clone()))
                .copied()
                .unwrap_or(0)
                .max(0) as u64;
            let (people, units) = reached
                .get(&(id, rule.id.clone()))
                .copied()
                .unwrap_or((0, 0));
            let own_official = official.get(&(id, rule.id.clone()));
            let inst = institutions.as_ref().map(|all| {
                (
                    units.max(0) as u64,
                    all.get(&id).copied().unwrap_or(0) as u64,
                )
            });
            (
                registered,
                people.max(0) as u64,
                own_official.cloned(),
                inst,
            )
        };
        // The units below that matter for this target: areas (which have units below them),
        // units of the target's kinds, and any with someone registered or a count.
        let shown: Vec<&rollups::Unit> = children
            .iter()
            .filter(|c| {
                let (registered, _, official, _) = raw(c.id);
                with_children.contains(&c.id)
                    || rule.unit_kinds.contains(&c.kind)
                    || registered > 0
                    || official.is_some()
            })
            .collect();
        let child_raw: Vec<_> = shown.iter().map(|c| raw(c.id)).collect();
        let (total_registered, total_reached, total_own_official, total_inst) = raw(unit.id);
        // The unit's own count, or its children's added up (`official_tree`).
        let total_official = total_own_official.as_ref().map(|o| o.count as u64);
        // Columns for suppression: the children, then the total.
        let reached_cells = column(&child_raw.iter().map(|r| r.1).collect::<Vec<_>>(), counted);
        let registered_cells = column(&child_raw.iter().map(|r| r.0).collect::<Vec<_>>(), counted);
        let official_cells = column(
            &child_raw
                .iter()
                .map(|r| r.2.as_ref().map(|o| o.count as u64).unwrap_or(0))
                .collect::<Vec<_>>(),
            counted,
        );
        let make_line = |u: UnitRef,
                         reached: Cell,
                         registered: Cell,
                         official: Option<(Cell, Option<rollups::CountSource>)>,
                         official_raw: Option<u64>,
                         registered_raw: u64,
                         inst: Option<(u64, u64)>,
                         closed: Option<bool>| {
            let of_registered = per_mille(reached, registered);
            let coverage = match (inst, &official) {
                // Institutions: reached of the official (or registered) count of institutions.
                (Some((r, all)), Some((cell, _))) => {
                    per_mille(Cell::Exact(r), *cell).or(per_mille(Cell::Exact(r), Cell::Exact(all)))
                }
                (Some((r, all)), None) => per_mille(Cell::Exact(r), Cell::Exact(all)),
                (None, Some((cell, _))) => per_mille(reached, *cell),
                (None, None) => of_registered,
            };
            let flags = match inst {
                Some((_, all)) => flags(official_raw, all),
                None => flags(official_raw, registered_raw),
            };
            Line {
                unit: u,
                reached,
                registered,
                official: official.as_ref().map(|(c, _)| *c),
                official_source: official.and_then(|(_, s)| s),
                coverage,
                coverage_of_registered: of_registered,
                institutions: inst,
                band: band(
                    &band_rules,
                    coverage,
                    target.threshold,
                    deadline_day,
                    today_day,
                ),
                flags,
                closed,
            }
        };
        let mut lines: Vec<Line> = shown
            .iter()
            .zip(&child_raw)
            .enumerate()
            .map(|(i, (child, r))| {
                let official = r.2.as_ref().map(|o| (official_cells[i], o.source.clone()));
                make_line(
                    (*child).into(),
                    reached_cells[i],
                    registered_cells[i],
                    official,
                    r.2.as_ref().map(|o| o.count as u64),
                    r.0,
                    r.3,
                    Some(closed_below.contains_key(&child.id)),
                )
            })
            .collect();
        // Furthest behind first; lines whose coverage cannot be shown last.
        lines.sort_by(|a, b| {
            a.coverage
                .is_none()
                .cmp(&b.coverage.is_none())
                .then(a.coverage.cmp(&b.coverage))
                .then(a.unit.name.cmp(&b.unit.name))
        });
        let total = make_line(
            unit.into(),
            single(total_reached, counted),
            single(total_registered, counted),
            total_official.map(|n| {
                (
                    single(n, counted),
                    total_own_official.as_ref().and_then(|o| o.source.clone()),
                )
            }),
            total_official,
            total_registered,
            total_inst,
            None,
        );
        // The trend: cumulative reached per month since the first, against the same
        // denominator as the total.
        let increments: Vec<(i32, i64)> = monthly
            .iter()
            .filter(|(t, ..)| *t == rule.id)
            .map(|(_, m, people, units)| (*m, if rule.institutions { *units } else { *people }))
            .collect();
        let denominator = match (total_inst, total_official) {
            (Some((_, all)), official) => official.unwrap_or(all),
            (None, Some(official)) => official,
            (None, None) => total_registered,
        };
        let trend = crate::domain::coverage::cumulative(&increments, until_month)
            .into_iter()
            .map(|(month, value)| {
                let value = value.max(0) as u64;
                let cell = if rule.institutions {
                    Cell::Exact(value)
                } else {
                    single(value, counted)
                };
                TrendPoint {
                    month: dates::month_label(month),
                    reached: cell,
                    coverage: per_mille(cell, Cell::Exact(denominator)),
                }
            })
            .collect();
        let untrained = if staff.get(&rule.id).copied().unwrap_or(false) {
            let (count, people) =
                rollups::untrained(db, &rule.id, &unit.path, until_month, UNTRAINED_LISTED).await?;
            Some((count as u64, people))
        } else {
            None
        };
        targets.push(TargetReport {
            id: rule.id.clone(),
            names: target.names.clone(),
            counting: match target.counting {
                Counting::People => "people",
                Counting::Households => "households",
                Counting::Units => "units",
            }
            .to_owned(),
            counted,
            threshold: target.threshold,
            deadline: target.deadline.to_string(),
            expected: expected_per_mille(&band_rules, target.threshold, deadline_day, today_day),
            total,
            lines,
            trend,
            untrained,
        });
    }
    let lineage = rollups::lineage(db, &unit.path)
        .await?
        .iter()
        .filter(|u| u.id != unit.id)
        .map(UnitRef::from)
        .collect();
    Ok(CoverageReport {
        unit: unit.into(),
        lineage,
        year,
        until: until_day.to_string(),
        computed_at: dates::iso_date_time(now),
        targets,
        closed: None,
        behind_from: plan.behind_from,
        plan_start: plan.start.to_string(),
    })
}

/// Days since 1970-01-01.
fn day_number(date: time::Date) -> i64 {
    i64::from(date.to_julian_day()) - 2_440_588
}

// ---------------------------------------------------------------------------------------------
// The tables: the screen, the CSV, the XLSX and the print view all show these.

use crate::i18n::{translate, Lang};

pub use crate::export::{neutralise, Table, Value};

fn tr(lang: Lang, key: &str) -> String {
    translate(lang, key, None)
}

fn band_text(lang: Lang, band: Option<Band>) -> Value {
    band.map_or(Value::Empty, |b| {
        Value::Text(tr(lang, &format!("coverage-band-{}", b.code())))
    })
}

fn notes(lang: Lang, line: &Line) -> Value {
    let mut parts: Vec<String> = line
        .flags
        .iter()
        .map(|f| tr(lang, &format!("coverage-flag-{}", f.code())))
        .collect();
    if let Some((source, as_of, year)) = &line.official_source {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("source", source.clone());
        args.set("date", dates::display_written(as_of, lang));
        args.set("year", *year);
        parts.push(translate(lang, "coverage-official-source", Some(&args)));
    }
    if parts.is_empty() {
        Value::Empty
    } else {
        Value::Text(parts.join("; "))
    }
}

/// The reached and registered of a line: institutions for institution targets (their people
/// go to the people columns), else subjects.
fn line_values(line: &Line) -> (Value, Value, Value, Value) {
    match line.institutions {
        Some((reached, all)) => (
            Value::Number(reached),
            Value::Number(all),
            Value::of_cell(line.reached),
            Value::of_cell(line.registered),
        ),
        None => (
            Value::of_cell(line.reached),
            Value::of_cell(line.registered),
            Value::Empty,
            Value::Empty,
        ),
    }
}

/// Every table of a report, in `lang`.
pub fn tables(report: &CoverageReport, lang: Lang) -> Vec<Table> {
    let mut out = Vec::new();
    let summary_columns = [
        "coverage-col-target",
        "coverage-col-counts",
        "coverage-col-reached",
        "coverage-col-official",
        "coverage-col-registered",
        "coverage-col-coverage",
        "coverage-col-of-registered",
        "coverage-col-threshold",
        "coverage-col-expected",
        "coverage-col-status",
        "coverage-col-deadline",
        "coverage-col-people-reached",
        "coverage-col-people-registered",
        "coverage-col-notes",
    ];
    let mut summary = Table {
        id: "summary".to_owned(),
        title: {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("unit", report.unit.name.clone());
            args.set("year", report.year);
            translate(lang, "coverage-summary-title", Some(&args))
        },
        columns: summary_columns.iter().map(|k| tr(lang, k)).collect(),
        rows: Vec::new(),
    };
    for target in &report.targets {
        let line = &target.total;
        let (reached, registered, people_reached, people_registered) = line_values(line);
        summary.rows.push((
            None,
            vec![
                Value::Text(target.name(lang).to_owned()),
                Value::Text(tr(lang, &format!("coverage-counts-{}", target.counting))),
                reached,
                line.official.map_or(Value::Empty, Value::of_cell),
                registered,
                Value::of_percent(line.coverage),
                Value::of_percent(
                    line.coverage_of_registered
                        .filter(|_| line.institutions.is_none()),
                ),
                Value::Percent(u32::from(target.threshold) * 10),
                Value::Percent(target.expected),
                band_text(lang, line.band),
                Value::Text(dates::display_written(&target.deadline, lang)),
                people_reached,
                people_registered,
                notes(lang, line),
            ],
        ));
    }
    out.push(summary);
    for target in &report.targets {
        if !target.lines.is_empty() {
            let columns = [
                "coverage-col-unit",
                "coverage-col-code",
                "coverage-col-reached",
                "coverage-col-official",
                "coverage-col-registered",
                "coverage-col-coverage",
                "coverage-col-status",
                "coverage-col-people-reached",
                "coverage-col-people-registered",
                "coverage-col-closed",
                "coverage-col-notes",
            ];
            let rows = target
                .lines
                .iter()
                .map(|line| {
                    let (reached, registered, people_reached, people_registered) =
                        line_values(line);
                    (
                        Some(line.unit.id),
                        vec![
                            Value::Text(line.unit.name.clone()),
                            Value::Text(line.unit.code.clone()),
                            reached,
                            line.official.map_or(Value::Empty, Value::of_cell),
                            registered,
                            Value::of_percent(line.coverage),
                            band_text(lang, line.band),
                            people_reached,
                            people_registered,
                            Value::Text(tr(
                                lang,
                                if line.closed == Some(true) {
                                    "coverage-closed-yes"
                                } else {
                                    "coverage-closed-no"
                                },
                            )),
                            notes(lang, line),
                        ],
                    )
                })
                .collect();
            out.push(Table {
                id: format!("{}-units", target.id),
                title: format!("{} — {}", target.name(lang), tr(lang, "coverage-by-unit")),
                columns: columns.iter().map(|k| tr(lang, k)).collect(),
                rows,
            });
        }
        out.push(Table {
            id: format!("{}-trend", target.id),
            title: format!("{} — {}", target.name(lang), tr(lang, "coverage-trend")),
            columns: [
                "coverage-col-month",
                "coverage-col-reached",
                "coverage-col-coverage",
            ]
            .iter()
            .map(|k| tr(lang, k))
            .collect(),
            rows: target
                .trend
                .iter()
                .map(|p| {
                    (
                        None,
                        vec![
                            Value::Text(p.month.clone()),
                            Value::of_cell(p.reached),
                            Value::of_percent(p.coverage),
                        ],
                    )
                })
                .collect(),
        });
        if let Some((count, people)) = &target.untrained {
            let mut rows: Vec<(Option<i64>, Vec<Value>)> = people
                .iter()
                .map(|(name, unit)| {
                    (
                        None,
                        vec![Value::Text(name.clone()), Value::Text(unit.clone())],
                    )
                })
                .collect();
            if (people.len() as u64) < *count {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", count - people.len() as u64);
                rows.push((
                    None,
                    vec![
                        Value::Text(translate(lang, "coverage-untrained-more", Some(&args))),
                        Value::Empty,
                    ],
                ));
            }
            out.push(Table {
                id: format!("{}-untrained", target.id),
                title: format!("{} — {}", target.name(lang), tr(lang, "coverage-untrained")),
                columns: ["coverage-col-name", "coverage-col-unit"]
                    .iter()
                    .map(|k| tr(lang, k))
                    .collect(),
                rows,
            });
        }
    }
    out
}

/// The report's tables as one CSV (see `export::csv`), under a line naming the unit, the
/// year and when it was computed.
pub fn csv(report: &CoverageReport, lang: Lang) -> Vec<u8> {
    crate::export::csv(&csv_header(report, lang), &tables(report, lang), lang)
}

/// The first line of a report's CSV: the unit, the year, when it was computed.
pub fn csv_header(report: &CoverageReport, lang: Lang) -> Vec<String> {
    vec![
        tr(lang, "coverage-col-unit"),
        report.unit.name.clone(),
        tr(lang, "coverage-col-year"),
        report.year.to_string(),
        tr(lang, "coverage-computed-at"),
        dates::display_written(&report.computed_at, lang),
    ]
}

/// The report's tables as an XLSX workbook (see `export::xlsx`).
pub fn xlsx(report: &CoverageReport, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    crate::export::xlsx(&tables(report, lang), lang)
}

// ---------------------------------------------------------------------------------------------
// Closing a period.

/// Closes `year` for `unit`: the report as it is now is frozen (a new version; earlier ones
/// stay). Returns the closed report's id and version.
pub async fn close_period(
    db: &Db,
    catalog: &Catalog,
    unit: &rollups::Unit,
    year: i32,
    closed_by: i64,
    now: i64,
) -> Result<(i64, i64), StoreError> {
    let report = report(db, catalog, unit, year, now).await?;
    let text = serde_json::to_string(&report)
        .map_err(|e| StoreError::Query(sqlx::Error::Protocol(e.to_string())))?;
    let closed = rollups::close(db, unit.id, year, closed_by, now, &text).await?;
    let detail = format!(
        "coverage report {year} of unit {} closed, version {}",
        unit.id, closed.1
    );
    let event = crate::store::sessions::Event {
        action: "coverage-closed",
        actor: Some(closed_by),
        subject: None,
        client: None,
        detail: &detail,
    };
    crate::store::sessions::audit(db, &event, now).await?;
    Ok(closed)
}

/// A closed report of `unit`, as it was frozen (with who closed it and when).
pub async fn frozen(db: &Db, unit: i64, id: i64) -> Result<Option<CoverageReport>, StoreError> {
    let Some((listing, text)) = rollups::closed_report(db, id).await? else {
        return Ok(None);
    };
    if listing.unit_id != unit {
        return Ok(None);
    }
    let Ok(mut report) = serde_json::from_str::<CoverageReport>(&text) else {
        return Ok(None);
    };
    report.closed = Some(Closing {
        id: listing.id,
        version: listing.version,
        closed_by: listing.closed_by.unwrap_or_default(),
        closed_at: dates::iso_date_time(listing.closed_at),
    });
    Ok(Some(report))
}

/// A counts file to fill in (`/counts/template.csv`): the header the upload expects, then a row
/// for each unit of the viewer's and each target that applies to it, for `year`, with count,
/// source and date left empty (`domain::counts::template_rows`). With a byte-order mark, so
/// that Excel reads the Vietnamese names right.
pub async fn counts_template(
    db: &Db,
    catalog: &Catalog,
    viewer: &crate::domain::person::Viewer,
    year: i32,
) -> Result<String, StoreError> {
    use crate::domain::counts::{template_rows, TemplateTarget, TemplateUnit, COUNTS_HEADER};
    let units = crate::store::accounts::units_in_scope(db, viewer).await?;
    let parents: std::collections::HashSet<String> = crate::store::org::codes_with_parents(db)
        .await?
        .into_values()
        .flatten()
        .collect();
    let units: Vec<TemplateUnit<'_>> = units
        .iter()
        .map(|u| TemplateUnit {
            code: &u.code,
            kind: &u.kind,
            has_units_below: parents.contains(&u.code),
        })
        .collect();
    let targets: Vec<TemplateTarget<'_>> = catalog
        .targets()
        .iter()
        .map(|t| TemplateTarget {
            id: &t.id,
            kinds: &t.unit_kinds,
            institutions: t.counting == Counting::Units,
        })
        .collect();
    let mut lines = vec![COUNTS_HEADER.map(str::to_owned)];
    lines.extend(template_rows(&units, &targets, year));
    let mut writer = csv::Writer::from_writer(Vec::new());
    for line in &lines {
        // Writing to memory fails only if the row is malformed, which these are not.
        writer
            .write_record(line)
            .map_err(|e| StoreError::Query(sqlx::Error::Protocol(e.to_string())))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| StoreError::Query(sqlx::Error::Protocol(e.to_string())))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}
