//! Nothing but SQLite opens the database file while a process holds a connection to it
//! (docs/rules.md §5). Closing *any* descriptor of a file drops every POSIX lock the process
//! holds on it; another process then believes it is the last one, checkpoints and deletes the
//! `-wal` under the live connection, and acknowledged writes are lost. Each test keeps a
//! connection open, runs every path that opens the database again, then lets a second process
//! open and close it: the `-wal` must survive and (on Linux) /proc/locks must still show the lock.

use crate::common;

use common::district::insert_teachers;
use common::pty::{spawn, PATIENCE};
use liaoyuan::ops::feedback_import::{import_feedback, FeedbackImport};
use liaoyuan::ops::import::{self, ImportOptions, Kind};
use liaoyuan::ops::survey_import::{import_survey, SurveyImport};
use liaoyuan::ops::{backup, check};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::index_loader::Loading;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");
const NOW: &str = "2026-11-28 09:10";

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut p: OsString = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn build_db(path: &Path) {
    let db = Db::open(path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');")
        .unwrap();
    insert_teachers(
        &db.conn,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 1),
        ],
    );
}

/// POSIX locks that process `pid` holds on the file at `path` (Linux /proc/locks);
/// `None` where /proc/locks cannot be read.
fn locks_of(pid: u32, path: &Path) -> Option<usize> {
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(path).ok()?.ino().to_string();
    let text = std::fs::read_to_string("/proc/locks").ok()?;
    let pid = pid.to_string();
    let held = text
        .lines()
        .filter(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.windows(2).any(|w| {
                w[0] == pid
                    && w[1].matches(':').count() == 2
                    && w[1].rsplit(':').next() == Some(&ino)
            })
        })
        .count();
    Some(held)
}

fn assert_locked(pid: u32, path: &Path, after: &str) {
    if let Some(n) = locks_of(pid, path) {
        assert!(
            n > 0,
            "after {after}, process {pid} holds no lock on the database"
        );
    }
}

/// Another process opens the database for writing and closes it again: `checkin` opens it,
/// finds no such project and exits 1. Were it the last connection, it would delete the WAL.
fn another_process_opens_and_closes(path: &Path) {
    let out = Command::new(BIN)
        .args(["checkin", "--project", "NO-SUCH", "张伟", "--db"])
        .arg(path)
        .env("LIAOYUAN_NOW", NOW)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("NO-SUCH"),
        "the database was not opened: {err}"
    );
}

fn options() -> ImportOptions {
    ImportOptions {
        project: None,
        session: None,
        dry_run: false,
        over_capacity: false,
        progress: None,
        limits: Default::default(),
    }
}

