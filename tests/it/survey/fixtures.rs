//! The needs-survey fixture `survey_wjx.csv` is hand-written (UTF-8, converted to GBK as Excel
//! saves it); its XLSX twin is made from it by the project's own reader and the xlsx writer:
//! `cargo test --test it survey::fixtures -- --ignored`.

use liaoyuan::ops::import::reader::read_rows;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
#[ignore = "regenerates the XLSX fixture"]
fn make_the_xlsx_survey_fixture() {
    let rows = read_rows(&fixture("survey_wjx.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(fixture("survey_wjx.xlsx")).unwrap();
}
