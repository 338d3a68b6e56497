//! The upgrade 2 → 3: `close_absences` created and filled with the untouched absences that
//! earlier closes wrote (found through the audit log), nothing else.

use super::{ensure, AS_VERSION_2_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::store::Db;
use rusqlite::Connection;

const CLOSE: &str = "close session: no mark → absent";

/// A version-2 file: one closed session with three absences: 1 written by the close and
/// untouched, 2 written by the close and corrected by hand later, 3 entered by hand.
fn version_2(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_2_SQL).unwrap();
    conn.execute_batch(
        "
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES
           (1, 'T1', '张伟', 1), (2, 'T2', '李娜', 1), (3, 'T3', '王芳', 1);
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '培训', 'district', 'continuing_education', 1, 12, '2026-03-02', '2026-03-02');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, closed_at)
           VALUES (1, 1, '2026-03-02', '08:30', '11:30', '2026-03-02 12:00:00');
         INSERT INTO marks (id, session_id, teacher_id, school_id, session_date, status, reason, recorded_at) VALUES
           (1, 1, 1, 1, '2026-03-02', 'absent', '', '2026-03-02 12:00:00'),
           (2, 1, 2, 1, '2026-03-02', 'present', '签到表上有', '2026-03-02 12:30:00'),
           (3, 1, 3, 1, '2026-03-02', 'absent', '', '2026-03-02 12:00:00');",
    )
    .unwrap();
    let audit = [
        (1, "create", CLOSE),
        (2, "create", CLOSE),
        (2, "update", "签到表上有"),
        (3, "create", ""),
    ];
    for (id, action, reason) in audit {
        conn.execute(
            "INSERT INTO audit_log (at, actor, entity, entity_id, action, reason)
             VALUES ('2026-03-02 12:00:00', 'me', 'mark', ?1, ?2, ?3)",
            rusqlite::params![id, action, reason],
        )
        .unwrap();
    }
    conn
}

fn objects(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT type || ' ' || name FROM sqlite_master ORDER BY 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn version_2_gets_close_absences_with_the_untouched_ones_of_earlier_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let mut conn = version_2(&path);
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let recorded: Vec<i64> = conn
        .prepare("SELECT mark_id FROM close_absences ORDER BY mark_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(recorded, [1]);
    let fresh = Db::open_in_memory().unwrap();
    assert_eq!(objects(&conn), objects(&fresh.conn));
    // A change by hand now forgets the mark.
    conn.execute(
        "UPDATE marks SET status = 'excused', reason = '病假' WHERE id = 1",
        [],
    )
    .unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM close_absences", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}
