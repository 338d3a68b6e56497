//! Feedback at the desk right after check-out: Ctrl-O checks the chosen teacher out and the
//! compact form follows (digits rate and move on, Enter saves, Esc skips, Ctrl-F stops the
//! offer at this desk). Only attendees may give it: a refusal is shown in the form.

use super::{at, open};
use crossterm::event::KeyCode;
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::Lang;

type Row = (Option<i64>, Option<i64>, Option<i64>, String, String);

fn feedback_of(ui: &common::tui::Ui, teacher: i64) -> Option<Row> {
    let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row(
            "SELECT content, trainer, organisation, comment, source FROM feedback
             WHERE teacher_id = ?1 AND session_id = 1",
            [teacher],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .ok()
}

use crate::common;

/// The desk on session 1 with 李娜 checked in at 08:32, the clock then at `out`.
fn checked_in(lang: Lang, out: &str) -> common::tui::Ui {
    let mut ui = open(lang, "2026-11-28 08:32");
    ui.app.update(Action::Open(Target::Session(1)));
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at(out));
    ui
}

#[test]
fn check_out_offers_the_form_and_digits_rate_and_move_on_in_chinese() {
    let mut ui = checked_in(Lang::Zh, "2026-11-28 11:31");
    ui.typed("ln");
    ui.ctrl('o');
    let out: Option<String> =
        ui.count_text("SELECT checked_out_at FROM marks WHERE session_id = 1 AND teacher_id = 2");
    assert_eq!(
        out.as_deref(),
        Some("2026-11-28 11:30:00"),
        "the check-out is written first, at the session's end when the teacher leaves after it"
    );
    let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
    let report = liaoyuan::ops::check::check(&db.conn, at("2026-11-28 11:31").date()).unwrap();
    assert!(report.is_clean(), "{report:?}");
    let text = ui.text();
    assert!(text.contains("学员反馈"), "{text}");
    assert!(text.contains("李娜"), "{text}");
    assert!(text.contains("培训内容"), "{text}");
    assert!(text.contains("Esc 跳过"), "{text}");
    ui.typed("453");
    ui.typed("讲得实在");
    let text = ui.text();
    assert!(text.contains("讲得实在"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(
        !text.contains("学员反馈"),
        "the form closes once saved: {text}"
    );
    assert_eq!(
        feedback_of(&ui, 2),
        Some((Some(4), Some(5), Some(3), "讲得实在".into(), "desk".into()))
    );
    let audits = ui.count("SELECT count(*) FROM audit_log WHERE entity = 'feedback'");
    assert_eq!(audits, 1);
}

#[test]
fn esc_skips_without_a_word_and_the_desk_types_on_in_english() {
    let mut ui = checked_in(Lang::En, "2026-11-28 11:31");
    ui.typed("ln");
    ui.ctrl('o');
    let text = ui.text();
    assert!(text.contains("Trainee feedback"), "{text}");
    assert!(text.contains("Content"), "{text}");
    assert!(text.contains("Esc skip"), "{text}");
    ui.key(KeyCode::Esc);
    let text = ui.text();
    assert!(!text.contains("Trainee feedback"), "{text}");
    assert_eq!(feedback_of(&ui, 2), None);
    // A letter typed while the ratings wait skips the form and goes into the box.
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    ui.typed("zw");
    ui.ctrl('o');
    assert!(ui.text().contains("Trainee feedback"));
    ui.typed("w");
    let text = ui.text();
    assert!(!text.contains("Trainee feedback"), "{text}");
    assert!(text.contains("> w"), "{text}");
    assert_eq!(feedback_of(&ui, 1), None);
}

#[test]
fn a_teacher_who_left_too_early_is_refused_with_the_reason_and_nothing_is_written() {
    let mut ui = checked_in(Lang::En, "2026-11-28 09:00");
    ui.typed("ln");
    ui.ctrl('o');
    assert!(ui.text().contains("Trainee feedback"));
    ui.typed("5");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("Trainee feedback"), "the form stays: {text}");
    assert!(text.contains("did not attend"), "{text}");
    assert_eq!(feedback_of(&ui, 2), None);
    assert_eq!(
        ui.count("SELECT count(*) FROM feedback WHERE source <> 'legacy'"),
        0
    );
}

#[test]
fn ctrl_f_stops_the_offer_at_this_desk_and_turns_it_back_on() {
    let mut ui = checked_in(Lang::Zh, "2026-11-28 11:31");
    ui.typed("ln");
    ui.ctrl('o');
    assert!(ui.text().contains("学员反馈"));
    ui.ctrl('f');
    let text = ui.above_status();
    assert!(!text.contains("学员反馈"), "{text}");
    assert!(ui.bottom_line().contains("不再"), "{}", ui.bottom_line());
    ui.app.set_now(at("2026-11-28 08:40"));
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 11:32"));
    ui.typed("zw");
    ui.ctrl('o');
    assert!(
        !ui.above_status().contains("学员反馈"),
        "no offer while it is off"
    );
    let out =
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 1 AND checked_out_at IS NOT NULL");
    assert_eq!(out, 1, "the check-out itself is written");
    ui.ctrl('f');
    ui.app.set_now(at("2026-11-28 08:41"));
    ui.typed("wf");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 11:33"));
    ui.typed("wf");
    ui.ctrl('o');
    assert!(ui.above_status().contains("学员反馈"), "offered again");
}

#[test]
fn the_desk_saves_feedback_while_another_process_checks_teachers_in() {
    let mut ui = checked_in(Lang::En, "2026-11-28 11:31");
    ui.typed("ln");
    ui.ctrl('o');
    let mut others = Vec::new();
    for who in ["T0001", "T0003", "T0004"] {
        others.push(
            std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
                .arg("--db")
                .arg(&ui.path)
                .args(["--lang", "en", "checkin", "--project", "P1", who])
                .env("LIAOYUAN_NOW", "2026-11-28 08:40")
                .env_remove("LIAOYUAN_DB")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    ui.typed("54");
    ui.key(KeyCode::Enter);
    for p in others {
        let out = p.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A save kept out by the other process's lock lands on a later tick.
    for _ in 0..40 {
        if feedback_of(&ui, 2).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        ui.app.tick();
    }
    assert_eq!(
        feedback_of(&ui, 2),
        Some((Some(5), Some(4), None, String::new(), "desk".into()))
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE session_id = 1"),
        4
    );
}

#[test]
fn a_teacher_not_checked_in_is_not_checked_out_and_nothing_is_written() {
    let mut ui = checked_in(Lang::En, "2026-11-28 11:31");
    ui.typed("zw");
    ui.ctrl('o');
    let text = ui.text();
    assert!(!text.contains("Trainee feedback"), "{text}");
    assert!(
        ui.bottom_line().contains("not checked in"),
        "{}",
        ui.bottom_line()
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 1"),
        0
    );
}
