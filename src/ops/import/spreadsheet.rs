//! Reading the first sheet with data of a workbook (XLSX/XLS/ODS, through
//! calamine) as rows of trimmed text, each with the row number Excel shows.

use super::limits::{self, Limits};
use super::reader::{clean, RawRow};
use crate::error::{Error, Result};
use crate::lang::pick;
use calamine::{Data, Reader, Sheets};
use std::io::{Cursor, Read, Seek};
use std::path::Path;

pub(super) fn read_spreadsheet(
    bytes: Vec<u8>,
    path: &Path,
    limits: &Limits,
) -> Result<Vec<RawRow>> {
    if bytes.starts_with(b"PK\x03\x04") {
        if let Some(rows) = super::xlsx_fast::first_sheet_rows(&bytes, limits)? {
            return Ok(rows);
        }
    }
    let name = path.display();
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::invalid(pick(
            format!("{name}：无法读取的电子表格（{e}）"),
            format!("{name}: not a readable spreadsheet ({e})"),
        ))
    })?;
    if let Sheets::Xlsx(xlsx) = &mut book {
        return super::xlsx_rows::first_sheet_rows(xlsx, path, limits)?
            .ok_or_else(|| no_data(path));
    }
    range_rows(&mut book, path, limits)
}

/// The rows of the first sheet with data of any workbook, through calamine's ranges.
fn range_rows<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    path: &Path,
    limits: &Limits,
) -> Result<Vec<RawRow>> {
    // The first sheet with data: a workbook often keeps an empty Sheet1 first.
    let mut found = None;
    for (i, sheet) in book.sheet_names().iter().enumerate() {
        match book.worksheet_range_at(i) {
            Some(Ok(r)) if r.used_cells().next().is_some() => {
                found = Some(r);
                break;
            }
            Some(Ok(_)) | None => {}
            Some(Err(e)) => return Err(unreadable_sheet(path, sheet, &e)),
        }
    }
    let Some(range) = found else {
        return Err(no_data(path));
    };
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); first_col];
        cells.extend(row.iter().map(cell_text));
        limits::trim_row(&mut cells);
        let line = first_row + i + 1;
        limits::check_row(line, &cells, limits)?;
        if !cells.is_empty() {
            rows.push(RawRow { line, cells });
        }
    }
    Ok(rows)
}

/// A sheet whose cells do not read.
pub(super) fn unreadable_sheet(path: &Path, sheet: &str, e: &dyn std::fmt::Display) -> Error {
    let name = path.display();
    Error::invalid(pick(
        format!("{name}：无法读取工作表 {sheet}（{e}）"),
        format!("{name}: cannot read the sheet {sheet} ({e})"),
    ))
}

/// A workbook whose every sheet is empty.
fn no_data(path: &Path) -> Error {
    let name = path.display();
    Error::invalid(pick(
        format!("{name}：工作簿没有数据（所有工作表都是空的）"),
        format!("{name}: the workbook has no data (every sheet is empty)"),
    ))
}

/// The text of a spreadsheet cell: whole numbers without ".0" (phone and
/// staff numbers typed as numbers), dates as YYYY-MM-DD, times as HH:MM.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let v = dt.as_f64();
            if dt.is_duration() || (0.0..1.0).contains(&v) {
                time_text(h, mi, s)
            } else if v.fract() == 0.0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {}", time_text(h, mi, s))
            }
        }
        Data::DateTimeIso(s) => clean(&s.replacen('T', " ", 1)),
        Data::DurationIso(s) => clean(s),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn time_text(h: u8, mi: u8, s: u8) -> String {
    if s == 0 {
        format!("{h:02}:{mi:02}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}")
    }
}

fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::import::reader::read_bytes;

    #[test]
    fn an_empty_first_sheet_is_passed_over() {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().set_name("空").unwrap();
        let ws = book.add_worksheet();
        ws.write_string(0, 0, "工号").unwrap();
        ws.write_string(1, 0, "T1").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let rows = read_bytes(&bytes, Path::new("x.xlsx")).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].cells, vec!["T1"]);
    }

    #[test]
    fn a_workbook_of_empty_sheets_says_so() {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet();
        let bytes = book.save_to_buffer().unwrap();
        let e = read_bytes(&bytes, Path::new("x.xlsx")).unwrap_err();
        assert!(e.to_string().contains("没有数据"), "{e}");
    }

    #[test]
    fn a_row_filled_past_the_column_limit_is_refused() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        ws.write_string(0, 0, "工号").unwrap();
        ws.write_string(0, 1, "姓名").unwrap();
        ws.write_string(2, 250, "x").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let e = read_bytes(&bytes, Path::new("x.xlsx")).unwrap_err();
        assert!(e.to_string().starts_with("line 3: "), "{e}");
        assert!(e.to_string().contains("251 列"), "{e}");
    }

    /// The rows through calamine's ranges (as XLS and ODS files are read).
    fn by_ranges(bytes: &[u8]) -> Result<Vec<RawRow>> {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap();
        range_rows(&mut book, Path::new("x.xlsx"), &Limits::default())
    }

    #[test]
    fn xlsx_cells_read_one_by_one_give_the_rows_the_ranges_give() {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().set_name("空").unwrap();
        let ws = book.add_worksheet();
        ws.merge_range(
            1,
            1,
            1,
            4,
            "2026 年教师名册",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
        for (c, h) in ["工号", "姓名", "电话", "入职", "在编"].iter().enumerate() {
            ws.write_string(3, c as u16 + 1, *h).unwrap();
        }
        ws.write_string(4, 1, " T1 ").unwrap();
        ws.write_string(4, 2, "王芳　").unwrap();
        ws.write_number(4, 3, 13812345678.0).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 9, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(4, 4, &date, &format).unwrap();
        ws.write_boolean(4, 5, true).unwrap();
        ws.write_string(6, 1, "ＴＩ２").unwrap();
        ws.write_string(6, 2, "").unwrap();
        ws.write_number(6, 4, 2.5).unwrap();
        ws.write_string(7, 9, "x").unwrap();
        ws.write_string(7, 9, "最后写的").unwrap();
        ws.write_string(8, 3, "  ").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let ranges = by_ranges(&bytes).unwrap();
        assert_eq!(read_bytes(&bytes, Path::new("x.xlsx")).unwrap(), ranges);
        let lines: Vec<usize> = ranges.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 5, 7, 8]);
        assert_eq!(
            ranges[2].cells,
            ["", "T1", "王芳", "13812345678", "2020-09-01", "true"]
        );
        assert_eq!(ranges[3].cells, ["", "TI2", "", "", "2.5"]);
    }

    #[test]
    fn numbers_lose_point_zero() {
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
    }
}
