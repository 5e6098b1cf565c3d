//! The catalogue over HTTP: pages in both languages, 404s, no answer keys in the quiz page,
//! module images only, and a server that refuses broken content.

mod support;

use std::process::Command;
use support::{binary, client, repo_root, TestServer};

async fn page(server: &TestServer, path: &str, lang: &str) -> (u16, String) {
    let response = client()
        .get(server.url(path))
        .header("cookie", format!("lang={lang}"))
        .send()
        .await
        .expect("request");
    (
        response.status().as_u16(),
        response.text().await.expect("body"),
    )
}

#[tokio::test]
async fn catalogue_module_lesson_and_quiz_pages_in_both_languages() {
    let server = TestServer::start();
    let (status, body) = page(&server, "/modules?for=student-6-10", "vi").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Cơ thể em là của em"),
        "module title in Vietnamese"
    );
    assert!(
        !body.contains("Luật Trẻ em: định nghĩa"),
        "staff modules are filtered out"
    );

    let (status, body) = page(&server, "/modules/my-body-belongs-to-me", "en").await;
    assert_eq!(status, 200);
    assert!(body.contains("My body belongs to me") && body.contains("Private parts"));

    let (status, body) = page(
        &server,
        "/modules/my-body-belongs-to-me/lessons/no-go-tell",
        "vi",
    )
    .await;
    assert_eq!(status, 200);
    assert!(body.contains("Nói KHÔNG – TRÁNH XA – KỂ LẠI"));
    assert!(body.contains("Bài 3 / 3"), "place in the module");
    assert!(body.contains("class=\"callout callout-try-this\""));
    assert!(
        body.contains("/modules/my-body-belongs-to-me/quiz"),
        "the last lesson leads to the quiz"
    );
}

#[tokio::test]
async fn the_quiz_page_carries_no_answer_key_and_no_explanations() {
    let server = TestServer::start();
    let (status, body) = page(&server, "/modules/my-body-belongs-to-me/quiz", "en").await;
    assert_eq!(status, 200);
    // A visitor sees a sample of the bank: six questions, each with its prompt and options.
    let shown = support::web::shown_questions(&body);
    assert_eq!(shown.len(), 6, "{shown:?}");
    let ftl = std::fs::read_to_string(
        repo_root().join("content/modules/my-body-belongs-to-me/en/module.ftl"),
    )
    .unwrap();
    for (question, options) in &shown {
        let prompt = ftl
            .lines()
            .find_map(|l| l.strip_prefix(&format!("q-{question} = ")))
            .unwrap();
        let text = body
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        assert!(text.contains(prompt), "{prompt}");
        assert!(!options.is_empty());
    }
    // No explanation text of this module, in either language, and no answer key field.
    for lang in ["en", "vi"] {
        let ftl = std::fs::read_to_string(repo_root().join(format!(
            "content/modules/my-body-belongs-to-me/{lang}/module.ftl"
        )))
        .unwrap();
        let explanations: Vec<&str> = ftl
            .lines()
            .filter_map(|l| l.trim().strip_prefix(".explanation = "))
            .collect();
        assert!(explanations.len() >= 12, "a bank: {}", explanations.len());
        for explanation in explanations {
            assert!(
                !body.contains(explanation),
                "explanation leaked: {explanation}"
            );
        }
    }
    assert!(
        !body.contains("\"answer\"") && !body.contains("\\\"answer\\\""),
        "an answer key field leaked"
    );
}

#[tokio::test]
async fn unknown_modules_and_lessons_are_404() {
    let server = TestServer::start();
    for path in [
        "/modules/no-such-module",
        "/modules/my-body-belongs-to-me/lessons/nope",
        "/modules/nope/quiz",
    ] {
        let (status, body) = page(&server, path, "vi").await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("Không tìm thấy trang"), "{path}");
    }
}

/// A PNG header (3 × 2 pixels), enough for the content type and the catalogue's size check.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xF1,
    0x4D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Sends `GET path` exactly as written (no client collapsing `..` or re-encoding): the status.
