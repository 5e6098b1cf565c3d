//! The middleware in front of every route: who is signed in, CSRF checks on every
//! state-changing request, and the access table.

use crate::state::AppState;
use axum::{
    body::{to_bytes, Body},
    extract::{MatchedPath, Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use safesteps_app::auth::{self, CsrfToken, KeptToken, Resolved, CSRF_FIELD};
use safesteps_app::domain::access::rule_for;
use safesteps_app::domain::person::Viewer;
use safesteps_app::i18n::{negotiate, translate, Lang};

/// Url-encoded forms are small; a multipart upload (a roster file) may be `UPLOAD_LIMIT`.
const FORM_LIMIT: usize = 1 << 20;

/// The value of cookie `name` in the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Works out which client a request is from (the peer, or what our trusted proxy says in
/// `X-Forwarded-For`) and puts it in the request as `ClientIp` for handlers and pages.
pub async fn client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    use safesteps_app::domain::client::{client_ip, ClientIp};
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(peer) = peer {
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok());
        let ip = client_ip(peer, forwarded, &state.trusted_proxies);
        request.extensions_mut().insert(ClientIp(ip));
    }
    next.run(request).await
}

/// Resolves the session, checks CSRF on unsafe methods, and hands the viewer and the CSRF
/// token to what comes next (pages render the token into their forms).
pub async fn session_and_csrf(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    // The built site's files (WASM, JS, CSS, favicon) need no session: no database lookup
    // and no cookie for each of them on every page load.
    let path = request.uri().path();
    let is_site_file = path.starts_with("/pkg/") || path == "/favicon.svg";
    if is_site_file && matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let cookies = state.cookies;
    let headers = request.headers();
    let mut viewer: Option<Viewer> = None;
    let mut ended: Option<(i64, String)> = None;
    if let Some(token) = cookie(headers, cookies.session_name()).filter(|t| is_token(t)) {
        match auth::resolve(&state.db, token).await {
            Ok(Resolved::Active(found)) => viewer = Some(found),
            Ok(Resolved::Ended { person_id, csrf }) => ended = Some((person_id, csrf)),
            Ok(Resolved::Missing) => {}
            Err(error) => {
                tracing::error!(%error, "cannot read the session");
                return failure(request_lang(headers), StatusCode::SERVICE_UNAVAILABLE);
            }
        }
    }
    // A first password or reset code in use: choosing their own comes before anything else.
    if let Some(viewer) = viewer.as_ref().filter(|v| v.must_change_password) {
        let (method, path) = (request.method().clone(), request.uri().path().to_owned());
        if !allowed_before_password_change(&method, &path) {
            tracing::info!(person = viewer.person_id, %path, "first password must be changed first");
            return if method == Method::GET || method == Method::HEAD {
                Redirect::to(PASSWORD_FIRST).into_response()
            } else {
                refusal(
                    request_lang(headers),
                    StatusCode::FORBIDDEN,
                    "error-password-first",
                )
            };
        }
    }
    let anonymous = cookie(headers, cookies.csrf_name())
        .filter(|t| is_token(t))
        .map(str::to_owned);
    let (csrf, new_anonymous) = match (&viewer, anonymous) {
        (Some(viewer), _) => (viewer.csrf.clone(), None),
        (None, Some(token)) => (token, None),
        (None, None) => {
            let token = auth::random_token();
            (token.clone(), Some(token))
        }
    };
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe {
        let lang = request_lang(request.headers());
        if !same_origin(request.headers()) {
            tracing::warn!(path = %request.uri().path(), "cross-site request refused");
            return refusal(lang, StatusCode::FORBIDDEN, "error-csrf");
        }
        let (rebuilt, supplied) = match supplied_token(request).await {
            Ok(found) => found,
            Err(response) => return response,
        };
        request = rebuilt;
        let matches = |expected: &str| {
            supplied
                .as_deref()
                .is_some_and(|s| constant_time_eq(s.as_bytes(), expected.as_bytes()))
        };
        if viewer.is_none() && keeps_answers(request.uri().path()) {
            // Nobody is signed in (any more): the quiz handler keeps the answers until they
            // sign in again. With the ended session's token they are tied to its person;
            // otherwise the form must carry this browser's anonymous token (a page of ours
            // was loaded here), or nothing is kept.
            let person_id = ended
                .as_ref()
                .filter(|(_, ended_csrf)| matches(ended_csrf))
                .map(|(person_id, _)| *person_id);
            if person_id.is_none() && !matches(&csrf) {
                tracing::warn!(path = %request.uri().path(), "quiz post without a valid token refused");
                return refusal(lang, StatusCode::FORBIDDEN, "error-csrf");
            }
            request.extensions_mut().insert(KeptAnswers { person_id });
        } else if !(matches(&csrf)
            // A page rendered before the session ended (a sign-in form reached in the
            // browser without a reload) still carries that session's token.
            || viewer.is_none() && ended.as_ref().is_some_and(|(_, ended_csrf)| matches(ended_csrf))
            // A quiz page from this person's ended session, sent after they signed in
            // again in another tab: theirs, so not lost.
            || own_quiz_from_ended_session(&state, viewer.as_ref(), request.uri().path(), supplied.as_deref()).await)
        {
            tracing::warn!(path = %request.uri().path(), "request without a valid CSRF token refused");
            return refusal(lang, StatusCode::FORBIDDEN, "error-csrf");
        }
    }
    request.extensions_mut().insert(CsrfToken(csrf));
    if let Some(token) = cookie(request.headers(), cookies.kept_name()).filter(|t| is_token(t)) {
        let token = KeptToken(token.to_owned());
        request.extensions_mut().insert(token);
    }
    // Signed-in answers (pages, server functions, letters and cards carry PINs, pictures,
    // family codes, phone numbers) and every server function's answer stay out of caches.
    let private = viewer.is_some() || request.uri().path().starts_with("/api/");
    if let Some(viewer) = viewer {
        request.extensions_mut().insert(viewer);
    }
    let mut response = next.run(request).await;
    if let Some(token) = new_anonymous {
        if let Ok(value) = cookies.set(cookies.csrf_name(), &token, None) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if (is_html || private) && !response.headers().contains_key(header::CACHE_CONTROL) {
        // Pages carry a CSRF token and, signed in, personal data: keep them out of caches.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Where someone with a first password (or a reset code) is sent until they choose their own.
pub const PASSWORD_FIRST: &str = "/account/password?first=1";

/// What someone who must change their password may still do: change it, sign out, switch
/// the language.
fn allowed_before_password_change(method: &Method, path: &str) -> bool {
    matches!(
        (method.as_str(), path),
        ("GET" | "HEAD" | "POST", "/account/password") | ("POST", "/sign-out") | ("POST", "/lang")
    )
}

/// A quiz posted by someone not signed in (their session ended mid-quiz): the answers are
/// kept, not refused. `person_id` is the ended session's person when the post proved it.
#[derive(Clone, Copy, Debug)]
pub struct KeptAnswers {
    pub person_id: Option<i64>,
}

/// Whether a quiz post from a signed-in person carries the token of one of their own ended
/// sessions (kept a day, see `KEEP_ENDED`).
async fn own_quiz_from_ended_session(
    state: &AppState,
    viewer: Option<&Viewer>,
    path: &str,
    supplied: Option<&str>,
) -> bool {
    let (Some(viewer), Some(token)) = (viewer, supplied) else {
        return false;
    };
    if !keeps_answers(path) || !is_token(token) {
        return false;
    }
    match safesteps_app::store::sessions::is_own_token(&state.db, viewer.person_id, token).await {
        Ok(own) => own,
        Err(error) => {
            tracing::error!(%error, "cannot check a quiz form's token");
            false
        }
    }
}

/// `POST /modules/{id}/quiz` is the one form whose contents must never be lost.
fn keeps_answers(path: &str) -> bool {
    path.strip_prefix("/modules/")
        .and_then(|rest| rest.strip_suffix("/quiz"))
        .is_some_and(|module| !module.is_empty() && !module.contains('/'))
}

/// Fetch metadata and `Origin`, where the browser sends them, must say "this site".
fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin";
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, origin_host)| origin_host == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The largest multipart upload read (a roster file): axum's default body limit.
pub const UPLOAD_LIMIT: usize = 2 * 1024 * 1024;

/// The token the request carries: the `x-csrf-token` header, or the `csrf` field of a
/// url-encoded or multipart form (the body is read and put back). Never the address: a token
/// in a URL ends up in logs and history.
async fn supplied_token(request: Request) -> Result<(Request, Option<String>), Response> {
    if let Some(value) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        let value = value.to_owned();
        return Ok((request, Some(value)));
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let is_multipart = content_type.starts_with("multipart/form-data");
    if !is_form && !is_multipart {
        return Ok((request, None));
    }
    let limit = if is_multipart {
        UPLOAD_LIMIT
    } else {
        FORM_LIMIT
    };
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, limit)
        .await
        .map_err(|_| failure(request_lang(&parts.headers), StatusCode::PAYLOAD_TOO_LARGE))?;
    let found = if is_form {
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()
            .and_then(|pairs| {
                pairs
                    .into_iter()
                    .find(|(k, _)| k == CSRF_FIELD)
                    .map(|(_, v)| v)
            })
    } else {
        multipart_token(&parts, bytes.clone()).await
    };
    Ok((Request::from_parts(parts, Body::from(bytes)), found))
}

/// The `csrf` field of a multipart body (forms put it before the file).
async fn multipart_token(
    parts: &axum::http::request::Parts,
    bytes: axum::body::Bytes,
) -> Option<String> {
    use axum::extract::{FromRequest, Multipart};
    let copy = Request::from_parts(parts.clone(), Body::from(bytes));
    let mut multipart = Multipart::from_request(copy, &()).await.ok()?;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(CSRF_FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn request_lang(headers: &HeaderMap) -> Lang {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    negotiate(text(header::COOKIE), text(header::ACCEPT_LANGUAGE))
}

/// A short page for a refused request, in the reader's language, with the 111 line.
pub fn refusal(lang: Lang, status: StatusCode, key: &str) -> Response {
    let escape = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title></head><body><main><h1>{}</h1><p><a href=\"/\">{}</a></p>\
         <p>{} <a href=\"tel:111\">{} 111</a></p></main></body></html>",
        lang.code(),
        escape(translate(lang, "app-title", None)),
        escape(translate(lang, key, None)),
        escape(translate(lang, "nav-home", None)),
        escape(translate(lang, "help-banner", None)),
        escape(translate(lang, "help-call", None)),
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A localized page for a failed request, worded by its status.
pub fn failure(lang: Lang, status: StatusCode) -> Response {
    let key = match status {
        StatusCode::UNAUTHORIZED => "error-sign-in-needed",
        StatusCode::FORBIDDEN => "error-forbidden",
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-big",
        StatusCode::UNPROCESSABLE_ENTITY => "error-bad-form",
        StatusCode::BAD_REQUEST => "error-bad-request",
        _ => "error-server",
    };
    refusal(lang, status, key)
}

/// Bad input answers a clear 4xx, never a 500 or English plain text: a server function whose
/// arguments cannot be read (missing, not a number, broken UTF-8) is the caller's mistake
/// (400, not Leptos' 500); and axum's own rejections of a path or form it cannot read
/// (plain text in English) become the refusal page in the user's language.
pub async fn bad_input(request: Request, next: Next) -> Response {
    let lang = request_lang(request.headers());
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if api
        && response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.headers().contains_key("serverfnerror")
    {
        let (mut parts, body) = response.into_parts();
        let bytes = to_bytes(body, 64 * 1024).await.unwrap_or_default();
        let callers_mistake = ["Args|", "Deserialization|", "MissingArg|"]
            .iter()
            .any(|kind| bytes.starts_with(kind.as_bytes()));
        if callers_mistake {
            parts.status = StatusCode::BAD_REQUEST;
        }
        return Response::from_parts(parts, Body::from(bytes));
    }
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/plain"));
    if !api && plain && response.status().is_client_error() {
        return failure(lang, response.status());
    }
    response
}

/// Looks the matched route up in the access table. Anonymous visitors who need to sign in
/// are sent to the sign-in page (and come back); others get 403. A route with no row in the
/// table is refused, so a forgotten row fails closed.
pub async fn authorize(request: Request, next: Next) -> Response {
    let method = match *request.method() {
        Method::HEAD => "GET",
        ref m => m.as_str(),
    }
    .to_owned();
    let Some(path) = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
    else {
        return next.run(request).await;
    };
    let lang = request_lang(request.headers());
    let Some(rule) = rule_for(&method, &path) else {
        tracing::error!(%method, %path, "route has no row in the access table; refused");
        return refusal(lang, StatusCode::FORBIDDEN, "error-forbidden");
    };
    let role = request.extensions().get::<Viewer>().map(|v| v.role);
    if rule.access.allows(role) || request.extensions().get::<KeptAnswers>().is_some() {
        return next.run(request).await;
    }
    match role {
        None if method == "GET" && !path.starts_with("/api/") => {
            let here = request
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            let next = serde_urlencoded::to_string([("next", here)]).unwrap_or_default();
            Redirect::to(&format!("/sign-in?{next}")).into_response()
        }
        None => refusal(lang, StatusCode::UNAUTHORIZED, "error-sign-in-needed"),
        Some(_) => refusal(lang, StatusCode::FORBIDDEN, "error-forbidden"),
    }
}

/// Only a path on this site is followed after a form; anything else goes home. Accepted:
/// `/` then visible ASCII only — no control characters (a TAB or newline that browsers drop
/// would turn `/\t/evil.example` into `//evil.example`, and CR/LF would break the header),
/// no space, no backslash (read as `/` by browsers), and no `//` at the start (another host).
/// What the browser then resolves stays on this origin.
pub fn local_path(next: &str) -> &str {
    let mut chars = next.chars();
    let is_local = chars.next() == Some('/')
        && !matches!(chars.next(), Some('/'))
        && next.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if is_local {
        next
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=vi; ss_csrf=abc; x_ss_csrf=no"),
        );
        assert_eq!(cookie(&headers, "ss_csrf"), Some("abc"));
        assert_eq!(cookie(&headers, "ss_session"), None);
    }

    #[test]
    fn origin_must_be_this_host() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(same_origin(&headers), "no Origin: the token decides");
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert!(same_origin(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&headers));
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers));
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&headers));
    }

    #[test]
    fn only_the_quiz_post_keeps_answers() {
        assert!(keeps_answers("/modules/safe-touch/quiz"));
        assert!(!keeps_answers("/modules//quiz"));
        assert!(!keeps_answers("/modules/a/b/quiz"));
        assert!(!keeps_answers("/modules/safe-touch/quiz/attempts/1"));
        assert!(!keeps_answers("/account/password"));
    }

    #[test]
    fn tokens_compare_in_constant_time_and_exactly() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
