//! Children's data as Law 91/2025/QH15 asks: the privacy notice, parents' consent with its
//! date and version, a parent's copy of everything stored about them and their children, a
//! school manager deleting a student who left (progress and coverage follow, the audit log
//! keeps that it happened without the child's data), and retention sweeps.

mod support;

use reqwest::StatusCode;
use support::web::*;
use support::{binary, TestServer};

async fn database(server: &TestServer) -> sqlx::AnyPool {
    support::connect(&server.database_url()).await
}

async fn parent(demo: &Demo) -> Browser {
    let parent = Browser::new(&demo.server);
    assert_eq!(parent.sign_in_parent().await.status, StatusCode::SEE_OTHER);
    parent
}

#[tokio::test]
async fn the_notice_says_what_is_kept_why_how_long_and_how_to_ask() {
    let server = TestServer::start();
    for (lang, expected) in [
        (
            "vi",
            ["Học sinh", "Phụ huynh", "Cán bộ", "bao lâu", "xoá", "111"],
        ),
        (
            "en",
            ["Students", "Parents", "Staff", "how long", "delet", "111"],
        ),
    ] {
        let page = support::client()
            .get(server.url("/privacy"))
            .header("cookie", format!("lang={lang}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let body = page.text().await.unwrap();
        for text in expected {
            assert!(body.contains(text), "{lang}: {text}");
        }
        assert!(body.contains("91/2025/QH15"), "{lang}: the law");
        // The periods come from the one place they are defined.
        assert!(
            body.contains("31") && body.contains("365") && body.contains("24"),
            "{lang}: the periods"
        );
    }
}

#[tokio::test]
async fn a_parent_consents_when_signing_up_and_the_date_and_version_are_kept() {
    let demo = demo();
    let db = database(&demo.server).await;
    let form = |consent: bool| {
        let mut fields = vec![
            ("family_code", demo.new_family_code.clone()),
            ("name", "Tòng Văn Cha".to_owned()),
            ("phone", "0912000077".to_owned()),
            ("password", "một mật khẩu dài cho gia đình".to_owned()),
        ];
        if consent {
            fields.push(("consent", "yes".to_owned()));
        }
        fields
    };
    let browser = Browser::new(&demo.server);
    let refused = browser
        .post(
            "/sign-up/family",
            &form(false)
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("đồng ý"), "says what is missing");
    assert!(
        refused.body.contains("Tòng Văn Cha"),
        "nothing typed is lost"
    );
    let done = browser
        .post(
            "/sign-up/family",
            &form(true)
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let (at, version): (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT consent_at, consent_version FROM people WHERE phone = '0912000077'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(at.is_some_and(|at| at > 1_700_000_000), "the date");
    assert!(version.is_some_and(|v| !v.is_empty()), "the notice version");
}

#[tokio::test]
async fn a_parent_downloads_everything_about_them_and_their_children() {
    let demo = demo();
    let parent = parent(&demo).await;
    let page = parent.get("/account/data").await;
    assert_eq!(page.status, StatusCode::OK);
    // The demo parent's child is in 2A and has learnt.
    let json = parent.get("/account/data.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(data["person"]["phone"], "0912000001");
    assert!(data["person"]["consent"].is_object() || data["person"]["consent"].is_null());
    let children = data["children"].as_array().expect("children");
    assert!(!children.is_empty());
    let child = &children[0];
    assert!(child["name"].is_string() && child["class"].is_string());
    assert!(
        child["lessons_read"]
            .as_array()
            .is_some_and(|l| !l.is_empty()),
        "the child's progress: {child}"
    );
    assert!(child["attempts"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(data["sessions"].as_array().is_some_and(|s| !s.is_empty()));
    // The readable page says the same.
    let name = child["name"].as_str().unwrap();
    assert!(page.body.contains(name));
    assert!(page.body.contains("href=\"/account/data.json\""));
    // Nobody else's data: no other household's child, no secret, no hash.
    for secret in ["password_hash", "$argon2", "token_hash", "csrf"] {
        assert!(!json.body.contains(secret), "{secret}");
    }
    // Nor the child's sign-in pictures or PIN (the school hands those out on cards).
    let (_, child_secret) = demo.classes[0]
        .1
        .iter()
        .find(|(n, _)| n == name)
        .expect("the child is in 2A");
    assert!(!json.body.contains(&format!("\"{child_secret}\"")));
    let other_child = &demo.classes[1].1[0].0;
    assert!(!json.body.contains(other_child.as_str()));
    // Signed out: nothing.
    let anonymous = Browser::new(&demo.server);
    let nobody = anonymous.get("/account/data.json").await;
    assert_eq!(nobody.status, StatusCode::SEE_OTHER);
    assert!(
        nobody.location.starts_with("/sign-in?next="),
        "sent to sign in"
    );
    assert!(!nobody.body.contains("0912000001"));
}

#[tokio::test]
async fn a_school_manager_deletes_a_student_who_left_and_coverage_follows() {
    let demo = demo();
    let db = database(&demo.server).await;
    let (code, students) = &demo.classes[0];
    let anonymous = Browser::new(&demo.server);
    // Lò Văn An completed the 6–10 modules: reached, in the school's figures.
    let id = student_id(&anonymous, code, "Lò Văn An").await;
    let person: i64 = id.parse().unwrap();
    let reached = || {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM coverage_subjects WHERE subject_kind = 'person' AND subject_id = $1",
            )
            .bind(person)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert!(reached().await > 0, "counted before");
    let rows = |table: &'static str, id: String| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(&format!(
                "SELECT count(*) FROM {table} WHERE person_id = $1"
            ))
            .bind(id.parse::<i64>().unwrap())
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert!(rows("attempts", id.clone()).await > 0);
    // The child signs in once, so the audit log has rows about them.
    let child = Browser::new(&demo.server);
    let secret = &students.iter().find(|(n, _)| n == "Lò Văn An").unwrap().1;
    student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    let path = format!("/classes/1/students/{id}/delete");

    // A teacher may not; another school's manager does not find the child.
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    assert_eq!(
        teacher.post(&path, &[("confirm", "yes")]).await.status,
        StatusCode::FORBIDDEN
    );
    let commune = Browser::new(&demo.server);
    commune.sign_in_staff("xa.demo").await;
    assert_eq!(
        commune.post(&path, &[("confirm", "yes")]).await.status,
        StatusCode::FORBIDDEN
    );
    // Without confirming: nothing happens.
    let head = Browser::new(&demo.server);
    head.sign_in_staff("hieutruong.demo").await;
    let unconfirmed = head.post(&path, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(rows("attempts", id.clone()).await > 0);

    let deleted = head.post(&path, &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
    for table in [
        "attempts",
        "lesson_views",
        "completions",
        "sessions",
        "sign_in_failures",
    ] {
        assert_eq!(rows(table, id.clone()).await, 0, "{table}");
    }
    let person: i64 = sqlx::query_scalar("SELECT count(*) FROM people WHERE id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(person, 0);
    assert_eq!(reached().await, 0, "coverage no longer counts the child");
    // The rollups are what a full recount says.
    let check = std::process::Command::new(binary())
        .args([
            "coverage",
            "check",
            "--database-url",
            &demo.server.database_url(),
        ])
        .current_dir(support::repo_root())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The audit log keeps that it happened, and nothing that names or points at the child.
    let (actor, subject, detail): (Option<i64>, Option<i64>, String) = sqlx::query_as(
        "SELECT actor_id, subject_id, detail FROM audit_log WHERE action = 'student-deleted'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(actor.is_some() && subject.is_none());
    assert!(!detail.contains("Lò Văn An"));
    let pointing: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE subject_id = $1 OR actor_id = $1")
            .bind(id.parse::<i64>().unwrap())
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(pointing, 0);
    let names: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE detail LIKE '%Lò Văn An%'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(names, 0);
    // The class list no longer has them.
    let class = head.get("/classes/1").await.body;
    assert!(!class.contains("Lò Văn An"));
}

#[tokio::test]
async fn old_sessions_answers_failures_and_audit_rows_are_swept() {
    let demo = demo();
    let db = database(&demo.server).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let day = 86_400;
    let person: i64 = sqlx::query_scalar("SELECT id FROM people WHERE username = 'giaovien.demo'")
        .fetch_one(&db)
        .await
        .unwrap();
    for (sql, at) in [
        ("INSERT INTO sessions (token_hash, person_id, csrf, created_at, last_seen) VALUES ('old', $1, 'c', $2, $2)", now - 40 * day),
        ("INSERT INTO sessions (token_hash, person_id, csrf, created_at, last_seen) VALUES ('new', $1, 'c', $2, $2)", now - day / 2),
        ("INSERT INTO sign_in_failures (person_id, client, at) VALUES ($1, 'old', $2)", now - 3 * day),
        ("INSERT INTO sign_in_failures (person_id, client, at) VALUES ($1, 'new', $2)", now - 60),
        ("INSERT INTO audit_log (at, action, actor_id, detail) VALUES ($2, 'old', $1, '')", now - 400 * day),
        ("INSERT INTO audit_log (at, action, actor_id, detail) VALUES ($2, 'new', $1, '')", now - 10 * day),
        ("INSERT INTO kept_answers (token_hash, person_id, module_id, submission_key, answers, kept_at) VALUES ('old', $1, 'm', 'k1', '{}', $2)", now - 2 * day),
        ("INSERT INTO kept_answers (token_hash, person_id, module_id, submission_key, answers, kept_at) VALUES ('new', $1, 'm', 'k2', '{}', $2)", now - 60),
    ] {
        sqlx::query(sql).bind(person).bind(at).execute(&db).await.unwrap();
    }
    let swept = std::process::Command::new(binary())
        .args(["sweep", "--database-url", &demo.server.database_url()])
        .current_dir(support::repo_root())
        .output()
        .unwrap();
    assert!(
        swept.status.success(),
        "{}",
        String::from_utf8_lossy(&swept.stderr)
    );
    for (table, column, kept) in [
        ("sessions", "token_hash", "new"),
        ("sign_in_failures", "client", "new"),
        ("audit_log", "action", "new"),
        ("kept_answers", "token_hash", "new"),
    ] {
        let left: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT {column} FROM {table} WHERE {column} IN ('old', 'new')"
        ))
        .fetch_all(&db)
        .await
        .unwrap();
        assert_eq!(left, [kept], "{table}");
    }
}

#[tokio::test]
async fn dates_are_written_as_the_reader_writes_them() {
    let demo = demo();
    let parent = parent(&demo).await;
    let manager = Browser::new(&demo.server);
    manager.sign_in_staff("hieutruong.demo").await;
    // A parent's copy of their data (when the account was made, sessions, lessons read) and
    // a school's people page (when each parent linked).
    for (browser, path) in [(&parent, "/account/data"), (&manager, "/people")] {
        let vietnamese = browser.get(path).await;
        assert_eq!(vietnamese.status, StatusCode::OK, "{path}");
        assert!(
            has_vietnamese_date(&vietnamese.body),
            "{path}: {}",
            vietnamese.body
        );
        let switched = browser
            .post("/lang", &[("lang", "en"), ("next", path)])
            .await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        let english = browser.get(path).await;
        assert!(english.body.contains("lang=\"en\""), "{path} in English");
        assert!(
            !has_vietnamese_date(&english.body) && has_iso_date(&english.body),
            "{path} in English: {}",
            english.body
        );
    }
}
