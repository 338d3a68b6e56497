//! The teachers enrolled in the selected project (by school, then name) and the pickers
//! that add to it: teachers by search (multi-select) or a whole school.

use super::picker::Picker;
use crate::error::Result;
use crate::store::enrolments::{self, EnrolledTeacher};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
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
        let cols = Columns::fit(
            area.width as usize,
            &[
                Column::flex(8, 1),
                Column::fixed(8),
                Column::flex(12, 3),
                Column::fixed(6),
            ],
        );
        let headers = [
            i18n::COL_NAME,
            i18n::COL_STAFF_NO,
            i18n::COL_SCHOOL,
            i18n::PJ_COL_WALK_IN,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &EnrolView = self;
        let table = ListTable::new(me.rows.len(), |i| me.row_line(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_ENROLMENTS),
                th.muted(),
            )))
            .style(th.base());
        frame.render_stateful_widget(table, area, &mut list);
        self.page = list.page;
    }

    /// Enrolled teacher `i`: name, staff number, school, walk-in.
    fn row_line(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let Some(t) = self.rows.get(i) else {
            return Line::default();
        };
        let base = if i == self.cursor {
            ctx.theme.selected()
        } else {
            ctx.theme.base()
        };
        let walk_in = if t.walk_in {
            ctx.t(i18n::PJ_WALK_IN)
        } else {
            ""
        };
        let cells = vec![
            Cell::text(t.name.clone()),
            Cell::text(t.staff_no.clone()),
            Cell::text(t.school.clone()),
            Cell::text(walk_in),
        ];
        cols.bar(cells, base)
    }
}
