//! The quiz form post: thin — read the form, let `safesteps_app::learning` grade and store,
//! redirect to the result (303), so a reload never submits again.

use crate::extract::Client;
use crate::guard::{failure, refusal, request_lang, KeptAnswers};
use crate::state::AppState;
use axum::http::header;
use axum::{
    body::to_bytes,
    extract::{Path, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::auth::{self, CsrfToken};
use safesteps_app::domain::grading::QuizForm;
use safesteps_app::domain::person::Viewer;
use safesteps_app::learning::{keep_answers, submit_quiz, Poster, Sent, SubmitError};

/// `POST /modules/{id}/quiz`.
/// The largest quiz post read: far more than any quiz's fields.
const QUIZ_FORM_LIMIT: usize = 16 * 1024;

pub async fn submit(
    State(state): State<AppState>,
    Client(client): Client,
    Path(module): Path<String>,
    request: Request,
) -> Response {
    let lang = request_lang(request.headers());
    let viewer = request.extensions().get::<Viewer>().cloned();
    let kept = request.extensions().get::<KeptAnswers>().copied();
    let browser = request
        .extensions()
        .get::<CsrfToken>()
        .map(|t| auth::browser_id(&t.0))
        .unwrap_or_default();
    // A quiz form is small: ids of questions and options, a key and a token.
    let Ok(bytes) = to_bytes(request.into_body(), QUIZ_FORM_LIMIT).await else {
        return failure(lang, StatusCode::PAYLOAD_TOO_LARGE);
    };
    let QuizForm {
        submission: key,
        draw,
        answers,
    } = QuizForm::decode(&bytes);
    let key = key.as_str();
    let result = match (viewer, kept) {
        (Some(viewer), _) => {
            let who = (viewer.person_id, viewer.role);
            let sent = Sent {
                submission_key: key,
                // A page rendered before draws were kept has no draw field: it answered the
                // draw open now (the questions it asked may differ: unasked ones are dropped).
                draw_key: (!draw.is_empty()).then_some(draw.as_str()),
                answers: &answers,
            };
            submit_quiz(&state.db, &state.catalog, who, &module, &sent)
                .await
                .map(|stored| {
                    Redirect::to(&format!(
                        "/modules/{module}/quiz/attempts/{}",
                        stored.attempt_id
                    ))
                    .into_response()
                })
        }
        (None, Some(kept)) => {
            let address = client;
            let poster = Poster {
                address: &address,
                browser: &browser,
            };
            match keep_answers(
                &state.db,
                &state.catalog,
                kept.person_id,
                &module,
                key,
                &answers,
                &poster,
            )
            .await
            {
                // Not signed in and not a quiz form: nothing to keep.
                Err(SubmitError::NoKey) => return failure(lang, StatusCode::UNAUTHORIZED),
                kept => kept.map(|token| answers_kept(&state, &module, &token)),
            }
        }
        (None, None) => return failure(lang, StatusCode::UNAUTHORIZED),
    };
    match result {
        Ok(response) => response,
        Err(SubmitError::UnknownModule(_)) => failure(lang, StatusCode::NOT_FOUND),
        Err(SubmitError::NoKey) => refusal(lang, StatusCode::UNPROCESSABLE_ENTITY, "quiz-reload"),
        Err(SubmitError::TooManyKept) => {
            refusal(lang, StatusCode::TOO_MANY_REQUESTS, "quiz-too-many-kept")
        }
        Err(SubmitError::PrerequisitesFirst(_)) => {
            refusal(lang, StatusCode::CONFLICT, "error-prerequisites-first")
        }
        // The quiz page says which lessons, or shows the questions open now.
        Err(SubmitError::RereadFirst(_) | SubmitError::DrawChanged) => {
            Redirect::to(&format!("/modules/{module}/quiz?changed=1")).into_response()
        }
        Err(SubmitError::Store(error)) => {
            tracing::error!(%error, "cannot store an attempt");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// The session ended before the quiz was sent: the answers are kept (the browser holds the
/// token) and the learner is asked to sign in, then comes back to them.
fn answers_kept(state: &AppState, module: &str, token: &str) -> Response {
    let next = serde_urlencoded::to_string([("next", format!("/modules/{module}/quiz"))])
        .unwrap_or_default();
    let mut response = Redirect::to(&format!("/sign-in?kept=1&{next}")).into_response();
    let cookies = state.cookies;
    if let Ok(value) = cookies.set(cookies.kept_name(), token, None) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
