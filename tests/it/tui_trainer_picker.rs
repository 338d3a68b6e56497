//! The session form's trainer picker at 80×24: retired (退出) trainers are hidden from the
//! suggestions, a line says how many match and which key shows them; with that key they are
//! listed greyed with their status, and one can still be picked.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use liaoyuan::tui::theme::Theme;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-28 09:10";

/// Project P1 (running) and three trainers whose initials are all "csy": 陈思远 (certified),
/// 程思雨 (training) and 陈思源 (retired).
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "trainers.db");
    db.conn
        .execute_batch(
            "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
               VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-11-02', '2026-11-30');
             INSERT INTO trainers (id, name, affiliation, status) VALUES
               (1, '陈思远', '进修学校', 'certified'),
               (2, '陈思源', '实验小学', 'retired'),
               (3, '程思雨', '柏梓中学', 'training');",
        )
        .unwrap();
    insert_teachers(&db.conn, &[(1, "T0001", "张伟", 1)]);
    path
}

/// The new-session form of P1 with "csy" typed into the trainer field.
fn trainer_field(lang: Lang) -> Ui {
    let mut ui = Ui::build(build_db, OpenMode::Existing, &dark(lang), at(NOW), (80, 24));
    ui.typed("2");
    assert_eq!(ui.app.active_tab(), TabId::Projects);
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    ui.typed("a");
    for _ in 0..4 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("csy");
    ui
}

/// The foreground colour of the first cell showing `c`.
fn colour_of(ui: &mut Ui, c: &str) -> ratatui::style::Color {
    ui.text();
    let b = ui.term.backend().buffer();
    let cell = b.content().iter().find(|cell| cell.symbol() == c);
    cell.map(|cell| cell.fg)
        .unwrap_or_else(|| panic!("{c} not shown"))
}

#[test]
fn retired_trainers_are_hidden_until_ctrl_r_and_then_shown_greyed() {
    let mut ui = trainer_field(Lang::Zh);
    let text = ui.text();
    assert!(text.contains("陈思远") && text.contains("程思雨"), "{text}");
    assert!(
        !text.contains("陈思源"),
        "a retired trainer is offered: {text}"
    );
    assert!(
        text.contains("另有 1 位已退出的讲师") && text.contains("Ctrl-R"),
        "{text}"
    );

    ui.ctrl('r');
    let text = ui.text();
    let line = text
        .lines()
        .find(|l| l.contains("陈思源"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("退出"), "no status marker: {line}");
    // Listed after the active ones: Enter still takes an active trainer by default.
    let first = text.lines().find(|l| l.contains('▶')).unwrap_or("");
    assert!(
        first.contains("陈思远") || first.contains("程思雨"),
        "{text}"
    );
    let muted = Theme::built_in("dark").muted().fg;
    assert_eq!(Some(colour_of(&mut ui, "源")), muted, "not greyed");
    assert_ne!(Some(colour_of(&mut ui, "雨")), muted);

    // It can still be picked on purpose.
    while !ui
        .text()
        .lines()
        .any(|l| l.contains("陈思源") && l.contains('▶'))
    {
        ui.key(KeyCode::Down);
        assert!(ui.text().contains("陈思源"));
    }
    ui.key(KeyCode::Enter);
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id = 1 AND trainer_id = 2"),
        1
    );
}

#[test]
fn ctrl_r_hides_them_again_and_the_help_lists_the_key_in_english() {
    let mut ui = trainer_field(Lang::En);
    let text = ui.text();
    assert!(
        text.contains("1 retired trainer(s) also match") && text.contains("Ctrl-R"),
        "{text}"
    );
    ui.ctrl('r');
    assert!(ui.text().contains("陈思源"));
    ui.ctrl('r');
    assert!(!ui.text().contains("陈思源"));
    ui.key(KeyCode::F(1));
    let help = ui.text();
    assert!(
        help.contains("Ctrl-r") && help.contains("retired trainers"),
        "{help}"
    );
}
