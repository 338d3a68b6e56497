//! The keys of an opened project, one table per view plus the keys they share; the same
//! tables dispatch the keys and make the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding, ListKeys, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Move(Move),
    PrevView,
    NextView,
    Back,
    Add,
    Edit,
    Delete,
    Schedule,
    School,
    Left,
    Right,
    Sort,
    Unlimited,
    LastYear,
    Split,
    SavePlaces,
}

macro_rules! bind {
    ($cmd:expr, $help:expr, $($key:expr),+) => {
        KeyBinding { keys: &[$($key),+], command: $cmd, help: $help }
    };
}

/// The keys every view shares; the movements come from `keymap::MOVE_KEYS`.
pub const COMMON_KEYS: ListKeys<Cmd> = ListKeys::new(OWN_COMMON_KEYS, Cmd::Move);

const OWN_COMMON_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::NextView, i18n::PJ_KEY_NEXT_VIEW, Key::Char(']')),
    bind!(Cmd::PrevView, i18n::PJ_KEY_PREV_VIEW, Key::Char('[')),
    bind!(
        Cmd::Back,
        i18n::PJ_KEY_BACK_TO_LIST,
        Key::Code(KeyCode::Esc)
    ),
];

pub const SESSION_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::Add, i18n::PJ_KEY_ADD_SESSION, Key::Char('a')),
    bind!(
        Cmd::Edit,
        i18n::PJ_KEY_EDIT_SESSION,
        Key::Char('e'),
        Key::Code(KeyCode::Enter)
    ),
    bind!(
        Cmd::Delete,
        i18n::PJ_KEY_DELETE_SESSION,
        Key::Char('d'),
        Key::Code(KeyCode::Delete)
    ),
    bind!(Cmd::Schedule, i18n::PJ_KEY_SCHEDULE, Key::Char('b')),
];

pub const ENROL_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::Add, i18n::PJ_KEY_ENROL_TEACHERS, Key::Char('a')),
    bind!(Cmd::School, i18n::PJ_KEY_ENROL_SCHOOL, Key::Char('s')),
    bind!(
        Cmd::Delete,
        i18n::PJ_KEY_REMOVE_ENROLMENT,
        Key::Char('d'),
        Key::Code(KeyCode::Delete)
    ),
];

pub const PLACES_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(
        Cmd::Unlimited,
        i18n::PJ_KEY_PLACES_UNLIMITED,
        Key::Char('x')
    ),
    bind!(Cmd::LastYear, i18n::PJ_KEY_PLACES_LAST_YEAR, Key::Char('l')),
    bind!(Cmd::Split, i18n::PJ_KEY_PLACES_SPLIT, Key::Char('n')),
    bind!(
        Cmd::SavePlaces,
        i18n::PJ_KEY_PLACES_SAVE,
        Key::Char('w'),
        Key::Ctrl('s')
    ),
];

pub const MATRIX_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(
        Cmd::Left,
        i18n::PJ_KEY_SESSION_LEFT_RIGHT,
        Key::Char('h'),
        Key::Code(KeyCode::Left)
    ),
    bind!(
        Cmd::Right,
        i18n::PJ_KEY_SESSION_LEFT_RIGHT,
        Key::Char('l'),
        Key::Code(KeyCode::Right)
    ),
    bind!(Cmd::Sort, i18n::PJ_KEY_SORT, Key::Char('o')),
];
