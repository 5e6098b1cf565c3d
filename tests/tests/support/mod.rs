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
        "{} does not exist: run `cargo leptos build --release` first (scripts/test does)",
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
        let (child, base, printed) = spawn(&dir, "127.0.0.1:0", &args);
        TestServer {
            base,
            printed,
            child,
            dir,
            args,
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
        let (child, base, printed) = spawn(&self.dir, &addr, &self.args);
        assert_eq!(base, self.base, "restarted on the same address");
        self.child = child;
        self.printed = printed;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's SQLite database URL (tests may look inside, or age a session).
    pub fn database_url(&self) -> String {
        format!("sqlite://{}/test.db", self.dir.display())
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

/// Starts the binary on `addr` with the database in `dir`; returns it with the address it
/// reported and what it printed before.
fn spawn(dir: &std::path::Path, addr: &str, extra_args: &[String]) -> (Child, String, Vec<String>) {
    let database = format!("sqlite://{}/test.db", dir.display());
    let mut child = Command::new(binary())
        .current_dir(repo_root())
        .args(["serve", "--addr", addr, "--database-url", &database])
        .args(extra_args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start safesteps");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut printed = Vec::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("SafeSteps is running at ") {
                let _ = tx.send((url.trim().to_owned(), std::mem::take(&mut printed)));
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

/// A client that follows no redirects and decompresses nothing, so tests see both as sent
/// (even when another workspace member turns on reqwest's gzip feature).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_gzip()
        .build()
        .expect("client")
}
