//! What the README promises, each proven over HTTP against the real binary with the demo:
//! throttles per account and per address, `/healthz` answering 503, sessions kept only as
//! hashes, audit rows for sign-out, password changes and roster imports, a school manager
//! assigning, and overdue assignments first.

mod support;

use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use support::web::*;

async fn database(demo: &Demo) -> sqlx::AnyPool {
    support::connect(&demo.server.database_url()).await
}

async fn sign_in(browser: &Browser, username: &str, password: &str) -> Reply {
    browser
        .post(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", username),
                ("password", password),
            ],
        )
        .await
}

#[tokio::test]
async fn staff_sign_in_is_throttled_per_account_then_per_address() {
    let demo = demo();
    // Per account: 10 wrong passwords in 15 minutes, then even the right one waits.
    let guesser = Browser::new(&demo.server);
    for n in 0..10 {
        let reply = sign_in(&guesser, "hieutruong.demo", &format!("sai mật khẩu số {n}")).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "try {n}");
    }
    let owner = Browser::new(&demo.server);
    let held = sign_in(&owner, "hieutruong.demo", PASSWORD).await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(held.body.contains("phút"), "says how long to wait");
    // Another account from the same address is not held by it.
    assert_eq!(
        sign_in(&owner, "giaovien.demo", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );

    // Per address: 60 failures in 15 minutes from one address, over any accounts, then every
    // account waits from there (the 10 above count too).
    let sprayer = Browser::new(&demo.server);
    let mut refused_at = None;
    for n in 0..60 {
        let reply = sign_in(
            &sprayer,
            &format!("khong.co.{n}"),
            "một mật khẩu bất kỳ nào",
        )
        .await;
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            refused_at = Some(n);
            break;
        }
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "try {n}");
    }
    assert_eq!(refused_at, Some(50), "60 failures from this address in all");
    let late = Browser::new(&demo.server);
    assert_eq!(
        sign_in(&late, "yte.demo", PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a right password from a throttled address waits too"
    );
}

#[tokio::test]
async fn healthz_answers_503_when_the_database_cannot_be_written() {
    if support::on_postgres() {
        // SQLite's single write lock is what another process can hold; PostgreSQL has none.
        return;
    }
    let demo = demo();
    let health = || async {
        support::client()
            .get(demo.server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status()
    };
    assert_eq!(health().await, StatusCode::OK);
    // Another process holds the write lock: the server can still read, but no answer can be
    // stored — not healthy.
    let mut holder = sqlx::SqliteConnection::connect(&demo.server.database_url())
        .await
        .unwrap();
    use sqlx::Connection;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut holder)
        .await
        .unwrap();
    // A probe's answer is given again for a second (the write lock is taken at most once a
    // second, however often /healthz is called).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let started = std::time::Instant::now();
    assert_eq!(health().await, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "answers promptly"
    );
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(
        health().await,
        StatusCode::OK,
        "healthy again once released"
    );
}

