//! The command line: `import enrolments` keeps within places unless `--over-capacity`;
//! the grid's save and `import allotments` in another process write side by side.

use super::{enrolled, fixture};
use liaoyuan::ops::allotments::save_allotments;
use liaoyuan::store::{Db, OpenMode};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

fn liaoyuan(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

#[test]
fn import_enrolments_beyond_the_places_needs_over_capacity() {
    let (dir, db) = fixture();
    let path = dir.path().join("a.db");
    drop(db);
    let exact = dir.path().join("exact.csv");
    std::fs::write(&exact, "工号\nT001\nT002\n").unwrap();
    let one_over = dir.path().join("over.csv");
    std::fs::write(&one_over, "工号\nT003\n").unwrap();
    let file = |p: &Path| p.to_str().unwrap().to_string();

    let out = liaoyuan(
        &path,
        &["import", "enrolments", &file(&exact), "--project", "P1"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = liaoyuan(
        &path,
        &["import", "enrolments", &file(&one_over), "--project", "P1"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("line 2: 工号: 实验小学：名额 2，报名将达 3"),
        "{err}"
    );
    assert!(err.contains("--over-capacity"), "{err}");

    let args = [
        "--lang",
        "en",
        "import",
        "enrolments",
        &file(&one_over),
        "--project",
        "P1",
        "--over-capacity",
    ];
    let out = liaoyuan(&path, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = Db::open(&path, OpenMode::Create).unwrap();
    assert_eq!(enrolled(&db), 3);
}

#[test]
fn the_grid_save_and_an_import_in_another_process_both_land() {
    let (dir, mut db) = fixture();
    let path = dir.path().join("a.db");
    let csv = dir.path().join("places.csv");
    std::fs::write(&csv, "项目编号,学校,名额\nP1,第二中学,3\n").unwrap();
    let child = Command::new(BIN)
        .arg("--db")
        .arg(&path)
        .args(["import", "allotments", csv.to_str().unwrap()])
        .env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB")
        .spawn()
        .unwrap();
    for n in 0..20 {
        save_allotments(&mut db, &super::stamp(), 1, &[(1, Some(3 + n % 2))]).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    save_allotments(&mut db, &super::stamp(), 1, &[(1, Some(7))]).unwrap();
    let rows: Vec<(i64, i64)> = liaoyuan::store::allotments::of_project(&db.conn, 1).unwrap();
    assert_eq!(rows, vec![(1, 7), (2, 3)]);
    let audits: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity IN ('project', 'import')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 22, "20 grid saves + the import + the last save");
}
