//! The keys of the project list (the same table dispatches them and makes the `?` help).

use super::detail::Tab;
use super::list::FilterKey;
use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, Move};
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

pub const KEYS: &[KeyBinding<Cmd>] = &[
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
    bind!(
        Cmd::Move(Move::Up),
        i18n::KEY_UP_DOWN,
        Key::Char('k'),
        Key::Code(KeyCode::Up)
    ),
    bind!(
        Cmd::Move(Move::Down),
        i18n::KEY_UP_DOWN,
        Key::Char('j'),
        Key::Code(KeyCode::Down)
    ),
    bind!(
        Cmd::Move(Move::PageUp),
        i18n::KEY_PAGE,
        Key::Code(KeyCode::PageUp),
        Key::Ctrl('u')
    ),
    bind!(
        Cmd::Move(Move::PageDown),
        i18n::KEY_PAGE,
        Key::Code(KeyCode::PageDown),
        Key::Ctrl('d')
    ),
    bind!(
        Cmd::Move(Move::Top),
        i18n::KEY_TOP_BOTTOM,
        Key::Char('g'),
        Key::Code(KeyCode::Home)
    ),
    bind!(
        Cmd::Move(Move::Bottom),
        i18n::KEY_TOP_BOTTOM,
        Key::Char('G'),
        Key::Code(KeyCode::End)
    ),
    bind!(Cmd::Back, i18n::KEY_BACK, Key::Code(KeyCode::Esc)),
];
