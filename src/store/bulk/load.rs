//! Making a bulk load fast and safe: check the target is empty, drop the
//! secondary indexes and the marks triggers during the load, rebuild them
//! (and the counts the triggers keep) before the commit.

use crate::error::Result;
use rusqlite::Connection;

/// Number of rows in the tables that hold a district's data (not settings).
pub fn data_rows(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM schools) + (SELECT count(*) FROM teachers)
              + (SELECT count(*) FROM projects) + (SELECT count(*) FROM trainers)",
        [],
        |r| r.get(0),
    )?)
}

/// Tables whose secondary indexes a bulk load drops and rebuilds.
pub const BULK_TABLES: &[&str] = &[
    "teachers",
    "tier_history",
    "enrolments",
    "marks",
    "follow_ups",
    "feedback",
    "credit_entries",
];

/// Drops the named (non-constraint) indexes of `tables` and returns their SQL,
/// so a bulk load does not maintain them row by row. Call inside the load's
/// transaction and `recreate_indexes` before committing: sorting once is much
/// faster than millions of random index inserts.
pub fn drop_indexes(conn: &Connection, tables: &[&str]) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
    )?;
    let mut dropped = Vec::new();
    for table in tables {
        let rows = st
            .query_map([table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        dropped.extend(rows);
    }
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// The secondary indexes of `teachers` that no constraint needs: an import adding more
/// teachers than the district has drops them and builds them again after its insert (one
/// sort instead of a random index insert per row).
pub const TEACHER_LOOKUP_INDEXES: &[&str] = &["teachers_school", "teachers_name"];

/// Drops the named indexes the schema has and returns their SQL (for `recreate_indexes`).
pub fn drop_named_indexes(conn: &Connection, names: &[&str]) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name = ?1",
    )?;
    let mut dropped = Vec::new();
    for name in names {
        let rows = st
            .query_map([name], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        dropped.extend(rows);
    }
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// Builds again the indexes `drop_indexes` dropped.
pub fn recreate_indexes(conn: &Connection, dropped: &[(String, String)]) -> Result<()> {
    for (_, sql) in dropped {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// Drops the triggers on `table` and returns their SQL (see `drop_indexes`).
pub fn drop_triggers(conn: &Connection, table: &str) -> Result<Vec<(String, String)>> {
    let dropped = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name",
        )?
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// Drops the trigger `name`, if the schema has it, and returns its SQL (for
/// `recreate_triggers` before the transaction commits).
pub fn drop_trigger(conn: &Connection, name: &str) -> Result<Vec<(String, String)>> {
    let dropped = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?
        .query_map([name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, _) in &dropped {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped)
}

/// The trigger that counts each school's teachers (schema.sql); an import
/// adding many teachers drops it and counts them with
/// `count_teachers_added_after` in one statement.
pub const TEACHERS_COUNT_INSERT: &str = "teachers_count_insert";

/// The highest teacher id (0 without teachers): teachers added later in the
/// same write transaction have higher ids.
pub fn last_teacher_id(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(id), 0) FROM teachers", [], |r| {
            r.get(0)
        })?,
    )
}

/// Adds the teachers with ids above `after` to their schools' counts, as the
/// dropped `teachers_count_insert` trigger would have, one row at a time.
pub fn count_teachers_added_after(conn: &Connection, after: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO school_teachers (school_id, teachers)
         SELECT school_id, count(*) FROM teachers WHERE id > ?1 GROUP BY school_id
         ON CONFLICT (school_id) DO UPDATE SET teachers = teachers + excluded.teachers",
        [after],
    )?;
    Ok(())
}

/// Recreates the triggers `drop_triggers` dropped.
pub fn recreate_triggers(conn: &Connection, dropped: &[(String, String)]) -> Result<()> {
    recreate_indexes(conn, dropped)
}

/// Completes marks loaded with the triggers dropped — each takes its project's veto scope and
/// its presence is settled — and recomputes the per-school monthly mark counts that the
/// `marks` triggers keep (schema.sql).
pub fn rebuild_mark_counts(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "UPDATE marks SET in_veto_scope = (SELECT p.veto_scope FROM sessions s
                                           JOIN projects p ON p.id = s.project_id
                                           WHERE s.id = marks.session_id)
         WHERE in_veto_scope IS NULL;",
    )?;
    crate::store::presence::settle(conn, crate::store::presence::Marks::All)?;
    conn.execute_batch(
        "DELETE FROM school_month_marks;
         DELETE FROM school_month_vetoes;
         INSERT INTO school_month_marks (school_id, month, status, marks, attended)
         SELECT school_id, substr(session_date, 1, 7), status, count(*), sum(attended)
         FROM marks GROUP BY school_id, substr(session_date, 1, 7), status;
         INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
         SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*)
         FROM marks WHERE causes_veto
         GROUP BY school_id, substr(session_date, 1, 7), teacher_id;",
    )?;
    Ok(())
}
