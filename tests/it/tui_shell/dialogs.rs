//! Confirm and reason dialogs, writes through the palette, read-only mode.

use crate::tui_shell::fixture::*;
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;

#[test]
fn palette_set_writes_a_setting_but_read_only_refuses() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed(":set grace_minutes 10");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.app.shared.settings.grace_minutes, 10);
    assert!(
        ui.line(23).contains("grace_minutes = 10"),
        "{}",
        ui.line(23)
    );

    let mut ro = open(Lang::Zh, OpenMode::ReadOnly, 80, 24);
    assert!(ro.line(23).contains("只读"));
    ro.typed(":set grace_minutes 10");
    ro.key(KeyCode::Enter);
    assert_eq!(ro.app.shared.settings.grace_minutes, 5);
    assert!(ro.line(23).contains("只读模式"), "{}", ro.line(23));
}

#[test]
fn confirm_dialog_runs_its_action_only_on_yes() {
    use liaoyuan::tui::action::Action;
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    let ask = Action::Confirm {
        question: "Go to the vetoes?".into(),
        then: Box::new(Action::GoToTab(TabId::Vetoes)),
    };
    ui.app.update(ask.clone());
    let text = ui.text();
    assert!(
        text.contains("Go to the vetoes?") && text.contains("y yes"),
        "{text}"
    );
    ui.typed("n");
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
    ui.app.update(ask);
    ui.typed("y");
    assert_eq!(ui.app.active_tab(), TabId::Vetoes);
}

#[test]
fn reason_prompt_refuses_empty_and_writes_with_the_reason() {
    use liaoyuan::tui::action::{Action, Intent};
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.app.update(Action::AskReason {
        prompt: "为什么修改宽限时间？".into(),
        intent: Intent::SetSetting {
            key: "grace_minutes".into(),
            value: "8".into(),
        },
    });
    assert!(ui.text().contains("为什么修改宽限时间？"));
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("原因不能为空"));
    assert_eq!(ui.app.shared.settings.grace_minutes, 5);
    ui.typed("区里通知");
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.app.shared.settings.grace_minutes, 8);
    let reason: String = ui
        .app
        .shared
        .db
        .conn
        .query_row(
            "SELECT reason FROM audit_log WHERE entity = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "区里通知");
}

#[test]
fn windows_over_cjk_text_keep_their_left_border() {
    // The help window (72 wide at 80) starts at column 4, inside "今日" of the dashboard.
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("?");
    assert!(ui.app.has_overlay());
    let broken = ui.broken_wide_cells();
    assert!(broken.is_empty(), "{broken:?}\n{}", ui.text());
    let text = ui.text();
    let row = text.lines().find(|l| l.contains("本页按键")).unwrap_or("");
    assert!(row.contains("│本页按键"), "{text}");
    ui.key(KeyCode::Esc);
    ui.typed(":");
    let broken = ui.broken_wide_cells();
    assert!(broken.is_empty(), "{broken:?}\n{}", ui.text());
}
