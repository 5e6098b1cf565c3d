//! The command line: `safesteps [serve]` and, as they come, the other tools.

use crate::http;
use clap::{Args, Parser, Subcommand};
use safesteps_app::catalog::{self, Catalog, Severity};
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
        #[arg(
            long,
            env = "DATABASE_URL",
            default_value = "sqlite://data/safesteps.db"
        )]
        database_url: String,
        #[arg(long, env = "SAFESTEPS_CONTENT", default_value = "content")]
        content: PathBuf,
    },
    /// Print the access table: every route, and who may call it.
    AccessTable,
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
        #[arg(
            long,
            env = "DATABASE_URL",
            default_value = "sqlite://data/safesteps.db"
        )]
        database_url: String,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// A roster: classes, students and teachers, a CSV with the header
    /// `school_code,school_year,class,role,key,name,birth_year,family,secret`. New teachers'
    /// first passwords are printed once.
    Roster {
        file: PathBuf,
        #[arg(
            long,
            env = "DATABASE_URL",
            default_value = "sqlite://data/safesteps.db"
        )]
        database_url: String,
    },
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
    /// Load the demo province into an empty database and print the demo accounts.
    #[arg(long)]
    pub demo: bool,
    /// The address people use, e.g. https://safesteps.example.vn behind a TLS proxy; with
    /// https, cookies are `Secure` and `__Host-` prefixed.
    #[arg(long, env = "SAFESTEPS_PUBLIC_URL")]
    pub public_url: Option<String>,
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
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
    #[error("{0}")]
    Admin(String),
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
            Some(Command::Import(ImportCommand::Roster { file, database_url })) => {
                import_roster(&file, &database_url).await
            }
            Some(Command::Demo {
                database_url,
                content,
            }) => {
                let db = store::open(&database_url).await?;
                let loaded = demo::load(&db, &content).await?;
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
                database_url,
            }) => create_admin(&username, &name, unit.as_deref(), &database_url).await,
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

async fn serve(args: ServeArgs) -> Result<(), CliError> {
    let catalog = check_content(&args.content)?;
    let db = store::open(&args.database_url).await?;
    tracing::info!(database = %args.database_url, "database ready");
    let guide = if args.demo {
        demo::load(&db, &args.content).await?;
        Some(demo::sign_in_guide(&db, "{base}").await?)
    } else {
        None
    };
    let cookies = http::Cookies {
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
    let site = http::Site {
        cookies,
        url: args.public_url.clone(),
    };
    http::serve(
        args.addr,
        db,
        Arc::new(catalog),
        args.content,
        site,
        on_start,
    )
    .await?;
    Ok(())
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
    };
    let id = people::create_account(&db, &account, safesteps_app::auth::now()).await?;
    println!("admin {} created (person {id})", username.as_str());
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

async fn import_roster(path: &Path, database_url: &str) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    let db = store::open(database_url).await?;
    match import::roster(&db, &text, None).await {
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
        Err(import::RosterError::Rows(problems)) => {
            for problem in &problems {
                eprintln!("{}: {problem}", path.display());
            }
            Err(CliError::BadRows {
                path: path.to_owned(),
                count: problems.len(),
            })
        }
        Err(error) => Err(CliError::Admin(error.to_string())),
    }
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
