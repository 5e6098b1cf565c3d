//! Importing a checked roster: classes, students (with households) and teachers, in one
//! transaction. Importing the same file again changes nothing.

use super::Conn;
use super::{Db, StoreError};
use crate::auth;
use crate::domain::person::{code_from_bytes, CLASS_CODE_LEN, FAMILY_CODE_LEN};
use crate::domain::roster::{Entry, RosterRow};
use crate::domain::secret::{StudentSecret, PICTURES_UNTIL_AGE};
use std::collections::HashMap;

/// A student already on the roll: id, name, birth year, class, secret, household.
type StudentRow = (
    i64,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterSummary {
    pub classes_added: usize,
    /// Every class the file names (added or already there).
    pub classes: std::collections::BTreeSet<i64>,
    pub students: Counts,
    pub teachers: Counts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    Unchanged,
    Updated,
    Added,
}

impl Change {
    /// Added beats updated beats unchanged.
    fn mark(&mut self, change: Change) {
        *self = (*self).max(change);
    }
}

/// The people (of those named in `usernames`) who exist: username → (role code, home unit
/// code).
pub async fn existing_people(
    db: &Db,
    usernames: &[&str],
) -> Result<HashMap<String, (String, String)>, StoreError> {
    on_db!(db => {
        let mut found = HashMap::new();
        for username in usernames {
            let person: Option<(String, String)> = sqlx::query_as(
                "SELECT p.role, u.code FROM people p JOIN org_units u ON u.id = p.unit_id \
                 WHERE p.username = $1",
            )
            .bind(username)
            .fetch_optional(db)
            .await?;
            if let Some(person) = person {
                found.insert((*username).to_owned(), person);
            }
        }
        Ok(found)
    })
}

/// How many rows go by between two reports to a progress bar.
const STEP: usize = 200;

/// Imports rows that passed `check_roster`. `new_teacher_hashes` holds a password hash for
/// every teacher username that does not exist yet.
pub async fn import(
    db: &Db,
    rows: &[RosterRow],
    new_teacher_hashes: &HashMap<String, String>,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
    now: i64,
    steps: crate::Steps<'_>,
) -> Result<RosterSummary, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        // The rollups change at the end: wait for a rebuild before writing anything.
        super::coverage::hold_off_rebuild(&mut tx).await?;
        let total = rows.len() as u64;
        // Whose coverage may have changed (new people, people moved): brought up to date at the end,
        // in the same transaction.
        let mut touched: Vec<i64> = Vec::new();
        let mut households: Vec<i64> = Vec::new();
        let mut summary = RosterSummary::default();
        // A teacher may have several rows (one per class): counted once, by what happened.
        let mut teachers: HashMap<String, Change> = HashMap::new();
        for (done, row) in rows.iter().enumerate() {
            if done % STEP == 0 {
                steps("rows", done as u64, total);
            }
            let school_id: i64 = sqlx::query_scalar("SELECT id FROM org_units WHERE code = $1")
                .bind(&row.school_code)
                .fetch_one(&mut *tx)
                .await?;
            let class_id = class_id(&mut tx, school_id, row, &mut summary).await?;
            summary.classes.insert(class_id);
            match &row.entry {
                Entry::Student {
                    key,
                    name,
                    birth_year,
                    family,
                    secret,
                } => {
                    let current: Option<StudentRow> = sqlx::query_as(
                        "SELECT id, display_name, birth_year, class_id, secret, household_id FROM people \
                         WHERE unit_id = $1 AND student_key = $2 AND role = 'student'",
                    )
                    .bind(school_id)
                    .bind(key)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let household = match family {
                        Some(label) => Some(household_for_label(&mut tx, school_id, label).await?),
                        None => None,
                    };
                    match current {
                        None => {
                            let household = match household {
                                Some(id) => id,
                                None => new_household(&mut tx, school_id, None).await?,
                            };
                            let young = this_year - birth_year <= PICTURES_UNTIL_AGE;
                            let secret = secret
                                .unwrap_or_else(|| StudentSecret::generate(young, auth::random_u32()));
                            let id: i64 = sqlx::query_scalar(
                                "INSERT INTO people (role, unit_id, display_name, class_id, birth_year, student_key, secret, household_id, created_at) \
                                 VALUES ('student', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                            )
                            .bind(school_id)
                            .bind(name)
                            .bind(class_id)
                            .bind(birth_year)
                            .bind(key)
                            .bind(secret.stored())
                            .bind(household)
                            .bind(now)
                            .fetch_one(&mut *tx)
                            .await?;
                            touched.push(id);
                            households.push(household);
                            summary.students.added += 1;
                        }
                        Some((id, old_name, old_birth, old_class, old_secret, old_household)) => {
                            let new_secret = secret.map(|s| s.stored()).or(old_secret.clone());
                            let new_household = household.or(old_household);
                            let same = old_name == *name
                                && old_birth == Some(i64::from(*birth_year))
                                && old_class == Some(class_id)
                                && old_secret == new_secret
                                && old_household == new_household;
                            if same {
                                summary.students.unchanged += 1;
                            } else {
                                sqlx::query(
                                    "UPDATE people SET display_name = $1, birth_year = $2, class_id = $3, secret = $4, household_id = $5 \
                                     WHERE id = $6",
                                )
                                .bind(name)
                                .bind(birth_year)
                                .bind(class_id)
                                .bind(new_secret)
                                .bind(new_household)
                                .bind(id)
                                .execute(&mut *tx)
                                .await?;
                                touched.push(id);
                                households.extend(old_household.into_iter().chain(new_household));
                                summary.students.updated += 1;
                            }
                        }
                    }
                }
                Entry::Teacher { username, name } => {
                    let current: Option<(i64, String)> =
                        sqlx::query_as("SELECT id, display_name FROM people WHERE username = $1")
                            .bind(username.as_str())
                            .fetch_optional(&mut *tx)
                            .await?;
                    let state = teachers
                        .entry(username.as_str().to_owned())
                        .or_insert(Change::Unchanged);
                    let id = match current {
                        Some((id, old_name)) => {
                            if old_name != *name {
                                sqlx::query("UPDATE people SET display_name = $1 WHERE id = $2")
                                    .bind(name)
                                    .bind(id)
                                    .execute(&mut *tx)
                                    .await?;
                                state.mark(Change::Updated);
                            }
                            id
                        }
                        None => {
                            let hash = new_teacher_hashes.get(username.as_str()).ok_or_else(|| {
                                StoreError::Query(sqlx::Error::Protocol(format!(
                                    "no password prepared for the new teacher {}",
                                    username.as_str()
                                )))
                            })?;
                            state.mark(Change::Added);
                            let new_id: i64 = sqlx::query_scalar(
                                "INSERT INTO people (role, unit_id, display_name, username, password_hash, must_change_password, created_at) \
                                 VALUES ('teacher', $1, $2, $3, $4, TRUE, $5) RETURNING id",
                            )
                            .bind(school_id)
                            .bind(name)
                            .bind(username.as_str())
                            .bind(hash)
                            .bind(now)
                            .fetch_one(&mut *tx)
                            .await?;
                            touched.push(new_id);
                            new_id
                        }
                    };
                    let linked = sqlx::query(
                        "INSERT INTO class_teachers (class_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    )
                    .bind(class_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if linked > 0 {
                        state.mark(Change::Updated);
                    }
                }
            }
        }
        steps("rows", total, total);
        touched.sort_unstable();
        touched.dedup();
        households.sort_unstable();
        households.dedup();
        let recounts = (touched.len() + households.len()) as u64;
        for (done, person) in touched.iter().enumerate() {
            if done % STEP == 0 {
                steps("coverage", done as u64, recounts);
            }
            super::coverage::refresh_person(&mut tx, rules, *person, this_year).await?;
        }
        for (done, household) in households.iter().enumerate() {
            if done % STEP == 0 {
                steps("coverage", (touched.len() + done) as u64, recounts);
            }
            super::coverage::refresh_household(&mut tx, rules, *household).await?;
        }
        steps("coverage", recounts, recounts);
        for change in teachers.values() {
            match change {
                Change::Added => summary.teachers.added += 1,
                Change::Updated => summary.teachers.updated += 1,
                Change::Unchanged => summary.teachers.unchanged += 1,
            }
        }
        tx.commit().await?;
        Ok(summary)
    })
}

async fn class_id(
    conn: impl Into<Conn<'_>>,
    school_id: i64,
    row: &RosterRow,
    summary: &mut RosterSummary,
) -> Result<i64, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM classes WHERE school_id = $1 AND school_year = $2 AND name = $3",
        )
        .bind(school_id)
        .bind(&row.school_year)
        .bind(&row.class)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = existing {
            return Ok(id);
        }
        summary.classes_added += 1;
        let code = unused_code(
            &mut *conn,
            "SELECT count(*) FROM classes WHERE code = $1",
            CLASS_CODE_LEN,
        )
        .await?;
        Ok(sqlx::query_scalar(
            "INSERT INTO classes (school_id, school_year, name, code) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(school_id)
        .bind(&row.school_year)
        .bind(&row.class)
        .bind(code)
        .fetch_one(&mut *conn)
        .await?)
    })
}

