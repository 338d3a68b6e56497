//! Keeping `marks.presence_short` in step with the presence rule
//! (`domain::attendance::Presence`): after a mark is written, when a session's times change,
//! and when the setting `min_presence_pct` changes. SQL then reads `marks.attended`
//! (schema.sql), which agrees with `Presence::attended` (store/contract_tests.rs).

use super::marks::status_col;
use crate::domain::attendance::Presence;
use crate::domain::parse_time;
use crate::error::Result;
use rusqlite::{params, Connection};

/// Which marks to settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    One(i64),
    Session(i64),
    All,
}

/// A mark as the rule reads it, with what is stored.
struct Stored {
    id: i64,
    presence: Presence,
    short: bool,
}

/// Marks that may fall short: only a mark with minutes late or early can (a domain test
/// pins that), or one stored as short. `?1` chooses the marks, see `Marks`.
const CANDIDATES: &str = "SELECT m.id, m.status, m.minutes_late, m.minutes_early, m.presence_short,
            s.start_time, s.end_time
     FROM marks m JOIN sessions s ON s.id = m.session_id
     WHERE (m.minutes_late > 0 OR m.minutes_early > 0 OR m.presence_short)";

fn candidates(conn: &Connection, which: Marks) -> Result<Vec<Stored>> {
    let (filter, key) = match which {
        Marks::One(id) => (" AND m.id = ?1", id),
        Marks::Session(id) => (" AND m.session_id = ?1", id),
        Marks::All => (" AND ?1 = 0", 0),
    };
    let mut st = conn.prepare_cached(&format!("{CANDIDATES}{filter}"))?;
    let rows = st.query_map([key], |r| {
        let start: String = r.get(5)?;
        let end: String = r.get(6)?;
        // Times the schema keeps as HH:MM; an unreadable one leaves no session to fall short of.
        let session_minutes = match (parse_time(&start), parse_time(&end)) {
            (Some(a), Some(b)) => (b - a).num_minutes(),
            _ => 0,
        };
        Ok(Stored {
            id: r.get(0)?,
            presence: Presence {
                status: status_col(r, 1)?,
                minutes_late: r.get(2)?,
                minutes_early: r.get(3)?,
                session_minutes,
            },
            short: r.get::<_, i64>(4)? != 0,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The minimum presence share now stored in the settings.
fn min_presence_pct(conn: &Connection) -> Result<i64> {
    Ok(super::settings::load(conn)?.min_presence_pct)
}

/// Writes `presence_short` of the chosen marks from the rule and the stored setting, inside
/// the caller's transaction. Returns how many marks changed.
pub fn settle(conn: &Connection, which: Marks) -> Result<usize> {
    let pct = min_presence_pct(conn)?;
    let mut update = conn.prepare_cached("UPDATE marks SET presence_short = ?2 WHERE id = ?1")?;
    let mut changed = 0;
    for m in candidates(conn, which)? {
        let short = m.presence.short(pct);
        if short != m.short {
            update.execute(params![m.id, short])?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Marks whose stored `presence_short` disagrees with the rule (for `liaoyuan check`):
/// how many, and the first `limit` ids.
pub fn drift(conn: &Connection, limit: usize) -> Result<(i64, Vec<i64>)> {
    let pct = min_presence_pct(conn)?;
    let wrong: Vec<i64> = candidates(conn, Marks::All)?
        .into_iter()
        .filter(|m| m.presence.short(pct) != m.short)
        .map(|m| m.id)
        .collect();
    Ok((wrong.len() as i64, wrong.into_iter().take(limit).collect()))
}
