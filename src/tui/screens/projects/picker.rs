//! Search-and-pick for enrolment: teachers (multi-select: Space toggles, Enter enrols the
//! ticked ones, or the highlighted one when none is ticked) over `ctx.index`, or one school
//! (Enter asks to enrol all its teachers) over an index of the schools.

use crate::domain::School;
use crate::search::{Entry, Index};
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, ListKeys, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::{pad, width};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::HashSet;

const LIMIT: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Move(Move),
    Toggle,
    Take,
    Search,
    Close,
}

/// The picker's own keys; line and page movements come from `keymap::PAGE_MOVE_KEYS`.
pub const KEYS: ListKeys<Cmd> = ListKeys::paging(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Char(' ')],
        command: Cmd::Toggle,
        help: i18n::PJ_KEY_TOGGLE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter)],
        command: Cmd::Take,
        help: i18n::PJ_KEY_ENROL_PICKED,
    },
    keymap::search_key(Cmd::Search),
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Close,
        help: i18n::PJ_KEY_CLOSE_PICKER,
    },
];

pub fn help() -> Vec<HelpEntry> {
    KEYS.help()
}

/// What Enter asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Teachers(Vec<i64>),
    School(School),
    Close,
}

pub struct Picker {
    /// Schools (None: teachers).
    schools: Option<(Vec<School>, Index)>,
    pub input: TextInput,
    pub typing: bool,
    pub hits: Vec<i64>,
    pub cursor: usize,
    page: usize,
    /// Ticked teachers, in the order ticked.
    pub ticked: Vec<i64>,
    /// Why the last enrolment was refused (on the title line until the next key).
    pub refused: Option<String>,
}

impl Picker {
    pub fn teachers(ctx: &Ctx) -> Picker {
        let mut p = Picker {
            schools: None,
            input: TextInput::new(),
            typing: true,
            hits: Vec::new(),
            cursor: 0,
            page: 10,
            ticked: Vec::new(),
            refused: None,
        };
        p.search(ctx);
        p
    }

    pub fn schools(ctx: &Ctx, schools: Vec<School>) -> Picker {
        let index = Index::new(
            schools
                .iter()
                .map(|s| Entry::named(s.id, &s.name, ""))
                .collect(),
        );
        let mut p = Picker {
            schools: Some((schools, index)),
            ..Picker::teachers(ctx)
        };
        p.search(ctx);
        p
    }

    pub fn is_schools(&self) -> bool {
        self.schools.is_some()
    }

    fn search(&mut self, ctx: &Ctx) {
        let q = self.input.text();
        let index = match &self.schools {
            Some((_, i)) => i,
            None => ctx.index,
        };
        self.hits = index.search(q, LIMIT).into_iter().map(|h| h.id).collect();
        self.cursor = 0;
    }

    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Picked> {
        self.refused = None;
        if self.typing {
            match key.code {
                KeyCode::Esc | KeyCode::Enter => self.typing = false,
                KeyCode::Down => self.moved(Move::Down),
                KeyCode::Up => self.moved(Move::Up),
                _ => {
                    if self.input.handle_key(key) {
                        self.search(ctx);
                    }
                }
            }
            return None;
        }
        match KEYS.lookup(key)? {
            Cmd::Move(m) => self.moved(m),
            Cmd::Search => self.typing = true,
            Cmd::Close => return Some(Picked::Close),
            Cmd::Toggle => {
                if let (None, Some(&id)) = (&self.schools, self.hits.get(self.cursor)) {
                    match self.ticked.iter().position(|t| *t == id) {
                        Some(i) => {
                            self.ticked.remove(i);
                        }
                        None => self.ticked.push(id),
                    }
                    self.moved(Move::Down);
                }
            }
            Cmd::Take => {
                let id = *self.hits.get(self.cursor)?;
                return match &self.schools {
                    Some((list, _)) => list
                        .iter()
                        .find(|s| s.id == id)
                        .cloned()
                        .map(Picked::School),
                    None if self.ticked.is_empty() => Some(Picked::Teachers(vec![id])),
                    None => Some(Picked::Teachers(self.ticked.clone())),
                };
            }
        }
        None
    }

