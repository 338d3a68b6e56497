//! The foundation's command line through the real binary: demo, check,
//! backup, refusal of files that are not ours, exit codes (docs/rules.md §6).

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-28 07:50";

fn liaoyuan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .args(args)
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .expect("run liaoyuan")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn demo(path: &Path, teachers: &str, seed: &str) -> Output {
    let db = path.to_str().unwrap();
    liaoyuan(&["demo", "--db", db, "--teachers", teachers, "--seed", seed])
}

/// Every row of every table, ordered by key, as text.
fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(tables.len() >= 15, "{tables:?}");
    let mut out = Vec::new();
    for t in tables {
        let mut st = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = format!("{t}:");
                for i in 0..n {
                    let v: Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out
}

#[test]
fn demo_twice_gives_the_same_district_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    let out = demo(&a, "2000", "1");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2000"), "{}", stderr(&out));
    assert!(demo(&b, "2000", "1").status.success());
    let (da, db) = (dump(&a), dump(&b));
    assert!(da.len() > 10_000, "only {} rows", da.len());
    assert!(da == db, "same seed and day gave different districts");

    let c = dir.path().join("c.db");
    assert!(demo(&c, "2000", "2").status.success());
    assert!(dump(&c) != da, "another seed gave the same district");

    let out = liaoyuan(&["check", "--db", a.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("教师 2000"), "{}", stdout(&out));
    let out = liaoyuan(&["--lang", "en", "--db", a.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(" rules): ok"), "{}", stdout(&out));
}

#[test]
fn demo_refuses_a_database_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    assert!(demo(&a, "100", "1").status.success());
    let before = dump(&a);
    let out = demo(&a, "100", "2");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("已有数据"), "{}", stderr(&out));
    assert!(dump(&a) == before);
    let small = dir.path().join("small.db");
    let out = demo(&small, "10", "1");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("至少"), "{}", stderr(&out));
    let out = liaoyuan(&["demo", "--teachers", "100"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "demo without --db must not touch the default database"
    );
}

#[test]
fn check_finds_an_inconsistent_mark_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    assert!(demo(&a, "100", "1").status.success());
    let conn = Connection::open(&a).unwrap();
    conn.execute(
        "UPDATE marks SET session_date = '2001-01-01' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let out = liaoyuan(&["check", "--db", a.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("a mark's date differs"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("1 problem"), "{}", stderr(&out));
}

fn assert_refused_untouched(path: &Path, args: &[&str], expect: &str) {
    let before = std::fs::read(path).unwrap();
    let out = liaoyuan(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(expect), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{args:?} changed the file"
    );
}

#[test]
fn garbage_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("roster.csv");
    std::fs::write(&text, "工号,姓名\nT000001,张伟\n").unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let noise = dir.path().join("noise.db");
    std::fs::write(
        &noise,
        (0..4096u32)
            .map(|i| (i * 7 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    for f in [&text, &noise] {
        let p = f.to_str().unwrap();
        assert_refused_untouched(f, &["check", "--db", p], "不是燎原数据库");
        assert_refused_untouched(
            f,
            &[
                "--db",
                p,
                "backup",
                dir.path().join("x.db").to_str().unwrap(),
            ],
            "不是燎原数据库",
        );
        assert_refused_untouched(f, &["demo", "--db", p], "不是燎原数据库");
    }
    assert_refused_untouched(
        &empty,
        &["check", "--db", empty.to_str().unwrap()],
        "文件是空的",
    );
    assert!(!dir.path().join("x.db").exists());
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    assert!(demo(&a, "100", "1").status.success());
    let conn = Connection::open(&a).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let p = a.to_str().unwrap();
    assert_refused_untouched(&a, &["check", "--db", p], "高于本程序支持");
    assert_refused_untouched(&a, &["demo", "--db", p], "高于本程序支持");
}

#[test]
fn backup_copies_and_refuses_an_existing_destination() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    assert!(demo(&a, "100", "1").status.success());
    let copy = dir.path().join("copy.db");
    let out = liaoyuan(&[
        "backup",
        copy.to_str().unwrap(),
        "--db",
        a.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        dump(&copy) == dump(&a),
        "the copy differs from the original"
    );
    let out = liaoyuan(&["check", "--db", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let p = a.to_str().unwrap();
    assert_refused_untouched(
        &copy,
        &["--lang", "en", "--db", p, "backup", copy.to_str().unwrap()],
        "already exists",
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["demo", "--teachers", "many"][..],
        &["frobnicate"][..],
        &["backup"][..],
        &["check", "--no-such-flag"][..],
    ] {
        let out = liaoyuan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}
