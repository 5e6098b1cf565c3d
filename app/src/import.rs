//! Importing files (CSV, read by `sheets`): every row checked against what is stored, then
//! all of it stored in one transaction, or nothing with a precise message per bad row.

use crate::auth::{self, AuthError};
use crate::domain::person::{Role, Viewer};
use crate::domain::roster::{check_roster, Entry, Existing, RosterProblem};
use crate::domain::staff::{check_staff, StaffContext, StaffProblem};
pub use crate::sheets::{counts_csv, roster_csv, staff_csv, units_csv, UNITS_HEADER};
use crate::store::roster::RosterSummary;
use crate::store::sessions::Event;
use crate::store::staff::StaffSummary;
use crate::store::{self, Db, StoreError};
use std::collections::{HashMap, HashSet};

#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    #[error("{} bad row(s); nothing was imported", .0.len())]
    Rows(Vec<RosterProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Auth(#[from] AuthError),
}

/// What an import did, and the first password of each new teacher (shown once, to give them).
#[derive(Debug)]
pub struct RosterReport {
    pub rows: usize,
    pub summary: RosterSummary,
    pub new_teachers: Vec<(String, String)>,
}

/// The codes of the units an importer may fill: their home unit and everything under it;
/// `None` (any unit) for an admin and for the command line.
async fn units_of(
    db: &Db,
    importer: Option<&Viewer>,
) -> Result<Option<HashSet<String>>, StoreError> {
    Ok(match importer {
        Some(viewer) if viewer.role != Role::Admin => Some(
            store::people::home_subtree_codes(db, viewer.person_id)
                .await?
                .into_iter()
                .collect(),
        ),
        _ => None,
    })
}

/// The people a file's usernames already belong to: their role and home unit.
async fn existing_people(
    db: &Db,
    usernames: &[&str],
) -> Result<HashMap<String, Existing>, StoreError> {
    Ok(store::roster::existing_people(db, usernames)
        .await?
        .into_iter()
        .filter_map(|(name, (role, home_unit))| {
            Role::from_code(&role).map(|role| (name, Existing { role, home_unit }))
        })
        .collect())
}

/// The classes a roster import named, as the importer may now see them (their scope):
/// codes, teachers and how many students, for printing cards and family letters next.
pub async fn imported_classes(
    db: &Db,
    importer: &Viewer,
    ids: &std::collections::BTreeSet<i64>,
) -> Result<Vec<crate::api::people::ImportedClass>, StoreError> {
    let mut out = Vec::new();
    for class in store::people::classes_for(&mut db.lease().await?, importer).await? {
        if !ids.contains(&class.id) {
            continue;
        }
        let (teachers, students) = store::people::class_makeup(db, class.id).await?;
        out.push(crate::api::people::ImportedClass {
            id: class.id,
            code: crate::domain::person::format_class_code(&class.code),
            name: class.name,
            school_name: class.school_name,
            school_year: class.school_year,
            teachers,
            students,
        });
    }
    Ok(out)
}

/// Checks a whole roster file and imports it if every row is valid. `importer` narrows the
/// schools to their subtree (the web upload); `None` is the command line (any unit).
pub async fn roster(
    db: &Db,
    text: &str,
    importer: Option<&Viewer>,
    rules: &[crate::domain::coverage::TargetRule],
    steps: crate::Steps<'_>,
) -> Result<RosterReport, RosterError> {
    let now = auth::now();
    let this_year = crate::domain::dates::local_year(now);
    let (rows, mut problems) = roster_csv(text, this_year);
    let known: HashSet<String> = store::org::codes_with_parents(db)
        .await?
        .into_keys()
        .collect();
    let allowed = units_of(db, importer).await?;
    let usernames: Vec<&str> = rows
        .iter()
        .filter_map(|r| match &r.entry {
            Entry::Teacher { username, .. } => Some(username.as_str()),
            Entry::Student { .. } => None,
        })
        .collect();
    let existing = existing_people(db, &usernames).await?;
    // Every row is checked, those that were already bad on their own too.
    problems.extend(check_roster(&rows, &known, allowed.as_ref(), &existing));
    problems.sort_by_key(|p| p.row);
    if !problems.is_empty() {
        return Err(RosterError::Rows(problems));
    }
    // New teachers in the file's order, each once.
    let mut seen = HashSet::new();
    let new_usernames: Vec<&str> = usernames
        .into_iter()
        .filter(|username| !existing.contains_key(*username) && seen.insert(*username))
        .collect();
    let mut new_teachers = Vec::new();
    let mut hashes = HashMap::new();
    let total = new_usernames.len() as u64;
    for (done, username) in new_usernames.into_iter().enumerate() {
        steps("passwords", done as u64, total);
        let password = auth::temporary_password();
        hashes.insert(username.to_owned(), auth::hash_password(&password).await?);
        new_teachers.push((username.to_owned(), password));
    }
    let summary = store::roster::import(db, &rows, &hashes, rules, this_year, now, steps).await?;
    if let Some(viewer) = importer {
        let detail = format!("{} rows", rows.len());
        let event = Event {
            action: "roster-import",
            actor: Some(viewer.person_id),
            subject: None,
            client: None,
            detail: &detail,
        };
        store::sessions::audit(db, &event, now).await?;
    }
    Ok(RosterReport {
        rows: rows.len(),
        summary,
        new_teachers,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("{} bad row(s); nothing was imported", .0.len())]
    Rows(Vec<StaffProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Auth(#[from] AuthError),
}

/// What a staff import did, and the first password of each new account (shown once, to give
/// them).
#[derive(Debug)]
pub struct StaffReport {
    pub rows: usize,
    pub summary: StaffSummary,
    /// Username, role and first password.
    pub new_accounts: Vec<(String, Role, String)>,
}

/// Checks a whole staff file and imports it if every row is valid. `importer` narrows the
/// units to their subtree and the roles to those their rank may give (the web upload);
/// `None` is the command line (any unit, any staff role).
pub async fn staff(
    db: &Db,
    text: &str,
    importer: Option<&Viewer>,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<StaffReport, StaffError> {
    let now = auth::now();
    let this_year = crate::domain::dates::local_year(now);
    let (rows, mut problems) = staff_csv(text);
    if rows.len() > crate::domain::staff::MAX_STAFF_ROWS {
        return Err(StaffError::Rows(vec![StaffProblem {
            row: 1,
            kind: crate::domain::staff::StaffProblemKind::TooMany { rows: rows.len() },
        }]));
    }
    let units = store::org::kinds_by_code(db).await?;
    let allowed = units_of(db, importer).await?;
    let usernames: Vec<&str> = rows.iter().map(|r| r.username.as_str()).collect();
    let existing = existing_people(db, &usernames).await?;
    let kinds = crate::coverage::staff_unit_kinds(rules);
    let context = StaffContext {
        units: &units,
        allowed: allowed.as_ref(),
        importer: importer.map(|v| v.role),
        kinds: &kinds,
        existing: &existing,
    };
    problems.extend(check_staff(&rows, &context));
    problems.sort_by_key(|p| p.row);
    if !problems.is_empty() {
        return Err(StaffError::Rows(problems));
    }
    let mut new_accounts = Vec::new();
    let mut hashes = HashMap::new();
    for row in rows
        .iter()
        .filter(|r| !existing.contains_key(r.username.as_str()))
    {
        let password = auth::temporary_password();
        hashes.insert(
            row.username.as_str().to_owned(),
            auth::hash_password(&password).await?,
        );
        new_accounts.push((row.username.as_str().to_owned(), row.role, password));
    }
    let summary = store::staff::import(db, &rows, &hashes, rules, this_year, now).await?;
    let detail = format!(
        "{} rows; added {}, updated {}, unchanged {}",
        rows.len(),
        summary.added,
        summary.updated,
        summary.unchanged
    );
    let event = Event {
        action: "staff-import",
        actor: importer.map(|v| v.person_id),
        subject: None,
        client: None,
        detail: &detail,
    };
    store::sessions::audit(db, &event, now).await?;
    Ok(StaffReport {
        rows: rows.len(),
        summary,
        new_accounts,
    })
}

/// What a counts import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CountsSummary {
    pub rows: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum CountsError {
    #[error("{} bad row(s); nothing was imported", .0.len())]
    Rows(Vec<crate::domain::counts::CountProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks a whole counts file and imports it if every row is valid. `importer` narrows the
/// units to their subtree (the web upload); `None` is the command line.
pub async fn counts(
    db: &Db,
    text: &str,
    importer: Option<&Viewer>,
    targets: &[String],
    steps: crate::Steps<'_>,
) -> Result<CountsSummary, CountsError> {
    use crate::domain::counts::check_counts;
    let now = auth::now();
    let today = crate::domain::dates::local_day(now).to_string();
    let (rows, mut problems, raw, years) = counts_csv(text, &today);
    let known: HashSet<String> = store::org::codes_with_parents(db)
        .await?
        .into_keys()
        .collect();
    let allowed = units_of(db, importer).await?;
    problems.extend(check_counts(
        &raw,
        &known,
        allowed.as_ref(),
        targets,
        &years,
    ));
    problems.sort_by_key(|p| p.row);
    problems.dedup();
    if !problems.is_empty() {
        return Err(CountsError::Rows(problems));
    }
    let (added, updated, unchanged) =
        store::counts::import(db, &rows, importer.map(|v| v.person_id), now, steps).await?;
    if let Some(viewer) = importer {
        let detail = format!("{} rows", rows.len());
        let event = Event {
            action: "counts-import",
            actor: Some(viewer.person_id),
            subject: None,
            client: None,
            detail: &detail,
        };
        store::sessions::audit(db, &event, now).await?;
    }
    Ok(CountsSummary {
        rows: rows.len(),
        added,
        updated,
        unchanged,
    })
}
