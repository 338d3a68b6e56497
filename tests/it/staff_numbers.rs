//! One teacher per staff number whatever its case (README: "Staff numbers …
//! match in any case"): stored in upper case, matched case-insensitively by
//! every import that names a teacher, by `checkin` and by `lookup`.

use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::{teachers, Db, OpenMode};
use liaoyuan::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(db: &mut Db, dir: &Path, kind: Kind, text: &str) -> liaoyuan::Result<ImportReport> {
    let opts = ImportOptions {
        project: Some("P1".into()),
        session: Some(1),
        ..ImportOptions::default()
    };
    let opts = match kind {
        Kind::Enrolments => ImportOptions {
            session: None,
            ..opts
        },
        Kind::Marks => opts,
        _ => ImportOptions::default(),
    };
    import_file(
        db,
        &crate::staff_numbers::stamp(),
        kind,
        &write(dir, "in.csv", text),
        &opts,
    )
}

fn count(db: &Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A file database with one school and teacher T000013 (张伟).
fn district(dir: &Path) -> (Db, PathBuf) {
    let path = dir.join("d.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    import(&mut db, dir, Kind::Schools, "name,stage\n实验小学,小学\n").unwrap();
    let r = import(
        &mut db,
        dir,
        Kind::Teachers,
        "staff_no,name,school\nT000013,张伟,实验小学\n",
    )
    .unwrap();
    assert_eq!(r.added, 1);
    (db, path)
}

#[test]
fn a_staff_number_in_another_case_is_the_same_teacher() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _) = district(dir.path());
    let r = import(
        &mut db,
        dir.path(),
        Kind::Teachers,
        "staff_no,name,school,phone\nt000013,张伟,实验小学,13800000013\n",
    )
    .unwrap();
    assert_eq!((r.added, r.updated), (0, 1));
    assert_eq!(count(&db, "SELECT count(*) FROM teachers"), 1);
    let t = teachers::by_staff_no(&db.conn, " t000013 ")
        .unwrap()
        .unwrap();
    assert_eq!(
        (t.staff_no.as_str(), t.phone.as_str()),
        ("T000013", "13800000013")
    );
    // A new teacher typed in lower case is stored in upper case.
    import(
        &mut db,
        dir.path(),
        Kind::Teachers,
        "staff_no,name,school\nf0001,李娜,实验小学\n",
    )
    .unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM teachers WHERE staff_no = 'F0001'"
        ),
        1
    );
}

#[test]
fn a_file_with_one_staff_number_in_two_cases_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _) = district(dir.path());
    let err = import(
        &mut db,
        dir.path(),
        Kind::Teachers,
        "staff_no,name,school\nF0001,李娜,实验小学\nf0001,王芳,实验小学\n",
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.zh).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("line 3: staff_no"), "{rows:?}");
    assert!(
        rows[0].contains("f0001") && rows[0].contains("F0001"),
        "{rows:?}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM teachers"), 1);
    // Two trainers rows naming one teacher in two cases, likewise.
    let err = import(
        &mut db,
        dir.path(),
        Kind::Trainers,
        "staff_no,status\nT000013,candidate\nt000013,certified\n",
    )
    .unwrap_err();
    assert!(matches!(err, Error::Rows(ref r) if r.len() == 1), "{err}");
}

#[test]
fn every_import_naming_a_teacher_finds_them_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _) = district(dir.path());
    let d = dir.path();
    import(
        &mut db,
        d,
        Kind::Projects,
        "code,title,level,plan,start_date,end_date\nP1,新课标,district,starlight,2026-03-02,2026-03-02\n",
    )
    .unwrap();
    let r = import(
        &mut db,
        d,
        Kind::Trainers,
        "staff_no,status\nt000013,certified\n",
    )
    .unwrap();
    assert_eq!(r.added, 1);
    let r = import(
        &mut db,
        d,
        Kind::Sessions,
        "project,date,start,end,trainer\nP1,2026-03-02,08:30,11:30,t000013\n",
    )
    .unwrap();
    assert_eq!(r.added, 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sessions WHERE trainer_id IS NOT NULL"
        ),
        1
    );
    let r = import(&mut db, d, Kind::Enrolments, "staff_no\nt000013\n").unwrap();
    assert_eq!(r.added, 1);
    let r = import(&mut db, d, Kind::Marks, "staff_no,time_in\nt000013,08:20\n").unwrap();
    assert_eq!(r.added, 1);
    assert_eq!(count(&db, "SELECT count(*) FROM marks"), 1);
}

#[test]
fn the_schema_keeps_one_teacher_per_staff_number_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = district(dir.path());
    let other = db.conn.execute(
        "INSERT INTO teachers (staff_no, name, school_id) VALUES ('t000013', '王芳', 1)",
        [],
    );
    assert!(other.is_err(), "a second T000013 in lower case was stored");
}

#[test]
fn lookup_and_checkin_take_a_staff_number_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, path) = district(dir.path());
    import(
        &mut db,
        dir.path(),
        Kind::Projects,
        "code,title,level,plan,start_date,end_date\nP1,新课标,district,starlight,2026-03-02,2026-03-02\n",
    )
    .unwrap();
    import(
        &mut db,
        dir.path(),
        Kind::Sessions,
        "project,date,start,end\nP1,2026-03-02,08:30,11:30\n",
    )
    .unwrap();
    import(&mut db, dir.path(), Kind::Enrolments, "staff_no\nT000013\n").unwrap();
    drop(db);
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
            .arg("--db")
            .arg(&path)
            .args(args)
            .env("LIAOYUAN_NOW", "2026-03-02 08:31")
            .env_remove("LIAOYUAN_DB")
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        (o.status.code(), out, err)
    };
    let (code, out, err) = run(&["lookup", "t000013", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let found: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found[0]["staff_no"], "T000013", "{out}");
    let (code, out, err) = run(&["checkin", "--project", "P1", "t000013"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("张伟"), "{out}");
}

#[test]
fn processes_opening_a_version_1_file_at_once_upgrade_it_once() {
    use liaoyuan::store::schema::{AS_VERSION_2_SQL, SCHEMA_SQL};
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(SCHEMA_SQL).unwrap();
            conn.execute_batch(AS_VERSION_2_SQL).unwrap();
            conn.execute_batch(
                "DROP INDEX teachers_staff_no_nocase;
                 PRAGMA user_version = 1;
                 PRAGMA journal_mode = WAL;
                 INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
                 INSERT INTO teachers (staff_no, name, school_id) VALUES ('t1', '张伟', 1), ('t2', '李娜', 1);",
            )
            .unwrap();
        }
        // Each process opens the file for writing (upgrading it), then is
        // refused for an unknown project: that refusal, and nothing else, is expected.
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
                    .arg("--db")
                    .arg(&path)
                    .args(["--lang", "en", "checkin", "--project", "NOPE", "x"])
                    .env_remove("LIAOYUAN_DB")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains("no project has the code 'NOPE'"),
                "round {round}: {err}"
            );
        }
        let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM teachers WHERE staff_no IN ('T1', 'T2')"
            ),
            2
        );
        assert_eq!(
            count(&db, "SELECT count(*) FROM audit_log"),
            2,
            "round {round}"
        );
    }
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
