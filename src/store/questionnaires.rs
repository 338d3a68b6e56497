//! What questionnaire imports (feedback, needs surveys) keep and look up: the saved column
//! mapping (a settings row holding a JSON object from question text to a role code), and a
//! respondent found by staff number or by name and school.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

/// The saved mapping under the settings key `key` (empty when none is saved or it is unreadable).
pub fn column_mapping(conn: &Connection, key: &str) -> Result<BTreeMap<String, String>> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(raw
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// Saves `mapping` under the settings key `key`.
pub fn save_column_mapping(
    conn: &Connection,
    key: &str,
    mapping: &BTreeMap<String, String>,
) -> Result<()> {
    let value = serde_json::to_string(mapping).unwrap_or_else(|_| "{}".into());
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The ids of teachers called `name` at the school called `school`.
pub fn teachers_named_at(conn: &Connection, name: &str, school: &str) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT t.id FROM teachers t JOIN schools s ON s.id = t.school_id
             WHERE t.name = ?1 AND s.name = ?2 ORDER BY t.id",
        )?
        .query_map(params![name, school], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
