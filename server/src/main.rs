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

/// glibc raises its mmap threshold (up to 32 MiB) after the first large block is freed; from
/// then on argon2id's 19 MiB blocks come from the heaps of many arenas and are kept there, so
/// a burst of sign-ins left the server at its peak (2 GB). A fixed threshold keeps large
/// blocks mapped on their own: freed, they go back to the system at once. (Measured: trimming
/// the heaps instead keeps the throughput but not the peak.)
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_large_blocks_back() {
    // SAFETY: mallopt only changes a tuning parameter of the allocator; it is called first
    // thing in `main`, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_large_blocks_back() {}

fn main() -> ExitCode {
    give_large_blocks_back();
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
