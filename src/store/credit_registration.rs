//! Credit registration (学分登记) in `credit_entries`: registered entries (category, hours,
//! certificate no.), the registrar's queue, and the registrar's decisions.

use super::decode::Stored;
use super::sessions::date_col;
use crate::domain::credit_registration::EntryStatus;
use crate::domain::{DATETIME_FMT, DATE_FMT};
use crate::error::Result;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

/// A registered entry, as the registrar's queue shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub id: i64,
    pub teacher_id: i64,
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub category: String,
    pub hours: Option<f64>,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: NaiveDate,
    pub evidence: String,
    pub note: String,
    pub status: EntryStatus,
    pub recorded_by: String,
    pub reviewed_by: String,
    pub return_reason: String,
}

const COLUMNS: &str = "c.id, c.teacher_id, t.staff_no, t.name, coalesce(s.name, ''), c.category, \
    c.hours, c.credits, c.concentrated, c.earned_on, c.evidence, c.note, c.status, \
    c.recorded_by, c.reviewed_by, c.return_reason";

fn from_row(r: &Row) -> rusqlite::Result<Registration> {
    let status = Stored::new("credit_entries", 0).code(r, 12, |c| {
        EntryStatus::ALL.iter().copied().find(|s| s.code() == c)
    })?;
    Ok(Registration {
        id: r.get(0)?,
        teacher_id: r.get(1)?,
        staff_no: r.get(2)?,
        name: r.get(3)?,
        school: r.get(4)?,
        category: r.get(5)?,
        hours: r.get(6)?,
        credits: r.get(7)?,
        concentrated: r.get::<_, i64>(8)? != 0,
        earned_on: date_col(r, 9)?,
        evidence: r.get(10)?,
        note: r.get(11)?,
        status,
        recorded_by: r.get(13)?,
        reviewed_by: r.get(14)?,
        return_reason: r.get(15)?,
    })
}

/// A new registered entry (always 待审核).
#[derive(Debug, Clone, PartialEq)]
pub struct NewRegistration<'a> {
    pub teacher_id: i64,
    pub category: &'a str,
    pub hours: f64,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: NaiveDate,
    pub evidence: &'a str,
    pub note: &'a str,
    pub recorded_by: &'a str,
}

/// Inserts a pending manual entry; returns its id.
pub fn insert(conn: &Connection, e: &NewRegistration) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source, note,
                 recorded_by, category, hours, evidence, status)
             VALUES (?1, ?2, ?3, ?4, 'manual', ?5, ?6, ?7, ?8, ?9, 'pending') RETURNING id",
        )?
        .query_row(
            params![
                e.teacher_id,
                e.credits,
                e.concentrated as i64,
                e.earned_on.format(DATE_FMT).to_string(),
                e.note,
                e.recorded_by,
                e.category,
                e.hours,
                e.evidence,
            ],
            |r| r.get(0),
        )?)
}

/// One entry by id.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Registration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM credit_entries c JOIN teachers t ON t.id = c.teacher_id
         LEFT JOIN schools s ON s.id = t.school_id WHERE c.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Entries in `status`, oldest first (the registrar's queue), at most `limit`.
pub fn with_status(
    conn: &Connection,
    status: EntryStatus,
    limit: usize,
) -> Result<Vec<Registration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM credit_entries c JOIN teachers t ON t.id = c.teacher_id
         LEFT JOIN schools s ON s.id = t.school_id
         WHERE c.status = ?1 ORDER BY c.earned_on, c.id LIMIT ?2"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![status.code(), limit as i64], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Entries in `status`.
pub fn count_with_status(conn: &Connection, status: EntryStatus) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM credit_entries WHERE status = ?1")?
        .query_row([status.code()], |r| r.get(0))?)
}

/// Records the registrar's decision on entry `id`, only while it is pending; false when it
/// was not (nothing changed).
pub fn decide(
    conn: &Connection,
    id: i64,
    status: EntryStatus,
    by: &str,
    at: NaiveDateTime,
    reason: &str,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE credit_entries SET status = ?2, reviewed_by = ?3, reviewed_at = ?4,
                 return_reason = ?5
             WHERE id = ?1 AND status = 'pending'",
        )?
        .execute(params![
            id,
            status.code(),
            by,
            at.format(DATETIME_FMT).to_string(),
            reason
        ])?;
    Ok(n == 1)
}

/// The audit-log JSON of a registered entry.
pub fn json(e: &Registration) -> serde_json::Value {
    serde_json::json!({
        "teacher_id": e.teacher_id,
        "category": e.category,
        "hours": e.hours,
        "credits": e.credits,
        "concentrated": e.concentrated,
        "earned_on": e.earned_on.format(DATE_FMT).to_string(),
        "evidence": e.evidence,
        "note": e.note,
        "status": e.status.code(),
        "reviewed_by": e.reviewed_by,
        "return_reason": e.return_reason,
    })
}
