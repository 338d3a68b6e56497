//! Places allotted to each sending school in a project (`school_allotments`), and
//! the counts that enrolment checks and the allotment grid compare them with.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// One school in a project's allotment grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllotmentRow {
    pub school_id: i64,
    pub school: String,
    /// None: no allotment row (no per-school limit).
    pub places: Option<i64>,
    /// Teachers of the project sent by this school.
    pub enrolled: i64,
    /// Active teachers at the school now (for the split by teacher count).
    pub teachers: i64,
}

/// Every school with its places, enrolled and active teachers in `project_id` (by id;
/// the screen sorts by pinyin).
pub fn grid(conn: &Connection, project_id: i64) -> Result<Vec<AllotmentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, a.places,
                (SELECT count(*) FROM enrolments e WHERE e.project_id = ?1 AND e.school_id = s.id),
                (SELECT count(*) FROM teachers t WHERE t.school_id = s.id AND t.status = 'active')
         FROM schools s
         LEFT JOIN school_allotments a ON a.project_id = ?1 AND a.school_id = s.id
         ORDER BY s.id",
    )?;
    let rows = stmt.query_map([project_id], |r| {
        Ok(AllotmentRow {
            school_id: r.get(0)?,
            school: r.get(1)?,
            places: r.get(2)?,
            enrolled: r.get(3)?,
            teachers: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The places allotted to a school in a project, if any.
pub fn places(conn: &Connection, project_id: i64, school_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT places FROM school_allotments WHERE project_id = ?1 AND school_id = ?2",
        )?
        .query_row(params![project_id, school_id], |r| r.get(0))
        .optional()?)
}

/// Every allotment of a project: (school id, places).
pub fn of_project(conn: &Connection, project_id: i64) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT school_id, places FROM school_allotments WHERE project_id = ?1 ORDER BY school_id",
    )?;
    let rows = stmt.query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Teachers enrolled in a project from a school (the sending school at enrolment).
pub fn enrolled_from(conn: &Connection, project_id: i64, school_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM enrolments WHERE project_id = ?1 AND school_id = ?2")?
        .query_row(params![project_id, school_id], |r| r.get(0))?)
}

/// Teachers enrolled in a project.
pub fn enrolled_total(conn: &Connection, project_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM enrolments WHERE project_id = ?1")?
        .query_row([project_id], |r| r.get(0))?)
}

/// Sets a school's places in a project (None removes the row: no per-school limit).
pub fn set(conn: &Connection, project_id: i64, school_id: i64, places: Option<i64>) -> Result<()> {
    match places {
        Some(p) => conn
            .prepare_cached(
                "INSERT INTO school_allotments (project_id, school_id, places) VALUES (?1, ?2, ?3)
                 ON CONFLICT (project_id, school_id) DO UPDATE SET places = excluded.places
                 WHERE places IS NOT excluded.places",
            )?
            .execute(params![project_id, school_id, p])?,
        None => conn
            .prepare_cached(
                "DELETE FROM school_allotments WHERE project_id = ?1 AND school_id = ?2",
            )?
            .execute(params![project_id, school_id])?,
    };
    Ok(())
}

/// "Last year's" project for `project_id`, whose allotments "fill from last year" copies:
/// a project of the same plan and level that started in the calendar year before and has
/// allotments; among several, one with the same title first, then the one whose start is
/// closest to a year before this one's, then the lowest id.
pub fn last_year_source(conn: &Connection, project_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT o.id FROM projects p JOIN projects o
               ON o.plan = p.plan AND o.level = p.level AND o.id <> p.id
              AND CAST(substr(o.start_date, 1, 4) AS INTEGER) = CAST(substr(p.start_date, 1, 4) AS INTEGER) - 1
             WHERE p.id = ?1 AND EXISTS (SELECT 1 FROM school_allotments a WHERE a.project_id = o.id)
             ORDER BY o.title <> p.title,
                      abs(julianday(o.start_date) - julianday(date(p.start_date, '-1 year'))),
                      o.id
             LIMIT 1",
        )?
        .query_row([project_id], |r| r.get(0))
        .optional()?)
}
