//! What the HTTP benchmarks share: the release binary started on a free loopback port, the
//! CSRF field of a page, and a staff sign-in. Each bench compiles this module on its own and
//! uses part of it, so the parts another bench uses are not dead code.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The repository's root (the server runs there, next to `content/` and `target/site`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The release binary: `SAFESTEPS_BIN`, else `target/release/safesteps`.
pub fn binary() -> PathBuf {
    std::env::var_os("SAFESTEPS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/release/safesteps"))
}

/// `SAFESTEPS_BENCH_POSTGRES`: the URL of an empty PostgreSQL database to run a benchmark on
/// instead of a SQLite file (its schema is made with `safesteps migrate`, as a deploy does).
pub fn postgres() -> Option<String> {
    let url = std::env::var("SAFESTEPS_BENCH_POSTGRES").ok()?;
    let out = Command::new(binary())
        .current_dir(root())
        .args(["migrate", "--database-url", &url])
        .output()
        .expect("run safesteps migrate");
    assert!(
        out.status.success(),
        "safesteps migrate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(url)
}

/// A running server and the address it reported; killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    /// Starts `safesteps serve` on a free loopback port with `database_url` and `extra` args.
    pub fn start(database_url: &str, extra: &[&str]) -> Server {
        let binary = binary();
        assert!(
            binary.exists(),
            "build the release binary first: scripts/build"
        );
        let mut child = Command::new(binary)
            .current_dir(root())
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database-url",
                database_url,
            ])
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start safesteps");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
        let base = lines
            .find_map(|line| {
                line.strip_prefix("SafeSteps is running at ")
                    .map(|b| b.trim().to_owned())
            })
            .expect("the server did not start");
        // Keep reading what it prints so it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, base }
    }

    /// The processor time the server has used so far (user and system, all its threads), in
    /// seconds: steadier than requests a second on a shared machine, whose speed varies from
    /// run to run. `/proc/PID/stat` counts it in ticks of 1/100 s (Linux's `USER_HZ`).
    pub fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command name (which is in parentheses and may hold spaces):
        // utime and stime are the 14th and 15th of the whole line.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (ticks(11) + ticks(12)) / 100.0
    }

    /// The most resident memory the server has used so far (`VmHWM`), in MB.
    pub fn peak_memory_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The value of the form field `name` on a page (a CSRF token, a submission key).
pub fn field(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    Some(page[start..start + page[start..].find('"')?].to_owned())
}

/// Runs a benchmark's async main on a multi-threaded runtime.
pub fn block_on<F: std::future::Future>(main: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(main)
}

/// The text of the page at `url`.
pub async fn page(client: &reqwest::Client, url: &str) -> String {
    client
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"))
        .text()
        .await
        .expect("text")
}

/// Signs a staff member of the demo in on `client` (which keeps cookies).
pub async fn sign_in_staff(client: &reqwest::Client, base: &str, username: &str, password: &str) {
    let page = page(client, &format!("{base}/sign-in")).await;
    let csrf = field(&page, "csrf").expect("a CSRF field");
    let signed = client
        .post(format!("{base}/sign-in"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "staff"),
            ("username", username),
            ("password", password),
        ])
        .send()
        .await
        .expect("sign in");
    assert!(
        signed.status().is_redirection() || signed.status().is_success(),
        "{username} signs in: {}",
        signed.status()
    );
}

/// Times `url` one request at a time on `client` after `warm_up` untimed ones; each answer
/// must be 200. The times and the size of the last body.
#[allow(dead_code)] // the lab bench times its steps through Goose
pub async fn time_page(
    client: &reqwest::Client,
    url: &str,
    warm_up: usize,
    runs: usize,
) -> (Vec<std::time::Duration>, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for run in 0..warm_up + runs {
        let started = std::time::Instant::now();
        let response = client.get(url).send().await.expect("the page");
        assert_eq!(response.status(), reqwest::StatusCode::OK, "{url}");
        bytes = response.bytes().await.expect("body").len();
        if run >= warm_up {
            times.push(started.elapsed());
        }
    }
    (times, bytes)
}