fn raw_get(base: &str, path: &str) -> u16 {
    use std::io::{Read, Write};
    let host = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    String::from_utf8_lossy(&reply)
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn only_images_are_served_from_the_content_folder() {
    // The real content, plus a picture in one module and a secret-looking PNG and file
    // outside any images/ folder.
    let dir = std::env::temp_dir().join(format!("safesteps-images-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(repo_root().join("content"))
        .arg(dir.join("content"))
        .status()
        .unwrap();
    assert!(copied.success());
    let content = dir.join("content");
    let images = content.join("modules/my-body-belongs-to-me/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(images.join("hands.png"), PNG).unwrap();
    std::fs::write(content.join("top.png"), PNG).unwrap();
    std::fs::write(content.join("modules/top.png"), PNG).unwrap();
    let content_arg = content.display().to_string();
    let server = TestServer::start_with(&["--content", &content_arg]);

    let response = client()
        .get(server.url("/content/my-body-belongs-to-me/images/hands.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "a module's picture is served");
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);
    assert_eq!(
        raw_get(
            &server.base,
            "/content/my-body-belongs-to-me/images/hands.png"
        ),
        200
    );

    for path in [
        "/content/my-body-belongs-to-me/images/../module.toml",
        "/content/my-body-belongs-to-me/images/..%2Fmodule.toml",
        "/content/my-body-belongs-to-me/images/%2e%2e%2fmodule.toml",
        "/content/my-body-belongs-to-me/images/..%2F..%2Ftop.png",
        "/content/my-body-belongs-to-me/images/..%2F..%2F..%2Ftop.png",
        "/content/my-body-belongs-to-me/images/%2e%2e%2f%2e%2e%2f%2e%2e%2ftop.png",
        "/content/my-body-belongs-to-me/images/..%5C..%5C..%5Ctop.png",
        "/content/my-body-belongs-to-me/images/..\\..\\..\\top.png",
        "/content/my-body-belongs-to-me/images/../../top.png",
        "/content/..%2F..%2Fmodules/images/top.png",
        "/content/my-body-belongs-to-me/images/%2F..%2F..%2Ftop.png",
        "/content/my-body-belongs-to-me/images/.hands.png",
        "/content/my-body-belongs-to-me/images/hands.png%00.toml",
        "/content/my-body-belongs-to-me/module.toml",
        "/content/my-body-belongs-to-me/images/module.toml",
        "/content/my-body-belongs-to-me/vi/module.ftl",
        "/content/no-such-module/images/hands.png",
    ] {
        let status = raw_get(&server.base, path);
        assert!(
            status == 404 || status == 400,
            "{path} answered {status}, not a refusal"
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_refuses_broken_content_and_prints_each_problem() {
    let dir = std::env::temp_dir().join(format!("safesteps-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let module = dir.join("modules/broken-module");
    std::fs::create_dir_all(&module).unwrap();
    let source = repo_root().join("content/modules/my-body-belongs-to-me/module.toml");
    let source = std::fs::read_to_string(source)
        .unwrap()
        .replace("my-body-belongs-to-me", "broken-module");
    // The first question's answer names an option that does not exist.
    let line = source
        .lines()
        .position(|l| l.starts_with("answer = ["))
        .unwrap();
    let question = source
        .lines()
        .take(line)
        .filter_map(|l| l.strip_prefix("id = \""))
        .last()
        .unwrap()
        .trim_end_matches('"')
        .to_owned();
    let manifest: String = source
        .lines()
        .enumerate()
        .map(|(n, l)| match n == line {
            true => "answer = [\"z\"]\n".to_owned(),
            false => format!("{l}\n"),
        })
        .collect();
    let expected = format!(
        "modules/broken-module/module.toml:{}: question \"{question}\": the answer names option \"z\", which does not exist",
        line + 1
    );
    std::fs::write(module.join("module.toml"), manifest).unwrap();

    let output = Command::new(binary())
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--database-url",
            "sqlite::memory:",
            "--content",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains(&expected), "{expected} in {stderr}");

    let check = Command::new(binary())
        .args(["content", "check"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&check.stderr).lines().next(),
        stderr.lines().next()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every audience of the plan finds at least one module written for it.
#[tokio::test]
async fn every_audience_has_a_module() {
    let server = TestServer::start();
    for audience in [
        "student-6-10",
        "student-11-14",
        "student-15-18",
        "parent",
        "teacher",
        "school-manager",
        "child-protection-officer",
        "health-worker",
        "police-officer",
    ] {
        let (status, body) = page(&server, &format!("/modules?for={audience}"), "en").await;
        assert_eq!(status, 200, "{audience}");
        assert!(
            body.contains("class=\"card module-card\""),
            "{audience} has no module"
        );
    }
}

#[test]
fn the_shipped_catalogue_passes_the_check() {
    let output = Command::new(binary())
        .current_dir(repo_root())
        .args(["content", "check"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = stdout
        .lines()
        .find(|l| l.contains(" modules, "))
        .unwrap_or("");
    let count: usize = summary
        .split(": ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(count >= 18, "{stdout}");
    assert!(
        stdout.contains(", 6 targets, no errors"),
        "the plan's six targets load: {stdout}"
    );
    // The test-wise bot's figures: one row per module and language, five strategies each.
    let rows = stdout
        .lines()
        .filter(|l| l.contains(" | ") && !l.starts_with("module "))
        .count();
    assert_eq!(rows, count * 2, "{stdout}");
}
