//! The desk through the real binary in a pseudo-terminal: open the Check-in tab on today's
//! session (LIAOYUAN_NOW pinned), type a teacher's pinyin initials, Enter → the counter goes up
//! by one and the name shows as present. And two processes: a `liaoyuan checkin` marks a
//! teacher while the TUI is open on that session → the TUI shows the new count (polled; no
//! duration is asserted). A busy database: while another connection holds the write lock the
//! check-in waits visibly, keys still work, and it lands once when the lock frees; a signal
//! during that wait ends the TUI within 2 s (the brief's figure) with nothing written.
//! focus.rs: the search box keeps the focus coming back to tab 3; closing.rs: an untaken register
//! and its undo; truthful.rs: the reason prompt of a veto change.

use crate::common;

mod closing;
mod focus;
mod truthful;

use common::district::insert_teachers;
use common::pty::{spawn, Term, PATIENCE};
use liaoyuan::store::{Db, OpenMode};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-28 08:32";

/// Two schools, four teachers, project P1 with today's 08:30 session; all four enrolled.
fn build_db(path: &Path) {
    let db = Db::open(path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '柏梓中学', 'junior');
             INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
               VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-11-01', '2026-11-30');
             INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
               VALUES (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学');",
        )
        .unwrap();
    let teachers = [
        (1, "T0001", "张伟", 1),
        (2, "T0002", "李娜", 1),
        (3, "T0003", "王芳", 2),
        (4, "T0004", "刘洋", 2),
    ];
    insert_teachers(&db.conn, &teachers);
    for (id, _, _, school) in teachers {
        db.conn
            .execute(
                "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (1, ?1, ?2, '2026-11-01')",
                rusqlite::params![id, school],
            )
            .unwrap();
    }
}

/// The real binary on `db`, in the database's directory.
fn start(db: &Path) -> Term {
    let cwd = db.parent().unwrap();
    spawn(NOW, &["--db".as_ref(), db.as_os_str()], &[], cwd)
}

impl Term {
    /// `3` → the Check-in tab; Enter chooses today's session (the picker starts on it).
    fn open_desk(&mut self) {
        self.wait_for("the tab bar", |s| s.contains("3 签到"));
        self.send(b"3");
        self.wait_for("the session picker", |s| s.contains("选择场次"));
        self.send(b"\r");
        self.wait_for("the desk counter", |s| s.contains("已签到 0 / 4，迟到 0"));
    }

    fn quit(&mut self) {
        // Esc leaves the (empty) search box; q quits.
        self.send(b"\x1b");
        std::thread::sleep(Duration::from_millis(100));
        self.send(b"q");
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(50));
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status:?}");
                return;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the program did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

