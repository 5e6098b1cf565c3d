//! Storage: the database (SQLite embedded, or PostgreSQL), its migrations and the queries, one
//! module per aggregate.
//!
//! One interface, two implementations: [`Db`] is either pool, and each query function runs
//! the same Rust and, where both dialects accept it, the same SQL against either, through
//! [`on_db!`] (the body is compiled once per database, so each keeps its own types: no
//! `sqlx::Any`). SQL is written twice only where the dialects differ, with a `match` on the
//! pool. Helpers that work inside a caller's transaction take a [`Conn`].

/// Runs `$body` with `$db` (a `&Db`) bound to the concrete pool — `&SqlitePool` or `&PgPool` —
/// under the same name: the body is compiled once for each database.
macro_rules! on_db {
    ($db:ident => $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($db) => $body,
            $crate::store::Db::Postgres($db) => $body,
        }
    };
}

/// [`on_db!`] for a [`Conn`]: binds `$conn` to `&mut SqliteConnection` or `&mut PgConnection`.
macro_rules! on_conn {
    ($conn:ident => $body:expr) => {
        match $conn {
            $crate::store::Conn::Sqlite($conn) => $body,
            $crate::store::Conn::Postgres($conn) => $body,
        }
    };
}

pub(crate) use on_db;

pub mod accounts;
pub mod assignments;
pub mod copy;
pub mod counts;
pub mod coverage;
pub mod kept;
pub mod org;
pub mod people;
pub mod privacy;
pub mod progress;
pub mod roster;
pub mod sessions;
pub mod staff;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// The database: SQLite (one machine; the default) or PostgreSQL (several app servers).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A connection (usually a transaction's) lent to a helper that works inside its caller's
/// transaction. Made with `.into()` from `&mut *tx` in either database.
pub enum Conn<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

impl<'a> From<&'a mut SqliteConnection> for Conn<'a> {
    fn from(conn: &'a mut SqliteConnection) -> Self {
        Conn::Sqlite(conn)
    }
}

impl<'a> From<&'a mut PgConnection> for Conn<'a> {
    fn from(conn: &'a mut PgConnection) -> Self {
        Conn::Postgres(conn)
    }
}

impl<'a> From<&'a mut sqlx::Transaction<'_, sqlx::Sqlite>> for Conn<'a> {
    fn from(tx: &'a mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Self {
        Conn::Sqlite(tx)
    }
}

impl<'a> From<&'a mut sqlx::Transaction<'_, sqlx::Postgres>> for Conn<'a> {
    fn from(tx: &'a mut sqlx::Transaction<'_, sqlx::Postgres>) -> Self {
        Conn::Postgres(tx)
    }
}

impl<'a> From<&'a mut sqlx::pool::PoolConnection<sqlx::Sqlite>> for Conn<'a> {
    fn from(conn: &'a mut sqlx::pool::PoolConnection<sqlx::Sqlite>) -> Self {
        Conn::Sqlite(conn)
    }
}

impl<'a> From<&'a mut sqlx::pool::PoolConnection<sqlx::Postgres>> for Conn<'a> {
    fn from(conn: &'a mut sqlx::pool::PoolConnection<sqlx::Postgres>) -> Self {
        Conn::Postgres(conn)
    }
}

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(url: &str) -> Result<Dialect, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Dialect::Postgres)
        } else {
            Err(StoreError::Unsupported(redacted(url)))
        }
    }
}

impl Db {
    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(db) => db.close().await,
            Db::Postgres(db) => db.close().await,
        }
    }

    /// One connection of the pool for several reads in a row (a page's queries). A query
    /// run on the pool takes a connection and gives it back, and sqlx tests the connection
    /// it is given back — for SQLite a round trip to the connection's thread each time;
    /// on a lease that happens once.
    pub async fn lease(&self) -> Result<Lease, StoreError> {
        Ok(match self {
            Db::Sqlite(db) => Lease::Sqlite(db.acquire().await?),
            Db::Postgres(db) => Lease::Postgres(db.acquire().await?),
        })
    }
}

/// A connection taken from the pool by [`Db::lease`]; back in the pool when dropped. Lent to
/// store functions as a [`Conn`] with `&mut lease`.
pub enum Lease {
    Sqlite(sqlx::pool::PoolConnection<sqlx::Sqlite>),
    Postgres(sqlx::pool::PoolConnection<sqlx::Postgres>),
}

impl<'a, 'b> From<&'b mut Conn<'a>> for Conn<'b> {
    /// Lends the connection on to another helper and gets it back after.
    fn from(conn: &'b mut Conn<'a>) -> Self {
        match conn {
            Conn::Sqlite(conn) => Conn::Sqlite(conn),
            Conn::Postgres(conn) => Conn::Postgres(conn),
        }
    }
}

