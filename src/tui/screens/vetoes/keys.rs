//! The Vetoes tab's key table (it also generates the `?` help).

use crate::tui::i18n;
use crate::tui::keymap::{self, Key, KeyBinding, ListKeys, Move};
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

/// The Vetoes tab's own keys; the shared list movements follow them.
const OWN_KEYS: &[KeyBinding<Cmd>] = &[
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
    keymap::search_key(Cmd::Filter),
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
    keymap::back_key(Cmd::Back),
];

pub(super) const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);
