//! A busy database at the desk: another connection holds the write lock (BEGIN IMMEDIATE).
//! The check-in waits visibly (spinner, "另一台电脑正在写入…") while keys keep working, and
//! lands exactly once when the lock is released; Esc cancels it instead. No duration is
//! asserted: ticks are driven by hand.

use super::*;
use rusqlite::Connection;

/// Another computer's write in progress: the write lock held until `release`.
struct OtherWriter(Connection);

impl OtherWriter {
    fn hold(path: &Path) -> OtherWriter {
        let c = Connection::open(path).unwrap();
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
        OtherWriter(c)
    }

    fn release(self) {
        self.0.execute_batch("COMMIT").unwrap();
    }
}

impl Ui {
    /// The status bar (the last line).
    fn status_line(&mut self) -> String {
        self.text().lines().last().unwrap_or("").to_string()
    }

    fn marks_of(&self, teacher: i64) -> i64 {
        self.count(&format!(
            "SELECT count(*) FROM marks WHERE session_id = 1 AND teacher_id = {teacher}"
        ))
    }
}

#[test]
fn a_check_in_waits_visibly_while_keys_work_then_lands_once() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    let other = OtherWriter::hold(&ui.path);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    let status = ui.status_line();
    assert!(status.contains("另一台电脑正在写入…"), "{status}");
    assert!(status.contains("Esc 取消"), "{status}");
    assert_eq!(ui.marks_of(2), 0);

    // Keys still work: the box takes the next name while the check-in waits.
    ui.typed("zw");
    let text = ui.text();
    assert!(text.contains("> zw"), "{text}");
    assert!(text.contains("▶ 张伟"), "{text}");

    // The spinner turns on every tick while the lock is held.
    let before = ui.status_line();
    ui.app.tick();
    let after = ui.status_line();
    assert!(after.contains("另一台电脑正在写入…"), "{after}");
    assert_ne!(before, after, "the spinner did not move");
    assert_eq!(ui.marks_of(2), 0);

    other.release();
    ui.app.tick();
    assert_eq!(ui.marks_of(2), 1);
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
    assert!(ui.row("李娜").contains("出勤 08:32"), "{}", ui.text());
    assert!(
        !ui.status_line().contains("正在写入"),
        "{}",
        ui.status_line()
    );
    assert!(
        ui.toast().contains("李娜（实验小学） 出勤"),
        "{}",
        ui.toast()
    );
    // One mark, one audit entry, whatever the number of tries.
    for _ in 0..3 {
        ui.app.tick();
    }
    assert_eq!(ui.marks_of(2), 1);
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity = 'mark'"),
        1
    );
}

#[test]
fn a_late_landing_check_in_keeps_the_time_of_the_key_press() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    let other = OtherWriter::hold(&ui.path);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    // The lock frees after the grace period has passed: still on time.
    ui.app.set_now(at("2026-11-28 08:50"));
    other.release();
    ui.app.tick();
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn writes_queued_behind_a_busy_lock_land_in_order() {
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    ui.desk(1);
    let other = OtherWriter::hold(&ui.path);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    let status = ui.status_line();
    assert!(
        status.contains("another computer is writing… 2 waiting"),
        "{status}"
    );
    // Nothing has landed yet, so there is nothing to undo (Esc cancels what waits).
    ui.ctrl('z');
    assert!(
        ui.status_line().contains("2 waiting"),
        "{}",
        ui.status_line()
    );
    other.release();
    ui.app.tick();
    assert!(
        !ui.status_line().contains("waiting"),
        "{}",
        ui.status_line()
    );
    assert_eq!((ui.marks_of(2), ui.marks_of(1)), (1, 1));
    // 李娜 first, then 张伟.
    assert_eq!(
        ui.count("SELECT entity_id FROM audit_log WHERE entity = 'mark' ORDER BY id LIMIT 1"),
        ui.count("SELECT id FROM marks WHERE session_id = 1 AND teacher_id = 2")
    );
    assert!(ui.toast().contains("张伟"), "{}", ui.toast());
    // Now the newest mark (张伟's) can be undone.
    ui.ctrl('z');
    assert_eq!((ui.marks_of(2), ui.marks_of(1)), (1, 0));
}

#[test]
fn undo_kept_out_by_the_lock_keeps_its_record() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.marks_of(2), 1);
    let other = OtherWriter::hold(&ui.path);
    ui.ctrl('z');
    assert!(
        ui.status_line().contains("正在写入"),
        "{}",
        ui.status_line()
    );
    other.release();
    ui.app.tick();
    assert_eq!(ui.marks_of(2), 0, "{}", ui.toast());
    assert!(ui.toast().contains("已撤销"), "{}", ui.toast());
}

#[test]
fn esc_cancels_a_waiting_check_in_and_nothing_is_written() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    let other = OtherWriter::hold(&ui.path);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    assert!(
        ui.status_line().contains("正在写入"),
        "{}",
        ui.status_line()
    );
    ui.key(KeyCode::Esc);
    let status = ui.status_line();
    assert!(status.contains("已取消 1 项"), "{status}");
    assert!(!status.contains("正在写入"), "{status}");
    other.release();
    ui.app.tick();
    ui.app.tick();
    assert_eq!(ui.marks_of(2), 0);
}

#[test]
fn quitting_with_a_waiting_write_asks_first() {
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    ui.desk(1);
    let _other = OtherWriter::hold(&ui.path);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.ctrl('c');
    assert!(!ui.app.should_quit());
    let text = ui.text();
    assert!(text.contains("still wait to be written"), "{text}");
}

/// Every status-bar message fits the 80 columns, cut with "…" by display width: the waiting
/// line in both languages with many writes waiting for a long time, and a long refusal.
#[test]
fn status_bar_messages_fit_eighty_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let mut ui = open(lang, "2026-11-28 08:32");
        ui.desk(1);
        let _other = OtherWriter::hold(&ui.path);
        for name in ["ln", "zw", "zxm"] {
            ui.typed(name);
            ui.key(KeyCode::Enter);
        }
        for _ in 0..40 {
            ui.app.tick();
        }
        let status = ui.status_line();
        let expected = match lang {
            Lang::Zh => "3 项待写入，已等 10 秒，Esc 取消",
            Lang::En => "3 waiting, 10 s, Esc cancels",
        };
        assert!(status.contains(expected), "{status}");
        assert!(unicode_width::UnicodeWidthStr::width(status.as_str()) <= 80);
    }
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    let long = "the database is busy (another program holds a lock); try again in a moment, \
                or ask the other desk to finish its import first";
    ui.app.update(Action::Fail(long.to_string()));
    let status = ui.status_line();
    assert!(status.contains("the database is busy"), "{status}");
    assert!(status.trim_end().ends_with('…'), "{status}");
}

#[test]
fn a_cancelled_undo_stays_on_the_desk_to_ask_again() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    let other = OtherWriter::hold(&ui.path);
    ui.ctrl('z');
    ui.key(KeyCode::Esc);
    other.release();
    ui.app.tick();
    assert_eq!(ui.marks_of(2), 1, "the cancelled undo wrote nothing");
    assert!(ui.text().contains("可撤销 1"), "{}", ui.text());
    ui.ctrl('z');
    assert_eq!(ui.marks_of(2), 0, "{}", ui.toast());
}
