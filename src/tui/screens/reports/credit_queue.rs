//! The registrar's queue (学分登记审核), opened from the Reports tab with `g`: the credit
//! registrations waiting (待审核), oldest first. `Space` marks rows, `a` approves the marked
//! rows (or the one under the cursor), `A` approves every row shown, `x` returns the row under
//! the cursor with a reason; `Esc` goes back to the school report. Approving and returning are
//! writes (`Intent::ApproveCredits`, `Intent::ReturnCredit`), one transaction each.

use crate::domain::credit_registration::EntryStatus;
use crate::error::Result;
use crate::store::credit_registration::{self as reg, Registration};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::truncate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::BTreeSet;

/// The most rows the queue reads at once (the title counts them all).
const MAX_ROWS: usize = 2000;

#[derive(Default)]
pub(super) struct CreditQueue {
    rows: Vec<Registration>,
    pending: i64,
    marked: BTreeSet<i64>,
    list: ListState,
}

/// What a key did in the queue.
pub(super) enum QueueKey {
    /// Back to the school report.
    Close,
    Act(Action),
    Nothing,
}

const COLUMNS: &[Column] = &[
    Column::fixed(1),
    Column::flex(6, 2),
    Column::flex(8, 2),
    Column::fixed(8),
    Column::fixed(5).right(),
    Column::fixed(5).right(),
    Column::flex(8, 2),
    Column::fixed(10),
];

impl CreditQueue {
    pub(super) fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.rows = reg::with_status(ctx.conn(), EntryStatus::Pending, MAX_ROWS)?;
        self.pending = reg::count_with_status(ctx.conn(), EntryStatus::Pending)?;
        let ids: BTreeSet<i64> = self.rows.iter().map(|r| r.id).collect();
        self.marked.retain(|id| ids.contains(id));
        self.list.cursor = self.list.cursor.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub(super) fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> QueueKey {
        let current = self.rows.get(self.list.cursor);
        match key.code {
            KeyCode::Esc => return QueueKey::Close,
            KeyCode::Char(' ') => {
                if let Some(r) = current {
                    if !self.marked.remove(&r.id) {
                        self.marked.insert(r.id);
                    }
                }
                self.list.cursor = (self.list.cursor + 1).min(self.rows.len().saturating_sub(1));
            }
            KeyCode::Char('a') => {
                let ids: Vec<i64> = if self.marked.is_empty() {
                    current.map(|r| vec![r.id]).unwrap_or_default()
                } else {
                    self.marked.iter().copied().collect()
                };
                if !ids.is_empty() {
                    self.marked.clear();
                    return QueueKey::Act(Action::write(Intent::ApproveCredits { ids }));
                }
            }
            KeyCode::Char('A') if !self.rows.is_empty() => {
                let ids = self.rows.iter().map(|r| r.id).collect();
                self.marked.clear();
                return QueueKey::Act(Action::write(Intent::ApproveCredits { ids }));
            }
            KeyCode::Char('x') => {
                if let Some(r) = current {
                    let who = format!("{} {}", r.staff_no, r.name);
                    return QueueKey::Act(Action::AskReason {
                        prompt: ctx.tf(i18n::CQ_RETURN_PROMPT, &[&who]),
                        intent: Intent::ReturnCredit { entry_id: r.id },
                    });
                }
            }
            _ => {
                if let Some(m) = keymap::lookup(keymap::MOVE_KEYS, &key) {
                    self.move_by(m);
                }
            }
        }
        QueueKey::Nothing
    }

    fn move_by(&mut self, m: Move) {
        self.list.cursor = keymap::apply_move(self.list.cursor, self.rows.len(), self.list.page, m);
    }

    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let w = area.width as usize;
        let title = ctx.tf(i18n::CQ_TITLE, &[&self.pending, &self.marked.len()]);
        let keys = ctx.t(i18n::CQ_KEYS);
        let lines = vec![
            Line::from(Span::styled(truncate(&title, w), th.title())),
            Line::from(Span::styled(truncate(keys, w), th.muted())),
        ];
        frame.render_widget(Paragraph::new(lines), Rect { height: 2, ..area });
        let cols = Columns::fit(w, COLUMNS);
        let titles = [
            "",
            ctx.t(i18n::CQ_COL_TEACHER),
            ctx.t(i18n::CQ_COL_SCHOOL),
            ctx.t(i18n::CQ_COL_CATEGORY),
            ctx.t(i18n::CQ_COL_HOURS),
            ctx.t(i18n::CQ_COL_CREDITS),
            ctx.t(i18n::CQ_COL_EVIDENCE),
            ctx.t(i18n::CQ_COL_DATE),
        ];
        let header = cols.header(&titles, th.accent());
        let body = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        let rows = &self.rows;
        let marked = &self.marked;
        let cursor = self.list.cursor;
        let table = ListTable::new(rows.len(), |i| {
            let r = &rows[i];
            let base = if i == cursor {
                th.selected()
            } else {
                th.base()
            };
            let mark = if marked.contains(&r.id) { "✓" } else { "" };
            let hours = r.hours.map(num).unwrap_or_default();
            cols.bar(
                vec![
                    Cell::styled(mark, th.ok()),
                    Cell::text(r.name.clone()),
                    Cell::text(r.school.clone()),
                    Cell::text(r.category.clone()),
                    Cell::text(hours),
                    Cell::text(num(r.credits)),
                    Cell::text(r.evidence.clone()),
                    Cell::text(r.earned_on.to_string()),
                ],
                base,
            )
        })
        .header(header)
        .empty(Line::from(Span::styled(ctx.t(i18n::CQ_EMPTY), th.muted())))
        .style(th.base());
        frame.render_stateful_widget(table, body, &mut self.list);
    }
}

/// 12 → "12", 7.5 → "7.5".
fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}
