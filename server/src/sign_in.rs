//! The form posts of signing in, out and up, a teacher's reset and a roster upload. They work without
//! JavaScript: success redirects (303) with the session cookie; a problem renders the same
//! page again with the message and everything typed except the secret.

use crate::extract::{Client, Signed};
use crate::guard::local_path;
use crate::guard::{cookie, failure, request_lang};
use crate::state::{render_page, AppState};
use axum::{
    body::{to_bytes, Body},
    extract::{Path, Request, State},
    http::{header, request::Parts, Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::api::people::{FormOutcome, RosterOutcome};
use safesteps_app::auth::{self, AuthError, CsrfToken, FamilySignUp, KeptToken, NewSession};
use safesteps_app::domain::person::{Role, Viewer};
use safesteps_app::domain::secret::StudentSecret;
use safesteps_app::domain::session::timeouts;
use safesteps_app::import::{self, RosterError};
use safesteps_app::learning;
use serde::de::DeserializeOwned;
use serde::Deserialize;

const FORM_LIMIT: usize = 64 * 1024;

/// Reads a url-encoded form, keeping the request's parts for rendering the page again.
pub async fn read_form<T: DeserializeOwned>(request: Request) -> Result<(Parts, T), Response> {
    let lang = request_lang(request.headers());
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| failure(lang, StatusCode::PAYLOAD_TOO_LARGE))?;
    let form = serde_urlencoded::from_bytes(&bytes).map_err(|error| {
        tracing::warn!(%error, "a form that does not parse");
        failure(lang, StatusCode::UNPROCESSABLE_ENTITY)
    })?;
    Ok((parts, form))
}

/// Where a person lands after signing in, unless they were on their way somewhere.
fn landing(role: Role, next: &str) -> String {
    if !next.is_empty() && local_path(next) == next {
        return next.to_owned();
    }
    match role {
        Role::Teacher => "/classes".to_owned(),
        // Managers and child-protection officers answer for their unit's coverage first.
        Role::SchoolManager | Role::UnitManager | Role::ProtectionOfficer | Role::Admin => {
            "/coverage".to_owned()
        }
        _ => "/learn".to_owned(),
    }
}

/// The session cookie and the way on. Quiz answers kept on this browser while signed out
/// are sent first (when they are this person's), and the learner lands on the result.
pub async fn signed_in(
    state: &AppState,
    parts: &Parts,
    session: &NewSession,
    next: &str,
) -> Response {
    let limits = timeouts(session.role);
    let max_age = limits.persistent.then_some(limits.absolute);
    let cookies = state.cookies;
    let mut to = if session.must_change_password {
        crate::guard::PASSWORD_FIRST.to_owned()
    } else {
        landing(session.role, next)
    };
    if let Some(KeptToken(token)) = parts.extensions.get::<KeptToken>() {
        let who = (session.person_id, session.role);
        match learning::resume_kept(&state.db, &state.catalog, who, token).await {
            Ok(Some(there)) => to = there,
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "cannot send kept quiz answers"),
        }
    }
    let mut response = Redirect::to(&to).into_response();
    if let Ok(value) = cookies.set(cookies.session_name(), &session.token, max_age) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Renders the page the form came from again, with what went wrong.
pub async fn again(
    state: &AppState,
    mut parts: Parts,
    error: &AuthError,
    form: &str,
    values: Vec<(&str, String)>,
) -> Response {
    if matches!(error, AuthError::Store(_) | AuthError::Hash(_)) {
        tracing::error!(%error, "sign-in failed on our side");
    }
    let status = match error {
        AuthError::Wrong | AuthError::UnknownFamily | AuthError::UsedFamily => {
            StatusCode::UNAUTHORIZED
        }
        AuthError::Wait { .. } | AuthError::AskTeacher => StatusCode::TOO_MANY_REQUESTS,
        AuthError::Store(_) | AuthError::Hash(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let outcome = FormOutcome {
        form: form.to_owned(),
        error: error.message_key().to_owned(),
        minutes: match error {
            AuthError::Wait { minutes } => Some(*minutes),
            _ => None,
        },
        values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    };
    parts.method = Method::GET;
    let mut response = render_page(state, Request::from_parts(parts, Body::empty()), outcome).await;
    *response.status_mut() = status;
    response
}

#[derive(Deserialize)]
pub struct SignInForm {
    kind: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /sign-in`: staff (username) or parent (phone), with a password.
pub async fn sign_in(
    State(state): State<AppState>,
    Client(client): Client,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<SignInForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let (result, values) = match form.kind.as_str() {
        "parent" => (
            auth::sign_in_parent(&state.db, &form.phone, &form.password, &client).await,
            vec![("phone", form.phone.clone())],
        ),
        _ => (
            auth::sign_in_staff(&state.db, &form.username, &form.password, &client).await,
            vec![("username", form.username.clone())],
        ),
    };
    match result {
        Ok(session) => signed_in(&state, &parts, &session, &form.next).await,
        Err(error) => {
            let mut values = values;
            values.push(("next", form.next.clone()));
            again(&state, parts, &error, &form.kind, values).await
        }
    }
}

#[derive(Deserialize)]
pub struct StudentForm {
    /// A PIN, when the student has one.
    #[serde(default)]
    pin: String,
    /// Picture indexes, when the student has pictures (checkboxes named `picture`).
    #[serde(default, rename = "picture")]
    pictures: Vec<u8>,
}

/// Checkbox groups repeat a name: `picture=2&picture=7`. serde_urlencoded cannot put those in
/// a Vec, so they are collected by hand.
fn student_form(bytes: &[u8]) -> StudentForm {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).unwrap_or_default();
    let mut form = StudentForm {
        pin: String::new(),
        pictures: Vec::new(),
    };
    for (key, value) in pairs {
        match key.as_str() {
            "pin" => form.pin = value,
            "picture" => form.pictures.extend(value.parse::<u8>().ok()),
            _ => {}
        }
    }
    form
}

/// `POST /sign-in/class/{code}/{student}`: the student's PIN or two pictures.
pub async fn sign_in_student(
    State(state): State<AppState>,
    Client(client): Client,
    Path((code, student)): Path<(String, i64)>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return failure(request_lang(&parts.headers), StatusCode::PAYLOAD_TOO_LARGE);
    };
    let form = student_form(&bytes);
    let entered = match form.pictures.as_slice() {
        [a, b] => StudentSecret::pictures(*a, *b),
        [] => StudentSecret::parse(&form.pin)
            .ok()
            .filter(|s| !s.is_pictures()),
        _ => None,
    };
    // Before signing in, the CSRF token is the browser's own anonymous token: it tells one
    // computer of a lab from another behind the same address.
    let browser = parts
        .extensions
        .get::<CsrfToken>()
        .map(|token| auth::browser_id(&token.0));
    match auth::sign_in_student(
        &state.db,
        &code,
        student,
        entered,
        &client,
        browser.as_deref(),
    )
    .await
    {
        Ok(session) => signed_in(&state, &parts, &session, "").await,
        Err(error) => again(&state, parts, &error, "student", Vec::new()).await,
    }
}

#[derive(Deserialize)]
pub struct FamilyForm {
    #[serde(default)]
    family_code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    password: String,
    /// The consent box: present (any value) when ticked.
    #[serde(default)]
    consent: Option<String>,
}

/// `POST /sign-up/family`: a parent's first time, with the family code from school.
pub async fn sign_up_family(
    State(state): State<AppState>,
    Client(client): Client,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<FamilyForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let sign_up = FamilySignUp {
        family_code: &form.family_code,
        display_name: &form.name,
        phone: &form.phone,
        password: &form.password,
        consent: form.consent.is_some(),
    };
    let rules = safesteps_app::coverage::rules(&state.catalog);
    match auth::sign_up_family(&state.db, &sign_up, &client, &rules).await {
        Ok(session) => signed_in(&state, &parts, &session, "").await,
        Err(error) => {
            let values = vec![
                ("family_code", form.family_code.clone()),
                ("name", form.name.clone()),
                ("phone", form.phone.clone()),
            ];
            again(&state, parts, &error, "family", values).await
        }
    }
}

/// `POST /sign-out`: ends the session on the server and forgets the cookie.
pub async fn sign_out(
    State(state): State<AppState>,
    Client(client): Client,
    request: Request,
) -> Response {
    let cookies = state.cookies;
    let lang = request_lang(request.headers());
    if let (Some(token), Some(viewer)) = (
        cookie(request.headers(), cookies.session_name()),
        request.extensions().get::<Viewer>(),
    ) {
        if let Err(error) = auth::sign_out(&state.db, token, viewer, &client).await {
            tracing::error!(%error, "cannot end the session");
            return failure(lang, StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
    let mut response = Redirect::to("/sign-in?signed-out=1").into_response();
    if let Ok(value) = cookies.clear(cookies.session_name()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
}

/// `POST /account/password`: a new password; every other session of the person ends.
pub async fn change_password(
    State(state): State<AppState>,
    Client(client): Client,
    Signed { viewer, .. }: Signed,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<PasswordForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    match auth::change_password(&state.db, &viewer, &form.current, &form.new, &client).await {
        Ok(session) => signed_in(&state, &parts, &session, "/account?password-changed=1").await,
        Err(error) => again(&state, parts, &error, "password", Vec::new()).await,
    }
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    new_secret: Option<String>,
}

/// `POST /classes/{id}/students/{student}/reset`: unlock a student, optionally with a new
/// PIN or pictures. Only for those who look after the class.
pub async fn reset_student(
    State(state): State<AppState>,
    Client(client): Client,
    Path((class_id, student)): Path<(i64, i64)>,
    Signed { viewer, lang }: Signed,
    request: Request,
) -> Response {
    let (_, form) = match read_form::<ResetForm>(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    match auth::reset_student(
        &state.db,
        &viewer,
        class_id,
        student,
        form.new_secret.is_some(),
        &client,
    )
    .await
    {
        Ok(true) => {
            let new = if form.new_secret.is_some() {
                "&new=1"
            } else {
                ""
            };
            Redirect::to(&format!("/classes/{class_id}?reset={student}{new}")).into_response()
        }
        Ok(false) => failure(lang, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(%error, "reset failed");
            failure(lang, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_checkboxes_are_collected() {
        let form = student_form(b"csrf=x&picture=7&picture=2");
        assert_eq!(form.pictures, [7, 2]);
        let form = student_form(b"csrf=x&pin=0427");
        assert_eq!(form.pin, "0427");
    }

    #[test]
    fn people_land_where_they_work() {
        assert_eq!(landing(Role::Teacher, ""), "/classes");
        assert_eq!(landing(Role::Student, ""), "/learn");
        assert_eq!(landing(Role::Parent, "/modules"), "/modules");
        assert_eq!(landing(Role::Parent, "https://evil.example"), "/learn");
    }
}

/// `POST /roster` (multipart, the CSRF token in the form body): checks and imports a roster for
/// the units under the importer's, and shows every bad row or what was done.
pub async fn upload_roster(
    State(state): State<AppState>,
    Signed { viewer, .. }: Signed,
    request: Request,
) -> Response {
    let (parts, text) = upload_text(&state, request).await;
    let mut outcome = RosterOutcome::default();
    let mut status = StatusCode::OK;
    match text {
        Err(key) => {
            outcome.failed = Some(key.to_owned());
            status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        Ok(text) => match import::roster(
            &state.db,
            &text,
            Some(&viewer),
            &safesteps_app::coverage::rules(&state.catalog),
            &mut |_, _, _| {},
        )
        .await
        {
            Ok(report) => {
                let (s, t) = (report.summary.students, report.summary.teachers);
                outcome.counts = Some([
                    report.rows,
                    report.summary.classes_added,
                    s.added,
                    s.updated,
                    s.unchanged,
                    t.added,
                    t.updated,
                    t.unchanged,
                ]);
                outcome.new_teachers = report.new_teachers;
                match import::imported_classes(&state.db, &viewer, &report.summary.classes).await {
                    Ok(classes) => outcome.classes = classes,
                    // Imported all the same: the classes page lists them.
                    Err(error) => tracing::error!(%error, "cannot list the imported classes"),
                }
            }
            Err(RosterError::Rows(problems)) => {
                outcome.problems = problems
                    .iter()
                    .map(|p| (p.row, p.kind.key().to_owned(), p.kind.value()))
                    .collect();
                status = StatusCode::UNPROCESSABLE_ENTITY;
            }
            Err(error) => {
                tracing::error!(%error, "roster import failed");
                outcome.failed = Some("error-server".to_owned());
                status = StatusCode::INTERNAL_SERVER_ERROR;
            }
        },
    }
    crate::state::page_after_post(&state, parts, None, outcome, status).await
}

/// An upload form's request: its parts (to render the page again) and the text of its file,
/// or the Fluent key of why there is none. axum's default body limit (2 MB, some 20,000 rows)
/// bounds the upload.
pub async fn upload_text(
    state: &AppState,
    request: Request,
) -> (axum::http::request::Parts, Result<String, &'static str>) {
    use axum::extract::{FromRequest, Multipart};
    let (parts, body) = request.into_parts();
    let limited = Request::from_parts(parts.clone(), body);
    let text = match Multipart::from_request(limited, state).await {
        Ok(mut multipart) => read_file_field(&mut multipart).await,
        Err(_) => Err("upload-no-file"),
    };
    (parts, text)
}

/// The text of the form's `file` field: UTF-8 and within the size limit.
pub async fn read_file_field(
    multipart: &mut axum::extract::Multipart,
) -> Result<String, &'static str> {
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let bytes = field.bytes().await.map_err(|_| "upload-too-big")?;
                if bytes.is_empty() {
                    return Err("upload-no-file");
                }
                return String::from_utf8(bytes.to_vec()).map_err(|_| "upload-not-utf8");
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err("upload-no-file"),
            Err(_) => return Err("upload-too-big"),
        }
    }
}
