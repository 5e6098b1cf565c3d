//! Server functions for coverage: a unit's report for a year (or a closed one), as the page
//! shows it — the same tables the CSV, the XLSX and the print view carry.

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowView {
    /// The unit the row is about (a link to its own report), if any.
    pub unit: Option<i64>,
    pub cells: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableView {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<RowView>,
}

/// One target at a glance, with its trend for the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCard {
    pub id: String,
    pub name: String,
    /// "3 of 4 schools · 41 of 44 people", "1,204 of 1,300 (official count)"…
    pub reached: String,
    /// `93,1%`, or empty when it cannot be shown.
    pub coverage: String,
    pub threshold: u8,
    pub band: Option<String>,
    pub band_text: String,
    pub deadline: String,
    pub flags: Vec<String>,
    /// Month label and coverage (tenths of a percent) of each month, for the chart.
    pub trend: Vec<(String, Option<u32>)>,
    pub expected: u32,
    /// Staff targets: how many are not trained yet.
    pub untrained: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageView {
    pub unit_id: i64,
    pub unit_name: String,
    /// Units above (id, name), from the top, that the viewer may open.
    pub lineage: Vec<(i64, String)>,
    pub year: i32,
    pub years: Vec<i32>,
    pub until: String,
    pub computed_at: String,
    pub cards: Vec<TargetCard>,
    pub tables: Vec<TableView>,
    /// A closed report: its id, version, who closed it and when.
    pub closed: Option<(i64, i64, String, String)>,
    /// Closed reports of this unit: id, year, version, who, when.
    pub closed_reports: Vec<(i64, i32, i64, String, String)>,
    pub can_close: bool,
    /// The unit is a school whose classes and staff the viewer may open (`/school?unit=`).
    pub school_view: bool,
    /// The viewer loads official counts (`/counts`).
    pub loads_counts: bool,
    pub plan_start: String,
    pub behind_from: u32,
}

/// After a counts upload: what failed, every bad row (row, Fluent key, value), or what was
/// done (rows, added, updated, unchanged).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsOutcome {
    pub failed: Option<String>,
    pub problems: Vec<(usize, String, String)>,
    pub done: Option<[usize; 4]>,
}

/// What the counts page shows besides its form: the plan's targets (id, name, what each
/// counts, the unit kinds it counts in) and the counts already loaded for the viewer's units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsView {
    /// Id, name, the Fluent key of what it counts (`coverage-counts-…`), unit kinds.
    pub targets: Vec<(String, String, String, Vec<String>)>,
    pub loaded: Vec<LoadedCount>,
}

