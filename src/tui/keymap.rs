//! Key tables: the same table dispatches a screen's keys and generates its `?` help.
//!
//! A screen declares `const KEYS: &[KeyBinding<Cmd>]` with its own small `Cmd` enum, maps a key
//! with `keymap::lookup(KEYS, &key)` and returns `keymap::help(KEYS)` from `Screen::help`.
//! A list screen states only its own keys and gets the shared movement keys from
//! [`ListKeys`]: `const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move)`, then
//! `KEYS.lookup(&key)` and `KEYS.help()`.

use super::i18n::{self, Msg};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key (without Shift for characters: `Char('G')` already means Shift-g).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any letter or digit typed without Ctrl/Alt (Han characters too): a search box's text.
    /// Put it after a table's single-letter keys, which win in `lookup`.
    Typed,
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Char(c) => !ctrl && !alt && ev.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl && ev.code == code,
            Key::Typed => {
                !ctrl && !alt && matches!(ev.code, KeyCode::Char(c) if c.is_alphanumeric())
            }
        }
    }

    /// How the key is written in the help.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Typed => "0–9 A–Z".into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                // Ctrl-X does what Esc does everywhere (see `ESC_TOO`).
                KeyCode::Esc => format!("Esc {}", ESC_TOO.label()),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }
}

/// The key that does what Esc does, everywhere. Terminal multiplexers hold Esc back to see
/// whether an escape sequence follows (GNU screen until the next key arrives), so Esc can come
/// late, or glued to the next key. Ctrl-X (ASCII CAN, "cancel") is one byte that no
/// multiplexer holds back or takes for itself (screen's prefix is Ctrl-A, tmux's Ctrl-B,
/// Zellij takes Ctrl-G and others but not Ctrl-X). The help shows it beside every Esc.
pub const ESC_TOO: Key = Key::Ctrl('x');

/// `key`, with `ESC_TOO` read as Esc.
pub fn esc_too(key: KeyEvent) -> KeyEvent {
    if ESC_TOO.matches(&key) {
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
    } else {
        key
    }
}

/// Esc and the key after it, when they arrived glued together as one Alt-key: a multiplexer
/// that held Esc back sends it with the next key ("\x1bq"), which reads as Alt-q. Nothing
/// here is bound to Alt, so an Alt-key is always read as the two keys pressed.
pub fn held_escape(key: &KeyEvent) -> Option<[KeyEvent; 2]> {
    let glued = matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace | KeyCode::Tab
    );
    if !glued || !key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let mut second = *key;
    second.modifiers.remove(KeyModifiers::ALT);
    let mut esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    esc.kind = key.kind;
    Some([esc, second])
}

/// Keys → a command of type `C`, with the help text.
#[derive(Debug, Clone, Copy)]
pub struct KeyBinding<C: 'static> {
    pub keys: &'static [Key],
    pub command: C,
    pub help: Msg,
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpEntry {
    pub keys: String,
    pub help: Msg,
}

/// The command bound to `ev`, if any.
pub fn lookup<C: Copy>(table: &[KeyBinding<C>], ev: &KeyEvent) -> Option<C> {
    table
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.command)
}

/// The help lines of a table (one per binding, keys joined with " ").
pub fn help<C>(table: &[KeyBinding<C>]) -> Vec<HelpEntry> {
    table
        .iter()
        .map(|b| HelpEntry {
            keys: b
                .keys
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" "),
            help: b.help,
        })
        .collect()
}

/// The search key of a list screen ("/", the global help's "/" line), bound to `command`.
pub const fn search_key<C>(command: C) -> KeyBinding<C> {
    KeyBinding {
        keys: &[Key::Char('/')],
        command,
        help: i18n::KEY_SEARCH,
    }
}

/// The back key of a list screen (Esc, the global help's "Esc" line), bound to `command`.
/// The help overlay lists a screen line that equals a global one only once.
pub const fn back_key<C>(command: C) -> KeyBinding<C> {
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command,
        help: i18n::KEY_BACK,
    }
}

/// Movement commands shared by list screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// The usual list movement keys (vim and arrows); include in a screen's own table or use as is.
pub const MOVE_KEYS: &[KeyBinding<Move>] = &[
    KeyBinding {
        keys: &[Key::Char('k'), Key::Code(KeyCode::Up)],
        command: Move::Up,
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Char('j'), Key::Code(KeyCode::Down)],
        command: Move::Down,
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageUp), Key::Ctrl('u')],
        command: Move::PageUp,
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageDown), Key::Ctrl('d')],
        command: Move::PageDown,
        help: i18n::KEY_PAGE,
    },
    KeyBinding {
        keys: &[Key::Char('g'), Key::Code(KeyCode::Home)],
        command: Move::Top,
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Char('G'), Key::Code(KeyCode::End)],
        command: Move::Bottom,
        help: i18n::KEY_TOP_BOTTOM,
    },
];

