//! Refusing a file changes nothing (issue 7, problem 9): each refused command runs through the
//! real binary, and the folder (names and bytes of every file) is the same before and after.
//! Another program's SQLite file, `--read-only` with commands that write, a hot journal left by
//! a killed writer, a read-only folder and a read-only file each get a message that says what
//! is wrong, never "not a Liaoyuan database" for a database of ours.

use crate::common;
mod read_only_places;

use common::district::{insert_teachers, two_schools};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-28 09:10";

/// Every file in `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn liaoyuan(args: &[&str], env: &[(&str, &Path)], user: Option<u32>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    cmd.args(args)
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB");
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(uid) = user {
        use std::os::unix::process::CommandExt;
        cmd.uid(uid).gid(uid).current_dir("/");
    }
    cmd.output().expect("run liaoyuan")
}

/// Runs `args` (with `{db}` replaced by `db`), expects exit 1 with one message containing each
/// of `expect` and none of `never`, and the folder of `db` unchanged.
fn refused_untouched(db: &Path, args: &[&str], expect: &[&str], never: &[&str], user: Option<u32>) {
    let dir = db.parent().unwrap();
    let before = snapshot(dir);
    let p = db.to_str().unwrap();
    let args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "{db}" { p } else { a })
        .collect();
    let out = liaoyuan(&args, &[], user);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one message: {err}");
    for e in expect {
        assert!(err.contains(e), "{args:?}: expected {e:?} in: {err}");
    }
    for n in never {
        assert!(!err.contains(n), "{args:?}: {n:?} in: {err}");
    }
    assert!(
        snapshot(dir) == before,
        "{args:?} changed the folder {dir:?}"
    );
}

/// A small Liaoyuan database: 张伟 at 实验小学, project P1 with one session.
fn ours(dir: &Path, name: &str) -> PathBuf {
    let (path, db) = two_schools(dir, name);
    insert_teachers(&db.conn, &[(1, "T0001", "张伟", 1)]);
    db.conn
        .execute_batch(
            "INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
               VALUES (1, 'P1', '报到日', 'district', 'starlight', '2026-11-28', '2026-11-28');
             INSERT INTO sessions (project_id, date, start_time, end_time)
               VALUES (1, '2026-11-28', '08:30', '11:30');",
        )
        .unwrap();
    path
}

/// Commands that open the database for writing (the TUI fails before it needs a terminal).
const WRITERS: &[&[&str]] = &[
    &["--db", "{db}", "checkin", "--project", "P1", "张伟"],
    &["--db", "{db}", "import", "teachers", "{roster}"],
    &["demo", "--db", "{db}", "--teachers", "50"],
    &["--db", "{db}"],
];

/// Commands that only read.
const READERS: &[&[&str]] = &[
    &["--db", "{db}", "lookup", "张伟"],
    &["--db", "{db}", "export", "vetoes"],
    &["--db", "{db}", "check"],
    &["--read-only", "--db", "{db}"],
];

fn with_roster<'a>(args: &[&'a str], roster: &'a str) -> Vec<&'a str> {
    args.iter()
        .map(|a| if *a == "{roster}" { roster } else { a })
        .collect()
}

fn roster(dir: &Path) -> PathBuf {
    let roster = dir.join("roster.csv");
    std::fs::write(&roster, "工号,姓名,学校\nT0009,李明,实验小学\n").unwrap();
    roster
}

