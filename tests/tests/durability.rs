//! Durability. Crash test: staff keep sending quizzes while the server is killed with SIGKILL
//! at random moments and started again; every attempt a client saw acknowledged (a 303 to its
//! result) is in the database exactly once, and the database passes `PRAGMA integrity_check`.
//! Backup: `safesteps backup` copies the database while the server works, and the copy serves.

mod support;

use reqwest::{header, StatusCode};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::web::{field, key_of, Browser};
use support::TestServer;

/// How many times the server is killed, and the most the killing may take.
const KILLS: usize = 20;
const TIME_LIMIT: Duration = Duration::from_secs(120);
const MODULE: &str = "law-on-children";
const STAFF: [&str; 6] = [
    "giaovien.demo",
    "giaovien2.demo",
    "hieutruong.demo",
    "baove.demo",
    "yte.demo",
    "congan.demo",
];

/// A small random source (xorshift), seeded from the clock and printed so a failure can be
/// told apart from the next run.
struct Random(u64);

impl Random {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// What one client saw acknowledged: (submission key, attempt id from the redirect).
type Acknowledged = Vec<(String, i64)>;

/// One staff member sending the quiz again and again until `stop`; a submission that got no
/// answer (the server died) is sent again with the same key, as the quiz page does.
async fn keep_sending(
    browser: Browser,
    username: &'static str,
    stop: Arc<AtomicBool>,
) -> Acknowledged {
    let (_, key) = key_of(MODULE);
    let quiz = format!("{}/modules/{MODULE}/quiz", browser.base);
    let mut acknowledged = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        let page = match browser.client.get(&quiz).send().await {
            Ok(response) if response.status() == StatusCode::OK => match response.text().await {
                Ok(page) => page,
                Err(_) => continue,
            },
            Ok(response) => panic!("{username}: the quiz page answered {}", response.status()),
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(30)).await;
                continue;
            }
        };
        let submission = field(&page, "submission");
        let mut form = vec![
            ("csrf".to_owned(), field(&page, "csrf")),
            ("submission".to_owned(), submission.clone()),
            ("draw".to_owned(), field(&page, "draw")),
        ];
        for (question, answers) in &key {
            for answer in answers {
                form.push((format!("q-{question}"), answer.clone()));
            }
        }
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", support::web::encode(k), support::web::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        // The same submission until the server answers it (or the test ends).
        while !stop.load(Ordering::SeqCst) {
            let sent = browser
                .client
                .post(&quiz)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body.clone())
                .send()
                .await;
            match sent {
                Ok(response) => {
                    let status = response.status();
                    let location = response
                        .headers()
                        .get(header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    assert_eq!(status, StatusCode::SEE_OTHER, "{username}: {location}");
                    let id = location
                        .rsplit('/')
                        .next()
                        .and_then(|id| id.parse::<i64>().ok())
                        .unwrap_or_else(|| panic!("{username}: not a result: {location}"));
                    acknowledged.push((submission.clone(), id));
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(30)).await,
            }
        }
    }
    acknowledged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_attempts_survive_kill_9_exactly_once() {
    let server = TestServer::start_with(&["--demo"]);
    let base = server.base.clone();
    let server = Arc::new(Mutex::new(server));
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("crash test seed {seed}");
    let mut random = Random(seed);

    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for username in STAFF {
        let browser = Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap(),
            base: base.clone(),
        };
        let signed = browser.sign_in_staff(username).await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER, "{username} signs in");
        clients.push(tokio::spawn(keep_sending(browser, username, stop.clone())));
    }

    let started = Instant::now();
    let mut kills = 0;
    while kills < KILLS && started.elapsed() < TIME_LIMIT {
        tokio::time::sleep(Duration::from_millis(100 + random.next(500))).await;
        let server = server.clone();
        tokio::task::spawn_blocking(move || server.lock().unwrap().kill_and_restart())
            .await
            .unwrap();
        kills += 1;
    }
    // A little more load after the last start, then the clients stop.
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::SeqCst);
    let mut acknowledged: HashMap<&str, Acknowledged> = HashMap::new();
    for (username, client) in STAFF.into_iter().zip(clients) {
        acknowledged.insert(username, client.await.unwrap());
    }
    assert_eq!(kills, KILLS, "{KILLS} kills within {TIME_LIMIT:?}");
    let total: usize = acknowledged.values().map(Vec::len).sum();
    eprintln!(
        "{kills} kills in {:.1} s; {total} attempts acknowledged",
        started.elapsed().as_secs_f64()
    );
    assert!(
        total >= KILLS,
        "the clients kept sending: {total} acknowledged"
    );

    // Killed once more, then read with nothing running.
    let mut server = match Arc::try_unwrap(server) {
        Ok(server) => server.into_inner().unwrap(),
        Err(_) => panic!("the server is still shared"),
    };
    server.kill();
    let database = server.database_url();
    let db = support::connect(&database).await;
    if !support::on_postgres() {
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
    }
    for (username, seen) in &acknowledged {
        let person: i64 = sqlx::query_scalar("SELECT id FROM people WHERE username = $1")
            .bind(username)
            .fetch_one(&db)
            .await
            .unwrap();
        for (submission, id) in seen {
            let rows: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM attempts WHERE person_id = $1 AND submission_key = $2",
            )
            .bind(person)
            .bind(submission)
            .fetch_all(&db)
            .await
            .unwrap();
            assert_eq!(rows, [*id], "{username}'s acknowledged attempt {id}");
        }
    }
    db.close().await;
    // The coverage rollups, written by concurrent completions in the same transactions and
    // cut off by each kill, still equal a full recount.
    let check = support::coverage_check(&database);
    assert!(check.status.success(), "{}", support::said(&check));
    drop(server);
}

