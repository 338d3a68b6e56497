//! The upgrade 4 → 5: every teacher kept, each one active; the column as a new file has it.

use super::super::{ensure, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-4 file (today's schema without `teachers.status`) with three teachers, one of
/// them enrolled.
fn version_4(dir: &Path) -> PathBuf {
    let path = dir.join("v4.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(super::super::AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "ALTER TABLE teachers DROP COLUMN status;
         PRAGMA user_version = 4;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id, tier) VALUES
           (1, 'T1', '张伟', 1, 'backbone'), (2, 'T2', '李娜', 1, 'qualified'),
           (3, 'T3', '王芳', 1, 'rising');
         INSERT INTO projects (id, code, title, level, plan, concentrated, start_date, end_date) VALUES
           (1, 'P1', '集中', 'district', 'starlight', 1, '2026-03-01', '2026-03-31');
         INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (1, 2, 1, 'x');",
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

#[test]
fn version_4_upgrades_keeping_every_teacher_as_active() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_4(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        rows(
            &conn,
            "SELECT staff_no || ' ' || name || ' ' || tier || ' ' || status FROM teachers ORDER BY id"
        ),
        [
            "T1 张伟 backbone active",
            "T2 李娜 qualified active",
            "T3 王芳 rising active"
        ]
    );
    assert_eq!(
        rows(
            &conn,
            "SELECT project_id || ' ' || teacher_id FROM enrolments"
        ),
        ["1 2"]
    );
    let refused = conn.execute("UPDATE teachers SET status = 'on_leave' WHERE id = 1", []);
    assert!(refused.is_err(), "the CHECK refuses an unknown status");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    // What `liaoyuan check` reads (store's side of it: store must not call ops).
    use crate::store::{integrity, presence};
    let day = today.to_string();
    assert!(integrity::integrity(&conn).unwrap().is_empty());
    assert!(integrity::foreign_keys(&conn).unwrap().is_empty());
    for rule in integrity::RULES {
        let (count, ids) = integrity::violations(&conn, rule, &day, 5).unwrap();
        assert_eq!(count, 0, "{}: {ids:?}", rule.key);
    }
    assert_eq!(presence::drift(&conn, 5).unwrap().0, 0);
}

#[test]
fn the_upgraded_teachers_table_has_the_columns_of_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_4(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let fresh = Db::open_in_memory().unwrap();
    let shape = |c: &Connection| {
        rows(
            c,
            "SELECT p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || coalesce(p.dflt_value, '')
             FROM pragma_table_xinfo('teachers') p ORDER BY p.cid",
        )
    };
    assert_eq!(shape(&conn), shape(&fresh.conn));
    assert!(shape(&conn).iter().any(|c| c == "status TEXT 1 'active'"));
}
