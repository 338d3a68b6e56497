//! Imports of files as people really make them: Excel serial dates, a school
//! name with a stray full-width space inside, and re-imports that change
//! nothing (no audit noise).

use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::{projects, teachers, Db};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(db: &mut Db, kind: Kind, path: &Path) -> liaoyuan::Result<ImportReport> {
    import_file(
        db,
        &crate::import_real_world::stamp(),
        kind,
        path,
        &ImportOptions::default(),
    )
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn with_schools() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    import(&mut db, Kind::Schools, &fixture("schools.csv")).unwrap();
    db
}

fn audit_rows(db: &Db) -> i64 {
    db.conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn excel_serial_dates_and_chinese_dates_are_read() {
    let mut db = Db::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // 46083 is Excel's serial number of 2026-03-02 (a date column saved as General).
    let path = write(
        &dir,
        "projects.csv",
        "项目编号,项目名称,级别,计划,开始日期,结束日期\n\
         X1,测试一,区培,星光燎原,46083,2026年3月5日\n\
         X2,测试二,区培,星光燎原,2026/3/2,46086\n",
    );
    let r = import(&mut db, Kind::Projects, &path).unwrap();
    assert_eq!(r.added, 2);
    for code in ["X1", "X2"] {
        let p = projects::project_by_code(&db.conn, code).unwrap().unwrap();
        assert_eq!(p.start_date.to_string(), "2026-03-02", "{code}");
        assert_eq!(p.end_date.to_string(), "2026-03-05", "{code}");
    }
}

#[test]
fn a_number_that_is_no_plausible_date_is_still_refused() {
    let mut db = Db::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "projects.csv",
        "项目编号,项目名称,级别,计划,开始日期,结束日期\nX1,测试,区培,星光燎原,123,2026-03-05\n",
    );
    let e = import(&mut db, Kind::Projects, &path)
        .unwrap_err()
        .text(liaoyuan::lang::Lang::En);
    assert!(e.contains("line 2: 开始日期: '123' is not a date"), "{e}");
}

#[test]
fn a_school_differing_only_by_inner_white_space_is_the_same_school() {
    let mut db = with_schools();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "teachers.csv",
        "工号,姓名,学校\nW1,王芳,潼南区\u{3000}实验小学\nW2,李明,潼南区 第一中学\n",
    );
    let r = import(&mut db, Kind::Teachers, &path).unwrap();
    assert_eq!(r.added, 2);
    let w1 = teachers::by_staff_no(&db.conn, "W1").unwrap().unwrap();
    assert_eq!(w1.school, "潼南区实验小学");
    let w2 = teachers::by_staff_no(&db.conn, "W2").unwrap().unwrap();
    assert_eq!(w2.school, "潼南区第一中学");
}

#[test]
fn a_re_import_that_changes_nothing_writes_no_audit_entry() {
    let mut db = with_schools();
    import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    let before = audit_rows(&db);
    let again = import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 20));
    assert_eq!(audit_rows(&db), before, "nothing changed, nothing to audit");
    let schools = import(&mut db, Kind::Schools, &fixture("schools.csv")).unwrap();
    assert_eq!((schools.added, schools.updated), (0, 0));
    assert_eq!(audit_rows(&db), before);
}

#[test]
fn a_dry_run_against_a_missing_database_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .args(["import", "schools", "--dry-run", "--db"])
        .arg(&db)
        .arg(fixture("schools.csv"))
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("14"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "a dry run writes no file: {left:?}");
}

#[test]
fn a_schools_file_with_a_stray_inner_space_updates_the_school_instead_of_adding_a_twin() {
    let mut db = with_schools();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "schools.csv",
        "学校,乡镇,学段\n潼南区\u{3000}实验小学,桂林街道,小学\n",
    );
    let r = import(&mut db, Kind::Schools, &path).unwrap();
    assert_eq!(r.added, 0, "{r:?}");
    let names: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM schools WHERE replace(replace(name, ' ', ''), '\u{3000}', '') = '潼南区实验小学'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(names, 1);
}

#[test]
fn an_empty_or_blank_file_says_it_is_empty() {
    let mut db = with_schools();
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("empty.csv", ""), ("blank.csv", "\n \r\n,,\n")] {
        let path = write(&dir, name, text);
        let e = import(&mut db, Kind::Teachers, &path)
            .unwrap_err()
            .text(liaoyuan::lang::Lang::En);
        assert!(e.contains(name) && e.contains("empty"), "{e}");
    }
}

#[test]
fn full_width_digits_and_letters_typed_with_a_chinese_ime_are_folded() {
    let mut db = with_schools();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "teachers.csv",
        "工号,姓名,学校,电话\nＴ０００１,王芳,潼南区实验小学,１３８１２３４５６７８\n",
    );
    let r = import(&mut db, Kind::Teachers, &path).unwrap();
    assert_eq!(r.added, 1);
    let t = teachers::by_staff_no(&db.conn, "T0001").unwrap().unwrap();
    assert_eq!(t.phone, "13812345678");
    // The same person typed with half-width characters is the same row.
    let path = write(
        &dir,
        "again.csv",
        "工号,姓名,学校\nT0001,王芳,潼南区实验小学\nＴ０００１,王芳,潼南区实验小学\n",
    );
    let e = import(&mut db, Kind::Teachers, &path)
        .unwrap_err()
        .text(liaoyuan::lang::Lang::En);
    assert!(
        e.contains("line 3: 工号: T0001 appears again (first on line 2)"),
        "{e}"
    );
}

#[test]
fn excel_time_fractions_in_a_time_column_are_read() {
    let mut db = Db::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let projects = write(
        &dir,
        "projects.csv",
        "项目编号,项目名称,级别,计划,开始日期,结束日期\nX1,测试,区培,星光燎原,2026-03-02,2026-03-05\n",
    );
    import(&mut db, Kind::Projects, &projects).unwrap();
    // 0.375 is 09:00 and 0.5 is 12:00: a time column saved as General.
    let sessions = write(
        &dir,
        "sessions.csv",
        "项目编号,日期,开始,结束\nX1,46083,0.375,0.5\n",
    );
    assert_eq!(import(&mut db, Kind::Sessions, &sessions).unwrap().added, 1);
    let (start, end): (String, String) = db
        .conn
        .query_row("SELECT start_time, end_time FROM sessions", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((start.as_str(), end.as_str()), ("09:00", "12:00"));
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
