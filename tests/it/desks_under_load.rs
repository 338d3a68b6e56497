//! Registration day under load, with real processes on one database file: three desks (the
//! real TUI in pseudo-terminals) opening and closing in turn, four CLI writers making 100
//! check-ins each, one 3,000-row import and repeated backups, all at once. Afterwards the file
//! is intact (`PRAGMA integrity_check`, `liaoyuan check`), every acknowledged check-in is there
//! exactly once, and every mark has its audit entry.
//!
//! This is the test that the "two desks lost check-ins and corrupted the file" report lacked:
//! a process that drops its own POSIX locks (a `File` opened and closed on the database while a
//! connection is open) lets another process delete the WAL under it. Nothing here is timed.

use crate::common;

use common::district::insert_teachers;
use common::pty::{spawn, Term, PATIENCE};
use liaoyuan::store::{Db, OpenMode};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");
const NOW: &str = "2026-03-02 08:20";
const CLI_WRITERS: usize = 4;
const CHECKINS_PER_WRITER: usize = 100;
const DESKS: usize = 3;
const ROUNDS_PER_DESK: usize = 2;
const CHECKINS_PER_ROUND: usize = 8;
const IMPORTED: usize = 3_000;

/// A unique two- or three-character name for teacher number `n`.
fn name(n: usize) -> String {
    const SURNAMES: [&str; 12] = [
        "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈",
    ];
    const GIVEN: [&str; 24] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "春", "夏", "秋", "冬", "东",
        "南", "西", "北", "金", "木", "水", "火", "土", "山",
    ];
    let s = SURNAMES[n % SURNAMES.len()];
    let g1 = GIVEN[(n / SURNAMES.len()) % GIVEN.len()];
    let rest = n / (SURNAMES.len() * GIVEN.len());
    if rest == 0 {
        format!("{s}{g1}")
    } else {
        format!("{s}{g1}{}", GIVEN[rest % GIVEN.len()])
    }
}

fn cli_staff_no(writer: usize, i: usize) -> String {
    format!("C{:04}", writer * CHECKINS_PER_WRITER + i + 1)
}

fn desk_staff_no(desk: usize, round: usize, i: usize) -> String {
    format!(
        "D{:03}",
        (desk * ROUNDS_PER_DESK + round) * CHECKINS_PER_ROUND + i + 1
    )
}

/// Two schools; project P1 with one session today 08:30–11:30; the CLI writers' and the desks'
/// teachers, all enrolled.
fn district(dir: &Path) -> (PathBuf, Vec<(String, String)>) {
    let path = dir.join("registration.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
             INSERT INTO projects (id, code, title, level, plan, concentrated, start_date, end_date)
               VALUES (1, 'P1', '报到日', 'district', 'starlight', 1, '2026-03-02', '2026-03-02');
             INSERT INTO sessions (project_id, date, start_time, end_time)
               VALUES (1, '2026-03-02', '08:30', '11:30');",
        )
        .unwrap();
    let mut staff: Vec<String> = Vec::new();
    for w in 0..CLI_WRITERS {
        for i in 0..CHECKINS_PER_WRITER {
            staff.push(cli_staff_no(w, i));
        }
    }
    for d in 0..DESKS {
        for r in 0..ROUNDS_PER_DESK {
            for i in 0..CHECKINS_PER_ROUND {
                staff.push(desk_staff_no(d, r, i));
            }
        }
    }
    let people: Vec<(String, String)> = staff
        .iter()
        .enumerate()
        .map(|(n, s)| (s.clone(), name(n)))
        .collect();
    let rows: Vec<(i64, &str, &str, i64)> = people
        .iter()
        .enumerate()
        .map(|(n, (s, nm))| (n as i64 + 1, s.as_str(), nm.as_str(), 1 + n as i64 % 2))
        .collect();
    insert_teachers(&db.conn, &rows);
    db.conn
        .execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
             SELECT 1, id, school_id, '2026-02-20 10:00:00' FROM teachers",
            [],
        )
        .unwrap();
    drop(db);
    (path, people)
}

