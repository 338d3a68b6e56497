//! Fast bulk inserts for generated data (the demo district, benchmarks):
//! explicit ids, rows written many to a statement (`batch.rs`), inside the caller's
//! transaction. Validation is the caller's job; the schema's CHECKs still apply.

use crate::error::Result;
use rusqlite::{params, Connection, Statement};

mod batch;
mod counts;
mod fast_hash;
mod load;
mod plain;
mod raw;
mod report_tally;
mod rows;
mod staged;
mod tally;

pub use batch::Batch;
pub use counts::*;
pub use load::*;
pub use plain::{strip_virtual_columns, Stripped};
pub use report_tally::ReportTally;
pub use rows::*;
pub use staged::*;
pub use tally::MarkTally;

fn last_mark_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM marks", [], |r| r.get(0))?)
}

/// Inserts for every table the demo fills: the few rows of schools, trainers, projects
/// and sessions one statement each (later rows refer to them at once), the many rows of
/// the other tables in batches. Rows of one table keep their order (and so their rowids);
/// `finish` writes what the batches still hold, and must run before the tables are read.
pub struct BulkWriter<'c> {
    conn: &'c Connection,
    school: Statement<'c>,
    trainer: Statement<'c>,
    project: Statement<'c>,
    kind: Statement<'c>,
    session: Statement<'c>,
    teacher: Batch<'c>,
    tier: Batch<'c>,
    allotment: Batch<'c>,
    enrolment: Batch<'c>,
    mark: Batch<'c>,
    follow_up: Batch<'c>,
    feedback: Batch<'c>,
    credit: Batch<'c>,
    /// The id the next mark gets: SQLite gives a row without one the highest id plus one,
    /// and the marks' batch keeps their order (cheaper than binding ids, which SQLite must
    /// look up first). `flush` verifies it.
    next_mark_id: i64,
}