#[tokio::test]
async fn sessions_are_stored_only_as_hashes() {
    let demo = demo();
    let db = database(&demo).await;
    let browser = Browser::new(&demo.server);
    let reply = sign_in(&browser, "giaovien.demo", PASSWORD).await;
    let token = session_cookie(&reply)
        .and_then(|c| c.split(';').next())
        .and_then(|c| c.strip_prefix("ss_session="))
        .expect("a session cookie")
        .to_owned();
    let hashes: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    let hash = hex(&Sha256::digest(token.as_bytes()));
    assert!(hashes.contains(&hash), "the token's SHA-256 is kept");
    let dump: Vec<(String, String)> = sqlx::query_as("SELECT token_hash, csrf FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert!(
        dump.iter()
            .all(|(h, c)| !h.contains(&token) && !c.contains(&token)),
        "the token itself is nowhere in the table"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn signing_out_changing_a_password_and_importing_a_roster_are_audited() {
    let demo = demo();
    let db = database(&demo).await;
    let actions = |person: i64| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT action FROM audit_log WHERE actor_id = $1 OR subject_id = $1 ORDER BY id",
            )
            .bind(person)
            .fetch_all(&db)
            .await
            .unwrap()
        }
    };
    let id_of = |username: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM people WHERE username = $1")
                .bind(username)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };

    let teacher = Browser::new(&demo.server);
    sign_in(&teacher, "giaovien.demo", PASSWORD).await;
    let new_password = "một mật khẩu mới thật dài cho cô";
    let changed = teacher
        .post(
            "/account/password",
            &[("current", PASSWORD), ("new", new_password)],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(
        teacher.post("/sign-out", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let teacher_id = id_of("giaovien.demo").await;
    let done = actions(teacher_id).await;
    for action in ["sign-in", "password-changed", "sign-out"] {
        assert!(done.iter().any(|a| a == action), "{action} in {done:?}");
    }

    let manager = Browser::new(&demo.server);
    sign_in(&manager, "hieutruong.demo", PASSWORD).await;
    let roster = "school_code,school_year,class,role,key,name,birth_year,family,secret\n\
                  LC-W01-TH1,2026-2027,3B,student,HS-3B1,Lò Văn Hùng,2017,,\n";
    assert_eq!(upload(&manager, roster).await.status, StatusCode::OK);
    let manager_id = id_of("hieutruong.demo").await;
    let detail: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE action = 'roster-import' AND actor_id = $1",
    )
    .bind(manager_id)
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(detail, ["1 rows"]);
    let everything: Vec<String> = sqlx::query_scalar("SELECT detail FROM audit_log")
        .fetch_all(&db)
        .await
        .unwrap();
    assert!(
        everything.iter().all(|d| !d.contains("Lò Văn Hùng")),
        "no child's name in the audit log"
    );
}

#[tokio::test]
async fn a_school_manager_assigns_and_overdue_assignments_come_first() {
    let demo = demo();
    let db = database(&demo).await;
    let manager = Browser::new(&demo.server);
    sign_in(&manager, "hieutruong.demo", PASSWORD).await;
    let in_days = |days: i64| {
        let vietnam = time::UtcOffset::from_hms(7, 0, 0).unwrap();
        let today = time::OffsetDateTime::now_utc().to_offset(vietnam);
        (today.date() + time::Duration::days(days)).to_string()
    };
    for (module, due) in [
        ("secrets-and-telling", in_days(20)),
        ("kind-and-safe-at-school", in_days(2)),
        ("my-body-belongs-to-me", in_days(9)),
    ] {
        let reply = manager
            .post(
                "/classes/1/assignments",
                &[("module", module), ("due", &due)],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{module}: {}",
            reply.body
        );
    }
    let by: Vec<i64> = sqlx::query_scalar("SELECT assigned_by FROM assignments")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(by.len(), 3, "the school manager assigned all three");
    // One becomes overdue: it comes first, then the others by date.
    sqlx::query(
        "UPDATE assignments SET due_on = '2026-01-05' WHERE module_id = 'secrets-and-telling'",
    )
    .execute(&db)
    .await
    .unwrap();
    let (code, _) = &demo.classes[0];
    let child = Browser::new(&demo.server);
    // A child with no history: nothing is done yet.
    let id = student_id(&child, code, "Hoàng Văn Nam").await;
    let secret = demo.classes[0]
        .1
        .iter()
        .find(|(name, _)| name == "Hoàng Văn Nam")
        .map(|(_, s)| s.clone())
        .unwrap();
    student_sign_in(&child, code, &id, &secret_fields(&secret)).await;
    let home = child.get("/learn").await.body;
    let assigned = &home[home.find("class=\"assigned\"").expect("assigned first")..];
    let place = |href: &str| assigned.find(href).unwrap_or(usize::MAX);
    let order = [
        place("/modules/secrets-and-telling"),
        place("/modules/kind-and-safe-at-school"),
        place("/modules/my-body-belongs-to-me"),
    ];
    assert!(
        order[0] < order[1] && order[1] < order[2],
        "overdue first, then by due date: {order:?}"
    );
    assert!(assigned.contains("Đã quá hạn"));
}

/// Signs in as `username` with a wrong password, the request saying it was forwarded for
/// `forwarded_for`: the status.
async fn wrong_try_from(browser: &Browser, username: &str, forwarded_for: &str) -> StatusCode {
    let csrf = browser.csrf().await;
    browser
        .client
        .post(format!("{}/sign-in", browser.base))
        .header("x-forwarded-for", forwarded_for)
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "staff"),
            ("username", username),
            ("password", "một mật khẩu sai bất kỳ"),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_throttled_by_its_own_address() {
    let server = support::TestServer::start_with(&["--demo", "--trusted-proxy", "127.0.0.1"]);
    let db = support::connect(&server.database_url()).await;
    let browser = Browser::new(&server);
    for n in 0..60 {
        let status = wrong_try_from(&browser, &format!("khong.co.{n}"), "203.0.113.5").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "try {n}");
    }
    assert_eq!(
        wrong_try_from(&browser, "khong.co.ai", "203.0.113.5").await,
        StatusCode::TOO_MANY_REQUESTS,
        "that client waits"
    );
    assert_eq!(
        wrong_try_from(&browser, "khong.co.ai", "203.0.113.6").await,
        StatusCode::UNAUTHORIZED,
        "another client behind the same proxy does not"
    );
    // A client cannot pick its address: the proxy's entry (the right end) is what counts.
    assert_eq!(
        wrong_try_from(&browser, "khong.co.ai", "203.0.113.6, 203.0.113.5").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    let clients: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT client FROM audit_log WHERE action LIKE 'sign-in%' AND client IS NOT NULL",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert!(
        clients.contains(&"203.0.113.5".to_owned()) && !clients.contains(&"127.0.0.1".to_owned()),
        "the audit log names the client, not the proxy: {clients:?}"
    );

    // Without --trusted-proxy the header is only the client's say-so.
    let plain = support::TestServer::start_with(&["--demo"]);
    let browser = Browser::new(&plain);
    for n in 0..60 {
        let status = wrong_try_from(
            &browser,
            &format!("khong.co.{n}"),
            &format!("198.51.100.{n}"),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "try {n}");
    }
    assert_eq!(
        wrong_try_from(&browser, "khong.co.ai", "198.51.100.200").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up header does not escape the address's limit"
    );
}
