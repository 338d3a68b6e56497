//! The upgrades from schema version 2 (through 3) to 4: veto scope and presence on a file with data.

use super::super::{ensure, AS_VERSION_2_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-2 file: a concentrated project P1 and a school-based X1 (not concentrated), one
/// session each (08:30–11:30), 张伟 late 120 minutes at P1 and absent at X1, 李娜 late 10
/// minutes at X1.
fn version_2(dir: &Path) -> PathBuf {
    let path = dir.join("v2.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_2_SQL).unwrap();
    conn.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '李娜', 1);
         INSERT INTO projects (id, code, title, level, plan, concentrated, start_date, end_date) VALUES
           (1, 'P1', '集中', 'district', 'starlight', 1, '2026-03-01', '2026-03-31'),
           (2, 'X1', '校本', 'school', 'starlight', 0, '2026-03-01', '2026-03-31');
         INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
           (1, 1, '2026-03-02', '08:30', '11:30'), (2, 2, '2026-03-03', '08:30', '11:30');
         INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, 'x'), (2, 1, 1, 'x'), (2, 2, 1, 'x');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, recorded_at) VALUES
           (1, 1, 1, '2026-03-02', 'late', 120, 'x'), (2, 1, 1, '2026-03-03', 'absent', 0, 'x'),
           (2, 2, 1, '2026-03-03', 'late', 10, 'x');",
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
fn version_2_upgrades_to_scope_by_concentration_and_settled_presence() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_2(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    let vetoed = |c: &Connection| {
        rows(c, "SELECT school_id || ' ' || month || ' ' || teacher_id || ' ' || marks FROM school_month_vetoes ORDER BY 1")
    };
    assert_eq!(vetoed(&conn), ["1 2026-03 1 2", "1 2026-03 2 1"]);
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        rows(
            &conn,
            "SELECT code || ' ' || veto_scope FROM projects ORDER BY id"
        ),
        ["P1 1", "X1 0"],
        "concentrated → in veto scope, otherwise not"
    );
    assert_eq!(
        rows(&conn, "SELECT teacher_id || ' ' || status || ' ' || in_veto_scope || ' ' || causes_veto || ' ' || attended FROM marks ORDER BY id"),
        ["1 late 1 1 0", "1 absent 0 0 0", "2 late 0 0 1"],
        "120 minutes late of 180 falls short of the default 50 %"
    );
    assert_eq!(vetoed(&conn), ["1 2026-03 1 1"]);
    assert_eq!(
        rows(
            &conn,
            "SELECT status || ' ' || marks || ' ' || attended FROM school_month_marks ORDER BY 1"
        ),
        ["absent 1 0", "late 2 1"]
    );
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
fn the_upgraded_file_has_the_columns_triggers_and_indexes_of_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_2(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let fresh = Db::open_in_memory().unwrap();
    let shape = |c: &Connection| {
        let mut all = rows(
            c,
            "SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' ||
                    coalesce(p.dflt_value, '') || ' ' || p.hidden
             FROM sqlite_master m, pragma_table_xinfo(m.name) p
             WHERE m.type = 'table' ORDER BY m.name, p.cid",
        );
        all.extend(rows(
            c,
            "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
             WHERE type IN ('trigger', 'index') ORDER BY name",
        ));
        all
    };
    assert_eq!(shape(&conn), shape(&fresh.conn));
}
