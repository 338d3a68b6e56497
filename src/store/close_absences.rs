//! The absences a close wrote (`close_absences`): recorded by `ops::close_session`, offered for
//! removal by a reopen. A trigger (schema.sql) forgets a mark once it is changed by hand.

use super::marks;
use super::sessions::fmt_datetime;
use crate::domain::Mark;
use crate::error::Result;
use chrono::NaiveDateTime;
use rusqlite::{params, Connection};

/// Records `mark_ids` (absences just written by closing `session_id` at `at`).
pub fn record(
    conn: &Connection,
    session_id: i64,
    mark_ids: &[i64],
    at: NaiveDateTime,
) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO close_absences (mark_id, session_id, closed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (mark_id) DO NOTHING",
    )?;
    let at = fmt_datetime(at);
    for id in mark_ids {
        st.execute(params![id, session_id, at])?;
    }
    Ok(())
}

/// The absences closes of `session_id` wrote that nobody changed since, by mark id.
pub fn of_session(conn: &Connection, session_id: i64) -> Result<Vec<Mark>> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT mark_id FROM close_absences WHERE session_id = ?1 ORDER BY mark_id",
        )?
        .query_map([session_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(m) = marks::get_mark_by_id(conn, id)? {
            out.push(m);
        }
    }
    Ok(out)
}
