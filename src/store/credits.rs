//! The continuing-education credit ledger (继续教育学分, `credit_entries`): a teacher's
//! entries, cycle totals, and the rows completion and manual entries write.
//! The (earned_on, credits, concentrated) triples of one period are read by
//! `teacher_record::credit_entries_between`, shared with the lookup and the Teachers tab.

use super::sessions::date_col;
use crate::domain::credit_registration::EntryStatus;
use crate::domain::credits::{cycle_of, standing, CreditStanding, Cycle};
use crate::domain::{CreditEntry, Settings, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// A ledger entry as the screens show it: the entry, its project (code and title when it
/// came from a project) and who recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    pub entry: CreditEntry,
    pub project_code: Option<String>,
    pub project_title: Option<String>,
    pub recorded_by: String,
    /// The registration's category ('' for entries older than registration) and status.
    pub category: String,
    pub status: EntryStatus,
}

const COLUMNS: &str = "c.id, c.teacher_id, c.project_id, c.credits, c.concentrated, c.earned_on, \
                       c.source, c.note, c.recorded_by, p.code, p.title, c.category, c.status";

fn from_row(r: &Row) -> rusqlite::Result<LedgerRow> {
    let source: String = r.get(6)?;
    Ok(LedgerRow {
        entry: CreditEntry {
            id: r.get(0)?,
            teacher_id: r.get(1)?,
            project_id: r.get(2)?,
            credits: r.get(3)?,
            concentrated: r.get::<_, i64>(4)? != 0,
            earned_on: date_col(r, 5)?,
            manual: source == "manual",
            note: r.get(7)?,
        },
        recorded_by: r.get(8)?,
        project_code: r.get(9)?,
        project_title: r.get(10)?,
        category: r.get(11)?,
        status: Stored::new("credit_entries", 0).code(r, 12, EntryStatus::parse)?,
    })
}

/// Every ledger entry of a teacher, newest first.
pub fn entries_of_teacher(conn: &Connection, teacher_id: i64) -> Result<Vec<LedgerRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM credit_entries c LEFT JOIN projects p ON p.id = c.project_id
         WHERE c.teacher_id = ?1 ORDER BY c.earned_on DESC, c.id DESC"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([teacher_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One ledger entry by id.
pub fn get_entry(conn: &Connection, id: i64) -> Result<Option<LedgerRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM credit_entries c LEFT JOIN projects p ON p.id = c.project_id
         WHERE c.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// A teacher's totals in the cycle containing `today` (the ledger read once, by index).
pub fn cycle_standing(
    conn: &Connection,
    teacher_id: i64,
    today: NaiveDate,
    s: &Settings,
) -> Result<(Cycle, CreditStanding)> {
    let cycle = cycle_of(today, s);
    let entries = super::teacher_record::credit_entries_between(
        conn,
        teacher_id,
        cycle.start(),
        cycle.end(),
    )?;
    Ok((cycle, standing(entries, &cycle, s)))
}

/// A new ledger entry. `project_id: None` is a manual entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry<'a> {
    pub teacher_id: i64,
    pub project_id: Option<i64>,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: NaiveDate,
    pub note: &'a str,
    pub recorded_by: &'a str,
}

/// Inserts an entry; a project entry already in the ledger for this teacher is left alone
/// (unique index `credit_entries_project`). Returns the new row's id, or `None` when it was
/// already there.
pub fn insert_entry(conn: &Connection, e: &NewEntry) -> Result<Option<i64>> {
    let source = if e.project_id.is_some() {
        "project"
    } else {
        "manual"
    };
    let mut st = conn.prepare_cached(
        "INSERT INTO credit_entries
           (teacher_id, project_id, credits, concentrated, earned_on, source, note, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT DO NOTHING RETURNING id",
    )?;
    Ok(st
        .query_row(
            params![
                e.teacher_id,
                e.project_id,
                e.credits,
                e.concentrated as i64,
                e.earned_on.format(DATE_FMT).to_string(),
                source,
                e.note,
                e.recorded_by,
            ],
            |r| r.get(0),
        )
        .optional()?)
}

/// Deletes one entry.
pub fn delete_entry(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM credit_entries WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Number of project entries granted for a project.
pub fn entries_of_project(conn: &Connection, project_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM credit_entries WHERE project_id = ?1 AND source = 'project'",
        )?
        .query_row([project_id], |r| r.get(0))?)
}

/// The audit-log JSON of an entry.
pub fn entry_json(e: &CreditEntry) -> serde_json::Value {
    serde_json::json!({
        "teacher_id": e.teacher_id,
        "project_id": e.project_id,
        "credits": e.credits,
        "concentrated": e.concentrated,
        "earned_on": e.earned_on.format(DATE_FMT).to_string(),
        "source": if e.manual { "manual" } else { "project" },
        "note": e.note,
    })
}
