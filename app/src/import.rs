//! Reading import files (CSV) into domain rows, with a precise message per bad row.

use crate::domain::org::{RowProblem, UnitRow};

/// The header a units file must start with.
pub const UNITS_HEADER: [&str; 4] = ["code", "parent_code", "kind", "name"];

/// Parses a units file (`code,parent_code,kind,name`, UTF-8, header first). Returns every
/// row, or every problem found.
pub fn units_csv(text: &str) -> Result<Vec<UnitRow>, Vec<RowProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // a BOM from spreadsheet exports
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    match reader.headers() {
        Ok(header) if header.iter().eq(UNITS_HEADER) => {}
        Ok(header) => problems.push(RowProblem {
            row: 1,
            message: format!(
                "the header is \"{}\"; it must be \"{}\"",
                header.iter().collect::<Vec<_>>().join(","),
                UNITS_HEADER.join(",")
            ),
        }),
        Err(error) => problems.push(RowProblem {
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
