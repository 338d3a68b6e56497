//! The upgrade that added tier levels, 文号 and targets: every tier step and teacher kept
//! (without a level), the plan's targets seeded, the same objects as a new file.

use super::super::{ensure, AS_VERSION_5_SQL, SCHEMA_SQL, SCHEMA_VERSION};
use crate::domain::tiers::{has_levels, PLAN_TARGETS};
use crate::domain::{Tier, TierLevel};
use crate::store::Db;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A file as the version before this upgrade wrote it, with two teachers and a tier step.
fn before_upgrade(dir: &Path) -> PathBuf {
    let path = dir.join("v5.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(AS_VERSION_5_SQL).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 5;
         INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id, tier) VALUES
           (1, 'T1', '张伟', 1, 'backbone'), (2, 'T2', '李娜', 1, 'qualified');
         INSERT INTO tier_history (teacher_id, tier, since, note) VALUES
           (1, 'backbone', '2024-03-01', '评选');",
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

fn upgraded() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = before_upgrade(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    ensure(&mut conn, &path).unwrap();
    (dir, conn)
}

#[test]
fn the_upgrade_keeps_every_step_without_a_level_and_seeds_the_plan_targets() {
    let (_dir, conn) = upgraded();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        rows(
            &conn,
            "SELECT staff_no || ' ' || tier || ' ' || coalesce(tier_level, '-') FROM teachers ORDER BY id"
        ),
        ["T1 backbone -", "T2 qualified -"]
    );
    assert_eq!(
        rows(
            &conn,
            "SELECT tier || ' ' || since || ' ' || coalesce(level, '-') || ' [' || doc_no || '] ' || note
             FROM tier_history"
        ),
        ["backbone 2024-03-01 - [] 评选"]
    );
    let expected: Vec<String> = PLAN_TARGETS
        .iter()
        .map(|(k, y, n)| format!("{} {y} {n}", k.code()))
        .collect();
    let seeded = "SELECT what || ' ' || year || ' ' || number FROM targets ORDER BY rowid";
    assert_eq!(rows(&conn, seeded), expected);
    let fresh = Db::open_in_memory().unwrap();
    assert_eq!(
        rows(&fresh.conn, seeded),
        expected,
        "a new file has them too"
    );
}

#[test]
fn the_upgraded_tables_have_the_columns_of_a_new_file() {
    let (_dir, conn) = upgraded();
    let fresh = Db::open_in_memory().unwrap();
    for table in ["teachers", "tier_history", "targets"] {
        let shape = |c: &Connection| {
            rows(
                c,
                &format!(
                    "SELECT p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || coalesce(p.dflt_value, '')
                     FROM pragma_table_xinfo('{table}') p ORDER BY p.cid"
                ),
            )
        };
        assert_eq!(shape(&conn), shape(&fresh.conn), "{table}");
    }
}

/// The CHECKs on levels agree with `has_levels`, in a new file and an upgraded one.
#[test]
fn a_level_is_stored_exactly_for_the_tiers_that_have_levels() {
    let (_dir, upgraded) = upgraded();
    let fresh = Db::open_in_memory().unwrap();
    for conn in [&upgraded, &fresh.conn] {
        conn.execute_batch(
            "INSERT OR IGNORE INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT OR IGNORE INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);",
        )
        .unwrap();
        for &tier in Tier::ALL {
            for &level in TierLevel::ALL {
                let history = conn.execute(
                    "INSERT INTO tier_history (teacher_id, tier, since, level) VALUES (1, ?1, '2025-01-01', ?2)",
                    [tier.code(), level.code()],
                );
                let current = conn.execute(
                    "UPDATE teachers SET tier = ?1, tier_level = ?2 WHERE id = 1",
                    [tier.code(), level.code()],
                );
                assert_eq!(history.is_ok(), has_levels(tier), "{tier} {level}");
                assert_eq!(current.is_ok(), has_levels(tier), "{tier} {level}");
                conn.execute("UPDATE teachers SET tier_level = NULL", [])
                    .unwrap();
            }
        }
    }
}
