//! `safesteps`: the SafeSteps server and its command-line tools.

mod accounts;
mod assignments;
mod cli;
mod coverage;
mod extract;
mod guard;
mod http;
mod learning;
mod sign_in;
mod state;

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
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
