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
