//! Sessions (培训场次) of a project. "Session N" is 1-based in project order:
//! date, then start time (then id, so equal times keep a stable order).

use crate::domain::{Session, DATETIME_FMT, DATE_FMT, TIME_FMT};
use crate::error::Result;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

/// The editable fields of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFields {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub topic: String,
    pub trainer_id: Option<i64>,
    pub venue: String,
}

/// A session with its project's code and title (today's sessions, registers not taken).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionListing {
    pub session: Session,
    pub project_code: String,
    pub project_title: String,
}

/// How many columns `COLUMNS` reads (a query may add its own after them).
const COLUMN_COUNT: usize = 9;
const COLUMNS: &str = "s.id, s.project_id, s.date, s.start_time, s.end_time, s.topic, \
                       s.trainer_id, s.venue, s.closed_at";

pub(crate) fn conversion_error(col: usize, text: &str, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("'{text}' is not a valid {what}").into(),
    )
}

/// Reads a 'YYYY-MM-DD' column.
pub(crate) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let t: String = r.get(i)?;
    crate::domain::parse_date(&t).ok_or_else(|| conversion_error(i, &t, "date"))
}

/// Reads an 'HH:MM' column.
pub(crate) fn time_col(r: &Row, i: usize) -> rusqlite::Result<NaiveTime> {
    let t: String = r.get(i)?;
    crate::domain::parse_time(&t).ok_or_else(|| conversion_error(i, &t, "time"))
}

/// Reads a nullable timestamp column.
pub(crate) fn datetime_col(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
    let t: Option<String> = r.get(i)?;
    match t {
        None => Ok(None),
        Some(t) => crate::domain::parse_datetime(&t)
            .map(Some)
            .ok_or_else(|| conversion_error(i, &t, "timestamp")),
    }
}

pub(crate) fn fmt_datetime(t: NaiveDateTime) -> String {
    t.format(DATETIME_FMT).to_string()
}

fn from_row(r: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        project_id: r.get(1)?,
        date: date_col(r, 2)?,
        start: time_col(r, 3)?,
        end: time_col(r, 4)?,
        topic: r.get(5)?,
        trainer_id: r.get(6)?,
        venue: r.get(7)?,
        closed_at: datetime_col(r, 8)?,
    })
}

