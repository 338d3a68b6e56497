//! The upgrade that adds the principals' track and projects' training metadata: every row
//! kept, no role, 0 hours; the tables have the columns of a new file.

use super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-5 file with two teachers and a project.
fn version_5(dir: &Path) -> PathBuf {
    let path = dir.join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '李娜', 1);
         INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date) VALUES
           (1, 'P1', '校长任职资格', 'district', 'principal_leadership', 6, '2026-03-01', '2026-03-31');",
    )
    .unwrap();
    path
}

fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn shape(c: &Connection, table: &str) -> Vec<String> {
    rows(
        c,
        &format!(
            "SELECT p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || coalesce(p.dflt_value, '')
             FROM pragma_table_xinfo('{table}') p ORDER BY p.cid"
        ),
    )
}

#[test]
fn version_5_upgrades_keeping_rows_with_no_role_and_no_hours() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_5(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        rows(
            &conn,
            "SELECT staff_no || ' ' || coalesce(role, '-') || ' ' || coalesce(role_since, '-') FROM teachers ORDER BY id"
        ),
        ["T1 - -", "T2 - -"]
    );
    assert_eq!(
        rows(
            &conn,
            "SELECT code || ' ' || credits || ' ' || hours || ' ' || coalesce(form, '-') || ' ' || qualification FROM projects"
        ),
        ["P1 6.0 0.0 - 0"]
    );
    // The CHECKs of a new file hold: a known role with a date, no date without a role.
    conn.execute(
        "UPDATE teachers SET role = 'principal', role_since = '2025-09-01' WHERE id = 1",
        [],
    )
    .unwrap();
    assert!(conn
        .execute("UPDATE teachers SET role = 'dean' WHERE id = 2", [])
        .is_err());
    assert!(conn
        .execute(
            "UPDATE teachers SET role_since = '2025-09-01' WHERE id = 2",
            []
        )
        .is_err());
    assert!(conn
        .execute("UPDATE projects SET form = 'somewhere' WHERE id = 1", [])
        .is_err());
    let fresh = Db::open_in_memory().unwrap();
    for table in ["teachers", "projects"] {
        assert_eq!(shape(&conn, table), shape(&fresh.conn, table), "{table}");
    }
}
