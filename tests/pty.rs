//! The real binary in a pseudo-terminal: start, tab bar, `?` help, `Esc`, `/` + pinyin initials
//! finds a teacher, `q` leaves the alternate screen and exits 0. Polls with generous timeouts;
//! nothing here measures time.

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(30);

fn build_db(path: &Path) {
    let db = Db::open(path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '柏梓中学', 'junior');",
        )
        .unwrap();
    for (staff, name, school) in [
        ("T0001", "张伟", 1),
        ("T0002", "李娜", 1),
        ("T0003", "王芳", 2),
        ("T0004", "刘洋", 2),
    ] {
        let (py, ini) = pinyin_keys(name);
        db.conn
            .execute(
                "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![staff, name, school, py, ini],
            )
            .unwrap();
    }
}

struct Term {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Term {
    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            while let Ok(more) = self.rx.try_recv() {
                self.parser.process(&more);
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`; panics with the screen after PATIENCE.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if ok(&self.screen()) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }
}

/// Starts the real binary with `args` in an 80×24 pseudo-terminal.
fn spawn(
    args: &[&std::ffi::OsStr],
    env: &[(&str, &std::ffi::OsStr)],
    cwd: &Path,
) -> (Term, Box<dyn portable_pty::Child + Send + Sync>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaoyuan"));
    for a in args {
        cmd.arg(a);
    }
    cmd.env("LIAOYUAN_NOW", "2026-11-28 09:10");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("LIAOYUAN_DB");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.cwd(cwd);
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // Keep the master open as long as the terminal lives.
    let term = Term {
        parser: vt100::Parser::new(24, 80, 0),
        rx,
        writer,
        _master: pair.master,
    };
    (term, child)
}

/// Sends `q`, waits for the exit, and checks the status and that the alternate screen is left.
fn quit_and_check(t: &mut Term, child: &mut Box<dyn portable_pty::Child + Send + Sync>) {
    t.send(b"q");
    let start = Instant::now();
    let status = loop {
        t.pump(Duration::from_millis(50));
        if let Some(status) = child.try_wait().unwrap() {
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
    let (mut t, mut child) = spawn(&["--db".as_ref(), db.as_os_str()], &[], dir.path());

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
    quit_and_check(&mut t, &mut child);
}

#[test]
fn demo_flag_opens_a_populated_district_in_english() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let (mut t, mut child) = spawn(
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
    quit_and_check(&mut t, &mut child);
}
