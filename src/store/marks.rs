//! Attendance marks: one per teacher per session. A mark carries the session's
//! date and the teacher's school (denormalised) so veto and report queries read
//! one index (`marks_teacher_date`, `marks_school_date`).

use super::sessions::{date_col, datetime_col, fmt_datetime};
use crate::domain::attendance::StatusCounts;
use crate::domain::{Mark, Status, DATE_FMT};
use crate::error::Result;
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

pub use super::teacher_marks::*;

const COLUMNS: &str = "m.id, m.session_id, m.teacher_id, m.school_id, m.session_date, m.status, \
     m.minutes_late, m.minutes_early, m.checked_in_at, m.checked_out_at, m.reason, \
     m.recorded_by, m.recorded_at";

pub(crate) fn status_col(r: &Row, i: usize) -> rusqlite::Result<Status> {
    let t: String = r.get(i)?;
    Status::parse(&t).ok_or_else(|| super::sessions::conversion_error(i, &t, "status"))
}

fn from_row(r: &Row) -> rusqlite::Result<Mark> {
    Ok(Mark {
        id: r.get(0)?,
        session_id: r.get(1)?,
        teacher_id: r.get(2)?,
        school_id: r.get(3)?,
        session_date: date_col(r, 4)?,
        status: status_col(r, 5)?,
        minutes_late: r.get(6)?,
        minutes_early: r.get(7)?,
        checked_in_at: datetime_col(r, 8)?,
        checked_out_at: datetime_col(r, 9)?,
        reason: r.get(10)?,
        recorded_by: r.get(11)?,
        recorded_at: datetime_col(r, 12)?.unwrap_or_default(),
    })
}

/// The mark of a teacher at a session, if any.
pub fn get_mark(conn: &Connection, session_id: i64, teacher_id: i64) -> Result<Option<Mark>> {
    let sql =
        format!("SELECT {COLUMNS} FROM marks m WHERE m.session_id = ?1 AND m.teacher_id = ?2");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![session_id, teacher_id], from_row)
        .optional()?)
}

/// One mark by id.
pub fn get_mark_by_id(conn: &Connection, id: i64) -> Result<Option<Mark>> {
    let sql = format!("SELECT {COLUMNS} FROM marks m WHERE m.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// The veto scope a new mark at the session bound to `param` (e.g. `?1`) takes (its project's), given with the INSERT so
/// the `marks_veto_scope_insert` trigger (for writers that leave it out) has nothing to
/// rewrite: that UPDATE would double the cost of every insert.
pub(crate) fn scope_of_session(param: &str) -> String {
    format!(
        "(SELECT p.veto_scope FROM sessions s JOIN projects p ON p.id = s.project_id \
         WHERE s.id = {param})"
    )
}

/// Writes a new mark unless the teacher already has one at that session
/// (INSERT … ON CONFLICT DO NOTHING), with its presence settled (`presence::settle`). `m.id` is ignored unless positive, in
/// which case it is kept (undo restores a deleted mark with its id).
/// Returns the new id, or None when a mark already existed.
pub fn insert_mark_if_absent(conn: &Connection, m: &Mark) -> Result<Option<i64>> {
    let n = conn
        .prepare_cached(&format!(
            "INSERT INTO marks (id, session_id, teacher_id, school_id, session_date, status,
             minutes_late, minutes_early, checked_in_at, checked_out_at, reason, recorded_by,
             recorded_at, in_veto_scope)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, {})
             ON CONFLICT(session_id, teacher_id) DO NOTHING",
            scope_of_session("?2")
        ))?
        .execute(params![
            (m.id > 0).then_some(m.id),
            m.session_id,
            m.teacher_id,
            m.school_id,
            m.session_date.format(DATE_FMT).to_string(),
            m.status.code(),
            m.minutes_late,
            m.minutes_early,
            m.checked_in_at.map(fmt_datetime),
            m.checked_out_at.map(fmt_datetime),
            m.reason,
            m.recorded_by,
            fmt_datetime(m.recorded_at)
        ])?;
    if n == 0 {
        return Ok(None);
    }
    let id = conn.last_insert_rowid();
    super::presence::settle(conn, super::presence::Marks::One(id))?;
    Ok(Some(id))
}

/// Overwrites the changeable fields of mark `m.id` (status, minutes, times,
/// reason, recorder) and settles its presence (`presence::settle`).
pub fn update_mark(conn: &Connection, m: &Mark) -> Result<()> {
    conn.prepare_cached(
        "UPDATE marks SET status = ?2, minutes_late = ?3, minutes_early = ?4,
         checked_in_at = ?5, checked_out_at = ?6, reason = ?7, recorded_by = ?8,
         recorded_at = ?9 WHERE id = ?1",
    )?
    .execute(params![
        m.id,
        m.status.code(),
        m.minutes_late,
        m.minutes_early,
        m.checked_in_at.map(fmt_datetime),
        m.checked_out_at.map(fmt_datetime),
        m.reason,
        m.recorded_by,
        fmt_datetime(m.recorded_at)
    ])?;
    super::presence::settle(conn, super::presence::Marks::One(m.id))?;
    Ok(())
}