impl<'a> From<&'a mut Lease> for Conn<'a> {
    fn from(lease: &'a mut Lease) -> Self {
        match lease {
            Lease::Sqlite(conn) => Conn::Sqlite(conn),
            Lease::Postgres(conn) => Conn::Postgres(conn),
        }
    }
}

/// The schema, one folder per database with the same versions (see `migrations/README.md`).
pub static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
pub static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL {url:?} is not valid: {source}")]
    BadUrl { url: String, source: sqlx::Error },
    #[error("database URL {0:?}: use sqlite:… or postgres://…")]
    Unsupported(String),
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot make the database {path} readable by its owner only: {source}")]
    Permissions {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {url:?}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(
        "the database schema is behind this version of SafeSteps ({missing} migration(s) to apply, \
         the newest is {latest}): run `safesteps migrate --database-url …` once, then start the servers"
    )]
    SchemaBehind { missing: usize, latest: i64 },
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("the database sent {what} that cannot be read: {source}")]
    Decode {
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("cannot write {what} for the database: {source}")]
    Encode {
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("there is no database at {0}")]
    Missing(PathBuf),
    #[error("{0} already exists; a backup never overwrites a file")]
    BackupExists(PathBuf),
    #[error("cannot write the backup {path}: {source}")]
    Backup {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`safesteps backup` copies a SQLite file; back PostgreSQL up with its own tools (pg_dump, or continuous archiving)")]
    BackupPostgres,
}

/// A database URL without its password, for messages and logs.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = url[scheme + 3..at].split(':').next().unwrap_or_default();
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Opens the database at `url`, ready for work.
///
/// SQLite (one process owns the file) is created if needed and migrated here. PostgreSQL is
/// shared by several app servers, so its schema changes only by `safesteps migrate` ([`migrate`]),
/// once per deploy: opening it checks that the schema is current and refuses otherwise.
pub async fn open(url: &str) -> Result<Db, StoreError> {
    match Dialect::of(url)? {
        Dialect::Sqlite => {
            let db = connect_sqlite(url).await?;
            SQLITE_MIGRATIONS.run(&db).await?;
            let db = Db::Sqlite(db);
            lengthen_codes(&db).await?;
            Ok(db)
        }
        Dialect::Postgres => {
            let db = connect_postgres(url).await?;
            let missing = missing_migrations(&db).await?;
            if missing > 0 {
                return Err(StoreError::SchemaBehind {
                    missing,
                    latest: POSTGRES_MIGRATIONS
                        .iter()
                        .map(|m| m.version)
                        .max()
                        .unwrap_or(0),
                });
            }
            Ok(Db::Postgres(db))
        }
    }
}

/// Applies the migrations the database lacks (`safesteps migrate`); returns how many it
/// applied. On PostgreSQL several servers may run it at once: sqlx takes an advisory lock.
pub async fn migrate(url: &str) -> Result<(Db, usize), StoreError> {
    match Dialect::of(url)? {
        Dialect::Sqlite => {
            let db = connect_sqlite(url).await?;
            let before = applied_sqlite(&db).await?;
            SQLITE_MIGRATIONS.run(&db).await?;
            let after = applied_sqlite(&db).await?;
            let db = Db::Sqlite(db);
            lengthen_codes(&db).await?;
            Ok((db, after.saturating_sub(before)))
        }
        Dialect::Postgres => {
            let db = connect_postgres(url).await?;
            let missing = missing_migrations(&db).await?;
            POSTGRES_MIGRATIONS.run(&db).await?;
            let db = Db::Postgres(db);
            lengthen_codes(&db).await?;
            Ok((db, missing))
        }
    }
}

async fn lengthen_codes(db: &Db) -> Result<(), StoreError> {
    let lengthened = roster::lengthen_class_codes(db).await?;
    if lengthened > 0 {
        tracing::warn!(
            classes = lengthened,
            "class codes were lengthened to 9 characters: teachers should print new sign-in cards"
        );
    }
    Ok(())
}

/// WAL lets readers work while one writer writes; `synchronous = FULL` makes a commit
/// durable before it returns, so an answer the user was told is saved survives a crash or
/// a power cut the next instant (NORMAL would only survive a crash of the process).
async fn connect_sqlite(url: &str) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| StoreError::BadUrl {
            url: redacted(url),
            source,
        })?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    if let Some(folder) = options
        .get_filename()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        create_folder(folder)?;
    }
    if !url.contains(":memory:") {
        owner_only(options.get_filename())?;
    }
    // Each connection to an in-memory database is a database of its own: keep one.
    let connections = if url.contains(":memory:") { 1 } else { 8 };
    // No ping before lending a connection: a file opened in this process cannot be cut off
    // the way a network connection can, and the ping is a round trip to the connection's
    // thread for every query.
    SqlitePoolOptions::new()
        .max_connections(connections)
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            url: redacted(url),
            source,
        })
}

