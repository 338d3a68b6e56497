//! Teachers an import adds, inserted inside its write transaction by one prepared statement
//! whose text is bound without a copy (`raw.rs`), in file order.
//!
//! The `teachers` CHECKs are not evaluated by SQLite row by row: it codes each
//! `col IN ('a','b','c',…)` CHECK as a small table built afresh for every row inserted
//! (five per teacher), which was 60 % of the insert's time. The statement is prepared with
//! `ignore_check_constraints` on, and the values keep the CHECKs by construction: the
//! enumerated columns are written from the domain's types (`code()`), which the contract
//! tests hold to the schema's lists; the checks that are not lists (a non-blank staff
//! number and name, a level only on a tier held at a level) are `refuse_unchecked`'s, before
//! anything is written. `liaoyuan check` (`PRAGMA integrity_check`) verifies every CHECK
//! of the stored rows.
//!
//! (Until this module, the rows were first staged in a TEMP table and inserted with one
//! INSERT … SELECT: that wrote every row twice, and took 0.23 s of a 0.65 s import of
//! 100,000 teachers against 0.12 s for this insert — measured with the release binary's
//! phase timings on the scale benchmark's roster.)

use super::raw::{Bound, RawInsert};
use crate::domain::tiers::has_levels;
use crate::error::{Error, Result};
use crate::store::teachers::TeacherInput;
use rusqlite::Connection;

/// One teacher to add, with the line of the file it comes from.
pub struct AddedTeacher<'a> {
    pub line: usize,
    pub input: &'a TeacherInput,
    pub pinyin: &'a str,
    pub initials: &'a str,
}

/// A staff number that a stored teacher already holds: (line, staff number).
pub type Taken = (usize, String);

const INSERT: &str = "INSERT INTO teachers (staff_no, name, gender, school_id, subject, stage,
                                            phone, tier, pinyin, initials, status, tier_level)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                      ON CONFLICT DO NOTHING";

/// Inserts `rows` in order and returns how many went in, or stops at the first whose staff
/// number a stored teacher holds (any case) and names it: the caller rolls back.
pub fn insert_added_teachers<'a>(
    conn: &Connection,
    rows: &[AddedTeacher<'a>],
) -> Result<std::result::Result<usize, Taken>> {
    rows.iter().try_for_each(refuse_unchecked)?;
    conn.pragma_update(None, "ignore_check_constraints", true)?;
    let inserted = insert_all(conn, rows);
    // restored whatever the insert did: the connection writes other tables afterwards
    conn.pragma_update(None, "ignore_check_constraints", false)?;
    inserted
}

fn insert_all(
    conn: &Connection,
    rows: &[AddedTeacher<'_>],
) -> Result<std::result::Result<usize, Taken>> {
    // Prepared after the pragma: SQLite leaves the CHECKs out of the statement's program.
    let mut insert = RawInsert::prepare(conn, INSERT)?;
    for r in rows {
        let t = r.input;
        let changed = insert.run_bound([
            Bound::text(t.staff_no.trim()),
            Bound::text(t.name.trim()),
            Bound::opt_text(t.gender.map(|g| g.code())),
            Bound::Int(t.school_id),
            Bound::text(t.subject.trim()),
            Bound::opt_text(t.stage.map(|s| s.code())),
            Bound::text(t.phone.trim()),
            Bound::text(t.tier.code()),
            Bound::text(r.pinyin),
            Bound::text(r.initials),
            Bound::text(t.status.code()),
            Bound::opt_text(t.tier_level.map(|l| l.code())),
        ])?;
        if changed == 0 {
            return Ok(Err((r.line, t.staff_no.trim().to_string())));
        }
    }
    Ok(Ok(rows.len()))
}

/// The `teachers` CHECKs that are not lists of codes, for a row the insert will not check.
/// (The import's own checks refuse such rows first, except a cell holding a NUL character.)
fn refuse_unchecked(r: &AddedTeacher<'_>) -> Result<()> {
    let t = r.input;
    let blank = |zh: &str, en: &str, check: &str| {
        crate::lang::pick(
            format!("{zh}: 为空或以空字符开头，不能写入（CHECK {check}）"),
            format!(
                "{en}: blank or starting with a NUL character, not written (CHECK constraint \
                 failed: {check})"
            ),
        )
    };
    let problem = if blank_to_sqlite(&t.staff_no) {
        blank("工号", "staff_no", "length(trim(staff_no)) > 0")
    } else if blank_to_sqlite(&t.name) {
        blank("姓名", "name", "length(trim(name)) > 0")
    } else if t.tier_level.is_some() && !has_levels(t.tier) {
        crate::lang::pick(
            "级别: 这一层级没有级别（CHECK tier_level IS NULL OR tier IN (…)）",
            "tier_level: this tier has no level (CHECK constraint failed: tier_level IS NULL \
             OR tier IN (…))",
        )
    } else {
        return Ok(());
    };
    let line = r.line;
    Err(Error::invalid(problem.map(|p| format!("line {line}: {p}"))))
}

/// Ids of the teachers above `last_id`, in order (those just inserted).
pub fn teacher_ids_after(conn: &Connection, last_id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare("SELECT id FROM teachers WHERE id > ?1 ORDER BY id")?;
    let ids = st
        .query_map([last_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Would `length(trim(text)) > 0` fail? SQLite's `length` counts the characters before the
/// first NUL, so "\0滕" is blank to it; this also counts any white space as blank, where
/// SQLite's `trim` removes spaces only (refusing more than the CHECK is safe: the rows here
/// come trimmed from the file's cells).
fn blank_to_sqlite(text: &str) -> bool {
    text.split('\0')
        .next()
        .unwrap_or_default()
        .trim()
        .is_empty()
}

#[cfg(test)]
#[path = "added_teachers_tests.rs"]
mod tests;
