//! Drawing of the Teachers tab: search line, the list with matched characters highlighted,
//! and the detail pane below (80 columns) or beside (110 columns and more) the list.

use super::detail as teachers_detail;
use super::TeachersScreen;
use crate::domain::tiers::tier_label;
use crate::domain::{TeacherStatus, Tier, TierLevel};
use crate::search::query::split_tier;
use crate::tui::escapes::TAB;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::width;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl TeachersScreen {
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 4 || area.width < 10 {
            return;
        }
        let side = area.width >= 110;
        let (list_area, detail_area) = self.panes(area, side, ctx);
        self.search_line(frame, list_area, ctx);
        let table_area = Rect {
            y: list_area.y + 1,
            height: list_area.height - 1,
            ..list_area
        };
        self.list(frame, table_area, ctx);
        let query = self.search.text();
        let phone_hl = match self.hits.get(self.cursor) {
            Some(id) if !query.trim().is_empty() => ctx.index.highlight(*id, query).phone,
            _ => Vec::new(),
        };
        teachers_detail::render(
            frame,
            detail_area,
            self.detail.as_ref(),
            &phone_hl,
            ctx,
            side,
        );
    }

    /// The list's area and the detail pane's: beside the list on wide screens, else below.
    fn panes(&self, area: Rect, side: bool, ctx: &Ctx) -> (Rect, Rect) {
        if side {
            // The pane needs about 56 columns for its widest line (this year's five counts);
            // the list keeps at least 60.
            let pane = (area.width * 2 / 5).max(56.min(area.width.saturating_sub(60)));
            let lw = area.width - pane;
            return (
                Rect { width: lw, ..area },
                Rect {
                    x: area.x + lw + 1,
                    width: area.width - lw - 1,
                    ..area
                },
            );
        }
        // The pane takes what it needs, at least the usual height (so that the list does
        // not jump up or down as the selection moves from teacher to teacher, which redrew
        // every row below the jump), leaving the list at least four rows.
        let want = self
            .detail
            .as_ref()
            .map(|d| teachers_detail::lines(d, area.width as usize, &[], ctx).len())
            .unwrap_or(1)
            .max(teachers_detail::USUAL_LINES) as u16
            + 1;
        let dh = want.min(area.height.saturating_sub(6)).max(2);
        (
            Rect {
                height: area.height - dh,
                ..area
            },
            Rect {
                y: area.bottom() - dh,
                height: dh,
                ..area
            },
        )
    }

    /// The search box with the count at the right.
    fn search_line(&mut self, frame: &mut Frame, list_area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let count = if self.search.is_empty() {
            ctx.tf(i18n::TEACHERS_COUNT, &[&ctx.index.len()])
        } else if self.hits.len() >= super::LIMIT {
            // The search keeps the best LIMIT; the count is of every teacher that matches.
            ctx.tf(i18n::TEACHERS_FOUND, &[&self.total])
        } else {
            ctx.tf(i18n::TEACHERS_MATCHES, &[&self.hits.len()])
        };
        let cw = width(&count) as u16 + 1;
        let search_area = Rect {
            height: 1,
            width: list_area.width.saturating_sub(cw),
            ..list_area
        };
        let hint = format!("/ {}", ctx.t(i18n::TEACHERS_HINT));
        let hint = Span::styled(hint, th.muted());
        let choosing = self.choosing_status || self.choosing_role;
        match self.detail.as_ref().filter(|_| choosing) {
            // `s` or `r` was pressed: the choice takes the search line until the next key.
            Some(d) => {
                let ask = if self.choosing_role {
                    i18n::TEACHERS_ROLE_CHOOSE
                } else {
                    i18n::TEACHERS_STATUS_CHOOSE
                };
                let ask = ctx.tf(ask, &[&d.teacher.name]);
                let ask = crate::tui::widgets::text::truncate(&ask, search_area.width as usize);
                frame.render_widget(Paragraph::new(Span::styled(ask, th.accent())), search_area);
            }
            None => self
                .search
                .render_search(frame, search_area, th, self.typing, hint),
        }
        let count_area = Rect {
            x: list_area.right().saturating_sub(cw),
            width: cw,
            height: 1,
            ..list_area
        };
        frame.render_widget(Paragraph::new(Span::styled(count, th.muted())), count_area);
    }

    /// The header and the teachers found, matched characters highlighted.
    fn list(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let headers = [
            i18n::COL_NAME,
            i18n::COL_SCHOOL,
            i18n::COL_SUBJECT,
            i18n::COL_TIER,
            i18n::COL_STAFF_NO,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let tier_w = Tier::ALL
            .iter()
            .map(|t| width(t.label(ctx.zh())))
            .max()
            .unwrap_or(8);
        let staff_w = width(ctx.t(i18n::COL_STAFF_NO)).max(7);
        let specs = [
            Column::flex(8, 1),
            Column::flex(12, 3),
            Column::flex(6, 1),
            Column::fixed(tier_w),
            Column::fixed(staff_w),
        ];
        // On the tab stops: the rows change at every keystroke of a search, and the backend
        // reaches each column with a tab or two (issue 11: under 1 KB a keystroke).
        let cols = Columns::fit(area.width as usize, &specs).on_tab_stops(&specs, TAB);
        let msg = if self.index_pending {
            i18n::INDEX_LOADING
        } else if ctx.index.is_empty() {
            i18n::TEACHERS_NONE_YET
        } else {
            i18n::TEACHERS_NO_MATCH
        };
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &TeachersScreen = self;
        let table = ListTable::new(me.hits.len(), |i| me.row_line(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(ctx.t(msg), th.muted())))
            .style(th.base());
        frame.render_stateful_widget(table, area, &mut list);
        self.page = list.page.max(1);
        self.first = list.first();
        self.rows_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
    }

    /// The teacher found at position `i`.
    fn row_line(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let Some(id) = self.hits.get(i).copied() else {
            return Line::default();
        };
        let Some(e) = ctx.index.entry(id) else {
            return Line::default();
        };
        let selected = i == self.cursor;
        // Not in service: greyed, the status in the tier column.
        let status = TeacherStatus::parse(&e.status).filter(|s| !s.is_active());
        let base = match (selected, status) {
            (true, _) => th.selected(),
            (false, Some(_)) => th.muted(),
            (false, None) => th.base(),
        };
        let hl = if selected {
            th.selected().patch(th.highlight())
        } else {
            th.highlight()
        };
        let query = self.search.text();
        let h = if query.trim().is_empty() {
            Default::default()
        } else {
            ctx.index.highlight(id, query)
        };
        let tier = match status {
            Some(s) => s.label(ctx.zh()).to_string(),
            None => {
                let (tier, level) = split_tier(&e.tier);
                match Tier::parse(tier) {
                    Some(t) => tier_label(t, TierLevel::parse(level), ctx.zh()),
                    None => e.tier.clone(),
                }
            }
        };
        let cells = vec![
            Cell::Marked(e.name.clone(), h.name, None, hl),
            Cell::text(e.school.clone()),
            Cell::text(e.subject.clone()),
            Cell::text(tier),
            Cell::Marked(e.staff_no.clone(), h.staff_no, None, hl),
        ];
        cols.bar(cells, base)
    }
}
