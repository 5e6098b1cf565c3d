//! `safesteps`: the SafeSteps server and its command-line tools.

mod accounts;
mod assignments;
mod cli;
mod coverage;
mod download;
mod extract;
mod guard;
mod http;
mod learning;
mod sign_in;
mod state;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc for Rust's allocations: rendering a page is thousands of small allocations, and
/// with glibc's malloc they were a fifth of the server's time under load (perf, the class
/// page at 16 connections).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc gives freed memory back to the system a second after (its `purge_delay`); the
/// 19 MiB argon2id block of every sign-in was kept that long, and a lab's sign-ins, one after
/// another, held the server at 129 MB instead of 78. 10 ms instead: given back at once (no
/// delay at all) cost pages their memory over and over under load — freed, given back, then
/// faulted in again and zeroed, often as a 2 MiB huge page, with every core's TLB flushed — a
/// tenth of a class page's processor time on the province's database; the lab's peak is the
/// same with 10 ms as with none (96 and 98 MB). (Only SQLite's own allocations still go to
/// glibc's malloc; argon2id's blocks, like every Rust allocation, come from mimalloc.)
fn purge_soon() {
    // `mi_option_purge_delay`: its place in mimalloc's `mi_option_e` (the version in
    // Cargo.lock, v3); the Rust bindings do not name it. Checked against its documented
    // default (1000 ms) before it is changed, so another version, or a value set in the
    // environment (`MIMALLOC_PURGE_DELAY`), is left as it is.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: reading and setting an allocator option, first thing in `main`, before any
    // other thread exists.
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY) == 1000 {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 10);
        }
    }
}

fn main() -> ExitCode {
    purge_soon();
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("safesteps: cannot start the runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_target(false)
        .init();

    let cli = cli::Cli::parse();
    match cli.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("safesteps: {error}");
            ExitCode::FAILURE
        }
    }
}
