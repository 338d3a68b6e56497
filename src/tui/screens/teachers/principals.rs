//! The Principals view of the Teachers tab (`p`, docs/rules.md §4.8): every teacher in service
//! with a role — school, role, appointment date, training hours in the current cycle against
//! 240 and the qualification flag (a school leader appointed more than a year ago without a
//! qualification training). Flagged leaders first, then those short of hours.

use crate::domain::principals::Role;
use crate::error::Result;
use crate::ops::principals::{principals, PrincipalLine};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::screens::projects::form::fmt_num;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::width;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Default)]
pub struct PrincipalsView {
    lines: Vec<PrincipalLine>,
    cursor: usize,
    page: usize,
}

impl PrincipalsView {
    pub fn load(ctx: &Ctx) -> Result<PrincipalsView> {
        let mut v = PrincipalsView {
            page: 10,
            ..Default::default()
        };
        v.reload(ctx)?;
        Ok(v)
    }

    /// Reads the list again, keeping the cursor on the same teacher when it is still there.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = self.lines.get(self.cursor).map(|l| l.holder.teacher_id);
        let mut lines = principals(ctx.conn(), ctx.today())?;
        lines.sort_by_key(|l| (!l.qualification_overdue, !l.hours_short()));
        self.lines = lines;
        self.cursor = keep
            .and_then(|id| self.lines.iter().position(|l| l.holder.teacher_id == id))
            .unwrap_or(0);
        Ok(())
    }

    pub fn move_by(&mut self, m: Move) {
        self.cursor = keymap::apply_move(self.cursor, self.lines.len(), self.page, m);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 3 {
            return;
        }
        let th = ctx.theme;
        let flagged = self
            .lines
            .iter()
            .filter(|l| l.qualification_overdue)
            .count();
        let cycle = self
            .lines
            .first()
            .map(|l| l.cycle.label())
            .unwrap_or_default();
        let title = ctx.tf(i18n::PR_TITLE, &[&self.lines.len(), &flagged, &cycle]);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(title, th.title()),
                Span::styled(format!("  {}", ctx.t(i18n::PR_KEYS)), th.muted()),
            ])),
            Rect { height: 1, ..area },
        );
        let titles = [
            ctx.t(i18n::COL_NAME),
            ctx.t(i18n::COL_SCHOOL),
            ctx.t(i18n::PR_COL_ROLE),
            ctx.t(i18n::PR_COL_SINCE),
            ctx.t(i18n::PR_COL_HOURS),
            ctx.t(i18n::PR_COL_FLAG),
        ];
        let role_w = Role::ALL
            .iter()
            .map(|r| width(r.label(ctx.zh())))
            .max()
            .unwrap_or(8);
        let cols = Columns::fit(
            area.width as usize,
            &[
                Column::flex(6, 1),
                Column::flex(10, 3),
                Column::fixed(role_w),
                Column::fixed(10),
                Column::fixed(9).right(),
                Column::flex(8, 1),
            ],
        );
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &PrincipalsView = self;
        let table = ListTable::new(me.lines.len(), |i| me.row(i, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(ctx.t(i18n::PR_NONE), th.muted())))
            .style(th.base());
        let table_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        frame.render_stateful_widget(table, table_area, &mut list);
        self.page = list.page.max(1);
    }

    fn row(&self, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let Some(l) = self.lines.get(i) else {
            return Line::default();
        };
        let h = &l.holder;
        let base = if i == self.cursor {
            th.selected()
        } else {
            th.base()
        };
        let hours = format!("{}/{}", fmt_num(l.hours), fmt_num(l.required_hours));
        let hours = if l.hours_short() && i != self.cursor {
            Cell::styled(hours, th.warn())
        } else {
            Cell::text(hours)
        };
        let flag = if l.qualification_overdue {
            Cell::styled(ctx.t(i18n::PR_FLAG_OVERDUE), th.bad())
        } else if l.qualified {
            Cell::text(ctx.t(i18n::PR_FLAG_QUALIFIED))
        } else {
            Cell::text("")
        };
        cols.bar(
            vec![
                Cell::text(h.name.clone()),
                Cell::text(h.school.clone()),
                Cell::text(h.role.label(ctx.zh())),
                Cell::text(h.role_since.map(|d| d.to_string()).unwrap_or_default()),
                hours,
                flag,
            ],
            base,
        )
    }
}
