//! Server-side sessions, failed sign-ins and the audit log.

use super::Conn;
use super::{Db, StoreError};
use crate::domain::throttle::{Counted, StudentFailure};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub person_id: i64,
    pub role: String,
    pub display_name: String,
    pub csrf: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub must_change_password: bool,
}

/// A new session, and the audit row that says so, in one transaction: one durable commit per
/// sign-in (a lab of 40 signs in within seconds on SQLite's single writer). Sessions nobody
/// came back to are deleted by the retention sweep (`domain::privacy`).
pub async fn create(
    db: &Db,
    token_hash: &str,
    person_id: i64,
    csrf: &str,
    now: i64,
    event: Option<&Event<'_>>,
) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, person_id, csrf, created_at, last_seen) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(token_hash)
        .bind(person_id)
        .bind(csrf)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(event) = event {
            insert_audit(&mut tx, event, now).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

pub async fn find(db: &Db, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT s.person_id, p.role, p.display_name, s.csrf, s.created_at, s.last_seen, \
                    p.must_change_password \
             FROM sessions s JOIN people p ON p.id = s.person_id \
             WHERE s.token_hash = $1 AND p.deactivated_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(db)
        .await?)
    })
}

/// Whether `csrf` is the token of one of this person's sessions (an ended one is kept a day).
pub async fn is_own_token(db: &Db, person_id: i64, csrf: &str) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar("SELECT count(*) > 0 FROM sessions WHERE person_id = $1 AND csrf = $2")
                .bind(person_id)
                .bind(csrf)
                .fetch_one(db)
                .await?,
        )
    })
}

pub async fn touch(db: &Db, token_hash: &str, now: i64) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(db)
            .await?;
        Ok(())
    })
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// Ends every session of a person (after a password change).
pub async fn delete_for_person(db: &Db, person_id: i64) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("DELETE FROM sessions WHERE person_id = $1")
            .bind(person_id)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// The tries that count against an account since its last success or reset: those known to be
/// wrong, and those counted ahead of the caller's own (`this_try`, see [`count_try`]) that are
/// still being looked at.
pub async fn person_failures(
    db: &Db,
    person_id: i64,
    this_try: i64,
) -> Result<Vec<Counted>, StoreError> {
    let rows: Vec<(i64, bool)> = on_db!(db => {
        sqlx::query_as(
            "SELECT at, pending FROM sign_in_failures \
             WHERE person_id = $1 AND id <> $2 AND (NOT pending OR id < $2)",
        )
        .bind(person_id)
        .bind(this_try)
        .fetch_all(db)
        .await?
    });
    Ok(counted(rows))
}

fn counted(rows: Vec<(i64, bool)>) -> Vec<Counted> {
    rows.into_iter()
        .map(|(at, pending)| Counted { at, pending })
        .collect()
}

/// The tries from a client address after `since` that count against it (as
/// [`person_failures`]).
pub async fn client_failures(
    db: &Db,
    client: &str,
    since: i64,
    this_try: i64,
) -> Result<Vec<Counted>, StoreError> {
    let rows: Vec<(i64, bool)> = on_db!(db => {
        sqlx::query_as(
            "SELECT at, pending FROM sign_in_failures \
             WHERE client = $1 AND at > $2 AND id <> $3 AND (NOT pending OR id < $3)",
        )
        .bind(client)
        .bind(since)
        .bind(this_try)
        .fetch_all(db)
        .await?
    });
    Ok(counted(rows))
}

/// Counts a sign-in try before it is looked at, as pending: the account (when one was named),
/// the client address and, for students, the browser (a hash of its anonymous token). Tries
/// sent at the same moment then see each other when they are throttled
/// (`throttle::decide`): a later try waits for the pending ones ahead of it. Returns the try's
/// id: a try that is throttled, or right, is forgotten again ([`forget_try`], [`right_try`]);
/// a wrong one stays, no longer pending ([`wrong_try`]).
pub async fn count_try(
    db: &Db,
    person_id: Option<i64>,
    client: &str,
    browser: Option<&str>,
    now: i64,
) -> Result<i64, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar(
            "INSERT INTO sign_in_failures (person_id, client, browser, at, pending) \
             VALUES ($1, $2, $3, $4, TRUE) RETURNING id",
        )
        .bind(person_id)
        .bind(client)
        .bind(browser)
        .bind(now)
        .fetch_one(db)
        .await?)
    })
}

/// A right try: forgotten ([`forget_try`]) and, in the same transaction (one write to wait
/// for, not two), the account's earlier failures no longer count — all of them, or for a
/// student only those from this client and browser (a stranger's tries elsewhere are not
/// wiped by the child signing in). The client's failures are kept, without the person.
pub async fn right_try(
    db: &Db,
    this_try: i64,
    person_id: i64,
    only_from: Option<(&str, Option<&str>)>,
) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        sqlx::query("DELETE FROM sign_in_failures WHERE id = $1")
            .bind(this_try)
            .execute(&mut *tx)
            .await?;
        failures_no_longer_count(&mut tx, person_id, only_from).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// The account's failures no longer count against it (all, or only those from one client and
