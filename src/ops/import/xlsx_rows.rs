//! XLSX sheets read cell by cell (calamine's `worksheet_cells_reader`) when `xlsx_fast`
//! leaves a file to calamine: shared strings
//! are borrowed, not copied into a `Range` of owned cells first, and each row is built as
//! it is read. The rows are those `spreadsheet::read_spreadsheet` makes of any workbook:
//! the first sheet with a non-empty cell, each row with its Excel row number, cells
//! from column A, trailing blanks trimmed, blank rows dropped, the row limits applied.

use super::limits::{self, Limits};
use super::reader::{clean, RawRow};
use super::spreadsheet::{cell_text, unreadable_sheet};
use crate::error::Result;
use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use std::io::{Read, Seek};
use std::path::Path;

/// The rows of the first sheet of `book` with a non-empty cell; None when every sheet is
/// empty.
pub(super) fn first_sheet_rows<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    path: &Path,
    limits: &Limits,
) -> Result<Option<Vec<RawRow>>> {
    let names: Vec<String> = book.sheet_names().to_vec();
    for name in names {
        // calamine panics on some hostile sheets (a shared-string index past the table, a
        // reference whose row or column overflows): the file is then unreadable, not a crash
        let read = crate::error::catch_quietly(|| sheet_cells(book, &name));
        let Some(read) = read else {
            return Err(unreadable_sheet(path, &name, &"malformed XML"));
        };
        let cells = match read {
            Ok(cells) => cells,
            // not a worksheet (a chart sheet): no cells, as calamine's ranges have it
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(unreadable_sheet(path, &name, &e)),
        };
        if !cells.is_empty() {
            return rows_of(cells, limits).map(Some);
        }
    }
    Ok(None)
}

/// The non-empty cells of a sheet as (row, column, text), in sheet order.
fn sheet_cells<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> std::result::Result<Vec<(u32, u32, String)>, XlsxError> {
    let mut reader = book.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell()? {
        let (row, col) = cell.get_position();
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => clean(s),
            other => cell_text(&Data::from(other.clone())),
        };
        cells.push((row, col, text));
    }
    Ok(cells)
}

/// The rows of a sheet's cells.
pub(super) fn rows_of(mut cells: Vec<(u32, u32, String)>, limits: &Limits) -> Result<Vec<RawRow>> {
    // cells do not always come in (row, column) order; a later cell at one place wins
    if !cells
        .windows(2)
        .all(|w| (w[0].0, w[0].1) <= (w[1].0, w[1].1))
    {
        cells.sort_by_key(|c| (c.0, c.1));
    }
    let mut rows: Vec<RawRow> = Vec::new();
    let mut current: Option<(u32, Vec<String>)> = None;
    for (row, col, text) in cells {
        if let Some((r, line)) = current.take_if(|(r, _)| *r != row) {
            finish(&mut rows, r, line, limits)?;
        }
        let (_, line) = current.get_or_insert_with(|| (row, Vec::new()));
        // a reference far right ("ZZZZZZ1", calamine reads up to u32::MAX) would fill the
        // row with gigabytes of blanks: an empty cell there is trailing, a filled one too wide
        let col = col as usize;
        if col >= limits.columns && !text.is_empty() {
            return Err(limits::too_many_columns(row as usize + 1, col + 1, limits));
        }
        if line.len() <= col {
            if text.is_empty() {
                continue;
            }
            line.resize(col + 1, String::new());
        }
        line[col] = text;
    }
    if let Some((r, line)) = current {
        finish(&mut rows, r, line, limits)?;
    }
    Ok(rows)
}

/// Adds a sheet row (0-based `row`) unless it is blank, once the row limits allow it.
fn finish(rows: &mut Vec<RawRow>, row: u32, mut cells: Vec<String>, limits: &Limits) -> Result<()> {
    limits::trim_row(&mut cells);
    let line = row as usize + 1;
    limits::check_row(line, &cells, limits)?;
    if !cells.is_empty() {
        rows.push(RawRow { line, cells });
    }
    Ok(())
}
