//! Official counts (migration `0009_coverage.sql`): imported whole, in one transaction.

use super::{Db, StoreError};
use crate::domain::counts::CountRow;

/// Imports checked rows: a new (unit, target, year) is added, a changed one updated, an
/// identical one left alone. Returns (added, updated, unchanged).
pub async fn import(
    db: &Db,
    rows: &[CountRow],
    importer: Option<i64>,
    now: i64,
    steps: crate::Steps<'_>,
) -> Result<(usize, usize, usize), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        let (mut added, mut updated, mut unchanged) = (0, 0, 0);
        let total = rows.len() as u64;
        for (done, row) in rows.iter().enumerate() {
            if done % 200 == 0 {
                steps("rows", done as u64, total);
            }
            let unit: i64 = sqlx::query_scalar("SELECT id FROM org_units WHERE code = $1")
                .bind(&row.unit_code)
                .fetch_one(&mut *tx)
                .await?;
            let current: Option<(i64, String, String)> = sqlx::query_as(
                "SELECT count, source, as_of FROM official_counts WHERE unit_id = $1 AND target_id = $2 AND year = $3",
            )
            .bind(unit)
            .bind(&row.target)
            .bind(row.year)
            .fetch_optional(&mut *tx)
            .await?;
            let same = current.as_ref().is_some_and(|(count, source, as_of)| {
                *count == row.count as i64 && *source == row.source && *as_of == row.as_of
            });
            if same {
                unchanged += 1;
                continue;
            }
            if current.is_some() {
                updated += 1;
            } else {
                added += 1;
            }
            sqlx::query(
                "INSERT INTO official_counts (unit_id, target_id, year, count, source, as_of, imported_by, imported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (unit_id, target_id, year) DO UPDATE SET \
                 count = excluded.count, source = excluded.source, as_of = excluded.as_of, \
                 imported_by = excluded.imported_by, imported_at = excluded.imported_at",
            )
            .bind(unit)
            .bind(&row.target)
            .bind(row.year)
            .bind(row.count as i64)
            .bind(&row.source)
            .bind(&row.as_of)
            .bind(importer)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        steps("rows", total, total);
        tx.commit().await?;
        Ok((added, updated, unchanged))
    })
}

/// An official count as loaded: the unit's code and name, the target, year, count, its source
/// and date, and when it was loaded.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Loaded {
    pub unit_code: String,
    pub unit_name: String,
    pub target_id: String,
    pub year: i64,
    pub count: i64,
    pub source: String,
    pub as_of: String,
    pub imported_at: i64,
}

/// The official counts of the units `viewer` manages (all for an admin), newest year first,
/// in the tree's order.
pub async fn loaded(
    db: &Db,
    viewer: &crate::domain::person::Viewer,
) -> Result<Vec<Loaded>, StoreError> {
    let range = super::accounts::unit_range(db, viewer).await?;
    on_db!(db => {
        const LOADED: &str = "SELECT u.code AS unit_code, u.name AS unit_name, c.target_id, \
            c.year, c.count, c.source, c.as_of, c.imported_at \
            FROM official_counts c JOIN org_units u ON u.id = c.unit_id";
        const ORDER: &str = "ORDER BY c.year DESC, u.path, c.target_id";
        Ok(match range {
            None => sqlx::query_as(&format!("{LOADED} {ORDER}")).fetch_all(db).await?,
            Some((start, end)) => {
                sqlx::query_as(&format!("{LOADED} WHERE u.path >= $1 AND u.path < $2 {ORDER}"))
                    .bind(start)
                    .bind(end)
                    .fetch_all(db)
                    .await?
            }
        })
    })
}