/// The line and page movements of [`MOVE_KEYS`] without top / bottom (for views where
/// `g`/`G` mean nothing, such as a picker or a review).
pub const PAGE_MOVE_KEYS: &[KeyBinding<Move>] = MOVE_KEYS.split_at(4).0;

/// A list screen's keys: its own bindings, then the shared movement keys (wrapped into the
/// screen's command type). Lookup and help read them in that order, so a screen's own
/// binding wins over a movement key and the help lists the screen's keys first.
#[derive(Debug, Clone, Copy)]
pub struct ListKeys<C: 'static> {
    pub own: &'static [KeyBinding<C>],
    pub moves: &'static [KeyBinding<Move>],
    pub wrap: fn(Move) -> C,
}

impl<C: Copy> ListKeys<C> {
    /// `own` plus all of [`MOVE_KEYS`].
    pub const fn new(own: &'static [KeyBinding<C>], wrap: fn(Move) -> C) -> Self {
        ListKeys {
            own,
            moves: MOVE_KEYS,
            wrap,
        }
    }

    /// `own` plus [`PAGE_MOVE_KEYS`] (no top / bottom).
    pub const fn paging(own: &'static [KeyBinding<C>], wrap: fn(Move) -> C) -> Self {
        ListKeys {
            own,
            moves: PAGE_MOVE_KEYS,
            wrap,
        }
    }

    /// The command bound to `ev`: the screen's own first, then a movement.
    pub fn lookup(&self, ev: &KeyEvent) -> Option<C> {
        lookup(self.own, ev).or_else(|| lookup(self.moves, ev).map(self.wrap))
    }

    /// The help lines: the screen's own, then the movements.
    pub fn help(&self) -> Vec<HelpEntry> {
        let mut h = help(self.own);
        h.extend(help(self.moves));
        h
    }
}

/// Applies a movement to a cursor over `len` rows with `page` rows visible.
pub fn apply_move(cursor: usize, len: usize, page: usize, m: Move) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    let page = page.max(1);
    match m {
        Move::Up => cursor.saturating_sub(1),
        Move::Down => (cursor + 1).min(last),
        Move::PageUp => cursor.saturating_sub(page),
        Move::PageDown => (cursor + page).min(last),
        Move::Top => 0,
        Move::Bottom => last,
    }
}

/// Global commands, handled by the App before the screen sees the key
/// (unless the screen is taking text input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Help,
    Palette,
    Quit,
    NextTab,
    PrevTab,
}

pub const GLOBAL_KEYS: &[KeyBinding<Global>] = &[
    KeyBinding {
        keys: &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        command: Global::Help,
        help: i18n::KEY_HELP,
    },
    KeyBinding {
        keys: &[Key::Char(':'), Key::Ctrl('p')],
        command: Global::Palette,
        help: i18n::KEY_PALETTE,
    },
    KeyBinding {
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        command: Global::Quit,
        help: i18n::KEY_QUIT,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Tab)],
        command: Global::NextTab,
        help: i18n::KEY_NEXT_TAB,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::BackTab)],
        command: Global::PrevTab,
        help: i18n::KEY_PREV_TAB,
    },
];

/// The global keys that also work while a screen takes text input (none of them is text).
pub const ALWAYS_KEYS: &[KeyBinding<Global>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::F(1))],
        command: Global::Help,
        help: i18n::KEY_HELP,
    },
    KeyBinding {
        keys: &[Key::Ctrl('p')],
        command: Global::Palette,
        help: i18n::KEY_PALETTE,
    },
    KeyBinding {
        keys: &[Key::Ctrl('c')],
        command: Global::Quit,
        help: i18n::KEY_QUIT,
    },
];

