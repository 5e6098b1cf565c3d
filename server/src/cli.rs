//! The command line: `safesteps [serve]` and, as they come, the other tools.

use crate::{http, state};
use clap::{Args, Parser, Subcommand};
use safesteps_app::catalog::{self, Catalog, Severity};
use safesteps_app::coverage;
use safesteps_app::demo;
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
    /// Bring the database's schema up to this version (create it if the database is empty).
    /// On PostgreSQL run it once per deploy, before starting the servers: `serve` refuses a
    /// schema that is behind. On SQLite `serve` does it by itself.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Copy a SQLite database (`--database-url`) into an empty PostgreSQL database TARGET —
    /// a school joining the province's server. One transaction; each table is compared after
    /// the copy (row count and a checksum of its rows) and nothing is kept unless all match.
    /// Stop the school's server first.
    MigrateTo {
        /// The PostgreSQL database to fill (`postgres://USER@HOST/DB`); its schema is made here.
        target: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Work with the content catalogue.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Import data from CSV files (the whole file is checked first; nothing is imported
    /// unless every row is valid, and importing the same file again changes nothing).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Fill an empty database with a small demo province (communes, schools, classes,
    /// students, parents and staff of every role) and print how to sign in as each.
    Demo {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
        /// `province`: a synthetic province the size of Lai Châu (38 communes and wards, 400
        /// schools, 40 health stations, about 150,000 students, two years of learning), for
        /// load and benchmark work.
        #[arg(long, value_enum)]
        scale: Option<Scale>,
        /// The seed of the synthetic province (the same seed makes the same province).
        #[arg(long, default_value_t = 675)]
        seed: u64,
    },
    /// Coverage rollups: count them again from the people and their completions.
    #[command(subcommand)]
    Coverage(CoverageCommand),
    /// Print the access table: every route, and who may call it.
    AccessTable,
    /// Copy the database to FILE while the server runs (a consistent snapshot, flushed to disk).
    /// Restore by stopping the server and putting the copy in the database's place.
    Backup {
        /// Where to write the copy; it must not exist yet.
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Delete what is kept only for a while: unused sessions, kept quiz answers, failed
    /// sign-ins, expired reset codes, old audit rows (periods in app/src/domain/privacy.rs).
    /// A running server does this every hour by itself.
    Sweep {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Create an admin account. The password is read from standard input (one line) or from
    /// SAFESTEPS_ADMIN_PASSWORD; it must pass the password policy.
    CreateAdmin {
        /// The username to sign in with (a–z, digits, '.', '_', '-').
        #[arg(long)]
        username: String,
        /// The name shown in the interface.
        #[arg(long)]
        name: String,
        /// The admin's home unit (its code); the first top-level unit when left out.
        #[arg(long)]
        unit: Option<String>,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// A roster: classes, students and teachers, a CSV with the header
    /// `school_code,school_year,class,role,key,name,birth_year,family,secret`. New teachers'
    /// first passwords are printed once.
    Roster {
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Staff accounts by unit: a CSV with the header `unit_code,role,username,name`, the role
    /// one of school-manager, teacher, protection-officer, health-worker, police-officer,
    /// unit-manager. New accounts' first passwords are printed once; each is changed at the
    /// first sign-in. A file never moves a person or changes a role.
    Staff {
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Organisation units: a CSV with the header `code,parent_code,kind,name`. Coverage is
    /// counted again when a unit moved or changed kind.
    Units {
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Official counts (the denominators of coverage): a CSV with the header
    /// `unit_code,target,year,count,source,as_of`. Every row is checked first; a bad row
    /// stops the whole file.
    Counts {
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Scale {
    Province,
}

#[derive(Debug, Subcommand)]
enum CoverageCommand {
    /// Compare the stored rollups with a full recount; fails when they differ.
    Check {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Throw the rollups away and count them again.
    Rebuild {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
}

#[derive(Debug, Subcommand)]
enum ContentCommand {
    /// Check the content folder: prints one line per problem (`path:line: what is wrong`)
    /// and the test-wise bot's pass rates per module, and exits non-zero when any problem is an
    /// error.
    Check {
        /// The content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    /// How each question works with real learners (their first attempts): how many were asked
    /// it, the share right, discrimination, each option's share, and flags for questions almost
    /// everyone gets right, questions passers miss more than failers, and options nobody picks.
    Report {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        content: ContentArgs,
    },
}

/// Where the data is: one flag for every command that opens the database.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Database URL: `sqlite://FILE` (created on first run) or `postgres://USER@HOST/DB` (several
    /// app servers; run `safesteps migrate` first).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/safesteps.db"
    )]
    pub database_url: String,
}

/// Where the content is (modules and the plan's targets).
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder (modules and targets).
    #[arg(long, env = "SAFESTEPS_CONTENT", default_value = "content")]
    pub content: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SAFESTEPS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub content: ContentArgs,
    /// Load the demo province into an empty database and print the demo accounts.
    #[arg(long)]
    pub demo: bool,
    /// The address people use, e.g. https://safesteps.example.vn behind a TLS proxy; with
    /// https, cookies are `Secure` and `__Host-` prefixed.
    #[arg(long, env = "SAFESTEPS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// A reverse proxy in front of SafeSteps (repeat, or comma-separate, for several): from
    /// these addresses only, `X-Forwarded-For` says which client a request is from.
    #[arg(long, env = "SAFESTEPS_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<std::net::IpAddr>,
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
    #[error(transparent)]
    Synthetic(#[from] safesteps_app::synthetic::SyntheticError),
    #[error("the coverage rollups differ from a recount in {0} row(s); run `safesteps coverage rebuild`")]
    CoverageDiffers(usize),
    #[error("{path} has {count} bad row(s); nothing was imported")]
    BadRows { path: PathBuf, count: usize },
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
    #[error(transparent)]
    Copy(#[from] store::copy::CopyError),
    #[error("{0}")]
    Admin(String),
}

impl Cli {
    pub async fn run(self) -> Result<(), CliError> {
        match self.command {
            Some(Command::Serve(args)) => serve(args).await,
            Some(Command::Content(ContentCommand::Check { dir })) => {
                let catalog = check_content(&dir)?;
                check_bot(&dir, &catalog)?;
                println!(
                    "{}: {} modules, {} targets, no errors",
                    dir.display(),
                    catalog.modules().len(),
                    catalog.targets().len()
                );
                Ok(())
            }
            Some(Command::Content(ContentCommand::Report { db, content })) => {
                let catalog = check_content(&content.content)?;
                let database = store::open_existing(&db.database_url).await?;
                let report = safesteps_app::learning::item_report(&database, &catalog).await?;
                print!("{}", item_report_text(&report));
                Ok(())
            }
            Some(Command::Migrate { db }) => {
                let (database, applied) = store::migrate(&db.database_url).await?;
                database.close().await;
                println!("database schema up to date ({applied} migration(s) applied)");
                Ok(())
            }
            Some(Command::MigrateTo { target, db }) => migrate_to(&db.database_url, &target).await,
            Some(Command::Sweep { db }) => {
                let database = store::open_existing(&db.database_url).await?;
                let swept = sweep(&database).await?;
                println!(
                    "swept: {} sessions, {} kept answers, {} failed sign-ins, {} reset codes, {} audit rows",
                    swept.sessions, swept.kept_answers, swept.failures, swept.resets, swept.audit_rows
                );
                Ok(())
            }
            Some(Command::Backup { file, db }) => {
                let started = Instant::now();
                let database = store::open_existing(&db.database_url).await?;
                let bytes = store::backup(&database, &file).await?;
                println!(
                    "backup written: {} ({bytes} bytes) in {:.1} s",
                    file.display(),
                    started.elapsed().as_secs_f64()
                );
                Ok(())
            }
            Some(Command::Import(ImportCommand::Units { file, db, content })) => {
                import_units(&file, &db.database_url, &content.content).await
            }
            Some(Command::Import(ImportCommand::Counts { file, db, content })) => {
                import_counts(&file, &db.database_url, &content.content).await
            }
            Some(Command::Import(ImportCommand::Staff { file, db, content })) => {
                import_staff(&file, &db.database_url, &content.content).await
            }
            Some(Command::Import(ImportCommand::Roster { file, db, content })) => {
                import_roster(&file, &db.database_url, &content.content).await
            }
            Some(Command::Coverage(CoverageCommand::Check { db, content })) => {
                let catalog = check_content(&content.content)?;
                let db = store::open(&db.database_url).await?;
                let rules = coverage::rules(&catalog);
                let stored = safesteps_app::store::coverage::stored_rollups(&db).await?;
                let counted = coverage::recount(&db, &rules, coverage::this_year())
                    .await?
                    .without_zeros();
                // Every key of either side whose values differ, printed (the first 20) so
                // that a difference can be traced.
                let mut differences = 0;
                let keys: std::collections::BTreeSet<_> = stored
                    .population
                    .keys()
                    .chain(counted.population.keys())
                    .collect();
                for key in keys {
                    let (s, c) = (stored.population.get(key), counted.population.get(key));
                    if s != c {
                        differences += 1;
                        if differences <= 20 {
                            eprintln!(
                                "registered: unit {} target {}: stored {s:?}, counted {c:?}",
                                key.0, key.1
                            );
                        }
                    }
                }
                let keys: std::collections::BTreeSet<_> = stored
                    .reached
                    .keys()
                    .chain(counted.reached.keys())
                    .collect();
                for key in keys {
                    let (s, c) = (stored.reached.get(key), counted.reached.get(key));
                    if s != c {
                        differences += 1;
                        if differences <= 20 {
                            eprintln!(
                                "reached (people, institutions): unit {} target {} month {}: stored {s:?}, counted {c:?}",
                                key.0, key.1, key.2
                            );
                        }
                    }
                }
                if differences > 0 {
                    return Err(CliError::CoverageDiffers(differences));
                }
                println!(
                    "coverage rollups match a recount ({} population rows, {} reached rows)",
                    stored.population.len(),
                    stored.reached.len()
                );
                Ok(())
            }
            Some(Command::Coverage(CoverageCommand::Rebuild { db, content })) => {
                let catalog = check_content(&content.content)?;
                let db = store::open(&db.database_url).await?;
                let started = Instant::now();
                let subjects =
                    coverage::rebuild(&db, &coverage::rules(&catalog), coverage::this_year())
                        .await?;
                println!(
                    "coverage rebuilt: {subjects} subjects in {} ms",
                    started.elapsed().as_millis()
                );
                Ok(())
            }
            Some(Command::Demo {
                db,
                content,
                scale: Some(Scale::Province),
                seed,
            }) => synthetic_province(&db.database_url, &content.content, seed).await,
            Some(Command::Demo {
                db,
                content,
                scale: None,
                ..
            }) => {
                let catalog = check_content(&content.content)?;
                let db = store::open(&db.database_url).await?;
                let loaded = demo::load(&db, &catalog, &content.content).await?;
                coverage::rebuild(&db, &coverage::rules(&catalog), coverage::this_year()).await?;
                println!(
                    "{}",
                    if loaded {
                        "Demo loaded."
                    } else {
                        "The demo was already loaded."
                    }
                );
                print!(
                    "{}",
                    demo::sign_in_guide(&db, "http://127.0.0.1:3000").await?
                );
                Ok(())
            }
            Some(Command::CreateAdmin {
                username,
                name,
                unit,
                db,
            }) => create_admin(&username, &name, unit.as_deref(), &db.database_url).await,
            Some(Command::AccessTable) => {
                use safesteps_app::domain::access::{Access, ACCESS};
                for rule in ACCESS {
                    let access = match rule.access {
                        Access::Anyone => "anyone".to_owned(),
                        Access::SignedIn => "signed-in".to_owned(),
                        Access::Roles(roles) => format!(
                            "roles:{}",
                            roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
                        ),
                    };
                    println!("{}\t{}\t{access}", rule.method, rule.path);
                }
                Ok(())
            }
            None => serve(self.serve).await,
        }
    }
}

async fn migrate_to(source: &str, target: &str) -> Result<(), CliError> {
    use store::copy::{self, CopyError};
    if store::Dialect::of(source)? != store::Dialect::Sqlite {
        return Err(CopyError::SourceNotSqlite.into());
    }
    if store::Dialect::of(target)? != store::Dialect::Postgres {
        return Err(CopyError::TargetNotPostgres.into());
    }
    let started = Instant::now();
    let from = store::open_existing(source).await?;
    let (to, _) = store::migrate(target).await?;
    println!("{:<22} {:>10}  checksum", "table", "rows");
    let copied = copy::sqlite_to_postgres(&from, &to, &mut |table| {
        println!("{:<22} {:>10}  {}", table.table, table.rows, table.checksum);
    })
    .await?;
    let rows: u64 = copied.iter().map(|t| t.rows).sum();
    println!(
        "copied and verified {} tables, {rows} rows, in {:.1} s; start the servers with --database-url {}",
        copied.len(),
        started.elapsed().as_secs_f64(),
        store::redacted(target)
    );
    Ok(())
}

async fn serve(args: ServeArgs) -> Result<(), CliError> {
    let catalog = check_content(&args.content.content)?;
    let db = store::open(&args.db.database_url).await?;
    tracing::info!(database = ?db.dialect(), "database ready");
    let guide = if args.demo {
        if demo::load(&db, &catalog, &args.content.content).await? {
            coverage::rebuild(&db, &coverage::rules(&catalog), coverage::this_year()).await?;
        }
        Some(demo::sign_in_guide(&db, "{base}").await?)
    } else {
        None
    };
    // The coverage rollups follow the targets and the year: rebuilt when either changed.
    let started = Instant::now();
    if coverage::ensure_current(&db, &coverage::rules(&catalog), coverage::this_year()).await? {
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "coverage rebuilt"
        );
    }
    let cookies = state::Cookies {
        secure: args
            .public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://")),
    };
    let public_url = args.public_url.clone();
    let on_start = move |local: &str| {
        if let Some(guide) = guide {
            print!(
                "{}",
                guide.replace("{base}", public_url.as_deref().unwrap_or(local))
            );
        }
    };
    let site = state::Site {
        cookies,
        url: args.public_url.clone(),
        trusted_proxies: args
            .trusted_proxy
            .iter()
            .map(|ip| ip.to_canonical())
            .collect(),
    };
    // The retention sweep, every hour while the server runs.
    let swept_db = db.clone();
    tokio::spawn(async move {
        let every = std::time::Duration::from_secs(
            safesteps_app::domain::privacy::SWEEP_EVERY.unsigned_abs(),
        );
        loop {
            if let Err(error) = sweep(&swept_db).await {
                tracing::error!(%error, "the retention sweep failed");
            }
            tokio::time::sleep(every).await;
        }
    });
    http::serve(
        args.addr,
        db,
        Arc::new(catalog),
        args.content.content,
        site,
        on_start,
    )
    .await?;
    Ok(())
}

/// One retention sweep, logged.
async fn sweep(db: &store::Db) -> Result<store::privacy::Swept, CliError> {
    let now = safesteps_app::auth::now();
    let swept = store::privacy::sweep(db, &safesteps_app::domain::privacy::cutoffs(now)).await?;
    tracing::info!(
        sessions = swept.sessions,
        kept_answers = swept.kept_answers,
        failures = swept.failures,
        resets = swept.resets,
        audit_rows = swept.audit_rows,
        "retention sweep"
    );
    Ok(swept)
}

async fn create_admin(
    username: &str,
    name: &str,
    unit: Option<&str>,
    database_url: &str,
) -> Result<(), CliError> {
    use safesteps_app::domain::{
        password,
        person::{Role, Username},
    };
    use safesteps_app::store::people::{self, NewAccount};
    let username = Username::parse(username).map_err(|e| CliError::Admin(e.to_string()))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(CliError::Admin("--name is empty".into()));
    }
    let db = store::open(database_url).await?;
    let unit_id = match unit {
        Some(code) => store::org::by_code(&db, code)
            .await?
            .map(|u| u.id)
            .ok_or_else(|| CliError::Admin(format!("no unit has the code {code:?}")))?,
        None => people::root_unit(&db).await?.ok_or_else(|| {
            CliError::Admin(
                "there are no organisation units yet: run `safesteps import units FILE.csv` first"
                    .into(),
            )
        })?,
    };
    if people::username_taken(&db, &username).await? {
        return Err(CliError::Admin(format!(
            "the username {} is taken",
            username.as_str()
        )));
    }
    let password = match std::env::var("SAFESTEPS_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() {
                eprint!(
                    "Password for {} (at least 15 characters; it will show as you type): ",
                    username.as_str()
                );
            }
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| CliError::Admin(format!("cannot read the password: {e}")))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    password::check(&password, &[name, username.as_str()])
        .map_err(|problem| CliError::Admin(format!("password refused: {problem}")))?;
    let hash = safesteps_app::auth::hash_password(&password)
        .await
        .map_err(|e| CliError::Admin(e.to_string()))?;
    let account = NewAccount {
        role: Role::Admin,
        unit_id,
        display_name: name,
        username: Some(&username),
        phone: None,
        password_hash: &hash,
        household_id: None,
        consent_version: None,
    };
    let id = people::create_account(&db, &account, safesteps_app::auth::now()).await?;
    println!("admin {} created (person {id})", username.as_str());
    Ok(())
}

async fn import_units(path: &Path, database_url: &str, content: &Path) -> Result<(), CliError> {
    let text = read_file(path)?;
    let catalog = check_content(content)?;
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
                if summary.updated > 0 {
                    // A unit that moved takes its people's coverage to new ancestors.
                    let rules = coverage::rules(&catalog);
                    coverage::rebuild(&db, &rules, coverage::this_year()).await?;
                    println!("coverage counted again");
                }
                return Ok(());
            }
            problems
        }
        Err(problems) => problems,
    };
    Err(bad_rows(path, &problems))
}

/// A progress bar on standard error when it is a terminal, none otherwise (logs and pipes
/// stay quiet). `step` is what long commands call as they go: (what, done, of).
fn progress_bar() -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

/// Moves `bar` to a step of the work.
fn step(bar: &indicatif::ProgressBar, what: &'static str, done: u64, of: u64) {
    bar.set_length(of);
    bar.set_position(done);
    bar.set_message(what);
}

/// `safesteps demo --scale province`, with a progress bar on a terminal (none otherwise).
async fn synthetic_province(database_url: &str, content: &Path, seed: u64) -> Result<(), CliError> {
    use safesteps_app::synthetic;
    let catalog = check_content(content)?;
    let db = store::open(database_url).await?;
    let started = Instant::now();
    let bar = progress_bar();
    let made = synthetic::province(
        &db,
        &catalog,
        seed,
        safesteps_app::auth::now(),
        &mut |what, done, of| step(&bar, what, done, of),
    )
    .await?;
    bar.finish_and_clear();
    println!(
        "Synthetic province made in {:.1} s: {} units, {} students, {} households, {} parents, \
         {} staff; {} lessons seen, {} attempts, {} completions.",
        started.elapsed().as_secs_f64(),
        made.units,
        made.students,
        made.households,
        made.parents,
        made.staff,
        made.lesson_views,
        made.attempts,
        made.completions
    );
    println!(
        "Sign in as {} (the province) or {} (a ward), password \"{}\".",
        synthetic::PROVINCE_MANAGER,
        synthetic::commune_manager(1),
        demo::DEMO_PASSWORD
    );
    Ok(())
}

async fn import_counts(path: &Path, database_url: &str, content: &Path) -> Result<(), CliError> {
    let text = read_file(path)?;
    let catalog = check_content(content)?;
    let targets: Vec<String> = catalog.targets().iter().map(|t| t.id.clone()).collect();
    let db = store::open(database_url).await?;
    let bar = progress_bar();
    let imported = import::counts(&db, &text, None, &targets, &mut |what, done, of| {
        step(&bar, what, done, of)
    })
    .await;
    bar.finish_and_clear();
    match imported {
        Ok(summary) => {
            println!(
                "{}: rows {}; added {}, updated {}, unchanged {}",
                path.display(),
                summary.rows,
                summary.added,
                summary.updated,
                summary.unchanged
            );
            Ok(())
        }
        Err(import::CountsError::Rows(problems)) => Err(bad_rows(path, &problems)),
        Err(import::CountsError::Store(error)) => Err(error.into()),
    }
}

async fn import_roster(path: &Path, database_url: &str, content: &Path) -> Result<(), CliError> {
    let text = read_file(path)?;
    let catalog = check_content(content)?;
    let db = store::open(database_url).await?;
    let bar = progress_bar();
    let rules = coverage::rules(&catalog);
    let imported = import::roster(&db, &text, None, &rules, &mut |what, done, of| {
        step(&bar, what, done, of)
    })
    .await;
    bar.finish_and_clear();
    match imported {
        Ok(report) => {
            let (s, t) = (report.summary.students, report.summary.teachers);
            println!(
                "{}: rows {}; classes added {}; students added {}, updated {}, unchanged {}; \
                 teachers added {}, updated {}, unchanged {}",
                path.display(),
                report.rows,
                report.summary.classes_added,
                s.added,
                s.updated,
                s.unchanged,
                t.added,
                t.updated,
                t.unchanged
            );
            for (username, password) in &report.new_teachers {
                println!("new teacher {username}: first password {password}");
            }
            Ok(())
        }
        Err(import::RosterError::Rows(problems)) => Err(bad_rows(path, &problems)),
        Err(error) => Err(CliError::Admin(error.to_string())),
    }
}

async fn import_staff(path: &Path, database_url: &str, content: &Path) -> Result<(), CliError> {
    let text = read_file(path)?;
    let catalog = check_content(content)?;
    let db = store::open(database_url).await?;
    let rules = coverage::rules(&catalog);
    match import::staff(&db, &text, None, &rules).await {
        Ok(report) => {
            let s = report.summary;
            println!(
                "{}: rows {}; accounts added {}, updated {}, unchanged {}",
                path.display(),
                report.rows,
                s.added,
                s.updated,
                s.unchanged
            );
            for (username, role, password) in &report.new_accounts {
                println!("new {role} {username}: first password {password}");
            }
            Ok(())
        }
        Err(import::StaffError::Rows(problems)) => Err(bad_rows(path, &problems)),
        Err(error) => Err(CliError::Admin(error.to_string())),
    }
}

/// An import file's text.
fn read_file(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::ReadFile {
        path: path.to_owned(),
        source,
    })
}

/// Prints every bad row of an import file (`file: row N: what`) and the error that stops.
fn bad_rows(path: &Path, problems: &[impl std::fmt::Display]) -> CliError {
    for problem in problems {
        eprintln!("{}: {problem}", path.display());
    }
    CliError::BadRows {
        path: path.to_owned(),
        count: problems.len(),
    }
}

/// The item report as text: per module, one line per question.
fn item_report_text(report: &[(String, Vec<safesteps_app::domain::items::ItemRow>)]) -> String {
    use safesteps_app::domain::items::Flag;
    use std::fmt::Write;
    let mut out = String::new();
    for (module, rows) in report {
        let _ = writeln!(out, "{module}");
        for row in rows {
            let _ = match &row.figures {
                None if row.asked == 0 => writeln!(out, "  {:<28} not asked yet", row.question),
                None => writeln!(
                    out,
                    "  {:<28} asked {:>5}  (fewer than 5 children: no figures)",
                    row.question, row.asked
                ),
                Some(f) => {
                    let options: Vec<String> = f
                        .options
                        .iter()
                        .map(|(o, share)| format!("{o} {share:.0}%"))
                        .collect();
                    let flags: Vec<&str> = f
                        .flags
                        .iter()
                        .map(|flag| match flag {
                            Flag::AlmostAllRight => "almost all right",
                            Flag::PassersMissIt => "passers miss it more",
                            Flag::UnpickedOption => "an option nobody picks",
                        })
                        .collect();
                    writeln!(
                        out,
                        "  {:<28} asked {:>5}  right {:>5.1}%  discrimination {:>6}  options: {}{}",
                        row.question,
                        row.asked,
                        f.right,
                        f.discrimination
                            .map_or("—".to_owned(), |d| format!("{d:+.0}")),
                        options.join(", "),
                        match flags.is_empty() {
                            true => String::new(),
                            false => format!("  FLAG: {}", flags.join("; ")),
                        }
                    )
                }
            };
        }
    }
    out
}

/// Runs the test-wise bot on every module and prints its pass rates; a module written as a bank
/// that a strategy passes more often than the limit is an error, any other a warning.
fn check_bot(dir: &Path, catalog: &Catalog) -> Result<(), CliError> {
    let rows = catalog::bot_report(catalog);
    println!(
        "test-wise bot: % of {} attempts passed per strategy (limit {}%)",
        catalog::BOT_DRAWS,
        catalog::BOT_PASS_LIMIT
    );
    let names: Vec<&str> = catalog::Strategy::ALL.iter().map(|s| s.name()).collect();
    println!("{:<36} {:<4} {}", "module", "lang", names.join(" | "));
    let mut errors = 0;
    for row in &rows {
        let rates: Vec<String> = row
            .rates
            .iter()
            .map(|(s, rate)| format!("{rate:>width$.1}", width = s.name().len()))
            .collect();
        println!(
            "{:<36} {:<4} {}{}",
            row.module,
            row.lang.code(),
            rates.join(" | "),
            if row.bank { "" } else { "  (not a bank yet)" }
        );
        let over = row.over_limit();
        if !over.is_empty() {
            let what: Vec<String> = over
                .iter()
                .map(|(s, rate)| format!("{} {rate:.1}%", s.name()))
                .collect();
            let path = dir.join("modules").join(&row.module).join("module.toml");
            let level = if row.bank { "" } else { "warning: " };
            eprintln!(
                "{}:1: {level}a learner who never read the lessons passes the {} quiz too often: {}",
                path.display(),
                row.lang.code(),
                what.join(", ")
            );
            errors += usize::from(row.bank);
        }
    }
    if errors > 0 {
        return Err(CliError::Content {
            dir: dir.to_owned(),
            count: errors,
        });
    }
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
