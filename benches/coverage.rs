//! The coverage dashboard at province scale: generates the synthetic province
//! (`safesteps demo --scale province`) into a fresh database, then times, warm,
//!
//! - the report the dashboard renders (`coverage::report` and its tables), in process, and
//! - the dashboard page itself over HTTP, from the release binary (`target/release/safesteps`,
//!   or `SAFESTEPS_BIN`), signed in as the province's manager and as a commune's —
//!
//! for the province and for one commune, printing p50 and p99, the time to generate, and the
//! database's size. Run: `cargo bench -p safesteps-benches --bench coverage`. Set
//! `SAFESTEPS_BENCH_DB=/path/province.db` to keep (and reuse) the database between runs.
//! `SAFESTEPS_BENCH_POSTGRES=URL` (an empty PostgreSQL database) times the same on PostgreSQL:
//! the province is generated into SQLite as above, then copied in by `safesteps migrate-to`'s
//! code (timed too).

mod support;

use safesteps_app::catalog;
use safesteps_app::coverage;
use safesteps_app::i18n::Lang;
use safesteps_app::store::{self, coverage as rollups};
use safesteps_app::synthetic;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const WARM_UP: usize = 5;
const RUNS: usize = 60;

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let index = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[index].as_secs_f64() * 1000.0
}

fn report(name: &str, times: &mut [Duration]) {
    println!(
        "{name:<44} p50 {:>6.1} ms   p99 {:>6.1} ms   ({} runs)",
        percentile(times, 0.50),
        percentile(times, 0.99),
        times.len()
    );
}

fn main() {
    support::block_on(run());
}

async fn run() {
    let content = support::root().join("content");
    let loaded = catalog::load(&content);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems.first());
    let catalog = loaded.catalog;
    let (path, keep) = match std::env::var_os("SAFESTEPS_BENCH_DB") {
        Some(path) => (PathBuf::from(path), true),
        None => (
            std::env::temp_dir().join(format!(
                "safesteps-bench-{}/province.db",
                std::process::id()
            )),
            false,
        ),
    };
    let url = format!("sqlite://{}", path.display());
    let db = store::open(&url).await.expect("open the database");
    if store::people::count(&db).await.expect("count people") == 0 {
        let started = Instant::now();
        let made = synthetic::province(
            &db,
            &catalog,
            675,
            safesteps_app::auth::now(),
            &mut |_, _, _| {},
        )
        .await
        .expect("generate the province");
        println!(
            "generated in {:.1} s: {} students, {} households, {} parents, {} staff, {} lessons seen, {} attempts, {} completions",
            started.elapsed().as_secs_f64(),
            made.students,
            made.households,
            made.parents,
            made.staff,
            made.lesson_views,
            made.attempts,
            made.completions
        );
    }
    if let store::Db::Sqlite(pool) = &db {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await
            .expect("checkpoint");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "SQLite database: {:.0} MB ({})",
        size as f64 / 1e6,
        path.display()
    );
    let (db, url) = match support::postgres() {
        None => (db, url),
        Some(target) => {
            let postgres = store::open(&target).await.expect("open PostgreSQL");
            // A PostgreSQL database that has the province already is reused.
            if store::people::count(&postgres).await.expect("count people") == 0 {
                let started = Instant::now();
                let copied = store::copy::sqlite_to_postgres(&db, &postgres, &mut |_| {})
                    .await
                    .expect("copy the province into PostgreSQL");
                let rows: u64 = copied.iter().map(|t| t.rows).sum();
                println!(
                    "copied into PostgreSQL (migrate-to) in {:.1} s: {rows} rows, verified",
                    started.elapsed().as_secs_f64()
                );
            }
            db.close().await;
            (postgres, target)
        }
    };

    // In process: the report and its tables, as the page builds them.
    let province = rollups::unit(&db, 1)
        .await
        .expect("read")
        .expect("the province");
    let commune = rollups::children(&db, province.id)
        .await
        .expect("read")
        .into_iter()
        .next()
        .expect("a commune");
    let year = coverage::this_year();
    for (name, unit) in [
        ("report + tables, province (in process)", &province),
        ("report + tables, one commune (in process)", &commune),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        for run in 0..WARM_UP + RUNS {
            let started = Instant::now();
            let report = coverage::report(&db, &catalog, unit, year, safesteps_app::auth::now())
                .await
                .expect("report");
            let tables = coverage::tables(&report, Lang::Vi);
            std::hint::black_box(tables);
            if run >= WARM_UP {
                times.push(started.elapsed());
            }
        }
        report(name, &mut times);
    }
    db.close().await;

    // Over HTTP: the real server, signed in.
    let binary = support::binary();
    if binary.exists() {
        http(&url, commune.id).await;
    } else {
        println!(
            "(no {} — build it with `scripts/build` to time the page over HTTP)",
            binary.display()
        );
    }
    if !keep {
        let _ = std::fs::remove_dir_all(path.parent().expect("a folder"));
    }
}

async fn http(url: &str, commune: i64) {
    let server = support::Server::start(url, &[]);
    let base = server.base.clone();
    let pages = [
        (
            "dashboard page, province (HTTP)",
            synthetic::PROVINCE_MANAGER.to_owned(),
            "/coverage".to_owned(),
        ),
        (
            "dashboard page, one commune (HTTP)",
            synthetic::commune_manager(1),
            format!("/coverage/{commune}"),
        ),
    ];
    for (name, username, path) in pages {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        support::sign_in_staff(
            &client,
            &base,
            &username,
            safesteps_app::demo::DEMO_PASSWORD,
        )
        .await;
        let (mut times, bytes) =
            support::time_page(&client, &format!("{base}{path}"), WARM_UP, RUNS).await;
        report(name, &mut times);
        println!("{:<44} {} KB of HTML", "", bytes / 1024);
    }
    println!(
        "{:<44} {:.0} MB",
        "server peak resident memory",
        server.peak_memory_mb()
    );
}
