//! Where an export goes: a CSV file for Excel starts with a UTF-8 byte-order
//! mark (Excel on Windows reads BOM-less UTF-8 as GBK and garbles Chinese),
//! stdout stays plain UTF-8 for scripts; an existing file is replaced whole.

use liaoyuan::ops::export::sheet::{col, Cell, Sheet};
use liaoyuan::ops::export::{self, Export, Format};
use liaoyuan::ops::import::reader;
use liaoyuan::ops::output_file::OutputFile;
use std::path::Path;

fn small() -> Export {
    let mut sheet = Sheet::new("测试", &[col("name", "姓名"), col("school", "学校")]);
    sheet
        .rows
        .push(vec![Cell::text("王芳"), Cell::text("潼南区实验小学")]);
    Export {
        sheet,
        json: serde_json::json!([{"name": "王芳"}]),
    }
}

/// `path` checked as the output of an export of a database elsewhere.
fn file(path: &Path) -> OutputFile {
    OutputFile::new(path, Path::new("/nonexistent/liaoyuan.db")).unwrap()
}

#[test]
fn a_csv_file_has_a_bom_and_stdout_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    let mut stdout = Vec::new();
    export::write(&small(), Format::Csv, Some(&file(&path)), &mut stdout).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFname,school\n"), "{bytes:?}");
    assert!(stdout.is_empty());

    export::write(&small(), Format::Csv, None, &mut stdout).unwrap();
    assert!(stdout.starts_with(b"name,school\n"));

    // Our own importer reads the file back (the BOM is not part of the header).
    let rows = reader::read_rows(&path).unwrap();
    assert_eq!(rows[0].cells, vec!["name", "school"]);
    assert_eq!(rows[1].cells, vec!["王芳", "潼南区实验小学"]);
}

#[test]
fn json_files_have_no_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.json");
    export::write(&small(), Format::Json, Some(&file(&path)), &mut Vec::new()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.first(), Some(&b'['));
}

#[test]
fn an_existing_file_is_replaced_whole_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(
        &path,
        "old content that is much longer than the new one\n".repeat(100),
    )
    .unwrap();
    export::write(&small(), Format::Csv, Some(&file(&path)), &mut Vec::new()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("old content"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("x.csv")]);
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope").join("x.csv");
    let e = export::write(&small(), Format::Csv, Some(&file(&path)), &mut Vec::new())
        .unwrap_err()
        .to_string();
    assert!(e.contains("nope"), "{e}");
    assert!(!path.exists());
}

#[test]
fn a_format_that_contradicts_the_file_name_is_refused() {
    use std::path::Path;
    let x = Some(Path::new("out.xlsx"));
    assert_eq!(Format::choose(None, x).unwrap(), Format::Xlsx);
    assert_eq!(Format::choose(Some(Format::Xlsx), x).unwrap(), Format::Xlsx);
    let e = Format::choose(Some(Format::Csv), x)
        .unwrap_err()
        .to_string();
    assert!(e.contains("out.xlsx"), "{e}");
    // A name that implies nothing takes the flag.
    let t = Some(Path::new("out.txt"));
    assert_eq!(Format::choose(Some(Format::Json), t).unwrap(), Format::Json);
    assert_eq!(Format::choose(None, t).unwrap(), Format::Csv);
    assert_eq!(Format::choose(None, None).unwrap(), Format::Csv);
}
