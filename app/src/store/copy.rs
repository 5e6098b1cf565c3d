//! `safesteps migrate-to`: a school's SQLite database copied into an empty PostgreSQL one (the
//! school joins the province's server), in one transaction, verified table by table.
//!
//! Every table is read from SQLite and written to PostgreSQL in batches, in an order where a
//! row's references are already there; then each table is read back inside the same
//! transaction and compared with the source by row count and a checksum. Only when every
//! table matches is the transaction committed: a failed copy leaves the target empty. Then
//! each table is analysed, so the planner knows what it holds.

use super::{Db, StoreError};
use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::{Postgres, QueryBuilder, Row};

/// The tables, references first (`org_units` refers to itself: parents are copied first).
pub const TABLES: [&str; 24] = [
    "org_units",
    "classes",
    "households",
    "people",
    "class_teachers",
    "sessions",
    "sign_in_failures",
    "audit_log",
    "lesson_views",
    "attempts",
    "completions",
    "kept_answers",
    "open_draws",
    "rereads",
    "assignments",
    "lookup_failures",
    "password_resets",
    "coverage_subjects",
    "coverage_population",
    "coverage_reached",
    "coverage_institutions",
    "coverage_meta",
    "official_counts",
    "coverage_reports",
];

/// Rows per INSERT (PostgreSQL takes at most 65,535 parameters in one statement).
const BATCH: usize = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the source must be a SQLite database (sqlite:…)")]
    SourceNotSqlite,
    #[error("the target must be a PostgreSQL database (postgres://…)")]
    TargetNotPostgres,
    #[error("the target is not empty: table {table} has {rows} row(s); migrate-to copies into an empty database only")]
    TargetNotEmpty { table: &'static str, rows: i64 },
    #[error("table {table}: column {column} has a type the copy does not know ({kind})")]
    UnknownType {
        table: &'static str,
        column: String,
        kind: String,
    },
    #[error("table {table} differs after the copy (source {source_rows} rows, {source_sum}; target {target_rows} rows, {target_sum}); nothing was kept")]
    Differs {
        table: &'static str,
        source_rows: u64,
        source_sum: String,
        target_rows: u64,
        target_sum: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(error: sqlx::Error) -> Self {
        CopyError::Store(StoreError::Query(error))
    }
}

/// One table as copied: its rows and checksum (the same on both sides).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCopy {
    pub table: &'static str,
    pub rows: u64,
    pub checksum: String,
}

/// A column's kind, as PostgreSQL declares it (SQLite's are INTEGER and TEXT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Integer,
    Boolean,
    Text,
}

#[derive(Clone, Debug, PartialEq)]
enum Value {
    Null,
    Integer(i64),
    Text(String),
}

impl Value {
    /// The row's canonical text for the checksum: a flag is 0 or 1 on both sides.
    fn feed(&self, hasher: &mut Sha256) {
        match self {
            Value::Null => hasher.update([0u8]),
            Value::Integer(n) => {
                hasher.update([1u8]);
                hasher.update(n.to_le_bytes());
            }
            Value::Text(text) => {
                hasher.update([2u8]);
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
        }
    }
}

/// An order-free checksum of a table: each row hashed, the row hashes sorted and hashed.
#[derive(Default)]
struct Checksum {
    rows: Vec<[u8; 32]>,
}

impl Checksum {
    fn add(&mut self, row: &[Value]) {
        let mut hasher = Sha256::new();
        for value in row {
            value.feed(&mut hasher);
        }
        self.rows.push(hasher.finalize().into());
    }

    fn finish(mut self) -> (u64, String) {
        self.rows.sort_unstable();
        let mut hasher = Sha256::new();
        for row in &self.rows {
            hasher.update(row);
        }
        let digest = hasher.finalize();
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        (self.rows.len() as u64, hex)
    }
}

/// Copies `from` (SQLite, migrated to this version) into `to` (PostgreSQL, migrated and
/// empty). `progress` hears each table as it is verified.
pub async fn sqlite_to_postgres(
    from: &Db,
    to: &Db,
    progress: &mut dyn FnMut(&TableCopy),
) -> Result<Vec<TableCopy>, CopyError> {
    let Db::Sqlite(source) = from else {
        return Err(CopyError::SourceNotSqlite);
    };
    let Db::Postgres(target) = to else {
        return Err(CopyError::TargetNotPostgres);
    };
    let mut tx = target.begin().await?;
    for table in TABLES {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&mut *tx)
            .await?;
        if rows > 0 {
            return Err(CopyError::TargetNotEmpty { table, rows });
        }
    }
    let mut copied = Vec::new();
    for table in TABLES {
        let columns = columns(&mut tx, table).await?;
        let names = columns
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        // Parents before children in the tree; everything else in the order it was written.
        let order = if table == "org_units" {
            "length(path), id"
        } else {
            "rowid"
        };
        let select = format!("SELECT {names} FROM {table} ORDER BY {order}");
        let mut rows = sqlx::query(&select).fetch(source);
        let mut source_sum = Checksum::default();
        let mut batch = Vec::with_capacity(BATCH);
        while let Some(row) = rows.try_next().await? {
            let mut out = Vec::with_capacity(columns.len());
            for (i, (_, kind)) in columns.iter().enumerate() {
                out.push(match kind {
                    Kind::Text => row
                        .try_get::<Option<String>, _>(i)?
                        .map_or(Value::Null, Value::Text),
                    Kind::Integer | Kind::Boolean => row
                        .try_get::<Option<i64>, _>(i)?
                        .map_or(Value::Null, Value::Integer),
                });
            }
            source_sum.add(&out);
            batch.push(out);
            if batch.len() == BATCH {
                insert(&mut tx, table, &names, &columns, &batch).await?;
                batch.clear();
            }
        }
        drop(rows);
        if !batch.is_empty() {
            insert(&mut tx, table, &names, &columns, &batch).await?;
        }
        if columns.iter().any(|(name, _)| name == "id") {
            // Identity columns continue after the copied ids.
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} \
                 HAVING max(id) IS NOT NULL"
            ))
            .execute(&mut *tx)
            .await?;
        }
        let (source_rows, source_sum) = source_sum.finish();
        let (target_rows, target_sum) = read_back(&mut tx, table, &columns, &names).await?;
        if (source_rows, &source_sum) != (target_rows, &target_sum) {
            return Err(CopyError::Differs {
                table,
                source_rows,
                source_sum,
                target_rows,
                target_sum,
            });
        }
        let done = TableCopy {
            table,
            rows: target_rows,
            checksum: target_sum,
        };
        progress(&done);
        copied.push(done);
    }
    tx.commit().await?;
    // The planner's statistics for what was just loaded (without them the province's
    // dashboard plans its queries as if the tables were empty: four times slower, measured).
    for table in TABLES {
        sqlx::query(&format!("ANALYZE {table}"))
            .execute(target)
            .await?;
    }
    Ok(copied)
}

