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
use crate::tui::widgets::list::{first_visible, header_row};
use crate::tui::widgets::text::{layout_columns, pad, pad_left, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
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
        let zh = ctx.zh();
        let w = area.width as usize;
        let part_w = DayPart::ALL
            .iter()
            .map(|p| width(p.label(zh)))
            .max()
            .unwrap_or(4);
        let closed_label = ctx.t(i18n::PJ_CLOSED);
        let cols = [
            (3, 0),
            (10, 0),
            (part_w, 0),
            (11, 0),
            (8, 2),
            (8, 1),
            (6, 1),
            (width(ctx.t(i18n::PJ_COL_MARKS)).max(4), 0),
            (width(closed_label), 0),
        ];
        let widths = layout_columns(w, &cols, 1);
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
        let right = |i: usize| i == 0 || i == 7;
        let cell = |i: usize, text: &str, w: usize| {
            if right(i) {
                pad_left(text, w)
            } else {
                pad(text, w)
            }
        };
        let header: Vec<String> = headers
            .iter()
            .zip(&widths)
            .enumerate()
            .filter(|(_, (_, w))| **w > 0)
            .map(|(i, (h, w))| cell(i, ctx.t(*h), *w))
            .collect();
        let header = Span::styled(header.join(" "), th.accent());
        let rows_area = header_row(frame, area, 0, header);
        self.page = rows_area.height as usize;
        let first = first_visible(self.cursor, self.page);
        let names: HashMap<i64, &str> = self
            .trainers
            .iter()
            .map(|t| (t.id, t.name.as_str()))
            .collect();
        let mut lines = Vec::new();
        if self.rows.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_SESSIONS),
                th.muted(),
            )));
        }
        for (i, s) in self.rows.iter().enumerate().skip(first).take(self.page) {
            let sel = i == self.cursor;
            let base = if sel { th.selected() } else { th.base() };
            let n = self.marks_of(s.id);
            let texts = [
                (i + 1).to_string(),
                s.date.to_string(),
                DayPart::of_start(s.start).label(zh).to_string(),
                format!("{}–{}", s.start.format(TIME_FMT), s.end.format(TIME_FMT)),
                s.topic.clone(),
                s.trainer_id
                    .and_then(|id| names.get(&id).copied())
                    .unwrap_or("")
                    .to_string(),
                s.venue.clone(),
                n.to_string(),
                if s.is_closed() {
                    closed_label.to_string()
                } else {
                    String::new()
                },
            ];
            let cells: Vec<String> = texts
                .iter()
                .zip(&widths)
                .enumerate()
                .filter(|(_, (_, w))| **w > 0)
                .map(|(i, (t, w))| cell(i, t, *w))
                .collect();
            lines.push(Line::from(Span::styled(pad(&cells.join(" "), w), base)));
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), rows_area);
    }
}
