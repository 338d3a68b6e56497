//! Read queries of the TUI's dashboard (figures and session lists) and the teachers'
//! fingerprint that tells the TUI when to rebuild its search index.

use crate::domain::{Settings, DATE_FMT};
use crate::error::Result;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};

/// The dashboard's headline figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub schools: i64,
    pub teachers: i64,
    /// Trainers not retired.
    pub trainers: i64,
    pub projects_running: i64,
    pub projects_upcoming: i64,
    /// Teachers with a veto in the veto year containing today.
    pub vetoes_this_year: i64,
    pub veto_year: i32,
    pub overdue_follow_ups: i64,
}

/// A session on the dashboard: today's, or one whose register was not taken.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionLine {
    pub id: i64,
    pub date: String,
    pub start: String,
    pub end: String,
    pub project_code: String,
    pub project_title: String,
    pub topic: String,
    /// Teachers checked in so far: marks saying the teacher came (`Status::arrived`).
    pub checked_in: i64,
    pub enrolled: i64,
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
}

pub fn figures(conn: &Connection, today: NaiveDate, s: &Settings) -> Result<Figures> {
    let d = today.format(DATE_FMT).to_string();
    let year = crate::domain::veto::veto_year(today, s.veto_year_start_month);
    let (from, to) = crate::domain::veto::veto_year_range(year, s.veto_year_start_month);
    Ok(Figures {
        schools: count(conn, "SELECT count(*) FROM schools", [])?,
        teachers: count(conn, "SELECT count(*) FROM teachers", [])?,
        trainers: count(
            conn,
            "SELECT count(*) FROM trainers WHERE status <> 'retired'",
            [],
        )?,
        projects_running: count(
            conn,
            "SELECT count(*) FROM projects WHERE start_date <= ?1 AND end_date >= ?1",
            [&d],
        )?,
        projects_upcoming: count(
            conn,
            "SELECT count(*) FROM projects WHERE start_date > ?1",
            [&d],
        )?,
        // Teachers with a veto-causing mark in the veto year, read from the per-school monthly
        // summary the triggers keep (school_month_vetoes): a veto year is whole months.
        vetoes_this_year: count(
            conn,
            "SELECT count(DISTINCT teacher_id) FROM school_month_vetoes
             WHERE month BETWEEN ?1 AND ?2",
            params![
                from.format("%Y-%m").to_string(),
                to.format("%Y-%m").to_string()
            ],
        )?,
        veto_year: year,
        // `domain::follow_up::is_overdue` (a contract test ties the two).
        overdue_follow_ups: count(
            conn,
            "SELECT count(*) FROM follow_ups WHERE status = 'pending' AND due_date < ?1",
            [&d],
        )?,
    })
}

const SESSION_COLUMNS: &str = "s.id, s.date, s.start_time, s.end_time, p.code, p.title, s.topic,
    (SELECT count(*) FROM enrolments e WHERE e.project_id = s.project_id)";

fn session_line(r: &rusqlite::Row) -> rusqlite::Result<SessionLine> {
    Ok(SessionLine {
        id: r.get(0)?,
        date: r.get(1)?,
        start: r.get(2)?,
        end: r.get(3)?,
        project_code: r.get(4)?,
        project_title: r.get(5)?,
        topic: r.get(6)?,
        checked_in: 0,
        enrolled: r.get(7)?,
    })
}

/// Fills each line's check-in count from its session's marks (a handful of sessions).
fn with_checked_in(conn: &Connection, mut lines: Vec<SessionLine>) -> Result<Vec<SessionLine>> {
    for line in lines.iter_mut() {
        line.checked_in = super::marks::counts_of_session(conn, line.id)?.arrived();
    }
    Ok(lines)
}

/// Today's sessions in start order.
pub fn sessions_on(conn: &Connection, day: NaiveDate) -> Result<Vec<SessionLine>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.date = ?1 ORDER BY s.start_time, p.code"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([day.format(DATE_FMT).to_string()], session_line)?;
    with_checked_in(conn, rows.collect::<rusqlite::Result<_>>()?)
}

/// Sessions dated after `day` up to `days` days later, in date and time order, at most
/// `limit`; and how many there are in all.
pub fn sessions_after(
    conn: &Connection,
    day: NaiveDate,
    days: u64,
    limit: usize,
) -> Result<(Vec<SessionLine>, i64)> {
    let last = day.checked_add_days(chrono::Days::new(days)).unwrap_or(day);
    let (from, to) = (
        day.format(DATE_FMT).to_string(),
        last.format(DATE_FMT).to_string(),
    );
    let filter = "FROM sessions s JOIN projects p ON p.id = s.project_id
        WHERE s.date > ?1 AND s.date <= ?2";
    let total = count(
        conn,
        &format!("SELECT count(*) {filter}"),
        params![from, to],
    )?;
    let sql =
        format!("SELECT {SESSION_COLUMNS} {filter} ORDER BY s.date, s.start_time, p.code LIMIT ?3");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![from, to, limit as i64], session_line)?;
    let lines = with_checked_in(conn, rows.collect::<rusqlite::Result<_>>()?)?;
    Ok((lines, total))
}

/// Registers not taken (the one rule, `store::sessions::NOT_TAKEN`: not closed, started,
/// no marks at all; docs/rules.md §4.1), newest first, at most `limit`; and how many there are in all.
pub fn registers_not_taken(
    conn: &Connection,
    now: NaiveDateTime,
    limit: usize,
) -> Result<(Vec<SessionLine>, i64)> {
    let d = now.date().format(DATE_FMT).to_string();
    let t = now.format("%H:%M").to_string();
    let filter = format!(
        "FROM sessions s JOIN projects p ON p.id = s.project_id WHERE {}",
        super::sessions::NOT_TAKEN
    );
    let total = count(conn, &format!("SELECT count(*) {filter}"), params![d, t])?;
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {filter} ORDER BY s.date DESC, s.start_time DESC LIMIT ?3"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![d, t, limit as i64], session_line)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// A cheap sign that the teachers changed (count, highest id): when another process adds or
/// removes teachers the TUI rebuilds its search index.
pub fn teachers_fingerprint(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached("SELECT count(*), coalesce(max(id), 0) FROM teachers")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// The newest audit-log id (0 when empty).
pub fn last_audit_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM audit_log")?
        .query_row([], |r| r.get(0))?)
}

/// Whether an audit entry after `after_id` changed what the teacher search shows: an edited
/// teacher or school (a school's name is shown with its teachers), or an import of either.
/// Reads only the entries after `after_id` (a rowid range).
pub fn search_entries_changed_since(conn: &Connection, after_id: i64) -> Result<bool> {
    let n = count(
        conn,
        "SELECT count(*) FROM audit_log WHERE id > ?1
           AND (entity IN ('teacher', 'school')
                OR (entity = 'import' AND action IN ('teachers', 'schools')))",
        [after_id],
    )?;
    Ok(n > 0)
}
