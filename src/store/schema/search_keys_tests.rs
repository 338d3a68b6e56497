//! The upgrade that stores the search keys, filled for every teacher already there.

use super::super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use rusqlite::Connection;

#[test]
fn version_5_upgrades_with_every_teacher_in_the_stored_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES
           (1, 'T1', '张伟', 1), (2, 'T2', '李娜', 1), (3000, 'T3', '王芳', 1);",
    )
    .unwrap();
    drop(conn);
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let blocks: i64 = conn
        .query_row("SELECT count(*) FROM teacher_search_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(blocks, 2);
    let mut ids = Vec::new();
    crate::store::search_keys::each_teacher(&conn, |r| ids.push(r.id)).unwrap();
    assert_eq!(ids, [1, 2, 3000]);
    // and the triggers keep them current from now on
    conn.execute("DELETE FROM teachers WHERE id = 3000", [])
        .unwrap();
    let blocks: i64 = conn
        .query_row("SELECT count(*) FROM teacher_search_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(blocks, 1);
}
