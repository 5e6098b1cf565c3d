//! What every handler and page shares: the database, the catalogue, the content folder, how
//! cookies are set; and rendering a page with a form's outcome.

use axum::{
    extract::{FromRef, Request},
    http::{header, HeaderValue},
    response::Response,
};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use safesteps_app::auth;
use safesteps_app::catalog::Catalog;
use safesteps_app::shell;
use safesteps_app::store::Db;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub catalog: Arc<Catalog>,
    pub content_dir: ContentDir,
    pub cookies: Cookies,
    /// The public address (`--public-url`), for what is printed (family letters).
    pub site_url: Option<Arc<str>>,
    /// Our reverse proxies (`--trusted-proxy`): only their `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
}

/// How SafeSteps is reached from outside: cookie settings and the public address.
pub struct Site {
    pub cookies: Cookies,
    pub url: Option<String>,
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// How cookies are set: `Secure` with the `__Host-` prefix when SafeSteps is served over
/// HTTPS (behind a proxy that terminates TLS), plain for `http://` on a local machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cookies {
    pub secure: bool,
}

impl Cookies {
    pub fn session_name(self) -> &'static str {
        if self.secure {
            auth::SECURE_SESSION_COOKIE
        } else {
            auth::SESSION_COOKIE
        }
    }

    pub fn csrf_name(self) -> &'static str {
        if self.secure {
            auth::SECURE_CSRF_COOKIE
        } else {
            auth::CSRF_COOKIE
        }
    }

    pub fn kept_name(self) -> &'static str {
        if self.secure {
            auth::SECURE_KEPT_COOKIE
        } else {
            auth::KEPT_COOKIE
        }
    }

    /// `HttpOnly; SameSite=Lax; Path=/`, `Secure` over HTTPS; without `max_age` the cookie
    /// ends with the browser (nothing remembered on a shared lab computer).
    pub fn set(
        self,
        name: &str,
        value: &str,
        max_age: Option<i64>,
    ) -> Result<HeaderValue, header::InvalidHeaderValue> {
        let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if self.secure {
            cookie.push_str("; Secure");
        }
        if let Some(seconds) = max_age {
            cookie.push_str(&format!("; Max-Age={seconds}"));
        }
        HeaderValue::from_str(&cookie)
    }

    pub fn clear(self, name: &str) -> Result<HeaderValue, header::InvalidHeaderValue> {
        self.set(name, "", Some(0))
    }
}

/// The content folder, for serving module images.
#[derive(Clone)]
pub struct ContentDir(pub Arc<PathBuf>);

/// What the app's pages and server functions find in their context.
pub fn page_context<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    outcome: Option<T>,
) -> impl Fn() + Clone + Send + Sync + 'static {
    let (db, catalog) = (state.db.clone(), state.catalog.clone());
    let site_url = state.site_url.clone();
    move || {
        provide_context(db.clone());
        provide_context(catalog.clone());
        if let Some(url) = &site_url {
            provide_context(safesteps_app::api::people::SiteUrl(url.to_string()));
        }
        if let Some(outcome) = outcome.clone() {
            provide_context(outcome);
        }
    }
}

/// Renders the page at the request's path, with a form's outcome (after a post).
pub async fn render_page<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    request: Request,
    outcome: T,
) -> Response {
    let options = state.leptos_options.clone();
    let handler =
        leptos_axum::render_app_async_with_context(page_context(state, Some(outcome)), move || {
            shell(options.clone())
        });
    handler(request).await
}

/// After a form post: the page rendered again as a GET of `path` (the posted path when
/// `None`), with the form's outcome, answering `status`.
pub async fn page_after_post<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    mut parts: axum::http::request::Parts,
    path: Option<&str>,
    outcome: T,
    status: axum::http::StatusCode,
) -> Response {
    parts.method = axum::http::Method::GET;
    if let Some(uri) = path.and_then(|p| p.parse().ok()) {
        parts.uri = uri;
    }
    let request = Request::from_parts(parts, axum::body::Body::empty());
    let mut response = render_page(state, request, outcome).await;
    *response.status_mut() = status;
    response
}
