//! The quick way through an XLSX file whose first sheet is plain (`xlsx_scan`): the shared
//! strings are read on a second thread while this one inflates the sheet, and the sheet's
//! two halves (split at a `<row`) are scanned on two threads. None whenever the file is not
//! such a one (first sheet empty or not a worksheet, a styled number, a formula …): the
//! caller then reads it through calamine, which gives the same rows, only slower.

use super::limits::Limits;
use super::reader::RawRow;
use super::xlsx_scan::{self, SheetCell};
use crate::error::Result;
use memchr::memmem;
use std::io::{Cursor, Read};
use zip::ZipArchive;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// The rows of the first sheet of an XLSX file, when it is plain; None otherwise.
pub(super) fn first_sheet_rows(bytes: &[u8], limits: &Limits) -> Result<Option<Vec<RawRow>>> {
    let Some(cells) = first_sheet_cells(bytes) else {
        return Ok(None);
    };
    if cells.is_empty() {
        return Ok(None);
    }
    super::xlsx_rows::rows_of(cells, limits).map(Some)
}

fn first_sheet_cells(bytes: &[u8]) -> Option<Vec<SheetCell>> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let sheet = first_sheet_path(&mut zip)?;
    let mut strings_zip = zip.clone();
    std::thread::scope(|scope| {
        let strings = scope.spawn(
            move || match entry(&mut strings_zip, "xl/sharedStrings.xml") {
                Some(xml) => xlsx_scan::shared_strings(&xml?),
                None => Some(Vec::new()),
            },
        );
        let xml = entry(&mut zip, &sheet).and_then(|x| x);
        let strings = strings.join().ok()??;
        let xml = xml?;
        sheet_cells(&xml, &strings)
    })
}

/// The cells of a sheet's XML, its two halves scanned on two threads.
fn sheet_cells(xml: &[u8], strings: &[String]) -> Option<Vec<SheetCell>> {
    let start = memmem::find(xml, b"<sheetData>")? + b"<sheetData>".len();
    let end = memmem::rfind(xml, b"</sheetData>")?;
    let data = xml.get(start..end)?;
    let middle = memmem::find(&data[data.len() / 2..], b"<row ").map(|i| data.len() / 2 + i);
    let Some(middle) = middle else {
        return xlsx_scan::cells(data, strings);
    };
    let (first, second) = data.split_at(middle);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| xlsx_scan::cells(second, strings));
        let mut cells = xlsx_scan::cells(first, strings)?;
        cells.extend(later.join().ok()??);
        Some(cells)
    })
}

/// The path of the workbook's first sheet, when it is a worksheet.
fn first_sheet_path(zip: &mut Zip) -> Option<String> {
    let book = entry(zip, "xl/workbook.xml")??;
    let at = memmem::find(&book, b"<sheet ")?;
    let tag = &book[at..at + memchr::memchr(b'>', &book[at..])?];
    let id = value_after(tag, b" r:id=\"")?;
    let rels = entry(zip, "xl/_rels/workbook.xml.rels")??;
    let mut from = 0;
    while let Some(i) = memmem::find(&rels[from..], b"<Relationship ") {
        let at = from + i;
        let tag = &rels[at..at + memchr::memchr(b'>', &rels[at..])?];
        from = at + 1;
        if value_after(tag, b" Id=\"")? != id {
            continue;
        }
        if !value_after(tag, b" Type=\"")?.ends_with(b"/worksheet") {
            return None;
        }
        let target = std::str::from_utf8(value_after(tag, b" Target=\"")?).ok()?;
        return Some(match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        });
    }
    None
}

/// The value of the attribute whose `prefix` (` name="`) is in `tag`.
fn value_after<'a>(tag: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let start = memmem::find(tag, prefix)? + prefix.len();
    let len = memchr::memchr(b'"', &tag[start..])?;
    Some(&tag[start..start + len])
}

/// The most XML this reads into memory from one entry; a bigger sheet is left to calamine,
/// which reads it as a stream.
const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;

/// The inflated bytes of a zip entry; None when there is no such entry, Some(None) when it
/// does not inflate or is too big.
fn entry(zip: &mut Zip, name: &str) -> Option<Option<Vec<u8>>> {
    let file = zip.by_name(name).ok()?;
    let size = file.size();
    if size > MAX_ENTRY_BYTES {
        return Some(None);
    }
    let mut out = Vec::with_capacity(usize::try_from(size).ok()?);
    let read = file.take(MAX_ENTRY_BYTES + 1).read_to_end(&mut out);
    Some(
        read.ok()
            .filter(|n| (*n as u64) <= MAX_ENTRY_BYTES)
            .map(|_| out),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::import::xlsx_rows;
    use std::path::Path;

    /// The rows calamine's cell reader makes of the same bytes.
    fn through_calamine(bytes: &[u8]) -> Vec<RawRow> {
        let mut book = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
        xlsx_rows::first_sheet_rows(&mut book, Path::new("x.xlsx"), &Limits::default())
            .unwrap()
            .unwrap()
    }

    #[test]
    fn a_plain_sheet_is_scanned_into_the_rows_calamine_reads() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        let title = rust_xlsxwriter::Format::new().set_bold();
        ws.merge_range(0, 0, 0, 3, "2026 年 教师名册 <&>", &title)
            .unwrap();
        for (c, h) in ["工号", "姓名", "电话", "在编"].iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for r in 3..400u32 {
            ws.write_string(r, 0, format!(" Ｔ{r} ")).unwrap();
            ws.write_string(r, 1, "王芳\u{3000}").unwrap();
            ws.write_number(r, 2, 13812345678.0 + f64::from(r)).unwrap();
            ws.write_boolean(r, 3, r % 2 == 0).unwrap();
        }
        ws.write_number(400, 2, 2.5).unwrap();
        ws.write_string(401, 30, "\"最后\" 一行").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let fast = first_sheet_rows(&bytes, &Limits::default())
            .unwrap()
            .expect("a plain sheet is scanned");
        assert_eq!(fast, through_calamine(&bytes));
        assert_eq!(fast[0].cells[0], "2026 年 教师名册 <&>");
        assert_eq!(fast[2].cells, ["T3", "王芳", "13812345681", "false"]);
    }

    #[test]
    fn a_sheet_with_a_date_or_an_empty_first_sheet_is_left_to_calamine() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 9, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(0, 0, &date, &format).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(first_sheet_rows(&bytes, &Limits::default())
            .unwrap()
            .is_none());
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet();
        book.add_worksheet().write_string(0, 0, "工号").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(first_sheet_rows(&bytes, &Limits::default())
            .unwrap()
            .is_none());
    }
}
