//! Enter (and every mark key) acts only on a teacher somebody chose: by typing (the best
//! match) or by moving the highlight. "Esc, Enter" at the door marks nobody.

use super::*;

#[test]
fn esc_then_enter_in_the_empty_box_marks_nobody() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:40");
    ui.typed("3");
    ui.key(KeyCode::Enter); // today's 08:30 session
    ui.key(KeyCode::Esc);
    let text = ui.text();
    assert!(
        !text.contains('▶'),
        "nothing is highlighted after Esc: {text}"
    );
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("输入姓名或选择一行"), "{}", ui.toast());
    for (id, _) in [(1, "张伟"), (2, "李娜"), (5, "曾小明")] {
        assert_eq!(ui.status_of(1, id), None, "teacher {id} was marked");
    }
    assert!(ui.text().contains("已签到 0 / 4，迟到 0"), "{}", ui.text());
}

#[test]
fn no_mark_key_acts_on_a_row_nobody_chose() {
    let keys = [
        KeyCode::Char('l'),
        KeyCode::Char('e'),
        KeyCode::Char('a'),
        KeyCode::Char('x'),
        KeyCode::Char('p'),
        KeyCode::F(2),
        KeyCode::F(3),
        KeyCode::F(4),
        KeyCode::F(5),
        KeyCode::F(6),
        KeyCode::Enter,
    ];
    for k in keys {
        let mut ui = open(Lang::En, "2026-11-28 08:40");
        ui.desk(1);
        ui.key(KeyCode::Esc);
        ui.key(k);
        assert!(
            !ui.app.has_overlay(),
            "{k:?} asked something: {}",
            ui.text()
        );
        assert!(
            ui.toast().contains("Type a name or choose a row"),
            "{k:?}: {}",
            ui.toast()
        );
        // In the empty box, before Esc, too.
        let mut ui = open(Lang::En, "2026-11-28 08:40");
        ui.desk(1);
        if !matches!(k, KeyCode::Char(_)) {
            ui.key(k);
            assert!(!ui.app.has_overlay(), "{k:?} in the box: {}", ui.text());
        }
        for id in 1..=5 {
            let want = (id == 3).then(|| "excused".to_string());
            assert_eq!(ui.status_of(1, id), want, "{k:?} marked teacher {id}");
        }
    }
}

#[test]
fn moving_the_highlight_chooses_a_row_then_enter_marks_it() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('j')); // the first move highlights the first row
    assert!(ui.text().contains("▶ 张伟"), "{}", ui.text());
    ui.key(KeyCode::Char('j'));
    assert!(ui.text().contains("▶ 李娜"), "{}", ui.text());
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
    assert_eq!(ui.status_of(1, 1), None);
}

#[test]
fn after_a_check_in_from_the_box_the_next_enter_marks_nobody() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter); // a double press
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Enter); // and the reflex
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
    for id in [1, 4, 5] {
        assert_eq!(ui.status_of(1, id), None, "teacher {id} was marked");
    }
}

/// Display column where `needle` starts in `line`.
fn column_of(line: &str, needle: &str) -> Option<usize> {
    let i = line.find(needle)?;
    Some(unicode_width::UnicodeWidthStr::width(&line[..i]))
}

#[test]
fn picker_columns_line_up_at_80_and_60_columns() {
    for cols in [80u16, 60] {
        let mut ui = open(Lang::Zh, "2026-11-28 08:20");
        // A long title and a short one: the status columns must not move.
        {
            let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
            db.conn
                .execute_batch(
                    "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
                       VALUES (2, 'P2-LONG', '新时代乡村教师信息技术应用能力提升工程二点零整校推进专项培训', 'district', 'continuing_education', 1, 12, '2026-03-01', '2026-11-30');
                     INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
                       (4, 2, '2026-11-28', '14:00', '17:00', ''),
                       (5, 2, '2026-11-26', '14:00', '17:00', '');",
                )
                .unwrap();
        }
        ui.app.check_external_changes();
        ui.term = Terminal::new(TestBackend::new(cols, 24)).unwrap();
        ui.typed("3");
        let text = ui.text();
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("已签 ")).collect();
        assert!(rows.len() >= 4, "{text}");
        let checked: Vec<usize> = rows.iter().filter_map(|l| column_of(l, "已签 ")).collect();
        assert!(
            checked.windows(2).all(|w| w[0] == w[1]),
            "{cols}: {checked:?}\n{text}"
        );
        let today: Vec<usize> = rows.iter().filter_map(|l| column_of(l, "今天")).collect();
        assert!(
            today.len() >= 2 && today.windows(2).all(|w| w[0] == w[1]),
            "{cols}: {today:?}\n{text}"
        );
        let lock = rows.iter().find_map(|l| column_of(l, "［已关闭］"));
        assert!(lock.is_some(), "{text}");
        for l in &rows {
            assert!(
                unicode_width::UnicodeWidthStr::width(*l) <= cols as usize,
                "{l}"
            );
        }
    }
}
