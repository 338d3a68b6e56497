//! The desk's close review learns what its close did: refused because another process
//! changed the register since the review, the review stays open and says why; closed, it goes.

use super::*;
use std::process::Command;

/// Another desk's computer enrols 刘洋 (T0004) in P1 with the real binary.
fn enrol_liu_yang_elsewhere(ui: &Ui) {
    let csv = ui.path.with_file_name("enrol.csv");
    std::fs::write(&csv, "staff_no\nT0004\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["import", "enrolments", "--project", "P1"])
        .arg(&csv)
        .env("LIAOYUAN_NOW", "2026-11-28 09:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_close_refused_because_the_register_changed_keeps_the_review_and_says_why() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::F(8));
    assert!(ui.text().contains("关闭场次：核对"), "{}", ui.text());
    enrol_liu_yang_elsewhere(&ui);
    ui.key(KeyCode::Char('y'));
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains("关闭场次：核对"), "the review stays: {text}");
    assert!(text.contains("核对后名单有变化"), "{text}");
    assert!(ui
        .count("SELECT count(*) FROM sessions WHERE id = 1 AND closed_at IS NULL")
        .eq(&1));
    // Esc leaves it; a new review counts 刘洋 and closes.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::F(8));
    ui.key(KeyCode::Char('y'));
    let text = ui.above_status();
    assert!(
        !text.contains("关闭场次：核对"),
        "the review closed: {text}"
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE id = 1 AND closed_at IS NOT NULL"),
        1
    );
}

#[test]
fn a_refused_check_out_time_keeps_the_prompt_with_the_time_typed() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    let checked_in = ui.status_of(1, 2);
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    for _ in 0..5 {
        ui.key(KeyCode::Backspace);
    }
    // A time still to come is refused.
    ui.typed("11:28");
    ui.key(KeyCode::Enter);
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains("> 11:28"), "the time typed is kept: {text}");
    assert!(text.contains("晚于现在"), "{text}");
    assert_eq!(ui.status_of(1, 2), checked_in);
    ui.app.set_now(at("2026-11-28 11:29"));
    for _ in 0..5 {
        ui.key(KeyCode::Backspace);
    }
    ui.typed("10:00");
    ui.key(KeyCode::Enter);
    let text = ui.above_status();
    assert!(!text.contains("> 10:00"), "the prompt closed: {text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("left_early"));
}
