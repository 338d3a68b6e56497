//! The upgrades from one schema version to the next (see `super::MIGRATIONS`).
//! Each runs inside its own transaction; an upgrade that refuses leaves the
//! file exactly as it was.

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{self, AuditEntry};
use rusqlite::Transaction;
use std::path::Path;

/// Version 1 → 2: staff numbers in one stored form (trimmed, upper case), each
/// change audited, and the unique NOCASE index of schema.sql as the guard.
/// Two teachers whose numbers differ only in case are never merged silently:
/// the upgrade is refused with a list of them.
pub(super) fn v2_canonical_staff_numbers(tx: &Transaction, path: &Path) -> Result<()> {
    let clashes = staff_number_clashes(tx)?;
    if !clashes.is_empty() {
        let (p, list) = (path.display(), clashes.join("\n"));
        return Err(Error::invalid(pick(
            format!(
                "{p}：无法升级到结构版本 2：以下工号只有大小写不同，却属于不同的教师：\n{list}\n\
                 请先用旧版燎原或 sqlite3 给每组中的一位改一个工号（或把他们合并为一位教师），\
                 再打开此文件；文件未作任何改动"
            ),
            format!(
                "{p}: cannot upgrade to schema version 2: these staff numbers differ only in \
                 case but belong to different teachers:\n{list}\n\
                 Give all but one of each group another staff number (or merge them into one \
                 teacher) with the previous Liaoyuan or sqlite3, then open the file again; the \
                 file was not changed"
            ),
        )));
    }
    let changed: Vec<(i64, String, String)> = tx
        .prepare(
            "SELECT id, staff_no, upper(trim(staff_no)) FROM teachers
             WHERE staff_no <> upper(trim(staff_no)) ORDER BY id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // Upgrades run while the file is opened, before any intent: the one store function that
    // takes its stamp from the clock itself.
    let crate::store::Stamp { now, actor } = crate::clock::stamp();
    // Stored data, not a message: the audit log keeps the district's language.
    let reason = "结构升级（版本 2）：工号统一为大写".to_string();
    for (id, before, after) in &changed {
        tx.execute(
            "UPDATE teachers SET staff_no = ?2 WHERE id = ?1",
            rusqlite::params![id, after],
        )?;
        audit::record(
            tx,
            &AuditEntry {
                at: now,
                actor: &actor,
                entity: audit::Entity::Teacher,
                entity_id: Some(*id),
                action: audit::AuditAction::Update,
                before: Some(serde_json::json!({ "staff_no": before })),
                after: Some(serde_json::json!({ "staff_no": after })),
                reason: &reason,
            },
        )?;
    }
    tx.execute_batch(
        "CREATE UNIQUE INDEX teachers_staff_no_nocase ON teachers(staff_no COLLATE NOCASE);",
    )?;
    Ok(())
}

/// Version 2 → 3, in one self-contained SQL string: the `close_absences` table (as in
/// schema.sql), filled with the absences earlier closes wrote that nobody touched since: the
/// mark's only audit entry after its creation by "close session" is none, and it is still the
/// absence written then. Idempotent (IF NOT EXISTS), so a file that already has the objects
/// (a test fixture built from schema.sql at an older version number) upgrades too.
pub(super) const V3_CLOSE_ABSENCES: &str = "
CREATE TABLE IF NOT EXISTS close_absences (
    mark_id     INTEGER PRIMARY KEY REFERENCES marks(id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    closed_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS close_absences_session ON close_absences(session_id);
CREATE TRIGGER IF NOT EXISTS close_absences_changed_by_hand
AFTER UPDATE OF status, minutes_late, minutes_early, checked_in_at, checked_out_at, reason ON marks
BEGIN
    DELETE FROM close_absences WHERE mark_id = OLD.id;
END;
INSERT OR IGNORE INTO close_absences (mark_id, session_id, closed_at)
SELECT m.id, m.session_id, a.at
FROM audit_log a JOIN marks m ON m.id = a.entity_id
WHERE a.entity = 'mark' AND a.action = 'create'
  AND a.reason = 'close session: no mark → absent'
  AND m.status = 'absent' AND m.reason = '' AND m.checked_in_at IS NULL AND m.checked_out_at IS NULL
  AND m.recorded_at = a.at
  AND NOT EXISTS (SELECT 1 FROM audit_log b
                  WHERE b.entity = 'mark' AND b.entity_id = m.id AND b.id > a.id);
";

pub(super) fn v3_close_absences(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(V3_CLOSE_ABSENCES)?;
    Ok(())
}

/// Version 3 → 4: `projects.veto_scope` (concentrated → on, else off: the plan's words) and
/// the marks columns SQL reads for the veto and for "attended" (v4_veto_scope_presence.sql);
/// then each mark's `presence_short` from the presence rule, in Rust.
pub(super) fn v4_veto_scope_and_presence(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("v4_veto_scope_presence.sql"))?;
    crate::store::presence::settle(tx, crate::store::presence::Marks::All)?;
    Ok(())
}

/// Version 4 → 5: `teachers.status` (as in schema.sql); every existing teacher is active.
pub(super) const V5_TEACHER_STATUS: &str = "ALTER TABLE teachers ADD COLUMN status TEXT NOT NULL \
     DEFAULT 'active' CHECK (status IN ('active','transferred','retired','left'));";

pub(super) fn v5_teacher_status(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(V5_TEACHER_STATUS)?;
    Ok(())
}

/// Tier steps get a level and a 文号, teachers their current level; the plan's targets.
pub(super) fn tier_levels_targets(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("tier_levels_targets.sql"))?;
    Ok(())
}

/// The columns `starlight_life_cycle` adds to `trainers`, as schema.sql has them.
const STARLIGHT_COLUMNS: [(&str, &str); 4] = [
    ("selected_on", "TEXT"),
    ("selection_note", "TEXT NOT NULL DEFAULT ''"),
    ("exited_on", "TEXT"),
    ("exit_reason", "TEXT NOT NULL DEFAULT ''"),
];

/// Starlight trainers' selection and exit columns and the `trainer_assessments` table (as in
/// schema.sql); existing trainers keep everything, with no selection or exit recorded.
pub(super) fn starlight_life_cycle(tx: &Transaction, _path: &Path) -> Result<()> {
    for (name, definition) in STARLIGHT_COLUMNS {
        let present: bool = tx.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info('trainers') WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if !present {
            tx.execute_batch(&format!(
                "ALTER TABLE trainers ADD COLUMN {name} {definition};"
            ))?;
        }
    }
    tx.execute_batch(include_str!("starlight_life_cycle.sql"))?;
    Ok(())
}

/// Version 5 → 6: teachers' roles with appointment dates; projects' hours, training form,
/// budget planned and spent, and the qualification-training flag. Existing rows keep
/// every value and get no role, 0 hours, no form or budget.
pub(super) fn principals_and_training_metadata(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("principals_and_training_metadata.sql"))?;
    Ok(())
}