/// Connections per app server: PostgreSQL's default limit of 100 leaves room for several
/// servers and the operator's tools.
const POSTGRES_CONNECTIONS: u32 = 16;

async fn connect_postgres(url: &str) -> Result<PgPool, StoreError> {
    let options = PgConnectOptions::from_str(url).map_err(|source| StoreError::BadUrl {
        url: redacted(url),
        source,
    })?;
    PgPoolOptions::new()
        .max_connections(POSTGRES_CONNECTIONS)
        .acquire_timeout(BUSY_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            url: redacted(url),
            source,
        })
}

async fn applied_sqlite(db: &SqlitePool) -> Result<usize, StoreError> {
    let exists: bool = sqlx::query_scalar(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(db)
    .await?;
    if !exists {
        return Ok(0);
    }
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(db)
        .await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// How many of this binary's PostgreSQL migrations the database has not applied.
async fn missing_migrations(db: &PgPool) -> Result<usize, StoreError> {
    let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(db)
        .await?;
    let applied: Vec<i64> = if exists {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(db)
            .await?
    } else {
        Vec::new()
    };
    Ok(POSTGRES_MIGRATIONS
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .count())
}

/// Opens the database at `url` only if it exists (for commands that work on a database, such
/// as a backup, where creating an empty one would hide a mistyped path).
pub async fn open_existing(url: &str) -> Result<Db, StoreError> {
    if Dialect::of(url)? == Dialect::Postgres {
        return open(url).await;
    }
    let options = SqliteConnectOptions::from_str(url).map_err(|source| StoreError::BadUrl {
        url: redacted(url),
        source,
    })?;
    let file = options.get_filename();
    if !file.exists() {
        return Err(StoreError::Missing(file.to_owned()));
    }
    open(url).await
}

/// Writes a consistent copy of the whole database to `to` while the server keeps working:
/// `VACUUM INTO` reads one snapshot (writers go on under WAL), then the file and its folder are
/// flushed to disk before this returns. `to` must not exist. Returns the copy's size in bytes.
pub async fn backup(db: &Db, to: &Path) -> Result<u64, StoreError> {
    let Db::Sqlite(db) = db else {
        return Err(StoreError::BackupPostgres);
    };
    let failed = |source: std::io::Error| StoreError::Backup {
        path: to.to_owned(),
        source,
    };
    let path = to.to_str().ok_or_else(|| {
        failed(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path is not valid UTF-8",
        ))
    })?;
    // Made empty first, readable by its owner only (it holds children's PINs and family
    // codes), and only if there is no file there: `VACUUM INTO` fills an empty file.
    match owner_only_file().create_new(true).open(to) {
        Ok(_) => {}
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(StoreError::BackupExists(to.to_owned()))
        }
        Err(error) => return Err(failed(error)),
    }
    if let Err(error) = sqlx::query("VACUUM INTO $1").bind(path).execute(db).await {
        let _ = std::fs::remove_file(to);
        return Err(error.into());
    }
    let flush = |file: &Path| std::fs::File::open(file).and_then(|f| f.sync_all());
    flush(to).map_err(failed)?;
    let folder = to
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    flush(folder).map_err(failed)?;
    Ok(std::fs::metadata(to).map_err(failed)?.len())
}

fn create_folder(folder: &Path) -> Result<(), StoreError> {
    if folder.exists() || folder == Path::new(":memory:") {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(folder)
        .map_err(|source| StoreError::CreateFolder {
            path: folder.to_owned(),
            source,
        })
}

/// Options that create a file readable and writable by its owner only.
fn owner_only_file() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// The database file, and its `-wal` and `-shm` beside it, readable by their owner only: they
/// hold children's PINs and pictures, family codes and phone numbers. A new database is made
/// so before SQLite opens it (SQLite gives the `-wal` and `-shm` files the database file's
/// permissions); one found readable by others is narrowed.
fn owner_only(database: &Path) -> Result<(), StoreError> {
    let failed = |source: std::io::Error| StoreError::Permissions {
        path: database.to_owned(),
        source,
    };
    if !database.exists() {
        owner_only_file()
            .create(true)
            .open(database)
            .map_err(failed)?;
    }
    #[cfg(unix)]
    for suffix in ["", "-wal", "-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let file = Path::new(&name);
        let Ok(metadata) = std::fs::metadata(file) else {
            continue;
        };
        let mode = metadata.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode & 0o700))
                .map_err(failed)?;
        }
    }
    Ok(())
}

