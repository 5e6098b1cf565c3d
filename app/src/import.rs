//! Reading import files (CSV) into domain rows, with a precise message per bad row.

use crate::auth::{self, AuthError};
use crate::domain::org::{RowProblem, UnitRow};
use crate::domain::person::{Role, Viewer};
use crate::domain::roster::{
    check_roster, parse_row, Entry, Existing, ProblemKind, RosterProblem, RosterRow, ROSTER_HEADER,
};
use crate::store::roster::RosterSummary;
use crate::store::sessions::Event;
use crate::store::{self, Db, StoreError};
use std::collections::{HashMap, HashSet};

/// A CSV reader for files as spreadsheets export them: UTF-8 with or without a BOM, fields
/// trimmed, rows of any length (each row's length is checked where it is read). Excel in a
/// Vietnamese (or any comma-decimal) locale saves with semicolons: a first line with
/// semicolons and no commas is read that way.
fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// What is wrong with a file's first row.
enum Header {
    /// The header as found, joined with commas.
    Wrong(String),
    Unreadable(String),
}

fn check_header(reader: &mut csv::Reader<&[u8]>, expected: &[&str]) -> Result<(), Header> {
    match reader.headers() {
        Ok(header) if header.iter().eq(expected.iter().copied()) => Ok(()),
        Ok(header) => Err(Header::Wrong(header.iter().collect::<Vec<_>>().join(","))),
        Err(error) => Err(Header::Unreadable(error.to_string())),
    }
}

/// The header a units file must start with.
pub const UNITS_HEADER: [&str; 4] = ["code", "parent_code", "kind", "name"];

/// Parses a units file (`code,parent_code,kind,name`, UTF-8, header first). Returns every
/// row, or every problem found.
pub fn units_csv(text: &str) -> Result<Vec<UnitRow>, Vec<RowProblem>> {
    let mut reader = csv_reader(text);
    let mut problems = Vec::new();
    match check_header(&mut reader, &UNITS_HEADER) {
        Ok(()) => {}
        Err(Header::Wrong(found)) => problems.push(RowProblem {
            row: 1,
            message: format!(
                "the header is \"{found}\"; it must be \"{}\"",
                UNITS_HEADER.join(",")
            ),
        }),
        Err(Header::Unreadable(error)) => problems.push(RowProblem {
            row: 1,
            message: format!("not readable as CSV: {error}"),
        }),
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) if record.len() != 4 => problems.push(RowProblem {
                row,
                message: format!(
                    "has {} fields; it needs 4 (code, parent_code, kind, name)",
                    record.len()
                ),
            }),
            Ok(record) => rows.push(UnitRow {
                row,
                code: record[0].to_owned(),
                parent_code: Some(record[1].to_owned()).filter(|p| !p.is_empty()),
                kind: record[2].to_owned(),
                name: record[3].to_owned(),
            }),
            Err(error) => problems.push(RowProblem {
                row,
                message: format!("not readable as CSV: {error}"),
            }),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_roster_excel_saved_with_semicolons() {
        // Excel in a Vietnamese locale separates with semicolons.
        let header = ROSTER_HEADER.join(";");
        let text = format!(
            "\u{feff}{header}\nS1;2026-2027;3A;student;HS1;Lò Văn An;2018;;\nS1;2026-2027;3A;teacher;co.lan;Lan;;;\n"
        );
        let (rows, problems) = roster_csv(&text, 2026);
        assert_eq!((rows.len(), problems.len()), (2, 0), "{problems:?}");
        // A row with several problems reports them all at once.
        let bad = format!("{header}\nS1;2026/27;3A;student;HS1;;20O9;;xyz\n");
        let lines: Vec<String> = roster_csv(&bad, 2026)
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with("row 2:")), "{lines:?}");
    }

    #[test]
    fn reads_a_roster_and_reports_every_bad_row() {
        let header = ROSTER_HEADER.join(",");
        let good = format!("{header}\nS1,2026-2027,3A,student,HS1,Lò Văn An,2018,,\nS1,2026-2027,3A,teacher,co.lan,Lan,,,\n");
        let (rows, problems) = roster_csv(&good, 2026);
        assert_eq!((rows.len(), problems.len()), (2, 0));
        let bad = format!("{header}\nS1,2026-2027,3A,student,HS1,An,20O9,,\nS1,2026-2027,3A\n");
        let lines: Vec<String> = roster_csv(&bad, 2026)
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 2: birth year \"20O9\" is not a year",
                "row 3: has 3 fields; it needs 9"
            ]
        );
        let wrong_header = roster_csv("a,b\n", 2026).1;
        assert!(wrong_header[0]
            .to_string()
            .starts_with("row 1: the header is \"a,b\""));
    }

    #[test]
    fn reads_rows_with_a_bom_and_spaces() {
        let rows = units_csv(
            "\u{feff}code,parent_code,kind,name\nP,,province, Tỉnh Lai Châu \nC1,P,commune,Xã A\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].parent_code, None);
        assert_eq!(rows[0].name, "Tỉnh Lai Châu");
        assert_eq!(rows[1].row, 3);
    }

    #[test]
    fn reports_the_header_and_every_short_row() {
        let problems =
            units_csv("code,parent,kind,name\nP,,province\nC,P,commune,Xã,extra\n").unwrap_err();
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "row 1: the header is \"code,parent,kind,name\"; it must be \"code,parent_code,kind,name\"",
                "row 2: has 3 fields; it needs 4 (code, parent_code, kind, name)",
                "row 3: has 5 fields; it needs 4 (code, parent_code, kind, name)",
            ]
        );
    }
}

