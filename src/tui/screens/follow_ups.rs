//! Follow-ups tab (跟踪任务, DESIGN.md §4.4): counts by status at the top, the list filtered by
//! status (overdue derived with `domain::follow_up::is_overdue`), kind and project, `/` search
//! by teacher or project, overdue rows in the "bad" colour, a detail line of the selected
//! follow-up, and a form (`e`/Enter) to record it, moving it to done or evaluated.

use super::follow_ups_form::{self, FollowUpForm, FormOutcome, FORM_KEYS};
use crate::domain::follow_up::is_overdue;
use crate::domain::{FollowUpKind, FollowUpStatus};
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::follow_ups::{self, FollowUpCounts, FollowUpFilter, FollowUpLine, StatusFilter};
use crate::store::trainer_list::{self, TrainerLine};
use crate::tui::action::Action;
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::text::{layout_columns, pad, truncate, width};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// Rows kept per query (the list scrolls within them).
const LIMIT: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Move(Move),
    Search,
    FilterStatus,
    FilterKind,
    FilterProject,
    Record,
    Back,
}

const KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Char('/')],
        command: Cmd::Search,
        help: i18n::KEY_SEARCH,
    },
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
        command: Cmd::FilterProject,
        help: i18n::KEY_FILTER_PROJECT,
    },
    KeyBinding {
        keys: &[Key::Char('e'), Key::Code(KeyCode::Enter)],
        command: Cmd::Record,
        help: i18n::KEY_RECORD,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Back,
        help: i18n::KEY_BACK,
    },
];

#[derive(Default)]
pub struct FollowUpsScreen {
    lines: Vec<FollowUpLine>,
    counts: FollowUpCounts,
    filter: FollowUpFilter,
    projects: Vec<(i64, String, String)>,
    /// Trainers with their pinyin keys, for the observer field.
    trainers: Vec<(TrainerLine, (String, String))>,
    search: TextInput,
    typing: bool,
    cursor: usize,
    first: usize,
    page: usize,
    rows_area: Rect,
    form: Option<FollowUpForm>,
}

/// The next value of a filter over `all` (None = any), wrapping back to None.
fn next_of<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => all
            .iter()
            .position(|x| *x == c)
            .and_then(|i| all.get(i + 1))
            .copied(),
    }
}

impl FollowUpsScreen {
    pub fn new() -> Self {
        FollowUpsScreen {
            page: 10,
            ..Self::default()
        }
    }

    fn selected(&self) -> Option<&FollowUpLine> {
        self.lines.get(self.cursor)
    }

    /// Re-reads the list for the filter, keeping the selected follow-up when still listed.
    fn query(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = self.selected().map(|l| l.follow_up.id);
        self.filter.search = self.search.text().to_string();
        self.lines = follow_ups::list(ctx.conn(), &self.filter, ctx.today(), LIMIT)?;
        self.counts = follow_ups::counts(ctx.conn(), ctx.today())?;
        self.cursor = keep
            .and_then(|id| self.lines.iter().position(|l| l.follow_up.id == id))
            .unwrap_or(0)
            .min(self.lines.len().saturating_sub(1));
        Ok(())
    }

