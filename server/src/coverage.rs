//! Coverage routes that are not pages: the exports (CSV, XLSX), closing a period and the
//! official-counts upload. Thin: check scope, call `safesteps_app::coverage`/`import`, answer.

use crate::download::{file_safe, send, Download, Format};
use crate::extract::Signed;
use crate::guard::failure;
use crate::state::AppState;
use axum::{
    extract::{Path, Query, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    Form,
};
use safesteps_app::api::coverage::{server as scope, CountsOutcome};
use safesteps_app::coverage::{self, CoverageReport};
use safesteps_app::i18n::Lang;
use safesteps_app::import::{self, CountsError};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct YearQuery {
    year: Option<i32>,
}

/// A year the plan reports on: from its start up to this year.
fn valid_year(year: Option<i32>) -> i32 {
    let this_year = coverage::this_year();
    year.filter(|y| (2020..=this_year).contains(y))
        .unwrap_or(this_year)
}

/// `GET /coverage/{unit}/export.csv?year=`.
pub async fn live_csv(
    state: State<AppState>,
    signed: Signed,
    unit: Path<i64>,
    query: Query<YearQuery>,
) -> Response {
    export_live(state, signed, unit, query, Format::Csv).await
}

/// `GET /coverage/{unit}/export.xlsx?year=`.
pub async fn live_xlsx(
    state: State<AppState>,
    signed: Signed,
    unit: Path<i64>,
    query: Query<YearQuery>,
) -> Response {
    export_live(state, signed, unit, query, Format::Xlsx).await
}

/// `GET /coverage/{unit}/reports/{report}/export.csv`.
pub async fn closed_csv(state: State<AppState>, signed: Signed, ids: Path<(i64, i64)>) -> Response {
    export_closed(state, signed, ids, Format::Csv).await
}

/// `GET /coverage/{unit}/reports/{report}/export.xlsx`.
pub async fn closed_xlsx(
    state: State<AppState>,
    signed: Signed,
    ids: Path<(i64, i64)>,
) -> Response {
    export_closed(state, signed, ids, Format::Xlsx).await
}

/// This year's (or `year`'s) live report of a unit in the viewer's scope.
async fn export_live(
    State(state): State<AppState>,
    signed: Signed,
    Path(unit): Path<i64>,
    Query(query): Query<YearQuery>,
    format: Format,
) -> Response {
    let unit = match scope::unit_in_scope(&state.db, &signed.viewer, Some(unit)).await {
        Ok(Some((unit, _))) => unit,
        Ok(None) => return failure(signed.lang, StatusCode::NOT_FOUND),
        Err(error) => return server_error(signed.lang, &error),
    };
    let now = safesteps_app::auth::now();
    match coverage::report(
        &state.db,
        &state.catalog,
        &unit,
        valid_year(query.year),
        now,
    )
    .await
    {
        Ok(report) => exported(&state, &signed, &report, format).await,
        Err(error) => server_error(signed.lang, &error),
    }
}

/// A closed report, as it was frozen.
async fn export_closed(
    State(state): State<AppState>,
    signed: Signed,
    Path((unit, report)): Path<(i64, i64)>,
    format: Format,
) -> Response {
    let unit = match scope::unit_in_scope(&state.db, &signed.viewer, Some(unit)).await {
        Ok(Some((unit, _))) => unit,
        Ok(None) => return failure(signed.lang, StatusCode::NOT_FOUND),
        Err(error) => return server_error(signed.lang, &error),
    };
    match coverage::frozen(&state.db, unit.id, report).await {
        Ok(Some(report)) => exported(&state, &signed, &report, format).await,
        Ok(None) => failure(signed.lang, StatusCode::NOT_FOUND),
        Err(error) => server_error(signed.lang, &error),
    }
}

/// The file, named after the unit and the year.
async fn exported(
    state: &AppState,
    signed: &Signed,
    report: &CoverageReport,
    format: Format,
) -> Response {
    let lang = signed.lang;
    let version = report
        .closed
        .as_ref()
        .map(|c| format!("-v{}", c.version))
        .unwrap_or_default();
    let header = coverage::csv_header(report, lang);
    let tables = coverage::tables(report, lang);
    let download = Download {
        name: format!(
            "coverage-{}-{}{version}",
            file_safe(&report.unit.code),
            report.year
        ),
        header: &header,
        tables: &tables,
        action: "coverage-exported",
        detail: format!("of unit {}", report.unit.id),
    };
    send(state, signed, download, format).await
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    year: String,
}

/// `POST /coverage/{unit}/close`: freezes the year's report as it is now (a new version) and
/// shows it.
pub async fn close(
    State(state): State<AppState>,
    signed: Signed,
    Path(unit): Path<i64>,
    Form(form): Form<CloseForm>,
) -> Response {
    if !scope::may_close(signed.viewer.role) {
        return failure(signed.lang, StatusCode::FORBIDDEN);
    }
    let Ok(year) = form.year.trim().parse::<i32>() else {
        return failure(signed.lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if valid_year(Some(year)) != year {
        return failure(signed.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let unit = match scope::unit_in_scope(&state.db, &signed.viewer, Some(unit)).await {
        Ok(Some((unit, _))) => unit,
        Ok(None) => return failure(signed.lang, StatusCode::NOT_FOUND),
        Err(error) => return server_error(signed.lang, &error),
    };
    let now = safesteps_app::auth::now();
    match coverage::close_period(
        &state.db,
        &state.catalog,
        &unit,
        year,
        signed.viewer.person_id,
        now,
    )
    .await
    {
        Ok((id, _)) => {
            Redirect::to(&format!("/coverage/{}/reports/{id}?closed=1", unit.id)).into_response()
        }
        Err(error) => server_error(signed.lang, &error),
    }
}

/// `POST /counts`: a CSV of official counts (multipart, field `file`); every bad row is
/// listed and nothing is imported, or all of it is.
pub async fn upload_counts(
    State(state): State<AppState>,
    signed: Signed,
    request: Request,
) -> Response {
    let (parts, text) = crate::sign_in::upload_text(&state, request).await;
    let mut outcome = CountsOutcome::default();
    let mut status = StatusCode::OK;
    let targets: Vec<String> = state
        .catalog
        .targets()
        .iter()
        .map(|t| t.id.clone())
        .collect();
    match text {
        Err(key) => {
            outcome.failed = Some(key.to_owned());
            status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        Ok(text) => match import::counts(
            &state.db,
            &text,
            Some(&signed.viewer),
            &targets,
            &mut |_, _, _| {},
        )
        .await
        {
            Ok(summary) => {
                outcome.done = Some([
                    summary.rows,
                    summary.added,
                    summary.updated,
                    summary.unchanged,
                ]);
            }
            Err(CountsError::Rows(problems)) => {
                outcome.problems = problems
                    .iter()
                    .map(|p| (p.row, p.kind.key().to_owned(), p.kind.value()))
                    .collect();
                status = StatusCode::UNPROCESSABLE_ENTITY;
            }
            Err(CountsError::Store(error)) => {
                tracing::error!(%error, "counts import failed");
                outcome.failed = Some("error-server".to_owned());
                status = StatusCode::INTERNAL_SERVER_ERROR;
            }
        },
    }
    crate::state::page_after_post(&state, parts, None, outcome, status).await
}

fn server_error(lang: Lang, error: &dyn std::fmt::Display) -> Response {
    tracing::error!(%error, "coverage request failed");
    failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
}

/// `GET /counts/template.csv`: a counts file to fill in for the viewer's units, this year.
pub async fn counts_template(
    State(state): State<AppState>,
    Signed { viewer, lang }: Signed,
) -> Response {
    use axum::http::{header, HeaderValue};
    let year = safesteps_app::coverage::this_year();
    match safesteps_app::coverage::counts_template(&state.db, &state.catalog, &viewer, year).await {
        Ok(text) => {
            let mut response = text.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            if let Ok(value) = HeaderValue::from_str(&format!(
                "attachment; filename=\"so-lieu-chinh-thuc-{year}.csv\""
            )) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => {
            tracing::error!(%error, "cannot make the counts template");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}