/// browser); the client's are kept, without the person. Tries still being looked at (pending,
/// and not given up on) are left to their own requests: a right try sent at the same moment as this one is not touched
/// (two right tries each clearing the other's row deadlocked on PostgreSQL).
async fn failures_no_longer_count(
    conn: impl Into<Conn<'_>>,
    person_id: i64,
    only_from: Option<(&str, Option<&str>)>,
) -> Result<(), StoreError> {
    let conn = conn.into();
    let (client, browser) = only_from.unzip();
    on_conn!(conn => {
        sqlx::query(
            "UPDATE sign_in_failures SET person_id = NULL WHERE person_id = $1 \
             AND (NOT pending OR at < $4) \
             AND ($2 IS NULL OR (client = $2 AND browser IS NOT DISTINCT FROM $3))",
        )
        .bind(person_id)
        .bind(client)
        .bind(browser.flatten())
        .bind(given_up_before())
        .execute(&mut *conn)
        .await?;
        Ok(())
    })
}

/// Tries still pending that were counted before this time are given up on (their request
/// died) and count as wrong (`throttle::PENDING_FOR`): a teacher's unlock clears them, and the
/// class page shows them.
pub(crate) fn given_up_before() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    now - crate::domain::throttle::PENDING_FOR
}

/// A try [`count_try`] counted that was wrong: it stays, known to be wrong, and is audited, in
/// one transaction.
pub async fn wrong_try(
    db: &Db,
    this_try: i64,
    event: &Event<'_>,
    now: i64,
) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        sqlx::query("UPDATE sign_in_failures SET pending = FALSE WHERE id = $1")
            .bind(this_try)
            .execute(&mut *tx)
            .await?;
        insert_audit(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// A try [`count_try`] counted that was not a failure after all (throttled, or right).
pub async fn forget_try(db: &Db, this_try: i64) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("DELETE FROM sign_in_failures WHERE id = $1")
            .bind(this_try)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// A student's tries since their last success or reset, with their clients, that count
/// against them (as [`person_failures`]).
pub async fn student_failures(
    db: &Db,
    person_id: i64,
    this_try: i64,
) -> Result<Vec<StudentFailure>, StoreError> {
    on_db!(db => {
        let rows: Vec<(i64, String, Option<String>, bool)> = sqlx::query_as(
            "SELECT at, client, browser, pending FROM sign_in_failures \
             WHERE person_id = $1 AND id <> $2 AND (NOT pending OR id < $2)",
        )
        .bind(person_id)
        .bind(this_try)
        .fetch_all(db)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, address, browser, pending)| StudentFailure {
                at,
                address,
                browser,
                pending,
            })
            .collect())
    })
}

/// The tries at a class's students after `since` that count against the class (as
/// [`person_failures`]).
pub async fn class_failures(
    db: &Db,
    class_id: i64,
    since: i64,
    this_try: i64,
) -> Result<Vec<Counted>, StoreError> {
    let rows: Vec<(i64, bool)> = on_db!(db => {
        sqlx::query_as(
            "SELECT f.at, f.pending FROM sign_in_failures f JOIN people p ON p.id = f.person_id \
             WHERE p.class_id = $1 AND f.at > $2 AND f.id <> $3 AND (NOT f.pending OR f.id < $3)",
        )
        .bind(class_id)
        .bind(since)
        .bind(this_try)
        .fetch_all(db)
        .await?
    });
    Ok(counted(rows))
}

/// Unknown class codes typed from an address after `since`: the time and browser of each.
pub async fn lookup_failures(
    db: &Db,
    client: &str,
    since: i64,
) -> Result<Vec<(i64, Option<String>)>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as("SELECT at, browser FROM lookup_failures WHERE client = $1 AND at > $2")
                .bind(client)
                .bind(since)
                .fetch_all(db)
                .await?,
        )
    })
}

pub async fn record_lookup_failure(
    db: &Db,
    client: &str,
    browser: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("INSERT INTO lookup_failures (client, browser, at) VALUES ($1, $2, $3)")
            .bind(client)
            .bind(browser)
            .bind(now)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// After a success or a teacher's reset, the account's failures no longer count (the
/// client's do: they are kept, without the person, for the per-client limit).
pub async fn clear_failures(db: &Db, person_id: i64) -> Result<(), StoreError> {
    failures_no_longer_count(&mut db.lease().await?, person_id, None).await
}

/// One line in the audit log.
pub struct Event<'a> {
    pub action: &'a str,
    pub actor: Option<i64>,
    pub subject: Option<i64>,
    pub client: Option<&'a str>,
    pub detail: &'a str,
}

pub async fn audit(db: &Db, event: &Event<'_>, now: i64) -> Result<(), StoreError> {
    on_db!(db => {
        let mut conn = db.acquire().await?;
        insert_audit(&mut conn, event, now).await
    })
}

async fn insert_audit(
    conn: impl Into<Conn<'_>>,
    event: &Event<'_>,
    now: i64,
) -> Result<(), StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        sqlx::query(
            "INSERT INTO audit_log (at, action, actor_id, subject_id, client, detail) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(now)
        .bind(event.action)
        .bind(event.actor)
        .bind(event.subject)
        .bind(event.client)
        .bind(event.detail)
        .execute(&mut *conn)
        .await?;
        Ok(())
    })
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: i64,
    pub action: String,
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub detail: String,
}

pub async fn audit_for(db: &Db, subject: i64) -> Result<Vec<AuditEntry>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT at, action, actor_id, subject_id, detail FROM audit_log WHERE subject_id = $1 ORDER BY id",
        )
        .bind(subject)
        .fetch_all(db)
        .await?)
    })
}