/// One INSERT of up to [`BATCH`] rows.
async fn insert(
    tx: &mut sqlx::PgConnection,
    table: &str,
    names: &str,
    columns: &[(String, Kind)],
    rows: &[Vec<Value>],
) -> Result<(), CopyError> {
    let mut insert: QueryBuilder<Postgres> =
        QueryBuilder::new(format!("INSERT INTO {table} ({names}) "));
    insert.push_values(rows, |mut row, values| {
        for ((_, kind), value) in columns.iter().zip(values) {
            match (kind, value) {
                (Kind::Text, Value::Text(text)) => row.push_bind(text.clone()),
                (Kind::Boolean, Value::Integer(n)) => row.push_bind(*n != 0),
                (_, Value::Integer(n)) => row.push_bind(*n),
                (Kind::Text, _) => row.push_bind(None::<String>),
                (Kind::Boolean, _) => row.push_bind(None::<bool>),
                (Kind::Integer, _) => row.push_bind(None::<i64>),
            };
        }
    });
    insert.build().execute(&mut *tx).await?;
    Ok(())
}

/// The table's columns in PostgreSQL, in order, with their kinds.
async fn columns(
    tx: &mut sqlx::PgConnection,
    table: &'static str,
) -> Result<Vec<(String, Kind)>, CopyError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut *tx)
    .await?;
    rows.into_iter()
        .map(|(column, kind)| {
            let kind = match kind.as_str() {
                "bigint" => Kind::Integer,
                "boolean" => Kind::Boolean,
                "text" => Kind::Text,
                _ => {
                    return Err(CopyError::UnknownType {
                        table,
                        column,
                        kind,
                    })
                }
            };
            Ok((column, kind))
        })
        .collect()
}

/// The table as PostgreSQL now holds it (inside the copy's transaction): rows and checksum.
async fn read_back(
    tx: &mut sqlx::PgConnection,
    table: &'static str,
    columns: &[(String, Kind)],
    names: &str,
) -> Result<(u64, String), CopyError> {
    let select = format!("SELECT {names} FROM {table}");
    let mut rows = sqlx::query(&select).fetch(&mut *tx);
    let mut sum = Checksum::default();
    while let Some(row) = rows.try_next().await? {
        let mut out = Vec::with_capacity(columns.len());
        for (i, (_, kind)) in columns.iter().enumerate() {
            out.push(match kind {
                Kind::Text => row
                    .try_get::<Option<String>, _>(i)?
                    .map_or(Value::Null, Value::Text),
                Kind::Integer => row
                    .try_get::<Option<i64>, _>(i)?
                    .map_or(Value::Null, Value::Integer),
                Kind::Boolean => row
                    .try_get::<Option<bool>, _>(i)?
                    .map_or(Value::Null, |b| Value::Integer(i64::from(b))),
            });
        }
        sum.add(&out);
    }
    Ok(sum.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_ignores_row_order_and_sees_every_value() {
        let a = vec![Value::Integer(1), Value::Text("An".into()), Value::Null];
        let b = vec![
            Value::Integer(2),
            Value::Text("Bình".into()),
            Value::Integer(0),
        ];
        let sum = |rows: &[&Vec<Value>]| {
            let mut c = Checksum::default();
            for row in rows {
                c.add(row);
            }
            c.finish()
        };
        assert_eq!(sum(&[&a, &b]), sum(&[&b, &a]));
        let changed = vec![
            Value::Integer(2),
            Value::Text("Binh".into()),
            Value::Integer(0),
        ];
        assert_ne!(sum(&[&a, &b]), sum(&[&a, &changed]));
        // NULL, 0 and "" are three different values.
        let zero = vec![
            Value::Integer(1),
            Value::Text("An".into()),
            Value::Integer(0),
        ];
        let empty = vec![
            Value::Integer(1),
            Value::Text("An".into()),
            Value::Text(String::new()),
        ];
        assert_ne!(sum(&[&a]), sum(&[&zero]));
        assert_ne!(sum(&[&zero]), sum(&[&empty]));
        assert_eq!(sum(&[&a, &b]).0, 2);
    }

    /// Every table of the schema is copied (a new table must be added to `TABLES`).
    #[tokio::test]
    async fn every_table_is_copied() {
        let db = super::super::open("sqlite::memory:").await.unwrap();
        let Db::Sqlite(pool) = &db else {
            unreachable!()
        };
        let mut tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        tables.sort();
        let mut listed: Vec<&str> = TABLES.to_vec();
        listed.sort_unstable();
        assert_eq!(tables, listed);
    }
}
