//! A plain, real list for a tab whose dedicated screen has not been written yet: the projects,
//! the coming sessions, the trainers, pending follow-ups, this year's vetoes, schools.
//! `/` filters the rows by substring; j/k move. Replaced tab by tab in `screens/mod.rs`.

use super::TabId;
use crate::domain::{FollowUpKind, Level, TrainerStatus};
use crate::error::Result;
use crate::store::dashboard as q;
use crate::tui::action::Action;
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::list::{self, Column, Kind};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Move(Move),
    Search,
    Back,
}

const KEYS: &[KeyBinding<Cmd>] = &[
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
        keys: &[Key::Char('/')],
        command: Cmd::Search,
        help: i18n::KEY_SEARCH,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Back,
        help: i18n::KEY_BACK,
    },
];

pub struct Overview {
    tab: TabId,
    rows: Vec<Vec<String>>,
    shown: Vec<usize>,
    cursor: usize,
    search: TextInput,
    typing: bool,
    page: usize,
}

fn col(header: Msg, min: usize, weight: usize, kind: Kind) -> Column {
    Column {
        header,
        min,
        weight,
        kind,
    }
}

impl Overview {
    pub fn new(tab: TabId) -> Self {
        Overview {
            tab,
            rows: Vec::new(),
            shown: Vec::new(),
            cursor: 0,
            search: TextInput::new(),
            typing: false,
            page: 10,
        }
    }

    fn columns(&self) -> Vec<Column> {
        use i18n::*;
        match self.tab {
            TabId::CheckIn => vec![
                col(COL_DATES, 10, 0, Kind::Text),
                col(COL_TIME, 5, 0, Kind::Text),
                col(COL_PROJECT, 12, 2, Kind::Text),
                col(COL_SESSION, 8, 2, Kind::Text),
                col(COL_CHECKED, 6, 0, Kind::Number),
                col(COL_ENROLLED, 6, 0, Kind::Number),
            ],
            TabId::Starlight => vec![
                col(COL_NAME, 8, 1, Kind::Text),
                col(COL_AFFILIATION, 12, 2, Kind::Text),
                col(
                    COL_STATUS,
                    8,
                    0,
                    Kind::Code(|c, zh| TrainerStatus::parse(c).map(|x| x.label(zh))),
                ),
                col(COL_COMPETENCIES, 11, 0, Kind::Text),
            ],
            TabId::FollowUps => vec![
                col(COL_NAME, 8, 1, Kind::Text),
                col(COL_PROJECT, 10, 1, Kind::Text),
                col(
                    COL_KIND,
                    8,
                    1,
                    Kind::Code(|c, zh| FollowUpKind::parse(c).map(|x| x.label(zh))),
                ),
                col(COL_DUE, 10, 0, Kind::Text),
            ],
            TabId::Vetoes => vec![
                col(COL_NAME, 8, 1, Kind::Text),
                col(COL_SCHOOL, 12, 2, Kind::Text),
                col(COL_STAFF_NO, 8, 0, Kind::Text),
                col(COL_REASONS, 4, 0, Kind::Number),
            ],
            TabId::Reports => vec![
                col(COL_SCHOOL, 12, 3, Kind::Text),
                col(COL_SENT, 8, 0, Kind::Number),
                col(COL_ATTENDANCE_RATE, 8, 0, Kind::Number),
                col(COL_VETO_COUNT, 8, 0, Kind::Number),
            ],
            _ => vec![
                col(COL_CODE, 11, 0, Kind::Text),
                col(COL_TITLE, 12, 3, Kind::Text),
                col(
                    COL_LEVEL,
                    6,
                    0,
                    Kind::Code(|c, zh| Level::parse(c).map(|x| x.label(zh))),
                ),
                col(COL_START, 10, 0, Kind::Text),
                col(COL_END, 10, 0, Kind::Text),
                col(COL_ENROLLED, 6, 0, Kind::Number),
            ],
        }
    }

    fn filter(&mut self) {
        let needle = self.search.text().trim().to_lowercase();
        self.shown = (0..self.rows.len())
            .filter(|i| {
                needle.is_empty()
                    || self.rows[*i]
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }
}

impl Screen for Overview {
    fn title(&self) -> Msg {
        self.tab.title()
    }

    fn help(&self) -> Vec<HelpEntry> {
        keymap::help(KEYS)
    }

    fn wants_text_input(&self) -> bool {
        self.typing
    }

    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Option<Action> {
        if self.typing {
            match key.code {
                KeyCode::Esc => {
                    self.typing = false;
                    self.search.clear();
                    self.filter();
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Up => self.typing = false,
                _ => {
                    if self.search.handle_key(&key) {
                        self.cursor = 0;
                        self.filter();
                    }
                }
            }
            return None;
        }
        match keymap::lookup(KEYS, &key)? {
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.shown.len(), self.page, m)
            }
            Cmd::Search => self.typing = true,
            Cmd::Back => {
                if self.search.is_empty() {
                    return Some(Action::Back);
                }
                self.search.clear();
                self.filter();
            }
        }
        None
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, _ctx: &Ctx) -> Option<Action> {
        let m = match ev.kind {
            MouseEventKind::ScrollDown => Move::Down,
            MouseEventKind::ScrollUp => Move::Up,
            _ => return None,
        };
        self.cursor = keymap::apply_move(self.cursor, self.shown.len(), self.page, m);
        None
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let conn = ctx.conn();
        let s = ctx.settings;
        let year = crate::domain::veto::veto_year(ctx.today(), s.veto_year_start_month);
        let (from, to) = crate::domain::veto::veto_year_range(year, s.veto_year_start_month);
        self.rows = match self.tab {
            TabId::CheckIn => q::session_rows_from(conn, ctx.today())?,
            TabId::Starlight => q::trainer_rows(conn)?,
            TabId::FollowUps => q::pending_follow_up_rows(conn)?,
            TabId::Vetoes => q::veto_rows(conn, from, to)?,
            TabId::Reports => q::school_rows(conn, from, to)?,
            _ => q::project_rows(conn)?,
        };
        self.filter();
        Ok(())
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let cols = self.columns();
        let rows: Vec<&Vec<String>> = self.shown.iter().map(|i| &self.rows[*i]).collect();
        self.page = list::render(
            frame,
            area,
            ctx,
            &list::Table {
                columns: &cols,
                rows: &rows,
                cursor: self.cursor,
                search: &self.search,
                typing: self.typing,
                total: self.rows.len(),
            },
        );
    }
}
