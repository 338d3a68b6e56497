//! Integrity and consistency check (`liaoyuan check`): SQLite's integrity and
//! foreign-key checks plus the domain's consistency rules. Read-only: the
//! file is opened without write access and never changed.

use crate::error::{Error, Result};
use crate::store::integrity::{self, RULES};
use crate::store::{Db, OpenMode};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::Path;

/// How many example ids each broken rule lists.
pub const EXAMPLES: usize = 5;

/// The key of the one rule checked in Rust (`store::presence::drift`): a mark's stored
/// `presence_short` disagrees with the presence rule.
pub const MARK_PRESENCE: &str = "mark_presence";

/// One consistency rule that some rows break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's key (see `store::integrity::RULES`).
    pub rule: &'static str,
    pub count: i64,
    /// The first few ids of offending rows.
    pub examples: Vec<i64>,
}

/// What the check found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub counts: Vec<(&'static str, i64)>,
    /// Lines of `PRAGMA integrity_check` other than "ok".
    pub integrity: Vec<String>,
    /// Dangling references.
    pub foreign_keys: Vec<crate::lang::Text>,
    /// Broken consistency rules (only those with at least one row).
    pub findings: Vec<Finding>,
    /// Number of consistency rules checked.
    pub rules_checked: usize,
}

impl CheckReport {
    /// Number of distinct problems (each integrity line, dangling reference
    /// or broken rule counts once).
    pub fn problem_count(&self) -> usize {
        self.integrity.len() + self.foreign_keys.len() + self.findings.len()
    }
    pub fn is_clean(&self) -> bool {
        self.problem_count() == 0
    }
}

/// Opens `path` read-only and checks it. A file that is not a Liaoyuan
/// database, or one newer than this program, is an error (and untouched).
pub fn check_file(path: &Path, today: NaiveDate) -> Result<CheckReport> {
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() == 0 {
            return Err(Error::NotADatabase {
                path: path.to_path_buf(),
                detail: crate::lang::pick("文件是空的", "the file is empty"),
            });
        }
    }
    let db = Db::open(path, OpenMode::ReadOnly)?;
    check(&db.conn, today)
}

