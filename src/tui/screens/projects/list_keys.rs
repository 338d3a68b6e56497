//! The keys of the project list (the same table dispatches them and makes the `?` help).

use super::detail::Tab;
use super::list::FilterKey;
use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, ListKeys, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Move(Move),
    Search,
    Open(Tab),
    New,
    Edit,
    Filter(FilterKey),
    Back,
}

macro_rules! bind {
    ($cmd:expr, $help:expr, $($key:expr),+) => {
        KeyBinding { keys: &[$($key),+], command: $cmd, help: $help }
    };
}

/// The list's own keys; the movements come from `keymap::MOVE_KEYS`.
pub const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::Search, i18n::PJ_KEY_SEARCH, Key::Char('/')),
    bind!(
        Cmd::Open(Tab::Sessions),
        i18n::PJ_KEY_OPEN_SESSIONS,
        Key::Code(KeyCode::Enter)
    ),
    bind!(
        Cmd::Open(Tab::Enrolled),
        i18n::PJ_KEY_OPEN_ENROLLED,
        Key::Char('r')
    ),
    bind!(
        Cmd::Open(Tab::Matrix),
        i18n::PJ_KEY_OPEN_MATRIX,
        Key::Char('m')
    ),
    bind!(Cmd::New, i18n::PJ_KEY_NEW, Key::Char('n')),
    bind!(Cmd::Edit, i18n::PJ_KEY_EDIT, Key::Char('e')),
    bind!(
        Cmd::Filter(FilterKey::Level),
        i18n::PJ_KEY_FILTER_LEVEL,
        Key::Char('l')
    ),
    bind!(
        Cmd::Filter(FilterKey::Plan),
        i18n::PJ_KEY_FILTER_PLAN,
        Key::Char('p')
    ),
    bind!(
        Cmd::Filter(FilterKey::State),
        i18n::PJ_KEY_FILTER_STATUS,
        Key::Char('s')
    ),
    bind!(
        Cmd::Filter(FilterKey::Year),
        i18n::PJ_KEY_FILTER_YEAR,
        Key::Char('y')
    ),
    bind!(
        Cmd::Filter(FilterKey::Clear),
        i18n::PJ_KEY_FILTER_CLEAR,
        Key::Char('x')
    ),
    bind!(Cmd::Back, i18n::KEY_BACK, Key::Code(KeyCode::Esc)),
];
