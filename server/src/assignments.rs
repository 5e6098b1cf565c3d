//! The form posts of assigning: a module to a class by a date, and taking it back. Thin:
//! read the form, let `safesteps_app::assignments` decide, redirect (303) back to the class
//! or render its page again with the message and what was chosen.

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
    assign as assign_module, unassign as unassign_module, AssignError,
};
use serde::Deserialize;

const FORM_LIMIT: usize = 16 * 1024;

#[derive(Deserialize)]
struct AssignForm {
    #[serde(default)]
    module: String,
    #[serde(default)]
    due: String,
}

/// `POST /classes/{id}/assignments`: fields `module` and `due` (`YYYY-MM-DD`).
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
    let Ok(form) = serde_urlencoded::from_bytes::<AssignForm>(&bytes) else {
        return failure(lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let result = assign_module(
        &state.db,
        &state.catalog,
        &viewer,
        class_id,
        &form.module,
        &form.due,
    )
    .await;
    match result {
        Ok(_) => {
            let to = format!("/classes/{class_id}?assigned={}#assignments", form.module);
            Redirect::to(&to).into_response()
        }
        Err(AssignError::NoClass(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(AssignError::Store(error)) => {
            tracing::error!(%error, "cannot store an assignment");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
        Err(error) => {
            let outcome = FormOutcome {
                form: "assign".to_owned(),
                error: error.message_key().to_owned(),
                minutes: None,
                values: vec![
                    ("module".to_owned(), form.module),
                    ("due".to_owned(), form.due),
                ],
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
) -> Response {
    match unassign_module(&state.db, &viewer, class_id, &module).await {
        Ok(_) => Redirect::to(&format!("/classes/{class_id}#assignments")).into_response(),
        Err(AssignError::NoClass(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot remove an assignment");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}
