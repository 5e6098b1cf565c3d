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
    if let Err(refused) = confirmed(request, lang).await {
        return refused;
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

/// Reads a form whose tick says the person means what the button does (`confirm=yes`); without
/// it, the refusal to answer with (422, nothing done).
pub async fn confirmed(request: Request, lang: safesteps_app::i18n::Lang) -> Result<(), Response> {
    let (_, form) = read_form::<DeleteForm>(request).await?;
    if form.confirm == "yes" {
        Ok(())
    } else {
        Err(crate::guard::refusal(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "action-not-confirmed",
        ))
    }
}

/// `POST /families/{household}/parents/{parent}/unlink` (with the tick).
pub async fn unlink_parent(
    State(state): State<AppState>,
    Client(client): Client,
    Path((household, parent)): Path<(i64, i64)>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    if let Err(refused) = confirmed(request, lang).await {
        return refused;
    }
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

/// `POST /families/{household}/new-code` (with the tick: the letter sent home stops working).
pub async fn renew_family_code(
    State(state): State<AppState>,
    Client(client): Client,
    Path(household): Path<i64>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    if let Err(refused) = confirmed(request, lang).await {
        return refused;
    }
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
    use safesteps_app::api::people::StaffOutcome;
    use safesteps_app::import::{self, StaffError};
    let (parts, text) = crate::sign_in::upload_text(&state, request).await;
    let mut outcome = StaffOutcome::default();
    let mut status = StatusCode::OK;
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
    crate::state::page_after_post(&state, parts, None, outcome, status).await
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    role: String,
}

/// `POST /people/{id}/change`: a manager moves a member of staff to another of their units
/// and gives them a role within their rank; a refusal comes back on the person's page.
pub async fn change_person(
    State(state): State<AppState>,
    Client(client): Client,
    Path(person_id): Path<i64>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    use safesteps_app::api::accounts::PersonOutcome;
    use safesteps_app::domain::person::Role;
    let (parts, form) = match read_form::<ChangeForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let Some(role) = Role::from_code(form.role.trim()) else {
        return crate::guard::refusal(lang, StatusCode::UNPROCESSABLE_ENTITY, "person-no-role");
    };
    let rules = safesteps_app::coverage::rules(&state.catalog);
    let changed = accounts::change_person(
        &state.db,
        &viewer,
        person_id,
        form.unit.trim(),
        role,
        &client,
        &rules,
    )
    .await;
    match changed {
        Ok(accounts::Changed::Done) => {
            Redirect::to(&format!("/people/{person_id}?changed=1")).into_response()
        }
        Ok(accounts::Changed::NotFound) => failure(lang, StatusCode::NOT_FOUND),
        Ok(accounts::Changed::Refused(problem)) => {
            let (key, value) = problem.message();
            let outcome = PersonOutcome {
                refused: Some((key.to_owned(), value)),
            };
            let path = format!("/people/{person_id}");
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            crate::state::page_after_post(&state, parts, Some(&path), outcome, status).await
        }
        Err(error) => {
            tracing::error!(%error, "cannot change a person");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `POST /people/{id}/deactivate` (with the tick that says the manager means it) and
/// `POST /people/{id}/reactivate`.
pub async fn deactivate_person(
    state: State<AppState>,
    client: Client,
    person: Path<i64>,
    signed: Signed,
    request: Request,
) -> Response {
    if let Err(refused) = confirmed(request, signed.lang).await {
        return refused;
    }
    set_active(state, client, person, signed, false).await
}

pub async fn reactivate_person(
    state: State<AppState>,
    client: Client,
    person: Path<i64>,
    signed: Signed,
) -> Response {
    set_active(state, client, person, signed, true).await
}

async fn set_active(
    State(state): State<AppState>,
    Client(client): Client,
    Path(person_id): Path<i64>,
    Signed { viewer, lang }: Signed,
    active: bool,
) -> Response {
    let rules = safesteps_app::coverage::rules(&state.catalog);
    match accounts::set_active(&state.db, &viewer, person_id, active, &client, &rules).await {
        Ok(true) => {
            let done = if active { "reactivated" } else { "deactivated" };
            Redirect::to(&format!("/people/{person_id}?{done}=1")).into_response()
        }
        Ok(false) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "cannot deactivate or reactivate a person");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}
