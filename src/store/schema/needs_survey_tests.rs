//! The upgrade that adds needs surveys: a file of the previous versions gains the four tables
//! exactly as a new file has them, and its teachers can answer a survey.

use super::super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;

fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn an_older_file_gains_the_survey_tables_as_a_new_file_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);",
    )
    .unwrap();
    let sql = "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master
               WHERE tbl_name LIKE 'survey%' ORDER BY name";
    assert!(rows(&conn, sql).is_empty(), "the undo removed them");
    drop(conn);
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let fresh = Db::open_in_memory().unwrap();
    let normal = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let upgraded = normal(rows(&conn, sql));
    assert_eq!(upgraded.len(), 7, "{upgraded:?}");
    assert_eq!(upgraded, normal(rows(&fresh.conn, sql)));
    conn.execute_batch(
        "INSERT INTO surveys (id, title, held_on, imported_at)
           VALUES (1, '2027春季训前调研', '2026-12-01', '2026-12-01 09:00:00');
         INSERT INTO survey_responses (id, survey_id, teacher_id, subject, stage, form, submitted_at)
           VALUES (1, 1, 1, '数学', 'primary', 'workshop', '2026-12-01 08:00:00');
         INSERT INTO survey_topics (response_id, topic) VALUES (1, '大单元教学');",
    )
    .unwrap();
    assert!(conn
        .execute(
            "INSERT INTO survey_responses (survey_id, teacher_id, form, submitted_at)
             VALUES (1, 1, 'lecture', 'x')",
            [],
        )
        .is_err());
}
