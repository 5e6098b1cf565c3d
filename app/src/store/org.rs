//! The organisation tree in the database.

use super::{Db, StoreError};
use crate::domain::org::{child_path, parents_first, subtree_end, UnitRow};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OrgUnit {
    pub id: i64,
    pub code: String,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub name: String,
    pub path: String,
}

/// What an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Every stored unit's code and its parent's code (for checking a file before importing).
pub async fn codes_with_parents(db: &Db) -> Result<HashMap<String, Option<String>>, StoreError> {
    on_db!(db => {
        let rows: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT u.code, p.code FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id",
        )
        .fetch_all(db)
        .await?;
        Ok(rows.into_iter().collect())
    })
}

/// Every stored unit's code and kind.
pub async fn kinds_by_code(db: &Db) -> Result<HashMap<String, String>, StoreError> {
    on_db!(db => {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT code, kind FROM org_units")
            .fetch_all(db)
            .await?;
        Ok(rows.into_iter().collect())
    })
}

pub async fn by_code(db: &Db, code: &str) -> Result<Option<OrgUnit>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT id, code, parent_id, kind, name, path FROM org_units WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(db)
        .await?)
    })
}

/// The unit and everything under it, parents before children.
pub async fn subtree(db: &Db, code: &str) -> Result<Vec<OrgUnit>, StoreError> {
    let Some(root) = by_code(db, code).await? else {
        return Ok(Vec::new());
    };
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT id, code, parent_id, kind, name, path FROM org_units \
             WHERE path >= $1 AND path < $2 ORDER BY path",
        )
        .bind(&root.path)
        .bind(subtree_end(&root.path))
        .fetch_all(db)
        .await?)
    })
}

/// Imports checked rows in one transaction: new codes are added, changed ones updated (a
/// unit that moves takes its subtree along), identical ones left alone.
pub async fn import(db: &Db, rows: &[UnitRow]) -> Result<ImportSummary, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        let mut summary = ImportSummary::default();
        for row in parents_first(rows) {
            let parent: Option<(i64, String)> = match &row.parent_code {
                Some(code) => {
                    sqlx::query_as("SELECT id, path FROM org_units WHERE code = $1")
                        .bind(code)
                        .fetch_optional(&mut *tx)
                        .await?
                }
                None => None,
            };
            let parent_id = parent.as_ref().map(|(id, _)| *id);
            let current: Option<OrgUnit> = sqlx::query_as(
                "SELECT id, code, parent_id, kind, name, path FROM org_units WHERE code = $1",
            )
            .bind(&row.code)
            .fetch_optional(&mut *tx)
            .await?;
            match current {
                None => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO org_units (code, parent_id, kind, name, path) VALUES ($1, $2, $3, $4, '') \
                         RETURNING id",
                    )
                    .bind(&row.code)
                    .bind(parent_id)
                    .bind(row.kind.trim())
                    .bind(row.name.trim())
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE org_units SET path = $1 WHERE id = $2")
                        .bind(child_path(parent.as_ref().map(|(_, p)| p.as_str()), id))
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    summary.added += 1;
                }
                Some(unit)
                    if unit.parent_id == parent_id
                        && unit.kind == row.kind.trim()
                        && unit.name == row.name.trim() =>
                {
                    summary.unchanged += 1;
                }
                Some(unit) => {
                    sqlx::query(
                        "UPDATE org_units SET parent_id = $1, kind = $2, name = $3 WHERE id = $4",
                    )
                    .bind(parent_id)
                    .bind(row.kind.trim())
                    .bind(row.name.trim())
                    .bind(unit.id)
                    .execute(&mut *tx)
                    .await?;
                    let new_path = child_path(parent.as_ref().map(|(_, p)| p.as_str()), unit.id);
                    if new_path != unit.path {
                        sqlx::query(
                            "UPDATE org_units SET path = $1 || substr(path, length($2) + 1) \
                             WHERE path >= $2 AND path < $3",
                        )
                        .bind(&new_path)
                        .bind(&unit.path)
                        .bind(subtree_end(&unit.path))
                        .execute(&mut *tx)
                        .await?;
                    }
                    summary.updated += 1;
                }
            }
        }
        tx.commit().await?;
        Ok(summary)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize, code: &str, parent: Option<&str>, kind: &str, name: &str) -> UnitRow {
        UnitRow {
            row: n,
            code: code.into(),
            parent_code: parent.map(Into::into),
            kind: kind.into(),
            name: name.into(),
        }
    }

    #[tokio::test]
    async fn import_is_idempotent_and_subtrees_follow_moves() {
        let db = super::super::open("sqlite::memory:").await.unwrap();
        let rows = vec![
            row(2, "P", None, "province", "Tỉnh"),
            row(3, "C1", Some("P"), "commune", "Xã 1"),
            row(4, "C2", Some("P"), "ward", "Phường 2"),
            row(5, "S1", Some("C1"), "school", "Trường 1"),
        ];
        assert_eq!(
            import(&db, &rows).await.unwrap(),
            ImportSummary {
                added: 4,
                updated: 0,
                unchanged: 0
            }
        );
        assert_eq!(
            import(&db, &rows).await.unwrap(),
            ImportSummary {
                added: 0,
                updated: 0,
                unchanged: 4
            }
        );
        let codes = |units: Vec<OrgUnit>| units.into_iter().map(|u| u.code).collect::<Vec<_>>();
        assert_eq!(codes(subtree(&db, "C1").await.unwrap()), ["C1", "S1"]);
        assert_eq!(codes(subtree(&db, "P").await.unwrap()).len(), 4);

        // The school moves to the ward: its path, and its subtree, follow.
        let moved = vec![row(2, "S1", Some("C2"), "school", "Trường 1")];
        assert_eq!(import(&db, &moved).await.unwrap().updated, 1);
        assert_eq!(codes(subtree(&db, "C1").await.unwrap()), ["C1"]);
        assert_eq!(codes(subtree(&db, "C2").await.unwrap()), ["C2", "S1"]);
        let parents = codes_with_parents(&db).await.unwrap();
        assert_eq!(parents["S1"], Some("C2".to_owned()));
    }

    /// Unit 5's subtree is '/1/5/' up to '/1/50' exclusive. Under a collation that ignores
    /// punctuation (glibc's `vi_VN`, ICU's `ka-shifted`) '/1/5/62/' compares as "1562", above
    /// "150": the school would drop out of its commune. The path compares bytes in both.
    #[tokio::test]
    async fn a_subtree_keeps_its_units_whatever_the_collation() {
        for db in crate::store::testing::databases().await {
            let mut rows = vec![row(2, "P", None, "province", "Tỉnh")];
            for n in 2..=60 {
                rows.push(row(n + 1, &format!("C{n:02}"), Some("P"), "commune", "Xã"));
            }
            rows.push(row(62, "S5", Some("C05"), "school", "Trường"));
            import(&db, &rows).await.unwrap();
            let five = by_code(&db, "C05").await.unwrap().unwrap();
            assert_eq!(five.path, "/1/5/", "ids follow the file");
            let fifty = by_code(&db, "C50").await.unwrap().unwrap();
            assert_eq!(fifty.path, "/1/50/");
            let codes: Vec<String> = subtree(&db, "C05")
                .await
                .unwrap()
                .into_iter()
                .map(|u| u.code)
                .collect();
            assert_eq!(codes, ["C05", "S5"], "on {:?}", db.dialect());
        }
    }
}
