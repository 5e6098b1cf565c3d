//! Coverage rollups (migration `0009_coverage.sql`): each subject's state, and per unit — at
//! every level of the tree — how many are registered and how many were reached each month.
//! Writers bring a subject up to date with [`refresh_person`] or [`refresh_household`], inside
//! the transaction that changed it; readers sum a few rows.

use super::Conn;
use super::{Db, StoreError};
use crate::domain::coverage::{institution_reached, SubjectState};
use std::collections::HashMap;

/// What a subject is: a person or a household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    Person,
    Household,
}

impl SubjectKind {
    pub fn code(self) -> &'static str {
        match self {
            SubjectKind::Person => "person",
            SubjectKind::Household => "household",
        }
    }
}

/// A unit and every unit above it, from its materialized path (`/1/5/23/` → 1, 5, 23).
pub async fn ancestors(conn: impl Into<Conn<'_>>, unit_id: i64) -> Result<Vec<i64>, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let path: Option<String> = sqlx::query_scalar("SELECT path FROM org_units WHERE id = $1")
            .bind(unit_id)
            .fetch_optional(&mut *conn)
            .await?;
        Ok(path
            .unwrap_or_default()
            .split('/')
            .filter_map(|id| id.parse().ok())
            .collect())
    })
}

async fn add_population(
    conn: impl Into<Conn<'_>>,
    unit_id: i64,
    target: &str,
    delta: i64,
) -> Result<(), StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        sqlx::query(
            "INSERT INTO coverage_population (unit_id, target_id, registered) VALUES ($1, $2, $3) \
             ON CONFLICT (unit_id, target_id) DO UPDATE SET registered = coverage_population.registered + excluded.registered",
        )
        .bind(unit_id)
        .bind(target)
        .bind(delta)
        .execute(&mut *conn)
        .await?;
        Ok(())
    })
}

async fn add_reached(
    conn: impl Into<Conn<'_>>,
    unit_id: i64,
    target: &str,
    month: i32,
    people: i64,
    units: i64,
) -> Result<(), StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        sqlx::query(
            "INSERT INTO coverage_reached (unit_id, target_id, month, people, units) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (unit_id, target_id, month) DO UPDATE SET \
             people = coverage_reached.people + excluded.people, units = coverage_reached.units + excluded.units",
        )
        .bind(unit_id)
        .bind(target)
        .bind(month)
        .bind(people)
        .bind(units)
        .execute(&mut *conn)
        .await?;
        Ok(())
    })
}

/// Makes the calling transaction wait for a rebuild of the rollups, and keeps the next one
/// from starting until it commits (PostgreSQL: [`REBUILD_LOCK`], shared). The change it
/// then makes applies to what the rebuild counted, never between its count and its
/// replacement of the rows. SQLite needs nothing: one writer at a time.
///
/// A transaction that may change the rollups calls it first, before it writes anything: one
/// that waited here holding a row would close a cycle when a writer already sharing the lock
/// needs that row (the writer waits for it, it waits behind the rebuild, the rebuild waits for
/// the writer), which PostgreSQL untangles only after its `deadlock_timeout` (a second). Taking
/// it again later (as [`refresh_person`] and [`refresh_household`] do) costs nothing.
pub async fn hold_off_rebuild(conn: impl Into<Conn<'_>>) -> Result<(), StoreError> {
    if let Conn::Postgres(pg) = conn.into() {
        sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
            .bind(REBUILD_LOCK)
            .execute(&mut *pg)
            .await?;
    }
    Ok(())
}

