//! Follow-ups tab (跟踪任务, docs/rules.md §4.4): counts by status at the top, the list filtered by
//! status (overdue derived with `domain::follow_up::is_overdue`), kind and project, `/` search
//! by teacher or project, overdue rows in the "bad" colour, a detail line of the selected
//! follow-up, and a form (`e`/Enter) to record it, moving it to done or evaluated.

mod form;
mod form_view;
mod keys;
mod list;
mod observer;

use crate::domain::{FollowUpKind, FollowUpStatus};
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::follow_ups::{self, FollowUpCounts, FollowUpFilter, FollowUpLine, StatusFilter};
use crate::store::trainer_list::{self, TrainerLine};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::outcome::Written;
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text::{truncate, width};
use crate::tui::widgets::text_input::{SearchKey, TextInput};
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use form::{FollowUpForm, FORM_KEYS};
use keys::{Cmd, KEYS};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Rows kept per query (the list scrolls within them).
const LIMIT: usize = 1000;

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
            .map(|e| Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)])))
    }

    fn handle_typing(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        match self.search.search_key(key) {
            SearchKey::Cleared { .. } => {
                self.typing = false;
                self.requery(ctx)
            }
            SearchKey::Done => {
                self.typing = false;
                None
            }
            SearchKey::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.lines.len(), self.page, m);
                None
            }
            SearchKey::Edited => {
                self.cursor = 0;
                self.requery(ctx)
            }
            SearchKey::Ignored => None,
        }
    }

    fn handle_form(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        let cmd = keymap::lookup(FORM_KEYS, key);
        let form = self.form.as_mut()?;
        form.handle_key(key, cmd, &self.trainers, ctx)
            .for_form(&mut self.form)
    }
}

impl Screen for FollowUpsScreen {
    fn title(&self) -> Msg {
        i18n::TAB_FOLLOW_UPS
    }

    fn help(&self) -> Vec<HelpEntry> {
        let mut h = KEYS.help();
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
        match KEYS.lookup(&key)? {
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
            Cmd::FilterRowProject => {
                self.filter.project_id = match self.filter.project_id {
                    Some(_) => None,
                    None => self.selected().map(|l| l.follow_up.project_id),
                };
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

    /// The form closes once its record is written; a refusal stays in it, with what was typed.
    fn on_written(&mut self, intent: &Intent, written: &Written, _ctx: &Ctx) {
        let Intent::RecordFollowUp { follow_up_id, .. } = intent else {
            return;
        };
        let Some(form) = self.form.as_mut().filter(|f| f.id == *follow_up_id) else {
            return;
        };
        match written {
            Written::Done(_) => self.form = None,
            Written::Refused(why) => form.error = Some(why.clone()),
            Written::Waiting | Written::Cancelled => {}
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.projects = follow_ups::projects_with_follow_ups(ctx.conn())?;
        self.trainers = trainer_list::trainer_lines(ctx.conn(), ctx.now)?
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
        let hint = format!("/ {}", ctx.t(i18n::FU_HINT));
        let hint = Span::styled(truncate(&hint, search_area.width as usize), th.muted());
        self.search
            .render_search(frame, search_area, th, self.typing, hint);
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
            let h = form::HEIGHT.min(area.height);
            let form_area = Rect {
                y: area.bottom() - h,
                height: h,
                ..area
            };
            form.render(frame, form_area, &self.trainers, ctx);
        }
    }
}
