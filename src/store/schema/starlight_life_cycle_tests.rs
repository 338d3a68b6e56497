//! The upgrade that adds the Starlight life cycle: every trainer kept with its levels, no
//! selection or exit recorded; assessments can be written; the columns as a new file has them.

use super::super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A version-5 file (today's schema without the life-cycle columns and table) with two
/// trainers.
fn version_5(dir: &Path) -> PathBuf {
    let path = dir.join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO trainers (id, name, affiliation, status, teach) VALUES
           (1, '李教授', '西南大学', 'certified', 3), (2, '王老师', '', 'retired', 1);",
    )
    .unwrap();
    path
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!(
        "SELECT name FROM pragma_table_info('{table}') ORDER BY name"
    ))
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

#[test]
fn version_5_upgrades_keeping_every_trainer_with_no_selection_or_exit() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_5(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let kept: Vec<String> = conn
        .prepare(
            "SELECT name || ' ' || status || ' ' || teach || ' ' || coalesce(selected_on, '-')
                    || ' ' || coalesce(exited_on, '-') || ' [' || exit_reason || ']'
             FROM trainers ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        kept,
        ["李教授 certified 3 - - []", "王老师 retired 1 - - []"]
    );
    conn.execute(
        "INSERT INTO trainer_assessments (trainer_id, competency, level, assessed_on, assessor,
           evidence_kind, evidence) VALUES (1, 'teach', 3, '2026-11-02', '陈主任', 'observation', '听课')",
        [],
    )
    .unwrap();
    // The upgraded file has the columns a new file has.
    let fresh = Connection::open_in_memory().unwrap();
    fresh.execute_batch(SCHEMA_SQL).unwrap();
    for table in ["trainers", "trainer_assessments"] {
        assert_eq!(columns(&conn, table), columns(&fresh, table), "{table}");
    }
}