/// An official count as loaded (dates as the reader writes them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedCount {
    pub unit: String,
    pub target: String,
    pub year: i64,
    pub count: i64,
    pub source: String,
    pub as_of: String,
    pub loaded_on: String,
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::coverage::{tables, CoverageReport};
    use crate::domain::access::{scope, Scope};
    use crate::domain::person::{Role, Viewer};
    use crate::store::coverage as store;
    use crate::store::Db;

    /// Who may see coverage: unit and school managers, child-protection officers (read
    /// only) and admins — of their own unit and everything under it.
    pub fn may_see(role: Role) -> bool {
        crate::domain::access::COVERAGE_READERS.contains(&role)
    }

    /// Who may close a reporting period: managers and admins.
    pub fn may_close(role: Role) -> bool {
        crate::domain::access::COVERAGE_CLOSERS.contains(&role)
    }

    /// The unit, if the viewer may see it (their home unit or below; any for an admin). A
    /// unit out of scope is `None`, like one that does not exist.
    pub async fn unit_in_scope(
        db: &Db,
        viewer: &Viewer,
        unit: Option<i64>,
    ) -> Result<Option<(store::Unit, store::Unit)>, crate::store::StoreError> {
        if !may_see(viewer.role) {
            return Ok(None);
        }
        let Some(home) = store::home_unit(db, viewer.person_id).await? else {
            return Ok(None);
        };
        let home = match scope(viewer.role) {
            // An admin's report starts at the top of the tree.
            Scope::Everything => match store::lineage(db, &home.path).await?.into_iter().next() {
                Some(top) => top,
                None => home,
            },
            _ => home,
        };
        let Some(id) = unit else {
            return Ok(Some((home.clone(), home)));
        };
        let Some(found) = store::unit(db, id).await? else {
            return Ok(None);
        };
        let inside = scope(viewer.role) == Scope::Everything
            || (found.path.as_str() >= home.path.as_str()
                && found.path.as_str() < crate::domain::org::subtree_end(&home.path).as_str());
        Ok(inside.then_some((found, home)))
    }

    pub fn view_of(
        report: &CoverageReport,
        home: &store::Unit,
        lang: Lang,
        viewer_role: Role,
        can_close: bool,
        closed_reports: Vec<(i64, i32, i64, String, String)>,
    ) -> CoverageView {
        use crate::domain::coverage::Cell;
        use crate::i18n::translate;
        let percent = |p: Option<u32>| {
            p.map(|p| format!("{}%", crate::i18n::per_mille_text(p, lang)))
                .unwrap_or_default()
        };
        let written = |text: &str| crate::domain::dates::display_written(text, lang);
        let count = |cell: Cell| match cell {
            Cell::Exact(n) => n.to_string(),
            Cell::Hidden => translate(lang, "coverage-fewer-than-5", None),
        };
        let cards = report
            .targets
            .iter()
            .map(|t| {
                let line = &t.total;
                let mut args = fluent_bundle::FluentArgs::new();
                let reached = match line.institutions {
                    Some((reached, all)) => {
                        args.set("reached", reached);
                        args.set("all", line.official.and_then(Cell::exact).unwrap_or(all));
                        args.set("people", count(line.reached));
                        args.set("registered", count(line.registered));
                        translate(lang, "coverage-card-institutions", Some(&args))
                    }
                    None => {
                        args.set("reached", count(line.reached));
                        match line.official {
                            Some(official) => {
                                args.set("all", count(official));
                                args.set("registered", count(line.registered));
                                translate(lang, "coverage-card-official", Some(&args))
                            }
                            None => {
                                args.set("all", count(line.registered));
                                translate(lang, "coverage-card-registered", Some(&args))
                            }
                        }
                    }
                };
                TargetCard {
                    id: t.id.clone(),
                    name: t.name(lang).to_owned(),
                    reached,
                    coverage: percent(line.coverage),
                    threshold: t.threshold,
                    band: line.band.map(|b| b.code().to_owned()),
                    band_text: line
                        .band
                        .map(|b| translate(lang, &format!("coverage-band-{}", b.code()), None))
                        .unwrap_or_default(),
                    deadline: written(&t.deadline),
                    flags: line
                        .flags
                        .iter()
                        .map(|f| translate(lang, &format!("coverage-flag-{}", f.code()), None))
                        .collect(),
                    trend: t
                        .trend
                        .iter()
                        .map(|p| (p.month.clone(), p.coverage))
                        .collect(),
                    expected: t.expected,
                    untrained: t.untrained.as_ref().map(|(n, _)| *n),
                }
            })
            .collect();
        let tables = tables(report, lang)
            .into_iter()
            .map(|t| TableView {
                id: t.id,
                title: t.title,
                columns: t.columns,
                rows: t
                    .rows
                    .into_iter()
                    .map(|(unit, cells)| RowView {
                        unit,
                        cells: cells.iter().map(|v| v.text(lang)).collect(),
                    })
                    .collect(),
            })
            .collect();
        // The breadcrumb starts at the viewer's own unit.
        let lineage = report
            .lineage
            .iter()
            .skip_while(|u| u.id != home.id)
            .map(|u| (u.id, u.name.clone()))
            .collect();
        let this_year = crate::coverage::this_year();
        CoverageView {
            unit_id: report.unit.id,
            unit_name: report.unit.name.clone(),
            lineage,
            year: report.year,
            years: (2020..=this_year).rev().collect(),
            until: written(&report.until),
            computed_at: written(&report.computed_at),
            cards,
            tables,
            closed: report
                .closed
                .as_ref()
                .map(|c| (c.id, c.version, c.closed_by.clone(), written(&c.closed_at))),
            closed_reports,
            can_close,
            school_view: report.unit.kind == "school"
                && crate::domain::access::SCHOOL_READERS.contains(&viewer_role),
            loads_counts: crate::domain::access::ROSTER_STAFF.contains(&viewer_role),
            plan_start: written(&report.plan_start),
            behind_from: report.behind_from,
        }
    }

    pub async fn closed_list(
        db: &Db,
        unit: i64,
        lang: Lang,
    ) -> Result<Vec<(i64, i32, i64, String, String)>, crate::store::StoreError> {
        Ok(store::closed_reports(db, unit)
            .await?
            .into_iter()
            .map(|r| {
                (
                    r.id,
                    r.year,
                    r.version,
                    r.closed_by.unwrap_or_default(),
                    crate::domain::dates::display_date_time(r.closed_at, lang),
                )
            })
            .collect())
    }
}