/// Help lines for the keys every screen shares (shown above the screen's own keys).
pub fn global_help() -> Vec<HelpEntry> {
    let mut h = help(GLOBAL_KEYS);
    h.push(HelpEntry {
        keys: "1–8".into(),
        help: i18n::KEY_TAB_N,
    });
    h.push(HelpEntry {
        keys: "/".into(),
        help: i18n::KEY_SEARCH,
    });
    h.push(HelpEntry {
        keys: Key::Code(KeyCode::Esc).label(),
        help: i18n::KEY_BACK,
    });
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn lookup_matches_vim_and_arrows_not_ctrl_letters() {
        let down = lookup(MOVE_KEYS, &ev(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(down, Some(Move::Down));
        let down = lookup(MOVE_KEYS, &ev(KeyCode::Down, KeyModifiers::NONE));
        assert_eq!(down, Some(Move::Down));
        let g = lookup(MOVE_KEYS, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(g, Some(Move::Bottom));
        assert_eq!(
            lookup(GLOBAL_KEYS, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Global::Quit)
        );
        assert_eq!(
            lookup(MOVE_KEYS, &ev(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn moves_stay_in_range() {
        assert_eq!(apply_move(0, 0, 10, Move::Down), 0);
        assert_eq!(apply_move(4, 5, 10, Move::Down), 4);
        assert_eq!(apply_move(0, 5, 10, Move::Up), 0);
        assert_eq!(apply_move(0, 50, 10, Move::PageDown), 10);
        assert_eq!(apply_move(3, 50, 10, Move::Bottom), 49);
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum TestCmd {
        Move(Move),
        Go,
    }

    const TEST_KEYS: ListKeys<TestCmd> = ListKeys::new(
        &[KeyBinding {
            keys: &[Key::Char('g')],
            command: TestCmd::Go,
            help: i18n::KEY_SEARCH,
        }],
        TestCmd::Move,
    );

    #[test]
    fn list_keys_try_the_screens_own_keys_before_the_moves() {
        let none = KeyModifiers::NONE;
        let own = TEST_KEYS.lookup(&ev(KeyCode::Char('g'), none));
        assert_eq!(own, Some(TestCmd::Go));
        let home = TEST_KEYS.lookup(&ev(KeyCode::Home, none));
        assert_eq!(home, Some(TestCmd::Move(Move::Top)));
        let paging = ListKeys::paging(TEST_KEYS.own, TestCmd::Move);
        assert_eq!(paging.lookup(&ev(KeyCode::End, none)), None);
        assert_eq!(
            paging.lookup(&ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(TestCmd::Move(Move::PageDown))
        );
        let keys: Vec<String> = TEST_KEYS.help().into_iter().map(|h| h.keys).collect();
        assert_eq!(keys[0], "g");
        assert_eq!(keys[1], "k ↑");
        assert_eq!(keys.len(), 1 + MOVE_KEYS.len());
        assert_eq!(paging.help().len(), 1 + 4);
    }

    #[test]
    fn ctrl_x_is_read_as_esc_and_shown_beside_it() {
        let esc = esc_too(ev(KeyCode::Char('x'), KeyModifiers::CONTROL));
        assert_eq!(esc.code, KeyCode::Esc);
        assert_eq!(esc.modifiers, KeyModifiers::NONE);
        let x = esc_too(ev(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(x.code, KeyCode::Char('x'));
        assert_eq!(Key::Code(KeyCode::Esc).label(), "Esc Ctrl-x");
        let back = global_help().into_iter().find(|h| h.help == i18n::KEY_BACK);
        assert_eq!(back.map(|h| h.keys).as_deref(), Some("Esc Ctrl-x"));
    }

    #[test]
    fn an_alt_key_is_esc_then_the_key() {
        let [esc, q] = held_escape(&ev(KeyCode::Char('q'), KeyModifiers::ALT)).unwrap();
        assert_eq!(esc.code, KeyCode::Esc);
        assert_eq!(
            (q.code, q.modifiers),
            (KeyCode::Char('q'), KeyModifiers::NONE)
        );
        let [_, enter] = held_escape(&ev(KeyCode::Enter, KeyModifiers::ALT)).unwrap();
        assert_eq!(enter.code, KeyCode::Enter);
        let shifted = ev(KeyCode::Char('G'), KeyModifiers::ALT | KeyModifiers::SHIFT);
        let [_, g] = held_escape(&shifted).unwrap();
        assert_eq!(g.modifiers, KeyModifiers::SHIFT);
        assert!(held_escape(&ev(KeyCode::Char('q'), KeyModifiers::NONE)).is_none());
        assert!(held_escape(&ev(KeyCode::Up, KeyModifiers::ALT)).is_none());
    }

    #[test]
    fn help_joins_keys() {
        let h = help(MOVE_KEYS);
        assert_eq!(h[0].keys, "k ↑");
    }
}
