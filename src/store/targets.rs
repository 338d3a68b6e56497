//! The plan's targets (`targets`) and the counts of teachers per tier and level they are
//! compared with: now, by school, by subject, and at a past year's end from `tier_history`.
//! Which tiers a target counts is `domain::tiers::counted`; these functions count per
//! (tier, level) and leave the summing to it.

use crate::domain::{parse_date, TargetKind, Tier, TierLevel, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// One row of `targets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Target {
    pub what: TargetKind,
    pub year: i32,
    pub number: i64,
}

/// Teachers per (tier, level).
pub type TierCounts = Vec<(Tier, Option<TierLevel>, i64)>;

/// Every target, by kind (in `TargetKind::ALL` order) and year.
pub fn list(conn: &Connection) -> Result<Vec<Target>> {
    let mut st = conn.prepare_cached("SELECT what, year, number, rowid FROM targets")?;
    let row = Stored::new("targets", 3);
    let mut out: Vec<Target> = st
        .query_map([], |r| {
            Ok(Target {
                what: row.code(r, 0, TargetKind::parse)?,
                year: r.get(1)?,
                number: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|t| (t.what, t.year));
    Ok(out)
}

/// The target's number for that year, if set.
pub fn get(conn: &Connection, what: TargetKind, year: i32) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT number FROM targets WHERE what = ?1 AND year = ?2")?
        .query_row(params![what.code(), year], |r| r.get(0))
        .optional()?)
}

/// Sets (or adds) the target's number for that year.
pub fn set(conn: &Connection, t: &Target) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO targets (what, year, number) VALUES (?1, ?2, ?3)
         ON CONFLICT (what, year) DO UPDATE SET number = excluded.number",
    )?
    .execute(params![t.what.code(), t.year, t.number])?;
    Ok(())
}

fn tier_level(
    row: Stored,
    r: &rusqlite::Row,
    col: usize,
) -> rusqlite::Result<(Tier, Option<TierLevel>)> {
    Ok((
        row.code(r, col, Tier::parse)?,
        row.optional(r, col + 1, TierLevel::parse)?,
    ))
}

/// Active teachers per current tier and level.
pub fn current(conn: &Connection) -> Result<TierCounts> {
    let mut st = conn.prepare_cached(
        "SELECT tier, tier_level, count(*), min(id) FROM teachers WHERE status = 'active'
         GROUP BY tier, tier_level ORDER BY tier, tier_level",
    )?;
    let row = Stored::new("teachers", 3);
    let rows = st
        .query_map([], |r| {
            let (t, l) = tier_level(row, r, 0)?;
            Ok((t, l, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Teachers per (role, tier, level): how many.
pub type RoleCounts = Vec<(
    crate::domain::principals::Role,
    Tier,
    Option<TierLevel>,
    i64,
)>;

/// Active teachers with a role, per (role, current tier, level).
pub fn current_by_role(conn: &Connection) -> Result<RoleCounts> {
    let mut st = conn.prepare_cached(
        "SELECT role, tier, tier_level, count(*), min(id) FROM teachers
         WHERE status = 'active' AND role IS NOT NULL
         GROUP BY role, tier, tier_level ORDER BY role, tier, tier_level",
    )?;
    let row = Stored::new("teachers", 4);
    let rows = st
        .query_map([], |r| {
            let role = row.code(r, 0, crate::domain::principals::Role::parse)?;
            let (t, l) = tier_level(row, r, 1)?;
            Ok((role, t, l, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What the active teachers are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    School,
    Subject,
}

/// Active teachers per school (or subject) and current tier and level, for the tiers that
/// have levels and 卓越型 (the ones targets count); groups by name.
pub fn current_by(conn: &Connection, group: Group) -> Result<Vec<(String, TierCounts)>> {
    let key = match group {
        Group::School => "s.name",
        Group::Subject => "t.subject",
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT {key}, t.tier, t.tier_level, count(*), min(t.id)
         FROM teachers t JOIN schools s ON s.id = t.school_id
         WHERE t.status = 'active' AND (t.tier_level IS NOT NULL OR t.tier = 'eminent')
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ))?;
    let row = Stored::new("teachers", 4);
    let mut out: Vec<(String, TierCounts)> = Vec::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let (t, l) = tier_level(row, r, 1)?;
        let n: i64 = r.get(3)?;
        match out.last_mut() {
            Some((k, v)) if *k == name => v.push((t, l, n)),
            _ => out.push((name, vec![(t, l, n)])),
        }
    }
    Ok(out)
}

/// Active teachers per tier and level at the end of `day`: each teacher's latest tier step on
/// or before it. A teacher with no step at all counts with the current tier and level (the
/// tier was set before the history was kept); one whose first step is later counts nowhere.
pub fn at(conn: &Connection, day: NaiveDate) -> Result<TierCounts> {
    let mut st = conn.prepare_cached(
        "SELECT tier, level, count(*), 0 FROM (
             SELECT h.tier, h.level,
                    row_number() OVER (PARTITION BY h.teacher_id ORDER BY h.since DESC, h.id DESC) AS n
             FROM tier_history h JOIN teachers t ON t.id = h.teacher_id
             WHERE h.since <= ?1 AND t.status = 'active'
         ) WHERE n = 1
         GROUP BY tier, level
         UNION ALL
         SELECT tier, tier_level, count(*), 0 FROM teachers t
         WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM tier_history h WHERE h.teacher_id = t.id)
         GROUP BY tier, tier_level",
    )?;
    let row = Stored::new("tier_history", 3);
    let rows: TierCounts = st
        .query_map([day.format(DATE_FMT).to_string()], |r| {
            let (t, l) = tier_level(row, r, 0)?;
            Ok((t, l, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The first and last year of the tier history (None when it is empty).
pub fn history_years(conn: &Connection) -> Result<Option<(i32, i32)>> {
    let (first, last): (Option<String>, Option<String>) =
        conn.query_row("SELECT min(since), max(since) FROM tier_history", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let year = |s: Option<String>| {
        s.and_then(|s| parse_date(&s))
            .map(|d| chrono::Datelike::year(&d))
    };
    Ok(year(first).zip(year(last)))
}
