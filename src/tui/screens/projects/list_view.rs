//! Drawing the project list: the filter line, the search line with the count, the columns
//! (code, title, level, plan, dates, status, enrolled/capacity) measured by display width.

use super::list::ProjectList;
use crate::domain::Level;
use crate::store::projects::ProjectState;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl ProjectList {
    /// The filter line: `级别 区培 [l] · 计划 全部 [p] · …`.
    fn filter_line(&self, ctx: &Ctx, w: usize) -> Line<'static> {
        let th = ctx.theme;
        let zh = ctx.zh();
        let any = ctx.t(i18n::PJ_ANY);
        let f = &self.filter;
        let year = f.year.map(|y| y.to_string());
        let items: [(i18n::Msg, Option<&str>, char); 4] = [
            (i18n::PJ_FILTER_LEVEL, f.level.map(|l| l.label(zh)), 'l'),
            (i18n::PJ_FILTER_PLAN, f.plan.map(|p| p.label(zh)), 'p'),
            (i18n::PJ_FILTER_STATUS, f.state.map(|s| s.label(zh)), 's'),
            (i18n::PJ_FILTER_YEAR, year.as_deref(), 'y'),
        ];
        let mut spans = Vec::new();
        let mut used = 0;
        for (i, (label, value, key)) in items.iter().enumerate() {
            let value = truncate(value.unwrap_or(any), 10);
            let text = format!("{} {} ", ctx.t(*label), value);
            let k = format!("[{key}]");
            let sep = if i > 0 { " · " } else { "" };
            let need = width(sep) + width(&text) + k.len();
            if used + need > w {
                break;
            }
            used += need;
            spans.push(Span::styled(sep, th.muted()));
            let style = if value == any {
                th.muted()
            } else {
                th.accent()
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::styled(k, th.muted()));
        }
        Line::from(spans)
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 5 || area.width < 20 {
            return;
        }
        let th = ctx.theme;
        let w = area.width as usize;
        let line = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(self.filter_line(ctx, w)), line(0));
        // Search line with the count on the right.
        let count = ctx.tf(i18n::PJ_COUNT, &[&self.shown.len(), &self.rows.len()]);
        let cw = width(&count) as u16 + 1;
        let search_area = Rect {
            width: area.width.saturating_sub(cw),
            ..line(1)
        };
        let hint = format!("/ {}", ctx.t(i18n::PJ_SEARCH_HINT));
        let hint = Span::styled(hint, th.muted());
        self.search
            .render_search(frame, search_area, th, self.typing, hint);
        frame.render_widget(
            Paragraph::new(Span::styled(count, th.muted())),
            Rect {
                x: area.right().saturating_sub(cw),
                width: cw,
                ..line(1)
            },
        );
        let cols = self.columns(w, ctx);
        let headers = [
            i18n::COL_CODE,
            i18n::COL_TITLE,
            i18n::COL_LEVEL,
            i18n::PJ_COL_PLAN,
            i18n::COL_DATES,
            i18n::COL_STATUS,
            i18n::COL_ENROLLED,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let table_area = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &ProjectList = self;
        let table = ListTable::new(me.shown.len(), |i| me.row_line(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())))
            .style(th.base());
        frame.render_stateful_widget(table, table_area, &mut list);
        self.page = list.page.max(1);
        self.first = list.first();
        self.rows_area = Rect {
            y: table_area.y + 1,
            height: table_area.height - 1,
            ..table_area
        };
    }

    /// Code, title, level, plan, dates, status, enrolled/capacity.
    fn columns(&self, w: usize, ctx: &Ctx) -> Columns {
        let zh = ctx.zh();
        let level_w = Level::ALL
            .iter()
            .map(|l| width(l.label(zh)))
            .max()
            .unwrap_or(4);
        let state_w = ProjectState::ALL
            .iter()
            .map(|s| width(s.label(zh)))
            .max()
            .unwrap_or(6);
        // Codes are shown whole (they are what people type and say), up to 16 columns.
        let code_w = self
            .rows
            .iter()
            .map(|p| width(&p.code))
            .max()
            .unwrap_or(4)
            .clamp(4, 16);
        Columns::fit(
            w,
            &[
                Column::fixed(code_w),
                Column::flex(10, 1),
                Column::fixed(level_w),
                Column::fixed(8),
                Column::fixed(16),
                Column::fixed(state_w),
                Column::fixed(7).right(),
            ],
        )
    }

    /// The project shown at position `i`.
    fn row_line(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let zh = ctx.zh();
        let Some(p) = self.shown.get(i).and_then(|idx| self.rows.get(*idx)) else {
            return Line::default();
        };
        let state = ProjectState::of(p, ctx.today());
        let enrolled = self.counts.get(&p.id).copied().unwrap_or(0);
        let cap = match p.capacity {
            Some(c) => format!("{enrolled}/{c}"),
            None => enrolled.to_string(),
        };
        let dates = if p.start_date == p.end_date {
            p.start_date.to_string()
        } else if p.start_date.format("%Y").to_string() == p.end_date.format("%Y").to_string() {
            format!("{}~{}", p.start_date, p.end_date.format("%m-%d"))
        } else {
            format!("{}~{}", p.start_date, p.end_date.format("%y-%m-%d"))
        };
        let selected = i == self.cursor;
        let base = if selected { th.selected() } else { th.base() };
        let state_style = match state {
            _ if selected => base,
            ProjectState::Running => th.ok(),
            ProjectState::Upcoming => th.accent(),
            _ => th.muted(),
        };
        // More enrolled than places: shown as a problem.
        let over = p.capacity.is_some_and(|cap| enrolled > cap);
        let cap_style = if over { base.patch(th.bad()) } else { base };
        let cells = vec![
            Cell::text(p.code.clone()),
            Cell::text(p.title.clone()),
            Cell::text(p.level.label(zh)),
            Cell::text(p.plan.label(zh)),
            Cell::text(dates),
            Cell::styled(state.label(zh), state_style),
            Cell::styled(cap, cap_style),
        ];
        cols.bar(cells, base)
    }
}
