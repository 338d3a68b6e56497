//! Fast bulk inserts for generated data (the demo district, benchmarks):
//! one prepared statement per table, explicit ids, run inside the caller's
//! transaction. Validation is the caller's job; the schema's CHECKs still apply.

use crate::error::Result;
use rusqlite::{params, Connection, Statement};

pub struct NewSchool<'a> {
    pub id: i64,
    pub name: &'a str,
    pub township: &'a str,
    pub stage: &'a str,
}

pub struct NewTeacher<'a> {
    pub id: i64,
    pub staff_no: &'a str,
    pub name: &'a str,
    pub gender: &'a str,
    pub school_id: i64,
    pub subject: &'a str,
    pub stage: &'a str,
    pub phone: &'a str,
    pub tier: &'a str,
    pub pinyin: &'a str,
    pub initials: &'a str,
}

pub struct NewTrainer<'a> {
    pub id: i64,
    pub teacher_id: Option<i64>,
    pub name: &'a str,
    pub affiliation: &'a str,
    pub status: &'a str,
    /// design, organize, teach, guide, evaluate, research
    pub levels: [u8; 6],
    pub joined_on: &'a str,
}

pub struct NewProject<'a> {
    pub id: i64,
    pub code: &'a str,
    pub title: &'a str,
    pub level: &'a str,
    pub plan: &'a str,
    pub concentrated: bool,
    pub credits: f64,
    pub start_date: &'a str,
    pub end_date: &'a str,
    pub venue: &'a str,
    pub capacity: Option<i64>,
    pub threshold_pct: i64,
    pub completed_at: Option<&'a str>,
}

pub struct NewSession<'a> {
    pub id: i64,
    pub project_id: i64,
    pub date: &'a str,
    pub start_time: &'a str,
    pub end_time: &'a str,
    pub topic: &'a str,
    pub trainer_id: Option<i64>,
    pub venue: &'a str,
    pub closed_at: Option<&'a str>,
    pub closed_by: Option<&'a str>,
}

pub struct NewMark<'a> {
    pub session_id: i64,
    pub teacher_id: i64,
    pub school_id: i64,
    pub session_date: &'a str,
    pub status: &'a str,
    pub minutes_late: i64,
    pub minutes_early: i64,
    pub checked_in_at: Option<&'a str>,
    pub checked_out_at: Option<&'a str>,
    pub reason: &'a str,
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
}

pub struct NewFollowUp<'a> {
    pub project_id: i64,
    pub teacher_id: i64,
    pub kind: &'a str,
    pub due_date: &'a str,
    pub held_date: Option<&'a str>,
    pub title: &'a str,
    pub place: &'a str,
    pub observer_trainer_id: Option<i64>,
    pub rating: Option<&'a str>,
    pub notes: &'a str,
    pub status: &'a str,
}

pub struct NewCredit<'a> {
    pub teacher_id: i64,
    pub project_id: Option<i64>,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: &'a str,
    pub source: &'a str,
    pub note: &'a str,
    pub recorded_by: &'a str,
}

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
            mark: conn.prepare(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, minutes_early,
                                    checked_in_at, checked_out_at, reason, recorded_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            follow_up: conn.prepare(
                "INSERT INTO follow_ups (project_id, teacher_id, kind, due_date, held_date, title, place,
                                         observer_trainer_id, rating, notes, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            feedback: conn.prepare(
                "INSERT INTO feedback (project_id, teacher_id, rating, comment, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
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

/// Number of rows in the tables that hold a district's data (not settings).
pub fn data_rows(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM schools) + (SELECT count(*) FROM teachers)
              + (SELECT count(*) FROM projects) + (SELECT count(*) FROM trainers)",
        [],
        |r| r.get(0),
    )?)
}

/// Tables whose secondary indexes a bulk load drops and rebuilds.
pub const BULK_TABLES: &[&str] = &[
    "teachers",
    "tier_history",
    "enrolments",
    "marks",
    "follow_ups",
    "feedback",
    "credit_entries",
];

/// Drops the named (non-constraint) indexes of `tables` and returns their SQL,
/// so a bulk load does not maintain them row by row. Call inside the load's
/// transaction and `recreate_indexes` before committing: sorting once is much
/// faster than millions of random index inserts.
pub fn drop_indexes(conn: &Connection, tables: &[&str]) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
    )?;
    let mut dropped = Vec::new();
    for table in tables {
        let rows = st
            .query_map([table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        dropped.extend(rows);
    }
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// Builds again the indexes `drop_indexes` dropped.
pub fn recreate_indexes(conn: &Connection, dropped: &[(String, String)]) -> Result<()> {
    for (_, sql) in dropped {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// Drops the triggers on `table` and returns their SQL (see `drop_indexes`).
pub fn drop_triggers(conn: &Connection, table: &str) -> Result<Vec<(String, String)>> {
    let dropped = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name",
        )?
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// Recreates the triggers `drop_triggers` dropped.
pub fn recreate_triggers(conn: &Connection, dropped: &[(String, String)]) -> Result<()> {
    recreate_indexes(conn, dropped)
}

/// Recomputes the per-school monthly mark counts that the `marks` triggers
/// keep (schema v2), after marks were loaded with the triggers dropped.
/// Same statements as the backfill of migrations/002_school_month_counts.sql.
pub fn rebuild_mark_counts(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM school_month_marks;
         DELETE FROM school_month_vetoes;
         INSERT INTO school_month_marks (school_id, month, status, marks)
         SELECT school_id, substr(session_date, 1, 7), status, count(*)
         FROM marks GROUP BY school_id, substr(session_date, 1, 7), status;
         INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
         SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*)
         FROM marks WHERE status IN ('late', 'left_early', 'absent')
         GROUP BY school_id, substr(session_date, 1, 7), teacher_id;",
    )?;
    Ok(())
}