fn marks(db: &Path) -> Vec<(i64, String)> {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    let mut st = db
        .conn
        .prepare("SELECT teacher_id, status FROM marks ORDER BY teacher_id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_digit_checks_in_the_candidate_that_carries_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    t.send(b"l");
    t.wait_for("two numbered candidates", |s| {
        s.lines().any(|l| l.starts_with("1 ")) && s.lines().any(|l| l.starts_with("2 "))
    });
    let screen = t.screen();
    let second = screen
        .lines()
        .find_map(|l| l.strip_prefix("2 "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    let id: i64 = Db::open(&db, OpenMode::ReadOnly)
        .unwrap()
        .conn
        .query_row("SELECT id FROM teachers WHERE name = ?1", [&second], |r| {
            r.get(0)
        })
        .unwrap();
    t.send(b"2");
    t.wait_for("the second candidate checked in", |s| {
        s.contains("已签到 1 / 4")
    });
    assert_eq!(marks(&db), vec![(id, "present".to_string())]);
}

#[test]
fn initials_and_enter_check_a_teacher_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    t.send(b"ln");
    t.wait_for("李娜 highlighted", |s| {
        s.contains("> ln") && s.contains("▶ 李娜")
    });
    t.send(b"\r");
    t.wait_for("the counter up by one and 李娜 present", |s| {
        s.contains("已签到 1 / 4，迟到 0")
            && s.lines()
                .any(|l| l.trim_start().starts_with("李娜") && l.contains("出勤 08:32"))
    });
    assert_eq!(marks(&db), vec![(2, "present".to_string())]);
    t.quit();
}

#[test]
fn a_checkin_from_another_process_shows_on_the_open_desk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    t.send(b"w");
    t.wait_for("the typed query", |s| s.contains("> w"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&db)
        .args(["checkin", "--project", "P1", "wf"])
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.wait_for("the other desk's mark", |s| {
        s.contains("已签到 1 / 4，迟到 0")
            && s.lines()
                .any(|l| l.trim_start().starts_with("王芳") && l.contains("出勤 08:32"))
    });
    // The search text survived the reload.
    assert!(t.screen().contains("> w"), "{}", t.screen());
    t.send(b"\x7f"); // Backspace empties the box before quitting
    t.quit();
}

/// Another computer's write in progress: BEGIN IMMEDIATE holds the write lock, and it marks
/// 王芳 present in the same transaction.
fn hold_write_lock(db: &Path) -> Connection {
    let c = Connection::open(db).unwrap();
    c.execute_batch(
        "BEGIN IMMEDIATE;
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, checked_in_at, recorded_at)
           VALUES (1, 3, 2, '2026-11-28', 'present', '2026-11-28 08:31:00', '2026-11-28 08:31:00');",
    )
    .unwrap();
    c
}

#[test]
fn a_check_in_waits_while_another_computer_writes_then_lands_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    let other = hold_write_lock(&db);
    t.send(b"ln");
    t.wait_for("李娜 highlighted", |s| s.contains("▶ 李娜"));
    t.send(b"\r");
    t.wait_for("the waiting line", |s| {
        s.contains("另一台电脑正在写入…") && s.contains("Esc 取消")
    });
    // Keys still work while the check-in waits.
    t.send(b"zw");
    t.wait_for("the next name typed", |s| {
        s.contains("> zw") && s.contains("▶ 张伟")
    });
    assert!(marks(&db).is_empty());

    other.execute_batch("COMMIT").unwrap();
    t.wait_for("both check-ins on the desk", |s| {
        s.contains("已签到 2 / 4，迟到 0")
            && s.lines()
                .any(|l| l.trim_start().starts_with("李娜") && l.contains("出勤 08:32"))
            && !s.contains("正在写入")
    });
    assert_eq!(
        marks(&db),
        vec![(2, "present".to_string()), (3, "present".to_string())]
    );
    let audited: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'mark'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    t.send(b"\x7f\x7f");
    t.quit();
}

/// A signal while a check-in waits for the lock: the TUI ends within 2 s (it used to sit out
/// the 5 s busy timeout first, or die at once on SIGINT), restores the terminal, and the
/// check-in it never confirmed is not written.
fn signal_while_a_check_in_waits(signal: libc::c_int) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    let other = hold_write_lock(&db);
    t.send(b"ln");
    t.wait_for("李娜 highlighted", |s| s.contains("▶ 李娜"));
    t.send(b"\r");
    // Let the check-in meet the lock (nothing is timed here).
    std::thread::sleep(Duration::from_millis(300));
    let pid = t.pid();
    let _guard = common::procs::KillOnDrop(pid);
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let start = Instant::now();
    let status = loop {
        t.pump(Duration::from_millis(20));
        if let Some(status) = t.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() <= Duration::from_secs(2),
            "still running 2 s after signal {signal}"
        );
    };
    let start = Instant::now();
    while t.parser.screen().alternate_screen() && start.elapsed() < PATIENCE {
        t.pump(Duration::from_millis(50));
    }
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !t.parser.screen().alternate_screen(),
        "still in the alternate screen"
    );
    assert!(
        !t.parser.screen().hide_cursor(),
        "the cursor is still hidden"
    );
    assert_ne!(t.termios().c_lflag & libc::ICANON, 0, "still in raw mode");
    other.execute_batch("ROLLBACK").unwrap();
    assert!(marks(&db).is_empty(), "{:?}", marks(&db));
}

#[test]
fn sigterm_while_a_check_in_waits_ends_the_tui_promptly() {
    signal_while_a_check_in_waits(libc::SIGTERM);
}

#[test]
fn sighup_while_a_check_in_waits_ends_the_tui_promptly() {
    signal_while_a_check_in_waits(libc::SIGHUP);
}

#[test]
fn sigint_while_a_check_in_waits_ends_the_tui_promptly() {
    signal_while_a_check_in_waits(libc::SIGINT);
}
