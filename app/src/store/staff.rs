//! Importing a checked staff file: new accounts (each with a first password to change at the
//! first sign-in) and new names, in one transaction. Importing the same file again changes
//! nothing.

use super::{Db, StoreError};
use crate::domain::staff::StaffRow;
use std::collections::HashMap;

/// What a staff import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Imports rows that passed `check_staff`. `new_hashes` holds a password hash for every
/// username that does not exist yet.
pub async fn import(
    db: &Db,
    rows: &[StaffRow],
    new_hashes: &HashMap<String, String>,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
    now: i64,
) -> Result<StaffSummary, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        // The rollups change at the end: wait for a rebuild before writing anything.
        super::coverage::hold_off_rebuild(&mut tx).await?;
        let mut summary = StaffSummary::default();
        let mut added = Vec::new();
        for row in rows {
            let current: Option<(i64, String)> =
                sqlx::query_as("SELECT id, display_name FROM people WHERE username = $1")
                    .bind(row.username.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            match current {
                Some((_, name)) if name == row.name => summary.unchanged += 1,
                Some((id, _)) => {
                    sqlx::query("UPDATE people SET display_name = $1 WHERE id = $2")
                        .bind(&row.name)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    summary.updated += 1;
                }
                None => {
                    let hash = new_hashes.get(row.username.as_str()).ok_or_else(|| {
                        StoreError::Query(sqlx::Error::Protocol(format!(
                            "no password prepared for the new account {}",
                            row.username.as_str()
                        )))
                    })?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO people (role, unit_id, display_name, username, password_hash, must_change_password, created_at) \
                         SELECT $1, id, $2, $3, $4, TRUE, $5 FROM org_units WHERE code = $6 RETURNING id",
                    )
                    .bind(row.role.code())
                    .bind(&row.name)
                    .bind(row.username.as_str())
                    .bind(hash)
                    .bind(now)
                    .bind(&row.unit_code)
                    .fetch_one(&mut *tx)
                    .await?;
                    added.push(id);
                    summary.added += 1;
                }
            }
        }
        // A new person counts in their unit's coverage (a health station is reached only
        // when everyone in it is).
        for person in added {
            super::coverage::refresh_person(&mut tx, rules, person, this_year).await?;
        }
        tx.commit().await?;
        Ok(summary)
    })
}
