//! The Reports tab's keys: one table dispatches them and generates the `?` help.

use crate::tui::i18n;
use crate::tui::keymap::{self, Key, KeyBinding, ListKeys, Move};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    Move(Move),
    Search,
    PrevYear,
    NextYear,
    Sort,
    Reverse,
    Calendar,
    Targets,
    TargetsBy,
    CreditQueue,
    ShortList,
    Survey,
    Plans,
    Back,
    PrevFigure,
    NextFigure,
    Evidence,
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
        keys: &[Key::Char('t')],
        command: Cmd::Targets,
        help: i18n::KEY_TARGETS,
    },
    KeyBinding {
        keys: &[Key::Char('b')],
        command: Cmd::TargetsBy,
        help: i18n::KEY_TARGETS_BY,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Left)],
        command: Cmd::PrevFigure,
        help: i18n::KEY_FIGURE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Right)],
        command: Cmd::NextFigure,
        help: i18n::KEY_FIGURE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter)],
        command: Cmd::Evidence,
        help: i18n::KEY_EVIDENCE,
    },
    KeyBinding {
        keys: &[Key::Char('g')],
        command: Cmd::CreditQueue,
        help: i18n::KEY_CREDIT_QUEUE,
    },
    KeyBinding {
        keys: &[Key::Char('u')],
        command: Cmd::ShortList,
        help: i18n::KEY_SHORT_LIST,
    },
    KeyBinding {
        keys: &[Key::Char('n')],
        command: Cmd::Survey,
        help: i18n::KEY_SURVEY,
    },
    KeyBinding {
        keys: &[Key::Char('p')],
        command: Cmd::Plans,
        help: i18n::KEY_PLANS,
    },
    keymap::back_key(Cmd::Back),
];