/// Deletes one mark.
pub fn delete_mark(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM marks WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// All marks of a session, by id (check-in order).
pub fn marks_of_session(conn: &Connection, session_id: i64) -> Result<Vec<Mark>> {
    let sql = format!("SELECT {COLUMNS} FROM marks m WHERE m.session_id = ?1 ORDER BY m.id");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([session_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Number of marks of a session.
pub fn mark_count(conn: &Connection, session_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM marks WHERE session_id = ?1")?
        .query_row([session_id], |r| r.get(0))?)
}

/// Number of a session's marks that cause a veto (`marks.causes_veto`: in veto scope).
pub fn veto_causing_count(conn: &Connection, session_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM marks WHERE session_id = ?1 AND causes_veto")?
        .query_row([session_id], |r| r.get(0))?)
}

/// Counts by status of one session's marks.
pub fn counts_of_session(conn: &Connection, session_id: i64) -> Result<StatusCounts> {
    let mut st = conn.prepare_cached(
        "SELECT status, count(*) FROM marks WHERE session_id = ?1 GROUP BY status",
    )?;
    let mut counts = StatusCounts::default();
    let rows = st.query_map([session_id], |r| {
        Ok((status_col(r, 0)?, r.get::<_, i64>(1)?))
    })?;
    for row in rows {
        let (s, n) = row?;
        counts.add(s, n);
    }
    Ok(counts)
}

/// Counts by status per session of a project (sessions without marks are absent from the map).
pub fn counts_by_session(conn: &Connection, project_id: i64) -> Result<HashMap<i64, StatusCounts>> {
    let mut st = conn.prepare_cached(
        "SELECT m.session_id, m.status, count(*) FROM sessions s
         JOIN marks m ON m.session_id = s.id
         WHERE s.project_id = ?1 GROUP BY m.session_id, m.status",
    )?;
    let mut out: HashMap<i64, StatusCounts> = HashMap::new();
    let rows = st.query_map([project_id], |r| {
        Ok((r.get::<_, i64>(0)?, status_col(r, 1)?, r.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (sid, s, n) = row?;
        out.entry(sid).or_default().add(s, n);
    }
    Ok(out)
}

/// All marks of a project's sessions: (session id, teacher id) → status, for the
/// attendance matrix.
pub fn statuses_of_project(
    conn: &Connection,
    project_id: i64,
) -> Result<HashMap<(i64, i64), Status>> {
    let mut st = conn.prepare_cached(
        "SELECT m.session_id, m.teacher_id, m.status FROM sessions s
         JOIN marks m ON m.session_id = s.id WHERE s.project_id = ?1",
    )?;
    let rows = st.query_map([project_id], |r| {
        Ok((
            (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?),
            status_col(r, 2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

/// Marks every teacher enrolled in the session's project who has no mark and is in service
/// (`teachers.status` active) as absent; never touches an existing mark, and never marks a
/// teacher who has transferred, retired or left (no veto for someone no longer teaching).
/// Returns the new marks' (id, teacher id).
pub fn mark_unmarked_absent(
    conn: &Connection,
    session_id: i64,
    recorded_by: &str,
    at: NaiveDateTime,
) -> Result<Vec<(i64, i64)>> {
    let mut st = conn.prepare_cached(
        "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status,
         recorded_by, recorded_at, in_veto_scope)
         SELECT s.id, e.teacher_id, e.school_id, s.date, 'absent', ?2, ?3, p.veto_scope
         FROM sessions s JOIN enrolments e ON e.project_id = s.project_id
         JOIN projects p ON p.id = s.project_id
         JOIN teachers t ON t.id = e.teacher_id AND t.status = 'active'
         WHERE s.id = ?1
           AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.session_id = s.id AND m.teacher_id = e.teacher_id)
         ORDER BY e.id
         ON CONFLICT(session_id, teacher_id) DO NOTHING
         RETURNING id, teacher_id",
    )?;
    let rows = st.query_map(params![session_id, recorded_by, fmt_datetime(at)], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Number of enrolled teachers of the session's project without a mark at it who are in
/// service (those closing marks absent).
pub fn unmarked_count(conn: &Connection, session_id: i64) -> Result<i64> {
    Ok(unmarked_counts(conn, session_id)?.0)
}

/// Enrolled teachers of the session's project without a mark at it: (in service, not in
/// service — transferred, retired or left).
pub fn unmarked_counts(conn: &Connection, session_id: i64) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(t.status = 'active'), 0), coalesce(sum(t.status <> 'active'), 0)
             FROM sessions s JOIN enrolments e ON e.project_id = s.project_id
             JOIN teachers t ON t.id = e.teacher_id
             WHERE s.id = ?1 AND NOT EXISTS
               (SELECT 1 FROM marks m WHERE m.session_id = s.id AND m.teacher_id = e.teacher_id)",
        )?
        .query_row([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// A mark as JSON for the audit log.
pub fn mark_json(m: &Mark) -> serde_json::Value {
    serde_json::json!({
        "session_id": m.session_id,
        "teacher_id": m.teacher_id,
        "school_id": m.school_id,
        "session_date": m.session_date.format(DATE_FMT).to_string(),
        "status": m.status.code(),
        "minutes_late": m.minutes_late,
        "minutes_early": m.minutes_early,
        "checked_in_at": m.checked_in_at.map(fmt_datetime),
        "checked_out_at": m.checked_out_at.map(fmt_datetime),
        "reason": m.reason,
        "recorded_by": m.recorded_by,
    })
}
