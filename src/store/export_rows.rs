//! Read-only row queries behind the exports (attendance list, credit
//! standing, completion list, follow-up status list).

use crate::domain::{FollowUpKind, FollowUpStatus, Rating, Status, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

fn day(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

/// One attendance mark.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceRow {
    pub project: String,
    /// 1-based session number within the project (date, start time order).
    pub session: i64,
    pub date: String,
    pub start: String,
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub status: Status,
    pub minutes_late: i64,
    pub minutes_early: i64,
    pub checked_in_at: Option<String>,
    pub checked_out_at: Option<String>,
    pub reason: String,
}

/// Marks dated `from..=to`, of one project or all, by project, session, school, name.
pub fn attendance(
    conn: &Connection,
    project_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<AttendanceRow>> {
    let mut st = conn.prepare_cached(
        "WITH numbered AS (
             SELECT s.id, s.project_id, s.date, s.start_time,
                    row_number() OVER (PARTITION BY s.project_id ORDER BY s.date, s.start_time, s.id) AS n
             FROM sessions s WHERE ?1 IS NULL OR s.project_id = ?1)
         SELECT p.code, n.n, n.date, n.start_time, t.staff_no, t.name, sc.name, m.status,
                m.minutes_late, m.minutes_early, m.checked_in_at, m.checked_out_at, m.reason, m.id
         FROM numbered n
         JOIN projects p ON p.id = n.project_id
         JOIN marks m ON m.session_id = n.id
         JOIN teachers t ON t.id = m.teacher_id
         JOIN schools sc ON sc.id = m.school_id
         WHERE n.date BETWEEN ?2 AND ?3
         ORDER BY p.code, n.n, sc.name, t.name, t.staff_no",
    )?;
    let rows = st.query_map(params![project_id, day(from), day(to)], |r| {
        Ok(AttendanceRow {
            project: r.get(0)?,
            session: r.get(1)?,
            date: r.get(2)?,
            start: r.get(3)?,
            staff_no: r.get(4)?,
            name: r.get(5)?,
            school: r.get(6)?,
            status: Stored::new("marks", 13).code(r, 7, Status::parse)?,
            minutes_late: r.get(8)?,
            minutes_early: r.get(9)?,
            checked_in_at: r.get(10)?,
            checked_out_at: r.get(11)?,
            reason: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A teacher's credits in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditRow {
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub total: f64,
    pub concentrated: f64,
}

/// Every teacher (or the enrolled of one project) with credits earned `from..=to`, by school and name.
pub fn credits(
    conn: &Connection,
    project_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CreditRow>> {
    let mut st = conn.prepare_cached(
        "SELECT t.staff_no, t.name, sc.name,
                coalesce(sum(c.credits), 0),
                coalesce(sum(CASE WHEN c.concentrated THEN c.credits ELSE 0 END), 0)
         FROM teachers t
         JOIN schools sc ON sc.id = t.school_id
         LEFT JOIN credit_entries c ON c.teacher_id = t.id AND c.earned_on BETWEEN ?2 AND ?3
              AND c.status = 'recognised'
         WHERE ?1 IS NULL OR t.id IN (SELECT teacher_id FROM enrolments WHERE project_id = ?1)
         GROUP BY t.id
         ORDER BY sc.name, t.name, t.staff_no",
    )?;
    let rows = st.query_map(params![project_id, day(from), day(to)], |r| {
        Ok(CreditRow {
            staff_no: r.get(0)?,
            name: r.get(1)?,
            school: r.get(2)?,
            total: r.get(3)?,
            concentrated: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One enrolled teacher's attendance in a project.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletionRow {
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub attended: i64,
    pub excused: i64,
    pub absent: i64,
    /// Credits granted for the project (None until completion is computed).
    pub credits: Option<f64>,
}

/// The enrolled teachers of a project with their attendance, by school and name.
pub fn completion(conn: &Connection, project_id: i64) -> Result<Vec<CompletionRow>> {
    let mut st = conn.prepare_cached(
        "SELECT t.staff_no, t.name, sc.name,
                (SELECT count(*) FROM marks m JOIN sessions s ON s.id = m.session_id
                  WHERE s.project_id = e.project_id AND m.teacher_id = e.teacher_id
                    AND m.attended),
                (SELECT count(*) FROM marks m JOIN sessions s ON s.id = m.session_id
                  WHERE s.project_id = e.project_id AND m.teacher_id = e.teacher_id
                    AND m.status = 'excused'),
                (SELECT count(*) FROM marks m JOIN sessions s ON s.id = m.session_id
                  WHERE s.project_id = e.project_id AND m.teacher_id = e.teacher_id
                    AND m.status = 'absent'),
                (SELECT sum(c.credits) FROM credit_entries c
                  WHERE c.teacher_id = e.teacher_id AND c.project_id = e.project_id
                    AND c.source = 'project')
         FROM enrolments e
         JOIN teachers t ON t.id = e.teacher_id
         JOIN schools sc ON sc.id = e.school_id
         WHERE e.project_id = ?1
         ORDER BY sc.name, t.name, t.staff_no",
    )?;
    let rows = st.query_map([project_id], |r| {
        Ok(CompletionRow {
            staff_no: r.get(0)?,
            name: r.get(1)?,
            school: r.get(2)?,
            attended: r.get(3)?,
            excused: r.get(4)?,
            absent: r.get(5)?,
            credits: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One follow-up task.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRow {
    pub project: String,
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub kind: FollowUpKind,
    pub due_date: NaiveDate,
    pub held_date: Option<String>,
    pub status: FollowUpStatus,
    pub rating: Option<Rating>,
    pub title: String,
}

/// Follow-ups due `from..=to`, of one project or all, by due date, school, name.
pub fn follow_ups(
    conn: &Connection,
    project_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<FollowUpRow>> {
    let mut st = conn.prepare_cached(
        "SELECT p.code, t.staff_no, t.name, sc.name, f.kind, f.due_date, f.held_date, f.status,
                f.rating, f.title, f.id
         FROM follow_ups f
         JOIN projects p ON p.id = f.project_id
         JOIN teachers t ON t.id = f.teacher_id
         JOIN schools sc ON sc.id = t.school_id
         WHERE (?1 IS NULL OR f.project_id = ?1) AND f.due_date BETWEEN ?2 AND ?3
         ORDER BY f.due_date, sc.name, t.name, t.staff_no, f.kind",
    )?;
    let rows = st.query_map(params![project_id, day(from), day(to)], |r| {
        let row = Stored::new("follow_ups", 10);
        Ok(FollowUpRow {
            project: r.get(0)?,
            staff_no: r.get(1)?,
            name: r.get(2)?,
            school: r.get(3)?,
            kind: row.code(r, 4, FollowUpKind::parse)?,
            due_date: row.code(r, 5, crate::domain::parse_date)?,
            held_date: r.get(6)?,
            status: row.code(r, 7, FollowUpStatus::parse)?,
            rating: row.optional(r, 8, Rating::parse)?,
            title: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
