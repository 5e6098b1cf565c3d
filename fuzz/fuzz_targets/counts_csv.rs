//! The counts reader (how many children and families a unit has) on anything. Never a
//! panic; every row is read or reported, never both; read counts are never negative.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safesteps_app::domain::counts::MAX_COUNT;
use safesteps_app::sheets::counts_csv;
use std::collections::BTreeSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A lone CR ends a row too, as in a spreadsheet.
    let last_row = text.matches(['\n', '\r']).count() + 1;
    let (rows, problems, raw, years) = counts_csv(text, "2026-12-01");
    let read: BTreeSet<usize> = rows.iter().map(|r| r.row).collect();
    assert_eq!(read.len(), rows.len(), "a row read twice");
    for row in &rows {
        assert!((2..=last_row).contains(&row.row));
        assert_eq!(years.get(&row.row), Some(&row.year));
        assert!(row.count <= MAX_COUNT, "count {} read", row.count);
    }
    for problem in &problems {
        assert!((1..=last_row).contains(&problem.row), "problem row {}", problem.row);
        assert!(!read.contains(&problem.row), "row {} both read and refused", problem.row);
    }
    for (row, _, _) in &raw {
        assert!((2..=last_row).contains(row));
    }
});
