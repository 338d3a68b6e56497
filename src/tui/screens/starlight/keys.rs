//! The Starlight tab's keys: one table dispatches them and generates the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{self, Key, KeyBinding, ListKeys, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    Move(Move),
    Search,
    FilterStatus,
    Edit,
    Promote,
    Exit,
    Assign,
    Assess,
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
        keys: &[Key::Char('e'), Key::Code(KeyCode::Enter)],
        command: Cmd::Edit,
        help: i18n::KEY_EDIT,
    },
    KeyBinding {
        keys: &[Key::Char('p')],
        command: Cmd::Promote,
        help: i18n::SL_KEY_PROMOTE,
    },
    KeyBinding {
        keys: &[Key::Char('a')],
        command: Cmd::Assign,
        help: i18n::SL_KEY_ASSIGN,
    },
    KeyBinding {
        keys: &[Key::Char('r')],
        command: Cmd::Assess,
        help: i18n::SL_KEY_ASSESS,
    },
    KeyBinding {
        keys: &[Key::Char('x')],
        command: Cmd::Exit,
        help: i18n::SL_KEY_EXIT,
    },
    keymap::back_key(Cmd::Back),
];
