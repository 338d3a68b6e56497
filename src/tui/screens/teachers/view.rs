//! Drawing of the Teachers tab: search line, the list with matched characters highlighted,
//! and the detail pane below (80 columns) or beside (110 columns and more) the list.

use super::detail as teachers_detail;
use super::TeachersScreen;
use crate::domain::{TeacherStatus, Tier};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::{first_visible, header_line, header_row};
use crate::tui::widgets::text::{highlighted, layout_columns, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl TeachersScreen {
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 4 || area.width < 10 {
            return;
        }
        let th = ctx.theme;
        let side = area.width >= 110;
        let (list_area, detail_area) = if side {
            // The pane needs about 56 columns for its widest line (this year's five counts);
            // the list keeps at least 60.
            let pane = (area.width * 2 / 5).max(56.min(area.width.saturating_sub(60)));
            let lw = area.width - pane;
            (
                Rect { width: lw, ..area },
                Rect {
                    x: area.x + lw + 1,
                    width: area.width - lw - 1,
                    ..area
                },
            )
        } else {
            // The pane takes what it needs, leaving the list at least four rows.
            let want = self
                .detail
                .as_ref()
                .map(|d| teachers_detail::lines(d, area.width as usize, &[], ctx).len())
                .unwrap_or(1) as u16
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
        };
        // Search line.
        let count = if self.search.is_empty() {
            ctx.tf(i18n::TEACHERS_COUNT, &[&ctx.index.len()])
        } else if self.hits.len() >= super::LIMIT {
            // The search keeps the best LIMIT: more teachers match than are listed.
            ctx.tf(i18n::TEACHERS_MATCHES_MORE, &[&self.hits.len()])
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
        match self.detail.as_ref().filter(|_| self.choosing_status) {
            // `s` was pressed: the status choice takes the search line until the next key.
            Some(d) => {
                let ask = ctx.tf(i18n::TEACHERS_STATUS_CHOOSE, &[&d.teacher.name]);
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
        // Header and rows.
        let w = list_area.width as usize;
        let headers = [
            i18n::COL_NAME,
            i18n::COL_SCHOOL,
            i18n::COL_SUBJECT,
            i18n::COL_TIER,
            i18n::COL_STAFF_NO,
        ];
        let tier_w = Tier::ALL
            .iter()
            .map(|t| width(t.label(ctx.zh())))
            .max()
            .unwrap_or(8);
        let staff_w = width(ctx.t(i18n::COL_STAFF_NO)).max(7);
        let widths = layout_columns(w, &[(8, 1), (12, 3), (6, 1), (tier_w, 0), (staff_w, 0)], 1);
        let header = header_line(ctx, &headers, &widths, |_| false);
        self.rows_area = header_row(frame, list_area, 1, header);
        self.page = (self.rows_area.height as usize).max(1);
        self.first = first_visible(self.cursor, self.page);
        let query = self.search.text();
        let mut lines = Vec::new();
        if self.hits.is_empty() {
            let msg = if self.index_pending {
                i18n::INDEX_LOADING
            } else if ctx.index.is_empty() {
                i18n::TEACHERS_NONE_YET
            } else {
                i18n::TEACHERS_NO_MATCH
            };
            lines.push(Line::from(Span::styled(ctx.t(msg), th.muted())));
        }
        let mut phone_hl = Vec::new();
        for (i, id) in self
            .hits
            .iter()
            .enumerate()
            .skip(self.first)
            .take(self.page)
        {
            let Some(e) = ctx.index.entry(*id) else {
                continue;
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
            let h = if query.trim().is_empty() {
                Default::default()
            } else {
                ctx.index.highlight(*id, query)
            };
            if selected {
                phone_hl = h.phone.clone();
            }
            let tier = match status {
                Some(s) => s.label(ctx.zh()),
                None => Tier::parse(&e.tier)
                    .map(|t| t.label(ctx.zh()))
                    .unwrap_or(&e.tier),
            };
            let cells: [(&str, &[usize]); 5] = [
                (&e.name, &h.name),
                (&e.school, &[]),
                (&e.subject, &[]),
                (tier, &[]),
                (&e.staff_no, &h.staff_no),
            ];
            let mut spans = Vec::new();
            for ((text, pos), w) in cells.iter().zip(&widths) {
                if *w == 0 {
                    continue;
                }
                spans.extend(highlighted(text, pos, *w, base, hl));
                spans.push(Span::styled(" ", base));
            }
            let used: usize = widths.iter().filter(|w| **w > 0).map(|w| w + 1).sum();
            if used < w {
                spans.push(Span::styled(" ".repeat(w - used), base));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), self.rows_area);
        teachers_detail::render(
            frame,
            detail_area,
            self.detail.as_ref(),
            &phone_hl,
            ctx,
            side,
        );
    }
}
