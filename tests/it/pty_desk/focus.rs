//! The desk owns its keys in a real terminal: back on tab 3 after leaving the box, a staff
//! number goes into the search box (the cursor is on it) and Enter marks that teacher.

use super::*;

/// The terminal cursor is shown on the search box's line ("> …").
fn cursor_in_the_box(t: &Term) -> bool {
    let screen = t.parser.screen();
    let (row, _) = screen.cursor_position();
    let line = screen
        .contents()
        .lines()
        .nth(row as usize)
        .unwrap_or("")
        .to_string();
    !screen.hide_cursor() && line.starts_with("> ")
}

fn wait_for_the_cursor_in_the_box(t: &mut Term) {
    let start = Instant::now();
    while !cursor_in_the_box(t) {
        assert!(
            start.elapsed() < PATIENCE,
            "the cursor is not in the search box:\n{}",
            t.screen()
        );
        t.pump(Duration::from_millis(50));
    }
}

#[test]
fn back_on_tab_3_a_staff_number_goes_into_the_box_and_enter_marks_that_teacher() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    // Esc leaves the box (digits then change tabs): to the Dashboard and back.
    t.send(b"\x1b");
    t.wait_for("the box left", |s| s.contains("不在搜索框"));
    t.send(b"1");
    t.wait_for("the Dashboard", |s| !s.contains("已签到 0 / 4"));
    t.send(b"3");
    t.wait_for("the desk again", |s| s.contains("已签到 0 / 4"));
    wait_for_the_cursor_in_the_box(&mut t);
    t.send(b"T0002");
    t.wait_for("李娜 found by staff number", |s| {
        s.contains("> T0002") && s.contains("▶ 李娜")
    });
    wait_for_the_cursor_in_the_box(&mut t);
    t.send(b"\r");
    t.wait_for("李娜 present", |s| {
        s.contains("已签到 1 / 4，迟到 0")
            && s.lines()
                .any(|l| l.trim_start().starts_with("李娜") && l.contains("出勤 08:32"))
    });
    assert_eq!(marks(&db), vec![(2, "present".to_string())]);
    t.quit();
}