#[test]
fn another_program_s_sqlite_file_is_refused_and_never_converted() {
    let files = tempfile::tempdir().unwrap();
    let roster = roster(files.path());
    let roster = roster.to_str().unwrap();
    for (name, setup) in [
        (
            "notes.db",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
        ),
        (
            "wal.db",
            "PRAGMA journal_mode=WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
        ),
        // Numbers its schema like we do, and even has a `teachers` table.
        (
            "numbered.db",
            "CREATE TABLE teachers (id INTEGER PRIMARY KEY); PRAGMA user_version = 3;",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(name);
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(setup).unwrap();
        conn.execute_batch("INSERT INTO notes (body) VALUES ('x')")
            .or_else(|_| conn.execute_batch("INSERT INTO teachers (id) VALUES (1)"))
            .unwrap();
        drop(conn);
        let commands = WRITERS
            .iter()
            .chain(READERS)
            .map(|c| with_roster(c, roster));
        for args in commands.chain([
            vec!["--db", "{db}", "backup", "/nonexistent-dir/copy.db"],
            vec!["--read-only", "--db", "{db}", "lookup", "张伟"],
        ]) {
            let never = ["--read-only", "高于本程序"];
            refused_untouched(&db, &args, &["其他程序的 SQLite 文件"], &never, None);
        }
    }
}

#[test]
fn read_only_means_nothing_is_written_demo_included() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let roster = roster(files.path());
    let roster = roster.to_str().unwrap();
    let db = ours(dir.path(), "ours.db");
    let missing = dir.path().join("new.db");
    let m = missing.to_str().unwrap();
    for args in [
        vec!["--read-only", "demo", "--db", "{db}", "--teachers", "50"],
        vec!["--read-only", "demo", "--db", m, "--teachers", "50"],
        vec![
            "--read-only",
            "--db",
            "{db}",
            "checkin",
            "--project",
            "P1",
            "张伟",
        ],
        vec![
            "--read-only",
            "--db",
            m,
            "checkin",
            "--project",
            "P1",
            "张伟",
        ],
        vec!["--read-only", "--db", "{db}", "import", "teachers", roster],
        vec!["--read-only", "--db", m, "import", "teachers", roster],
        vec!["--read-only", "--db", m],
    ] {
        refused_untouched(&db, &args, &[], &["不是燎原数据库"], None);
    }
    assert!(!missing.exists());
    // `--read-only --demo` does not create the demo district either.
    let home = tempfile::tempdir().unwrap();
    let env = [("HOME", home.path()), ("XDG_DATA_HOME", home.path())];
    let out = liaoyuan(&["--read-only", "--demo"], &env, None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        snapshot(home.path()).is_empty(),
        "{:?}",
        snapshot(home.path()).keys()
    );
}

/// A Liaoyuan database and the hot journal a writer killed halfway leaves beside it:
/// copies of the file and its journal taken in the middle of a large transaction.
fn hot_journal(dir: &Path) -> PathBuf {
    let work = tempfile::tempdir().unwrap();
    let live = ours(work.path(), "live.db");
    let conn = Connection::open(&live).unwrap();
    conn.execute_batch("PRAGMA journal_mode=DELETE; PRAGMA cache_size=5; BEGIN;")
        .unwrap();
    for i in 0..3000 {
        conn.execute(
            "INSERT INTO schools (name, stage) VALUES (?1, 'primary')",
            [format!("{i:04} 号学校 {}", "长".repeat(60))],
        )
        .unwrap();
    }
    let hot = dir.join("hot.db");
    std::fs::copy(&live, &hot).unwrap();
    std::fs::copy(
        work.path().join("live.db-journal"),
        dir.join("hot.db-journal"),
    )
    .unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
    hot
}

#[test]
fn a_hot_journal_is_explained_and_left_for_a_writer_to_roll_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = hot_journal(dir.path());
    let journal = dir.path().join("hot.db-journal");
    assert!(journal.exists());
    for args in READERS.iter().map(|c| c.to_vec()).chain([
        vec!["--read-only", "--db", "{db}", "lookup", "张伟"],
        vec!["--db", "{db}", "backup", "/nonexistent-dir/copy.db"],
    ]) {
        refused_untouched(
            &db,
            &args,
            &["写到一半", "-journal"],
            &["不是燎原数据库"],
            None,
        );
    }
    // Opening it for writing lets SQLite roll the unfinished change back; then it is sound.
    let p = db.to_str().unwrap();
    let out = liaoyuan(
        &["--db", p, "checkin", "--project", "NO-SUCH", "张伟"],
        &[],
        None,
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("NO-SUCH"));
    assert!(!journal.exists());
    let out = liaoyuan(&["--db", p, "lookup", "张伟"], &[], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let schools: i64 = conn
        .query_row("SELECT count(*) FROM schools", [], |r| r.get(0))
        .unwrap();
    assert_eq!(schools, 2, "the unfinished change was rolled back");
}