/// Answers whether the database takes queries (for `/healthz`).
/// How long a statement waits for another writer before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether the database can do its work: read the schema and take the write lock (released
/// at once). Fails when the file is unreadable or another process holds the write lock past
/// the busy timeout — the server could not store an answer then.
pub async fn ping(db: &Db) -> Result<(), StoreError> {
    use sqlx::Connection;
    let db = match db {
        Db::Sqlite(db) => db,
        Db::Postgres(db) => {
            // Every server writes through its own connections; a health check is a query
            // answered within a second.
            let probe =
                sqlx::query_scalar::<_, i64>("SELECT count(*) FROM _sqlx_migrations").fetch_one(db);
            return match tokio::time::timeout(Duration::from_secs(1), probe).await {
                Ok(result) => result.map(drop).map_err(StoreError::from),
                Err(_) => Err(StoreError::Query(sqlx::Error::PoolTimedOut)),
            };
        }
    };
    let mut conn = db.acquire().await?;
    // A health check answers within about a second, not the requests' five.
    sqlx::query("PRAGMA busy_timeout = 1000")
        .execute(&mut *conn)
        .await?;
    let probe = async {
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM _sqlx_migrations")
            .fetch_one(&mut *tx)
            .await?;
        tx.rollback().await
    }
    .await;
    sqlx::query(&format!(
        "PRAGMA busy_timeout = {}",
        BUSY_TIMEOUT.as_millis()
    ))
    .execute(&mut *conn)
    .await?;
    Ok(probe?)
}

/// Databases for the store's own tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Db;

    /// An empty, migrated database of each kind this run has: SQLite in memory always, and a
    /// new PostgreSQL database when `SAFESTEPS_TEST_POSTGRES` names a server (`scripts/test`
    /// starts a throw-away one). The PostgreSQL database collates Vietnamese with punctuation
    /// ignored (ICU `vi-VN-u-ka-shifted`, as glibc's `vi_VN` locale does), as a province's
    /// server may, so whatever depends on byte order has to say so.
    pub async fn databases() -> Vec<Db> {
        let mut all = vec![super::open("sqlite::memory:")
            .await
            .expect("SQLite in memory")];
        if let Ok(server) = std::env::var("SAFESTEPS_TEST_POSTGRES") {
            all.push(postgres(&server).await);
        }
        all
    }

    async fn postgres(server: &str) -> Db {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "safesteps_unit_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let admin = super::connect_postgres(server)
            .await
            .expect("the test PostgreSQL");
        sqlx::query(&format!(
            "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' \
             LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN-u-ka-shifted'"
        ))
        .execute(&admin)
        .await
        .expect("create a test database");
        admin.close().await;
        let url = match server.rfind('/') {
            Some(slash) if slash > "postgres://".len() => format!("{}/{name}", &server[..slash]),
            _ => format!("{server}/{name}"),
        };
        super::migrate(&url)
            .await
            .expect("migrate the test database")
            .0
    }

    /// Runs one statement (a test's fixture).
    pub async fn execute(db: &Db, sql: &str) {
        on_db!(db => sqlx::query(sql).execute(db).await.map(drop)).expect(sql);
    }

    /// Runs a query that returns one integer.
    pub async fn integer(db: &Db, sql: &str) -> i64 {
        on_db!(db => sqlx::query_scalar(sql).fetch_one(db).await).expect(sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn opens_a_new_database_in_wal_mode_and_creates_its_folder() {
        let dir = std::env::temp_dir().join(format!("safesteps-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let url = format!("sqlite://{}/nested/app.db", dir.display());
        let db = open(&url).await.expect("open");
        ping(&db).await.expect("ping");
        let Db::Sqlite(pool) = &db else {
            unreachable!("a sqlite: URL")
        };
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(sync, 2, "synchronous = FULL");
        db.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The same versions and names in both folders: a change to the schema is made in both.
    #[test]
    fn both_dialects_have_the_same_migrations() {
        let list = |m: &Migrator| {
            m.iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        let sqlite = list(&SQLITE_MIGRATIONS);
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, list(&POSTGRES_MIGRATIONS));
    }

    #[test]
    fn a_database_url_in_a_message_has_no_password() {
        assert_eq!(
            redacted("postgres://app:s3cret@db.example:5432/safesteps"),
            "postgres://app@db.example:5432/safesteps"
        );
        assert_eq!(redacted("postgres://app@db/x"), "postgres://app@db/x");
        assert_eq!(
            redacted("sqlite://data/safesteps.db"),
            "sqlite://data/safesteps.db"
        );
    }

    #[tokio::test]
    async fn a_bad_url_is_a_clear_error() {
        let err = open("postgres:// nope").await.unwrap_err();
        assert!(err.to_string().contains("postgres:// nope"), "{err}");
    }
}