impl<'c> BulkWriter<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(BulkWriter {
            conn,
            school: conn.prepare(
                "INSERT INTO schools (id, name, township, stage) VALUES (?1, ?2, ?3, ?4)",
            )?,
            trainer: conn.prepare(
                "INSERT INTO trainers (id, teacher_id, name, affiliation, status, design, organize, teach, guide, evaluate, research, joined_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            project: conn.prepare(
                "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date, venue, capacity, threshold_pct, completed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            kind: conn.prepare(
                "INSERT INTO project_follow_up_kinds (project_id, kind, due_days) VALUES (?1, ?2, ?3)",
            )?,
            session: conn.prepare(
                "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, trainer_id, venue, closed_at, closed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            teacher: Batch::new(
                conn,
                "teachers",
                "id, staff_no, name, gender, school_id, subject, stage, phone, tier, pinyin, initials, tier_level",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )?,
            tier: Batch::new(
                conn,
                "tier_history",
                "teacher_id, tier, since, note, level, doc_no",
                "(?, ?, ?, ?, ?, ?)",
            )?,
            allotment: Batch::new(
                conn,
                "school_allotments",
                "project_id, school_id, places",
                "(?, ?, ?)",
            )?,
            enrolment: Batch::new(
                conn,
                "enrolments",
                "project_id, teacher_id, school_id, enrolled_at, walk_in",
                "(?, ?, ?, ?, 0)",
            )?,
            mark: Batch::new(
                conn,
                "marks",
                "session_id, teacher_id, school_id, session_date, status, minutes_late, minutes_early,
                 checked_in_at, checked_out_at, reason, recorded_by, recorded_at, presence_short, in_veto_scope",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )?,
            follow_up: Batch::new(
                conn,
                "follow_ups",
                "project_id, teacher_id, kind, due_date, held_date, title, place,
                 observer_trainer_id, rating, notes, status",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )?,
            feedback: Batch::new(
                conn,
                "feedback",
                "project_id, teacher_id, content, comment, submitted_at, source",
                "(?, ?, ?, ?, ?, 'form')",
            )?,
            credit: Batch::new(
                conn,
                "credit_entries",
                "teacher_id, project_id, credits, concentrated, earned_on, source, note, recorded_by",
                "(?, ?, ?, ?, ?, ?, ?, ?)",
            )?,
            next_mark_id: last_mark_id(conn)? + 1,
        })
    }

    /// The connection the statements run on (for the occasional one-off write). Rows still
    /// in a batch are not in the tables yet: `flush` first when reading them.
    pub fn connection(&self) -> &'c Connection {
        self.conn
    }

    /// Writes every row still held in a batch (parents first).
    pub fn flush(&mut self) -> Result<()> {
        for batch in [
            &mut self.teacher,
            &mut self.tier,
            &mut self.allotment,
            &mut self.enrolment,
            &mut self.mark,
            &mut self.follow_up,
            &mut self.feedback,
            &mut self.credit,
        ] {
            batch.flush()?;
        }
        if last_mark_id(self.conn)? != self.next_mark_id - 1 {
            return Err(crate::error::Error::invalid(crate::lang::pick(
                "演示数据的考勤记录编号与预期不符（另有写入？），已放弃本次生成",
                "the demo's marks did not get the ids expected (another write?); nothing was generated",
            )));
        }
        Ok(())
    }

    /// Writes what is left and ends the writer.
    pub fn finish(mut self) -> Result<()> {
        self.flush()
    }

    pub fn school(&mut self, s: &NewSchool) -> Result<()> {
        self.school
            .execute(params![s.id, s.name, s.township, s.stage])?;
        Ok(())
    }

    pub fn teacher(&mut self, t: &NewTeacher) -> Result<()> {
        self.teacher
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
            .opt_text(t.tier_level)
            .end_row()
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
        self.tier
            .int(teacher_id)
            .text(tier)
            .text(since)
            .text(note)
            .opt_text(level)
            .text(doc_no)
            .end_row()
    }

    pub fn trainer(&mut self, t: &NewTrainer) -> Result<()> {
        let l = t.levels;
        self.trainer.execute(params![
            t.id,
            t.teacher_id,
            t.name,
            t.affiliation,
            t.status,
            l[0],
            l[1],
            l[2],
            l[3],
            l[4],
            l[5],
            t.joined_on
        ])?;
        Ok(())
    }

    pub fn project(&mut self, p: &NewProject) -> Result<()> {
        self.project.execute(params![
            p.id,
            p.code,
            p.title,
            p.level,
            p.plan,
            p.concentrated,
            p.credits,
            p.start_date,
            p.end_date,
            p.venue,
            p.capacity,
            p.threshold_pct,
            p.completed_at
        ])?;
        Ok(())
    }

    pub fn follow_up_kind(&mut self, project_id: i64, kind: &str, due_days: i64) -> Result<()> {
        self.kind.execute(params![project_id, kind, due_days])?;
        Ok(())
    }

    pub fn allotment(&mut self, project_id: i64, school_id: i64, places: i64) -> Result<()> {
        self.allotment
            .int(project_id)
            .int(school_id)
            .int(places)
            .end_row()
    }

    pub fn session(&mut self, s: &NewSession) -> Result<()> {
        self.session.execute(params![
            s.id,
            s.project_id,
            s.date,
            s.start_time,
            s.end_time,
            s.topic,
            s.trainer_id,
            s.venue,
            s.closed_at,
            s.closed_by
        ])?;
        Ok(())
    }

    pub fn enrolment(
        &mut self,
        project_id: i64,
        teacher_id: i64,
        school_id: i64,
        enrolled_at: &str,
    ) -> Result<()> {
        self.enrolment
            .int(project_id)
            .int(teacher_id)
            .int(school_id)
            .text(enrolled_at)
            .end_row()
    }

    /// Adds a mark; returns the id it gets.
    pub fn mark(&mut self, m: &NewMark) -> Result<i64> {
        let id = self.next_mark_id;
        self.next_mark_id += 1;
        self.mark
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
            .int(i64::from(m.in_veto_scope))
            .end_row()?;
        Ok(id)
    }

    pub fn follow_up(&mut self, f: &NewFollowUp) -> Result<()> {
        self.follow_up
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
            .text(f.status)
            .end_row()
    }

    pub fn feedback(
        &mut self,
        project_id: i64,
        teacher_id: i64,
        rating: i64,
        comment: &str,
        submitted_at: &str,
    ) -> Result<()> {
        self.feedback
            .int(project_id)
            .int(teacher_id)
            .int(rating)
            .text(comment)
            .text(submitted_at)
            .end_row()
    }

    pub fn credit(&mut self, c: &NewCredit) -> Result<()> {
        self.credit
            .int(c.teacher_id)
            .opt_int(c.project_id)
            .real(c.credits)
            .int(i64::from(c.concentrated))
            .text(c.earned_on)
            .text(c.source)
            .text(c.note)
            .text(c.recorded_by)
            .end_row()
    }
}
