//! Several app servers on one database are one site (#15): each of a person's requests may
//! reach a different server behind the load balancer, so sessions, failed sign-ins and the
//! coverage rollups live in the database, never in one server's memory. In the PostgreSQL run
//! the two servers share a PostgreSQL database; in the SQLite run, one file.

mod support;

use reqwest::StatusCode;
use support::web::{demo, field, key_of, session_cookie, Browser, Demo, PASSWORD};
use support::TestServer;

/// Points the browser at `server` (cookies belong to the host, not the port: the same
/// browser, as behind a load balancer).
fn to(browser: &mut Browser, server: &TestServer) {
    browser.base = server.base.clone();
}

#[tokio::test]
async fn sign_in_on_one_quiz_on_the_other_sign_out_on_the_first() {
    let demo = demo();
    let first = &demo.server;
    let second = TestServer::start_sharing(first);
    let db = support::connect(&first.database_url()).await;
    let mut me = Browser::new(first);

    let signed_in = me.sign_in_staff("giaovien2.demo").await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let token = session_cookie(&signed_in)
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();

    to(&mut me, &second);
    assert_eq!(
        me.get("/account").await.status,
        StatusCode::OK,
        "the second server knows the session the first made"
    );
    // The lessons read on one server or the other, the quiz page from the first, the answers
    // sent to the second.
    let module = "law-on-children";
    let (lessons, key) = key_of(module);
    for (n, lesson) in lessons.iter().enumerate() {
        to(&mut me, if n % 2 == 0 { first } else { &second });
        let path = format!("/modules/{module}/lessons/{lesson}");
        assert_eq!(me.get(&path).await.status, StatusCode::OK, "{path}");
    }
    to(&mut me, first);
    let form = right_answers(&me, module, &key).await;
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    to(&mut me, &second);
    let sent = me.post(&format!("/modules/{module}/quiz"), &form).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(
        sent.location.contains("/quiz/attempts/"),
        "{}",
        sent.location
    );
    // The same form sent again, to the other server: still one attempt.
    to(&mut me, first);
    let again = me.post(&format!("/modules/{module}/quiz"), &form).await;
    assert_eq!(
        again.location, sent.location,
        "one attempt, whichever server"
    );

    // The result and the certificate on the first; one completion, and the teacher counted
    // among the education target's subjects, not reached yet (one of its four modules).
    let result = me.get(&sent.location).await;
    assert_eq!(result.status, StatusCode::OK);
    assert!(result.body.contains("/certificates/"), "a certificate link");
    assert_eq!(completions(&db, "giaovien2.demo", module).await, 1);
    let (subjects, reached): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(s.reached_month) FROM coverage_subjects s \
         JOIN people p ON p.id = s.subject_id \
         WHERE s.subject_kind = 'person' AND p.username = 'giaovien2.demo' \
         AND s.target_id = 'education'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!((subjects, reached), (1, 0));

    // What both servers wrote adds up: the rollups equal a full recount.
    let check = support::coverage_check(&first.database_url());
    assert!(check.status.success(), "{}", support::said(&check));

    // Signed out on the first: the second no longer knows the session either.
    let out = me.post("/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let reused = support::client()
        .get(second.url("/account"))
        .header(reqwest::header::COOKIE, token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        reused.status(),
        StatusCode::SEE_OTHER,
        "signed out everywhere"
    );
}

/// How many times `username` completed `module` (once at most, whichever server recorded it).
async fn completions(db: &sqlx::AnyPool, username: &str, module: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM completions c JOIN people p ON p.id = c.person_id \
         WHERE p.username = $1 AND c.module_id = $2",
    )
    .bind(username)
    .bind(module)
    .fetch_one(db)
    .await
    .unwrap()
}

/// The quiz form of `module` with every right answer, as the browser would send it.
async fn right_answers(
    me: &Browser,
    module: &str,
    key: &[(String, Vec<String>)],
) -> Vec<(String, String)> {
    let quiz = me.get(&format!("/modules/{module}/quiz")).await.body;
    let mut form = vec![
        ("csrf".to_owned(), field(&quiz, "csrf")),
        ("submission".to_owned(), field(&quiz, "submission")),
        ("draw".to_owned(), field(&quiz, "draw")),
    ];
    for (question, answers) in key {
        for answer in answers {
            form.push((format!("q-{question}"), answer.clone()));
        }
    }
    form
}

/// `giaovien2.demo` signed in, every lesson of `module` read, and the quiz form with every
/// answer right: one post from completing it.
async fn about_to_complete(demo: &Demo, module: &str) -> (Browser, Vec<(String, String)>) {
    let me = Browser::new(&demo.server);
    me.sign_in_staff("giaovien2.demo").await;
    let (lessons, key) = key_of(module);
    for lesson in &lessons {
        let path = format!("/modules/{module}/lessons/{lesson}");
        assert_eq!(me.get(&path).await.status, StatusCode::OK, "{path}");
    }
    let form = right_answers(&me, module, &key).await;
    (me, form)
}

