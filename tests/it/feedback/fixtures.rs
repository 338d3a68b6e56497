//! The questionnaire fixtures' XLSX twins are made from their GBK CSVs by the project's own
//! reader and the xlsx writer: `cargo test --test it feedback::fixtures -- --ignored`.

use liaoyuan::ops::import::reader::read_rows;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn xlsx_twin(csv: &str, xlsx: &str) {
    let rows = read_rows(&fixture(csv)).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(fixture(xlsx)).unwrap();
}

#[test]
#[ignore = "regenerates the XLSX fixtures"]
fn make_the_xlsx_questionnaire_fixtures() {
    xlsx_twin(
        "feedback-questionnaire-gbk.csv",
        "feedback-questionnaire-title-row.xlsx",
    );
}
