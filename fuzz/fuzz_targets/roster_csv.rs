//! The roster, staff and units readers on anything a school might upload. Never a panic; every row is
//! either read or reported (never both), with row numbers that exist in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safesteps_app::domain::roster::Entry;
use safesteps_app::sheets::{roster_csv, staff_csv, units_csv};
use std::collections::BTreeSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A row number is at most the number of line breaks + 1 (a lone CR ends a row too, as in
    // a spreadsheet; quoted fields may span lines).
    let last_row = text.matches(['\n', '\r']).count() + 1;

    let (rows, problems) = roster_csv(text, 2026);
    let read: BTreeSet<usize> = rows.iter().map(|r| r.row).collect();
    assert_eq!(read.len(), rows.len(), "a row read twice");
    for row in &rows {
        assert!((2..=last_row).contains(&row.row), "row {} of {last_row}", row.row);
        let name = match &row.entry {
            Entry::Student { name, .. } | Entry::Teacher { name, .. } => name,
        };
        assert!(!name.trim().is_empty(), "row {} read without a name", row.row);
    }
    for problem in &problems {
        assert!((1..=last_row).contains(&problem.row), "problem row {}", problem.row);
        assert!(!read.contains(&problem.row), "row {} both read and refused", problem.row);
        assert!(!problem.to_string().is_empty());
    }

    let (staff, problems) = staff_csv(text);
    let read: BTreeSet<usize> = staff.iter().map(|r| r.row).collect();
    assert_eq!(read.len(), staff.len(), "a staff row read twice");
    for row in &staff {
        assert!((2..=last_row).contains(&row.row), "row {} of {last_row}", row.row);
        assert!(!row.name.trim().is_empty(), "row {} read without a name", row.row);
        assert!(!row.unit_code.trim().is_empty(), "row {} read without a unit", row.row);
    }
    for problem in &problems {
        assert!((1..=last_row).contains(&problem.row), "problem row {}", problem.row);
        assert!(!read.contains(&problem.row), "row {} both read and refused", problem.row);
        assert!(!problem.to_string().is_empty());
    }

    match units_csv(text) {
        Ok(units) => {
            for unit in &units {
                assert!((2..=last_row).contains(&unit.row));
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a reason");
            for problem in &problems {
                assert!((1..=last_row).contains(&problem.row));
            }
        }
    }
});
