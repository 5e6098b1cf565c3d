//! The teaching pages, measured against the release binary on loopback:
//!
//! 1. the demo's class page (2A: 6 students, nothing assigned) for its teacher under load:
//!    `wrk`, 16 connections, 10 s — requests a second, latency percentiles and the server's
//!    processor time per page;
//! 2. in the synthetic province: a class of 30 students with its 3 assigned modules and their
//!    attempts, warm, one request at a time (p50/p99), then under `wrk` as in 1 — the page the
//!    3,000 requests a second goal is about — and again compressed, as browsers ask for it;
//!    Then, for the same class and session, what the page is made of: a small signed-in page
//!    (the floor every page pays), the class's cards page (its students and their secrets) and
//!    the class's progress and insight as JSON (the data without the HTML);
//! 3. a class of 45 students with 20 assigned modules, one request at a time;
//! 4. the school view of a school of 2,000 students, the same.
//!
//! Run: `cargo bench -p safesteps-benches --bench teaching` (after `scripts/build`; `wrk`
//! from the distribution for part 1). `SAFESTEPS_BENCH_DB` reuses the
//! coverage bench's province database (it is copied first, never changed).
//! `SAFESTEPS_BENCH_POSTGRES=URL` (an empty PostgreSQL database) runs parts 2–4 on PostgreSQL:
//! the province and its classes are made in SQLite as always, then copied in with the copy
//! `safesteps migrate-to` makes (part 1, the demo, stays on SQLite).

mod support;

use safesteps_app::catalog;
use safesteps_app::store;
use safesteps_app::synthetic;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const WARM_UP: usize = 5;
const RUNS: usize = 100;
/// Modules added to the content (copies of a student module) so a class can have 20.
const COPIES: usize = 14;
const BIG_CLASS: i64 = 45;
/// The class the requests-a-second goal is about.
const CLASS: i64 = 30;
const ASSIGNED: usize = 20;
const BIG_SCHOOL: i64 = 2_000;

