//! Coverage pages: a unit's dashboard (`/coverage`, `/coverage/{unit}`), its A4 print view,
//! its closed reports, and the official counts upload. Everything is rendered on the server:
//! the trend chart is SVG, with its numbers in a table beside it.

use super::catalog::found_or_not;
use super::session::{use_page_session, CsrfField};
use crate::api::coverage::{closed_report, coverage_report, CoverageView, TableView, TargetCard};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

fn unit_param() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("unit").and_then(|u| u.parse().ok())
}

fn year_param() -> impl Fn() -> Option<i32> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("year").and_then(|y| y.parse().ok())
}

/// `/coverage` and `/coverage/{unit}`: the dashboard.
#[component]
pub fn CoveragePage() -> impl IntoView {
    let i18n = use_i18n();
    let unit = unit_param();
    let year = year_param();
    let report = Resource::new(
        move || (unit(), year(), i18n.lang()),
        |(unit, year, lang)| coverage_report(unit, year, lang),
    );
    let query = use_query_map();
    let sort = move || query.read().get("sort");
    found_or_not(report, move |view| {
        let sort = sort();
        view! { <Dashboard view sort print=false /> }
    })
}

/// `/coverage/{unit}/print`: the same report laid out for A4.
#[component]
pub fn CoveragePrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let unit = unit_param();
    let year = year_param();
    let report = Resource::new(
        move || (unit(), year(), i18n.lang()),
        |(unit, year, lang)| coverage_report(unit, year, lang),
    );
    found_or_not(
        report,
        move |view| view! { <Dashboard view sort=None print=true /> },
    )
}

/// `/coverage/{unit}/reports/{report}`: a closed report, as it was frozen.
#[component]
pub fn ClosedReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("unit")
                .and_then(|u| u.parse::<i64>().ok())
                .unwrap_or(0),
            p.get("report")
                .and_then(|r| r.parse::<i64>().ok())
                .unwrap_or(0),
            i18n.lang(),
        )
    };
    let report = Resource::new(key, |(unit, report, lang)| {
        closed_report(unit, report, lang)
    });
    let query = use_query_map();
    let print = move || query.read().get("print").is_some();
    found_or_not(
        report,
        move |view| view! { <Dashboard view sort=None print=print() /> },
    )
}

