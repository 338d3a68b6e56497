//! What the Projects tab needs beyond `projects`/`enrolments`: enrolment counts of many
//! projects at once, the years projects run in (the year filter), a teacher's marks within
//! one project (removing an enrolment is refused while they exist) and the removal itself.

use crate::error::Result;
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// Number of enrolled teachers per project id (projects without enrolments are absent).
pub fn enrolment_counts(conn: &Connection) -> Result<HashMap<i64, i64>> {
    let mut st =
        conn.prepare_cached("SELECT project_id, count(*) FROM enrolments GROUP BY project_id")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

/// Calendar years in which some project runs (any of its days), newest first.
pub fn project_years(conn: &Connection) -> Result<Vec<i32>> {
    let mut st = conn.prepare_cached(
        "SELECT min(substr(start_date, 1, 4)), max(substr(end_date, 1, 4)) FROM projects",
    )?;
    let (lo, hi): (Option<String>, Option<String>) =
        st.query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let (Some(lo), Some(hi)) = (
        lo.and_then(|y| y.parse::<i32>().ok()),
        hi.and_then(|y| y.parse::<i32>().ok()),
    ) else {
        return Ok(Vec::new());
    };
    // Only years some project actually touches (a gap year between two projects is left out).
    let mut out = Vec::new();
    let mut touch = conn.prepare_cached(
        "SELECT 1 FROM projects WHERE start_date <= ?1 AND end_date >= ?2 LIMIT 1",
    )?;
    for y in (lo..=hi.min(lo + 200)).rev() {
        let hit = touch.exists(params![format!("{y:04}-12-31"), format!("{y:04}-01-01")])?;
        if hit {
            out.push(y);
        }
    }
    Ok(out)
}

/// Number of marks a teacher has at the sessions of a project.
pub fn marks_in_project(conn: &Connection, project_id: i64, teacher_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM marks m JOIN sessions s ON s.id = m.session_id
             WHERE s.project_id = ?1 AND m.teacher_id = ?2",
        )?
        .query_row(params![project_id, teacher_id], |r| r.get(0))?)
}

/// Deletes a teacher's enrolment in a project; returns whether one existed.
pub fn delete_enrolment(conn: &Connection, project_id: i64, teacher_id: i64) -> Result<bool> {
    let n = conn
        .prepare_cached("DELETE FROM enrolments WHERE project_id = ?1 AND teacher_id = ?2")?
        .execute(params![project_id, teacher_id])?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    #[test]
    fn counts_years_and_removal() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, township, stage) VALUES (1, 'S', 'T', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', 'A', 1), (2, 'T2', 'B', 1);
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date) VALUES
                   (1, 'P1', 'x', 'district', 'starlight', '2024-12-30', '2025-01-02'),
                   (2, 'P2', 'y', 'district', 'starlight', '2027-03-01', '2027-03-02');
                 INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES (1, 1, '2025-01-02', '08:30', '11:30');
                 INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
                   (1, 1, 1, '2024-12-01'), (1, 2, 1, '2024-12-01'), (2, 1, 1, '2024-12-01');
                 INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
                   VALUES (1, 1, 1, '2025-01-02', 'present', '2025-01-02 08:30:00');",
            )
            .unwrap();
        let c = enrolment_counts(&db.conn).unwrap();
        assert_eq!((c[&1], c[&2]), (2, 1));
        assert_eq!(project_years(&db.conn).unwrap(), vec![2027, 2025, 2024]);
        assert_eq!(marks_in_project(&db.conn, 1, 1).unwrap(), 1);
        assert_eq!(marks_in_project(&db.conn, 1, 2).unwrap(), 0);
        assert!(delete_enrolment(&db.conn, 1, 2).unwrap());
        assert!(!delete_enrolment(&db.conn, 1, 2).unwrap());
    }

    #[test]
    fn no_projects_no_years() {
        let db = Db::open_in_memory().unwrap();
        assert!(project_years(&db.conn).unwrap().is_empty());
    }
}
