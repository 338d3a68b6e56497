//! The sessions import keeps a trainer in one place at a time (docs/rules.md §4.7): a row whose
//! trainer already teaches, at an overlapping time that day, a session in the database or on
//! an earlier row of the file is a problem naming the clash.

use super::values::Cells;
use crate::domain::booking::times_overlap;
use crate::domain::TIME_FMT;
use crate::error::Result;
use crate::lang::pick;
use crate::store::sessions::{self, SessionFields};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;
use std::collections::HashMap;

/// A session booked by an earlier row: start, end, line.
type Booked = (NaiveTime, NaiveTime, usize);

/// The trainers' bookings of the rows seen so far.
#[derive(Default)]
pub(crate) struct Bookings {
    rows: HashMap<(i64, NaiveDate), Vec<Booked>>,
}

impl Bookings {
    /// Checks row `f` of project `project_id` (a problem on `trainer` when it clashes) and
    /// books it. The row's own session (same project, date and start) is not a clash.
    pub fn check(
        &mut self,
        conn: &Connection,
        c: &mut Cells,
        project_id: i64,
        f: &SessionFields,
    ) -> Result<bool> {
        let Some(trainer) = f.trainer_id else {
            return Ok(true);
        };
        let (s, e) = (f.start.format(TIME_FMT), f.end.format(TIME_FMT));
        let in_file = self.rows.entry((trainer, f.date)).or_default();
        if let Some((a, b, line)) = in_file
            .iter()
            .find(|(a, b, _)| times_overlap((f.start, f.end), (*a, *b)))
        {
            let (a, b) = (a.format(TIME_FMT), b.format(TIME_FMT));
            c.problem(
                "trainer",
                pick(
                    format!("讲师在第 {line} 行已有 {a}–{b} 的场次，与 {s}–{e} 冲突"),
                    format!("the trainer already teaches {a}–{b} on line {line}, which clashes with {s}–{e}"),
                ),
            );
            return Ok(false);
        }
        in_file.push((f.start, f.end, c.line()));
        let clash = sessions::trainer_sessions_on(conn, trainer, f.date, None)?
            .into_iter()
            .filter(|(o, _)| !(o.project_id == project_id && o.start == f.start))
            .find(|(o, _)| times_overlap((f.start, f.end), (o.start, o.end)));
        let Some((o, code)) = clash else {
            return Ok(true);
        };
        let (a, b) = (o.start.format(TIME_FMT), o.end.format(TIME_FMT));
        let place = if o.venue.is_empty() {
            String::new()
        } else {
            format!(" @ {}", o.venue)
        };
        c.problem(
            "trainer",
            pick(
                format!("讲师在 {} {a}–{b} 已有 {code} 的场次{place}，与 {s}–{e} 冲突", o.date),
                format!(
                    "the trainer already teaches a session of {code} on {} {a}–{b}{place}, which clashes with {s}–{e}",
                    o.date
                ),
            ),
        );
        Ok(false)
    }
}