/// Row counts of the tables a restore must bring back.
async fn counts(db: &sqlx::AnyPool) -> Vec<(String, i64)> {
    let mut counts = Vec::new();
    for table in [
        "org_units",
        "people",
        "households",
        "classes",
        "attempts",
        "completions",
        "lesson_views",
        "official_counts",
        "audit_log",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(db)
            .await
            .unwrap();
        counts.push((table.to_owned(), n));
    }
    counts
}

#[tokio::test]
async fn a_backup_taken_while_serving_opens_matches_and_serves() {
    if support::on_postgres() {
        // `safesteps backup` copies a SQLite file; PostgreSQL is backed up with its own tools.
        return;
    }
    let mut server = TestServer::start_with(&["--demo"]);
    // People at work while the copy is taken.
    let teacher = Browser::new(&server);
    assert_eq!(
        teacher.sign_in_staff("giaovien.demo").await.status,
        StatusCode::SEE_OTHER
    );
    let copy = std::env::temp_dir().join(format!("safesteps-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&copy);
    let run = |file: &std::path::Path| {
        std::process::Command::new(support::binary())
            .current_dir(support::repo_root())
            .arg("backup")
            .arg(file)
            .args(["--database-url", &server.database_url()])
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let busy = tokio::spawn({
        let teacher = Browser {
            client: teacher.client.clone(),
            base: teacher.base.clone(),
        };
        async move {
            for _ in 0..20 {
                assert_eq!(teacher.get("/learn").await.status, StatusCode::OK);
            }
        }
    });
    let made = run(&copy);
    busy.await.unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(String::from_utf8_lossy(&made.stdout).contains("backup written"));
    // The database, its -wal and -shm, and the backup hold children's PINs and family codes:
    // readable by their owner only.
    let live = server.database_url();
    let live = live.trim_start_matches("sqlite://");
    for file in [
        live.to_owned(),
        format!("{live}-wal"),
        format!("{live}-shm"),
        copy.display().to_string(),
    ] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{file} is {mode:o}");
    }
    // Never over an existing file.
    let again = run(&copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    // The copy passes the integrity check and holds what the live database holds.
    server.kill();
    let live = support::connect(&server.database_url()).await;
    let restored = support::connect(&format!("sqlite://{}", copy.display())).await;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&restored)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    let (live_counts, restored_counts) = (counts(&live).await, counts(&restored).await);
    assert_eq!(live_counts, restored_counts);
    assert!(
        live_counts.iter().any(|(t, n)| t == "people" && *n > 20),
        "{live_counts:?}"
    );
    live.close().await;
    restored.close().await;

    // Restored: the copy in the database's place, and people sign in as before.
    std::fs::copy(&copy, server.database_url().trim_start_matches("sqlite://")).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!(
            "{}{suffix}",
            server.database_url().trim_start_matches("sqlite://")
        ));
    }
    server.kill_and_restart();
    let back = Browser::new(&server);
    assert_eq!(
        back.sign_in_staff("giaovien.demo").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(back.get("/learn").await.status, StatusCode::OK);
    let _ = std::fs::remove_file(&copy);
}