#[component]
fn Dashboard(view: CoverageView, sort: Option<String>, print: bool) -> impl IntoView {
    let i18n = use_i18n();
    let base = match view.closed {
        Some((id, ..)) => format!("/coverage/{}/reports/{id}", view.unit_id),
        None => format!("/coverage/{}", view.unit_id),
    };
    let year_query = if view.closed.is_some() {
        String::new()
    } else {
        format!("?year={}", view.year)
    };
    let (csv, xlsx, print_href) = (
        format!("{base}/export.csv{year_query}"),
        format!("{base}/export.xlsx{year_query}"),
        match view.closed {
            Some(_) => format!("{base}?print=1"),
            None => format!("/coverage/{}/print{year_query}", view.unit_id),
        },
    );
    let period = {
        let (year, until, computed) = (view.year, view.until.clone(), view.computed_at.clone());
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("year", year);
            args.set("until", until.clone());
            args.set("computed", computed.clone());
            i18n.tr_args("coverage-period", &args)
        }
    };
    let closed_banner = view.closed.clone().map(|(_, version, by, at)| {
        let text = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("version", version);
            args.set("by", by.clone());
            args.set("at", at.clone());
            i18n.tr_args("coverage-closed-banner", &args)
        };
        view! { <p class="notice" role="status">{text}</p> }
    });
    let rule = {
        let (start, behind) = (view.plan_start.clone(), view.behind_from);
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("start", start.clone());
            args.set("behind", behind);
            i18n.tr_args("coverage-band-rule", &args)
        }
    };
    let cards = view.cards.clone();
    let tables = view.tables.clone();
    let unit_id = view.unit_id;
    let lineage = view.lineage.clone();
    view! {
        <section class=if print { "coverage coverage-print" } else { "coverage" }>
            <nav class="breadcrumb no-print" aria-label=t("coverage-breadcrumb")>
                {lineage.into_iter().map(|(id, name)| view! {
                    <A href=format!("/coverage/{id}")>{name}</A> " › "
                }).collect_view()}
            </nav>
            <h1>{t("coverage-title")} " · " {view.unit_name.clone()}</h1>
            <p class="lead">{period}</p>
            {closed_banner}
            {(view.closed.is_some() && !print).then(|| view! {
                <p class="no-print"><A href=format!("/coverage/{unit_id}")>{t("coverage-see-live")}</A></p>
            })}
            {(!print).then(|| view! {
                <div class="coverage-tools no-print">
                    {view.closed.is_none().then(|| view! {
                        <form method="get" class="inline">
                            <label for="coverage-year">{t("coverage-year")}</label>
                            " "
                            <select id="coverage-year" name="year">
                                {view.years.iter().map(|y| view! {
                                    <option value=y.to_string() selected=*y == view.year>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                            " "
                            <button type="submit" class="button">{t("coverage-show")}</button>
                        </form>
                    })}
                    <a class="button" href=csv download="">{t("coverage-download-csv")}</a>
                    <a class="button" href=xlsx download="">{t("coverage-download-xlsx")}</a>
                    <a class="button" href=print_href>{t("coverage-print")}</a>
                    {view.school_view.then(|| view! {
                        <a class="button" href=format!("/school?unit={unit_id}")>{t("school-title-link")}</a>
                    })}
                    {view.loads_counts.then(|| view! { <a class="button" href="/counts">{t("counts-title")}</a> })}
                    {(view.can_close && view.closed.is_none()).then(|| view! { <CloseForm unit=unit_id year=view.year /> })}
                </div>
            })}
            <p class="hint">{rule}</p>
            <p class="hint">{t("coverage-suppression-rule")}</p>
            <ul class="target-cards">
                {cards.into_iter().map(|card| view! { <Card card print /> }).collect_view()}
            </ul>
            {tables.into_iter().map(|table| view! { <ReportTable table sort=sort.clone() print /> }).collect_view()}
            {(!print && !view.closed_reports.is_empty()).then(|| view! {
                <section class="closed-reports no-print">
                    <h2>{t("coverage-closed-reports")}</h2>
                    <ul>
                        {view.closed_reports.iter().map(|(id, year, version, by, at)| {
                            let text = {
                                let (year, version, by, at) = (*year, *version, by.clone(), at.clone());
                                move || {
                                    let mut args = fluent_bundle::FluentArgs::new();
                                    args.set("year", year);
                                    args.set("version", version);
                                    args.set("by", by.clone());
                                    args.set("at", at.clone());
                                    i18n.tr_args("coverage-closed-item", &args)
                                }
                            };
                            view! { <li><A href=format!("/coverage/{unit_id}/reports/{id}")>{text}</A></li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
    }
}

/// Closing the year: the figures are frozen as they are now (a new version each time).
#[component]
fn CloseForm(unit: i64, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("year", year);
        i18n.tr_args("coverage-close", &args)
    };
    let _ = use_page_session();
    view! {
        <details class="confirm">
            <summary class="button">{label}</summary>
            <form method="post" action=format!("/coverage/{unit}/close") class="stack">
                <CsrfField />
                <input type="hidden" name="year" value=year.to_string() />
                <p>{t("coverage-close-explain")}</p>
                <button type="submit" class="button danger">{t("coverage-close-yes")}</button>
            </form>
        </details>
    }
}

#[component]
fn Card(card: TargetCard, print: bool) -> impl IntoView {
    let i18n = use_i18n();
    let threshold = card.threshold;
    let band_class = format!(
        "band band-{}",
        card.band.clone().unwrap_or_else(|| "none".to_owned())
    );
    let target_line = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("threshold", threshold);
        i18n.tr_args("coverage-card-target", &args)
    };
    let untrained = card.untrained.map(|n| {
        let text = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", n);
            i18n.tr_args("coverage-card-untrained", &args)
        };
        view! { <p><a href=format!("#{}-untrained", card.id)>{text}</a></p> }
    });
    let chart_id = format!("chart-{}", card.id);
    view! {
        <li class="card target-card" id=format!("target-{}", card.id)>
            <h2>{card.name.clone()}</h2>
            <p class="coverage-figure">
                <strong>{if card.coverage.is_empty() { "—".to_owned() } else { card.coverage.clone() }}</strong>
                " "
                {(!card.band_text.is_empty()).then(|| view! { <span class=band_class>{card.band_text.clone()}</span> })}
            </p>
            <p>{card.reached.clone()}</p>
            <p class="meta">{target_line} " · " {t("coverage-col-deadline")} ": " {card.deadline.clone()}</p>
            {card.flags.iter().map(|f| view! { <p class="flag">{f.clone()}</p> }).collect_view()}
            {untrained}
            {if card.trend.is_empty() {
                view! { <p class="meta">{t("coverage-trend-none")}</p> }.into_any()
            } else {
                view! { <TrendChart id=chart_id name=card.name.clone() trend=card.trend.clone() threshold=card.threshold print /> }.into_any()
            }}
        </li>
    }
}

/// A line chart of coverage per month, drawn on the server: readable without JavaScript,
/// printable; its numbers are in the trend table below.
#[component]
fn TrendChart(
    id: String,
    name: String,
    trend: Vec<(String, Option<u32>)>,
    threshold: u8,
    print: bool,
) -> impl IntoView {
    let _ = print;
    let (width, height, left, bottom, top) = (320.0f64, 140.0f64, 34.0f64, 22.0f64, 8.0f64);
    let plot_w = width - left - 6.0;
    let plot_h = height - bottom - top;
    let n = trend.len().max(1) as f64;
    let x = move |i: usize| {
        left + if n <= 1.0 {
            plot_w / 2.0
        } else {
            plot_w * i as f64 / (n - 1.0)
        }
    };
    let y = move |per_mille: u32| top + plot_h * (1.0 - (f64::from(per_mille.min(1000)) / 1000.0));
    let points: String = trend
        .iter()
        .enumerate()
        .filter_map(|(i, (_, p))| p.map(|p| format!("{:.1},{:.1}", x(i), y(p))))
        .collect::<Vec<_>>()
        .join(" ");
    let threshold_y = y(u32::from(threshold) * 10);
    let first = trend.first().map(|(m, _)| m.clone()).unwrap_or_default();
    let last = trend.last().map(|(m, _)| m.clone()).unwrap_or_default();
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let label = format!("{name}: {first} – {last}");
    view! {
        <svg class="trend-chart" viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby=labelled_by>
            <title id=title_id>{label}</title>
            <line x1=left y1=top x2=left y2=top + plot_h class="axis" />
            <line x1=left y1=top + plot_h x2=left + plot_w y2=top + plot_h class="axis" />
            <text x=left - 4.0 y=top + 4.0 class="tick" text-anchor="end">"100%"</text>
            <text x=left - 4.0 y=top + plot_h / 2.0 + 4.0 class="tick" text-anchor="end">"50%"</text>
            <text x=left - 4.0 y=top + plot_h + 4.0 class="tick" text-anchor="end">"0%"</text>
            <line x1=left y1=threshold_y x2=left + plot_w y2=threshold_y class="threshold" />
            {(!points.is_empty()).then(|| view! { <polyline points=points class="line" /> })}
            <text x=left y=height - 4.0 class="tick">{first}</text>
            <text x=left + plot_w y=height - 4.0 class="tick" text-anchor="end">{last}</text>
        </svg>
    }
}

#[component]
fn ReportTable(table: TableView, sort: Option<String>, print: bool) -> impl IntoView {
    let sortable = table.id.ends_with("-units") && !print;
    let id = table.id.clone();
    let mut rows = table.rows.clone();
    if sortable {
        if let Some(column) = sort
            .as_deref()
            .and_then(|s| s.strip_prefix(&format!("{id}:")))
            .and_then(|c| c.parse::<usize>().ok())
        {
            let key = |cells: &[String]| -> (Option<f64>, String) {
                let text = cells.get(column).cloned().unwrap_or_default();
                (
                    text.replace(',', ".")
                        .trim_end_matches('%')
                        .parse::<f64>()
                        .ok(),
                    text,
                )
            };
            rows.sort_by(|a, b| {
                let (ka, kb) = (key(&a.cells), key(&b.cells));
                match (ka.0, kb.0) {
                    (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => ka.1.cmp(&kb.1),
                }
            });
        }
    }
    let trend = table.id.ends_with("-trend");
    // A table wider than a phone scrolls in its own box, which a keyboard can reach.
    let body = view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=table.title.clone()>
            <table class="table report-table" id=table.id.clone()>
                <caption>{table.title.clone()}</caption>
                <thead><tr>
                    {table.columns.iter().enumerate().map(|(i, c)| {
                        if sortable {
                            let href = format!("?sort={id}:{i}#{id}");
                            view! { <th scope="col"><a href=href>{c.clone()}</a></th> }.into_any()
                        } else {
                            view! { <th scope="col">{c.clone()}</th> }.into_any()
                        }
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let unit = row.unit;
                        view! {
                            <tr>
                                {row.cells.into_iter().enumerate().map(|(i, cell)| {
                                    match (i, unit) {
                                        (0, Some(unit)) if !print => view! {
                                            <th scope="row"><a href=format!("/coverage/{unit}")>{cell}</a></th>
                                        }.into_any(),
                                        (0, _) => view! { <th scope="row">{cell}</th> }.into_any(),
                                        _ => view! { <td>{cell}</td> }.into_any(),
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    };
    if trend && !print {
        view! {
            <details class="trend-table">
                <summary>{table.title.clone()}</summary>
                {body}
            </details>
        }
        .into_any()
    } else {
        body.into_any()
    }
}

/// `/counts`: upload official counts (a CSV); every bad row is listed, or what was done.
#[component]
pub fn CountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = use_context::<crate::api::coverage::CountsOutcome>();
    let result = outcome.map(|o| {
        let failed = o.failed.clone().map(|key| {
            let text = move || i18n.tr(&key);
            view! { <p class="notice error" role="alert">{text}</p> }
        });
        let problems = (!o.problems.is_empty())
            .then(|| view! { <super::people::BadRows problems=o.problems.clone() /> });
        let done = o.done.map(|[rows, added, updated, unchanged]| {
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("rows", rows);
                args.set("added", added);
                args.set("updated", updated);
                args.set("unchanged", unchanged);
                i18n.tr_args("counts-done", &args)
            };
            view! { <p class="notice" role="status">{text}</p> }
        });
        view! { {failed} {problems} {done} }
    });
    view! {
        <section class="counts">
            <h1>{t("counts-title")}</h1>
            {result}
            <p>{t("counts-lead")}</p>
            <pre class="example" tabindex="0">{crate::domain::counts::COUNTS_HEADER.join(",")}"\nLC-C01,students,2026,1250,Phòng GD&ĐT xã,2026-09-05\nLC-C01,families,2026,980,UBND xã,2026-06-30"</pre>
            <p class="hint">{t("counts-targets-hint")}</p>
            <p><a class="button" href="/counts/template.csv" download="">{t("counts-template")}</a></p>
            <form method="post" action="/counts" enctype="multipart/form-data" class="stack">
                <CsrfField />
                <label for="counts-file">{t("counts-file")}</label>
                <input id="counts-file" name="file" type="file" accept=".csv,text/csv" required />
                <button type="submit" class="button primary">{t("counts-submit")}</button>
            </form>
            <p><A href="/coverage">{t("coverage-title")}</A></p>
            <CountsTables />
        </section>
    }
}

/// The plan's targets as a counts file names them, and the counts already loaded.
#[component]
fn CountsTables() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || i18n.lang(), crate::api::coverage::counts_page);
    view! {
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                let view = data.await.unwrap_or_default();
                let loaded = view.loaded;
                view! {
                    <h2>{t("counts-targets")}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("counts-targets")>
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{t("counts-col-target")}</th>
                                <th scope="col">{t("coverage-col-target")}</th>
                                <th scope="col">{t("coverage-col-counts")}</th>
                                <th scope="col">{t("counts-col-kinds")}</th>
                            </tr></thead>
                            <tbody>
                                {view.targets.into_iter().map(|(id, name, counts, kinds)| view! {
                                    <tr>
                                        <td class="code">{id}</td>
                                        <td>{name}</td>
                                        <td>{move || i18n.tr(&counts)}</td>
                                        <td class="code">{kinds.join(", ")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <h2>{t("counts-loaded")}</h2>
                    {if loaded.is_empty() {
                        view! { <p>{t("counts-none-loaded")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t("counts-loaded")>
                                <table class="table">
                                    <thead><tr>
                                        <th scope="col">{t("coverage-col-unit")}</th>
                                        <th scope="col">{t("coverage-col-target")}</th>
                                        <th scope="col">{t("coverage-col-year")}</th>
                                        <th scope="col">{t("coverage-col-official")}</th>
                                        <th scope="col">{t("counts-col-source")}</th>
                                        <th scope="col">{t("counts-col-as-of")}</th>
                                        <th scope="col">{t("counts-col-loaded")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {loaded.into_iter().map(|c| view! {
                                            <tr>
                                                <td>{c.unit}</td>
                                                <td>{c.target}</td>
                                                <td class="number">{c.year}</td>
                                                <td class="number">{c.count}</td>
                                                <td>{c.source}</td>
                                                <td>{c.as_of}</td>
                                                <td>{c.loaded_on}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                }
            })}
        </Suspense>
    }
}
