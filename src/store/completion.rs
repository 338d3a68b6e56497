//! The rows completing a project (§4.3–4.4) reads and writes: marks counted per teacher,
//! follow-ups created for completers, and the project's `completed_at`.

use super::sessions::fmt_datetime;
use crate::domain::attendance::StatusCounts;
use crate::domain::{FollowUpKind, DATE_FMT};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

use crate::error::Result;

/// One teacher's marks in a project's sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeacherMarks {
    /// By status.
    pub counts: StatusCounts,
    /// Of them, marks that count as attended (`marks.attended`: the presence rule,
    /// `domain::attendance::Presence::attended`).
    pub attended: i64,
}

/// Marks of a project's sessions counted by teacher and status, with how many count as
/// attended.
pub fn counts_by_teacher(conn: &Connection, project_id: i64) -> Result<HashMap<i64, TeacherMarks>> {
    let mut st = conn.prepare_cached(
        "SELECT m.teacher_id, m.status, count(*), sum(m.attended) FROM sessions s
         JOIN marks m ON m.session_id = s.id
         WHERE s.project_id = ?1 GROUP BY m.teacher_id, m.status",
    )?;
    let rows = st.query_map([project_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            super::marks::status_col(r, 1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out: HashMap<i64, TeacherMarks> = HashMap::new();
    for row in rows {
        let (teacher, status, n, attended) = row?;
        let t = out.entry(teacher).or_default();
        t.counts.add(status, n);
        t.attended += attended;
    }
    Ok(out)
}

/// Creates a pending follow-up unless the teacher already has one of this kind for the
/// project (unique key). Returns the new row's id, or `None` when it was already there.
pub fn insert_follow_up(
    conn: &Connection,
    project_id: i64,
    teacher_id: i64,
    kind: FollowUpKind,
    due: NaiveDate,
) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO follow_ups (project_id, teacher_id, kind, due_date, status)
             VALUES (?1, ?2, ?3, ?4, 'pending')
             ON CONFLICT (project_id, teacher_id, kind) DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                project_id,
                teacher_id,
                kind.code(),
                due.format(DATE_FMT).to_string()
            ],
            |r| r.get(0),
        )
        .optional()?)
}

/// Marks a project completed at `at` (only when it was not yet). Returns whether it changed.
pub fn set_completed(conn: &Connection, project_id: i64, at: NaiveDateTime) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE projects SET completed_at = ?2 WHERE id = ?1 AND completed_at IS NULL",
        )?
        .execute(params![project_id, fmt_datetime(at)])?;
    Ok(n == 1)
}
