//! Starts the real `safesteps` binary on a free port with its own database, and stops it.
#![allow(dead_code)] // each test file uses its own part of this module

pub mod web;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct TestServer {
    pub base: String,
    /// What the server printed before "running at" (the demo accounts with `--demo`).
    pub printed: Vec<String>,
    child: Child,
    dir: PathBuf,
    database: String,
    /// The arguments after the address and database, for a restart.
    args: Vec<String>,
}

/// The workspace root (the tests crate lives in `tests/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The binary under test: `SAFESTEPS_BIN`, else the release build cargo-leptos made.
pub fn binary() -> PathBuf {
    let path = std::env::var_os("SAFESTEPS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/release/safesteps"));
    assert!(
        path.exists(),
        "{} does not exist: run `scripts/build` first (scripts/test does)",
        path.display()
    );
    path
}

impl TestServer {
    pub fn start() -> TestServer {
        Self::start_with(&[])
    }

    pub fn start_with(extra_args: &[&str]) -> TestServer {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("safesteps-it-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let args: Vec<String> = extra_args.iter().map(|a| (*a).to_owned()).collect();
        let database = new_migrated_database(&dir, "test");
        let (child, base, printed) = spawn(&database, "127.0.0.1:0", &args);
        TestServer {
            base,
            printed,
            child,
            dir,
            database,
            args,
        }
    }

    /// A second server on `other`'s database (several app servers behind one load balancer).
    pub fn start_sharing(other: &TestServer) -> TestServer {
        Self::start_on(&other.database)
    }

    /// A server on an existing database (migrated already).
    pub fn start_on(database: &str) -> TestServer {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("safesteps-on-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let (child, base, printed) = spawn(database, "127.0.0.1:0", &[]);
        TestServer {
            base,
            printed,
            child,
            dir,
            database: database.to_owned(),
            args: Vec::new(),
        }
    }

    /// Kills the server with SIGKILL: no shutdown of any kind.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Kills the server with SIGKILL and starts it again on the same address and database.
    pub fn kill_and_restart(&mut self) {
        self.kill();
        let addr = self.base.trim_start_matches("http://").to_owned();
        let (child, base, printed) = spawn(&self.database, &addr, &self.args);
        assert_eq!(base, self.base, "restarted on the same address");
        self.child = child;
        self.printed = printed;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's database URL (tests may look inside, or age a session): a SQLite file, or
    /// the server's own PostgreSQL database when the run is on PostgreSQL.
    pub fn database_url(&self) -> String {
        self.database.clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to exit by itself; returns its exit code.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Starts the binary on `addr` with `database`; returns it with the address it reported and
/// what it printed before.
fn spawn(database: &str, addr: &str, extra_args: &[String]) -> (Child, String, Vec<String>) {
    let mut child = Command::new(binary())
        .current_dir(repo_root())
        .args(["serve", "--addr", addr, "--database-url", database])
        .args(extra_args)
        // `SAFESTEPS_TEST_LOG=debug` shows what the servers log while a test runs.
        .env(
            "RUST_LOG",
            std::env::var("SAFESTEPS_TEST_LOG").unwrap_or_else(|_| "warn".to_owned()),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start safesteps");
    let stdout = child.stdout.take().expect("stdout");
    let show_log = std::env::var_os("SAFESTEPS_TEST_LOG").is_some();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut printed = Vec::new();
        let mut running = false;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("SafeSteps is running at ") {
                let _ = tx.send((url.trim().to_owned(), std::mem::take(&mut printed)));
                running = true;
            } else if show_log && running {
                eprintln!("{line}");
            } else {
                printed.push(line);
            }
        }
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok((base, printed)) => (child, base, printed),
        Err(_) => {
            let _ = child.kill();
            panic!("safesteps did not report its address within 30 s");
        }
    }
}

/// The PostgreSQL server the run uses (`SAFESTEPS_TEST_POSTGRES`, a URL such as
/// `postgres://postgres@127.0.0.1:5433/postgres`; `scripts/test` starts a throw-away one and
/// runs the suite once on SQLite and once on it), or `None` for SQLite.
pub fn postgres_server() -> Option<String> {
    std::env::var("SAFESTEPS_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
}

pub fn on_postgres() -> bool {
    postgres_server().is_some()
}

/// A new, empty database for one server or command: a SQLite file `name.db` in `dir`, or on
/// PostgreSQL a new database (Vietnamese collation with punctuation ignored, as a province's
/// server may have) named after the process and a counter.
pub fn new_database(dir: &std::path::Path, name: &str) -> String {
    std::fs::create_dir_all(dir).expect("the test's folder");
    let Some(server) = postgres_server() else {
        return format!("sqlite://{}/{name}.db", dir.display());
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let database = format!("safesteps_it_{}_{n}", std::process::id());
    psql(
        &server,
        &format!(
            "CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8' \
             LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN-u-ka-shifted'"
        ),
    );
    match server.rfind('/') {
        Some(slash) if slash > "postgres://".len() => format!("{}/{database}", &server[..slash]),
        _ => format!("{server}/{database}"),
    }
}

/// [`new_database`], with its schema on PostgreSQL (where only `safesteps migrate` makes it;
/// on SQLite every command does).
pub fn new_migrated_database(dir: &std::path::Path, name: &str) -> String {
    let database = new_database(dir, name);
    if on_postgres() {
        migrate(&database);
    }
    database
}

/// Runs one SQL command with the distribution's `psql`.
pub fn psql(url: &str, sql: &str) -> String {
    let bin = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL under /usr/lib/postgresql")
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("bin/psql"))
        .filter(|path| path.exists())
        .max()
        .expect("psql");
    let out = Command::new(bin)
        .args([url, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a `safesteps` command from the repository's root (warnings logged only) to its end.
pub fn safesteps(args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .current_dir(repo_root())
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run safesteps")
}

/// `safesteps coverage check` on `database`: succeeds when the rollups equal a full recount.
pub fn coverage_check(database: &str) -> std::process::Output {
    safesteps(&["coverage", "check", "--database-url", database])
}

/// What a command printed, both streams, for an assertion's message.
pub fn said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `safesteps migrate` on `database` (what an operator runs once per deploy on PostgreSQL).
pub fn migrate(database: &str) {
    let out = safesteps(&["migrate", "--database-url", database]);
    assert!(
        out.status.success(),
        "safesteps migrate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A connection pool on a server's database, for tests that look inside or age rows. SQL
/// here must suit both databases (cast sums and flags: `CAST(x AS BIGINT)`).
pub async fn connect(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url)
        .await
        .expect("connect to the test database")
}

/// A client that follows no redirects and decompresses nothing, so tests see both as sent
/// (even when another workspace member turns on reqwest's gzip feature).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_gzip()
        .build()
        .expect("client")
}
