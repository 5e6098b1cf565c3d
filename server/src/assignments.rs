//! The form posts of assigning: a module to a class by a date, and taking it back. Thin:
//! read the form, let `safesteps_app::assignments` decide, redirect (303) back to the class
//! or render its page again with the message and what was chosen.

use crate::download::{send, Download, Format};
use crate::extract::Signed;
use crate::guard::failure;
use crate::state::{render_page, AppState};
use axum::{
    body::{to_bytes, Body},
    extract::{Path, Request, State},
    http::{Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::api::people::FormOutcome;
use safesteps_app::assignments::{
    assign as assign_module, class_progress, class_tables, school_tables, school_view,
    unassign as unassign_module, AssignError, AssignRequest,
};
use safesteps_app::i18n::translate;

const FORM_LIMIT: usize = 16 * 1024;

/// The assign form: `module`, `due` (`YYYY-MM-DD`), `class` once per other class of the
/// teacher's to assign it to as well, `confirm_age=yes` after the age warning.
fn assign_request(class_id: i64, pairs: &[(String, String)]) -> Option<AssignRequest> {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut class_ids = vec![class_id];
    for (key, value) in pairs {
        if key == "class" {
            class_ids.push(value.parse().ok()?);
        }
    }
    Some(AssignRequest {
        class_ids,
        module_id: field("module"),
        due: field("due"),
        age_confirmed: field("confirm_age") == "yes",
    })
}

/// `POST /classes/{id}/assignments`: the module to this class and any other `class` chosen.
pub async fn assign(
    State(state): State<AppState>,
    Path(class_id): Path<i64>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return failure(lang, StatusCode::PAYLOAD_TOO_LARGE);
    };
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) else {
        return failure(lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let Some(request) = assign_request(class_id, &pairs) else {
        return failure(lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let result = assign_module(&state.db, &state.catalog, &viewer, &request).await;
    match result {
        Ok(_) => {
            let classes = request.class_ids.len();
            let to = format!(
                "/classes/{class_id}?assigned={}&classes={classes}#assignments",
                request.module_id
            );
            Redirect::to(&to).into_response()
        }
        Err(AssignError::NoClass(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(AssignError::Store(error)) => {
            tracing::error!(%error, "cannot store an assignment");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
        Err(error) => {
            let mut values = vec![
                ("module".to_owned(), request.module_id.clone()),
                ("due".to_owned(), request.due.clone()),
            ];
            for id in request.class_ids.iter().filter(|&&id| id != class_id) {
                values.push(("class".to_owned(), id.to_string()));
            }
            if let AssignError::AgeMismatch(classes) = &error {
                for class in classes {
                    let ages = format!("{}|{}|{}", class.class_name, class.youngest, class.oldest);
                    values.push(("age".to_owned(), ages));
                }
            }
            let outcome = FormOutcome {
                form: "assign".to_owned(),
                error: error.message_key().to_owned(),
                minutes: None,
                values,
            };
            parts.method = Method::GET;
            // The class's page, rendered again: not the path the form posted to.
            if let Ok(uri) = format!("/classes/{class_id}").parse() {
                parts.uri = uri;
            }
            let request = Request::from_parts(parts, Body::empty());
            let mut response = render_page(&state, request, outcome).await;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
    }
}

/// `POST /classes/{id}/assignments/{module}/remove`: takes the assignment back; progress on
/// the module stays.
pub async fn unassign(
    State(state): State<AppState>,
    Path((class_id, module)): Path<(i64, String)>,
    Signed { viewer, lang }: Signed,
    request: axum::extract::Request,
) -> Response {
    if let Err(refused) = crate::accounts::confirmed(request, lang).await {
        return refused;
    }
    match unassign_module(&state.db, &viewer, class_id, &module).await {
        Ok(_) => Redirect::to(&format!("/classes/{class_id}#assignments")).into_response(),
        Err(AssignError::NoClass(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot remove an assignment");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `GET /classes/{id}/progress.csv`: the class's table as on its page.
pub async fn progress_csv(state: State<AppState>, signed: Signed, id: Path<i64>) -> Response {
    export_progress(state, signed, id, Format::Csv).await
}

/// `GET /classes/{id}/progress.xlsx`.
pub async fn progress_xlsx(state: State<AppState>, signed: Signed, id: Path<i64>) -> Response {
    export_progress(state, signed, id, Format::Xlsx).await
}

/// The same `class_progress` the page shows, as tables; 404 for a class not the viewer's.
async fn export_progress(
    State(state): State<AppState>,
    signed: Signed,
    Path(class_id): Path<i64>,
    format: Format,
) -> Response {
    let lang = signed.lang;
    let progress =
        match class_progress(&state.db, &state.catalog, &signed.viewer, class_id, lang).await {
            Ok(Some(progress)) => progress,
            Ok(None) => return failure(lang, StatusCode::NOT_FOUND),
            Err(error) => {
                tracing::error!(%error, "cannot read a class's progress");
                return failure(lang, StatusCode::INTERNAL_SERVER_ERROR);
            }
        };
    let tables = class_tables(&progress, lang);
    let header = vec![
        translate(lang, "classes-class", None),
        progress.class_name.clone(),
        translate(lang, "classes-school", None),
        progress.school_name.clone(),
        translate(lang, "classes-year", None),
        progress.school_year.clone(),
    ];
    let download = Download {
        name: format!("class-{class_id}-progress"),
        header: &header,
        tables: &tables,
        action: "class-progress-exported",
        detail: format!("of class {class_id}"),
    };
    send(&state, &signed, download, format).await
}

/// `GET /school/{unit}/classes.csv`: the school view's classes and staff.
pub async fn school_csv(state: State<AppState>, signed: Signed, unit: Path<i64>) -> Response {
    export_school(state, signed, unit, Format::Csv).await
}

/// `GET /school/{unit}/classes.xlsx`.
pub async fn school_xlsx(state: State<AppState>, signed: Signed, unit: Path<i64>) -> Response {
    export_school(state, signed, unit, Format::Xlsx).await
}

/// The same `school_view` the page shows; 404 for a unit that is not a school in scope.
async fn export_school(
    State(state): State<AppState>,
    signed: Signed,
    Path(unit): Path<i64>,
    format: Format,
) -> Response {
    let lang = signed.lang;
    let view = match school_view(&state.db, &state.catalog, &signed.viewer, Some(unit), lang).await
    {
        Ok(Some(view)) => view,
        Ok(None) => return failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot read a school's view");
            return failure(lang, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let tables = school_tables(&view, lang);
    let header = vec![translate(lang, "classes-school", None), view.name.clone()];
    let download = Download {
        name: format!("school-{unit}-classes"),
        header: &header,
        tables: &tables,
        action: "school-exported",
        detail: format!("of unit {unit}"),
    };
    send(&state, &signed, download, format).await
}
