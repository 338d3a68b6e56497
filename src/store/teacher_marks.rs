//! A teacher's marks with their sessions' projects: histories, the desk's strip of recent
//! marks, and veto evidence (which needs the project's veto scope).

use super::marks::status_col;
use super::sessions::date_col;
use crate::domain::{Status, DATE_FMT};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

/// A mark of a teacher with its session's project, for histories and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherMark {
    pub mark_id: i64,
    pub session_id: i64,
    pub date: NaiveDate,
    pub project_code: String,
    pub project_title: String,
    pub status: Status,
    pub minutes_late: i64,
    pub minutes_early: i64,
    /// The project's veto scope (copied onto the mark, `marks.in_veto_scope`).
    pub in_veto_scope: bool,
    /// The project is concentrated training (names the veto scope in evidence).
    pub concentrated: bool,
}

impl TeacherMark {
    /// Does this mark cause a one-vote veto (§4.2: a veto status in a project in veto scope)?
    pub fn causes_veto(&self) -> bool {
        crate::domain::veto::causes_veto(self.status, self.in_veto_scope)
    }

    /// Why the mark's project counts for the veto (evidence names it).
    pub fn scope(&self) -> crate::domain::veto::ScopeBasis {
        crate::domain::veto::ScopeBasis::of(self.concentrated)
    }

    /// The mark as the veto rules read it.
    pub fn veto_mark(&self) -> crate::domain::veto::VetoMark<'_> {
        crate::domain::veto::VetoMark {
            date: self.date,
            project: &self.project_code,
            status: self.status,
            in_scope: self.in_veto_scope,
            concentrated: self.concentrated,
        }
    }
}

/// The columns `teacher_mark_from_row` reads (marks m, projects p), in its order.
pub(crate) const TEACHER_MARK_COLUMNS: &str =
    "m.id, m.session_id, m.session_date, p.code, p.title, \
     m.status, m.minutes_late, m.minutes_early, coalesce(m.in_veto_scope, 0), p.concentrated";

/// A teacher's marks dated `from..=to`, oldest first (index `marks_teacher_date`).
pub fn teacher_marks_between(
    conn: &Connection,
    teacher_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TeacherMark>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {TEACHER_MARK_COLUMNS}
         FROM marks m JOIN sessions s ON s.id = m.session_id JOIN projects p ON p.id = s.project_id
         WHERE m.teacher_id = ?1 AND m.session_date BETWEEN ?2 AND ?3
         ORDER BY m.session_date, s.start_time, m.id"
    ))?;
    let rows = st.query_map(
        params![
            teacher_id,
            from.format(DATE_FMT).to_string(),
            to.format(DATE_FMT).to_string()
        ],
        teacher_mark_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A teacher's latest `limit` marks, newest first (the desk's strip of recent marks).
pub fn recent_marks_of_teacher(
    conn: &Connection,
    teacher_id: i64,
    limit: usize,
) -> Result<Vec<TeacherMark>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {TEACHER_MARK_COLUMNS}
         FROM marks m JOIN sessions s ON s.id = m.session_id JOIN projects p ON p.id = s.project_id
         WHERE m.teacher_id = ?1
         ORDER BY m.session_date DESC, s.start_time DESC, m.id DESC LIMIT ?2"
    ))?;
    let rows = st.query_map(params![teacher_id, limit as i64], teacher_mark_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn teacher_mark_from_row(r: &Row) -> rusqlite::Result<TeacherMark> {
    Ok(TeacherMark {
        mark_id: r.get(0)?,
        session_id: r.get(1)?,
        date: date_col(r, 2)?,
        project_code: r.get(3)?,
        project_title: r.get(4)?,
        status: status_col(r, 5)?,
        minutes_late: r.get(6)?,
        minutes_early: r.get(7)?,
        in_veto_scope: r.get::<_, i64>(8)? != 0,
        concentrated: r.get::<_, i64>(9)? != 0,
    })
}