/// Sets a subject's state for a target (`None`: it no longer counts) and moves the rollups
/// of its old and new units and all their ancestors by the difference. For targets that count
/// institutions, the institutions concerned are looked at again. The caller's transaction
/// holds off a rebuild ([`hold_off_rebuild`]).
async fn apply(
    conn: impl Into<Conn<'_>>,
    target: &str,
    institutions: bool,
    kind: SubjectKind,
    subject_id: i64,
    new: Option<SubjectState>,
) -> Result<(), StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let old: Option<(i64, Option<i32>)> = sqlx::query_as(
            "SELECT unit_id, CAST(reached_month AS INTEGER) FROM coverage_subjects \
             WHERE target_id = $1 AND subject_kind = $2 AND subject_id = $3",
        )
        .bind(target)
        .bind(kind.code())
        .bind(subject_id)
        .fetch_optional(&mut *conn)
        .await?;
        let old = old.map(|(unit_id, reached_month)| SubjectState {
            unit_id,
            reached_month,
        });
        if old == new {
            return Ok(());
        }
        if let Some(old) = old {
            for unit in ancestors(&mut *conn, old.unit_id).await? {
                add_population(&mut *conn, unit, target, -1).await?;
                if let Some(month) = old.reached_month {
                    add_reached(&mut *conn, unit, target, month, -1, 0).await?;
                }
            }
        }
        match new {
            Some(new) => {
                for unit in ancestors(&mut *conn, new.unit_id).await? {
                    add_population(&mut *conn, unit, target, 1).await?;
                    if let Some(month) = new.reached_month {
                        add_reached(&mut *conn, unit, target, month, 1, 0).await?;
                    }
                }
                sqlx::query(
                    "INSERT INTO coverage_subjects (target_id, subject_kind, subject_id, unit_id, reached_month) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (target_id, subject_kind, subject_id) \
                     DO UPDATE SET unit_id = excluded.unit_id, reached_month = excluded.reached_month",
                )
                .bind(target)
                .bind(kind.code())
                .bind(subject_id)
                .bind(new.unit_id)
                .bind(new.reached_month)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM coverage_subjects WHERE target_id = $1 AND subject_kind = $2 AND subject_id = $3",
                )
                .bind(target)
                .bind(kind.code())
                .bind(subject_id)
                .execute(&mut *conn)
                .await?;
            }
        }
        if institutions {
            let mut units: Vec<i64> = old.iter().chain(new.iter()).map(|s| s.unit_id).collect();
            units.dedup();
            for unit in units {
                refresh_institution(&mut *conn, target, unit).await?;
            }
        }
        Ok(())
    })
}

/// Looks again at whether an institution is reached (everyone of the target's roles in it
/// is), and moves the institution counts of it and its ancestors by the difference.
async fn refresh_institution(
    conn: impl Into<Conn<'_>>,
    target: &str,
    unit_id: i64,
) -> Result<(), StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let (people, reached, last): (i64, i64, Option<i32>) = sqlx::query_as(
            "SELECT count(*), count(reached_month), CAST(max(reached_month) AS INTEGER) FROM coverage_subjects \
             WHERE target_id = $1 AND subject_kind = 'person' AND unit_id = $2",
        )
        .bind(target)
        .bind(unit_id)
        .fetch_one(&mut *conn)
        .await?;
        let new = institution_reached(people as u64, reached as u64)
            .then_some(last)
            .flatten();
        let old: Option<Option<i32>> = sqlx::query_scalar(
            "SELECT CAST(reached_month AS INTEGER) FROM coverage_institutions WHERE target_id = $1 AND unit_id = $2",
        )
        .bind(target)
        .bind(unit_id)
        .fetch_optional(&mut *conn)
        .await?;
        let old = old.flatten();
        if old != new {
            for unit in ancestors(&mut *conn, unit_id).await? {
                if let Some(month) = old {
                    add_reached(&mut *conn, unit, target, month, 0, -1).await?;
                }
                if let Some(month) = new {
                    add_reached(&mut *conn, unit, target, month, 0, 1).await?;
                }
            }
        }
        if people == 0 {
            sqlx::query("DELETE FROM coverage_institutions WHERE target_id = $1 AND unit_id = $2")
                .bind(target)
                .bind(unit_id)
                .execute(&mut *conn)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO coverage_institutions (target_id, unit_id, reached_month) VALUES ($1, $2, $3) \
                 ON CONFLICT (target_id, unit_id) DO UPDATE SET reached_month = excluded.reached_month",
            )
            .bind(target)
            .bind(unit_id)
            .bind(new)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    })
}

/// Rollups as a whole, for a full recount and for comparing with one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rollups {
    /// (unit, target) → registered.
    pub population: std::collections::BTreeMap<(i64, String), i64>,
    /// (unit, target, month) → (people, units) reached that month.
    pub reached: std::collections::BTreeMap<(i64, String, i32), (i64, i64)>,
}

impl Rollups {
    /// Without rows that add up to nothing (deltas that cancelled out).
    pub fn without_zeros(mut self) -> Rollups {
        self.population.retain(|_, n| *n != 0);
        self.reached.retain(|_, (p, u)| *p != 0 || *u != 0);
        self
    }
}

