//! The Starlight pane at 80×24 in Chinese and English: delivered sessions (held only), the
//! term load; an exit from the pane hides the trainer from the session form's picker and
//! keeps the history; `S` on the Teachers tab selects a candidate.

use super::{build_db, NOW};
use crate::common::district::at;
use crate::common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::action::Action;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;

fn starlight(lang: Lang) -> Ui {
    let mut ui = Ui::build(build_db, OpenMode::Existing, &dark(lang), at(NOW), (80, 24));
    ui.app.update(Action::GoToTab(TabId::Starlight));
    ui
}

#[test]
fn the_pane_counts_held_sessions_and_shows_the_term_load_in_chinese() {
    let mut ui = starlight(Lang::Zh);
    let text = ui.settled();
    // 陈思远 (first in pinyin order): held by 09:10 on 28 Nov are 10 Mar, 2 and 3 Nov;
    // this afternoon's and the two of 2027 are not delivered yet.
    assert!(text.contains("授课场次（3）"), "{text}");
    // Autumn term: 2, 3 and 28 Nov (3 × 3 h); the year adds 10 March (1.5 h).
    assert!(
        text.contains("本学期 3 场 9.0 小时 · 本年 4 场 10.5 小时"),
        "{text}"
    );
    let row = text.lines().find(|l| l.starts_with("陈思远")).unwrap_or("");
    assert!(row.trim_end().ends_with('3'), "{row}");
}

#[test]
fn the_pane_in_english() {
    let mut ui = starlight(Lang::En);
    let text = ui.settled();
    assert!(text.contains("Sessions taught (3)"), "{text}");
    assert!(
        text.contains("Term 3 sessions 9.0 h · year 4 sessions 10.5 h"),
        "{text}"
    );
}

#[test]
fn an_exit_from_the_pane_hides_the_trainer_from_the_session_picker_and_keeps_the_history() {
    let mut ui = starlight(Lang::Zh);
    ui.settled();
    ui.typed("x");
    let text = ui.settled();
    assert!(text.contains("陈思远 退出讲师团"), "{text}");
    ui.typed("调往外区任教");
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert_eq!(
        ui.count("SELECT count(*) FROM trainers WHERE id = 1 AND status = 'retired' AND exit_reason = '调往外区任教'"),
        1,
        "{text}"
    );
    // History: the pane still counts the sessions taught and says why and when they left.
    assert!(text.contains("授课场次（3）"), "{text}");
    assert!(text.contains("2026-11-28 退出：调往外区任教"), "{text}");
    // The session form's trainer picker no longer offers them.
    ui.toasts_expire();
    ui.app.update(Action::GoToTab(TabId::Projects));
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    ui.typed("a");
    for _ in 0..4 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("csy");
    let text = ui.settled();
    assert!(text.contains("程思雨"), "{text}");
    assert!(
        !text.contains("陈思远"),
        "an exited trainer is offered: {text}"
    );
    assert!(text.contains("另有 1 位已退出的讲师"), "{text}");
}

#[test]
fn s_on_the_teachers_tab_selects_a_candidate_with_its_criteria() {
    let mut ui = Ui::build(
        build_db,
        OpenMode::Existing,
        &dark(Lang::Zh),
        at(NOW),
        (80, 24),
    );
    ui.app.update(Action::GoToTab(TabId::Teachers));
    ui.typed("/");
    ui.typed("zhangw");
    ui.key(KeyCode::Enter);
    ui.typed("S");
    let text = ui.settled();
    assert!(text.contains("遴选 张伟 为星光培养对象"), "{text}");
    ui.typed("区级骨干");
    ui.key(KeyCode::Enter);
    ui.settled();
    assert_eq!(
        ui.count("SELECT count(*) FROM trainers WHERE teacher_id = 1 AND status = 'candidate' AND selection_note = '区级骨干'"),
        1
    );
    ui.app.update(Action::GoToTab(TabId::Starlight));
    let text = ui.settled();
    assert!(text.contains("张伟"), "{text}");
}

#[test]
fn assigning_from_the_pane_refuses_a_double_booking_at_the_minute_boundary() {
    let mut ui = Ui::build(
        |dir| {
            let path = build_db(dir);
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(
                "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, venue) VALUES
                   (7, 1, '2026-11-30', '11:30', '12:30', '午间沙龙', '柏梓中学'),
                   (8, 1, '2026-11-30', '11:29', '12:30', '午间答疑', '柏梓中学');",
            )
            .unwrap();
            path
        },
        OpenMode::Existing,
        &dark(Lang::Zh),
        at(NOW),
        (80, 24),
    );
    ui.app.update(Action::GoToTab(TabId::Starlight));
    ui.settled();
    ui.typed("j"); // 程思雨
                   // Offered in date order: 28 Nov 14:00 (3), 30 Nov 08:30 (6), 11:29 (8), 11:30 (7), 2027 …
    ui.typed("a");
    let text = ui.settled();
    assert!(text.contains("安排 程思雨 授课"), "{text}");
    ui.typed("j");
    ui.key(KeyCode::Enter);
    ui.settled();
    assert_eq!(ui.count("SELECT trainer_id FROM sessions WHERE id = 6"), 2);
    // Meeting at 11:30 is no clash.
    ui.typed("a");
    ui.typed("jjj");
    ui.key(KeyCode::Enter);
    ui.settled();
    assert_eq!(ui.count("SELECT trainer_id FROM sessions WHERE id = 7"), 2);
    // 11:29 overlaps by a minute: refused, named, the picker stays open.
    ui.typed("a");
    ui.typed("jj");
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE id = 8 AND trainer_id IS NULL"),
        1
    );
    assert!(text.contains("08:30–11:30"), "{text}");
    assert!(text.contains("安排 程思雨 授课"), "{text}");
}
