//! Fast bulk inserts for generated data (the demo district, benchmarks):
//! one prepared statement per table, explicit ids, run inside the caller's
//! transaction. Validation is the caller's job; the schema's CHECKs still apply.

use crate::error::Result;
use rusqlite::{params, Connection, Statement};

mod counts;
mod load;
mod rows;
mod staged;

pub use counts::*;
pub use load::*;
pub use rows::*;
pub use staged::*;

/// Prepared inserts for every table the demo fills.
pub struct BulkWriter<'c> {
    conn: &'c Connection,
    school: Statement<'c>,
    teacher: Statement<'c>,
    tier: Statement<'c>,
    trainer: Statement<'c>,
    project: Statement<'c>,
    kind: Statement<'c>,
    allotment: Statement<'c>,
    session: Statement<'c>,
    enrolment: Statement<'c>,
    mark: Statement<'c>,
    follow_up: Statement<'c>,
    feedback: Statement<'c>,
    credit: Statement<'c>,
}

impl<'c> BulkWriter<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(BulkWriter {
            conn,
            school: conn.prepare(
                "INSERT INTO schools (id, name, township, stage) VALUES (?1, ?2, ?3, ?4)",
            )?,
            teacher: conn.prepare(
                "INSERT INTO teachers (id, staff_no, name, gender, school_id, subject, stage, phone, tier, pinyin, initials)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            tier: conn.prepare(
                "INSERT INTO tier_history (teacher_id, tier, since, note) VALUES (?1, ?2, ?3, ?4)",
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
            allotment: conn.prepare(
                "INSERT INTO school_allotments (project_id, school_id, places) VALUES (?1, ?2, ?3)",
            )?,
            session: conn.prepare(
                "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, trainer_id, venue, closed_at, closed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            enrolment: conn.prepare(
                "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at, walk_in)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            mark: conn.prepare(&format!(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, minutes_early,
                                    checked_in_at, checked_out_at, reason, recorded_by, recorded_at, in_veto_scope)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, {MARK_SCOPE})",
                MARK_SCOPE = crate::store::marks::scope_of_session("?1")
            ))?,
            follow_up: conn.prepare(
                "INSERT INTO follow_ups (project_id, teacher_id, kind, due_date, held_date, title, place,
                                         observer_trainer_id, rating, notes, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            feedback: conn.prepare(
                "INSERT INTO feedback (project_id, teacher_id, content, comment, submitted_at, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'form')",
            )?,
            credit: conn.prepare(
                "INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source, note, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
        })
    }

    /// The connection the statements run on (for the occasional one-off write).
    pub fn connection(&self) -> &'c Connection {
        self.conn
    }

    /// Id of the row inserted last.
    pub fn last_insert_rowid(&self) -> i64 {
        self.conn.last_insert_rowid()
    }

    pub fn school(&mut self, s: &NewSchool) -> Result<()> {
        self.school
            .execute(params![s.id, s.name, s.township, s.stage])?;
        Ok(())
    }

    pub fn teacher(&mut self, t: &NewTeacher) -> Result<()> {
        self.teacher.execute(params![
            t.id,
            t.staff_no,
            t.name,
            t.gender,
            t.school_id,
            t.subject,
            t.stage,
            t.phone,
            t.tier,
            t.pinyin,
            t.initials
        ])?;
        Ok(())
    }

    pub fn tier_history(
        &mut self,
        teacher_id: i64,
        tier: &str,
        since: &str,
        note: &str,
    ) -> Result<()> {
        self.tier.execute(params![teacher_id, tier, since, note])?;
        Ok(())
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
            .execute(params![project_id, school_id, places])?;
        Ok(())
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
        self.enrolment.execute(params![
            project_id,
            teacher_id,
            school_id,
            enrolled_at,
            false
        ])?;
        Ok(())
    }

    pub fn mark(&mut self, m: &NewMark) -> Result<()> {
        self.mark.execute(params![
            m.session_id,
            m.teacher_id,
            m.school_id,
            m.session_date,
            m.status,
            m.minutes_late,
            m.minutes_early,
            m.checked_in_at,
            m.checked_out_at,
            m.reason,
            m.recorded_by,
            m.recorded_at
        ])?;
        Ok(())
    }

    pub fn follow_up(&mut self, f: &NewFollowUp) -> Result<()> {
        self.follow_up.execute(params![
            f.project_id,
            f.teacher_id,
            f.kind,
            f.due_date,
            f.held_date,
            f.title,
            f.place,
            f.observer_trainer_id,
            f.rating,
            f.notes,
            f.status
        ])?;
        Ok(())
    }

    pub fn feedback(
        &mut self,
        project_id: i64,
        teacher_id: i64,
        rating: i64,
        comment: &str,
        submitted_at: &str,
    ) -> Result<()> {
        self.feedback.execute(params![
            project_id,
            teacher_id,
            rating,
            comment,
            submitted_at
        ])?;
        Ok(())
    }

    pub fn credit(&mut self, c: &NewCredit) -> Result<()> {
        self.credit.execute(params![
            c.teacher_id,
            c.project_id,
            c.credits,
            c.concentrated,
            c.earned_on,
            c.source,
            c.note,
            c.recorded_by
        ])?;
        Ok(())
    }
}