/// The rollups as stored.
pub async fn stored_rollups(db: &Db) -> Result<Rollups, StoreError> {
    on_db!(db => {
        let population: Vec<(i64, String, i64)> =
            sqlx::query_as("SELECT unit_id, target_id, registered FROM coverage_population")
                .fetch_all(db)
                .await?;
        let reached: Vec<(i64, String, i32, i64, i64)> =
            sqlx::query_as(
                "SELECT unit_id, target_id, CAST(month AS INTEGER), people, units FROM coverage_reached",
            )
                .fetch_all(db)
                .await?;
        Ok(Rollups {
            population: population
                .into_iter()
                .map(|(u, t, n)| ((u, t), n))
                .collect(),
            reached: reached
                .into_iter()
                .map(|(u, t, m, p, n)| ((u, t, m), (p, n)))
                .collect(),
        }
        .without_zeros())
    })
}

/// Every unit's ancestors (itself included), by id.
pub async fn all_ancestors(
    conn: impl Into<Conn<'_>>,
) -> Result<HashMap<i64, Vec<i64>>, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, path FROM org_units")
            .fetch_all(&mut *conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, path)| (id, path.split('/').filter_map(|p| p.parse().ok()).collect()))
            .collect())
    })
}

/// The rollups that the given subject states (target, kind, id → state) add up to, with the
/// institutions of the targets in `institution_targets`.
pub fn rollups_of(
    subjects: &HashMap<(String, SubjectKind, i64), SubjectState>,
    institution_targets: &[String],
    ancestors: &HashMap<i64, Vec<i64>>,
) -> (Rollups, HashMap<(String, i64), Option<i32>>) {
    let mut rollups = Rollups::default();
    // Per institution: people, reached, last month.
    let mut per_unit: HashMap<(String, i64), (u64, u64, Option<i32>)> = HashMap::new();
    for ((target, _, _), state) in subjects {
        for unit in ancestors.get(&state.unit_id).into_iter().flatten() {
            *rollups
                .population
                .entry((*unit, target.clone()))
                .or_default() += 1;
            if let Some(month) = state.reached_month {
                rollups
                    .reached
                    .entry((*unit, target.clone(), month))
                    .or_default()
                    .0 += 1;
            }
        }
        if institution_targets.contains(target) {
            let entry = per_unit
                .entry((target.clone(), state.unit_id))
                .or_insert((0, 0, None));
            entry.0 += 1;
            if let Some(month) = state.reached_month {
                entry.1 += 1;
                entry.2 = entry.2.max(Some(month));
            }
        }
    }
    let mut institutions = HashMap::new();
    for ((target, unit), (people, reached, last)) in per_unit {
        let month = institution_reached(people, reached)
            .then_some(last)
            .flatten();
        if let Some(month) = month {
            for ancestor in ancestors.get(&unit).into_iter().flatten() {
                rollups
                    .reached
                    .entry((*ancestor, target.clone(), month))
                    .or_default()
                    .1 += 1;
            }
        }
        institutions.insert((target, unit), month);
    }
    (rollups.without_zeros(), institutions)
}

/// The PostgreSQL advisory lock a rebuild of the rollups holds whole, and every change to them
/// shared ([`hold_off_rebuild`]; any fixed number of ours).
const REBUILD_LOCK: i64 = 675_1863;

