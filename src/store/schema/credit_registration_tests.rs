//! The upgrade that adds credit registration: existing entries stay and are recognised, the
//! kept cycle totals do not change, and a pending entry added afterwards counts for nothing.

use super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-5 file: one teacher with a project entry and a manual entry in 2026–2030, the
/// cycle's totals kept.
fn version_5(dir: &Path) -> PathBuf {
    let path = dir.join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);
         INSERT INTO projects (id, code, title, level, plan, concentrated, start_date, end_date) VALUES
           (1, 'P1', '集中', 'district', 'starlight', 1, '2026-03-01', '2026-03-31');
         INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (1, 1, 1, 'x');
         INSERT INTO credit_cycles (first_year, last_year) VALUES (2026, 2030);
         INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
           VALUES (1, 1, 6, 1, '2026-03-31', 'project'), (1, NULL, 10, 0, '2026-05-01', 'manual');",
    )
    .unwrap();
    path
}

fn totals(conn: &Connection) -> (f64, f64) {
    conn.query_row(
        "SELECT total, concentrated FROM teacher_cycle_credits WHERE teacher_id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn version_5_upgrades_with_every_entry_recognised_and_totals_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_5(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    assert_eq!(totals(&conn), (16.0, 6.0));
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let statuses: Vec<String> = conn
        .prepare("SELECT status || ' ' || category FROM credit_entries ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(statuses, ["recognised ", "recognised "]);
    assert_eq!(totals(&conn), (16.0, 6.0));
    // A pending entry counts for nothing until it is recognised.
    conn.execute(
        "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source, category, hours, status)
         VALUES (1, 5, 0, '2026-06-01', 'manual', '网络研修', 10, 'pending')",
        [],
    )
    .unwrap();
    assert_eq!(totals(&conn), (16.0, 6.0));
    conn.execute(
        "UPDATE credit_entries SET status = 'recognised' WHERE id = 3",
        [],
    )
    .unwrap();
    assert_eq!(totals(&conn), (21.0, 6.0));
    let refused = conn.execute(
        "UPDATE credit_entries SET status = 'maybe' WHERE id = 3",
        [],
    );
    assert!(refused.is_err(), "the CHECK refuses an unknown status");
    use crate::store::integrity;
    for rule in integrity::RULES {
        let (count, ids) = integrity::violations(&conn, rule, "2026-12-01", 5).unwrap();
        assert_eq!(count, 0, "{}: {ids:?}", rule.key);
    }
}

#[test]
fn the_upgraded_ledger_has_the_shape_of_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_5(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let fresh = Db::open_in_memory().unwrap();
    let shape = |c: &Connection| -> Vec<String> {
        c.prepare(
            "SELECT p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || coalesce(p.dflt_value, '')
             FROM pragma_table_xinfo('credit_entries') p ORDER BY p.cid",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    assert_eq!(shape(&conn), shape(&fresh.conn));
    let sql = |c: &Connection| -> Vec<String> {
        c.prepare(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'credit_entries' AND sql IS NOT NULL
             AND type IN ('trigger', 'index') ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    assert_eq!(sql(&conn), sql(&fresh.conn));
}
