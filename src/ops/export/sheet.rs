//! A flat table of an export and its CSV and XLSX writers. CSV headers are
//! the stable code names; XLSX headers are Chinese, bold and frozen, with
//! column widths fitted to the text (CJK characters count double).

use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet};
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

    /// The CSV text of the cell.
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

    fn display(&self) -> String {
        match self {
            Cell::Code(_, zh) => zh.to_string(),
            Cell::Share(Some(f)) => format!("{:.1}%", f * 100.0),
            other => other.csv(),
        }
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

    /// Writes the table as CSV (code-name header) to `out`.
    pub fn write_csv(&self, out: &mut dyn Write) -> Result<()> {
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
            w.write_record(row.iter().map(Cell::csv)).map_err(io)?;
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
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b"), "ab");
        assert_eq!(sheet_name(""), "Sheet1");
    }
}
