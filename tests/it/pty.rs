//! The real binary in a pseudo-terminal: start, tab bar, `?` help, `Esc`, `/` + pinyin initials
//! finds a teacher, `q` leaves the alternate screen and exits 0 (signals and hang-ups are in
//! `pty_hangup.rs`). Polls with generous timeouts; nothing here measures time.

use crate::common;

use common::district::insert_teachers;
use common::pty::{spawn, Term, PATIENCE};
use liaoyuan::store::{Db, OpenMode};
use std::path::Path;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-28 09:10";

fn build_db(path: &Path) {
    let db = Db::open(path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '柏梓中学', 'junior');",
        )
        .unwrap();
    insert_teachers(
        &db.conn,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 2),
            (4, "T0004", "刘洋", 2),
        ],
    );
}

/// Sends `q`, waits for the exit, and checks the status and that the alternate screen is left.
fn quit_and_check(t: &mut Term) {
    t.send(b"q");
    exits_cleanly(t);
}

/// Waits for the program to end, then checks it exited 0 and left the alternate screen.
fn exits_cleanly(t: &mut Term) {
    let start = Instant::now();
    let status = loop {
        t.pump(Duration::from_millis(50));
        if let Some(status) = t.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the program did not exit; screen:\n{}",
            t.screen()
        );
    };
    // Read whatever the program wrote last (leaving the alternate screen).
    let start = Instant::now();
    while t.parser.screen().alternate_screen() && start.elapsed() < PATIENCE {
        t.pump(Duration::from_millis(50));
    }
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !t.parser.screen().alternate_screen(),
        "still in the alternate screen"
    );
}

#[test]
fn real_binary_help_search_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    build_db(&db);
    let mut t = spawn(NOW, &["--db".as_ref(), db.as_os_str()], &[], dir.path());

    t.wait_for("the tab bar", |s| {
        s.contains("1 总览") && s.contains("4 教师")
    });
    assert!(t.parser.screen().alternate_screen());

    t.send(b"?");
    t.wait_for("the help overlay", |s| {
        s.contains("帮助：总览") && s.contains("命令面板")
    });
    t.send(b"\x1b");
    t.wait_for("the help to close", |s| !s.contains("帮助：总览"));

    // `/` on the dashboard opens the Teachers search.
    t.send(b"/zw");
    t.wait_for("张伟 found by initials", |s| {
        s.contains("/ zw") && s.contains("1 条匹配") && s.contains("张伟")
    });
    assert!(!t.screen().contains("李娜"), "{}", t.screen());

    t.send(b"\x1b"); // clear and leave the search box
    t.wait_for("the search to clear", |s| s.contains("4 位教师"));
    quit_and_check(&mut t);
}

#[test]
fn demo_flag_opens_a_populated_district_in_english() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut t = spawn(
        NOW,
        &["--demo".as_ref(), "--lang".as_ref(), "en".as_ref()],
        &[
            ("HOME", home.path().as_os_str()),
            ("XDG_DATA_HOME", data.as_os_str()),
        ],
        home.path(),
    );
    let n = liaoyuan::ops::demo::DEMO_TEACHERS;
    t.wait_for("the demo dashboard", |s| {
        s.contains(&format!("Teachers {n}")) && s.contains("Today's sessions")
    });
    t.send(b"4");
    t.wait_for("the Teachers tab", |s| {
        s.contains(&format!("{n} teachers")) && s.contains("Staff no")
    });
    quit_and_check(&mut t);
}
