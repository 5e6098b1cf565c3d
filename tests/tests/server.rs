//! The real binary over HTTP: health, languages, security headers, caching, 404, shutdown.

mod support;

use reqwest::header;
use std::time::Duration;
use support::{client, TestServer};

async fn get(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = client().get(server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request")
}

fn html_lang(body: &str) -> &str {
    let start = body.find("<html lang=\"").expect("<html lang>") + 12;
    &body[start..start + body[start..].find('"').expect("closing quote")]
}

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    let server = TestServer::start();
    let response = get(&server, "/healthz", &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn home_page_is_vietnamese_by_default_with_the_hotline() {
    let server = TestServer::start();
    let response = get(&server, "/", &[]).await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert_eq!(html_lang(&body), "vi");
    assert!(body.contains("Bước An Toàn"), "brand in Vietnamese");
    assert!(body.contains("Cần giúp đỡ?"), "help banner in Vietnamese");
    assert!(body.contains("href=\"tel:111\""), "the 111 hotline link");
    assert!(
        body.contains("Học sinh") && body.contains("Cha mẹ"),
        "audiences"
    );
}

#[tokio::test]
async fn english_is_chosen_by_accept_language_and_cookie_beats_it() {
    let server = TestServer::start();
    let body = get(&server, "/", &[("accept-language", "en-GB,en;q=0.9")])
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(html_lang(&body), "en");
    assert!(body.contains("Need help?") && body.contains("free, 24/7"));
    assert!(!body.contains("Cần giúp đỡ?"));

    let body = get(
        &server,
        "/",
        &[("accept-language", "en"), ("cookie", "lang=vi")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(html_lang(&body), "vi");
    let body = get(
        &server,
        "/",
        &[("accept-language", "vi"), ("cookie", "lang=en")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(html_lang(&body), "en");
}

#[tokio::test]
async fn the_language_form_sets_the_cookie_and_goes_back() {
    let server = TestServer::start();
    // The form carries the CSRF token its page gave (here: the anonymous cookie's token).
    let token = "ab".repeat(32);
    let post = |next: &'static str, with_token: bool| {
        let mut form = vec![("lang", "en"), ("next", next)];
        if with_token {
            form.push(("csrf", token.as_str()));
        }
        client()
            .post(server.url("/lang"))
            .header(header::COOKIE, format!("ss_csrf={token}"))
            .form(&form)
            .send()
    };
    let response = post("/sign-in", true).await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()[header::LOCATION], "/sign-in");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let response = post("//evil.example/", true).await.unwrap();
    assert_eq!(
        response.headers()[header::LOCATION],
        "/",
        "no open redirect"
    );
    let response = post("/", false).await.unwrap();
    assert_eq!(response.status(), 403, "no token, no change");
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_a_nonce_for_their_scripts() {
    let server = TestServer::start();
    let response = get(&server, "/", &[]).await;
    let headers = response.headers().clone();
    let body = response.text().await.unwrap();
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        headers[header::REFERRER_POLICY],
        "strict-origin-when-cross-origin"
    );
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in script-src");
    assert!(nonce.len() >= 16, "nonce {nonce:?}");
    // Every inline script carries this response's nonce.
    let scripts = body.matches("<script").count();
    assert!(scripts >= 1, "hydration script present");
    assert!(
        body.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts,
        "{body}"
    );

    let second = get(&server, "/", &[]).await;
    let csp2 = second.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(csp, csp2, "a fresh nonce per response");

    let health = get(&server, "/healthz", &[]).await;
    let strict = health.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        strict.contains("frame-ancestors 'none'") && !strict.contains("nonce-"),
        "{strict}"
    );
}

#[tokio::test]
async fn unknown_pages_are_a_localized_404() {
    let server = TestServer::start();
    let response = get(&server, "/no-such-page", &[]).await;
    assert_eq!(response.status(), 404);
    let body = response.text().await.unwrap();
    assert!(body.contains("Không tìm thấy trang"), "{body}");
    assert!(
        body.contains("tel:111"),
        "the help banner is on the 404 page too"
    );

    let response = get(&server, "/no-such-page", &[("accept-language", "en")]).await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));

    let response = get(&server, "/pkg/no-such-file.js", &[]).await;
    assert_eq!(response.status(), 404);
}

/// The file names the home page links to under /pkg.
fn pkg_links(body: &str) -> Vec<String> {
    body.split("/pkg/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|name| format!("/pkg/{name}"))
        .collect()
}

/// The site's files are sent as `scripts/build` compressed them (brotli or gzip, whichever the
/// browser accepts; plain otherwise), byte for byte, cached for a year, and say that they
/// vary with `Accept-Encoding`.
#[tokio::test]
async fn hashed_assets_are_compressed_and_cached_for_a_year() {
    let server = TestServer::start();
    let body = get(&server, "/", &[]).await.text().await.unwrap();
    let links = pkg_links(&body);
    // The server runs in the repository, its site in `target/site`.
    let site = support::repo_root().join("target/site");
    for ext in [".wasm", ".js", ".css"] {
        let link = links
            .iter()
            .find(|l| l.ends_with(ext))
            .unwrap_or_else(|| panic!("no {ext} in {links:?}"));
        let file = site.join(link.trim_start_matches('/'));
        for (accepted, encoding, written) in [
            (
                "gzip, deflate, br",
                Some("br"),
                format!("{}.br", file.display()),
            ),
            ("gzip", Some("gzip"), format!("{}.gz", file.display())),
            ("identity", None, file.display().to_string()),
        ] {
            let response = get(&server, link, &[("accept-encoding", accepted)]).await;
            assert_eq!(response.status(), 200, "{link}");
            let headers = response.headers();
            assert_eq!(
                headers[header::CACHE_CONTROL],
                "public, max-age=31536000, immutable",
                "{link}"
            );
            assert_eq!(headers[header::VARY], "accept-encoding", "{link}");
            assert_eq!(
                headers
                    .get(header::CONTENT_ENCODING)
                    .map(|v| v.to_str().unwrap()),
                encoding,
                "{link} for {accepted}"
            );
            let bytes = response.bytes().await.unwrap();
            let on_disk = std::fs::read(&written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert!(
                bytes[..] == on_disk[..],
                "{link} for {accepted}: {written} as it is"
            );
        }
    }
    let html = get(&server, "/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(html.headers()[header::CONTENT_ENCODING], "gzip");
}

/// Budget: the home page's HTML and CSS together stay under 30 KB gzip.
#[tokio::test]
async fn home_page_html_and_css_fit_the_budget() {
    let server = TestServer::start();
    let gzip_len = |response: reqwest::Response| async move {
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        response.bytes().await.unwrap().len()
    };
    let html = get(&server, "/", &[("accept-encoding", "gzip")]).await;
    let html_len = gzip_len(html).await;
    let plain = get(&server, "/", &[]).await.text().await.unwrap();
    let css = pkg_links(&plain)
        .into_iter()
        .find(|l| l.ends_with(".css"))
        .expect("stylesheet");
    let css_len = gzip_len(get(&server, &css, &[("accept-encoding", "gzip")]).await).await;
    println!("home page: HTML {html_len} B gzip, CSS {css_len} B gzip");
    assert!(
        html_len + css_len <= 30 * 1024,
        "HTML {html_len} + CSS {css_len} bytes gzip"
    );
}

#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let mut server = TestServer::start();
    assert_eq!(get(&server, "/healthz", &[]).await.status(), 200);
    let status = std::process::Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(server.wait_exit(Duration::from_secs(10)), Some(0));
}
