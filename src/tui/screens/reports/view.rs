//! Drawing of the Reports tab: the table view (title, credit-cycle gauge, header, rows) and the
//! year calendar of sessions.

use super::table::{self, Column};
use super::ReportsScreen;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::calendar::{self, YearCalendar};
use crate::tui::widgets::table::ListState;
use crate::tui::widgets::text::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl ReportsScreen {
    pub(super) fn render_table(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let total = area.width as usize;
        self.width = area.width;
        // Title (or search) on the left, the sort on the right.
        let sort = self.sort.unwrap_or(Column::School);
        let right = ctx.tf(i18n::REP_SORTED, &[&ctx.t(sort.header())]);
        let rw = (width(&right) as u16 + 1).min(area.width / 2);
        let left = Rect {
            height: 1,
            width: area.width.saturating_sub(rw),
            ..area
        };
        let title = ctx.tf(i18n::REP_TITLE, &[&self.year(ctx), &self.shown.len()]);
        let title = Span::styled(truncate(&title, left.width as usize), th.title());
        self.search
            .render_search(frame, left, th, self.typing, title);
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&right, rw as usize), th.muted())),
            Rect {
                x: area.right().saturating_sub(rw),
                width: rw,
                height: 1,
                ..area
            },
        );
        let gauge = table::cycle_gauge(&self.standing, &self.cycle_label, total, ctx);
        let cols = table::layout(total, ctx);
        let mut lines = vec![
            gauge,
            table::header(
                &cols,
                (sort, self.descending && self.sort.is_some()),
                self.figure,
                total,
                ctx,
            ),
        ];
        self.page = (area.height as usize).saturating_sub(3).max(1);
        let first = ListState {
            cursor: self.cursor,
            page: self.page,
        }
        .first();
        if self.shown.is_empty() {
            lines.push(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())));
        }
        for (pos, i) in self.shown.iter().enumerate().skip(first).take(self.page) {
            lines.push(table::row(
                &self.rows[*i],
                &cols,
                pos == self.cursor,
                total,
                ctx,
            ));
        }
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        frame.render_widget(Paragraph::new(lines).style(th.base()), body);
    }

    pub(super) fn render_calendar(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let year = self.year(ctx);
        let total: u32 = self.sessions.iter().map(|s| s.1).sum();
        let cal = YearCalendar {
            year,
            counts: &self.sessions,
            today: ctx.today(),
            lang: ctx.lang,
            theme: th,
            first_row: self.calendar_row,
        };
        let mut head = vec![
            Span::styled(ctx.tf(i18n::REP_CALENDAR, &[&year, &total]), th.title()),
            Span::raw("  "),
        ];
        head.extend(cal.legend());
        head.push(Span::styled(ctx.t(i18n::REP_FEWER_MORE), th.muted()));
        frame.render_widget(Paragraph::new(Line::from(head)), Rect { height: 1, ..area });
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        // Scroll only as far as needed to show the last row of months.
        let rows = YearCalendar::rows_for(body.width);
        let fit = (body.height / calendar::row_lines(false)).max(1);
        self.calendar_row = self.calendar_row.min(rows.saturating_sub(fit));
        YearCalendar {
            first_row: self.calendar_row,
            ..cal
        }
        .render(frame, body);
    }
}
