//! The Follow-ups tab's keys: one table dispatches them and generates the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    Move(Move),
    Search,
    FilterStatus,
    FilterKind,
    FilterProject,
    FilterRowProject,
    Record,
    Back,
}

pub(super) const KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Char('/')],
        command: Cmd::Search,
        help: i18n::KEY_SEARCH,
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
        keys: &[Key::Char('s')],
        command: Cmd::FilterStatus,
        help: i18n::KEY_FILTER_STATUS,
    },
    KeyBinding {
        keys: &[Key::Char('t')],
        command: Cmd::FilterKind,
        help: i18n::KEY_FILTER_KIND,
    },
    KeyBinding {
        keys: &[Key::Char('p')],
        command: Cmd::FilterRowProject,
        help: i18n::KEY_FILTER_ROW_PROJECT,
    },
    KeyBinding {
        keys: &[Key::Char('P')],
        command: Cmd::FilterProject,
        help: i18n::KEY_FILTER_PROJECT,
    },
    KeyBinding {
        keys: &[Key::Char('e'), Key::Code(KeyCode::Enter)],
        command: Cmd::Record,
        help: i18n::KEY_RECORD,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Back,
        help: i18n::KEY_BACK,
    },
];