/// Recounts every subject from people, households and completions and replaces every subject,
/// rollup and institution row with what they add up to (the targets in `institution_targets`
/// count institutions), with `meta`, in one transaction. Changes made meanwhile are not lost:
/// on PostgreSQL the rebuild holds [`REBUILD_LOCK`], which every change shares, so a
/// change waits and then applies to the rebuilt rows (several servers starting at once rebuild
/// one after the other); on SQLite the rebuild writes before it counts, and one writer at a
/// time is SQLite's rule. Returns how many subjects it counted.
pub async fn rebuild(
    db: &Db,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
    institution_targets: &[String],
    meta: &[(&str, String)],
) -> Result<usize, StoreError> {
    let postgres = db.dialect() == super::Dialect::Postgres;
    on_db!(db => {
        let mut tx = db.begin().await?;
        if postgres {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(REBUILD_LOCK)
                .execute(&mut *tx)
                .await?;
        }
        for table in [
            "coverage_subjects",
            "coverage_population",
            "coverage_reached",
            "coverage_institutions",
        ] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        let subjects = recount_subjects(&mut *tx, rules, this_year).await?;
        let ancestors = all_ancestors(&mut *tx).await?;
        let (rollups, institutions) = rollups_of(&subjects, institution_targets, &ancestors);
        for ((target, kind, id), state) in &subjects {
            sqlx::query(
                "INSERT INTO coverage_subjects (target_id, subject_kind, subject_id, unit_id, reached_month) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(target)
            .bind(kind.code())
            .bind(id)
            .bind(state.unit_id)
            .bind(state.reached_month)
            .execute(&mut *tx)
            .await?;
        }
        for ((unit, target), registered) in &rollups.population {
            sqlx::query(
                "INSERT INTO coverage_population (unit_id, target_id, registered) VALUES ($1, $2, $3)",
            )
            .bind(unit)
            .bind(target)
            .bind(registered)
            .execute(&mut *tx)
            .await?;
        }
        for ((unit, target, month), (people, units)) in &rollups.reached {
            sqlx::query(
                "INSERT INTO coverage_reached (unit_id, target_id, month, people, units) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(unit)
            .bind(target)
            .bind(month)
            .bind(people)
            .bind(units)
            .execute(&mut *tx)
            .await?;
        }
        for ((target, unit), month) in &institutions {
            sqlx::query(
                "INSERT INTO coverage_institutions (target_id, unit_id, reached_month) VALUES ($1, $2, $3)",
            )
            .bind(target)
            .bind(unit)
            .bind(month)
            .execute(&mut *tx)
            .await?;
        }
        for (key, value) in meta {
            sqlx::query(
                "INSERT INTO coverage_meta (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(key)
            .bind(value)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(subjects.len())
    })
}

pub async fn meta(db: &Db, key: &str) -> Result<Option<String>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar("SELECT value FROM coverage_meta WHERE key = $1")
                .bind(key)
                .fetch_optional(db)
                .await?,
        )
    })
}

/// The completions of a person, with the month (Vietnam time) of each.
async fn completions_of(
    conn: impl Into<Conn<'_>>,
    person_id: i64,
) -> Result<Vec<(String, i32)>, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT module_id, completed_at FROM completions WHERE person_id = $1")
                .bind(person_id)
                .fetch_all(&mut *conn)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(m, at)| (m, crate::domain::dates::local_month(at)))
            .collect())
    })
}

/// Brings one person's subjects (and their household's, for a parent) up to date with their
/// role, age, home unit and completions. Call it in the transaction that changed any of those.
pub async fn refresh_person(
    conn: impl Into<Conn<'_>>,
    rules: &[crate::domain::coverage::TargetRule],
    person_id: i64,
    this_year: i32,
) -> Result<(), StoreError> {
    let mut conn = conn.into();
    hold_off_rebuild(&mut conn).await?;
    on_conn!(conn => {
        use crate::domain::coverage::{person_state, PersonFacts};
        use crate::domain::person::Role;
        let row: Option<PersonRow> = sqlx::query_as(
            "SELECT p.role, p.birth_year, p.unit_id, u.kind, p.household_id FROM people p \
             JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1 AND p.deactivated_at IS NULL",
        )
        .bind(person_id)
        .fetch_optional(&mut *conn)
        .await?;
        let facts = row.and_then(|(role, birth_year, unit_id, unit_kind, household)| {
            Some((
                PersonFacts {
                    role: Role::from_code(&role)?,
                    age: birth_year.map(|y| this_year - y as i32),
                    unit_id,
                    unit_kind,
                },
                household,
            ))
        });
        let completions = match &facts {
            Some(_) => completions_of(&mut *conn, person_id).await?,
            None => Vec::new(),
        };
        for rule in rules.iter().filter(|r| !r.households) {
            let state = facts
                .as_ref()
                .and_then(|(facts, _)| person_state(rule, facts, &completions));
            apply(
                &mut *conn,
                &rule.id,
                rule.institutions,
                SubjectKind::Person,
                person_id,
                state,
            )
            .await?;
        }
        if let Some((facts, Some(household))) = &facts {
            if facts.role == Role::Parent {
                refresh_household(&mut *conn, rules, *household).await?;
            }
        }
        Ok(())
    })
}

