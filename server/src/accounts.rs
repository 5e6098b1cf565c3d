//! The form posts of account safety: a manager's reset code, unlinking a parent, a new family
//! code; and signing in with a reset code. Thin: read, call `safesteps_app::accounts`/`auth`,
//! answer with a page or a redirect.

use crate::extract::{Client, Signed};
use crate::guard::failure;
use crate::sign_in::{again, read_form, signed_in};
use crate::state::{render_page, AppState};
use axum::{
    body::Body,
    extract::{Path, Request, State},
    http::{Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::accounts;
use safesteps_app::api::accounts::PeopleOutcome;
use safesteps_app::auth;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// `POST /classes/{id}/students/{student}/delete`: a school manager deletes a student who
/// left, after ticking that they mean it (without the tick: 422, nothing deleted).
pub async fn delete_student(
    State(state): State<AppState>,
    Client(client): Client,
    Path((class_id, student)): Path<(i64, i64)>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    let (_, form) = match read_form::<DeleteForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    if form.confirm != "yes" {
        return crate::guard::refusal(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "classes-delete-not-confirmed",
        );
    }
    let rules = safesteps_app::coverage::rules(&state.catalog);
    match accounts::delete_student(&state.db, &viewer, class_id, student, &client, &rules).await {
        Ok(true) => Redirect::to(&format!("/classes/{class_id}?deleted=1")).into_response(),
        Ok(false) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot delete a student");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `GET /account/data.json`: the signed-in person's copy of everything stored about them
/// (and their children), as a file.
pub async fn my_data_json(
    State(state): State<AppState>,
    Signed { viewer, lang }: Signed,
) -> Response {
    use axum::http::header;
    match safesteps_app::api::privacy::server::personal_data(
        &state.db,
        &state.catalog,
        viewer.person_id,
        lang,
    )
    .await
    {
        Ok(data) => match serde_json::to_vec_pretty(&data) {
            Ok(body) => (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"safesteps-my-data.json\"",
                    ),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                body,
            )
                .into_response(),
            Err(_) => failure(lang, StatusCode::INTERNAL_SERVER_ERROR),
        },
        Err(error) => {
            tracing::error!(%error, "cannot gather a person's data");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `POST /people/{id}/password-reset`: a one-time code for someone of the manager's units,
/// shown once on the people page.
pub async fn issue_reset(
    State(state): State<AppState>,
    Client(client): Client,
    Path(person_id): Path<i64>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    match accounts::issue_reset(&state.db, &viewer, person_id, &client).await {
        Ok(Some(issued)) => {
            let until = safesteps_app::domain::dates::display_date_time(issued.expires_at, lang);
            let outcome = PeopleOutcome {
                issued: Some((issued.name, issued.code, until)),
            };
            let (mut parts, _) = request.into_parts();
            parts.method = Method::GET;
            parts.uri = "/people".parse().unwrap_or_default();
            render_page(&state, Request::from_parts(parts, Body::empty()), outcome).await
        }
        Ok(None) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot issue a reset code");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `POST /families/{household}/parents/{parent}/unlink`.
pub async fn unlink_parent(
    State(state): State<AppState>,
    Client(client): Client,
    Path((household, parent)): Path<(i64, i64)>,
    Signed { viewer, lang }: Signed,
) -> Response {
    let rules = safesteps_app::coverage::rules(&state.catalog);
    match accounts::unlink_parent(&state.db, &viewer, household, parent, &client, &rules).await {
        Ok(true) => {
            Redirect::to(&format!("/people?unlinked=1#household-{household}")).into_response()
        }
        Ok(false) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot unlink a parent");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `POST /families/{household}/new-code`.
pub async fn renew_family_code(
    State(state): State<AppState>,
    Client(client): Client,
    Path(household): Path<i64>,
    Signed { viewer, lang }: Signed,
) -> Response {
    match accounts::renew_family_code(&state.db, &viewer, household, &client).await {
        Ok(true) => {
            Redirect::to(&format!("/people?new-code=1#household-{household}")).into_response()
        }
        Ok(false) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot renew a family code");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    who: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

/// `POST /sign-in/reset`: username or phone, the reset code, a new password.
pub async fn sign_in_with_reset(
    State(state): State<AppState>,
    Client(client): Client,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<ResetForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    match auth::sign_in_with_reset(&state.db, &form.who, &form.code, &form.password, &client).await
    {
        Ok(session) => signed_in(&state, &parts, &session, "/account?password-changed=1").await,
        Err(error) => {
            again(
                &state,
                parts,
                &error,
                "reset",
                vec![("who", form.who.clone())],
            )
            .await
        }
    }
}

/// `POST /staff` (multipart, the CSRF token in the form body): checks and imports a staff file
/// for the units under the importer's and the roles their rank may give, and shows every bad
/// row or what was done with each new account's first password.
pub async fn upload_staff(
    State(state): State<AppState>,
    Signed { viewer, .. }: Signed,
    request: Request,
) -> Response {
    use axum::extract::{FromRequest, Multipart};
    use safesteps_app::api::people::StaffOutcome;
    use safesteps_app::import::{self, StaffError};
    let (mut parts, body) = request.into_parts();
    let limited = Request::from_parts(parts.clone(), body);
    let mut outcome = StaffOutcome::default();
    let mut status = StatusCode::OK;
    let text = match Multipart::from_request(limited, &state).await {
        Ok(mut multipart) => crate::sign_in::read_file_field(&mut multipart).await,
        Err(_) => Err("upload-no-file"),
    };
    let rules = safesteps_app::coverage::rules(&state.catalog);
    match text {
        Err(key) => {
            outcome.failed = Some(key.to_owned());
            status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        Ok(text) => match import::staff(&state.db, &text, Some(&viewer), &rules).await {
            Ok(report) => {
                let s = report.summary;
                outcome.counts = Some([report.rows, s.added, s.updated, s.unchanged]);
                outcome.new_accounts = report.new_accounts;
            }
            Err(StaffError::Rows(problems)) => {
                outcome.problems = problems
                    .iter()
                    .map(|p| (p.row, p.kind.key().to_owned(), p.kind.value()))
                    .collect();
                status = StatusCode::UNPROCESSABLE_ENTITY;
            }
            Err(error) => {
                tracing::error!(%error, "staff import failed");
                outcome.failed = Some("error-server".to_owned());
                status = StatusCode::INTERNAL_SERVER_ERROR;
            }
        },
    }
    parts.method = Method::GET;
    let mut response =
        render_page(&state, Request::from_parts(parts, Body::empty()), outcome).await;
    *response.status_mut() = status;
    response
}
