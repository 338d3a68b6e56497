//! The sessions of the selected project: #, date, part of the day, times, topic, trainer,
//! venue, number of marks, closed. Add / edit (session_form.rs), delete (ops refuses when
//! marks exist and the refusal is shown), bulk schedule (schedule.rs).

use crate::domain::attendance::StatusCounts;
use crate::domain::{DayPart, Session, Trainer, TIME_FMT};
use crate::error::Result;
use crate::store::{marks, sessions, trainers};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::width;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use std::collections::HashMap;

#[derive(Default)]
pub struct SessionsView {
    pub rows: Vec<Session>,
    counts: HashMap<i64, StatusCounts>,
    pub trainers: Vec<Trainer>,
    pub cursor: usize,
    page: usize,
}

impl SessionsView {
    pub fn reload(&mut self, ctx: &Ctx, project_id: i64) -> Result<()> {
        let keep = self.selected().map(|s| s.id);
        self.rows = sessions::sessions_of_project(ctx.conn(), project_id)?;
        self.counts = marks::counts_by_session(ctx.conn(), project_id)?;
        self.trainers = trainers::list(ctx.conn())?;
        self.cursor = keep
            .and_then(|id| self.rows.iter().position(|s| s.id == id))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn selected(&self) -> Option<&Session> {
        self.rows.get(self.cursor)
    }

    /// Number of marks of a session.
    pub fn marks_of(&self, id: i64) -> i64 {
        self.counts.get(&id).map(|c| c.total()).unwrap_or(0)
    }

    pub fn moved(&mut self, m: Move) {
        self.cursor = keymap::apply_move(self.cursor, self.rows.len(), self.page.max(1), m);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 2 {
            return;
        }
        let th = ctx.theme;
        let cols = columns(area.width as usize, ctx);
        let headers = [
            i18n::PJ_COL_NO,
            i18n::PJ_COL_DATE,
            i18n::PJ_COL_PART,
            i18n::COL_TIME,
            i18n::PJ_COL_TOPIC,
            i18n::PJ_COL_TRAINER,
            i18n::PJ_COL_VENUE,
            i18n::PJ_COL_MARKS,
            i18n::PJ_COL_CLOSED,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let names: HashMap<i64, &str> = self
            .trainers
            .iter()
            .map(|t| (t.id, t.name.as_str()))
            .collect();
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &SessionsView = self;
        let table = ListTable::new(me.rows.len(), |i| me.row_line(i, &cols, &names, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_SESSIONS),
                th.muted(),
            )))
            .style(th.base());
        frame.render_stateful_widget(table, area, &mut list);
        self.page = list.page;
    }

    /// Session `i`: number, date, part of day, times, topic, trainer, venue, marks, closed.
    fn row_line(
        &self,
        i: usize,
        cols: &Columns,
        names: &HashMap<i64, &str>,
        ctx: &Ctx,
    ) -> Line<'static> {
        let th = ctx.theme;
        let Some(s) = self.rows.get(i) else {
            return Line::default();
        };
        let base = if i == self.cursor {
            th.selected()
        } else {
            th.base()
        };
        let trainer = s.trainer_id.and_then(|id| names.get(&id).copied());
        let closed = if s.is_closed() {
            ctx.t(i18n::PJ_CLOSED)
        } else {
            ""
        };
        let cells = vec![
            Cell::text((i + 1).to_string()),
            Cell::text(s.date.to_string()),
            Cell::text(DayPart::of_start(s.start).label(ctx.zh())),
            Cell::text(format!(
                "{}–{}",
                s.start.format(TIME_FMT),
                s.end.format(TIME_FMT)
            )),
            Cell::text(s.topic.clone()),
            Cell::text(trainer.unwrap_or("")),
            Cell::text(s.venue.clone()),
            Cell::text(self.marks_of(s.id).to_string()),
            Cell::text(closed),
        ];
        cols.bar(cells, base)
    }
}

/// The columns of the sessions list at width `w`.
fn columns(w: usize, ctx: &Ctx) -> Columns {
    let part_w = DayPart::ALL
        .iter()
        .map(|p| width(p.label(ctx.zh())))
        .max()
        .unwrap_or(4);
    Columns::fit(
        w,
        &[
            Column::fixed(3).right(),
            Column::fixed(10),
            Column::fixed(part_w),
            Column::fixed(11),
            Column::flex(8, 2),
            Column::flex(8, 1),
            Column::flex(6, 1),
            Column::fixed(width(ctx.t(i18n::PJ_COL_MARKS)).max(4)).right(),
            Column::fixed(width(ctx.t(i18n::PJ_CLOSED))),
        ],
    )
}
