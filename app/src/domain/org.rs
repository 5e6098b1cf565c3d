//! The organisation tree: units whose kinds are data (province → commune/ward → school today;
//! Vietnam removed the district level in 2025, so no level is hard-coded).

use std::collections::{HashMap, HashSet};

/// One row of a units file: `code,parent_code,kind,name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    /// The 1-based row number in the file (the header is row 1).
    pub row: usize,
    pub code: String,
    pub parent_code: Option<String>,
    pub kind: String,
    pub name: String,
}

/// A problem with one row, worded for the person who made the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}: {}", self.row, self.message)
    }
}

/// Checks a whole units file against itself and the units already stored (`existing`: code →
/// parent code). Every bad row is reported; an empty list means the file can be imported.
pub fn check_units(
    rows: &[UnitRow],
    existing: &HashMap<String, Option<String>>,
) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let mut complain = |message: String| {
            problems.push(RowProblem {
                row: row.row,
                message,
            })
        };
        if row.code.trim().is_empty() {
            complain("code is empty".to_owned());
        } else if row.code.trim() != row.code || row.code.contains(['/', ',']) {
            complain(format!(
                "code {:?} has spaces at its ends, a slash or a comma",
                row.code
            ));
        }
        if row.kind.trim().is_empty() {
            complain("kind is empty (e.g. province, commune, ward, school)".to_owned());
        }
        if row.name.trim().is_empty() {
            complain("name is empty".to_owned());
        }
        if let Some(first) = seen.insert(row.code.as_str(), row.row) {
            complain(format!(
                "code {:?} is already used on row {first}",
                row.code
            ));
        }
        if row.parent_code.as_deref() == Some(row.code.as_str()) {
            complain(format!("unit {:?} cannot be its own parent", row.code));
        }
    }
    let in_file: HashMap<&str, Option<&str>> = rows
        .iter()
        .map(|r| (r.code.as_str(), r.parent_code.as_deref()))
        .collect();
    for row in rows {
        if let Some(parent) = &row.parent_code {
            if !in_file.contains_key(parent.as_str()) && !existing.contains_key(parent) {
                problems.push(RowProblem {
                    row: row.row,
                    message: format!(
                        "parent {parent:?} is neither in this file nor already imported"
                    ),
                });
            }
        }
    }
    // Cycles: follow parents (the file's first, then the stored ones) until a root.
    let parent_of = |code: &str| -> Option<String> {
        match in_file.get(code) {
            Some(parent) => parent.map(str::to_owned),
            None => existing.get(code).cloned().flatten(),
        }
    };
    for row in rows {
        let mut visited = HashSet::from([row.code.clone()]);
        let mut current = row.parent_code.clone();
        while let Some(code) = current {
            if !visited.insert(code.clone()) {
                if code == row.code {
                    problems.push(RowProblem {
                        row: row.row,
                        message: format!(
                            "unit {:?} is inside itself (its parents form a loop)",
                            row.code
                        ),
                    });
                }
                break;
            }
            current = parent_of(&code);
        }
    }
    problems.sort_by_key(|p| p.row);
    problems
}

/// Orders rows so that every parent comes before its children (the input has been checked).
pub fn parents_first(rows: &[UnitRow]) -> Vec<&UnitRow> {
    let codes: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let mut placed: HashSet<&str> = HashSet::new();
    let mut ordered = Vec::with_capacity(rows.len());
    while ordered.len() < rows.len() {
        let before = ordered.len();
        for row in rows {
            let ready = row
                .parent_code
                .as_deref()
                .is_none_or(|p| !codes.contains(p) || placed.contains(p));
            if !placed.contains(row.code.as_str()) && ready {
                placed.insert(row.code.as_str());
                ordered.push(row);
            }
        }
        if ordered.len() == before {
            break; // a loop: check_units reports it
        }
    }
    ordered
}

/// The materialized path of a unit below `parent_path`: `/1/5/23/` (ids, not codes, so a
/// subtree is one indexed range scan: `path >= '/1/5/' AND path < '/1/50'`).
pub fn child_path(parent_path: Option<&str>, id: i64) -> String {
    format!("{}{id}/", parent_path.unwrap_or("/"))
}

/// The exclusive upper bound of the subtree under `path` for a range scan.
pub fn subtree_end(path: &str) -> String {
    // '/' + 1 == '0': every descendant path starts with `path` and sorts below `path`'s end.
    let mut end = path.trim_end_matches('/').to_owned();
    end.push('0');
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize, code: &str, parent: Option<&str>, kind: &str, name: &str) -> UnitRow {
        UnitRow {
            row: n,
            code: code.to_owned(),
            parent_code: parent.map(str::to_owned),
            kind: kind.to_owned(),
            name: name.to_owned(),
        }
    }

    #[test]
    fn a_good_tree_has_no_problems_and_orders_parents_first() {
        let rows = [
            row(2, "S1", Some("C1"), "school", "Trường A"),
            row(3, "C1", Some("P"), "commune", "Xã A"),
            row(4, "P", None, "province", "Tỉnh"),
        ];
        assert_eq!(check_units(&rows, &HashMap::new()), vec![]);
        let order: Vec<&str> = parents_first(&rows)
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(order, ["P", "C1", "S1"]);
    }

    #[test]
    fn every_bad_row_is_reported() {
        let rows = [
            row(2, "P", None, "province", "Tỉnh"),
            row(3, "P", None, "province", "Again"),
            row(4, "", Some("P"), "", " "),
            row(5, "X", Some("NOPE"), "school", "Trường"),
            row(6, "A", Some("B"), "commune", "A"),
            row(7, "B", Some("A"), "commune", "B"),
        ];
        let problems: Vec<String> = check_units(&rows, &HashMap::new())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "row 3: code \"P\" is already used on row 2",
                "row 4: code is empty",
                "row 4: kind is empty (e.g. province, commune, ward, school)",
                "row 4: name is empty",
                "row 5: parent \"NOPE\" is neither in this file nor already imported",
                "row 6: unit \"A\" is inside itself (its parents form a loop)",
                "row 7: unit \"B\" is inside itself (its parents form a loop)",
            ]
        );
    }

    #[test]
    fn parents_may_already_be_stored() {
        let existing = HashMap::from([("P".to_owned(), None)]);
        assert_eq!(
            check_units(&[row(2, "C", Some("P"), "ward", "Phường")], &existing),
            vec![]
        );
    }

    #[test]
    fn subtree_ranges_cover_descendants_only() {
        let path = child_path(Some(&child_path(None, 1)), 5);
        assert_eq!(path, "/1/5/");
        let end = subtree_end(&path);
        for inside in ["/1/5/", "/1/5/23/", "/1/5/9/"] {
            assert!(inside >= path.as_str() && inside < end.as_str(), "{inside}");
        }
        for outside in ["/1/50/", "/1/6/", "/1/", "/1/4/99/"] {
            assert!(
                !(outside >= path.as_str() && outside < end.as_str()),
                "{outside}"
            );
        }
    }
}
