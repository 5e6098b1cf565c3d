//! The quiz form post: thin — read the form, let `safesteps_app::learning` grade and store,
//! redirect to the result (303), so a reload never submits again.

use crate::http::AppState;
use axum::{
    body::to_bytes,
    extract::{Path, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::domain::person::Viewer;
use safesteps_app::learning::{answers_from_form, submit_quiz, SubmitError};

/// `POST /modules/{id}/quiz`.
pub async fn submit(
    State(state): State<AppState>,
    Path(module): Path<String>,
    request: Request,
) -> Response {
    let Some(viewer) = request.extensions().get::<Viewer>().cloned() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(bytes) = to_bytes(request.into_body(), 256 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let key = pairs
        .iter()
        .find(|(k, _)| k == "submission")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let answers = answers_from_form(&pairs);
    match submit_quiz(&state.db, &state.catalog, &viewer, &module, key, &answers).await {
        Ok(stored) => Redirect::to(&format!(
            "/modules/{module}/quiz/attempts/{}",
            stored.attempt_id
        ))
        .into_response(),
        Err(SubmitError::UnknownModule(_)) => StatusCode::NOT_FOUND.into_response(),
        Err(SubmitError::NoKey) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "the form has no submission key; reload the quiz",
        )
            .into_response(),
        Err(SubmitError::Store(error)) => {
            tracing::error!(%error, "cannot store an attempt");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
