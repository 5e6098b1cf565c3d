//! Official counts (the denominators of coverage) from one CSV file: per unit, target and
//! year, the count with its source and as-of date. As for rosters, every row is checked
//! before anything is imported, and each problem names its row.

use std::collections::{HashMap, HashSet};
use std::fmt;

/// The columns of a counts file, in order.
pub const COUNTS_HEADER: [&str; 6] = ["unit_code", "target", "year", "count", "source", "as_of"];

/// The largest count accepted (a province has some hundreds of thousands of people).
pub const MAX_COUNT: u64 = 10_000_000;

/// One valid row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountRow {
    pub row: usize,
    pub unit_code: String,
    pub target: String,
    pub year: i32,
    pub count: u64,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub as_of: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountProblem {
    pub row: usize,
    pub kind: CountProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountProblemKind {
    Header { found: String },
    Unreadable { error: String },
    FieldCount { found: usize },
    UnknownUnit { code: String },
    NotYourUnit { code: String },
    UnknownTarget { value: String },
    Year { value: String },
    Count { value: String },
    Source,
    AsOf { value: String },
    Duplicate { first_row: usize },
}

impl CountProblemKind {
    /// The Fluent key of the message on the upload page (`counts-problem-…`).
    pub fn key(&self) -> &'static str {
        match self {
            CountProblemKind::Header { .. } => "counts-problem-header",
            CountProblemKind::Unreadable { .. } => "counts-problem-unreadable",
            CountProblemKind::FieldCount { .. } => "counts-problem-field-count",
            CountProblemKind::UnknownUnit { .. } => "counts-problem-unknown-unit",
            CountProblemKind::NotYourUnit { .. } => "counts-problem-not-your-unit",
            CountProblemKind::UnknownTarget { .. } => "counts-problem-target",
            CountProblemKind::Year { .. } => "counts-problem-year",
            CountProblemKind::Count { .. } => "counts-problem-count",
            CountProblemKind::Source => "counts-problem-source",
            CountProblemKind::AsOf { .. } => "counts-problem-as-of",
            CountProblemKind::Duplicate { .. } => "counts-problem-duplicate",
        }
    }

    /// The value the message quotes.
    pub fn value(&self) -> String {
        match self {
            CountProblemKind::Header { found } => found.clone(),
            CountProblemKind::Unreadable { error } => error.clone(),
            CountProblemKind::FieldCount { found } => found.to_string(),
            CountProblemKind::UnknownUnit { code } | CountProblemKind::NotYourUnit { code } => {
                code.clone()
            }
            CountProblemKind::UnknownTarget { value }
            | CountProblemKind::Year { value }
            | CountProblemKind::Count { value }
            | CountProblemKind::AsOf { value } => value.clone(),
            CountProblemKind::Source => String::new(),
            CountProblemKind::Duplicate { first_row } => first_row.to_string(),
        }
    }
}

impl fmt::Display for CountProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: ", self.row)?;
        match &self.kind {
            CountProblemKind::Header { found } => write!(
                f,
                "the header is \"{found}\"; it must be \"{}\"",
                COUNTS_HEADER.join(",")
            ),
            CountProblemKind::Unreadable { error } => write!(f, "not readable as CSV: {error}"),
            CountProblemKind::FieldCount { found } => write!(f, "has {found} fields; it needs 6"),
            CountProblemKind::UnknownUnit { code } => write!(f, "no unit has the code \"{code}\""),
            CountProblemKind::NotYourUnit { code } => {
                write!(f, "the unit \"{code}\" is not under your unit")
            }
            CountProblemKind::UnknownTarget { value } => {
                write!(f, "\"{value}\" is not a target of the plan")
            }
            CountProblemKind::Year { value } => write!(f, "year \"{value}\" is not a year"),
            CountProblemKind::Count { value } => {
                write!(
                    f,
                    "count \"{value}\" is not a whole number from 0 to {MAX_COUNT}"
                )
            }
            CountProblemKind::Source => {
                write!(f, "source is empty (or longer than 200 characters)")
            }
            CountProblemKind::AsOf { value } => {
                write!(
                    f,
                    "as_of \"{value}\" is not a date (DD/MM/YYYY or YYYY-MM-DD) up to today"
                )
            }
            CountProblemKind::Duplicate { first_row } => {
                write!(f, "the same unit, target and year as row {first_row}")
            }
        }
    }
}

/// A unit as the counts template lists it: its code, its kind, and whether units are under it.
pub struct TemplateUnit<'a> {
    pub code: &'a str,
    pub kind: &'a str,
    pub has_units_below: bool,
}

