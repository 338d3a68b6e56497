//! The follow-up form's observer (听评人) picker at 80×24 follows the same rule as the session
//! form's trainer picker: retired (退出) trainers are not offered; the hint says how many match
//! and that Ctrl-R lists them; listed, they come after the others and carry their status.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

/// A completed project with one pending follow-up of 张伟, and trainers 陈思远 (certified),
/// 陈思源 (retired) and 程思雨 (training): all three have the initials "csy".
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "observer.db");
    insert_teachers(&db.conn, &[(1, "T0001", "张伟", 1)]);
    db.conn
        .execute_batch(
            "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
               VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-09-01', '2026-10-30');
             INSERT INTO trainers (id, name, affiliation, status) VALUES
               (1, '陈思源', '实验小学', 'retired'),
               (2, '陈思远', '进修学校', 'certified'),
               (3, '程思雨', '柏梓中学', 'training');
             INSERT INTO follow_ups (project_id, teacher_id, kind, due_date)
               VALUES (1, 1, 'transplant_lesson', '2026-12-20');",
        )
        .unwrap();
    path
}

/// The follow-up form with `typed` in the observer field.
fn observer_field(lang: Lang, typed: &str) -> Ui {
    let mut ui = Ui::build(
        build_db,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-28 09:10"),
        (80, 24),
    );
    ui.typed("6");
    assert_eq!(ui.app.active_tab(), TabId::FollowUps);
    ui.key(KeyCode::Enter);
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.typed(typed);
    ui
}

#[test]
fn a_retired_trainer_is_never_offered_as_observer_until_ctrl_r() {
    let mut ui = observer_field(Lang::Zh, "csy");
    let mut offered = Vec::new();
    for _ in 0..4 {
        let text = ui.text();
        let hint = text
            .lines()
            .find(|l| l.contains("讲师："))
            .unwrap_or_else(|| panic!("{text}"))
            .to_string();
        assert!(hint.contains("另 1 位已退出（Ctrl-R）"), "{hint}");
        offered.push(hint);
        ui.ctrl('n');
    }
    assert!(
        offered.iter().all(|h| !h.contains("陈思源")),
        "{offered:#?}"
    );
    assert!(offered.iter().any(|h| h.contains("陈思远")), "{offered:#?}");
    assert!(offered.iter().any(|h| h.contains("程思雨")), "{offered:#?}");

    // Ctrl-R: listed after the others, with the status.
    ui.ctrl('r');
    let mut seen = Vec::new();
    for _ in 0..3 {
        let text = ui.text();
        seen.push(
            text.lines()
                .find(|l| l.contains("讲师："))
                .unwrap()
                .to_string(),
        );
        ui.ctrl('n');
    }
    assert!(
        !seen[0].contains("陈思源") && !seen[1].contains("陈思源"),
        "{seen:#?}"
    );
    assert!(seen[2].contains("陈思源（实验小学）· 退出"), "{seen:#?}");
}

#[test]
fn a_query_matching_only_a_retired_trainer_says_so() {
    let mut ui = observer_field(Lang::En, "陈思源");
    let text = ui.text();
    assert!(
        text.contains("recorded as staff · 1 retired trainer(s) also match · Ctrl-R"),
        "{text}"
    );
    // Leave the form (twice: it has text); the tab's help lists Ctrl-R from the key table.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.typed("?");
    let text = ui.text();
    assert!(
        text.contains("Observer field: list / hide retired trainers"),
        "{text}"
    );
}