    fn moved(&mut self, m: Move) {
        self.cursor = keymap::apply_move(self.cursor, self.hits.len(), self.page, m);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, enrolled: &HashSet<i64>) {
        if area.height < 3 {
            return;
        }
        let th = ctx.theme;
        let w = area.width as usize;
        let line = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        let (title, title_style) = match &self.refused {
            Some(why) => (format!("✗ {why}"), th.bad()),
            None if self.is_schools() => (ctx.t(i18n::PJ_PICK_SCHOOL).into(), th.title()),
            None => (ctx.t(i18n::PJ_PICK_TEACHERS).into(), th.title()),
        };
        let count = if self.is_schools() {
            String::new()
        } else {
            ctx.tf(i18n::PJ_TICKED, &[&self.ticked.len()])
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(pad(&title, w.saturating_sub(width(&count))), title_style),
                Span::styled(count, th.accent()),
            ])),
            line(0),
        );
        self.input.render(
            frame,
            line(1),
            Span::styled("/ ", th.accent()),
            th.base(),
            self.typing,
        );
        let rows = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        let cols = if self.is_schools() {
            Columns::fit(
                w,
                &[
                    Column::fixed(w.saturating_sub(20).max(8)),
                    Column::fixed(19),
                ],
            )
        } else {
            let done_w = width(ctx.t(i18n::PJ_ALREADY_ENROLLED)).max(6);
            Columns::fit(
                w,
                &[
                    Column::fixed(4),
                    Column::flex(8, 1),
                    Column::flex(12, 2),
                    Column::fixed(8),
                    Column::fixed(done_w),
                ],
            )
        };
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &Picker = self;
        let table = ListTable::new(me.hits.len(), |i| me.row_line(i, &cols, ctx, enrolled))
            .empty(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())))
            .style(th.base());
        frame.render_stateful_widget(table, rows, &mut list);
        self.page = list.page.max(1);
    }

    /// Hit `i`: a school and its township, or a teacher with a tick box.
    fn row_line(
        &self,
        i: usize,
        cols: &Columns,
        ctx: &Ctx,
        enrolled: &HashSet<i64>,
    ) -> Line<'static> {
        let th = ctx.theme;
        let Some(id) = self.hits.get(i).copied() else {
            return Line::default();
        };
        let sel = i == self.cursor;
        let base = if sel { th.selected() } else { th.base() };
        let hl = if sel {
            th.selected().patch(th.highlight())
        } else {
            th.highlight()
        };
        let q = self.input.text();
        let cells = match &self.schools {
            Some((list, index)) => {
                let Some(s) = list.iter().find(|s| s.id == id) else {
                    return Line::default();
                };
                let h = index.highlight(id, q);
                vec![
                    Cell::Marked(s.name.clone(), h.name, None, hl),
                    Cell::text(s.township.clone()),
                ]
            }
            None => {
                let Some(e) = ctx.index.entry(id) else {
                    return Line::default();
                };
                let h = ctx.index.highlight(id, q);
                let tick = if self.ticked.contains(&id) {
                    "[x]"
                } else {
                    "[ ]"
                };
                let already = if enrolled.contains(&id) {
                    ctx.t(i18n::PJ_ALREADY_ENROLLED)
                } else {
                    ""
                };
                vec![
                    Cell::text(tick),
                    Cell::Marked(e.name.clone(), h.name, None, hl),
                    Cell::text(e.school.clone()),
                    Cell::Marked(e.staff_no.clone(), h.staff_no, None, hl),
                    Cell::text(already),
                ]
            }
        };
        cols.line(cells, base, base)
    }
}
