//! The Teachers tab and a teacher's employment status: `s` changes it (1–4, then the reason,
//! audited), the list and the pane show it, and `status:退休` narrows the list.

use crate::tui_shell::fixture::*;
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;

#[test]
fn s_changes_the_status_with_a_reason_and_the_list_filters_by_it() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    ui.typed("/T0003");
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains("李娜 · T0003 · 教坛新秀 · 在职"), "{text}");
    ui.typed("s");
    let text = ui.text();
    assert!(
        text.contains("李娜 的状态改为：1 在职  2 调离  3 退休  4 离职"),
        "{text}"
    );
    ui.typed("3");
    assert_eq!(ui.app.active_tab(), TabId::Teachers, "3 chose, not a tab");
    let text = ui.text();
    assert!(text.contains("李娜 的状态：在职 → 退休。原因："), "{text}");
    ui.typed("到龄退休");
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM teachers WHERE id = 3 AND status = 'retired'"),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND entity_id = 3
             AND action = 'update' AND reason = '到龄退休'
             AND json_extract(before, '$.status') = 'active'
             AND json_extract(after, '$.status') = 'retired'"
        ),
        1
    );
    let text = ui.settled();
    assert!(text.contains("李娜 · T0003 · 教坛新秀 · 退休"), "{text}");
    // The list row shows the status in place of the tier.
    let row = text
        .lines()
        .find(|l| l.starts_with("李娜") && !l.contains('·'))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("退休") && !row.contains("教坛新秀"), "{row}");

    // status:退休 lists her alone; status:在职 everyone else.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.typed("/status:退休");
    let text = ui.text();
    assert!(text.contains("1 条匹配"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("李娜")), "{text}");
    ui.key(KeyCode::Esc);
    ui.typed("/status:在职");
    let text = ui.text();
    assert!(text.contains("3 条匹配"), "{text}");
}

#[test]
fn the_same_status_or_another_key_changes_nothing_and_the_key_is_in_the_help() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed("4");
    ui.typed("/T0004");
    ui.key(KeyCode::Enter);
    ui.typed("s");
    ui.typed("1");
    assert!(!ui.app.has_overlay(), "{}", ui.text());
    ui.typed("s");
    ui.key(KeyCode::Char('x'));
    assert!(!ui.app.has_overlay(), "{}", ui.text());
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity = 'teacher'"),
        0
    );
    ui.typed("?");
    let text = ui.text();
    assert!(text.contains("Change the employment status"), "{text}");
}
