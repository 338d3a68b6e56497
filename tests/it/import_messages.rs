//! Import problems speak the coordinator's language (docs/rules.md §6): the form
//! `line N: column: problem` stays, only the problem text is translated.
//! This binary keeps the default language (Chinese) in-process; English is
//! checked through the real binary with `--lang en`.

use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    c.env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB");
    c
}

/// The six problems of the sample bad roster, imported in-process (Chinese).
fn chinese_problems() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("m.db"), OpenMode::Create).unwrap();
    let opts = ImportOptions::default();
    import_file(
        &mut db,
        &crate::import_messages::stamp(),
        Kind::Schools,
        &fixture("schools.csv"),
        &opts,
    )
    .unwrap();
    let err = import_file(
        &mut db,
        &crate::import_messages::stamp(),
        Kind::Teachers,
        &fixture("teachers-with-errors.csv"),
        &opts,
    )
    .unwrap_err();
    match err {
        Error::Rows(rows) => rows.into_iter().map(|r| r.zh).collect(),
        other => panic!("expected row problems, got {other}"),
    }
}

#[test]
fn each_bad_line_has_its_column_and_a_chinese_problem() {
    let rows = chinese_problems();
    let expect = [
        ("line 3: name: ", "为空（必填）"),
        (
            "line 4: school: ",
            "未知学校“潼南实验小学”（是否指 潼南区实验小学？）",
        ),
        ("line 5: staff_no: ", "工号 TN30001 重复出现（第 2 行已有）"),
        (
            "line 6: phone: ",
            "“1381234568”不是 11 位手机号（有 10 位数字）",
        ),
        ("line 7: tier: ", "无法识别的层级“特级教师”（可填："),
        ("line 8: stage: ", "无法识别的学段“大学”（可填："),
    ];
    assert_eq!(rows.len(), expect.len(), "{rows:#?}");
    for (row, (start, problem)) in rows.iter().zip(expect) {
        assert!(row.starts_with(start), "{row}");
        assert!(row.contains(problem), "{row}");
        assert!(!row.contains("did you mean"), "no English left: {row}");
    }
}

#[test]
fn missing_required_column_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(&path, "staff_no,gender\nT1,女\n").unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let err = import_file(
        &mut db,
        &crate::import_messages::stamp(),
        Kind::Teachers,
        &path,
        &ImportOptions::default(),
    )
    .unwrap_err()
    .text(liaoyuan::lang::Lang::Zh);
    assert!(err.contains("line 1: 表头缺少"), "{err}");
    assert!(err.contains("name (姓名)"), "{err}");
}

#[test]
fn lang_en_prints_the_english_form_and_the_default_the_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let ok = bin()
        .args(["--db", db, "import", "schools"])
        .arg(fixture("schools.csv"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let run = |lang: &[&str]| {
        let out = bin()
            .args(["--db", db])
            .args(lang)
            .args(["import", "teachers"])
            .arg(fixture("teachers-with-errors.csv"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let en = run(&["--lang", "en"]);
    assert!(
        en.contains(
            "line 4: school: '潼南实验小学' is not a known school (did you mean 潼南区实验小学?)"
        ),
        "{en}"
    );
    assert!(
        en.contains("line 5: staff_no: TN30001 appears again (first on line 2)"),
        "{en}"
    );
    assert!(en.contains("line 3: name: is empty (required)"), "{en}");
    let zh = run(&[]);
    assert!(
        zh.contains("line 4: school: 未知学校“潼南实验小学”（是否指 潼南区实验小学？）"),
        "{zh}"
    );
    assert!(!zh.contains("is not a known school"), "{zh}");
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
