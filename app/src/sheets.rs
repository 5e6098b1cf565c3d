//! Reading files as spreadsheets export them (CSV) into domain rows, with a precise message
//! per bad row. No I/O: the text comes in, rows and problems go out (the importers in
//! `import` store them; the fuzz targets in `fuzz/` feed them anything).

use crate::domain::org::{RowProblem, UnitRow};
use crate::domain::roster::{parse_row, ProblemKind, RosterProblem, RosterRow, ROSTER_HEADER};
use crate::domain::staff::{self, StaffProblem, StaffProblemKind, StaffRow, STAFF_HEADER};
use std::collections::HashMap;

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

/// What is wrong with a file's first row (or, `Unreadable`, with any row).
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
    fn reads_a_staff_file_saved_with_semicolons_and_reports_every_bad_row() {
        let header = STAFF_HEADER.join(";");
        let text = format!("\u{feff}{header}\nC1-TYT;health-worker;yte.lan;Lường Thị Lan\n");
        let (rows, problems) = staff_csv(&text);
        assert_eq!((rows.len(), problems.len()), (1, 0), "{problems:?}");
        let bad = format!("{header}\nC1;nurse;yte.lan;Lan\nC1;teacher\n");
        let lines: Vec<String> = staff_csv(&bad).1.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("row 2: role \"nurse\""), "{lines:?}");
        assert_eq!(lines[1], "row 3: has 2 fields; it needs 4");
        assert!(staff_csv("a,b\n").1[0]
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
    read_rows(
        text,
        &ROSTER_HEADER,
        |row, fields| parse_row(row, fields, this_year),
        |row, header| RosterProblem {
            row,
            kind: match header {
                Header::Wrong(found) => ProblemKind::Header { found },
                Header::Unreadable(error) => ProblemKind::Unreadable { error },
            },
        },
    )
}

/// Reads a file with `header` row by row: what `parse` makes of each row, and every problem
/// (`problem` words one about the header, or a row that is not readable as CSV).
fn read_rows<R, P>(
    text: &str,
    header: &[&str],
    parse: impl Fn(usize, &[&str]) -> Result<R, Vec<P>>,
    problem: impl Fn(usize, Header) -> P,
) -> (Vec<R>, Vec<P>) {
    let mut reader = csv_reader(text);
    let mut problems = Vec::new();
    if let Err(found) = check_header(&mut reader, header) {
        problems.push(problem(1, found));
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) => {
                let fields: Vec<&str> = record.iter().collect();
                match parse(row, &fields) {
                    Ok(parsed) => rows.push(parsed),
                    Err(found) => problems.extend(found),
                }
            }
            Err(error) => problems.push(problem(row, Header::Unreadable(error.to_string()))),
        }
    }
    (rows, problems)
}

/// A counts file read: the rows valid on their own, every problem, each row's raw unit code
/// and target (by row number), and each row's year.
pub type CountsRead = (
    Vec<crate::domain::counts::CountRow>,
    Vec<crate::domain::counts::CountProblem>,
    Vec<(usize, String, String)>,
    HashMap<usize, i32>,
);

/// Parses a counts file: the rows valid on their own, every problem, and each row's raw unit
/// code and target (to check them all, bad rows included).
pub fn counts_csv(text: &str, today: &str) -> CountsRead {
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
                // A row of the template left to fill: no count, source or date. Skipped, as
                // the manager meant (a unit they have no figure for yet).
                if fields.len() == COUNTS_HEADER.len()
                    && fields[3..].iter().all(|f| f.trim().is_empty())
                {
                    continue;
                }
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

/// Parses a staff file (`STAFF_HEADER`, UTF-8, header first): the rows that are valid on
/// their own, and the problems of the others.
pub fn staff_csv(text: &str) -> (Vec<StaffRow>, Vec<StaffProblem>) {
    read_rows(text, &STAFF_HEADER, staff::parse_row, |row, header| {
        StaffProblem {
            row,
            kind: match header {
                Header::Wrong(found) => StaffProblemKind::Header { found },
                Header::Unreadable(error) => StaffProblemKind::Unreadable { error },
            },
        }
    })
}
