//! The Follow-ups tab's keys: one table dispatches them and generates the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{self, Key, KeyBinding, ListKeys, Move};
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

/// The tab's own keys; the list movements come from `keymap::MOVE_KEYS`.
pub(super) const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    keymap::search_key(Cmd::Search),
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
    keymap::back_key(Cmd::Back),
];
