//! Walk-ins, closing a session (the review) and editing a locked one.

use super::*;

#[test]
fn at_a_closed_session_a_new_check_out_time_keeping_the_status_asks_the_reason_first() {
    let mut ui = open(Lang::En, "2026-11-28 08:30");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 10:00"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Enter); // left early at 10:00
    ui.key(KeyCode::F(8));
    ui.key(KeyCode::Char('y')); // closed
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("left_early"));
    // Still left early, at another time: the locked session asks why before writing.
    ui.app.set_now(at("2026-11-28 10:45"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.typed("30");
    ui.key(KeyCode::Enter);
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    ui.typed("sheet says 10:30");
    ui.key(KeyCode::Enter);
    assert!(
        ui.row("李娜").contains("Left early 60 min"),
        "{}",
        ui.text()
    );
}

#[test]
fn a_walk_in_is_enrolled_on_the_spot_after_a_confirm() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ly");
    let text = ui.text();
    assert!(text.contains("未报名"), "{text}");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("现场报名并签到"), "{}", ui.text());
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(text.contains("已签到 1 / 5"), "{text}");
    assert_eq!(ui.status_of(1, 4).as_deref(), Some("present"));
}

#[test]
fn undoing_a_walk_in_check_in_also_undoes_the_on_the_spot_enrolment() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ly");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Char('y'));
    assert!(ui.text().contains("已签到 1 / 5"), "{}", ui.text());
    ui.ctrl('z');
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4"), "{text}");
    assert_eq!(ui.status_of(1, 4), None);
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let enrolled: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM enrolments WHERE teacher_id = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(enrolled, 0, "the walk-in's enrolment went with the mark");
}

#[test]
fn close_session_reviews_counts_then_marks_the_rest_absent_and_locks() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    assert!(text.contains("关闭场次：核对"), "{text}");
    let unmarked = text
        .lines()
        .find(|l| l.contains("未签到 → 记为旷课"))
        .unwrap();
    let figure = |l: &str| l.split('│').nth(1).unwrap_or("").trim().to_string();
    assert!(figure(unmarked).ends_with('2'), "{text}");
    let excused = text.lines().find(|l| l.contains("│请假")).unwrap();
    assert!(figure(excused).ends_with('1'), "{text}");
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(text.contains("［已关闭］"), "{text}");
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
    assert_eq!(ui.status_of(1, 3).as_deref(), Some("excused"));
    // A locked session: a change asks for a reason.
    ui.typed("zw");
    ui.key(KeyCode::F(6));
    assert!(ui.text().contains("原因"), "{}", ui.text());
    ui.key(KeyCode::Esc); // cancelled
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
    // Reopening first offers to remove the close's two absences; kept here. It asks for a
    // reason too, and unlocks the session.
    ui.key(KeyCode::F(9));
    assert!(ui.text().contains("未改动的有 2 条"), "{}", ui.text());
    ui.key(KeyCode::Char('n'));
    assert!(ui.text().contains("重新开放场次的原因"), "{}", ui.text());
    ui.typed("误关闭");
    ui.key(KeyCode::Enter);
    assert!(!ui.text().contains("［已关闭］"), "{}", ui.text());
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
}

#[test]
fn the_close_review_of_a_session_not_started_says_so_and_offers_no_close() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:00");
    ui.desk(1);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    assert!(text.contains("关闭场次：核对"), "{text}");
    assert!(text.contains("08:30 开始后才能关闭"), "{text}");
    assert!(!text.contains("y 关闭并锁定"), "{text}");
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(!text.contains("［已关闭］"), "{text}");
    assert!(text.contains("关闭场次：核对"), "y does nothing: {text}");
    assert!(ui.toast().is_empty(), "{}", ui.toast());
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("关闭场次：核对"), "{}", ui.text());
    assert_eq!(ui.status_of(1, 1), None, "nobody marked absent");
}
