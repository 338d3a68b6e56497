//! The report counts a bulk write computes once instead of row by row (README, "Import" and
//! "Demo district"): `liaoyuan check` agrees with them after `demo` and after a large
//! `import teachers` (new teachers and transfers of existing ones), both run as processes.

use std::path::Path;
use std::process::{Command, Output};

fn liaoyuan(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("LIAOYUAN_NOW", "2026-03-02 09:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn checked(db: &Path) {
    let out = liaoyuan(db, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
}

fn one(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn check_agrees_after_demo_and_after_a_large_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulk.db");
    let out = liaoyuan(&db, &["demo", "--teachers", "300"]);
    assert!(out.status.success(), "{}", text(&out));
    checked(&db);

    // 1,500 new teachers (past the staged bulk path's threshold) and 200 of the demo's
    // teachers moved to another school.
    let schools: Vec<(String, String)> = {
        let c = rusqlite::Connection::open(&db).unwrap();
        let mut st = c
            .prepare("SELECT name, stage FROM schools ORDER BY id")
            .unwrap();
        let rows = st
            .query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows
    };
    let mut csv = String::from("staff_no,name,school,subject,phone\n");
    for i in 0..1500 {
        let (school, _) = &schools[i % schools.len()];
        csv.push_str(&format!("N{i:05},新教师{i},{school},语文,137{i:08}\n"));
    }
    let c = rusqlite::Connection::open(&db).unwrap();
    let mut st = c
        .prepare("SELECT t.staff_no, t.name, t.school_id FROM teachers t ORDER BY t.id LIMIT 200")
        .unwrap();
    let moved: Vec<(String, String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (staff_no, name, school_id) in &moved {
        let (school, _) = &schools[(*school_id as usize) % schools.len()];
        csv.push_str(&format!("{staff_no},{name},{school},,\n"));
    }
    drop(st);
    drop(c);
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, csv).unwrap();
    let before = one(&db, "SELECT count(*) FROM teachers");
    let out = liaoyuan(&db, &["import", "teachers", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(one(&db, "SELECT count(*) FROM teachers"), before + 1500);
    assert_eq!(
        one(&db, "SELECT sum(teachers) FROM school_teachers"),
        before + 1500
    );
    checked(&db);
}
