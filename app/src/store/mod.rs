//! Storage: the SQLite database (sqlx), its migrations and the queries, one module per aggregate.

pub mod accounts;
pub mod assignments;
pub mod counts;
pub mod coverage;
pub mod kept;
pub mod org;
pub mod people;
pub mod privacy;
pub mod progress;
pub mod roster;
pub mod sessions;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

pub type Db = SqlitePool;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL {url:?} is not valid: {source}")]
    BadUrl { url: String, source: sqlx::Error },
    #[error("database URL {0:?}: only sqlite: URLs are supported so far")]
    Unsupported(String),
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {url:?}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("there is no database at {0}")]
    Missing(PathBuf),
    #[error("{0} already exists; a backup never overwrites a file")]
    BackupExists(PathBuf),
    #[error("cannot write the backup {path}: {source}")]
    Backup {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Opens (creating if needed) the SQLite database at `url` and applies the migrations.
///
/// WAL lets readers work while one writer writes; `synchronous = FULL` makes a commit
/// durable before it returns, so an answer the user was told is saved survives a crash or
/// a power cut the next instant (NORMAL would only survive a crash of the process).
pub async fn open(url: &str) -> Result<Db, StoreError> {
    if !url.starts_with("sqlite:") {
        return Err(StoreError::Unsupported(url.to_owned()));
    }
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| StoreError::BadUrl {
            url: url.to_owned(),
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
    // Each connection to an in-memory database is a database of its own: keep one.
    let connections = if url.contains(":memory:") { 1 } else { 8 };
    let db = SqlitePoolOptions::new()
        .max_connections(connections)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            url: url.to_owned(),
            source,
        })?;
    sqlx::migrate!("./migrations").run(&db).await?;
    let lengthened = roster::lengthen_class_codes(&db).await?;
    if lengthened > 0 {
        tracing::warn!(
            classes = lengthened,
            "class codes were lengthened to 9 characters: teachers should print new sign-in cards"
        );
    }
    Ok(db)
}

/// Opens the database at `url` only if it exists (for commands that work on a database, such
/// as a backup, where creating an empty one would hide a mistyped path).
pub async fn open_existing(url: &str) -> Result<Db, StoreError> {
    let options = SqliteConnectOptions::from_str(url).map_err(|source| StoreError::BadUrl {
        url: url.to_owned(),
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
    let failed = |source: std::io::Error| StoreError::Backup {
        path: to.to_owned(),
        source,
    };
    if to.exists() {
        return Err(StoreError::BackupExists(to.to_owned()));
    }
    let path = to.to_str().ok_or_else(|| {
        failed(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path is not valid UTF-8",
        ))
    })?;
    sqlx::query("VACUUM INTO $1").bind(path).execute(db).await?;
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
    std::fs::create_dir_all(folder).map_err(|source| StoreError::CreateFolder {
        path: folder.to_owned(),
        source,
    })
}

/// Answers whether the database takes queries (for `/healthz`).
/// How long a statement waits for another writer before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether the database can do its work: read the schema and take the write lock (released
/// at once). Fails when the file is unreadable or another process holds the write lock past
/// the busy timeout — the server could not store an answer then.
pub async fn ping(db: &Db) -> Result<(), StoreError> {
    use sqlx::Connection;
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
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(sync, 2, "synchronous = FULL");
        db.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_bad_url_is_a_clear_error() {
        let err = open("postgres:// nope").await.unwrap_err();
        assert!(err.to_string().contains("postgres:// nope"), "{err}");
    }
}
