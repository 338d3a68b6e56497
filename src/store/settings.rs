//! Settings rows.

use crate::domain::Settings;
use crate::error::Result;
use rusqlite::{params, Connection};

pub fn load(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    let mut st = conn.prepare_cached("SELECT key, value FROM settings")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (k, v) = row?;
        s.apply(&k, &v);
    }
    Ok(s)
}

/// Stores one setting; a new `min_presence_pct` settles every mark's presence.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    if key == "min_presence_pct" {
        // Whose presence falls short follows the share (domain::attendance::Presence).
        super::presence::settle(conn, super::presence::Marks::All)?;
    }
    Ok(())
}
