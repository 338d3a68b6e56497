//! The upgrade to feedback with three ratings: every old row kept, its rating as the content
//! rating, marked 'legacy'; the table as a new file has it.

use super::super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-5 file with two feedback rows (one teacher twice: version 5 allowed it).
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
         INSERT INTO feedback (project_id, teacher_id, rating, comment, submitted_at) VALUES
           (1, 1, 4, '很实用', '2026-03-31 17:00:00'), (1, 1, 2, '', '2026-04-01 09:00:00');",
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
fn version_5_feedback_is_kept_as_content_ratings_from_the_legacy_source() {
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
            "SELECT project_id || ' ' || teacher_id || ' ' || content || ' '
                    || ifnull(trainer, '-') || ' ' || ifnull(organisation, '-') || ' '
                    || ifnull(session_id, '-') || ' ' || comment || ' ' || source
             FROM feedback ORDER BY id"
        ),
        ["1 1 4 - - - 很实用 legacy", "1 1 2 - - -  legacy"]
    );
    let fresh = Db::open_in_memory().unwrap();
    let sql = "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master
               WHERE tbl_name = 'feedback' ORDER BY name";
    let normal = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .map(|s| s.replace("\"feedback\"", "feedback"))
            .collect()
    };
    assert_eq!(normal(rows(&conn, sql)), normal(rows(&fresh.conn, sql)));
}