/// A target as the counts template sees it: its id, the unit kinds its people belong to, and
/// whether it counts institutions (schools, health stations) rather than people.
pub struct TemplateTarget<'a> {
    pub id: &'a str,
    pub kinds: &'a [String],
    pub institutions: bool,
}

/// The rows of a counts template for `year`: for each unit, each target that can apply to it —
/// people narrowed to unit kinds (students) on units of those kinds (each school its
/// students); everything else (families, staff, police, and the number of schools or health
/// stations) on the units that have units under them (the province, communes and wards).
/// Count, source and date are left to fill; rows left empty are skipped when the file comes
/// back.
pub fn template_rows(
    units: &[TemplateUnit<'_>],
    targets: &[TemplateTarget<'_>],
    year: i32,
) -> Vec<[String; 6]> {
    let mut rows = Vec::new();
    for unit in units {
        for target in targets {
            let applies = if target.kinds.is_empty() || target.institutions {
                unit.has_units_below
            } else {
                target.kinds.iter().any(|k| k == unit.kind)
            };
            if applies {
                rows.push([
                    unit.code.to_owned(),
                    target.id.to_owned(),
                    year.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }
    rows
}

/// Parses one row on its own (`today` as `YYYY-MM-DD`, for the as-of date).
pub fn parse_row(row: usize, fields: &[&str], today: &str) -> Result<CountRow, Vec<CountProblem>> {
    let mut problems = Vec::new();
    let mut complain = |kind| problems.push(CountProblem { row, kind });
    if fields.len() != COUNTS_HEADER.len() {
        complain(CountProblemKind::FieldCount {
            found: fields.len(),
        });
        return Err(problems);
    }
    let [unit, target, year, count, source, as_of] = std::array::from_fn(|i| fields[i].trim());
    let year_value = year
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    if year_value.is_none() {
        complain(CountProblemKind::Year {
            value: year.to_owned(),
        });
    }
    let count_value = count
        .replace([' ', '.', ','], "")
        .parse::<u64>()
        .ok()
        .filter(|n| *n <= MAX_COUNT)
        .filter(|_| !count.is_empty());
    if count_value.is_none() {
        complain(CountProblemKind::Count {
            value: count.to_owned(),
        });
    }
    if source.is_empty() || source.chars().count() > 200 {
        complain(CountProblemKind::Source);
    }
    let as_of_iso = iso_date(as_of).filter(|d| d.as_str() <= today && is_real_date(d));
    if as_of_iso.is_none() {
        complain(CountProblemKind::AsOf {
            value: as_of.to_owned(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CountRow {
        row,
        unit_code: unit.to_owned(),
        target: target.to_owned(),
        year: year_value.unwrap_or_default(),
        count: count_value.unwrap_or_default(),
        source: source.to_owned(),
        as_of: as_of_iso.unwrap_or_default(),
    })
}

/// A date as `YYYY-MM-DD`, from that form or from the day-first form Vietnamese spreadsheets
/// write (`5/9/2026`, `05/09/2026`, `05.09.2026`). Not checked to be a real day.
fn iso_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if text.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        return text.is_ascii().then(|| text.to_owned());
    }
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (day, month, year) = (
        number(day, 1..=2)?,
        number(month, 1..=2)?,
        number(year, 4..=4)?,
    );
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn is_real_date(text: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (
        text[..4].parse::<i32>(),
        text[5..7].parse::<u32>(),
        text[8..].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Checks rows against the units and targets that exist and the importer's units, and for
/// duplicates. `fields_of` are the raw unit code and target of every row, valid or not, so a
/// row's every problem is reported at once.
pub fn check_counts(
    rows: &[(usize, String, String)],
    known_units: &HashSet<String>,
    allowed_units: Option<&HashSet<String>>,
    targets: &[String],
    years: &HashMap<usize, i32>,
) -> Vec<CountProblem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<(&str, &str, i32), usize> = HashMap::new();
    for (row, unit, target) in rows {
        let mut complain = |kind| problems.push(CountProblem { row: *row, kind });
        if !known_units.contains(unit) {
            complain(CountProblemKind::UnknownUnit { code: unit.clone() });
        } else if allowed_units.is_some_and(|allowed| !allowed.contains(unit)) {
            complain(CountProblemKind::NotYourUnit { code: unit.clone() });
        }
        if !targets.contains(target) {
            complain(CountProblemKind::UnknownTarget {
                value: target.clone(),
            });
        }
        if let Some(year) = years.get(row) {
            if let Some(first_row) = seen.insert((unit, target, *year), *row) {
                complain(CountProblemKind::Duplicate { first_row });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<&str> {
        line.split(',').collect()
    }

    #[test]
    fn a_row_reports_every_problem_at_once() {
        let ok = parse_row(
            2,
            &fields("LC-C01,students,2026,1 250,Phòng GD&ĐT,2026-09-05"),
            "2026-11-29",
        )
        .unwrap();
        assert_eq!((ok.count, ok.year), (1250, 2026));
        let bad: Vec<String> = parse_row(
            3,
            &fields("LC-C01,students,20x6,-4,,2027-01-01"),
            "2026-11-29",
        )
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            bad,
            [
                "row 3: year \"20x6\" is not a year",
                "row 3: count \"-4\" is not a whole number from 0 to 10000000",
                "row 3: source is empty (or longer than 200 characters)",
                "row 3: as_of \"2027-01-01\" is not a date (DD/MM/YYYY or YYYY-MM-DD) up to today",
            ]
        );
        assert_eq!(
            parse_row(4, &["a"], "2026-11-29").unwrap_err()[0].to_string(),
            "row 4: has 1 fields; it needs 6"
        );
        assert!(parse_row(5, &fields("X,t,2026,1,s,2026-02-30"), "2026-11-29").is_err());
    }

    #[test]
    fn a_template_offers_each_unit_the_targets_that_apply_to_it() {
        let school = vec!["school".to_owned()];
        let station = vec!["health-station".to_owned()];
        let none: Vec<String> = Vec::new();
        let units = [
            TemplateUnit {
                code: "P",
                kind: "province",
                has_units_below: true,
            },
            TemplateUnit {
                code: "S",
                kind: "school",
                has_units_below: false,
            },
            TemplateUnit {
                code: "H",
                kind: "health-station",
                has_units_below: false,
            },
        ];
        let target = |id, kinds, institutions| TemplateTarget {
            id,
            kinds,
            institutions,
        };
        let rows = template_rows(
            &units,
            &[
                target("families", &none, false),
                target("students", &school, false),
                target("health", &station, true),
            ],
            2026,
        );
        let pairs: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("P", "families"), ("P", "health"), ("S", "students")],
            "a school counts its students; health stations are counted by the units above them"
        );
        assert_eq!(rows[0][2], "2026");
        assert!(rows.iter().all(|r| r[3..].iter().all(String::is_empty)));
    }

    #[test]
    fn dates_are_read_as_vietnamese_spreadsheets_write_them() {
        let as_of = |date: &str| {
            parse_row(2, &fields(&format!("C,t,2026,1,s,{date}")), "2026-11-29")
                .map(|r| r.as_of)
                .ok()
        };
        assert_eq!(
            as_of("05/09/2026").as_deref(),
            Some("2026-09-05"),
            "day first"
        );
        assert_eq!(as_of("5/9/2026").as_deref(), Some("2026-09-05"));
        assert_eq!(as_of("05.09.2026").as_deref(), Some("2026-09-05"));
        assert_eq!(as_of("2026-09-05").as_deref(), Some("2026-09-05"));
        assert_eq!(as_of("30/02/2026"), None, "not a day");
        assert_eq!(as_of("01/12/2026"), None, "after today");
        assert_eq!(as_of("09/2026"), None);
        assert_eq!(as_of("5/9/26"), None, "a year of two digits is ambiguous");
    }

    #[test]
    fn units_targets_scope_and_duplicates_are_checked() {
        let known: HashSet<String> = ["P", "C1", "C2"].map(String::from).into();
        let allowed: HashSet<String> = ["C1"].map(String::from).into();
        let targets = vec!["students".to_owned()];
        let rows = vec![
            (2, "C1".to_owned(), "students".to_owned()),
            (3, "C2".to_owned(), "students".to_owned()),
            (4, "C9".to_owned(), "pupils".to_owned()),
            (5, "C1".to_owned(), "students".to_owned()),
        ];
        let years: HashMap<usize, i32> = [(2, 2026), (3, 2026), (4, 2026), (5, 2026)].into();
        let lines: Vec<String> = check_counts(&rows, &known, Some(&allowed), &targets, &years)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "row 3: the unit \"C2\" is not under your unit",
                "row 4: no unit has the code \"C9\"",
                "row 4: \"pupils\" is not a target of the plan",
                "row 5: the same unit, target and year as row 2",
            ]
        );
    }
}
