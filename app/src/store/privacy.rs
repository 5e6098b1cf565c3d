//! Children's data handled as the law asks: what is stored about a person (for their copy),
//! deleting a student who left, and sweeping what is kept only for a while.

use super::{Db, StoreError};
use crate::domain::privacy::Cutoffs;

/// A person's learning: lessons read (module, lesson, when), attempts (module, percent,
/// passed, when) and completions (module, when, certificate code).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Learning {
    pub lessons: Vec<(String, String, i64)>,
    pub attempts: Vec<(String, i64, bool, i64)>,
    pub completions: Vec<(String, i64, Option<String>)>,
}

pub async fn learning_of(db: &Db, person_id: i64) -> Result<Learning, StoreError> {
    on_db!(db => {
        Ok(Learning {
            lessons: sqlx::query_as(
                "SELECT module_id, lesson_id, seen_at FROM lesson_views WHERE person_id = $1 \
                 ORDER BY seen_at, module_id, lesson_id",
            )
            .bind(person_id)
            .fetch_all(db)
            .await?,
            attempts: sqlx::query_as(
                "SELECT module_id, percent, passed, submitted_at FROM attempts WHERE person_id = $1 \
                 ORDER BY submitted_at, id",
            )
            .bind(person_id)
            .fetch_all(db)
            .await?,
            completions: sqlx::query_as(
                "SELECT module_id, completed_at, certificate_code FROM completions \
                 WHERE person_id = $1 ORDER BY completed_at, module_id",
            )
            .bind(person_id)
            .fetch_all(db)
            .await?,
        })
    })
}

/// When a person's account was made, and their consent (when, which notice).
pub async fn account_dates(
    db: &Db,
    person_id: i64,
) -> Result<(i64, Option<(i64, String)>), StoreError> {
    on_db!(db => {
        let (created, at, version): (i64, Option<i64>, Option<String>) =
            sqlx::query_as("SELECT created_at, consent_at, consent_version FROM people WHERE id = $1")
                .bind(person_id)
                .fetch_one(db)
                .await?;
        Ok((created, at.zip(version)))
    })
}

/// A person's sessions: when each began and was last used (never the token or its hash).
pub async fn sessions_of(db: &Db, person_id: i64) -> Result<Vec<(i64, i64)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT created_at, last_seen FROM sessions WHERE person_id = $1 ORDER BY created_at",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?)
    })
}

/// The audit rows about a person or done by them: when, what, from where.
pub async fn events_of(
    db: &Db,
    person_id: i64,
) -> Result<Vec<(i64, String, Option<String>)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT at, action, client FROM audit_log WHERE actor_id = $1 OR subject_id = $1 \
             ORDER BY at, id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?)
    })
}

/// A household's children as their parent's copy shows them: id, name, birth year, class,
/// school.
pub async fn children_of(
    db: &Db,
    household_id: i64,
) -> Result<Vec<(i64, String, Option<i64>, Option<String>, String)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT p.id, p.display_name, p.birth_year, c.name, u.name FROM people p \
             LEFT JOIN classes c ON c.id = p.class_id JOIN org_units u ON u.id = p.unit_id \
             WHERE p.household_id = $1 AND p.role = 'student' ORDER BY p.id",
        )
        .bind(household_id)
        .fetch_all(db)
        .await?)
    })
}

/// Deletes a student and everything of theirs, in one transaction: their progress goes with
/// them (the foreign keys cascade), their coverage subjects are taken out of the rollups, the
/// audit log keeps its rows but no longer points at them, and a household left with nobody
/// goes too. The caller checked the student is in its scope.
pub async fn delete_student(
    db: &Db,
    rules: &[crate::domain::coverage::TargetRule],
    student_id: i64,
    this_year: i32,
) -> Result<bool, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        // The rollups change too: wait for a rebuild before writing anything.
        super::coverage::hold_off_rebuild(&mut tx).await?;
        let household: Option<Option<i64>> =
            sqlx::query_scalar("SELECT household_id FROM people WHERE id = $1 AND role = 'student'")
                .bind(student_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(household) = household else {
            return Ok(false);
        };
        for column in ["actor_id", "subject_id"] {
            sqlx::query(&format!(
                "UPDATE audit_log SET {column} = NULL WHERE {column} = $1"
            ))
            .bind(student_id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(student_id)
            .execute(&mut *tx)
            .await?;
        // The person is gone: refreshing takes their subjects out of every rollup.
        super::coverage::refresh_person(&mut tx, rules, student_id, this_year).await?;
        if let Some(household) = household {
            let members: i64 =
                sqlx::query_scalar("SELECT count(*) FROM people WHERE household_id = $1")
                    .bind(household)
                    .fetch_one(&mut *tx)
                    .await?;
            if members == 0 {
                sqlx::query("DELETE FROM households WHERE id = $1")
                    .bind(household)
                    .execute(&mut *tx)
                    .await?;
            }
            super::coverage::refresh_household(&mut tx, rules, household).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// How many rows a sweep deleted, per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub sessions: u64,
    pub kept_answers: u64,
    pub failures: u64,
    pub resets: u64,
    pub audit_rows: u64,
}

/// Deletes what is kept only for a while (`domain::privacy` says how long).
pub async fn sweep(db: &Db, cutoffs: &Cutoffs) -> Result<Swept, StoreError> {
    on_db!(db => {
        let run = |sql: &'static str, before: i64| async move {
            Ok::<u64, StoreError>(
                sqlx::query(sql)
                    .bind(before)
                    .execute(db)
                    .await?
                    .rows_affected(),
            )
        };
        Ok(Swept {
            sessions: run(
                "DELETE FROM sessions WHERE last_seen < $1",
                cutoffs.sessions_unused_since,
            )
            .await?,
            kept_answers: run(
                "DELETE FROM kept_answers WHERE kept_at < $1",
                cutoffs.kept_before,
            )
            .await?,
            failures: run(
                "DELETE FROM sign_in_failures WHERE at < $1",
                cutoffs.failures_before,
            )
            .await?
                + run(
                    "DELETE FROM lookup_failures WHERE at < $1",
                    cutoffs.failures_before,
                )
                .await?,
            resets: run(
                "DELETE FROM password_resets WHERE expires_at < $1",
                cutoffs.resets_expired_before,
            )
            .await?,
            audit_rows: run("DELETE FROM audit_log WHERE at < $1", cutoffs.audit_before).await?,
        })
    })
}
