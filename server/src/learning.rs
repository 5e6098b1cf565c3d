//! The quiz form post: thin — read the form, let `safesteps_app::learning` grade and store,
//! redirect to the result (303), so a reload never submits again.

use crate::guard::{failure, refusal, request_lang};
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
    let lang = request_lang(request.headers());
    let Some(viewer) = request.extensions().get::<Viewer>().cloned() else {
        return failure(lang, StatusCode::UNAUTHORIZED);
    };
    let Ok(bytes) = to_bytes(request.into_body(), 256 * 1024).await else {
        return failure(lang, StatusCode::PAYLOAD_TOO_LARGE);
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
        Err(SubmitError::UnknownModule(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(SubmitError::NoKey) => refusal(lang, StatusCode::UNPROCESSABLE_ENTITY, "quiz-reload"),
        Err(SubmitError::Store(error)) => {
            tracing::error!(%error, "cannot store an attempt");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}