/// [`refresh_household`] in a transaction of its own (after a change made elsewhere).
pub async fn refresh_household_in(
    db: &Db,
    rules: &[crate::domain::coverage::TargetRule],
    household_id: i64,
) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        refresh_household(&mut tx, rules, household_id).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Brings a household's subject up to date (its unit, and when its first parent was reached).
pub async fn refresh_household(
    conn: impl Into<Conn<'_>>,
    rules: &[crate::domain::coverage::TargetRule],
    household_id: i64,
) -> Result<(), StoreError> {
    let mut conn = conn.into();
    hold_off_rebuild(&mut conn).await?;
    on_conn!(conn => {
        use crate::domain::coverage::{household_state, parent_reached};
        let unit: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM households WHERE id = $1")
            .bind(household_id)
            .fetch_optional(&mut *conn)
            .await?;
        let parents: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM people WHERE household_id = $1 AND role = 'parent'")
                .bind(household_id)
                .fetch_all(&mut *conn)
                .await?;
        let mut completions = Vec::new();
        for parent in &parents {
            completions.push(completions_of(&mut *conn, *parent).await?);
        }
        for rule in rules.iter().filter(|r| r.households) {
            let state = unit.map(|unit| {
                let reached: Vec<Option<i32>> = completions
                    .iter()
                    .map(|c| parent_reached(rule, c))
                    .collect();
                household_state(unit, &reached)
            });
            apply(
                &mut *conn,
                &rule.id,
                rule.institutions,
                SubjectKind::Household,
                household_id,
                state,
            )
            .await?;
        }
        Ok(())
    })
}

/// Every subject's state computed afresh from people, households and completions (a full
/// recount, independent of the rollups kept so far).
pub async fn recount_subjects(
    conn: impl Into<Conn<'_>>,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
) -> Result<HashMap<(String, SubjectKind, i64), SubjectState>, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        use crate::domain::coverage::{household_state, parent_reached, person_state, PersonFacts};
        use crate::domain::person::Role;
        use futures_util::TryStreamExt;
        let people: Vec<IdentifiedPersonRow> = sqlx::query_as(
            "SELECT p.id, p.role, p.birth_year, p.unit_id, u.kind, p.household_id FROM people p \
             JOIN org_units u ON u.id = p.unit_id WHERE p.deactivated_at IS NULL ORDER BY p.id",
        )
        .fetch_all(&mut *conn)
        .await?;
        // Completions streamed in person order, merged with the people list.
        let mut by_person: HashMap<i64, Vec<(String, i32)>> = HashMap::new();
        {
            let mut rows = sqlx::query_as::<_, (i64, String, i64)>(
                "SELECT person_id, module_id, completed_at FROM completions",
            )
            .fetch(&mut *conn);
            while let Some((person, module, at)) = rows.try_next().await? {
                by_person
                    .entry(person)
                    .or_default()
                    .push((module, crate::domain::dates::local_month(at)));
            }
        }
        let none = Vec::new();
        let mut subjects = HashMap::new();
        let mut parents_by_household: HashMap<i64, Vec<i64>> = HashMap::new();
        for (id, role, birth_year, unit_id, unit_kind, household) in people {
            let Some(role) = Role::from_code(&role) else {
                continue;
            };
            if role == Role::Parent {
                if let Some(h) = household {
                    parents_by_household.entry(h).or_default().push(id);
                }
            }
            let facts = PersonFacts {
                role,
                age: birth_year.map(|y| this_year - y as i32),
                unit_id,
                unit_kind,
            };
            let completions = by_person.get(&id).unwrap_or(&none);
            for rule in rules.iter().filter(|r| !r.households) {
                if let Some(state) = person_state(rule, &facts, completions) {
                    subjects.insert((rule.id.clone(), SubjectKind::Person, id), state);
                }
            }
        }
        let households: Vec<(i64, i64)> = sqlx::query_as("SELECT id, unit_id FROM households")
            .fetch_all(&mut *conn)
            .await?;
        for (household, unit) in households {
            let parents = parents_by_household
                .get(&household)
                .unwrap_or(&Vec::new())
                .clone();
            for rule in rules.iter().filter(|r| r.households) {
                let reached: Vec<Option<i32>> = parents
                    .iter()
                    .map(|p| parent_reached(rule, by_person.get(p).unwrap_or(&none)))
                    .collect();
                subjects.insert(
                    (rule.id.clone(), SubjectKind::Household, household),
                    household_state(unit, &reached),
                );
            }
        }
        Ok(subjects)
    })
}

/// A unit as a coverage report names it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub path: String,
    pub parent_id: Option<i64>,
}

const UNIT: &str = "SELECT id, code, name, kind, path, parent_id FROM org_units";

