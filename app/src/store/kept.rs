//! Quiz answers kept across a sign-in: posted after the learner's session ended, sent once
//! they sign in again (migration `0005_kept_answers.sql`).

use super::{Db, StoreError};
use crate::domain::grading::Answers;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Whose answers, when the post proved it (the ended session's CSRF token).
    pub person_id: Option<i64>,
    pub module_id: String,
    pub submission_key: String,
    pub answers: Answers,
    pub kept_at: i64,
}

#[derive(sqlx::FromRow)]
struct KeptRow {
    person_id: Option<i64>,
    module_id: String,
    submission_key: String,
    answers: String,
    kept_at: i64,
}

pub async fn keep(
    db: &Db,
    token_hash: &str,
    kept: &Kept,
    poster: &crate::learning::Poster<'_>,
) -> Result<(), StoreError> {
    on_db!(db => {
        let answers = serde_json::to_string(&kept.answers).unwrap_or_else(|_| "{}".to_owned());
        sqlx::query(
            "INSERT INTO kept_answers (token_hash, person_id, module_id, submission_key, answers, kept_at, client, browser) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(token_hash)
        .bind(kept.person_id)
        .bind(&kept.module_id)
        .bind(&kept.submission_key)
        .bind(answers)
        .bind(kept.kept_at)
        .bind(poster.address)
        .bind(poster.browser)
        .execute(db)
        .await?;
        Ok(())
    })
}

/// How many answers are kept (not yet sent or swept) from this address and this browser.
pub async fn counts(db: &Db, address: &str, browser: &str) -> Result<(usize, usize), StoreError> {
    on_db!(db => {
        let (by_address, by_browser): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM kept_answers WHERE client = $1), \
                    (SELECT count(*) FROM kept_answers WHERE browser = $2)",
        )
        .bind(address)
        .bind(browser)
        .fetch_one(db)
        .await?;
        Ok((by_address as usize, by_browser as usize))
    })
}

/// The answers kept under this token since `since`.
pub async fn find(db: &Db, token_hash: &str, since: i64) -> Result<Option<Kept>, StoreError> {
    on_db!(db => {
        let row: Option<KeptRow> = sqlx::query_as(
            "SELECT person_id, module_id, submission_key, answers, kept_at FROM kept_answers \
             WHERE token_hash = $1 AND kept_at >= $2",
        )
        .bind(token_hash)
        .bind(since)
        .fetch_optional(db)
        .await?;
        Ok(row.map(|r| Kept {
            person_id: r.person_id,
            module_id: r.module_id,
            submission_key: r.submission_key,
            answers: serde_json::from_str(&r.answers).unwrap_or_default(),
            kept_at: r.kept_at,
        }))
    })
}

/// Answers nobody could be tied to become the answers of whoever signed in on that browser.
pub async fn claim(db: &Db, token_hash: &str, person_id: i64) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query(
            "UPDATE kept_answers SET person_id = $2 WHERE token_hash = $1 AND person_id IS NULL",
        )
        .bind(token_hash)
        .bind(person_id)
        .execute(db)
        .await?;
        Ok(())
    })
}

/// Forgets the answers under this token.
pub async fn forget(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("DELETE FROM kept_answers WHERE token_hash = $1")
            .bind(token_hash)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// Forgets answers kept since before `before` that nobody came back for.
pub async fn sweep(db: &Db, before: i64) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("DELETE FROM kept_answers WHERE kept_at < $1")
            .bind(before)
            .execute(db)
            .await?;
        Ok(())
    })
}
