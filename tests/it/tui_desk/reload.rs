//! Reloading: another process or desk commits; the cursor, the search and the mouse.

use super::*;

#[test]
fn reload_keeps_session_cursor_and_search_text() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("z");
    ui.app.update(Action::Reload);
    let text = ui.text();
    assert!(text.contains("> z"), "{text}");
    assert!(text.contains("大单元教学"), "{text}");
}

#[test]
fn two_desks_marking_the_same_teacher_end_with_one_mark() {
    let mut a = open(Lang::Zh, "2026-11-28 08:32");
    let db = Db::open(&a.path, OpenMode::Existing).unwrap();
    let mut b = Ui::new(
        db,
        a.path.clone(),
        tempfile::tempdir().unwrap(),
        &dark(Lang::Zh),
        at("2026-11-28 08:33"),
        (80, 24),
    );
    a.desk(1);
    b.desk(1);
    a.typed("ln");
    b.typed("ln");
    a.key(KeyCode::Enter);
    // Desk B has not reloaded yet: its Enter finds the mark desk A wrote.
    b.key(KeyCode::Enter);
    assert!(b.toast().contains("已于 08:32 签到"), "{}", b.toast());
    let db = Db::open(&a.path, OpenMode::ReadOnly).unwrap();
    let n: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM marks WHERE session_id = 1 AND teacher_id = 2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    // B's undo stack is empty: it wrote nothing.
    b.ctrl('z');
    assert!(b.toast().contains("没有可撤销"), "{}", b.toast());
    // A reload on B (another process committed) shows A's mark, keeping B's query.
    b.typed("l");
    b.app.check_external_changes();
    let text = b.text();
    assert!(text.contains("已签到 1 / 4"), "{text}");
    assert!(text.contains("> l"), "{text}");
}

#[test]
fn reload_keeps_the_highlighted_teacher_and_the_mouse_selects_rows() {
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    ui.desk(1);
    ui.key(KeyCode::Esc); // leave the empty box: the list has the keys
    ui.key(KeyCode::Char('j'));
    ui.key(KeyCode::Char('j'));
    let before = ui.text();
    let picked = before
        .lines()
        .find(|l| l.starts_with("▶ "))
        .unwrap()
        .to_string();
    ui.app.update(Action::Reload);
    let after = ui.text();
    assert!(after.contains(&picked), "{after}");
    // A click on the first teacher row highlights it.
    let y = after.lines().position(|l| l.starts_with("张伟")).unwrap() as u16;
    ui.app.handle_event(crossterm::event::Event::Mouse(
        crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: 3,
            row: y,
            modifiers: KeyModifiers::NONE,
        },
    ));
    assert!(ui.text().contains("▶ 张伟 实验小学"), "{}", ui.text());
    // `l` in the list marks the highlighted teacher late.
    ui.key(KeyCode::Char('l'));
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
}
