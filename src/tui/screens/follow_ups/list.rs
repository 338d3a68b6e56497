//! The Follow-ups tab's drawing: the counts line, the filters in use, the rows (overdue ones in
//! the "bad" colour) and the detail of the selected follow-up.

use super::FollowUpsScreen;
use crate::domain::follow_up::is_overdue;
use crate::domain::{FollowUpKind, FollowUpStatus};
use crate::store::follow_ups::{FollowUpLine, StatusFilter};
use crate::tui::i18n::{self, Msg};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::{truncate, width};
use crate::tui::widgets::window::pane;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl FollowUpsScreen {
    /// The filters in use ("Status: Done Kind: Forum"), empty when none is.
    pub(super) fn filter_label(&self, ctx: &Ctx) -> String {
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

    pub(super) fn counts_line(&self, ctx: &Ctx) -> Line<'static> {
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
    pub(super) fn status_cell(&self, l: &FollowUpLine, ctx: &Ctx) -> (String, Style) {
        let f = &l.follow_up;
        let th = ctx.theme;
        if is_overdue(f.status, f.due_date, ctx.today()) {
            return (ctx.t(i18n::OVERDUE).to_string(), th.bad());
        }
        let style = match f.status {
            FollowUpStatus::Pending => th.base(),
            FollowUpStatus::Done => th.ok(),
            FollowUpStatus::Evaluated => th.accent(),
        };
        (f.status.label(ctx.zh()).to_string(), style)
    }

    pub(super) fn render_rows(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let cols = self.columns(area.width, ctx);
        let headers = [
            i18n::COL_TEACHER,
            i18n::COL_SCHOOL,
            i18n::COL_PROJECT,
            i18n::COL_KIND,
            i18n::COL_DUE,
            i18n::COL_STATUS,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let c = &self.counts;
        let msg = if c.pending + c.done + c.evaluated == 0 {
            i18n::FU_NONE_YET
        } else {
            i18n::FU_NO_MATCH
        };
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &FollowUpsScreen = self;
        let table = ListTable::new(me.lines.len(), |i| me.row_line(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(ctx.t(msg), th.muted())))
            .style(th.base());
        frame.render_stateful_widget(table, area, &mut list);
        self.page = list.page.max(1);
        self.first = list.first();
        self.rows_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
    }

    /// Teacher, school, project, kind, due date, status.
    fn columns(&self, total: u16, ctx: &Ctx) -> Columns {
        let zh = ctx.zh();
        let kind_w = FollowUpKind::ALL
            .iter()
            .map(|k| width(k.label(zh)))
            .max()
            .unwrap_or(8)
            // Whole kinds ("Transplant lesson") once there is room; 12 columns at 80.
            .min(if total >= 100 { 20 } else { 12 });
        let status_w = width(ctx.t(i18n::OVERDUE)) + 1;
        let status_w = FollowUpStatus::ALL
            .iter()
            .map(|s| width(s.label(zh)))
            .fold(status_w, usize::max);
        Columns::fit(
            total as usize,
            &[
                Column::flex(6, 1),
                Column::flex(10, 2),
                Column::fixed(11),
                Column::fixed(kind_w),
                Column::fixed(10),
                Column::fixed(status_w),
            ],
        )
    }

    /// Follow-up `i`: overdue ones in the "bad" colour.
    fn row_line(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let Some(l) = self.lines.get(i) else {
            return Line::default();
        };
        let selected = i == self.cursor;
        let base = if selected { th.selected() } else { th.base() };
        let (status, status_style) = self.status_cell(l, ctx);
        let overdue = is_overdue(l.follow_up.status, l.follow_up.due_date, ctx.today());
        let row_style = if overdue && !selected { th.bad() } else { base };
        let cells = vec![
            Cell::styled(l.teacher_name.clone(), row_style),
            Cell::text(l.school.clone()),
            Cell::text(l.project_code.clone()),
            Cell::text(l.follow_up.kind.label(ctx.zh())),
            Cell::styled(l.follow_up.due_date.to_string(), row_style),
            Cell::styled(status, if selected { base } else { status_style }),
        ];
        cols.bar(cells, base)
    }

    pub(super) fn render_detail(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let inner = pane(frame, area, false, th.border());
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
        // An empty field shows a dash, not a bare label that reads as a layout fault.
        let value = |s: String, style| {
            if s.trim().is_empty() {
                Span::styled("—", th.muted())
            } else {
                Span::styled(s, style)
            }
        };
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
                value(
                    f.held_date.map(|d| d.to_string()).unwrap_or_default(),
                    th.base(),
                ),
                sep(),
                label(i18n::FIELD_OBSERVER),
                value(observer, th.base()),
                sep(),
                label(i18n::FIELD_RATING),
                value(rating.to_string(), th.accent()),
            ]),
            Line::from(vec![
                label(i18n::FIELD_TITLE),
                value(truncate(&f.title, w / 2), th.base()),
                sep(),
                label(i18n::FIELD_PLACE),
                value(f.place.clone(), th.base()),
            ]),
            Line::from(vec![
                label(i18n::FIELD_NOTES),
                value(f.notes.clone(), th.base()),
            ]),
        ];
        frame.render_widget(Paragraph::new(lines).style(th.base()), inner);
    }
}
