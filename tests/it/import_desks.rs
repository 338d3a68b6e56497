//! Imports beside the desks (README, "Import"): a dry run never takes the write
//! lock, so it runs while a desk holds it, and it never creates, fills or
//! upgrades the database file; a real import checks its file without the lock
//! and holds the lock only for its short write, so a desk whose busy timeout
//! is one second keeps committing all through a large import.

use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{Db, OpenMode};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn liaoyuan(db: &Path, args: &[&str], file: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    c.arg("--db")
        .arg(db)
        .args(["--lang", "en", "import"])
        .args(args)
        .arg(file)
        .env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB");
    c
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A database with the 14 schools of the fixtures.
fn district(dir: &Path) -> PathBuf {
    let path = dir.join("desks.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let opts = ImportOptions::default();
    import_file(
        &mut db,
        &crate::import_desks::stamp(),
        Kind::Schools,
        &fixture("schools.csv"),
        &opts,
    )
    .unwrap();
    path
}

/// `n` teachers already in the district (written straight into the file), and
/// a roster of them in which every 200th phone number has changed: checking
/// it is long (every row is looked up), writing it is short.
fn district_and_roster(dir: &Path, n: usize) -> (PathBuf, PathBuf) {
    let db = district(dir);
    let mut conn = Connection::open(&db).unwrap();
    let schools: Vec<(i64, String)> = conn
        .prepare("SELECT id, name FROM schools ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "曾小红"];
    let mut csv = String::from("staff_no,name,gender,school,subject,stage,phone,tier\n");
    let tx = conn.transaction().unwrap();
    for i in 0..n {
        let (school_id, school) = &schools[i % schools.len()];
        let (staff_no, name, phone) = (
            format!("R{i:06}"),
            names[i % names.len()],
            format!("139{i:08}"),
        );
        tx.execute(
            "INSERT INTO teachers (staff_no, name, gender, school_id, subject, phone, tier, pinyin, initials)
             VALUES (?1, ?2, 'female', ?3, '语文', ?4, 'qualified', '', '')",
            rusqlite::params![staff_no, name, school_id, phone],
        )
        .unwrap();
        let phone = if i % 200 == 0 {
            format!("138{i:08}")
        } else {
            phone
        };
        csv.push_str(&format!(
            "{staff_no},{name},女,{school},语文,,{phone},合格教师\n"
        ));
    }
    tx.commit().unwrap();
    let roster = dir.join("roster.csv");
    std::fs::write(&roster, csv).unwrap();
    (db, roster)
}

/// A desk: check-in-sized commits (BEGIN IMMEDIATE with a 1 s busy timeout,
/// one audit row) in a loop until `stop`; returns the failures.
fn desk(db: PathBuf, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<(usize, Vec<String>)> {
    std::thread::spawn(move || {
        let conn = Connection::open(&db).unwrap();
        conn.busy_timeout(Duration::from_secs(1)).unwrap();
        let (mut commits, mut failures) = (0, Vec::new());
        while !stop.load(Ordering::Relaxed) {
            let r = conn.execute_batch(
                "BEGIN IMMEDIATE;
                 INSERT INTO audit_log (at, actor, entity, action) VALUES ('2026-03-01 09:00:00', 'desk', 'mark', 'create');
                 COMMIT;",
            );
            match r {
                Ok(()) => commits += 1,
                Err(e) => {
                    let _ = conn.execute_batch("ROLLBACK");
                    failures.push(e.to_string());
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        (commits, failures)
    })
}

#[test]
fn a_dry_run_and_the_preview_run_while_a_desk_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let dry = liaoyuan(
        &db,
        &["teachers", "--dry-run"],
        &fixture("teachers-gbk.csv"),
    )
    .output()
    .unwrap();
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(text(&dry).contains("would add 20"), "{}", text(&dry));
    // The TUI's preview: a dry run on the TUI's own read-write connection.
    let mut tui = Db::open(&db, OpenMode::Existing).unwrap();
    let opts = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let preview = import_file(
        &mut tui,
        &crate::import_desks::stamp(),
        Kind::Teachers,
        &fixture("teachers-gbk.csv"),
        &opts,
    );
    assert_eq!(preview.map(|r| r.added).map_err(|e| e.to_string()), Ok(20));
    holder.execute_batch("COMMIT").unwrap();
    let teachers: i64 = holder
        .query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(teachers, 0);
}

#[test]
fn a_dry_run_leaves_an_empty_database_file_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    std::fs::write(&db, b"").unwrap();
    let dry = liaoyuan(&db, &["schools", "--dry-run"], &fixture("schools.csv"))
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(text(&dry).contains("would add 14"), "{}", text(&dry));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "schema written");
    let missing = dir.path().join("missing.db");
    let dry = liaoyuan(&missing, &["schools", "--dry-run"], &fixture("schools.csv"))
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", text(&dry));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, vec!["empty.db"]);
}

#[test]
fn a_dry_run_leaves_the_database_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let before = std::fs::read(&db).unwrap();
    let dry = liaoyuan(
        &db,
        &["teachers", "--dry-run"],
        &fixture("teachers-gbk.csv"),
    )
    .output()
    .unwrap();
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(std::fs::read(&db).unwrap() == before, "the file changed");
}

#[test]
fn desks_keep_committing_while_a_large_import_runs() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = district_and_roster(dir.path(), 80_000);
    let runs = [
        (&["teachers", "--dry-run"][..], "would update 400"),
        (&["teachers"][..], "400 updated"),
    ];
    for (args, says) in runs {
        let stop = Arc::new(AtomicBool::new(false));
        let desk = desk(db.clone(), stop.clone());
        let import = liaoyuan(&db, args, &file).output().unwrap();
        stop.store(true, Ordering::Relaxed);
        let (commits, failures) = desk.join().unwrap();
        assert!(import.status.success(), "{args:?}: {}", text(&import));
        assert!(text(&import).contains(says), "{}", text(&import));
        assert!(
            failures.is_empty(),
            "{args:?}: the desk failed {} times ({commits} commits): {:?}",
            failures.len(),
            failures.first()
        );
    }
    let conn = Connection::open(&db).unwrap();
    let changed: i64 = conn
        .query_row(
            "SELECT count(*) FROM teachers WHERE phone LIKE '138%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(changed, 400);
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
