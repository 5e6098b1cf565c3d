//! The axum server: routes, Leptos rendering, middleware, graceful shutdown.

use crate::guard::local_path;
use crate::state::{page_context, AppState, ContentDir, Site};
use crate::{accounts, assignments, coverage, guard, learning, sign_in};
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderName, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    serve::ListenerExt,
    Form, Router,
};
use leptos::config::{get_configuration, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use safesteps_app::catalog::Catalog;
use safesteps_app::i18n::{Lang, LANG_COOKIE};
use safesteps_app::store::{self, Db};
use safesteps_app::{shell, App};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::{
    compression::CompressionLayer, set_header::SetResponseHeaderLayer, trace::TraceLayer,
    CompressionLevel,
};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("the Leptos configuration is not valid: {0}")]
    Config(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error: {0}")]
    Io(#[from] std::io::Error),
}

/// Where the built site is and how its files are named. cargo-leptos sets the `LEPTOS_*`
/// variables when it runs the binary; run on its own, the defaults point at `target/site`,
/// and hashed file names are used when cargo-leptos left a hash file beside the binary.
fn leptos_options(addr: SocketAddr) -> Result<LeptosOptions, ServeError> {
    let mut options = get_configuration(None)
        .map_err(|e| ServeError::Config(e.to_string()))?
        .leptos_options;
    options.site_addr = addr;
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        let beside_binary = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())));
        options.hash_files = beside_binary.is_some_and(|path| path.exists());
    }
    Ok(options)
}

/// The routes that are not Leptos pages or server functions, for the access-table test.
#[cfg_attr(not(test), allow(dead_code))]
pub const PLAIN_ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("POST", "/lang"),
    ("GET", "/content/{module}/images/{file}"),
    ("POST", "/sign-in"),
    ("POST", "/sign-in/class/{code}/{student}"),
    ("POST", "/sign-up/family"),
    ("POST", "/sign-out"),
    ("POST", "/classes/{id}/students/{student}/reset"),
    ("POST", "/classes/{id}/students/{student}/delete"),
    ("GET", "/account/data.json"),
    ("POST", "/classes/{id}/assignments"),
    ("POST", "/classes/{id}/assignments/{module}/remove"),
    ("GET", "/classes/{id}/progress.csv"),
    ("GET", "/classes/{id}/progress.xlsx"),
    ("GET", "/school/{unit}/classes.csv"),
    ("GET", "/school/{unit}/classes.xlsx"),
    ("GET", "/school/{unit}/classes.csv"),
    ("GET", "/school/{unit}/classes.xlsx"),
    ("POST", "/roster"),
    ("POST", "/staff"),
    ("POST", "/account/password"),
    ("POST", "/modules/{id}/quiz"),
    ("POST", "/sign-in/reset"),
    ("POST", "/people/{id}/password-reset"),
    ("POST", "/people/{id}/change"),
    ("POST", "/people/{id}/deactivate"),
    ("POST", "/people/{id}/reactivate"),
    ("POST", "/families/{household}/parents/{parent}/unlink"),
    ("POST", "/families/{household}/new-code"),
    ("GET", "/coverage/{unit}/export.csv"),
    ("GET", "/coverage/{unit}/export.xlsx"),
    ("GET", "/coverage/{unit}/reports/{report}/export.csv"),
    ("GET", "/coverage/{unit}/reports/{report}/export.xlsx"),
    ("POST", "/coverage/{unit}/close"),
    ("POST", "/counts"),
    ("GET", "/counts/template.csv"),
];

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let routes = Router::new()
        .route("/healthz", get(healthz))
        .route("/lang", post(choose_language))
        .route("/content/{module}/images/{file}", get(module_image))
        .route("/sign-in", post(sign_in::sign_in))
        .route(
            "/sign-in/class/{code}/{student}",
            post(sign_in::sign_in_student),
        )
        .route("/sign-up/family", post(sign_in::sign_up_family))
        .route("/sign-out", post(sign_in::sign_out))
        .route(
            "/classes/{id}/students/{student}/reset",
            post(sign_in::reset_student),
        )
        .route(
            "/classes/{id}/students/{student}/delete",
            post(accounts::delete_student),
        )
        .route("/account/data.json", get(accounts::my_data_json))
        .route("/classes/{id}/assignments", post(assignments::assign))
        .route(
            "/classes/{id}/assignments/{module}/remove",
            post(assignments::unassign),
        )
        .route("/classes/{id}/progress.csv", get(assignments::progress_csv))
        .route("/school/{unit}/classes.csv", get(assignments::school_csv))
        .route("/school/{unit}/classes.xlsx", get(assignments::school_xlsx))
        .route(
            "/classes/{id}/progress.xlsx",
            get(assignments::progress_xlsx),
        )
        .route("/roster", post(sign_in::upload_roster))
        .route("/staff", post(accounts::upload_staff))
        .route("/account/password", post(sign_in::change_password))
        .route("/modules/{id}/quiz", post(learning::submit))
        .route("/sign-in/reset", post(accounts::sign_in_with_reset))
        .route("/people/{id}/password-reset", post(accounts::issue_reset))
        .route("/people/{id}/change", post(accounts::change_person))
        .route("/people/{id}/deactivate", post(accounts::deactivate_person))
        .route("/people/{id}/reactivate", post(accounts::reactivate_person))
        .route(
            "/families/{household}/parents/{parent}/unlink",
            post(accounts::unlink_parent),
        )
        .route(
            "/families/{household}/new-code",
            post(accounts::renew_family_code),
        )
        .route("/coverage/{unit}/export.csv", get(coverage::live_csv))
        .route("/coverage/{unit}/export.xlsx", get(coverage::live_xlsx))
        .route(
            "/coverage/{unit}/reports/{report}/export.csv",
            get(coverage::closed_csv),
        )
        .route(
            "/coverage/{unit}/reports/{report}/export.xlsx",
            get(coverage::closed_xlsx),
        )
        .route("/coverage/{unit}/close", post(coverage::close))
        .route("/counts", post(coverage::upload_counts))
        .route("/counts/template.csv", get(coverage::counts_template))
        .leptos_routes_with_context(&state, routes, page_context::<()>(&state, None), render)
        .route_layer(middleware::from_fn(guard::authorize))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            guard::session_and_csrf,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            guard::client_address,
        ))
        .layer(middleware::from_fn(guard::bad_input))
        .layer(middleware::from_fn(cache_control));
    with_security_headers(routes)
        // Pages (and any file without a copy compressed at build time, `scripts/build`) are
        // compressed as they are sent, with gzip only: at quality 4 brotli cost a class page of
        // 30 students 4.8 ms of processor time under load (gzip: 1.7 ms, for 8% more bytes).
        .layer(CompressionLayer::new().quality(COMPRESSION))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// How hard responses are gzipped: level 4 of 9, below the default 6 — pages are made for