    fn requery(&mut self, ctx: &Ctx) -> Option<Action> {
        self.query(ctx)
            .err()
            .map(|e| Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e])))
    }

    fn handle_typing(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        match key.code {
            KeyCode::Esc => {
                self.typing = false;
                self.search.clear();
                self.requery(ctx)
            }
            KeyCode::Enter => {
                self.typing = false;
                None
            }
            KeyCode::Up | KeyCode::Down => {
                let m = if key.code == KeyCode::Up {
                    Move::Up
                } else {
                    Move::Down
                };
                self.cursor = keymap::apply_move(self.cursor, self.lines.len(), self.page, m);
                None
            }
            _ => {
                if self.search.handle_key(key) {
                    self.cursor = 0;
                    return self.requery(ctx);
                }
                None
            }
        }
    }

    fn handle_form(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        let cmd = keymap::lookup(FORM_KEYS, key);
        let form = self.form.as_mut()?;
        match form.handle_key(key, cmd, &self.trainers, ctx) {
            FormOutcome::Keep => None,
            FormOutcome::Close => {
                self.form = None;
                None
            }
            FormOutcome::Run(a) => {
                self.form = None;
                Some(a)
            }
        }
    }

    /// The filters in use ("Status: Done Kind: Forum"), empty when none is.
    fn filter_label(&self, ctx: &Ctx) -> String {
        let zh = ctx.zh();
        let mut parts = Vec::new();
        match self.filter.status {
            None => {}
            Some(StatusFilter::Is(s)) => parts.push(ctx.tf(i18n::FILTER_STATUS, &[&s.label(zh)])),
            Some(StatusFilter::Overdue) => {
                parts.push(ctx.tf(i18n::FILTER_STATUS, &[&ctx.t(i18n::OVERDUE)]))
            }
        }
        if let Some(k) = self.filter.kind {
            parts.push(ctx.tf(i18n::FILTER_KIND, &[&k.label(zh)]));
        }
        let project = self
            .filter
            .project_id
            .and_then(|id| self.projects.iter().find(|p| p.0 == id));
        if let Some(p) = project {
            parts.push(ctx.tf(i18n::FILTER_PROJECT, &[&p.1]));
        }
        parts.join(" ")
    }

    fn counts_line(&self, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let zh = ctx.zh();
        let c = &self.counts;
        let mut spans = Vec::new();
        for (label, n, style) in [
            (FollowUpStatus::Pending.label(zh), c.pending, th.base()),
            (FollowUpStatus::Done.label(zh), c.done, th.ok()),
            (
                FollowUpStatus::Evaluated.label(zh),
                c.evaluated,
                th.accent(),
            ),
            (ctx.t(i18n::OVERDUE), c.overdue, th.bad()),
        ] {
            spans.push(Span::styled(format!("{label} "), th.muted()));
            spans.push(Span::styled(format!("{n}   "), style));
        }
        Line::from(spans)
    }

    /// The status cell of a row and its style: overdue is derived (pending past due).
    fn status_cell(&self, l: &FollowUpLine, ctx: &Ctx) -> (String, Style) {
        let f = &l.follow_up;
        let th = ctx.theme;
        if is_overdue(f.status, f.due_date, ctx.today()) {
            return (format!("⚠{}", ctx.t(i18n::OVERDUE)), th.bad());
        }
        let style = match f.status {
            FollowUpStatus::Pending => th.base(),
            FollowUpStatus::Done => th.ok(),
            FollowUpStatus::Evaluated => th.accent(),
        };
        (f.status.label(ctx.zh()).to_string(), style)
    }

    fn render_rows(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let zh = ctx.zh();
        let kind_w = FollowUpKind::ALL
            .iter()
            .map(|k| width(k.label(zh)))
            .max()
            .unwrap_or(8)
            .min(12);
        let status_w = width(ctx.t(i18n::OVERDUE)) + 1;
        let status_w = FollowUpStatus::ALL
            .iter()
            .map(|s| width(s.label(zh)))
            .fold(status_w, usize::max);
        let widths = layout_columns(
            area.width as usize,
            &[
                (6, 1),
                (10, 2),
                (11, 0),
                (kind_w, 0),
                (10, 0),
                (status_w, 0),
            ],
            1,
        );
        let headers = [
            i18n::COL_TEACHER,
            i18n::COL_SCHOOL,
            i18n::COL_PROJECT,
            i18n::COL_KIND,
            i18n::COL_DUE,
            i18n::COL_STATUS,
        ];
        let header: Vec<Span> = headers
            .iter()
            .zip(&widths)
            .filter(|(_, w)| **w > 0)
            .map(|(h, w)| Span::styled(format!("{} ", pad(ctx.t(*h), *w)), th.accent()))
            .collect();
        frame.render_widget(
            Paragraph::new(Line::from(header)),
            Rect { height: 1, ..area },
        );
        self.rows_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        self.page = (self.rows_area.height as usize).max(1);
        self.first = first_visible(self.cursor, self.page);
        let mut out = Vec::new();
        if self.lines.is_empty() {
            out.push(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())));
        }
        for (i, l) in self
            .lines
            .iter()
            .enumerate()
            .skip(self.first)
            .take(self.page)
        {
            let selected = i == self.cursor;
            let base = if selected { th.selected() } else { th.base() };
            let (status, status_style) = self.status_cell(l, ctx);
            let overdue = is_overdue(l.follow_up.status, l.follow_up.due_date, ctx.today());
            let row_style = if overdue && !selected { th.bad() } else { base };
            let cells = [
                (l.teacher_name.as_str(), row_style),
                (l.school.as_str(), base),
                (l.project_code.as_str(), base),
                (l.follow_up.kind.label(zh), base),
                (&l.follow_up.due_date.to_string(), row_style),
                (status.as_str(), if selected { base } else { status_style }),
            ]
            .map(|(t, s)| (t.to_string(), s));
            let mut spans = Vec::new();
            for ((text, style), w) in cells.iter().zip(&widths) {
                if *w > 0 {
                    spans.push(Span::styled(pad(text, *w), *style));
                    spans.push(Span::styled(" ", base));
                }
            }
            let used: usize = widths.iter().filter(|w| **w > 0).map(|w| w + 1).sum();
            let total = area.width as usize;
            if used < total {
                spans.push(Span::styled(" ".repeat(total - used), base));
            }
            out.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(out).style(th.base()), self.rows_area);
    }

    fn render_detail(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(th.border());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width as usize;
        let Some(l) = self.selected() else {
            let none = Span::styled(ctx.t(i18n::FU_NONE_SELECTED), th.muted());
            frame.render_widget(Paragraph::new(Line::from(none)), inner);
            return;
        };
        let f = &l.follow_up;
        let zh = ctx.zh();
        let label = |m: Msg| Span::styled(format!("{} ", ctx.t(m)), th.muted());
        let sep = || Span::styled(" · ", th.muted());
        let observer = l
            .observer_name
            .clone()
            .unwrap_or_else(|| f.observer_staff.clone());
        let rating = f.rating.map_or("", |r| r.label(zh));
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{} {} ", l.teacher_name, l.staff_no), th.title()),
                Span::styled(truncate(&l.project_title, w.saturating_sub(20)), th.base()),
            ]),
            Line::from(vec![
                label(i18n::FIELD_HELD),
                Span::raw(f.held_date.map(|d| d.to_string()).unwrap_or_default()),
                sep(),
                label(i18n::FIELD_OBSERVER),
                Span::raw(observer),
                sep(),
                label(i18n::FIELD_RATING),
                Span::styled(rating, th.accent()),
            ]),
            Line::from(vec![
                label(i18n::FIELD_TITLE),
                Span::raw(truncate(&f.title, w / 2)),
                sep(),
                label(i18n::FIELD_PLACE),
                Span::raw(f.place.clone()),
            ]),
            Line::from(vec![label(i18n::FIELD_NOTES), Span::raw(f.notes.clone())]),
        ];
        frame.render_widget(Paragraph::new(lines).style(th.base()), inner);
    }
}

