//! Drawing the bulk feedback grid: a table of the teachers who attended (name, school, three
//! ratings, comment) through `widgets::table` (CJK widths), the cell being entered
//! highlighted, then the keys or the refused rows.

use super::feedback_grid::{FeedbackGrid, COMMENT};
use crate::tui::i18n;
use crate::tui::keymap::HelpEntry;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::window::window;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn help() -> Vec<HelpEntry> {
    vec![HelpEntry {
        keys: "1–5 Enter Ctrl-S Esc".into(),
        help: i18n::FG_KEYS,
    }]
}

impl FeedbackGrid {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let r = centred(frame, area, 78, area.height);
        let inner_w = r.width.saturating_sub(2) as usize;
        let title = ctx.tf(i18n::FG_TITLE, &[&self.code, &self.title]);
        let title = format!(" {} ", truncate(&title, inner_w.saturating_sub(2)));
        let inner = window(frame, r, Span::styled(title, th.title()), th.border());
        if inner.height < 6 || inner.width < 40 {
            return;
        }
        let w = inner.width as usize;
        let cols = Columns::fit(
            w,
            &[
                Column::fixed(10),
                Column::fixed(14),
                Column::fixed(6).right(),
                Column::fixed(7).right(),
                Column::fixed(6).right(),
                Column::flex(1, 8),
            ],
        );
        let header = vec![
            Cell::text(ctx.t(i18n::FG_NAME)),
            Cell::text(ctx.t(i18n::FG_SCHOOL)),
            Cell::text(ctx.t(i18n::FG_CONTENT)),
            Cell::text(ctx.t(i18n::FG_TRAINER)),
            Cell::text(ctx.t(i18n::FG_ORGANISATION)),
            Cell::text(ctx.t(i18n::FG_COMMENT)),
        ];
        let scope = match self.scope.and_then(|i| self.sessions.get(i)) {
            Some((_, label)) => label.clone(),
            None => ctx.t(i18n::FG_WHOLE_PROJECT).to_string(),
        };
        let scope = ctx.tf(i18n::FG_SCOPE, &[&scope]);
        let mut lines = vec![
            Line::from(Span::styled(truncate(&scope, w), th.accent())),
            cols.line(header, th.muted(), th.muted()),
        ];
        let refused_h = if self.refused.is_some() { 4 } else { 1 };
        self.page = (inner.height as usize).saturating_sub(2 + refused_h).max(1);
        if self.row < self.first {
            self.first = self.row;
        } else if self.row >= self.first + self.page {
            self.first = self.row + 1 - self.page;
        }
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(ctx.t(i18n::FG_NOBODY), th.muted())));
        }
        lines.extend(self.row_lines(&cols, ctx));
        frame.render_widget(Paragraph::new(lines), inner);
        self.render_footer(frame, inner, refused_h as u16, ctx);
    }

    /// The rows on screen, the row being entered and its cell highlighted.
    fn row_lines(&self, cols: &Columns, ctx: &Ctx) -> Vec<Line<'static>> {
        let th = ctx.theme;
        let mut lines = Vec::new();
        for (i, r) in self
            .rows
            .iter()
            .enumerate()
            .skip(self.first)
            .take(self.page)
        {
            let this_row = i == self.row;
            let base = if this_row { th.accent() } else { th.base() };
            let cell = |col: usize, text: String| {
                if this_row && col == self.col {
                    Cell::styled(text, th.selected())
                } else {
                    Cell::text(text)
                }
            };
            let mut cells = vec![
                Cell::text(r.who.name.clone()),
                Cell::text(r.who.school.clone()),
            ];
            for (k, v) in r.ratings.iter().enumerate() {
                let text = v.map(|v| v.to_string()).unwrap_or_else(|| "·".into());
                cells.push(cell(k, text));
            }
            let comment = match (r.comment.text(), this_row && self.col == COMMENT) {
                ("", true) => "_".to_string(),
                (t, _) => t.to_string(),
            };
            cells.push(cell(COMMENT, comment));
            lines.push(cols.line(cells, base, base));
        }
        lines
    }

    /// The keys, the discard question or every refused row.
    fn render_footer(&self, frame: &mut Frame, inner: Rect, h: u16, ctx: &Ctx) {
        let th = ctx.theme;
        let foot = Rect {
            y: inner.bottom().saturating_sub(h),
            height: h,
            ..inner
        };
        let (text, style) = match &self.refused {
            Some(why) => (format!("✗ {why}"), th.bad()),
            None if self.discard_armed => (ctx.t(i18n::FG_DISCARD).to_string(), th.warn()),
            None => (ctx.t(i18n::FG_KEYS).to_string(), th.muted()),
        };
        let foot_lines: Vec<Line> = text
            .split('\n')
            .map(|l| Line::from(Span::styled(l.to_string(), style)))
            .collect();
        frame.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: false }), foot);
    }
}