pub async fn unit(db: &Db, id: i64) -> Result<Option<Unit>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(&format!("{UNIT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(db)
            .await?)
    })
}

pub async fn children(db: &Db, id: i64) -> Result<Vec<Unit>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as(&format!("{UNIT} WHERE parent_id = $1 ORDER BY name"))
                .bind(id)
                .fetch_all(db)
                .await?,
        )
    })
}

/// Which of these units have units below them.
pub async fn with_children(
    db: &Db,
    ids: &[i64],
) -> Result<std::collections::HashSet<i64>, StoreError> {
    on_db!(db => {
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let sql = format!(
            "SELECT DISTINCT parent_id FROM org_units WHERE parent_id IN ({})",
            placeholders(ids.len(), 1)
        );
        let mut query = sqlx::query_scalar::<_, i64>(&sql);
        for id in ids {
            query = query.bind(id);
        }
        Ok(query.fetch_all(db).await?.into_iter().collect())
    })
}

/// A person's home unit.
pub async fn home_unit(db: &Db, person_id: i64) -> Result<Option<Unit>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT u.id, u.code, u.name, u.kind, u.path, u.parent_id FROM org_units u \
             JOIN people p ON p.unit_id = u.id WHERE p.id = $1",
        )
        .bind(person_id)
        .fetch_optional(db)
        .await?)
    })
}

/// The units on a path, from the top (`/1/5/23/` → 1, 5, 23).
pub async fn lineage(db: &Db, path: &str) -> Result<Vec<Unit>, StoreError> {
    let mut units = Vec::new();
    for id in path.split('/').filter_map(|p| p.parse::<i64>().ok()) {
        if let Some(unit) = unit(db, id).await? {
            units.push(unit);
        }
    }
    Ok(units)
}

fn placeholders(n: usize, first: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Registered subjects per (unit, target) for these units.
pub async fn population_of(
    db: &Db,
    units: &[i64],
) -> Result<HashMap<(i64, String), i64>, StoreError> {
    on_db!(db => {
        if units.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT unit_id, target_id, registered FROM coverage_population WHERE unit_id IN ({})",
            placeholders(units.len(), 1)
        );
        let mut query = sqlx::query_as::<_, (i64, String, i64)>(&sql);
        for unit in units {
            query = query.bind(unit);
        }
        Ok(query
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|(u, t, n)| ((u, t), n))
            .collect())
    })
}

/// Subjects and institutions reached up to the end of `until` (a month index), per (unit,
/// target), for these units.
pub async fn reached_of(
    db: &Db,
    units: &[i64],
    until: i32,
) -> Result<HashMap<(i64, String), (i64, i64)>, StoreError> {
    on_db!(db => {
        if units.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT unit_id, target_id, CAST(sum(people) AS BIGINT), CAST(sum(units) AS BIGINT) FROM coverage_reached \
             WHERE month <= $1 AND unit_id IN ({}) GROUP BY unit_id, target_id",
            placeholders(units.len(), 2)
        );
        let mut query = sqlx::query_as::<_, (i64, String, i64, i64)>(&sql).bind(until);
        for unit in units {
            query = query.bind(unit);
        }
        Ok(query
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|(u, t, p, n)| ((u, t), (p, n)))
            .collect())
    })
}

/// A unit's reached subjects and institutions per target and month, up to `until`.
pub async fn monthly(
    db: &Db,
    unit: i64,
    until: i32,
) -> Result<Vec<(String, i32, i64, i64)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT target_id, CAST(month AS INTEGER), people, units FROM coverage_reached \
             WHERE unit_id = $1 AND month <= $2 ORDER BY month",
        )
        .bind(unit)
        .bind(until)
        .fetch_all(db)
        .await?)
    })
}

/// The path and kind of `root` and every unit below it: read once per report, for counting
/// institutions per target (`institutions_in`).
pub async fn kinds_below(db: &Db, root: &Unit) -> Result<Vec<(String, String)>, StoreError> {
    on_db!(db => {
        let end = crate::domain::org::subtree_end(&root.path);
        Ok(
            sqlx::query_as("SELECT path, kind FROM org_units WHERE path >= $1 AND path < $2")
                .bind(&root.path)
                .bind(&end)
                .fetch_all(db)
                .await?,
        )
    })
}