impl Screen for FollowUpsScreen {
    fn title(&self) -> Msg {
        i18n::TAB_FOLLOW_UPS
    }

    fn help(&self) -> Vec<HelpEntry> {
        let mut h = keymap::help(KEYS);
        h.extend(keymap::help(FORM_KEYS));
        h
    }

    fn wants_text_input(&self) -> bool {
        self.typing || self.form.is_some()
    }

    fn has_unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(FollowUpForm::is_dirty)
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.form.is_some() {
            return self.handle_form(&key, ctx);
        }
        if self.typing {
            return self.handle_typing(&key, ctx);
        }
        match keymap::lookup(KEYS, &key)? {
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.lines.len(), self.page, m);
                None
            }
            Cmd::Search => {
                self.typing = true;
                None
            }
            Cmd::FilterStatus => {
                let all: Vec<StatusFilter> = FollowUpStatus::ALL
                    .iter()
                    .map(|s| StatusFilter::Is(*s))
                    .chain([StatusFilter::Overdue])
                    .collect();
                self.filter.status = next_of(&all, self.filter.status);
                self.requery(ctx)
            }
            Cmd::FilterKind => {
                self.filter.kind = next_of(FollowUpKind::ALL, self.filter.kind);
                self.requery(ctx)
            }
            Cmd::FilterProject => {
                let ids: Vec<i64> = self.projects.iter().map(|p| p.0).collect();
                self.filter.project_id = next_of(&ids, self.filter.project_id);
                self.requery(ctx)
            }
            Cmd::Record => {
                if ctx.read_only() {
                    return Some(Action::Fail(ctx.t(i18n::READ_ONLY_REFUSED).to_string()));
                }
                self.form = self.selected().map(|l| FollowUpForm::new(l, ctx));
                None
            }
            Cmd::Back => {
                let filtered = self.filter.status.is_some()
                    || self.filter.kind.is_some()
                    || self.filter.project_id.is_some();
                if self.search.is_empty() && !filtered {
                    return Some(Action::Back);
                }
                self.search.clear();
                self.filter = FollowUpFilter::default();
                self.requery(ctx)
            }
        }
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, _ctx: &Ctx) -> Option<Action> {
        if self.form.is_some() {
            return None;
        }
        let len = self.lines.len();
        match ev.kind {
            MouseEventKind::ScrollDown => {
                self.cursor = keymap::apply_move(self.cursor, len, self.page, Move::Down)
            }
            MouseEventKind::ScrollUp => {
                self.cursor = keymap::apply_move(self.cursor, len, self.page, Move::Up)
            }
            MouseEventKind::Down(MouseButton::Left)
                if self.rows_area.contains((ev.column, ev.row).into()) =>
            {
                let i = self.first + (ev.row - self.rows_area.y) as usize;
                if i < len {
                    self.cursor = i;
                }
            }
            _ => {}
        }
        None
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.projects = follow_ups::projects_with_follow_ups(ctx.conn())?;
        self.trainers = trainer_list::trainer_lines(ctx.conn())?
            .into_iter()
            .map(|l| {
                let keys = pinyin_keys(&l.trainer.name);
                (l, keys)
            })
            .collect();
        self.query(ctx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 8 || area.width < 30 {
            return;
        }
        let th = ctx.theme;
        frame.render_widget(
            Paragraph::new(self.counts_line(ctx)),
            Rect { height: 1, ..area },
        );
        // Search on the left, filters and the count on the right.
        let shown = if self.lines.len() >= LIMIT {
            format!("{LIMIT}+")
        } else {
            self.lines.len().to_string()
        };
        let right = format!(
            "{}  {}",
            self.filter_label(ctx),
            ctx.tf(i18n::FU_SHOWN, &[&shown])
        )
        .trim_start()
        .to_string();
        let rw = (width(&right) as u16 + 1).min(area.width.saturating_sub(20));
        let line1 = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        let search_area = Rect {
            width: area.width.saturating_sub(rw),
            ..line1
        };
        if self.typing || !self.search.is_empty() {
            let prefix = Span::styled("/ ", th.accent());
            self.search
                .render(frame, search_area, prefix, th.base(), self.typing);
        } else {
            let hint = format!("/ {}", ctx.t(i18n::FU_HINT));
            let hint = truncate(&hint, search_area.width as usize);
            frame.render_widget(Paragraph::new(Span::styled(hint, th.muted())), search_area);
        }
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&right, rw as usize), th.muted())),
            Rect {
                x: area.right().saturating_sub(rw),
                width: rw,
                ..line1
            },
        );
        let detail_h = if area.height >= 16 { 5 } else { 0 };
        let rows = Rect {
            y: area.y + 2,
            height: area.height - 2 - detail_h,
            ..area
        };
        self.render_rows(frame, rows, ctx);
        if detail_h > 0 {
            let detail = Rect {
                y: area.bottom() - detail_h,
                height: detail_h,
                ..area
            };
            self.render_detail(frame, detail, ctx);
        }
        if let Some(form) = &self.form {
            let h = follow_ups_form::HEIGHT.min(area.height);
            let form_area = Rect {
                y: area.bottom() - h,
                height: h,
                ..area
            };
            form.render(frame, form_area, &self.trainers, ctx);
        }
    }
}
