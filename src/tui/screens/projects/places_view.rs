//! Drawing the allotment grid: totals, one row per school (teachers, places, enrolled; a
//! school beyond its places in the bad colour), and the keys.

use super::places::PlacesView;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl PlacesView {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, capacity: Option<i64>) {
        if area.height < 4 {
            return;
        }
        let th = ctx.theme;
        let total: i64 = self.draft.iter().flatten().sum();
        let enrolled: i64 = self.rows.iter().map(|r| r.enrolled).sum();
        let cap = capacity.map_or_else(|| "—".to_string(), |c| c.to_string());
        let mut head = ctx.tf(i18n::PL_TOTALS, &[&total, &cap, &enrolled]);
        if self.dirty() || !self.typed.is_empty() {
            head.push_str(ctx.t(i18n::PL_UNSAVED));
        }
        frame.render_widget(
            Paragraph::new(Span::styled(head, th.title())),
            Rect { height: 1, ..area },
        );
        let foot = self
            .note
            .clone()
            .unwrap_or_else(|| ctx.t(i18n::PL_KEYS).to_string());
        frame.render_widget(
            Paragraph::new(Span::styled(foot, th.muted())),
            Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            },
        );
        let body = Rect {
            y: area.y + 1,
            height: area.height - 2,
            ..area
        };
        let cols = Columns::fit(
            body.width as usize,
            &[
                Column::flex(12, 1),
                Column::fixed(8).right(),
                Column::fixed(8).right(),
                Column::fixed(8).right(),
            ],
        );
        let titles = [
            ctx.t(i18n::COL_SCHOOL),
            ctx.t(i18n::PL_COL_TEACHERS),
            ctx.t(i18n::PL_COL_PLACES),
            ctx.t(i18n::PL_COL_ENROLLED),
        ];
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &PlacesView = self;
        let table = ListTable::new(me.rows.len(), |i| me.row_line(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .style(th.base());
        frame.render_stateful_widget(table, body, &mut list);
        self.page = list.page;
    }

    fn row_line(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let Some(r) = self.rows.get(i) else {
            return Line::default();
        };
        let th = ctx.theme;
        let selected = i == self.cursor;
        let base = if selected { th.selected() } else { th.base() };
        let places = self.draft.get(i).copied().flatten();
        let shown = if selected && !self.typed.is_empty() {
            format!("{}_", self.typed)
        } else {
            places.map_or_else(|| "—".to_string(), |p| p.to_string())
        };
        let over = places.is_some_and(|p| r.enrolled > p);
        let enrolled = if over && !selected {
            Cell::styled(r.enrolled.to_string(), th.bad())
        } else {
            Cell::text(r.enrolled.to_string())
        };
        let cells = vec![
            Cell::text(r.school.clone()),
            Cell::text(r.teachers.to_string()),
            Cell::text(shown),
            enrolled,
        ];
        cols.bar(cells, base)
    }
}
