//! The TUI ends when its terminal goes away or a signal asks it to (issue 7, problem 2): the
//! real binary in a pseudo-terminal whose master is closed (a dropped SSH link,
//! `tmux kill-session`), or sent SIGINT / SIGHUP. It must be gone within 2 s having used
//! under 0.5 s of CPU (the brief asks for these two figures; they are the only times asserted),
//! with the database closed cleanly (checkpointed, its `-wal` removed) and, where the terminal
//! still exists, the terminal restored.

use crate::common;

use common::district::insert_teachers;
use common::procs::{children, cpu_time, KillOnDrop};
use common::pty::{spawn, spawn_under_shell, Term, PATIENCE};
use liaoyuan::store::{Db, OpenMode};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-28 09:10";
const GONE_WITHIN: Duration = Duration::from_secs(2);
const CPU_BUDGET: Duration = Duration::from_millis(500);

fn build_db(dir: &Path) -> PathBuf {
    let path = dir.join("hangup.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');")
        .unwrap();
    insert_teachers(
        &db.conn,
        &[(1, "T0001", "张伟", 1), (2, "T0002", "李娜", 1)],
    );
    path
}

/// Waits until the dashboard has loaded, then a moment more: the loop is then in its wait for
/// a key, where a terminal usually goes away (nothing is timed).
fn wait_until_idle(t: &mut Term) {
    t.wait_for("the loaded dashboard", |s| {
        s.contains("1 总览") && s.contains("今天没有培训场次")
    });
    std::thread::sleep(Duration::from_millis(300));
    t.pump(Duration::from_millis(10));
}

fn wal(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-wal");
    PathBuf::from(p)
}

fn args(db: &Path) -> [&std::ffi::OsStr; 2] {
    ["--db".as_ref(), db.as_os_str()]
}

/// Watches `pid` until it ends or `GONE_WITHIN` passes: (ended in time, CPU it used while
/// watched, as last seen in /proc).
fn watch_end(pid: libc::pid_t) -> (bool, Duration) {
    let start = Instant::now();
    let first = cpu_time(pid).unwrap_or_default();
    let mut last = first;
    while start.elapsed() <= GONE_WITHIN {
        match cpu_time(pid) {
            Some(cpu) => last = cpu,
            None => return (true, last.saturating_sub(first)),
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (false, last.saturating_sub(first))
}

/// For our own child: reaps it and returns the CPU time it used in all (exact, from wait4).
fn reap(pid: libc::pid_t) -> Duration {
    let mut status = 0;
    // SAFETY: a zeroed rusage for wait4 to fill; pid is our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

fn assert_closed_cleanly(db: &Path) {
    assert!(
        !wal(db).exists(),
        "the database was not closed cleanly: {} is still there",
        wal(db).display()
    );
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    let ok: String = db
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// Closes the terminal under the running TUI (the program leads the session, so the kernel
/// also sends it SIGHUP) and checks it is gone in time and cheaply.
fn hang_up_and_check(t: &mut Term, db: &Path) {
    let pid = t.pid();
    let _guard = KillOnDrop(pid);
    let before = cpu_time(pid).expect("the program is running");
    t.hang_up();
    let (ended, _) = watch_end(pid);
    assert!(
        ended,
        "still running {GONE_WITHIN:?} after the terminal closed"
    );
    let used = reap(pid).saturating_sub(before);
    assert!(used < CPU_BUDGET, "used {used:?} of CPU after the hang-up");
    assert_closed_cleanly(db);
}

#[test]
fn closing_the_terminal_ends_the_tui_within_two_seconds_using_little_cpu() {
    let dir = tempfile::tempdir().unwrap();
    let db = build_db(dir.path());
    let mut t = spawn(NOW, &args(&db), &[], dir.path());
    wait_until_idle(&mut t);
    hang_up_and_check(&mut t, &db);
}

/// Half an escape sequence leaves crossterm's reader waiting inside `read` for the rest;
/// the hang-up then makes that read return end-of-file over and over.
#[test]
fn closing_the_terminal_in_the_middle_of_an_escape_sequence_ends_the_tui() {
    let dir = tempfile::tempdir().unwrap();
    let db = build_db(dir.path());
    let mut t = spawn(NOW, &args(&db), &[], dir.path());
    wait_until_idle(&mut t);
    t.send(b"\x1b[");
    std::thread::sleep(Duration::from_millis(300));
    hang_up_and_check(&mut t, &db);
}

/// Under `sh`, the kernel's SIGHUP goes to the shell: the program only sees its input end.
#[test]
fn the_end_of_terminal_input_alone_ends_the_tui() {
    let dir = tempfile::tempdir().unwrap();
    let db = build_db(dir.path());
    let mut t = spawn_under_shell(NOW, &args(&db), &[], dir.path());
    wait_until_idle(&mut t);
    let start = Instant::now();
    let pid = loop {
        if let Some(&pid) = children(t.pid()).first() {
            break pid;
        }
        assert!(start.elapsed() < PATIENCE, "no program under the shell");
        std::thread::sleep(Duration::from_millis(20));
    };
    let _guard = KillOnDrop(pid);
    t.hang_up();
    let (ended, used) = watch_end(pid);
    assert!(ended, "still running {GONE_WITHIN:?} after its input ended");
    assert!(
        used < CPU_BUDGET,
        "used {used:?} of CPU after its input ended"
    );
    assert_closed_cleanly(&db);
}

/// A signal with the terminal still there: the program ends promptly and gives the terminal
/// back as it found it (main screen, cursor shown, line editing and echo on).
fn signal_restores_the_terminal(signal: libc::c_int) {
    let dir = tempfile::tempdir().unwrap();
    let db = build_db(dir.path());
    let mut t = spawn(NOW, &args(&db), &[], dir.path());
    wait_until_idle(&mut t);
    assert!(t.parser.screen().alternate_screen());
    let pid = t.pid();
    let _guard = KillOnDrop(pid);
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let start = Instant::now();
    let status = loop {
        t.pump(Duration::from_millis(20));
        if let Some(status) = t.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() <= GONE_WITHIN,
            "still running {GONE_WITHIN:?} after signal {signal}"
        );
    };
    // Read whatever the program wrote last.
    let start = Instant::now();
    while t.parser.screen().alternate_screen() && start.elapsed() < PATIENCE {
        t.pump(Duration::from_millis(50));
    }
    assert!(status.success(), "exit status {status:?}");
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen(), "still in the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    let mode = t.termios();
    assert_ne!(mode.c_lflag & libc::ICANON, 0, "still in raw mode");
    assert_ne!(mode.c_lflag & libc::ECHO, 0, "echo is still off");
    assert_closed_cleanly(&db);
}

#[test]
fn sigint_restores_the_terminal_and_closes_the_database() {
    signal_restores_the_terminal(libc::SIGINT);
}

#[test]
fn sigterm_restores_the_terminal_and_closes_the_database() {
    signal_restores_the_terminal(libc::SIGTERM);
}

#[test]
fn sighup_with_the_terminal_still_there_restores_it() {
    signal_restores_the_terminal(libc::SIGHUP);
}