/// Version 5 → 6: the stored search keys (as in schema.sql), filled for every teacher.
pub(super) fn teacher_search_keys(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("search_keys.sql"))?;
    crate::store::search_keys::refresh(tx)?;
    Ok(())
}

/// Feedback per session or project with three ratings (content, trainer, organisation) and
/// its source; every old row is kept, its rating as the content rating, source 'legacy'.
/// A table already in the new shape (a file built from today's schema with an older
/// version number, as the earlier upgrades' tests build theirs) is left as it is.
pub(super) fn feedback_ratings(tx: &Transaction, _path: &Path) -> Result<()> {
    let old_shape: bool = tx.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('feedback') WHERE name = 'rating'",
        [],
        |r| r.get(0),
    )?;
    if old_shape {
        tx.execute_batch(include_str!("feedback_ratings.sql"))?;
    }
    Ok(())
}

/// Needs surveys (训前调研): the surveys, each teacher's answer and topics, and the draft
/// projects made from a topic. New tables only.
pub(super) fn needs_survey(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("needs_survey.sql"))?;
    Ok(())
}

/// One line per group of teachers whose staff numbers differ only in case:
/// "  T000013 张伟 (实验小学, id 13) / t000013 李娜 (第二中学, id 2001)".
fn staff_number_clashes(tx: &Transaction) -> Result<Vec<String>> {
    let rows: Vec<(String, String)> = tx
        .prepare(
            "SELECT upper(trim(t.staff_no)),
                    t.staff_no || ' ' || t.name || ' (' || coalesce(s.name, '?') || ', id ' || t.id || ')'
             FROM teachers t LEFT JOIN schools s ON s.id = t.school_id
             WHERE upper(trim(t.staff_no)) IN (SELECT upper(trim(staff_no)) FROM teachers
                                               GROUP BY 1 HAVING count(*) > 1)
             ORDER BY 1, t.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    for (key, teacher) in rows {
        match lines.last_mut() {
            Some((k, group)) if *k == key => group.push(teacher),
            _ => lines.push((key, vec![teacher])),
        }
    }
    Ok(lines
        .into_iter()
        .map(|(_, group)| format!("  {}", group.join(" / ")))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::{ensure, AS_VERSION_2_SQL, SCHEMA_SQL, SCHEMA_VERSION};
    use crate::store::{Db, OpenMode};
    use rusqlite::Connection;
    use std::path::{Path, PathBuf};

    /// A database file as Liaoyuan's schema version 1 wrote it, holding `teachers`
    /// ((id, staff_no, name); school 1 is 实验小学).
    fn version_1(dir: &Path, teachers: &[(i64, &str, &str)]) -> PathBuf {
        let path = dir.join("v1.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(SCHEMA_SQL).unwrap();
        conn.execute_batch(AS_VERSION_2_SQL).unwrap();
        conn.execute_batch(
            "DROP INDEX IF EXISTS teachers_staff_no_nocase;
             PRAGMA user_version = 1;
             INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');",
        )
        .unwrap();
        for (id, no, name) in teachers {
            conn.execute(
                "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (?1, ?2, ?3, 1)",
                rusqlite::params![id, no, name],
            )
            .unwrap();
        }
        path
    }

    fn staff_numbers(conn: &Connection) -> Vec<String> {
        conn.prepare("SELECT staff_no FROM teachers ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
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
    fn version_1_staff_numbers_are_upgraded_to_upper_case_and_audited() {
        let dir = tempfile::tempdir().unwrap();
        let path = version_1(
            dir.path(),
            &[
                (1, "t000013", "张伟"),
                (2, "T000014", "李娜"),
                (3, "tn-7a", "王芳"),
            ],
        );
        let mut conn = Connection::open(&path).unwrap();
        ensure(&mut conn, &path).unwrap();
        assert_eq!(version(&conn), SCHEMA_VERSION);
        assert_eq!(staff_numbers(&conn), ["T000013", "T000014", "TN-7A"]);
        let audited: Vec<(i64, String)> = conn
            .prepare("SELECT entity_id, after FROM audit_log WHERE entity = 'teacher' ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            audited,
            [
                (1, r#"{"staff_no":"T000013"}"#.to_string()),
                (3, r#"{"staff_no":"TN-7A"}"#.to_string())
            ]
        );
        // The guard is in place: another case of a stored number is refused.
        let again = conn.execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('t000014', '刘洋', 1)",
            [],
        );
        assert!(again.is_err());
        // The upgraded file has the objects of a new one.
        let fresh = Db::open_in_memory().unwrap();
        assert_eq!(objects(&conn), objects(&fresh.conn));
    }

    #[test]
    fn numbers_differing_only_in_case_refuse_the_upgrade_and_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = version_1(
            dir.path(),
            &[
                (1, "T000013", "张伟"),
                (2, "t000013", "李娜"),
                (3, "f0001", "王芳"),
                (4, "F0001", "刘洋"),
                (5, "t9", "赵磊"),
            ],
        );
        let err = match Db::open(&path, OpenMode::Existing) {
            Ok(_) => panic!("the upgrade merged or kept two teachers with one staff number"),
            Err(e) => e.to_string(),
        };
        for part in [
            "T000013 张伟 (实验小学, id 1) / t000013 李娜 (实验小学, id 2)",
            "f0001 王芳 (实验小学, id 3) / F0001 刘洋 (实验小学, id 4)",
            "结构版本 2",
        ] {
            assert!(err.contains(part), "{part}: {err}");
        }
        assert!(!err.contains("t9"), "{err}");
        let conn = Connection::open(&path).unwrap();
        assert_eq!(version(&conn), 1);
        assert_eq!(
            staff_numbers(&conn),
            ["T000013", "t000013", "f0001", "F0001", "t9"]
        );
        let audit: i64 = conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(audit, 0);
    }
}

#[cfg(test)]
#[path = "feedback_ratings_tests.rs"]
mod feedback_ratings_tests;
#[cfg(test)]
#[path = "needs_survey_tests.rs"]
mod needs_survey_tests;
#[cfg(test)]
#[path = "search_keys_tests.rs"]
mod search_keys_tests;
#[cfg(test)]
#[path = "starlight_life_cycle_tests.rs"]
mod starlight_life_cycle_tests;
#[cfg(test)]
#[path = "tier_levels_targets_tests.rs"]
mod tier_levels_targets_tests;
#[cfg(test)]
#[path = "v4_tests.rs"]
mod v4_tests;
#[cfg(test)]
#[path = "v5_tests.rs"]
mod v5_tests;

/// Version 5 → 6: credit registration (学分登记); every existing entry is recognised, so the
/// kept cycle totals stay as they are while their triggers learn to count recognised entries only.
pub(super) fn credit_registration(tx: &Transaction, _path: &Path) -> Result<()> {
    tx.execute_batch(include_str!("credit_registration.sql"))?;
    Ok(())
}