async fn household_for_label(
    conn: impl Into<Conn<'_>>,
    school_id: i64,
    label: &str,
) -> Result<i64, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM households WHERE unit_id = $1 AND roster_label = $2")
                .bind(school_id)
                .bind(label)
                .fetch_optional(&mut *conn)
                .await?;
        match existing {
            Some(id) => Ok(id),
            None => new_household(&mut *conn, school_id, Some(label)).await,
        }
    })
}

async fn new_household(
    conn: impl Into<Conn<'_>>,
    school_id: i64,
    label: Option<&str>,
) -> Result<i64, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let code = unused_code(
            &mut *conn,
            "SELECT count(*) FROM households WHERE family_code = $1",
            FAMILY_CODE_LEN,
        )
        .await?;
        Ok(sqlx::query_scalar(
            "INSERT INTO households (unit_id, family_code, roster_label) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(school_id)
        .bind(code)
        .bind(label)
        .fetch_one(&mut *conn)
        .await?)
    })
}

/// A random code that `count_query` does not find yet.
async fn unused_code(
    conn: impl Into<Conn<'_>>,
    count_query: &str,
    len: usize,
) -> Result<String, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        loop {
            let bytes = auth::random_bytes::<16>();
            let code = code_from_bytes(&bytes[..len]);
            let taken: i64 = sqlx::query_scalar(count_query)
                .bind(&code)
                .fetch_one(&mut *conn)
                .await?;
            if taken == 0 {
                return Ok(code);
            }
        }
    })
}

/// Gives every class whose code is shorter than `CLASS_CODE_LEN` (made before codes were
/// lengthened) a new code of full length. Returns how many changed: their teachers print new
/// sign-in cards.
pub async fn lengthen_class_codes(db: &Db) -> Result<usize, StoreError> {
    on_db!(db => {
        let short: Vec<i64> = sqlx::query_scalar("SELECT id FROM classes WHERE length(code) < $1")
            .bind(CLASS_CODE_LEN as i64)
            .fetch_all(db)
            .await?;
        if short.is_empty() {
            return Ok(0);
        }
        let mut tx = db.begin().await?;
        for id in &short {
            let code = unused_code(
                &mut tx,
                "SELECT count(*) FROM classes WHERE code = $1",
                CLASS_CODE_LEN,
            )
            .await?;
            sqlx::query("UPDATE classes SET code = $1 WHERE id = $2")
                .bind(code)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(short.len())
    })
}