/// Checks an open database.
pub fn check(conn: &Connection, today: NaiveDate) -> Result<CheckReport> {
    let today = today.format(crate::domain::DATE_FMT).to_string();
    let mut report = CheckReport {
        counts: integrity::counts(conn)?,
        integrity: integrity::integrity(conn)?,
        foreign_keys: integrity::foreign_keys(conn)?,
        findings: Vec::new(),
        rules_checked: RULES.len() + 1,
    };
    for rule in RULES {
        let (count, examples) = integrity::violations(conn, rule, &today, EXAMPLES)?;
        if count > 0 {
            report.findings.push(Finding {
                rule: rule.key,
                count,
                examples,
            });
        }
    }
    // A rule SQL cannot state: each mark's stored presence agrees with the presence rule.
    let (count, examples) = crate::store::presence::drift(conn, EXAMPLES)?;
    if count > 0 {
        report.findings.push(Finding {
            rule: MARK_PRESENCE,
            count,
            examples,
        });
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::demo::{generate_into, DemoOptions};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn demo() -> Db {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db
            .write(&crate::store::test_stamp("2026-03-02 09:00"))
            .unwrap();
        let opts = DemoOptions {
            teachers: 200,
            seed: 3,
            progress: false,
        };
        generate_into(&tx, &opts, today()).unwrap();
        tx.commit().unwrap();
        db
    }

    fn rules_broken(db: &Db) -> Vec<&'static str> {
        check(&db.conn, today())
            .unwrap()
            .findings
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn the_demo_district_is_clean() {
        let db = demo();
        let report = check(&db.conn, today()).unwrap();
        assert!(report.is_clean(), "{report:?}");
        assert_eq!(report.counts[1], ("teachers", 200));
        assert_eq!(report.rules_checked, RULES.len() + 1);
    }

    #[test]
    fn a_mark_with_the_wrong_date_or_school_is_found() {
        let db = demo();
        let id: i64 = db
            .conn
            .query_row("SELECT min(id) FROM marks", [], |r| r.get(0))
            .unwrap();
        db.conn
            .execute(
                "UPDATE marks SET session_date = '2001-01-01' WHERE id = ?1",
                [id],
            )
            .unwrap();
        let report = check(&db.conn, today()).unwrap();
        assert_eq!(
            report.findings,
            vec![Finding {
                rule: "mark_date",
                count: 1,
                examples: vec![id]
            }]
        );
        db.conn
            .execute("UPDATE marks SET school_id = (SELECT max(id) FROM schools) + 0 WHERE id = ?1 AND school_id <> (SELECT max(id) FROM schools)", [id])
            .unwrap();
        assert!(rules_broken(&db).contains(&"mark_school"));
    }

    #[test]
    fn a_tier_or_level_other_than_the_latest_step_is_found() {
        let db = demo();
        let stepped = "(SELECT teacher_id FROM tier_history WHERE level IS NOT NULL LIMIT 1)";
        db.conn
            .execute(
                &format!("UPDATE teachers SET tier_level = NULL WHERE id = {stepped}"),
                [],
            )
            .unwrap();
        assert!(rules_broken(&db).contains(&"tier_latest_step"));
        let db = demo();
        db.conn
            .execute(
                &format!(
                    "UPDATE teachers SET tier = 'rising', tier_level = NULL WHERE id = {stepped}"
                ),
                [],
            )
            .unwrap();
        assert!(rules_broken(&db).contains(&"tier_latest_step"));
    }

    #[test]
    fn marks_of_teachers_not_enrolled_and_future_marks_are_found() {
        let db = demo();
        db.conn
            .execute(
                "DELETE FROM enrolments WHERE id = (SELECT e.id FROM enrolments e JOIN sessions s ON s.project_id = e.project_id
                 JOIN marks m ON m.session_id = s.id AND m.teacher_id = e.teacher_id LIMIT 1)",
                [],
            )
            .unwrap();
        assert!(rules_broken(&db).contains(&"mark_not_enrolled"));
        let db = demo();
        db.conn
            .execute("UPDATE marks SET session_date = '2099-01-01' WHERE id = (SELECT min(id) FROM marks)", [])
            .unwrap();
        let broken = rules_broken(&db);
        assert!(broken.contains(&"mark_in_future"), "{broken:?}");
    }

    #[test]
    fn marks_timed_in_the_future_or_outside_their_session_are_found() {
        // Each edit moves one checked-in mark's times; `?1` is that mark.
        let cases = [
            // A left-early check-out before the session started (the 329-minute case).
            "UPDATE marks SET status = 'left_early', checked_out_at = session_date || ' 00:01:00' WHERE id = ?1",
            // A check-out after the session ended.
            "UPDATE marks SET checked_out_at = session_date || ' 23:59:00' WHERE id = ?1",
            // An arrival on another day than the session's.
            "UPDATE marks SET checked_in_at = date(session_date, '-1 day') || ' 08:00:00' WHERE id = ?1",
            // An arrival after the session ended.
            "UPDATE marks SET checked_in_at = session_date || ' 23:59:00' WHERE id = ?1",
            // Leaving before arriving.
            "UPDATE marks SET checked_out_at = checked_in_at, checked_in_at = datetime(checked_in_at, '+1 minute') WHERE id = ?1",
        ];
        for sql in cases {
            let db = demo();
            let id: i64 = db
                .conn
                .query_row(
                    "SELECT min(m.id) FROM marks m JOIN sessions s ON s.id = m.session_id
                     WHERE m.checked_in_at > s.date || ' ' || s.start_time
                       AND m.checked_in_at < s.date || ' ' || s.end_time",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            db.conn.execute(sql, [id]).unwrap();
            let report = check(&db.conn, today()).unwrap();
            let found = report
                .findings
                .iter()
                .find(|f| f.rule == "mark_outside_session");
            assert_eq!(found.map(|f| f.examples.clone()), Some(vec![id]), "{sql}");
        }
        // A check-in time after today.
        let db = demo();
        db.conn
            .execute("UPDATE marks SET checked_in_at = '2099-01-01 08:00:00' WHERE id = (SELECT min(id) FROM marks WHERE checked_in_at IS NOT NULL)", [])
            .unwrap();
        let broken = rules_broken(&db);
        assert!(broken.contains(&"mark_time_in_future"), "{broken:?}");
    }

    #[test]
    fn summary_counts_that_disagree_with_the_marks_are_found() {
        let db = demo();
        db.conn
            .execute("UPDATE school_month_marks SET marks = marks + 1 WHERE school_id = (SELECT min(school_id) FROM school_month_marks)", [])
            .unwrap();
        db.conn
            .execute("DELETE FROM school_month_vetoes WHERE school_id = (SELECT min(school_id) FROM school_month_vetoes)", [])
            .unwrap();
        let broken = rules_broken(&db);
        assert!(broken.contains(&"school_month_marks"), "{broken:?}");
        assert!(broken.contains(&"school_month_vetoes"), "{broken:?}");
    }

    #[test]
    fn follow_ups_that_break_the_recording_rules_are_found() {
        let db = demo();
        db.conn
            .execute("UPDATE follow_ups SET rating = NULL WHERE id = (SELECT min(id) FROM follow_ups WHERE status = 'evaluated')", [])
            .unwrap();
        db.conn
            .execute("UPDATE follow_ups SET held_date = '2099-01-01' WHERE id = (SELECT min(id) FROM follow_ups WHERE status = 'done')", [])
            .unwrap();
        let broken = rules_broken(&db);
        assert_eq!(
            broken,
            vec!["follow_up_rating_missing", "follow_up_held_in_future"]
        );
    }

    #[test]
    fn sessions_outside_their_project_are_found() {
        let db = demo();
        db.conn
            .execute(
                "UPDATE sessions SET date = '2001-01-01' WHERE id = (SELECT max(id) FROM sessions)",
                [],
            )
            .unwrap();
        assert!(rules_broken(&db).contains(&"session_outside_project"));
    }

    #[test]
    fn dangling_references_are_found() {
        let db = demo();
        db.conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        db.conn
            .execute(
                "DELETE FROM schools WHERE id = (SELECT school_id FROM teachers WHERE id = 1)",
                [],
            )
            .unwrap();
        let report = check(&db.conn, today()).unwrap();
        assert!(!report.foreign_keys.is_empty());
        assert!(!report.is_clean());
    }

    #[test]
    fn empty_and_garbage_files_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let err = check_file(&empty, today()).unwrap_err();
        assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
        assert_eq!(std::fs::read(&empty).unwrap(), b"");
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "名单\n张伟,实验小学\n").unwrap();
        assert!(matches!(
            check_file(&text, today()),
            Err(Error::NotADatabase { .. })
        ));
        assert_eq!(
            std::fs::read_to_string(&text).unwrap(),
            "名单\n张伟,实验小学\n"
        );
        assert!(matches!(
            check_file(&dir.path().join("missing.db"), today()),
            Err(Error::Missing(_))
        ));
        assert!(!dir.path().join("missing.db").exists());
    }
}
