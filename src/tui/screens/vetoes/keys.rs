//! The Vetoes tab's key table (it also generates the `?` help).

use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    Move(Move),
    Year(i32),
    Filter,
    Change,
    History,
    OpenTeacher,
    Back,
}

pub(super) const KEYS: &[KeyBinding<Cmd>] = &[
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
        keys: &[Key::Code(KeyCode::PageUp), Key::Ctrl('u')],
        command: Cmd::Move(Move::PageUp),
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageDown), Key::Ctrl('d')],
        command: Cmd::Move(Move::PageDown),
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Char('g'), Key::Code(KeyCode::Home)],
        command: Cmd::Move(Move::Top),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Char('G'), Key::Code(KeyCode::End)],
        command: Cmd::Move(Move::Bottom),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Char('[')],
        command: Cmd::Year(-1),
        help: i18n::KEY_VETO_YEAR,
    },
    KeyBinding {
        keys: &[Key::Char(']')],
        command: Cmd::Year(1),
        help: i18n::KEY_VETO_YEAR,
    },
    KeyBinding {
        keys: &[Key::Char('/')],
        command: Cmd::Filter,
        help: i18n::KEY_SEARCH,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter)],
        command: Cmd::Change,
        help: i18n::KEY_VETO_CHANGE,
    },
    KeyBinding {
        keys: &[Key::Char('h')],
        command: Cmd::History,
        help: i18n::KEY_VETO_HISTORY,
    },
    KeyBinding {
        keys: &[Key::Char('o')],
        command: Cmd::OpenTeacher,
        help: i18n::KEY_VETO_OPEN_TEACHER,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Back,
        help: i18n::KEY_BACK,
    },
];