/// A server rebuilds the rollups when it starts with new targets or in a new year, while the
/// others go on serving. A completion recorded meanwhile must not be lost between the
/// rebuild's count and its replacement of the rows: it waits for the rebuild (here a
/// transaction holding what a rebuild holds — PostgreSQL's rebuild lock, SQLite's write
/// lock) and is then added to what the rebuild counted.
#[tokio::test]
async fn a_completion_during_a_rebuild_waits_for_it_and_counts() {
    let demo = demo();
    let url = demo.server.database_url();
    let db = support::connect(&url).await;
    let module = "law-on-children";
    let (me, form) = about_to_complete(&demo, module).await;
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();

    let mut rebuild = db.begin().await.unwrap();
    if url.starts_with("postgres") {
        // `store::coverage::REBUILD_LOCK`.
        sqlx::query("SELECT pg_advisory_xact_lock(6751863)")
            .execute(&mut *rebuild)
            .await
            .unwrap();
    } else {
        sqlx::query("DELETE FROM coverage_meta WHERE key = 'none'")
            .execute(&mut *rebuild)
            .await
            .unwrap();
    }
    let path = format!("/modules/{module}/quiz");
    let sent = me.post(&path, &form);
    tokio::pin!(sent);
    let early = tokio::time::timeout(std::time::Duration::from_millis(800), &mut sent).await;
    assert!(early.is_err(), "the completion waits for the rebuild");
    rebuild.commit().await.unwrap();
    let sent = sent.await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);

    assert_eq!(completions(&db, "giaovien2.demo", module).await, 1);
    let check = support::coverage_check(&url);
    assert!(check.status.success(), "{}", support::said(&check));
}

/// On PostgreSQL a change to the rollups shares the rebuild lock, and a rebuild waits for
/// every change that holds it. A completion that arrives while a rebuild is waiting must wait
/// before it writes anything: had it written its attempt first (which holds its person's row
/// against deletion), a writer that already shares the lock and then needs that row (as
/// deleting the person does) would wait for it, it for the rebuild, and the rebuild for that
/// writer. PostgreSQL untangles such a cycle only when its `deadlock_timeout` (1 s) runs out,
/// by letting the completion's share go ahead of the rebuild: the writer stood still for a
/// second. SQLite has one writer at a time.
#[tokio::test]
async fn a_completion_waiting_for_a_rebuild_holds_nothing_another_writer_needs() {
    let demo = demo();
    let url = demo.server.database_url();
    if !url.starts_with("postgres") {
        return;
    }
    let db = support::connect(&url).await;
    let module = "law-on-children";
    let (me, form) = about_to_complete(&demo, module).await;
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();

    // A writer in the middle of its change: it holds its share of `REBUILD_LOCK`.
    let mut writer = db.begin().await.unwrap();
    sqlx::query("SELECT pg_advisory_xact_lock_shared(6751863)")
        .execute(&mut *writer)
        .await
        .unwrap();
    // A rebuild starts on another server and waits for the writer.
    let rebuild = tokio::spawn({
        let db = db.clone();
        async move {
            let mut rebuild = db.begin().await.unwrap();
            sqlx::query("SELECT pg_advisory_xact_lock(6751863)")
                .execute(&mut *rebuild)
                .await
                .unwrap();
            rebuild.commit().await.unwrap();
        }
    });
    let waiting = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 6751863 \
             AND mode = 'ExclusiveLock' AND NOT granted \
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )
        .fetch_one(&db)
        .await
        .unwrap()
    };
    for _ in 0..100 {
        if waiting().await == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(waiting().await, 1, "the rebuild waits for the writer");
    // The completion arrives and waits behind the rebuild.
    let path = format!("/modules/{module}/quiz");
    let sent = me.post(&path, &form);
    tokio::pin!(sent);
    // Longer than `deadlock_timeout`: its one check, made with no cycle yet, is behind it.
    let early = tokio::time::timeout(std::time::Duration::from_millis(1500), &mut sent).await;
    assert!(early.is_err(), "the completion waits for the rebuild");
    // The writer now needs the person's row whole, and gets it at once (well before the
    // second PostgreSQL would take to find a cycle).
    let person = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM people WHERE username = 'giaovien2.demo' FOR UPDATE",
        )
        .fetch_one(&mut *writer),
    )
    .await
    .expect("the writer is not kept waiting by the completion");
    assert!(person.is_ok(), "no deadlock: {person:?}");
    writer.commit().await.unwrap();
    rebuild.await.unwrap();
    let sent = sent.await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(completions(&db, "giaovien2.demo", module).await, 1);
    let check = support::coverage_check(&url);
    assert!(check.status.success(), "{}", support::said(&check));
}