/// How many institutions of `kinds` each of `units` holds (itself included), from the
/// paths and kinds `kinds_below` read.
pub fn institutions_in(
    below: &[(String, String)],
    units: &[Unit],
    kinds: &[String],
) -> HashMap<i64, i64> {
    if kinds.is_empty() {
        return HashMap::new();
    }
    units
        .iter()
        .map(|unit| {
            let end = crate::domain::org::subtree_end(&unit.path);
            let n = below
                .iter()
                .filter(|(p, k)| {
                    p.as_str() >= unit.path.as_str()
                        && p.as_str() < end.as_str()
                        && kinds.contains(k)
                })
                .count();
            (unit.id, n as i64)
        })
        .collect()
}

/// A person as coverage reads them: role, birth year, unit, the unit's kind, household.
type PersonRow = (String, Option<i64>, i64, String, Option<i64>);
/// The same with the person's id first.
type IdentifiedPersonRow = (i64, String, Option<i64>, i64, String, Option<i64>);

/// Where an official count comes from: its source, as-of date (`YYYY-MM-DD`) and year.
pub type CountSource = (String, String, i32);

/// An official count: given for the unit (with its source), or the sum of the counts given
/// below it (`source` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Official {
    pub count: i64,
    /// Where a count given for this unit comes from.
    pub source: Option<CountSource>,
}

/// The official counts of `root` and every unit below it for `year` per (unit, target): a
/// unit's own count (or, where it has none for that year, its latest earlier one), else the
/// sum of its children's when complete (`domain::coverage::official_counts_of_tree`).
pub async fn official_tree(
    db: &Db,
    root: &Unit,
    year: i32,
) -> Result<HashMap<(i64, String), Official>, StoreError> {
    on_db!(db => {
        use crate::domain::coverage::official_counts_of_tree;
        let end = crate::domain::org::subtree_end(&root.path);
        let units: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, parent_id FROM org_units WHERE path >= $1 AND path < $2")
                .bind(&root.path)
                .bind(&end)
                .fetch_all(db)
                .await?;
        let given: Vec<(i64, String, i64, String, String, i32)> = sqlx::query_as(
            "SELECT c.unit_id, c.target_id, c.count, c.source, c.as_of, CAST(c.year AS INTEGER) FROM official_counts c \
             JOIN org_units u ON u.id = c.unit_id \
             WHERE c.year <= $1 AND u.path >= $2 AND u.path < $3 ORDER BY c.year",
        )
        .bind(year)
        .bind(&root.path)
        .bind(&end)
        .fetch_all(db)
        .await?;
        let population: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT p.unit_id, p.target_id, p.registered FROM coverage_population p \
             JOIN org_units u ON u.id = p.unit_id WHERE u.path >= $1 AND u.path < $2",
        )
        .bind(&root.path)
        .bind(&end)
        .fetch_all(db)
        .await?;
        // Ordered by year: the latest one stays.
        let mut own: HashMap<String, HashMap<i64, (u64, CountSource)>> = HashMap::new();
        for (unit, target, count, source, as_of, year) in given {
            own.entry(target)
                .or_default()
                .insert(unit, (count.max(0) as u64, (source, as_of, year)));
        }
        let mut registered: HashMap<String, HashMap<i64, u64>> = HashMap::new();
        for (unit, target, count) in population {
            registered
                .entry(target)
                .or_default()
                .insert(unit, count.max(0) as u64);
        }
        let empty = HashMap::new();
        let mut out = HashMap::new();
        for (target, given) in &own {
            let counts: HashMap<i64, u64> = given.iter().map(|(u, (n, _))| (*u, *n)).collect();
            let tree =
                official_counts_of_tree(&units, &counts, registered.get(target).unwrap_or(&empty));
            for (unit, count) in tree {
                out.insert(
                    (unit, target.clone()),
                    Official {
                        count: count as i64,
                        source: given.get(&unit).map(|(_, source)| source.clone()),
                    },
                );
            }
        }
        Ok(out)
    })
}