/// A unit's coverage for a year (this year by default): the viewer's own unit when `unit` is
/// `None`. `None` for a unit out of the viewer's scope.
#[server(input = GetUrl, endpoint = "coverage/report")]
pub async fn coverage_report(
    unit: Option<i64>,
    year: Option<i32>,
    lang: Lang,
) -> Result<Option<CoverageView>, ServerFnError> {
    use crate::api::people::server as s;
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let catalog = crate::api::catalog::server_catalog()?;
    let Some((unit, home)) = server::unit_in_scope(&db, &viewer, unit)
        .await
        .map_err(s::store_error)?
    else {
        return Ok(None);
    };
    let this_year = crate::coverage::this_year();
    let year = year
        .filter(|y| (2020..=this_year).contains(y))
        .unwrap_or(this_year);
    let report = crate::coverage::report(&db, &catalog, &unit, year, crate::auth::now())
        .await
        .map_err(s::store_error)?;
    let closed = server::closed_list(&db, unit.id, lang)
        .await
        .map_err(s::store_error)?;
    Ok(Some(server::view_of(
        &report,
        &home,
        lang,
        viewer.role,
        server::may_close(viewer.role),
        closed,
    )))
}

/// A closed (frozen) report of a unit, as it was when closed.
#[server(input = GetUrl, endpoint = "coverage/closed")]
pub async fn closed_report(
    unit: i64,
    report: i64,
    lang: Lang,
) -> Result<Option<CoverageView>, ServerFnError> {
    use crate::api::people::server as s;
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let Some((unit, home)) = server::unit_in_scope(&db, &viewer, Some(unit))
        .await
        .map_err(s::store_error)?
    else {
        return Ok(None);
    };
    let Some(frozen) = crate::coverage::frozen(&db, unit.id, report)
        .await
        .map_err(s::store_error)?
    else {
        return Ok(None);
    };
    let closed = server::closed_list(&db, unit.id, lang)
        .await
        .map_err(s::store_error)?;
    Ok(Some(server::view_of(
        &frozen,
        &home,
        lang,
        viewer.role,
        false,
        closed,
    )))
}

/// The counts page: the targets as a counts file names them, and the counts already loaded for
/// the viewer's units.
#[server(input = GetUrl, endpoint = "coverage/counts")]
pub async fn counts_page(lang: Lang) -> Result<CountsView, ServerFnError> {
    use crate::api::people::server as s;
    use crate::domain::dates::{display_date, display_written, local_day};
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let catalog = crate::api::catalog::server_catalog()?;
    let names: std::collections::HashMap<String, String> = catalog
        .targets()
        .iter()
        .map(|t| {
            let name = t
                .names
                .iter()
                .find(|(code, _)| code == lang.code())
                .or(t.names.first())
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| t.id.clone());
            (t.id.clone(), name)
        })
        .collect();
    let targets = catalog
        .targets()
        .iter()
        .map(|t| {
            let counts = match t.counting {
                crate::domain::target::Counting::People => "coverage-counts-people",
                crate::domain::target::Counting::Households => "coverage-counts-households",
                crate::domain::target::Counting::Units => "coverage-counts-units",
            };
            (
                t.id.clone(),
                names.get(&t.id).cloned().unwrap_or_default(),
                counts.to_owned(),
                t.unit_kinds.clone(),
            )
        })
        .collect();
    let loaded = crate::store::counts::loaded(&db, &viewer)
        .await
        .map_err(s::store_error)?
        .into_iter()
        .map(|c| LoadedCount {
            unit: format!("{} ({})", c.unit_name, c.unit_code),
            target: names.get(&c.target_id).cloned().unwrap_or(c.target_id),
            year: c.year,
            count: c.count,
            source: c.source,
            as_of: display_written(&c.as_of, lang),
            loaded_on: display_date(local_day(c.imported_at), lang),
        })
        .collect();
    Ok(CountsView { targets, loaded })
}
