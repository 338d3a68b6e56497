//! The desk's one key table: it dispatches the keys and generates the `?` help.
//!
//! The search box has the focus whenever the desk is shown (a session chosen, the tab brought
//! into view), so typed letters and digits go into it: a staff number never changes tabs.
//! Everything that must work while typing is a non-character key: Enter checks in, F2–F6 set
//! a status, Ctrl-Z undoes, ↑/↓ move, Tab / Shift-Tab leave for another tab. While a name
//! is being spelled, the digit shown left of a candidate checks that candidate in (modes.rs
//! `pick`; never when the digit could continue a staff number). After Esc
//! (leaving the box, which then says so) the single letters act on the highlighted row too
//! (l e a x p u s C), digits 1–8 change tabs, and any other letter goes back into the box.

use crate::domain::Status;
use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    /// Enter: check in by the clock (in the picker: choose the session).
    CheckIn,
    Mark(Status),
    Undo,
    /// Check the chosen teacher out now (then offer the feedback form).
    CheckOut,
    /// Turn the feedback offer after check-out off or on at this desk.
    ToggleFeedbackOffer,
    ChooseSession,
    CloseSession,
    ReopenSession,
    Search,
    Move(Move),
    Escape,
    NextTab,
    PrevTab,
    /// A letter or digit: into the search box (after Esc: back into it).
    Type,
}

pub const KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter)],
        command: Cmd::CheckIn,
        help: i18n::KEY_DESK_CHECK_IN,
    },
    KeyBinding {
        keys: &[Key::Char('l'), Key::Code(KeyCode::F(2))],
        command: Cmd::Mark(Status::Late),
        help: i18n::KEY_DESK_LATE,
    },
    KeyBinding {
        keys: &[Key::Char('e'), Key::Code(KeyCode::F(3))],
        command: Cmd::Mark(Status::LeftEarly),
        help: i18n::KEY_DESK_LEFT_EARLY,
    },
    KeyBinding {
        keys: &[Key::Char('a'), Key::Code(KeyCode::F(4))],
        command: Cmd::Mark(Status::Absent),
        help: i18n::KEY_DESK_ABSENT,
    },
    KeyBinding {
        keys: &[Key::Char('x'), Key::Code(KeyCode::F(5))],
        command: Cmd::Mark(Status::Excused),
        help: i18n::KEY_DESK_EXCUSED,
    },
    KeyBinding {
        keys: &[Key::Char('p'), Key::Code(KeyCode::F(6))],
        command: Cmd::Mark(Status::Present),
        help: i18n::KEY_DESK_PRESENT,
    },
    KeyBinding {
        keys: &[Key::Char('o'), Key::Ctrl('o')],
        command: Cmd::CheckOut,
        help: i18n::KEY_DESK_CHECK_OUT,
    },
    KeyBinding {
        keys: &[Key::Char('f'), Key::Ctrl('f')],
        command: Cmd::ToggleFeedbackOffer,
        help: i18n::KEY_DESK_FEEDBACK_OFFER,
    },
    KeyBinding {
        keys: &[Key::Char('u'), Key::Ctrl('z')],
        command: Cmd::Undo,
        help: i18n::KEY_DESK_UNDO,
    },
    KeyBinding {
        keys: &[Key::Char('s'), Key::Code(KeyCode::F(7))],
        command: Cmd::ChooseSession,
        help: i18n::KEY_DESK_SESSION,
    },
    KeyBinding {
        keys: &[Key::Char('C'), Key::Code(KeyCode::F(8))],
        command: Cmd::CloseSession,
        help: i18n::KEY_DESK_CLOSE,
    },
    KeyBinding {
        keys: &[Key::Char('R'), Key::Code(KeyCode::F(9))],
        command: Cmd::ReopenSession,
        help: i18n::KEY_DESK_REOPEN,
    },
    KeyBinding {
        keys: &[Key::Char('/'), Key::Char('i')],
        command: Cmd::Search,
        help: i18n::KEY_DESK_SEARCH,
    },
    KeyBinding {
        keys: &[Key::Char('k'), Key::Code(KeyCode::Up)],
        command: Cmd::Move(Move::Up),
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Char('j'), Key::Code(KeyCode::Down)],
        command: Cmd::Move(Move::Down),
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageUp)],
        command: Cmd::Move(Move::PageUp),
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageDown)],
        command: Cmd::Move(Move::PageDown),
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Char('g')],
        command: Cmd::Move(Move::Top),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Char('G')],
        command: Cmd::Move(Move::Bottom),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Escape,
        help: i18n::KEY_DESK_LEAVE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Tab)],
        command: Cmd::NextTab,
        help: i18n::KEY_DESK_TABS,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::BackTab)],
        command: Cmd::PrevTab,
        help: i18n::KEY_DESK_TABS,
    },
    // Last: the single-letter keys above win over it after Esc.
    KeyBinding {
        keys: &[Key::Typed],
        command: Cmd::Type,
        help: i18n::KEY_DESK_TYPE,
    },
];
