//! Teachers an import adds, staged before its write transaction in a TEMP
//! table of the importing connection (writing TEMP takes no lock on the
//! database file), then inserted inside it by one INSERT … SELECT: no
//! statement per row while the write lock is held.
//!
//! The `teachers` CHECKs are kept by the staging rather than evaluated again by the
//! insert: SQLite codes each `col IN ('a','b','c',…)` CHECK as a small table built
//! afresh for every row inserted (five per teacher), which was 60 % of the insert's
//! time. The enumerated columns are staged from the domain's types (`code()`), which
//! the contract tests hold to the schema's lists; the checks that are not lists (a
//! non-blank staff number and name, a level only on a tier held at a level) are the
//! TEMP table's own, stated without `IN` lists. `liaoyuan check` (`PRAGMA
//! integrity_check`) verifies every CHECK of the stored rows.

use crate::domain::tiers::has_levels;
use crate::domain::Tier;
use crate::error::Result;
use crate::store::teachers::TeacherInput;
use rusqlite::{params, Connection};

/// One teacher to add, with the line of the file it comes from.
pub struct StagedTeacher<'a> {
    pub line: usize,
    pub input: &'a TeacherInput,
    pub pinyin: &'a str,
    pub initials: &'a str,
}

/// Writes `rows` into `temp.import_teachers` (replacing what was staged before).
pub fn stage_teachers<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = StagedTeacher<'a>>,
) -> Result<()> {
    unstage_teachers(conn)?;
    // The staged rows stay in memory: with SQLite's default 2 MB cache for TEMP, 100,000
    // of them spilled into a temporary file and were read back from it by the insert.
    let cache: i64 = conn.query_row("PRAGMA main.cache_size", [], |r| r.get(0))?;
    conn.pragma_update(Some("temp"), "cache_size", cache)?;
    conn.execute_batch(&staging_table())?;
    let tx = conn.unchecked_transaction()?;
    {
        let mut st = tx.prepare(
            "INSERT INTO temp.import_teachers
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for r in rows {
            let t = r.input;
            st.execute(params![
                r.line as i64,
                t.staff_no.trim(),
                t.name.trim(),
                t.gender.map(|g| g.code()),
                t.school_id,
                t.subject.trim(),
                t.stage.map(|s| s.code()),
                t.phone.trim(),
                t.tier.code(),
                r.pinyin,
                r.initials,
                t.status.code(),
                t.tier_level.map(|l| l.code()),
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The TEMP table of staged teachers, with the `teachers` CHECKs that are not lists of
/// codes (the tiers held at a level come from `domain::tiers::has_levels`).
fn staging_table() -> String {
    let levelled: Vec<String> = Tier::ALL
        .iter()
        .filter(|t| has_levels(**t))
        .map(|t| format!("tier = '{}'", t.code()))
        .collect();
    format!(
        "CREATE TEMP TABLE import_teachers (
            line INTEGER NOT NULL,
            staff_no TEXT NOT NULL CHECK (length(trim(staff_no)) > 0),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0), gender TEXT,
            school_id INTEGER NOT NULL, subject TEXT NOT NULL, stage TEXT, phone TEXT NOT NULL,
            tier TEXT NOT NULL, pinyin TEXT NOT NULL, initials TEXT NOT NULL, status TEXT NOT NULL,
            tier_level TEXT CHECK (tier_level IS NULL OR {}))",
        levelled.join(" OR ")
    )
}

/// SQLite's default page cache (2 MB), which the TEMP schema gets back after the staging.
const DEFAULT_CACHE: i64 = -2000;

/// Drops the staged teachers, if any, and gives TEMP its default cache again.
pub fn unstage_teachers(conn: &Connection) -> Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS temp.import_teachers")?;
    conn.pragma_update(Some("temp"), "cache_size", DEFAULT_CACHE)?;
    Ok(())
}

/// Inserts the staged teachers, in file order, skipping any whose staff
/// number is taken; returns how many were inserted. The staging has kept the
/// CHECKs (see the module's note), so they are not evaluated again row by row.
pub fn insert_staged_teachers(conn: &Connection) -> Result<usize> {
    conn.pragma_update(None, "ignore_check_constraints", true)?;
    let inserted = conn.execute(
        "INSERT INTO teachers (staff_no, name, gender, school_id, subject, stage, phone, tier,
                               pinyin, initials, status, tier_level)
         SELECT staff_no, name, gender, school_id, subject, stage, phone, tier, pinyin, initials,
                status, tier_level
         FROM temp.import_teachers WHERE true ORDER BY rowid
         ON CONFLICT DO NOTHING",
        [],
    );
    // restored whatever the insert did: the connection writes other tables afterwards
    conn.pragma_update(None, "ignore_check_constraints", false)?;
    Ok(inserted?)
}

/// The first staged teacher (line, staff number) whose staff number a
/// teacher with an id up to `last_id` holds.
pub fn first_staged_taken(conn: &Connection, last_id: i64) -> Result<Option<(usize, String)>> {
    let mut st = conn.prepare(
        "SELECT s.line, s.staff_no FROM temp.import_teachers s
         WHERE EXISTS (SELECT 1 FROM teachers t WHERE t.staff_no = s.staff_no COLLATE NOCASE AND t.id <= ?1)
         ORDER BY s.line LIMIT 1",
    )?;
    let mut rows = st.query([last_id])?;
    Ok(match rows.next()? {
        Some(r) => Some((r.get::<_, i64>(0)? as usize, r.get(1)?)),
        None => None,
    })
}

/// Ids of the teachers above `last_id`, in order (those just inserted).
pub fn teacher_ids_after(conn: &Connection, last_id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare("SELECT id FROM teachers WHERE id > ?1 ORDER BY id")?;
    let ids = st
        .query_map([last_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

#[cfg(test)]
#[path = "staged_tests.rs"]
mod tests;
