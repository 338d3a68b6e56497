//! The Reports tab's keys: one table dispatches them and generates the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{self, Key, KeyBinding, ListKeys, Move};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    Move(Move),
    Search,
    PrevYear,
    NextYear,
    Sort,
    Reverse,
    Calendar,
    Plans,
    Back,
}

/// The tab's own keys; the list movements come from `keymap::MOVE_KEYS`.
pub(super) const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    keymap::search_key(Cmd::Search),
    KeyBinding {
        keys: &[Key::Char('[')],
        command: Cmd::PrevYear,
        help: i18n::KEY_YEAR,
    },
    KeyBinding {
        keys: &[Key::Char(']')],
        command: Cmd::NextYear,
        help: i18n::KEY_YEAR,
    },
    KeyBinding {
        keys: &[Key::Char('s')],
        command: Cmd::Sort,
        help: i18n::KEY_SORT,
    },
    KeyBinding {
        keys: &[Key::Char('r')],
        command: Cmd::Reverse,
        help: i18n::KEY_REVERSE,
    },
    KeyBinding {
        keys: &[Key::Char('c')],
        command: Cmd::Calendar,
        help: i18n::KEY_CALENDAR,
    },
    KeyBinding {
        keys: &[Key::Char('p')],
        command: Cmd::Plans,
        help: i18n::KEY_PLANS,
    },
    keymap::back_key(Cmd::Back),
];
