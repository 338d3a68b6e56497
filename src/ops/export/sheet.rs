//! A flat table of an export and its CSV and XLSX writers. CSV headers are
//! the stable code names; XLSX headers are Chinese, bold and frozen, with
//! column widths fitted to the text (CJK characters count double).

use crate::error::{Error, Result};
use crate::text::printable;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet};
use std::borrow::Cow;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// One column: its code name (CSV header, JSON key) and Chinese header (XLSX).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Col {
    pub key: &'static str,
    pub zh: &'static str,
}

pub const fn col(key: &'static str, zh: &'static str) -> Col {
    Col { key, zh }
}

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A code name shown by its Chinese name in XLSX (status, kind …).
    Code(&'static str, &'static str),
    Int(i64),
    Num(f64),
    /// A share 0.0–1.0: CSV writes a percentage number, XLSX a % cell.
    Share(Option<f64>),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map(|s| Cell::Text(s.into())).unwrap_or(Cell::Empty)
    }

    /// The text of the cell as stored (CSV fields go through `csv_field`).
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Code(code, _) => code.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(f) => number(*f),
            Cell::Share(Some(f)) => number((f * 1000.0).round() / 10.0),
            Cell::Share(None) | Cell::Empty => String::new(),
        }
    }

    /// The cell as a CSV field. Text — names, notes, codes, anything a user or a roster typed —
    /// that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a leading `'`, as OWASP recommends against CSV injection. The
    /// exporter's own values (counts, credits, shares, a negative number included; code names)
    /// are not user text and are written as they are. With `printable_only` (CSV on stdout) the
    /// control characters a terminal would run are dropped first.
    fn csv_field(&self, printable_only: bool) -> Cow<'_, str> {
        match self {
            Cell::Text(s) if printable_only => formula_safe(printable(s)),
            Cell::Text(s) => formula_safe(Cow::Borrowed(s)),
            other => Cow::Owned(other.csv()),
        }
    }

    fn display(&self) -> String {
        match self {
            Cell::Code(_, zh) => zh.to_string(),
            Cell::Share(Some(f)) => format!("{:.1}%", f * 100.0),
            other => other.csv(),
        }
    }
}

/// `text` with a leading `'` when a spreadsheet could read it as a formula: it starts with a
/// tab or a carriage return, or with `=`, `+`, `-` or `@` (OWASP) — also after leading spaces or
/// control characters, which some spreadsheets trim on import.
fn formula_safe(text: Cow<'_, str>) -> Cow<'_, str> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    if text.starts_with(['\t', '\r']) || start.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// A number without a trailing ".0".
pub fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{}", (f * 100.0).round() / 100.0)
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Sheet name (Chinese; at most 31 characters).
    pub name: String,
    pub columns: Vec<Col>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: impl Into<String>, columns: &[Col]) -> Sheet {
        Sheet {
            name: name.into(),
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Writes the table as CSV (code-name header) to `out`, formulas neutralised.
    pub fn write_csv(&self, out: &mut dyn Write) -> Result<()> {
        self.csv_to(out, false)
    }

    /// Writes the table as CSV for stdout: as [`Sheet::write_csv`], and text cells lose the
    /// control characters a terminal would run (as the TUI drops them).
    pub fn write_csv_printable(&self, out: &mut dyn Write) -> Result<()> {
        self.csv_to(out, true)
    }

    fn csv_to(&self, out: &mut dyn Write, printable_only: bool) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let io = |e: csv::Error| {
            Error::Io(crate::lang::pick(
                format!("无法写出 CSV：{e}"),
                format!("cannot write CSV: {e}"),
            ))
        };
        w.write_record(self.columns.iter().map(|c| c.key))
            .map_err(io)?;
        for row in &self.rows {
            for cell in row {
                w.write_field(cell.csv_field(printable_only).as_bytes())
                    .map_err(io)?;
            }
            w.write_record(None::<&[u8]>).map_err(io)?;
        }
        w.flush()?;
        Ok(())
    }

    /// The workbook bytes of the table: Chinese bold header, frozen, fitted widths.
    pub fn xlsx_bytes(&self) -> Result<Vec<u8>> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        self.fill(sheet).map_err(xlsx_error)?;
        book.save_to_buffer().map_err(xlsx_error)
    }

    fn fill(&self, ws: &mut Worksheet) -> Result<(), rust_xlsxwriter::XlsxError> {
        ws.set_name(sheet_name(&self.name))?;
        let bold = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin);
        let pct = Format::new().set_num_format("0.0%");
        let plain = Format::new();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.zh.width()).collect();
        for (j, c) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, j as u16, c.zh, &bold)?;
        }
        for (i, row) in self.rows.iter().enumerate() {
            let r = (i + 1) as u32;
            for (j, cell) in row.iter().enumerate() {
                let c = j as u16;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, c, s, &plain)?;
                    }
                    Cell::Code(_, zh) => {
                        ws.write_string_with_format(r, c, *zh, &plain)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &plain)?;
                    }
                    Cell::Num(f) => {
                        ws.write_number_with_format(r, c, *f, &plain)?;
                    }
                    Cell::Share(Some(f)) => {
                        ws.write_number_with_format(r, c, *f, &pct)?;
                    }
                    Cell::Share(None) | Cell::Empty => {}
                }
                if let Some(w) = widths.get_mut(j) {
                    *w = (*w).max(cell.display().width());
                }
            }
        }
        for (j, w) in widths.iter().enumerate() {
            ws.set_column_width(j as u16, (*w as f64 + 2.0).clamp(6.0, 60.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// Excel refuses sheet names over 31 characters or with []:*?/\.
pub fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if cleaned.is_empty() {
        "Sheet1".to_string()
    } else {
        cleaned
    }
}

pub fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Io(crate::lang::pick(
        format!("无法写出工作簿：{e}"),
        format!("cannot write the workbook: {e}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_uses_code_names_and_plain_numbers() {
        let mut s = Sheet::new(
            "测试",
            &[
                col("name", "姓名"),
                col("rate", "比例"),
                col("status", "状态"),
            ],
        );
        s.rows.push(vec![
            Cell::text("王芳"),
            Cell::Share(Some(0.875)),
            Cell::Code("late", "迟到"),
        ]);
        let mut out = Vec::new();
        s.write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name,rate,status\n王芳,87.5,late\n"
        );
    }

    #[test]
    fn text_that_starts_like_a_formula_is_neutralised_and_numbers_are_not() {
        let mut s = Sheet::new("测试", &[col("a", "甲"), col("b", "乙"), col("c", "丙")]);
        s.rows
            .push(vec![Cell::text("-2"), Cell::Int(-2), Cell::Num(-2.5)]);
        s.rows.push(vec![
            Cell::text("a-b"),
            Cell::text("2026-03-02"),
            Cell::Empty,
        ]);
        s.rows.push(vec![
            Cell::text("\u{7}=1"),
            Cell::Share(Some(-0.5)),
            Cell::text(" @x"),
        ]);
        let mut file = Vec::new();
        s.write_csv(&mut file).unwrap();
        assert_eq!(
            String::from_utf8(file).unwrap(),
            "a,b,c\n'-2,-2,-2.5\na-b,2026-03-02,\n'\u{7}=1,-50,' @x\n"
        );
        let mut stdout = Vec::new();
        s.write_csv_printable(&mut stdout).unwrap();
        assert!(String::from_utf8(stdout)
            .unwrap()
            .ends_with("\n'=1,-50,' @x\n"));
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b"), "ab");
        assert_eq!(sheet_name(""), "Sheet1");
    }
}