#[test]
fn every_path_that_opens_the_database_again_keeps_this_process_s_locks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    build_db(&path);
    // The desk: a connection held open, as the TUI's main connection is.
    let mut desk = Db::open(&path, OpenMode::Create).unwrap();
    desk.defer_checkpoints().unwrap();
    let me = std::process::id();
    assert!(sibling(&path, "-wal").exists());
    assert_locked(me, &path, "opening");

    // The search index (at start-up, and again after another desk changes the teachers).
    for _ in 0..2 {
        let loading = Loading::start(&path).expect("a loader thread");
        let start = Instant::now();
        let index = loop {
            if let Some(result) = loading.poll() {
                break result.unwrap();
            }
            assert!(start.elapsed() < PATIENCE, "the index never finished");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(index.len(), 3);
        assert_locked(me, &path, "building the search index");
    }
    for mode in [OpenMode::ReadOnly, OpenMode::Existing, OpenMode::Create] {
        drop(Db::open(&path, mode).unwrap());
        assert_locked(me, &path, &format!("Db::open({mode:?})"));
    }
    let copy = dir.path().join("copy.db");
    backup::backup(&path, &copy).unwrap();
    assert_locked(me, &path, "backup");
    for own in [&path, &sibling(&path, "-wal"), &sibling(&path, "-shm")] {
        assert!(backup::backup(&path, own).is_err(), "backup onto {own:?}");
    }
    assert_locked(me, &path, "a refused backup");
    let report = check::check_file(
        &path,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    assert!(report.unwrap().is_clean());
    assert_locked(me, &path, "check");

    // Import from the palette: a roster, then the database (or its journal) given as the file.
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "工号,姓名,学校\nT0004,李明,实验小学\n").unwrap();
    import::import_file(
        &mut desk,
        &crate::open_safety::stamp(),
        Kind::Teachers,
        &roster,
        &options(),
    )
    .unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    for own in [
        &path,
        &sibling(&path, "-wal"),
        &sibling(&path, "-shm"),
        &link,
    ] {
        let err = import::import_file(
            &mut desk,
            &crate::open_safety::stamp(),
            Kind::Teachers,
            own,
            &options(),
        );
        assert!(err.is_err(), "importing {own:?}");
        assert_locked(me, &path, &format!("importing {own:?}"));
        // the questionnaire imports (feedback, needs survey) read their files their own way
        let feedback = FeedbackImport {
            project: "P1".into(),
            ..FeedbackImport::default()
        };
        let err = import_feedback(&mut desk, &crate::open_safety::stamp(), own, &feedback);
        assert!(
            err.is_err_and(|e| e.to_string().contains("正在使用的数据库本身")),
            "feedback from {own:?}"
        );
        assert_locked(me, &path, &format!("importing feedback from {own:?}"));
        let err = import_survey(
            &mut desk,
            &crate::open_safety::stamp(),
            own,
            &SurveyImport::default(),
        );
        assert!(
            err.is_err_and(|e| e.to_string().contains("正在使用的数据库本身")),
            "survey from {own:?}"
        );
        assert_locked(me, &path, &format!("importing a survey from {own:?}"));
    }

    another_process_opens_and_closes(&path);
    assert!(
        sibling(&path, "-wal").exists(),
        "another process deleted the WAL under the live connection"
    );
    assert_locked(me, &path, "another process came and went");
    let tx = desk
        .write(&liaoyuan::store::Stamp::new(
            liaoyuan::domain::parse_datetime("2026-03-01 09:00").unwrap(),
            "tester",
        ))
        .unwrap();
    tx.execute(
        "INSERT INTO schools (name, stage) VALUES ('后来的学校', 'junior')",
        [],
    )
    .unwrap();
    tx.commit().unwrap();
    drop(desk);
    let after = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let n: i64 = after
        .conn
        .query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
    let quick: String = after
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quick, "ok");
}

/// The real TUI in a pseudo-terminal keeps its lock while its search index is built, rebuilt
/// after another desk adds a teacher, and while other processes open and close the file.
#[test]
fn a_running_tui_keeps_its_lock_while_other_processes_come_and_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    build_db(&path);
    let mut t = spawn(NOW, &["--db".as_ref(), path.as_os_str()], &[], dir.path());
    let pid = t.child.process_id().expect("the TUI's process id");
    t.wait_for("the tab bar", |s| s.contains("1 总览"));
    t.send(b"/zw");
    t.wait_for("张伟 found (the index is built)", |s| {
        s.contains("1 条匹配") && s.contains("张伟")
    });
    assert_locked(pid, &path, "the TUI built its index");
    another_process_opens_and_closes(&path);
    assert!(
        sibling(&path, "-wal").exists(),
        "the WAL was deleted under the TUI"
    );

    // Another desk adds a teacher: the TUI notices and rebuilds its index from the file.
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "工号,姓名,学校\nT0004,李明,实验小学\n").unwrap();
    let out = Command::new(BIN)
        .args(["import", "teachers"])
        .arg(&roster)
        .arg("--db")
        .arg(&path)
        .env("LIAOYUAN_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.send(b"\x1b");
    t.wait_for("the search to clear and the new teacher counted", |s| {
        !s.contains("/ zw") && s.contains("4 位教师")
    });
    t.send(b"/lm");
    t.wait_for("李明 found after the rebuild", |s| s.contains("李明"));
    assert_locked(pid, &path, "the TUI rebuilt its index");
    another_process_opens_and_closes(&path);
    assert!(
        sibling(&path, "-wal").exists(),
        "the WAL was deleted under the TUI"
    );
    assert_locked(pid, &path, "another process came and went");
    // The test is about locks, not quitting: end the TUI directly.
    t.child.kill().unwrap();
    let _ = t.child.wait();
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
