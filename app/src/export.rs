//! Tables as files to take away: CSV (UTF-8 with a BOM, formula cells neutralised) and XLSX.
//! The screens build the same `Table`s, so a file says what the page says.

use crate::i18n::{translate, Lang};

/// A cell of a table: text, a whole number, a percentage (tenths), or a small children's
/// count that is hidden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(u64),
    Percent(u32),
    Hidden,
    Empty,
}

impl Value {
    /// As a reader of `lang` writes it: `93,1` in Vietnamese, `93.1` in English.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Number(n) => n.to_string(),
            Value::Percent(p) => crate::i18n::per_mille_text(*p, lang),
            Value::Hidden => translate(lang, "coverage-fewer-than-5", None),
            Value::Empty => String::new(),
        }
    }

    /// A coverage count: exact, or hidden when it is a small count of children.
    pub fn of_cell(cell: crate::domain::coverage::Cell) -> Value {
        match cell {
            crate::domain::coverage::Cell::Exact(n) => Value::Number(n),
            crate::domain::coverage::Cell::Hidden => Value::Hidden,
        }
    }

    pub fn of_percent(p: Option<u32>) -> Value {
        p.map_or(Value::Empty, Value::Percent)
    }
}

/// One table: a title, its column headings, and rows (each may name the unit it is about).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// A short id (sheet names, anchors): `summary`, `students-units`, …
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<(Option<i64>, Vec<Value>)>,
}

/// A CSV cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) is neutralised with a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Tables as one CSV: UTF-8 with a BOM (so Excel shows Vietnamese), a first line (`header`),
/// then each table under its title, a blank line between tables. Every cell is neutralised.
pub fn csv(header: &[String], tables: &[Table], lang: Lang) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        let _ = writer.write_record(header.iter().map(|c| neutralise(c)));
        for table in tables {
            let _ = writer.write_record([""]);
            let _ = writer.write_record([neutralise(&table.title)]);
            let _ = writer.write_record(table.columns.iter().map(|c| neutralise(c)));
            for (_, row) in &table.rows {
                let _ = writer.write_record(row.iter().map(|v| neutralise(&v.text(lang))));
            }
        }
        let _ = writer.flush();
    }
    out
}

/// Tables as an XLSX workbook: a sheet per table (named after its id), numbers as numbers.
pub fn xlsx(tables: &[Table], lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0");
    let mut used = std::collections::HashSet::new();
    for (index, table) in tables.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        // Sheet names: at most 31 characters, unique, none of []:*?/\ .
        let mut name: String = table
            .id
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(28)
            .collect();
        if !used.insert(name.clone()) {
            name = format!("{}-{index}", name.chars().take(25).collect::<String>());
            used.insert(name.clone());
        }
        sheet.set_name(&name)?;
        sheet.write_string_with_format(0, 0, &table.title, &bold)?;
        for (c, heading) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(1, c as u16, heading, &bold)?;
        }
        for (r, (_, row)) in table.rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Value::Number(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Value::Percent(p) => {
                        sheet.write_number_with_format(r, c, f64::from(*p) / 10.0, &percent)?;
                    }
                    Value::Empty => {}
                    other => {
                        sheet.write_string(r, c, other.text(lang))?;
                    }
                }
            }
        }
    }
    workbook.save_to_buffer()
}
