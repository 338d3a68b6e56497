//! Marking at the desk: the picker, check-in by the clock, undo, leave, lifting a veto, left early.

use super::*;

#[test]
fn picker_lists_todays_session_first_and_enter_chooses_it() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:20");
    ui.typed("3");
    let text = ui.text();
    assert!(text.contains("选择场次"), "{text}");
    let first = text.lines().nth(2).unwrap_or("");
    assert!(
        first.contains("2026-11-28") && first.contains("今天"),
        "{text}"
    );
    assert!(text.contains("［已关闭］"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4，迟到 0"), "{text}");
    assert!(text.contains("大单元教学"), "{text}");
}

#[test]
fn initials_and_enter_mark_present_and_clear_the_box() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    let text = ui.text();
    assert!(text.contains("> ln"), "{text}");
    assert!(text.contains("▶ 李娜 实验小学"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 1 / 4，迟到 0"), "{text}");
    assert!(ui.row("李娜").contains("出勤 08:32"), "{text}");
    assert!(
        ui.toast().contains("李娜（实验小学） 出勤"),
        "{}",
        ui.toast()
    );
    assert!(!text.contains("> ln"), "the box is cleared: {text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn after_the_grace_enter_marks_late_with_minutes() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:20");
    ui.desk(1);
    ui.app.set_now(at("2026-11-28 08:47"));
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 1 / 4，迟到 1"), "{text}");
    assert!(ui.row("张伟").contains("迟到 17 分钟"), "{text}");
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
}

#[test]
fn a_second_enter_says_already_in_and_writes_nothing() {
    let mut ui = open(Lang::En, "2026-11-28 08:34");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.typed("ln");
    let text = ui.text();
    assert!(text.contains("already in at 08:34"), "{text}");
    ui.app.set_now(at("2026-11-28 09:30"));
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("already in at 08:34"), "{}", ui.toast());
    let text = ui.text();
    assert!(text.contains("Checked in 1 / 4, late 0"), "{text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn undo_restores_the_state_before_the_mark() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("已签到 1 / 4"));
    ui.ctrl('z');
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4"), "{text}");
    assert_eq!(ui.status_of(1, 2), None);
    assert!(ui.toast().contains("已撤销"), "{}", ui.toast());
    // Nothing more to undo at this desk.
    ui.ctrl('z');
    assert!(ui.toast().contains("没有可撤销"), "{}", ui.toast());
}

#[test]
fn preregistered_leave_stays_excused() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("wf");
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("保持 请假"), "{}", ui.toast());
    assert_eq!(ui.status_of(1, 3).as_deref(), Some("excused"));
}

#[test]
fn excused_asks_a_reason_then_marks() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("zxm");
    ui.key(KeyCode::F(5));
    assert!(ui.app.has_overlay());
    let text = ui.text();
    assert!(text.contains("请假事由"), "{text}");
    ui.key(KeyCode::Enter); // empty: refused, still asking
    assert!(ui.app.has_overlay());
    ui.typed("事假");
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.status_of(1, 5).as_deref(), Some("excused"));
    assert!(ui.row("曾小明").contains("请假"));
}

#[test]
fn late_to_present_lifts_a_veto_and_asks_why() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:50");
    ui.desk(1);
    ui.typed("zw");
    ui.key(KeyCode::Enter); // late
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
    ui.key(KeyCode::Esc); // leave the empty box: single letters act on the row
    ui.key(KeyCode::Char('j')); // stay within the list
    ui.key(KeyCode::Char('g'));
    ui.key(KeyCode::Char('p'));
    let text = ui.text();
    assert!(text.contains("一票否决"), "{text}");
    ui.typed("路上堵车，已核实");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("present"));
}

#[test]
fn a_check_out_time_after_now_or_leaving_early_before_arriving_is_refused() {
    let mut ui = open(Lang::En, "2026-11-28 08:30");
    ui.desk(1);
    // 李娜 has not checked in: leaving early is refused, nothing is written.
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Enter);
    // The refusal comes from ops, rendered in the UI's language.
    let text = ui.text();
    assert!(text.contains("has not checked in"), "{text}");
    assert_eq!(ui.status_of(1, 2), None, "{text}");
    // The prompt stays open with the refusal (and the box with 李娜 chosen): Esc leaves the
    // prompt, a second Esc clears the box.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    // At 10:00 the check-out typed as 11:00 is in the future: refused, the mark stays.
    ui.app.set_now(at("2026-11-28 10:00"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.typed("11:00");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("is after now"), "{text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn left_early_asks_the_check_out_time() {
    let mut ui = open(Lang::En, "2026-11-28 08:30");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 10:00"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    let text = ui.text();
    assert!(text.contains("left at (HH:MM)"), "{text}");
    assert!(text.contains("> 10:00"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("left_early"));
    assert!(
        ui.row("李娜").contains("Left early 90 min"),
        "{}",
        ui.text()
    );
}

#[test]
fn two_desks_in_two_languages_show_one_refusal_each_in_its_own_language_at_once() {
    // The language is a value of each App, not of the process: a Chinese desk and an English
    // desk refuse the same left-early mark at the same time, each in its own language.
    let refusal_in = |lang: Lang| {
        let mut ui = open(lang, "2026-11-28 08:30");
        ui.desk(1);
        ui.typed("ln");
        ui.key(KeyCode::F(3));
        ui.key(KeyCode::Enter);
        assert_eq!(ui.status_of(1, 2), None, "nothing is written");
        ui.toast()
    };
    let (zh, en) = std::thread::scope(|s| {
        let zh = s.spawn(|| refusal_in(Lang::Zh));
        let en = s.spawn(|| refusal_in(Lang::En));
        (zh.join().unwrap(), en.join().unwrap())
    });
    assert!(zh.contains("还没有签到"), "{zh}");
    assert!(!zh.contains("has not checked in"), "{zh}");
    assert!(en.contains("has not checked in"), "{en}");
    assert!(!en.contains("还没有签到"), "{en}");
}
