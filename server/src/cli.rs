//! The command line: `safesteps [serve]` and, as they come, the other tools.

use crate::http;
use clap::{Args, Parser, Subcommand};
use safesteps_app::catalog::{self, Catalog, Severity};
use safesteps_app::domain::org;
use safesteps_app::import;
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
    /// Import data from CSV files (the whole file is checked first; nothing is imported
    /// unless every row is valid, and importing the same file again changes nothing).
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Organisation units: a CSV with the header `code,parent_code,kind,name`.
    Units {
        file: PathBuf,
        #[arg(
            long,
            env = "DATABASE_URL",
            default_value = "sqlite://data/safesteps.db"
        )]
        database_url: String,
    },
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
    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} has {count} bad row(s); nothing was imported")]
    BadRows { path: PathBuf, count: usize },
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
            Some(Command::Import(ImportCommand::Units { file, database_url })) => {
                import_units(&file, &database_url).await
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

async fn import_units(path: &Path, database_url: &str) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    let db = store::open(database_url).await?;
    let problems = match import::units_csv(&text) {
        Ok(rows) => {
            let existing = store::org::codes_with_parents(&db).await?;
            let problems = org::check_units(&rows, &existing);
            if problems.is_empty() {
                let summary = store::org::import(&db, &rows).await?;
                println!(
                    "{}: rows {}; added {}, updated {}, unchanged {}",
                    path.display(),
                    rows.len(),
                    summary.added,
                    summary.updated,
                    summary.unchanged
                );
                return Ok(());
            }
            problems
        }
        Err(problems) => problems,
    };
    for problem in &problems {
        eprintln!("{}: {problem}", path.display());
    }
    Err(CliError::BadRows {
        path: path.to_owned(),
        count: problems.len(),
    })
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