/// each request, so time counts more than the last bytes.
const COMPRESSION: CompressionLevel = CompressionLevel::Precise(4);

pub async fn serve(
    addr: SocketAddr,
    db: Db,
    catalog: Arc<Catalog>,
    content_dir: PathBuf,
    site: Site,
    on_start: impl FnOnce(&str),
) -> Result<(), ServeError> {
    let state = AppState {
        leptos_options: leptos_options(addr)?,
        db,
        catalog,
        content_dir: ContentDir(Arc::new(content_dir)),
        cookies: site.cookies,
        site_url: site.url.map(Arc::from),
        trusted_proxies: site.trusted_proxies.into(),
    };
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    tracing::info!(address = %local, "listening");
    on_start(&format!("http://{local}"));
    println!("SafeSteps is running at http://{local}");
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
/// The last health probe: when it ran and whether it passed.
static LAST_PROBE: tokio::sync::Mutex<Option<(std::time::Instant, bool)>> =
    tokio::sync::Mutex::const_new(None);

/// How long a probe's answer is given again: the database's write lock is taken at most once a
/// second per server, however many ask.
const PROBE_FOR: std::time::Duration = std::time::Duration::from_secs(1);

/// Whether the database can do its work: one probe at a time (the others wait for its answer,
/// holding no connection), and its answer given again for a second, so `/healthz` called in a
/// loop cannot stall the pool or the writers.
async fn healthy(db: &Db) -> bool {
    let mut last = LAST_PROBE.lock().await;
    if let Some((at, healthy)) = *last {
        if at.elapsed() < PROBE_FOR {
            return healthy;
        }
    }
    let healthy = match store::ping(db).await {
        Ok(()) => true,
        Err(error) => {
            tracing::error!(%error, "health check failed");
            false
        }
    };
    *last = Some((std::time::Instant::now(), healthy));
    healthy
}

async fn healthz(State(db): State<Db>) -> Response {
    match healthy(&db).await {
        true => (StatusCode::OK, "ok\n").into_response(),
        false => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response(),
    }
}

/// `GET /content/{module}/images/{file}`: a picture from a module's `images/` folder (and
/// nothing else of the content folder: the answer keys stay private).
async fn module_image(
    State(catalog): State<Arc<Catalog>>,
    State(ContentDir(dir)): State<ContentDir>,
    Path((module, file)): Path<(String, String)>,
) -> Response {
    let content_type = match file
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
    {
        Some(ext) if ext == "png" => "image/png",
        Some(ext) if ext == "jpg" || ext == "jpeg" => "image/jpeg",
        Some(ext) if ext == "gif" => "image/gif",
        Some(ext) if ext == "webp" => "image/webp",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let safe_name = !file.starts_with('.') && !file.contains(['/', '\\']);
    if !safe_name || catalog.module(&module).is_none() {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(dir.join("modules").join(&module).join("images").join(&file)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

#[derive(Deserialize)]
struct LanguageChoice {
    lang: String,
    #[serde(default)]
    next: String,
}

/// `POST /lang` (the switch without JavaScript): remember the choice, go back.
async fn choose_language(Form(choice): Form<LanguageChoice>) -> Response {
    let back = Redirect::to(local_path(&choice.next));
    let Some(lang) = Lang::from_code(&choice.lang) else {
        return back.into_response();
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(local_path(&choice.next)),
    )
        .into_response()
}

/// Hashed files under `/pkg` never change: cache them for a year. Anything else under
/// `/pkg` (a build without hashes) must be revalidated. The site's icon is kept a week, so a
/// repeat visit downloads only the page. A `/pkg` file is sent as written at build time —
/// brotli, gzip or plain, as the browser accepts (`scripts/build`) — so it varies with
/// `Accept-Encoding`, which caches on the way must know.
async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let policy = match path.strip_prefix("/pkg/") {
        Some(file) if is_hashed_name(file) => Some("public, max-age=31536000, immutable"),
        Some(_) => Some("no-cache"),
        None if path == "/favicon.svg" => Some("public, max-age=604800"),
        None => None,
    };
    let site_file = path.starts_with("/pkg/");
    let mut response = next.run(request).await;
    if let Some(value) = policy {
        if response.status() == StatusCode::OK {
            let headers = response.headers_mut();
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
            if site_file {
                headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            }
        }
    }
    response
}

/// `safesteps.3f2a….wasm`: a middle part of at least 8 hex-like characters.
fn is_hashed_name(file: &str) -> bool {
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|p| {
            p.len() >= 8
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// Headers for every response. Rendered pages carry their own Content-Security-Policy with
/// the response's nonce (see `safesteps_app::ui::shell`); everything else gets the strict one.
fn with_security_headers(router: Router<AppState>) -> Router<AppState> {
    const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
        style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
        form-action 'self'; frame-ancestors 'none'";
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_CSP),
        ))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every route the server answers, as (method, axum pattern).
    fn all_routes() -> Vec<(String, String)> {
        let mut routes: Vec<(String, String)> = PLAIN_ROUTES
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        for listing in generate_route_list(App) {
            for method in listing.methods() {
                routes.push((
                    format!("{method:?}").to_uppercase(),
                    listing.path().to_owned(),
                ));
            }
        }
        for (path, method) in leptos::server_fn::axum::server_fn_paths() {
            routes.push((method.as_str().to_owned(), path.to_owned()));
        }
        routes.sort();
        routes.dedup();
        routes
    }

    /// A new route without a row in the access table fails here (and is refused at run
    /// time); a row for a route that no longer exists fails too.
    #[test]
    fn the_access_table_has_exactly_one_row_per_route() {
        use safesteps_app::domain::access::{rule_for, ACCESS};
        let routes = all_routes();
        let missing: Vec<_> = routes
            .iter()
            .filter(|(m, p)| rule_for(m, p).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "routes without a row in domain/access.rs: {missing:?}"
        );
        let stale: Vec<_> = ACCESS
            .iter()
            .filter(|r| !routes.iter().any(|(m, p)| m == r.method && p == r.path))
            .map(|r| (r.method, r.path))
            .collect();
        assert!(
            stale.is_empty(),
            "rows for routes that do not exist: {stale:?}"
        );
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/sign-in?x=1"), "/sign-in?x=1");
        assert_eq!(local_path("/"), "/");
        assert_eq!(
            local_path("/modules/a/quiz?next=%2F%2Fx"),
            "/modules/a/quiz?next=%2F%2Fx"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/x\r\nSet-Cookie: a=b",
            "\t//evil.example",
            " /x",
            "/ /evil",
            "/\u{7f}/evil",
            "/\u{0}/evil",
            "/ð/evil",
            "javascript:alert(1)",
            "evil.example",
            "",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed_name("safesteps.a1b2c3d4e5f6.wasm"));
        assert!(is_hashed_name("safesteps.Zm9vYmFyYmF6.css"));
        assert!(!is_hashed_name("safesteps.wasm"));
        assert!(!is_hashed_name("safesteps_bg.wasm"));
    }
}
