//! The real binary in a pseudo-terminal under the terminals people use: GNU screen
//! (TERM=screen, which passes on the outer COLORTERM), xterm-256color with and without
//! COLORTERM=truecolor, and `--colors`. Reads the bytes the program wrote: which colour
//! sequences and which mouse modes it sends.

use crate::common;

use common::district::insert_teachers;
use common::pty::{spawn, Term, PATIENCE};
use liaoyuan::store::{Db, OpenMode};
use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-28 09:10";

fn build_db(path: &Path) {
    let db = Db::open(path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');")
        .unwrap();
    insert_teachers(
        &db.conn,
        &[(1, "T0001", "张伟", 1), (2, "T0002", "李娜", 1)],
    );
}

/// Waits for the program to end with status 0 and reads what it wrote last.
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
    let start = Instant::now();
    while t.parser.screen().alternate_screen() && start.elapsed() < PATIENCE {
        t.pump(Duration::from_millis(50));
    }
    assert!(status.success(), "exit status {status:?}");
}

/// Starts the TUI with `env` (TERM, COLORTERM, TMUX …) and `extra` arguments, searches the
/// Teachers tab (highlighted matches, a selected row), quits, and returns every byte written.
fn session(env: &[(&str, &str)], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("terminals.db");
    build_db(&db);
    let mut args: Vec<&OsStr> = vec!["--db".as_ref(), db.as_os_str()];
    args.extend(extra.iter().map(|a| OsStr::new(*a)));
    let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, OsStr::new(*v))).collect();
    let mut t = spawn(NOW, &args, &env, dir.path());
    t.wait_for("the tab bar", |s| {
        s.contains("1 总览") && s.contains("4 教师")
    });
    t.send(b"4");
    t.wait_for("the Teachers tab", |s| s.contains("2 位教师"));
    t.send(b"/zw");
    t.wait_for("张伟 found", |s| s.contains("1 条匹配"));
    t.send(b"\x1b");
    t.wait_for("the search to clear", |s| s.contains("2 位教师"));
    t.send(b"q");
    exits_cleanly(&mut t);
    String::from_utf8_lossy(&t.raw).into_owned()
}

/// The environment of a test: nothing inherited decides the depth.
fn env<'a>(term: &'a str, colorterm: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![("TERM", term), ("COLORTERM", colorterm), ("TMUX", "")]
}

const TRUECOLOR: [&str; 2] = ["38;2;", "48;2;"];
const PALETTE: [&str; 2] = ["38;5;", "48;5;"];

fn has_any(out: &str, seqs: &[&str]) -> bool {
    seqs.iter().any(|s| out.contains(s))
}

#[test]
fn gnu_screen_gets_no_truecolor_and_no_mouse_motion_tracking() {
    // screen passes on the outer terminal's COLORTERM; TERM=screen still wins.
    let out = session(&env("screen", "truecolor"), &[]);
    assert!(
        !has_any(&out, &TRUECOLOR),
        "24-bit colour sent under screen"
    );
    assert!(
        !has_any(&out, &PALETTE),
        "256 colours sent under TERM=screen"
    );
    assert!(
        out.contains("\x1b[9"),
        "no bright ANSI colour sent: {out:?}"
    );
    // Clicks and the wheel are reported (normal tracking, SGR encoding); motion is not.
    assert!(out.contains("\x1b[?1000h") && out.contains("\x1b[?1006h"));
    assert!(
        !out.contains("?1003h"),
        "any-motion tracking (1003) enabled"
    );
    assert!(
        !out.contains("?1002h"),
        "button-motion tracking (1002) enabled"
    );
    // Put back on the way out.
    assert!(out.contains("\x1b[?1000l") && out.contains("\x1b[?1006l"));
}

#[test]
fn xterm_256color_gets_256_colours_and_truecolor_only_with_colorterm() {
    let out = session(&env("xterm-256color", ""), &[]);
    assert!(
        !has_any(&out, &TRUECOLOR),
        "24-bit colour without COLORTERM"
    );
    assert!(has_any(&out, &PALETTE), "the dark theme in 256 colours");

    // The dark theme's colours are all palette entries: sent as such even in 24-bit colour.
    let out = session(&env("xterm-256color", "truecolor"), &[]);
    assert!(!has_any(&out, &TRUECOLOR), "the dark theme as 38;5;N");
    assert!(has_any(&out, &PALETTE), "the dark theme as 38;5;N");
    // The light theme's are not.
    let out = session(&env("xterm-256color", "truecolor"), &["--theme", "light"]);
    assert!(
        has_any(&out, &TRUECOLOR),
        "COLORTERM=truecolor gets 24-bit colour"
    );
}

#[test]
fn the_colors_flag_overrides_the_terminal() {
    let out = session(&env("xterm-256color", "truecolor"), &["--colors", "16"]);
    assert!(!has_any(&out, &TRUECOLOR) && !has_any(&out, &PALETTE));
    let out = session(
        &env("screen", ""),
        &["--colors", "true", "--theme", "light"],
    );
    assert!(has_any(&out, &TRUECOLOR));
}

/// Opens the Teachers tab and types `/zw` into its search box.
fn searching(t: &mut Term) {
    t.wait_for("the tab bar", |s| {
        s.contains("1 总览") && s.contains("4 教师")
    });
    t.send(b"4/zw");
    t.wait_for("张伟 found", |s| s.contains("1 条匹配"));
}

fn start(dir: &Path) -> Term {
    let db = dir.join("keys.db");
    build_db(&db);
    let env: Vec<(&str, &OsStr)> = env("screen", "")
        .into_iter()
        .map(|(k, v)| (k, OsStr::new(v)))
        .collect();
    spawn(NOW, &["--db".as_ref(), db.as_os_str()], &env, dir)
}

#[test]
fn esc_then_q_delivered_together_by_screen_still_clears_and_quits() {
    // GNU screen holds Esc back until the next key and sends both at once: "\x1bq" (which
    // reads as Alt-q). Both keys count: Esc clears and leaves the box, q quits.
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path());
    searching(&mut t);
    t.send(b"\x1bq");
    exits_cleanly(&mut t);
}

#[test]
fn ctrl_x_does_what_esc_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path());
    searching(&mut t);
    t.send(b"\x18"); // Ctrl-X
    t.wait_for("the search to clear", |s| s.contains("2 位教师"));
    t.send(b"q");
    exits_cleanly(&mut t);
}