/// One session by id.
pub fn get_session(conn: &Connection, id: i64) -> Result<Option<Session>> {
    let sql = format!("SELECT {COLUMNS} FROM sessions s WHERE s.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// The sessions of a project in project order (session 1 first).
pub fn sessions_of_project(conn: &Connection, project_id: i64) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM sessions s WHERE s.project_id = ?1
         ORDER BY s.date, s.start_time, s.id"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([project_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Trainer `trainer_id`'s sessions on `date` other than `except` (any project), with their
/// project's code, by start time.
pub fn trainer_sessions_on(
    conn: &Connection,
    trainer_id: i64,
    date: NaiveDate,
    except: Option<i64>,
) -> Result<Vec<(Session, String)>> {
    let sql = format!(
        "SELECT {COLUMNS}, p.code FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.trainer_id = ?1 AND s.date = ?2 AND s.id IS NOT ?3
         ORDER BY s.start_time, s.id"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(
        rusqlite::params![trainer_id, date.format(DATE_FMT).to_string(), except],
        |r| Ok((from_row(r)?, r.get::<_, String>(COLUMN_COUNT)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The first and last dates of a project's sessions (None without sessions).
pub fn date_span(conn: &Connection, project_id: i64) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let span: (Option<String>, Option<String>) = conn
        .prepare_cached("SELECT min(date), max(date) FROM sessions WHERE project_id = ?1")?
        .query_row([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(match span {
        (Some(a), Some(b)) => crate::domain::parse_date(&a).zip(crate::domain::parse_date(&b)),
        _ => None,
    })
}

/// Session `number` (1-based, project order) of a project.
pub fn session_number_of(
    conn: &Connection,
    project_id: i64,
    number: usize,
) -> Result<Option<Session>> {
    if number == 0 {
        return Ok(None);
    }
    Ok(sessions_of_project(conn, project_id)?
        .into_iter()
        .nth(number - 1))
}

/// The 1-based number of a session within its project.
pub fn number_of_session(conn: &Connection, session: &Session) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM sessions WHERE project_id = ?1
             AND (date, start_time, id) <= (?2, ?3, ?4)",
        )?
        .query_row(
            params![
                session.project_id,
                session.date.format(DATE_FMT).to_string(),
                session.start.format(TIME_FMT).to_string(),
                session.id
            ],
            |r| r.get(0),
        )?;
    Ok(n.max(0) as usize)
}

/// A project's session running at `now` (started, not yet ended), else its
/// next session later that same day.
pub fn current_session_of_project(
    conn: &Connection,
    project_id: i64,
    now: NaiveDateTime,
) -> Result<Option<Session>> {
    let today = now.date();
    let time = now.time();
    Ok(sessions_of_project(conn, project_id)?
        .into_iter()
        .filter(|s| s.date == today && s.end > time)
        .min_by_key(|s| (s.start > time, s.start)))
}

/// All sessions on one date, by start time, with their project.
pub fn sessions_on(conn: &Connection, date: NaiveDate) -> Result<Vec<SessionListing>> {
    let sql = format!(
        "SELECT {COLUMNS}, p.code, p.title FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.date = ?1 ORDER BY s.start_time, p.code, s.id"
    );
    listings(conn, &sql, params![date.format(DATE_FMT).to_string()])
}

/// The rule of "register not taken" (§4.1) as a condition on `sessions s`, for
/// every query that lists them: not closed, started by date ?1 and time ?2
/// ('YYYY-MM-DD', 'HH:MM'), no marks at all. Say it once: use this constant.
pub const NOT_TAKEN: &str = "s.closed_at IS NULL
    AND (s.date < ?1 OR (s.date = ?1 AND s.start_time <= ?2))
    AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.session_id = s.id)";

/// Registers not taken (`NOT_TAKEN`) at `now` of sessions dated from `since`. Oldest first.
pub fn registers_not_taken(
    conn: &Connection,
    since: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<SessionListing>> {
    let sql = format!(
        "SELECT {COLUMNS}, p.code, p.title FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.date >= ?3 AND {NOT_TAKEN}
         ORDER BY s.date, s.start_time, s.id"
    );
    listings(
        conn,
        &sql,
        params![
            now.date().format(DATE_FMT).to_string(),
            now.time().format(TIME_FMT).to_string(),
            since.format(DATE_FMT).to_string()
        ],
    )
}

fn listings(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<SessionListing>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(args, |r| {
        Ok(SessionListing {
            session: from_row(r)?,
            project_code: r.get(9)?,
            project_title: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts a session; returns its id.
pub fn insert_session(conn: &Connection, project_id: i64, f: &SessionFields) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO sessions (project_id, date, start_time, end_time, topic, trainer_id, venue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        project_id,
        f.date.format(DATE_FMT).to_string(),
        f.start.format(TIME_FMT).to_string(),
        f.end.format(TIME_FMT).to_string(),
        f.topic,
        f.trainer_id,
        f.venue
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Updates a session's fields; its marks follow a change of date (marks carry the session
/// date for the veto and report indexes) and of times (their presence, `presence::settle`).
pub fn update_session(conn: &Connection, id: i64, f: &SessionFields) -> Result<()> {
    let date = f.date.format(DATE_FMT).to_string();
    conn.prepare_cached(
        "UPDATE sessions SET date = ?2, start_time = ?3, end_time = ?4, topic = ?5,
         trainer_id = ?6, venue = ?7 WHERE id = ?1",
    )?
    .execute(params![
        id,
        date,
        f.start.format(TIME_FMT).to_string(),
        f.end.format(TIME_FMT).to_string(),
        f.topic,
        f.trainer_id,
        f.venue
    ])?;
    conn.prepare_cached(
        "UPDATE marks SET session_date = ?2 WHERE session_id = ?1 AND session_date <> ?2",
    )?
    .execute(params![id, date])?;
    // New times change the session's length, so whose presence falls short.
    super::presence::settle(conn, super::presence::Marks::Session(id))?;
    Ok(())
}

/// Deletes a session (callers check it has no marks first).
pub fn delete_session(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM sessions WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Locks a session: sets closed_at and closed_by.
pub fn set_closed(conn: &Connection, id: i64, at: NaiveDateTime, by: &str) -> Result<()> {
    conn.prepare_cached("UPDATE sessions SET closed_at = ?2, closed_by = ?3 WHERE id = ?1")?
        .execute(params![id, fmt_datetime(at), by])?;
    Ok(())
}

/// Unlocks a closed session.
pub fn set_reopened(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("UPDATE sessions SET closed_at = NULL, closed_by = NULL WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Who closed a session, if closed.
pub fn closed_by(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT closed_by FROM sessions WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// A session as JSON for the audit log.
pub fn session_json(s: &Session) -> serde_json::Value {
    serde_json::json!({
        "project_id": s.project_id,
        "date": s.date.format(DATE_FMT).to_string(),
        "start_time": s.start.format(TIME_FMT).to_string(),
        "end_time": s.end.format(TIME_FMT).to_string(),
        "topic": s.topic,
        "trainer_id": s.trainer_id,
        "venue": s.venue,
        "closed_at": s.closed_at.map(fmt_datetime),
    })
}
