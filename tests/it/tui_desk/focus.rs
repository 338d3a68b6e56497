//! The desk owns its keys: whenever it is shown, the search box has the focus and a visible
//! cursor, so a staff number typed at the door goes into the box (digits never change tabs
//! from it) and Enter marks that teacher. Tabs change from the desk with Tab, or Esc first.

use super::*;

impl Ui {
    /// The search box has the focus: the terminal cursor is shown on the box's line.
    fn box_has_focus(&mut self) -> bool {
        let text = self.text();
        let backend = self.term.backend();
        let y = backend.cursor_position().y as usize;
        backend.cursor_visible() && text.lines().nth(y).is_some_and(|l| l.starts_with("> "))
    }

    /// Types staff number T0002 (李娜) and Enter; asserts the desk kept every key.
    fn type_staff_number_and_enter(&mut self) {
        self.typed("T0002");
        assert_eq!(self.app.active_tab(), TabId::CheckIn, "{}", self.text());
        let text = self.text();
        assert!(text.contains("> T0002"), "{text}");
        assert!(text.contains("▶ 李娜"), "{text}");
        self.key(KeyCode::Enter);
        assert_eq!(self.app.active_tab(), TabId::CheckIn, "{}", self.text());
        assert_eq!(self.status_of(1, 2).as_deref(), Some("present"));
    }
}

#[test]
fn the_desk_opens_with_the_focus_in_the_search_box() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    assert!(ui.box_has_focus(), "{}", ui.text());
    ui.type_staff_number_and_enter();
}

#[test]
fn back_on_tab_3_after_leaving_the_box_a_staff_number_goes_into_the_box() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.key(KeyCode::Esc); // leaves the box: now digits change tabs
    assert!(!ui.box_has_focus(), "{}", ui.text());
    ui.typed("1");
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
    ui.typed("3");
    assert_eq!(ui.app.active_tab(), TabId::CheckIn);
    assert!(ui.box_has_focus(), "{}", ui.text());
    ui.type_staff_number_and_enter();
}

#[test]
fn back_on_the_desk_after_esc_esc_or_tab_the_box_has_the_focus() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.typed("1");
    ui.desk(1);
    // Esc leaves the box, a second Esc goes back to the Dashboard.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
    ui.typed("3");
    assert!(ui.box_has_focus(), "{}", ui.text());
    // Tab leaves the desk at once; Shift-Tab comes back to the box.
    ui.key(KeyCode::Tab);
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    ui.key(KeyCode::BackTab);
    assert_eq!(ui.app.active_tab(), TabId::CheckIn);
    assert!(ui.box_has_focus(), "{}", ui.text());
    ui.type_staff_number_and_enter();
}

#[test]
fn after_esc_the_box_says_it_has_no_focus() {
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    ui.desk(1);
    let typing = ui.text();
    ui.key(KeyCode::Esc);
    let left = ui.text();
    let line = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("> "))
            .unwrap_or("")
            .to_string()
    };
    assert_ne!(
        line(&typing),
        line(&left),
        "the box looks the same:\n{left}"
    );
    assert!(line(&left).contains("/ to type"), "{left}");
    ui.typed("/");
    assert!(ui.box_has_focus(), "{}", ui.text());
}

#[test]
fn the_help_says_digits_type_and_how_to_change_tabs() {
    for (lang, words) in [
        (
            Lang::Zh,
            ["数字和字母输入搜索框", "Tab Shift-Tab", "1–8 换标签页"],
        ),
        (
            Lang::En,
            ["Digits and letters", "Tab Shift-Tab", "1–8 tabs"],
        ),
    ] {
        let mut ui = open(lang, "2026-11-28 08:32");
        ui.desk(1);
        ui.key(KeyCode::F(1));
        let text = ui.text();
        for w in words {
            assert!(text.contains(w), "{w}:\n{text}");
        }
    }
}