/// People of a (staff) target in a subtree not reached by the end of `until`: how many, and
/// the first `limit` of them (name, unit), by unit and name.
pub async fn untrained(
    db: &Db,
    target: &str,
    path: &str,
    until: i32,
    limit: i64,
) -> Result<(i64, Vec<(String, String)>), StoreError> {
    on_db!(db => {
        let end = crate::domain::org::subtree_end(path);
        // How many per unit, from the covering index alone (no person is read)…
        let per_unit: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT s.unit_id, count(*) FROM coverage_subjects s JOIN org_units u ON u.id = s.unit_id \
             WHERE s.target_id = $1 AND s.subject_kind = 'person' AND u.path >= $2 AND u.path < $3 \
             AND (s.reached_month IS NULL OR s.reached_month > $4) \
             GROUP BY s.unit_id, u.name ORDER BY u.name, s.unit_id",
        )
        .bind(target)
        .bind(path)
        .bind(&end)
        .bind(until)
        .fetch_all(db)
        .await?;
        let total = per_unit.iter().map(|(_, n)| n).sum();
        // …then the names of the first units' people only, up to `limit`.
        let mut units = Vec::new();
        let mut listed = 0;
        for (unit, n) in &per_unit {
            if listed >= limit {
                break;
            }
            units.push(*unit);
            listed += n;
        }
        if units.is_empty() {
            return Ok((total, Vec::new()));
        }
        let sql = format!(
            "SELECT p.display_name, u.name FROM coverage_subjects s JOIN org_units u ON u.id = s.unit_id \
             JOIN people p ON p.id = s.subject_id \
             WHERE s.target_id = $1 AND s.subject_kind = 'person' AND (s.reached_month IS NULL OR s.reached_month > $2) \
             AND s.unit_id IN ({}) ORDER BY u.name, p.display_name LIMIT {limit}",
            placeholders(units.len(), 3)
        );
        let mut query = sqlx::query_as::<_, (String, String)>(&sql)
            .bind(target)
            .bind(until);
        for unit in &units {
            query = query.bind(unit);
        }
        let people = query.fetch_all(db).await?;
        Ok((total, people))
    })
}

/// A closed report, as listed.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ClosedReport {
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    pub version: i64,
    pub closed_by: Option<String>,
    pub closed_at: i64,
}

const CLOSED: &str =
    "SELECT r.id, r.unit_id, CAST(r.year AS INTEGER) AS year, r.version, p.display_name AS closed_by, r.closed_at \
     FROM coverage_reports r LEFT JOIN people p ON p.id = r.closed_by";

/// The latest closed report of each of these units for a year.
pub async fn latest_closed(
    db: &Db,
    units: &[i64],
    year: i32,
) -> Result<HashMap<i64, ClosedReport>, StoreError> {
    on_db!(db => {
        if units.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "{CLOSED} WHERE r.year = $1 AND r.unit_id IN ({}) ORDER BY r.version",
            placeholders(units.len(), 2)
        );
        let mut query = sqlx::query_as::<_, ClosedReport>(&sql).bind(year);
        for unit in units {
            query = query.bind(unit);
        }
        Ok(query
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|r| (r.unit_id, r))
            .collect())
    })
}

/// Every closed report of a unit, newest first.
pub async fn closed_reports(db: &Db, unit: i64) -> Result<Vec<ClosedReport>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(&format!(
            "{CLOSED} WHERE r.unit_id = $1 ORDER BY r.year DESC, r.version DESC"
        ))
        .bind(unit)
        .fetch_all(db)
        .await?)
    })
}

/// A closed report's frozen text (JSON), with its listing.
pub async fn closed_report(db: &Db, id: i64) -> Result<Option<(ClosedReport, String)>, StoreError> {
    on_db!(db => {
        let listing: Option<ClosedReport> = sqlx::query_as(&format!("{CLOSED} WHERE r.id = $1"))
            .bind(id)
            .fetch_optional(db)
            .await?;
        let Some(listing) = listing else {
            return Ok(None);
        };
        let text: String = sqlx::query_scalar("SELECT report FROM coverage_reports WHERE id = $1")
            .bind(id)
            .fetch_one(db)
            .await?;
        Ok(Some((listing, text)))
    })
}

/// Freezes a report: a new version for the unit and year (never an edit of an older one).
pub async fn close(
    db: &Db,
    unit: i64,
    year: i32,
    closed_by: i64,
    now: i64,
    report: &str,
) -> Result<(i64, i64), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        let version: i64 = sqlx::query_scalar(
            "SELECT coalesce(max(version), 0) + 1 FROM coverage_reports WHERE unit_id = $1 AND year = $2",
        )
        .bind(unit)
        .bind(year)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO coverage_reports (unit_id, year, version, closed_by, closed_at, report) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(unit)
        .bind(year)
        .bind(version)
        .bind(closed_by)
        .bind(now)
        .bind(report)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((id, version))
    })
}
