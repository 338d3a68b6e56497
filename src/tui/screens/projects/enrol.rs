//! The teachers enrolled in the selected project (by school, then name) and the pickers
//! that add to it: teachers by search (multi-select) or a whole school.

use super::picker::Picker;
use crate::error::Result;
use crate::store::enrolments::{self, EnrolledTeacher};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::{first_visible, header_row};
use crate::tui::widgets::text::{layout_columns, pad};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::HashSet;

#[derive(Default)]
pub struct EnrolView {
    pub rows: Vec<EnrolledTeacher>,
    pub ids: HashSet<i64>,
    pub cursor: usize,
    page: usize,
    pub picker: Option<Picker>,
}

impl EnrolView {
    pub fn reload(&mut self, ctx: &Ctx, project_id: i64) -> Result<()> {
        let keep = self.selected().map(|t| t.teacher_id);
        self.rows = enrolments::enrolled_teachers(ctx.conn(), project_id)?;
        self.ids = self.rows.iter().map(|t| t.teacher_id).collect();
        self.cursor = keep
            .and_then(|id| self.rows.iter().position(|t| t.teacher_id == id))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn selected(&self) -> Option<&EnrolledTeacher> {
        self.rows.get(self.cursor)
    }

    pub fn moved(&mut self, m: Move) {
        self.cursor = keymap::apply_move(self.cursor, self.rows.len(), self.page.max(1), m);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 2 {
            return;
        }
        if let Some(p) = &mut self.picker {
            return p.render(frame, area, ctx, &self.ids);
        }
        let th = ctx.theme;
        let w = area.width as usize;
        let widths = layout_columns(w, &[(8, 1), (8, 0), (12, 3), (6, 0)], 1);
        let headers = [
            i18n::COL_NAME,
            i18n::COL_STAFF_NO,
            i18n::COL_SCHOOL,
            i18n::PJ_COL_WALK_IN,
        ];
        let join = |cells: &[&str]| {
            cells
                .iter()
                .zip(&widths)
                .filter(|(_, w)| **w > 0)
                .map(|(c, w)| pad(c, *w))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let header: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let header = Span::styled(join(&header), th.accent());
        let rows_area = header_row(frame, area, 0, header);
        self.page = rows_area.height as usize;
        let first = first_visible(self.cursor, self.page);
        let mut lines = Vec::new();
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_ENROLMENTS),
                th.muted(),
            )));
        }
        let walk_in = ctx.t(i18n::PJ_WALK_IN);
        for (i, t) in self.rows.iter().enumerate().skip(first).take(self.page) {
            let base = if i == self.cursor {
                th.selected()
            } else {
                th.base()
            };
            let text = join(&[
                &t.name,
                &t.staff_no,
                &t.school,
                if t.walk_in { walk_in } else { "" },
            ]);
            lines.push(Line::from(Span::styled(pad(&text, w), base)));
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), rows_area);
    }
}
