//! The command line: `safesteps [serve]` and, as they come, the other tools.

use crate::http;
use clap::{Args, Parser, Subcommand};
use safesteps_app::catalog::{self, Catalog, Severity};
use safesteps_app::store::{self, StoreError};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(
    name = "safesteps",
    version,
    about = "SafeSteps (Bước An Toàn): child-safety training"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Options for `serve`, which runs when no subcommand is given.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve(ServeArgs),
    /// Work with the content catalogue.
    #[command(subcommand)]
    Content(ContentCommand),
}

#[derive(Debug, Subcommand)]
enum ContentCommand {
    /// Check the content folder: prints one line per problem (`path:line: what is wrong`)
    /// and exits non-zero when any is an error.
    Check {
        /// The content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SAFESTEPS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Database URL; a SQLite file is created on first run.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/safesteps.db"
    )]
    pub database_url: String,
    /// The content folder (modules and targets).
    #[arg(long, env = "SAFESTEPS_CONTENT", default_value = "content")]
    pub content: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Http(#[from] http::ServeError),
    #[error("the content in {dir} has {count} error(s); fix them and start again")]
    Content { dir: PathBuf, count: usize },
}

impl Cli {
    pub async fn run(self) -> Result<(), CliError> {
        match self.command {
            Some(Command::Serve(args)) => serve(args).await,
            Some(Command::Content(ContentCommand::Check { dir })) => {
                let catalog = check_content(&dir)?;
                println!(
                    "{}: {} modules, {} targets, no errors",
                    dir.display(),
                    catalog.modules().len(),
                    catalog.targets().len()
                );
                Ok(())
            }
            None => serve(self.serve).await,
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), CliError> {
    let catalog = check_content(&args.content)?;
    let db = store::open(&args.database_url).await?;
    tracing::info!(database = %args.database_url, "database ready");
    http::serve(args.addr, db, Arc::new(catalog), args.content).await?;
    Ok(())
}

/// Loads and checks the content, printing every problem; an error stops here.
fn check_content(dir: &Path) -> Result<Catalog, CliError> {
    let started = Instant::now();
    let loaded = catalog::load(dir);
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(CliError::Content {
            dir: dir.to_owned(),
            count: errors,
        });
    }
    tracing::info!(
        modules = loaded.catalog.modules().len(),
        warnings = loaded.problems.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "content loaded"
    );
    Ok(loaded.catalog)
}