fn command(db: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB");
    c
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Desks that have their desk open (writers start when the first one is).
type OpenDesks = Arc<AtomicUsize>;

fn wait_for_a_desk(open: &OpenDesks) {
    let start = Instant::now();
    while open.load(Ordering::SeqCst) == 0 && start.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One CLI writer: 100 `liaoyuan checkin` processes, paced so that they run while the desks
/// are open. Returns the acknowledged staff numbers (exit 0) and the failures.
fn cli_writer(db: PathBuf, writer: usize, open: OpenDesks) -> (Vec<String>, Vec<String>) {
    let mut acknowledged = Vec::new();
    let mut failures = Vec::new();
    wait_for_a_desk(&open);
    for i in 0..CHECKINS_PER_WRITER {
        std::thread::sleep(Duration::from_millis(25));
        let staff_no = cli_staff_no(writer, i);
        let o = command(&db)
            .args(["checkin", "--project", "P1", &staff_no])
            .output()
            .unwrap();
        if o.status.success() {
            acknowledged.push(staff_no);
        } else {
            failures.push(format!("{staff_no}: {:?} {}", o.status.code(), stderr(&o)));
        }
    }
    (acknowledged, failures)
}

/// The real TUI on `db`, on today's session at the Check-in tab.
fn open_desk(db: &Path) -> Term {
    let mut t = spawn(
        NOW,
        &["--db".as_ref(), db.as_os_str()],
        &[],
        db.parent().unwrap(),
    );
    t.wait_for("the tab bar", |s| s.contains("3 签到"));
    t.send(b"3");
    t.wait_for("the session picker", |s| s.contains("选择场次"));
    t.send(b"\r");
    t.wait_for("the desk counter", |s| s.contains("已签到 "));
    t
}

fn quit(mut t: Term) {
    t.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    t.send(b"q");
    let start = Instant::now();
    loop {
        t.pump(Duration::from_millis(50));
        if let Some(status) = t.child.try_wait().unwrap() {
            assert!(status.success(), "desk exit status {status:?}");
            return;
        }
        if start.elapsed() > PATIENCE {
            let _ = t.child.kill();
            panic!("a desk did not exit; screen:\n{}", t.screen());
        }
    }
}

/// One desk: opens the TUI, checks in its teachers by staff number (each acknowledged on the
/// status bar), quits; again for the next round. Returns the acknowledged staff numbers.
fn desk(db: PathBuf, desk: usize, people: Vec<(String, String)>, open: OpenDesks) -> Vec<String> {
    let name_of = |staff: &str| {
        people
            .iter()
            .find(|(s, _)| s == staff)
            .map(|(_, n)| n.clone())
            .unwrap()
    };
    let mut acknowledged = Vec::new();
    for round in 0..ROUNDS_PER_DESK {
        // Stagger the desks so that one opens while another closes.
        std::thread::sleep(Duration::from_millis(700 * desk as u64));
        let mut t = open_desk(&db);
        open.fetch_add(1, Ordering::SeqCst);
        for i in 0..CHECKINS_PER_ROUND {
            let staff_no = desk_staff_no(desk, round, i);
            let who = name_of(&staff_no);
            t.send(staff_no.as_bytes());
            t.wait_for("the teacher highlighted", |s| {
                s.contains(&format!("▶ {who}"))
            });
            t.send(b"\r");
            t.wait_for("the check-in on the status bar", |s| {
                s.lines()
                    .last()
                    .is_some_and(|l| l.contains(&format!("{who}（")) && l.contains("出勤"))
            });
            acknowledged.push(staff_no);
        }
        quit(t);
        open.fetch_sub(1, Ordering::SeqCst);
    }
    acknowledged
}

fn import_file(dir: &Path) -> PathBuf {
    let path = dir.join("new-teachers.csv");
    let mut text = String::from("staff_no,name,school\n");
    for n in 0..IMPORTED {
        let school = if n % 2 == 0 {
            "实验小学"
        } else {
            "第二中学"
        };
        text.push_str(&format!("N{:05},{},{school}\n", n + 1, name(n + 5_000)));
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn desks_cli_writers_an_import_and_backups_together_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, people) = district(dir.path());
    let csv = import_file(dir.path());
    let open: OpenDesks = Arc::default();

    let writers: Vec<_> = (0..CLI_WRITERS)
        .map(|w| {
            let (db, open) = (db.clone(), open.clone());
            std::thread::spawn(move || cli_writer(db, w, open))
        })
        .collect();
    let desks: Vec<_> = (0..DESKS)
        .map(|d| {
            let (db, open) = (db.clone(), open.clone());
            let people = people.clone();
            std::thread::spawn(move || desk(db, d, people, open))
        })
        .collect();
    let importer = {
        let (db, open) = (db.clone(), open.clone());
        std::thread::spawn(move || {
            wait_for_a_desk(&open);
            std::thread::sleep(Duration::from_millis(1_000));
            command(&db)
                .args(["import", "teachers"])
                .arg(&csv)
                .output()
                .unwrap()
        })
    };
    let backups = {
        let (db, open) = (db.clone(), open.clone());
        let dir = dir.path().to_path_buf();
        std::thread::spawn(move || {
            wait_for_a_desk(&open);
            (0..3)
                .map(|i| {
                    std::thread::sleep(Duration::from_millis(700));
                    let dest = dir.join(format!("backup-{i}.db"));
                    let o = command(&db).arg("backup").arg(&dest).output().unwrap();
                    (dest, o)
                })
                .collect::<Vec<_>>()
        })
    };

    let mut acknowledged: Vec<String> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    for w in writers {
        let (ok, bad) = w.join().unwrap();
        acknowledged.extend(ok);
        failures.extend(bad);
    }
    for d in desks {
        acknowledged.extend(d.join().unwrap());
    }
    let import = importer.join().unwrap();
    let backups = backups.join().unwrap();

    // Every process acknowledged its work: nobody was turned away by a busy database.
    assert!(failures.is_empty(), "check-ins refused: {failures:#?}");
    assert!(
        import.status.success(),
        "import failed: {}",
        stderr(&import)
    );
    for (dest, o) in &backups {
        assert!(o.status.success(), "backup failed: {}", stderr(o));
        let copy = Db::open(dest, OpenMode::ReadOnly).unwrap();
        let ok: String = copy
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "backup {} is damaged", dest.display());
    }

    // The file is intact.
    let check = command(&db).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "liaoyuan check: {}{}",
        String::from_utf8_lossy(&check.stdout),
        stderr(&check)
    );
    let conn = Db::open(&db, OpenMode::ReadOnly).unwrap().conn;
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");

    // Every acknowledged check-in is there exactly once, and nothing else is.
    let expected: BTreeSet<String> = acknowledged.iter().cloned().collect();
    assert_eq!(
        expected.len(),
        acknowledged.len(),
        "a teacher acknowledged twice"
    );
    let mut st = conn
        .prepare(
            "SELECT t.staff_no, count(*) FROM marks m JOIN teachers t ON t.id = m.teacher_id
             GROUP BY t.staff_no",
        )
        .unwrap();
    let marked: Vec<(String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let twice: Vec<_> = marked.iter().filter(|(_, n)| *n != 1).collect();
    assert!(twice.is_empty(), "marked more than once: {twice:?}");
    let found: BTreeSet<String> = marked.into_iter().map(|(s, _)| s).collect();
    let lost: Vec<_> = expected.difference(&found).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(extra.is_empty(), "marks nobody acknowledged: {extra:?}");
    assert_eq!(
        count(&conn, "SELECT count(*) - count(DISTINCT id) FROM marks"),
        0
    );

    // Every mark has its audit entry; the import is complete.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM marks m WHERE NOT EXISTS
               (SELECT 1 FROM audit_log a WHERE a.entity = 'mark' AND a.entity_id = m.id)"
        ),
        0,
        "marks without an audit entry"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM teachers WHERE staff_no LIKE 'N%'"
        ),
        IMPORTED as i64
    );
}