/// Parses a roster file (`ROSTER_HEADER`, UTF-8, header first): the rows that are valid on
/// their own, and the problems of the others.
pub fn roster_csv(text: &str, this_year: i32) -> (Vec<RosterRow>, Vec<RosterProblem>) {
    let mut reader = csv_reader(text);
    let mut problems = Vec::new();
    match check_header(&mut reader, &ROSTER_HEADER) {
        Ok(()) => {}
        Err(Header::Wrong(found)) => problems.push(RosterProblem {
            row: 1,
            kind: ProblemKind::Header { found },
        }),
        Err(Header::Unreadable(error)) => problems.push(RosterProblem {
            row: 1,
            kind: ProblemKind::Unreadable { error },
        }),
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) => {
                let fields: Vec<&str> = record.iter().collect();
                match parse_row(row, &fields, this_year) {
                    Ok(parsed) => rows.push(parsed),
                    Err(found) => problems.extend(found),
                }
            }
            Err(error) => problems.push(RosterProblem {
                row,
                kind: ProblemKind::Unreadable {
                    error: error.to_string(),
                },
            }),
        }
    }
    (rows, problems)
}

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

/// The classes a roster import named, as the importer may now see them (their scope):
/// codes, teachers and how many students, for printing cards and family letters next.
pub async fn imported_classes(
    db: &Db,
    importer: &Viewer,
    ids: &std::collections::BTreeSet<i64>,
) -> Result<Vec<crate::api::people::ImportedClass>, StoreError> {
    let mut out = Vec::new();
    for class in store::people::classes_for(db, importer).await? {
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
    let allowed: Option<HashSet<String>> = match importer {
        Some(viewer) if viewer.role != Role::Admin => Some(
            store::people::home_subtree_codes(db, viewer.person_id)
                .await?
                .into_iter()
                .collect(),
        ),
        _ => None,
    };
    let usernames: Vec<&str> = rows
        .iter()
        .filter_map(|r| match &r.entry {
            Entry::Teacher { username, .. } => Some(username.as_str()),
            Entry::Student { .. } => None,
        })
        .collect();
    let existing: HashMap<String, Existing> = store::roster::existing_people(db, &usernames)
        .await?
        .into_iter()
        .filter_map(|(name, (role, home_unit))| {
            Role::from_code(&role).map(|role| (name, Existing { role, home_unit }))
        })
        .collect();
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

/// Parses a counts file: the rows valid on their own, every problem, and each row's raw unit
/// code and target (to check them all, bad rows included).
pub fn counts_csv(
    text: &str,
    today: &str,
) -> (
    Vec<crate::domain::counts::CountRow>,
    Vec<crate::domain::counts::CountProblem>,
    Vec<(usize, String, String)>,
    HashMap<usize, i32>,
) {
    use crate::domain::counts::{parse_row, CountProblem, CountProblemKind, COUNTS_HEADER};
    let mut reader = csv_reader(text);
    let mut problems = Vec::new();
    match check_header(&mut reader, &COUNTS_HEADER) {
        Ok(()) => {}
        Err(Header::Wrong(found)) => problems.push(CountProblem {
            row: 1,
            kind: CountProblemKind::Header { found },
        }),
        Err(Header::Unreadable(error)) => problems.push(CountProblem {
            row: 1,
            kind: CountProblemKind::Unreadable { error },
        }),
    }
    let mut rows = Vec::new();
    let mut raw = Vec::new();
    let mut years = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) => {
                let fields: Vec<&str> = record.iter().collect();
                if fields.len() >= 2 {
                    raw.push((
                        row,
                        fields[0].trim().to_owned(),
                        fields[1].trim().to_owned(),
                    ));
                }
                match parse_row(row, &fields, today) {
                    Ok(parsed) => {
                        years.insert(row, parsed.year);
                        rows.push(parsed);
                    }
                    Err(found) => problems.extend(found),
                }
            }
            Err(error) => problems.push(CountProblem {
                row,
                kind: CountProblemKind::Unreadable {
                    error: error.to_string(),
                },
            }),
        }
    }
    (rows, problems, raw, years)
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
    let allowed: Option<HashSet<String>> = match importer {
        Some(viewer) if viewer.role != Role::Admin => Some(
            store::people::home_subtree_codes(db, viewer.person_id)
                .await?
                .into_iter()
                .collect(),
        ),
        _ => None,
    };
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