fn main() {
    support::block_on(run());
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let index = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[index].as_secs_f64() * 1000.0
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("read a folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// The content with `COPIES` more student modules (copies of one, under new ids).
fn content_with_copies(dir: &Path) -> Vec<String> {
    copy_dir(&support::root().join("content"), dir);
    let source = "my-body-belongs-to-me";
    let mut ids = Vec::new();
    for n in 1..=COPIES {
        let id = format!("{source}-copy-{n:02}");
        let folder = dir.join("modules").join(&id);
        copy_dir(&dir.join("modules").join(source), &folder);
        let manifest = folder.join("module.toml");
        let text = std::fs::read_to_string(&manifest).expect("the manifest");
        std::fs::write(
            &manifest,
            text.replace(&format!("id = \"{source}\""), &format!("id = \"{id}\"")),
        )
        .expect("write the manifest");
        ids.push(id);
    }
    ids
}

/// A client that signs `username` in and the `Cookie` header it then sends.
async fn signed_in(base: &str, username: &str) -> (reqwest::Client, String) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
    support::sign_in_staff(&client, base, username, safesteps_app::demo::DEMO_PASSWORD).await;
    let url: reqwest::Url = base.parse().expect("the base URL");
    let cookie = reqwest::cookie::CookieStore::cookies(jar.as_ref(), &url)
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .expect("a session cookie");
    (client, cookie)
}

/// Times `path` one request at a time, warm; prints p50 and p99.
async fn sequential(client: &reqwest::Client, base: &str, name: &str, path: &str) {
    let (mut times, bytes) =
        support::time_page(client, &format!("{base}{path}"), WARM_UP, RUNS).await;
    println!(
        "{name:<52} p50 {:>6.1} ms   p99 {:>6.1} ms   ({} KB, {} runs)",
        percentile(&mut times, 0.50),
        percentile(&mut times, 0.99),
        bytes / 1024,
        RUNS
    );
}

/// `path` under `wrk -t2 -c16 -d10s` with `cookie` (and `encoding` as `Accept-Encoding`, as
/// a browser sends it; wrk sends none): requests a second, latency, and the server's
/// processor time per request (steadier than requests a second on a shared machine).
fn under_wrk(
    server: &support::Server,
    postgres: bool,
    cookie: &str,
    encoding: Option<&str>,
    path: &str,
    name: &str,
) {
    let url = format!("{}{path}", server.base);
    let cpu_before = server.cpu_seconds();
    let mut wrk = Command::new("wrk");
    wrk.args(["-t2", "-c16", "-d10s", "--latency", "-H"])
        .arg(format!("Cookie: {cookie}"));
    if let Some(encoding) = encoding {
        wrk.arg("-H").arg(format!("Accept-Encoding: {encoding}"));
    }
    let out = match wrk.arg(&url).output() {
        Ok(out) => out,
        Err(error) => {
            println!("(wrk not found: {error}; install the distribution's wrk)");
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let pick = |prefix: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .map(|l| l.trim().to_owned())
            .unwrap_or_default()
    };
    println!(
        "{name} under wrk (16 connections, 10 s): {} · latency {} · {} · {} · non-2xx: {}",
        pick("Requests/sec:"),
        pick("50%"),
        pick("99%"),
        pick("Transfer/sec:"),
        if text.contains("Non-2xx") {
            pick("Non-2xx")
        } else {
            "0".to_owned()
        }
    );
    // "123456 requests in 10.00s, …"
    let requests: f64 = text
        .lines()
        .find(|l| l.contains(" requests in "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    if requests > 0.0 {
        println!(
            "{:<52} {:.2} ms (all threads, user + system{})",
            "  server processor time per page",
            (server.cpu_seconds() - cpu_before) * 1000.0 / requests,
            if postgres {
                "; PostgreSQL's own processes not counted"
            } else {
                ""
            }
        );
    }
}

/// Moves students of `school`'s other classes into `class` until it has `size`, none from `spare`
/// (`class` itself when any other class may give).
async fn fill_class(pool: &sqlx::SqlitePool, class: i64, school: i64, size: i64, spare: i64) {
    sqlx::query(
        "UPDATE people SET class_id = $1 WHERE id IN (SELECT p.id FROM people p JOIN classes c \
         ON c.id = p.class_id WHERE c.school_id = $2 AND p.class_id NOT IN ($1, $3) AND p.role = 'student' \
         LIMIT max(0, $4 - (SELECT count(*) FROM people WHERE class_id = $1 AND role = 'student')))",
    )
    .bind(class)
    .bind(school)
    .bind(spare)
    .bind(size)
    .execute(pool)
    .await
    .expect("fill a class");
}

async fn run() {
    let scratch =
        std::env::temp_dir().join(format!("safesteps-bench-teaching-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let content = scratch.join("content");
    let copies = content_with_copies(&content);
    let content_arg = content.display().to_string();

    // 1. The demo's class page under wrk.
    let demo_url = format!("sqlite://{}", scratch.join("demo.db").display());
    {
        let server = support::Server::start(&demo_url, &["--demo", "--content", &content_arg]);
        let (client, cookie) = signed_in(&server.base, "giaovien.demo").await;
        sequential(
            &client,
            &server.base,
            "class page 2A (demo), one at a time",
            "/classes/1",
        )
        .await;
        under_wrk(
            &server,
            false,
            &cookie,
            None,
            "/classes/1",
            "class page 2A (demo: 6 students, nothing assigned)",
        );
        println!(
            "{:<52} {:.0} MB",
            "server peak resident memory",
            server.peak_memory_mb()
        );
    }

    // 2 and 3. The synthetic province, with one school grown to 2,000 students and one class
    // of 45 with 20 assignments.
    let province = scratch.join("province.db");
    let url = format!("sqlite://{}", province.display());
    if let Some(kept) = std::env::var_os("SAFESTEPS_BENCH_DB") {
        std::fs::copy(&kept, &province).expect("copy the kept database");
    }
    let db = store::open(&url).await.expect("open the database");
    // The fixtures below are written with SQLite's pool (the bench runs on SQLite).
    let store::Db::Sqlite(pool) = &db else {
        unreachable!("a sqlite: URL")
    };
    if store::people::count(&db).await.expect("count") == 0 {
        let loaded = catalog::load(&support::root().join("content"));
        let started = Instant::now();
        synthetic::province(
            &db,
            &loaded.catalog,
            675,
            safesteps_app::auth::now(),
            &mut |_, _, _| {},
        )
        .await
        .expect("generate the province");
        println!(
            "province generated in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let (school, head): (i64, String) =
        sqlx::query_as("SELECT unit_id, username FROM people WHERE username = 'ht000.mp'")
            .fetch_one(pool)
            .await
            .expect("the first school's head");
    // Grow the school: classes of the next schools move in until it has 2,000 students.
    loop {
        let students: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM people p JOIN classes c ON c.id = p.class_id \
             WHERE c.school_id = $1 AND p.role = 'student'",
        )
        .bind(school)
        .fetch_one(pool)
        .await
        .expect("count");
        if students >= BIG_SCHOOL {
            println!("school: {students} students");
            break;
        }
        let class: i64 = sqlx::query_scalar(
            "SELECT c.id FROM classes c WHERE c.school_id != $1 ORDER BY c.id LIMIT 1",
        )
        .bind(school)
        .fetch_one(pool)
        .await
        .expect("a class to move");
        sqlx::query("UPDATE classes SET school_id = $1, name = name || '-' || id WHERE id = $2")
            .bind(school)
            .bind(class)
            .execute(pool)
            .await
            .expect("move a class");
        sqlx::query("UPDATE people SET unit_id = $1, student_key = student_key || '-' || id WHERE class_id = $2")
            .bind(school)
            .bind(class)
            .execute(pool)
            .await
            .expect("move its students");
    }
    // The big class: the school's first class, filled up to 45 from its other classes.
    let big: i64 = sqlx::query_scalar("SELECT min(id) FROM classes WHERE school_id = $1")
        .bind(school)
        .fetch_one(pool)
        .await
        .expect("a class");
    fill_class(pool, big, school, BIG_CLASS, big).await;
    let mut modules: Vec<String> = catalog::load(&content)
        .catalog
        .modules()
        .iter()
        .filter(|m| {
            m.module
                .audiences
                .iter()
                .any(|a| matches!(a, safesteps_app::domain::content::Audience::Student(_)))
        })
        .map(|m| m.module.id.to_string())
        .filter(|id| !copies.contains(id))
        .collect();
    modules.extend(copies);
    modules.truncate(ASSIGNED);
    assert_eq!(modules.len(), ASSIGNED, "enough student modules");
    // Every class of the school gets three modules; the big class all twenty.
    sqlx::query(
        "INSERT OR IGNORE INTO assignments (class_id, module_id, due_on, assigned_at) \
         SELECT c.id, m.column1, '2026-06-01', 0 FROM classes c, \
         (VALUES ('my-body-belongs-to-me'), ('safe-online'), ('staying-safe-as-teens')) m \
         WHERE c.school_id = $1",
    )
    .bind(school)
    .execute(pool)
    .await
    .expect("assign to the school");
    for module in &modules {
        sqlx::query(
            "INSERT OR IGNORE INTO assignments (class_id, module_id, due_on, assigned_at) \
             VALUES ($1, $2, '2027-06-01', 0)",
        )
        .bind(big)
        .bind(module)
        .execute(pool)
        .await
        .expect("assign to the class");
    }
    // A teacher of the school looks after the big class.
    let teacher: String = sqlx::query_scalar(
        "SELECT username FROM people WHERE unit_id = $1 AND role = 'teacher' ORDER BY id LIMIT 1",
    )
    .bind(school)
    .fetch_one(pool)
    .await
    .expect("a teacher");
    sqlx::query(
        "INSERT OR IGNORE INTO class_teachers (class_id, person_id) \
         SELECT $1, id FROM people WHERE username = $2",
    )
    .bind(big)
    .bind(&teacher)
    .execute(pool)
    .await
    .expect("the class's teacher");
    // The goal's class: another class of the school at 30 students (filled from, or trimmed
    // into, the school's other classes), with its three assignments and a teacher of its own.
    let (class30, other): (i64, i64) =
        sqlx::query_as("SELECT min(id), max(id) FROM classes WHERE school_id = $1 AND id != $2")
            .bind(school)
            .bind(big)
            .fetch_one(pool)
            .await
            .expect("two more classes");
    fill_class(pool, class30, school, CLASS, big).await;
    sqlx::query(
        "UPDATE people SET class_id = $2 WHERE id IN (SELECT id FROM people WHERE class_id = $1 \
         AND role = 'student' ORDER BY id DESC \
         LIMIT max(0, (SELECT count(*) FROM people WHERE class_id = $1 AND role = 'student') - $3))",
    )
    .bind(class30)
    .bind(other)
    .bind(CLASS)
    .execute(pool)
    .await
    .expect("trim the class of 30");
    let teacher30: String = sqlx::query_scalar(
        "SELECT username FROM people WHERE unit_id = $1 AND role = 'teacher' AND username != $2 \
         ORDER BY id LIMIT 1",
    )
    .bind(school)
    .bind(&teacher)
    .fetch_one(pool)
    .await
    .expect("a second teacher");
    sqlx::query(
        "INSERT OR IGNORE INTO class_teachers (class_id, person_id) \
         SELECT $1, id FROM people WHERE username = $2",
    )
    .bind(class30)
    .bind(&teacher30)
    .execute(pool)
    .await
    .expect("the class of 30's teacher");
    let (students30, assigned30, attempts30): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), (SELECT count(*) FROM assignments WHERE class_id = $1), \
         (SELECT count(*) FROM attempts t JOIN people q ON q.id = t.person_id WHERE q.class_id = $1) \
         FROM people WHERE class_id = $1 AND role = 'student'",
    )
    .bind(class30)
    .fetch_one(pool)
    .await
    .expect("count");
    println!("class of {CLASS}: {students30} students, {assigned30} modules assigned, {attempts30} attempts");
    let (students, attempts): (i64, i64) = sqlx::query_as(
        "SELECT count(*), (SELECT count(*) FROM attempts t JOIN people q ON q.id = t.person_id \
         WHERE q.class_id = $1) FROM people WHERE class_id = $1 AND role = 'student'",
    )
    .bind(big)
    .fetch_one(pool)
    .await
    .expect("count");
    println!("class: {students} students, {ASSIGNED} modules assigned, {attempts} attempts");
    let on_postgres = std::env::var_os("SAFESTEPS_BENCH_POSTGRES").is_some();
    let url = match support::postgres() {
        None => url,
        Some(target) => {
            let postgres = store::open(&target).await.expect("open PostgreSQL");
            let started = Instant::now();
            let copied = store::copy::sqlite_to_postgres(&db, &postgres, &mut |_| {})
                .await
                .expect("copy into PostgreSQL (it must be empty)");
            let rows: u64 = copied.iter().map(|t| t.rows).sum();
            println!(
                "on PostgreSQL: copied in {:.1} s ({rows} rows, verified)",
                started.elapsed().as_secs_f64()
            );
            postgres.close().await;
            target
        }
    };
    db.close().await;

    let server = support::Server::start(&url, &["--content", &content_arg]);
    let (client, _) = signed_in(&server.base, &teacher).await;
    sequential(
        &client,
        &server.base,
        "class page, 45 students x 20 modules",
        &format!("/classes/{big}"),
    )
    .await;
    let (client30, cookie30) = signed_in(&server.base, &teacher30).await;
    sequential(
        &client30,
        &server.base,
        "class page, 30 students x 3 modules, one at a time",
        &format!("/classes/{class30}"),
    )
    .await;
    // The goal: 3,000 requests a second or more.
    under_wrk(
        &server,
        on_postgres,
        &cookie30,
        None,
        &format!("/classes/{class30}"),
        "class page, 30 students x 3 modules",
    );
    // The same as a browser asks for it: compressed (brotli).
    under_wrk(
        &server,
        on_postgres,
        &cookie30,
        Some("gzip, deflate, br"),
        &format!("/classes/{class30}"),
        "the same, compressed (Accept-Encoding: gzip, deflate, br)",
    );
    // Where a page's time goes, on the same server and the same session: the floor of any
    // signed-in page (a small one: session, layout, transport), the same class's students with
    // their secrets (the cards page), and the class's progress and question insight without any
    // HTML (the server function behind the page's tables, as JSON).
    for (path, name) in [
        (
            "/privacy".to_owned(),
            "floor: a small signed-in page (8 KB)",
        ),
        (
            format!("/classes/{class30}/cards"),
            "the class's students and secrets (cards page)",
        ),
        (
            format!("/api/assignments/class?id={class30}&lang=Vi"),
            "the class's progress and insight, as data (JSON)",
        ),
    ] {
        under_wrk(&server, on_postgres, &cookie30, None, &path, name);
    }
    let (manager, _) = signed_in(&server.base, &head).await;
    sequential(
        &manager,
        &server.base,
        "school view, 2,000 students",
        "/school",
    )
    .await;
    println!(
        "{:<52} {:.0} MB",
        "server peak resident memory",
        server.peak_memory_mb()
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&scratch);
}