#[tokio::test]
async fn failed_sign_ins_on_either_server_count_together() {
    let demo = demo();
    let first = &demo.server;
    let second = TestServer::start_sharing(first);
    let mut guesser = Browser::new(first);
    // Ten wrong passwords for one account, alternating servers: the account's limit (ten in
    // fifteen minutes) is reached although neither server saw more than five.
    for n in 0..10 {
        to(&mut guesser, if n % 2 == 0 { first } else { &second });
        let reply = guesser
            .post(
                "/sign-in",
                &[
                    ("kind", "staff"),
                    ("username", "giaovien.demo"),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "try {n}");
    }
    for server in [first, &second] {
        let owner = Browser::new(server);
        let reply = owner
            .post(
                "/sign-in",
                &[
                    ("kind", "staff"),
                    ("username", "giaovien.demo"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::TOO_MANY_REQUESTS,
            "the account waits on {}",
            server.base
        );
    }
}

/// Every table of the school's SQLite database but sqlx's own: what `migrate-to` must copy.
async fn tables_of(school: &str) -> Vec<String> {
    let db = support::connect(school).await;
    let tables = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    db.close().await;
    tables
}

async fn row_counts(url: &str, tables: &[String]) -> Vec<(String, i64)> {
    let db = support::connect(url).await;
    let mut counts = Vec::new();
    for table in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&db)
            .await
            .unwrap();
        counts.push((table.clone(), n));
    }
    db.close().await;
    counts
}

/// A school's SQLite database moves into the province's PostgreSQL whole: every row, verified
/// per table; the servers then run on it (new rows take ids after the copied ones), and a
/// second copy into the now full database is refused, changing nothing.
#[tokio::test]
async fn a_school_database_moves_into_postgres_whole() {
    if !support::on_postgres() {
        return; // needs the PostgreSQL run's server
    }
    let dir = std::env::temp_dir().join(format!("safesteps-move-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The school: the demo, with its learning history, and a session and a failed sign-in.
    let school = format!("sqlite://{}/school.db", dir.display());
    let safesteps = support::safesteps;
    let demo = safesteps(&["demo", "--database-url", &school]);
    assert!(demo.status.success(), "{}", support::said(&demo));
    let tables = tables_of(&school).await;
    let before = row_counts(&school, &tables).await;
    assert!(
        before.iter().filter(|(_, n)| *n > 0).count() >= 12,
        "the demo fills most tables: {before:?}"
    );

    let province = support::new_database(&dir, "province");
    let moved = safesteps(&["migrate-to", &province, "--database-url", &school]);
    let printed = String::from_utf8_lossy(&moved.stdout);
    assert!(
        moved.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    for (table, n) in &before {
        assert!(
            printed.lines().any(|l| l
                .split_whitespace()
                .take(2)
                .eq([table.as_str(), &n.to_string()])),
            "{table}: {n} rows reported in {printed}"
        );
    }
    assert_eq!(
        row_counts(&province, &tables).await,
        before,
        "every row is there"
    );

    // The province's servers run on it: the demo teacher signs in (a new session and audit
    // row, with ids after the copied ones) and sees the class.
    let server = TestServer::start_on(&province);
    let teacher = Browser::new(&server);
    assert_eq!(
        teacher.sign_in_staff("giaovien.demo").await.status,
        StatusCode::SEE_OTHER
    );
    let classes = teacher.get("/classes").await;
    assert!(classes.body.contains("2A"), "{}", classes.body);
    drop(server);

    // Copying again into the full database is refused and changes nothing.
    let after = row_counts(&province, &tables).await;
    let again = safesteps(&["migrate-to", &province, "--database-url", &school]);
    assert!(!again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("not empty"), "{said}");
    assert_eq!(row_counts(&province, &tables).await, after);
    let _ = std::fs::remove_dir_all(&dir);
}

/// On PostgreSQL the servers never change the schema: one behind refuses to start and says
/// what to run; after `safesteps migrate` the same command starts.
#[tokio::test]
async fn a_server_refuses_a_schema_that_is_behind() {
    if !support::on_postgres() {
        return; // SQLite's one server migrates its own file at start
    }
    let dir = std::env::temp_dir().join(format!("safesteps-behind-{}", std::process::id()));
    let database = support::new_database(&dir, "behind");
    let serve = support::safesteps(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--database-url",
        &database,
    ]);
    assert!(!serve.status.success(), "it must not start");
    let said = String::from_utf8_lossy(&serve.stderr);
    assert!(
        said.contains("behind") && said.contains("safesteps migrate"),
        "{said}"
    );
    support::migrate(&database);
    let server = TestServer::start_on(&database);
    assert_eq!(
        support::client()
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let _ = std::fs::remove_dir_all(&dir);
}
