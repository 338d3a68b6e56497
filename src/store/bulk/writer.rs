//! The generator's half of a bulk load (see pipe.rs for the inserter's).

use super::batch::{Rows, ROWS};
use super::pipe::{Chunk, Inserter, Table};
use super::rows::*;
use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::Connection;
use std::sync::mpsc::{sync_channel, SyncSender};

fn last_id(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(id), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

/// The generator's half of a load (pipe.rs): it collects the rows of every table the demo
/// fills and sends them, many to a chunk, to the connection's `Inserter`; it can move to
/// another thread. The few rows of schools, trainers, projects and sessions go at once (the
/// rows sent after them refer to them); `flush` sends what the buffers still hold, and
/// `close` ends the load (the inserter then returns). Rows of one table keep their order.
pub struct BulkWriter {
    rows: Vec<Rows>,
    sink: Option<SyncSender<Chunk>>,
    /// The id the next mark gets: SQLite gives a row without one the highest id plus one,
    /// and the marks keep their order (cheaper than binding ids, which SQLite must look up
    /// first). `verify` checks it.
    next_mark_id: i64,
    /// Likewise for tier steps (their 文号 come from their ids).
    next_tier_step_id: i64,
}

/// Full chunks waiting for the inserter, at most.
const CHUNKS_IN_FLIGHT: usize = 64;

impl BulkWriter {
    /// The writer and the inserter of a load into `conn`.
    pub fn new(conn: &Connection) -> Result<(BulkWriter, Inserter<'_>)> {
        let (sink, chunks) = sync_channel(CHUNKS_IN_FLIGHT);
        let writer = BulkWriter {
            rows: Table::ALL.iter().map(|t| Rows::new(t.params())).collect(),
            sink: Some(sink),
            next_mark_id: last_id(conn, "marks")? + 1,
            next_tier_step_id: last_id(conn, "tier_history")? + 1,
        };
        Ok((writer, Inserter::new(conn, chunks)?))
    }

    fn row(&mut self, t: Table) -> &mut Rows {
        &mut self.rows[t as usize]
    }

    /// Sends the rows held for `t`.
    fn send(&mut self, t: Table) -> Result<()> {
        let rows = &mut self.rows[t as usize];
        if rows.cells.is_empty() {
            return Ok(());
        }
        let (cells, text) = rows.take();
        let sent = self.sink.as_ref().map(|sink| {
            sink.send(Chunk {
                table: t,
                cells,
                text,
            })
        });
        match sent {
            Some(Ok(())) => Ok(()),
            _ => Err(Error::invalid(pick(
                "演示数据的写入已停止，生成随之中止",
                "the demo's inserts stopped; generation stopped with them",
            ))),
        }
    }

    /// Ends a row of a batched table; sends the table's rows when a chunk is full.
    fn end_row(&mut self, t: Table) -> Result<()> {
        if self.rows[t as usize].rows() >= ROWS {
            self.send(t)?;
        }
        Ok(())
    }

    /// Sends every row still held (parents first).
    pub fn flush(&mut self) -> Result<()> {
        for t in Table::ALL {
            self.send(t)?;
        }
        Ok(())
    }

    /// Sends what is left and ends the load: the inserter returns once it has inserted it.
    pub fn close(&mut self) -> Result<()> {
        self.flush()?;
        self.sink = None;
        Ok(())
    }

    /// After the inserter returned: the marks got the ids `mark` gave them.
    pub fn verify(&self, conn: &Connection) -> Result<()> {
        if last_id(conn, "marks")? != self.next_mark_id - 1
            || last_id(conn, "tier_history")? != self.next_tier_step_id - 1
        {
            return Err(Error::invalid(pick(
                "演示数据的记录编号与预期不符（另有写入？），已放弃本次生成",
                "the demo's rows did not get the ids expected (another write?); nothing was generated",
            )));
        }
        Ok(())
    }

    pub fn school(&mut self, s: &NewSchool) -> Result<()> {
        self.row(Table::School)
            .int(s.id)
            .text(s.name)
            .text(s.township)
            .text(s.stage);
        self.send(Table::School)
    }

    pub fn teacher(&mut self, t: &NewTeacher) -> Result<()> {
        self.row(Table::Teacher)
            .int(t.id)
            .text(t.staff_no)
            .text(t.name)
            .text(t.gender)
            .int(t.school_id)
            .text(t.subject)
            .text(t.stage)
            .text(t.phone)
            .text(t.tier)
            .text(t.pinyin)
            .text(t.initials)
            .opt_text(t.tier_level);
        self.end_row(Table::Teacher)
    }

    /// The id the next tier step gets.
    pub fn next_tier_step_id(&self) -> i64 {
        self.next_tier_step_id
    }

    pub fn tier_history(
        &mut self,
        teacher_id: i64,
        tier: &str,
        since: &str,
        note: &str,
        level: Option<&str>,
        doc_no: &str,
    ) -> Result<()> {
        self.next_tier_step_id += 1;
        self.row(Table::Tier)
            .int(teacher_id)
            .text(tier)
            .text(since)
            .text(note)
            .opt_text(level)
            .text(doc_no);
        self.end_row(Table::Tier)
    }

    pub fn trainer(&mut self, t: &NewTrainer) -> Result<()> {
        let row = self.row(Table::Trainer);
        row.int(t.id)
            .opt_int(t.teacher_id)
            .text(t.name)
            .text(t.affiliation)
            .text(t.status);
        for level in t.levels {
            row.int(i64::from(level));
        }
        row.text(t.joined_on);
        self.send(Table::Trainer)
    }

    pub fn project(&mut self, p: &NewProject) -> Result<()> {
        self.row(Table::Project)
            .int(p.id)
            .text(p.code)
            .text(p.title)
            .text(p.level)
            .text(p.plan)
            .int(i64::from(p.concentrated))
            .real(p.credits)
            .text(p.start_date)
            .text(p.end_date)
            .text(p.venue)
            .opt_int(p.capacity)
            .int(p.threshold_pct)
            .opt_text(p.completed_at);
        self.send(Table::Project)
    }

    pub fn follow_up_kind(&mut self, project_id: i64, kind: &str, due_days: i64) -> Result<()> {
        self.row(Table::Kind)
            .int(project_id)
            .text(kind)
            .int(due_days);
        self.send(Table::Kind)
    }

    pub fn allotment(&mut self, project_id: i64, school_id: i64, places: i64) -> Result<()> {
        self.row(Table::Allotment)
            .int(project_id)
            .int(school_id)
            .int(places);
        self.end_row(Table::Allotment)
    }

    pub fn session(&mut self, s: &NewSession) -> Result<()> {
        self.row(Table::Session)
            .int(s.id)
            .int(s.project_id)
            .text(s.date)
            .text(s.start_time)
            .text(s.end_time)
            .text(s.topic)
            .opt_int(s.trainer_id)
            .text(s.venue)
            .opt_text(s.closed_at)
            .opt_text(s.closed_by);
        self.send(Table::Session)
    }

    pub fn enrolment(
        &mut self,
        project_id: i64,
        teacher_id: i64,
        school_id: i64,
        enrolled_at: &str,
    ) -> Result<()> {
        self.row(Table::Enrolment)
            .int(project_id)
            .int(teacher_id)
            .int(school_id)
            .text(enrolled_at);
        self.end_row(Table::Enrolment)
    }

    /// Adds a mark; returns the id it gets.
    pub fn mark(&mut self, m: &NewMark) -> Result<i64> {
        let id = self.next_mark_id;
        self.next_mark_id += 1;
        self.row(Table::Mark)
            .int(m.session_id)
            .int(m.teacher_id)
            .int(m.school_id)
            .text(m.session_date)
            .text(m.status)
            .int(m.minutes_late)
            .int(m.minutes_early)
            .opt_text(m.checked_in_at)
            .opt_text(m.checked_out_at)
            .text(m.reason)
            .text(m.recorded_by)
            .text(m.recorded_at)
            .int(i64::from(m.presence_short))
            .int(i64::from(m.in_veto_scope));
        self.end_row(Table::Mark)?;
        Ok(id)
    }

    pub fn follow_up(&mut self, f: &NewFollowUp) -> Result<()> {
        self.row(Table::FollowUp)
            .int(f.project_id)
            .int(f.teacher_id)
            .text(f.kind)
            .text(f.due_date)
            .opt_text(f.held_date)
            .text(f.title)
            .text(f.place)
            .opt_int(f.observer_trainer_id)
            .opt_text(f.rating)
            .text(f.notes)
            .text(f.status);
        self.end_row(Table::FollowUp)
    }

    pub fn feedback(
        &mut self,
        project_id: i64,
        teacher_id: i64,
        rating: i64,
        comment: &str,
        submitted_at: &str,
    ) -> Result<()> {
        self.row(Table::Feedback)
            .int(project_id)
            .int(teacher_id)
            .int(rating)
            .text(comment)
            .text(submitted_at);
        self.end_row(Table::Feedback)
    }

    pub fn credit(&mut self, c: &NewCredit) -> Result<()> {
        self.row(Table::Credit)
            .int(c.teacher_id)
            .opt_int(c.project_id)
            .real(c.credits)
            .int(i64::from(c.concentrated))
            .text(c.earned_on)
            .text(c.source)
            .text(c.note)
            .text(c.recorded_by);
        self.end_row(Table::Credit)
    }
}
