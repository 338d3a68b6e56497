//! Completion and credits (DESIGN.md §4.3–4.4) through the ops layer, on a database file in
//! a temporary folder: the threshold, what counts as attended, credits granted once, the
//! follow-ups completers owe, the audit trail, all-or-nothing, and manual ledger entries.

use chrono::{NaiveDate, NaiveDateTime};
use liaoyuan::ops::completion::{complete_project, review, Warning};
use liaoyuan::ops::credits::{add_manual_entry, delete_manual_entry};
use liaoyuan::store::{credits, Db, OpenMode};

struct Fixture {
    _dir: tempfile::TempDir,
    db: Db,
}

fn d(text: &str) -> NaiveDate {
    liaoyuan::domain::parse_date(text).unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    liaoyuan::domain::parse_datetime(text).unwrap()
}

/// After every session of project 1 (which ends 2026-03-10).
fn later() -> NaiveDateTime {
    at("2026-03-20 10:00")
}

/// Project 1 (P1, 12 credits, concentrated, threshold 80%, ends 2026-03-10, follow-ups
/// report_back +14 and transplant_lesson +60) with ten sessions on 2026-03-01..10, all closed,
/// and five teachers enrolled with these marks (the rest of their sessions unmarked):
/// 1 张伟: 8 present → exactly 80%, completes
/// 2 李娜: 7 present + 1 excused → 70%, does not
/// 3 王芳: 6 present + 2 left_early → 80%, completes
/// 4 刘洋: 7 present + 1 late + 2 excused → 80%, completes
/// 5 赵敏: 7 present + 3 absent → 70%, does not
fn setup() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("c.db"), OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES
           (1, 'T001', '张伟', 1), (2, 'T002', '李娜', 1), (3, 'T003', '王芳', 2),
           (4, 'T004', '刘洋', 2), (5, 'T005', '赵敏', 2), (6, 'T006', '孙丽', 1);
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date, threshold_pct)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 12, '2026-03-01', '2026-03-10', 80),
                  (2, 'P2', '校本研修', 'school', 'continuing_education', 0, 4.5, '2026-03-01', '2026-03-01', 80);
         INSERT INTO project_follow_up_kinds (project_id, kind, due_days) VALUES
           (1, 'report_back', 14), (1, 'transplant_lesson', 60);",
    )
    .unwrap();
    for day in 1..=10 {
        c.execute(
            "INSERT INTO sessions (id, project_id, date, start_time, end_time, closed_at)
             VALUES (?1, 1, ?2, '08:30', '11:30', ?3)",
            rusqlite::params![
                day,
                format!("2026-03-{day:02}"),
                format!("2026-03-{day:02} 12:00:00")
            ],
        )
        .unwrap();
    }
    c.execute(
        "INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES (11, 2, '2026-03-01', '14:00', '17:00')",
        [],
    )
    .unwrap();
    for t in 1..=5 {
        let school = if t <= 2 { 1 } else { 2 };
        c.execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (1, ?1, ?2, '2026-02-20')",
            rusqlite::params![t, school],
        )
        .unwrap();
    }
    let plan: [(i64, &[&str]); 5] = [
        (1, &["present"; 8]),
        (
            2,
            &[
                "present", "present", "present", "present", "present", "present", "present",
                "excused",
            ],
        ),
        (
            3,
            &[
                "present",
                "present",
                "present",
                "present",
                "present",
                "present",
                "left_early",
                "left_early",
            ],
        ),
        (
            4,
            &[
                "present", "present", "present", "present", "present", "present", "present",
                "late", "excused", "excused",
            ],
        ),
        (
            5,
            &[
                "present", "present", "present", "present", "present", "present", "present",
                "absent", "absent", "absent",
            ],
        ),
    ];
    for (teacher, statuses) in plan {
        let school = if teacher <= 2 { 1 } else { 2 };
        for (i, status) in statuses.iter().enumerate() {
            let session = i as i64 + 1;
            c.execute(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2026-03-01 08:00:00')",
                rusqlite::params![
                    session,
                    teacher,
                    school,
                    format!("2026-03-{session:02}"),
                    status,
                    if *status == "excused" { "病假" } else { "" }
                ],
            )
            .unwrap();
        }
    }
    Fixture { _dir: dir, db }
}

fn count(db: &Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn completed_at(db: &Db) -> Option<String> {
    db.conn
        .query_row("SELECT completed_at FROM projects WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn review_applies_threshold_and_attended_statuses() {
    let f = setup();
    let r = review(&f.db.conn, 1, later()).unwrap();
    assert_eq!(r.sessions, 10);
    let by_name = |n: &str| r.teachers.iter().find(|t| t.name == n).unwrap().clone();
    // Exactly 80% completes; 70% does not.
    assert!(by_name("张伟").completes);
    assert_eq!(by_name("张伟").share_pct(r.sessions), 80.0);
    // Excused does not count as attended.
    assert_eq!(by_name("李娜").attended, 7);
    assert!(!by_name("李娜").completes);
    // Left early counts as attended.
    assert_eq!(by_name("王芳").attended, 8);
    assert!(by_name("王芳").completes);
    // Late counts; excused does not.
    assert_eq!(by_name("刘洋").attended, 8);
    assert!(by_name("刘洋").completes);
    assert_eq!(by_name("赵敏").attended, 7);
    assert!(!by_name("赵敏").completes);
    assert_eq!((r.completers, r.non_completers), (3, 2));
    // 张伟, 李娜 and 王芳 have 2 sessions each without a mark.
    assert!(r.warnings.contains(&Warning::TeachersUnmarked {
        teachers: 3,
        marks: 6
    }));
    assert!(r.refusal().is_none(), "{:?}", r.warnings);
}

#[test]
fn just_below_the_threshold_does_not_complete() {
    let f = setup();
    // 79%: raise the threshold one point above 张伟's 80% share instead of adding sessions.
    f.db.conn
        .execute("UPDATE projects SET threshold_pct = 81 WHERE id = 1", [])
        .unwrap();
    let r = review(&f.db.conn, 1, later()).unwrap();
    assert_eq!(r.completers, 0);
}

#[test]
fn review_warns_of_open_and_unfinished_sessions() {
    let f = setup();
    f.db.conn
        .execute(
            "UPDATE sessions SET closed_at = NULL WHERE id IN (9, 10)",
            [],
        )
        .unwrap();
    // During the last session: not over yet.
    let r = review(&f.db.conn, 1, at("2026-03-10 09:00")).unwrap();
    assert!(r.warnings.contains(&Warning::SessionsOpen(2)));
    assert!(r
        .warnings
        .contains(&Warning::SessionsNotOver(1, "2026-03-10 08:30".into())));
    assert!(matches!(r.refusal(), Some(Warning::SessionsNotOver(..))));
}

#[test]
fn completing_grants_credits_and_follow_ups_to_completers_only() {
    let mut f = setup();
    let out = complete_project(&mut f.db, 1, later()).unwrap();
    assert_eq!(out.completers, 3);
    assert_eq!(out.non_completers, 2);
    assert_eq!(out.credit_entries, 3);
    assert_eq!(out.follow_ups, 6);
    assert_eq!(completed_at(&f.db).as_deref(), Some("2026-03-20 10:00:00"));

    let mut st = f
        .db
        .conn
        .prepare(
            "SELECT teacher_id, credits, concentrated, earned_on, source FROM credit_entries ORDER BY teacher_id",
        )
        .unwrap();
    let rows: Vec<(i64, f64, i64, String, String)> = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected: Vec<(i64, f64, i64, String, String)> = [1, 3, 4]
        .iter()
        .map(|t| (*t, 12.0, 1, "2026-03-10".to_string(), "project".to_string()))
        .collect();
    assert_eq!(rows, expected);

    let mut st = f
        .db
        .conn
        .prepare(
            "SELECT teacher_id, kind, due_date, status FROM follow_ups ORDER BY teacher_id, kind",
        )
        .unwrap();
    let fus: Vec<(i64, String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut expected = Vec::new();
    for t in [1, 3, 4] {
        expected.push((
            t,
            "report_back".to_string(),
            "2026-03-24".to_string(),
            "pending".to_string(),
        ));
        expected.push((
            t,
            "transplant_lesson".to_string(),
            "2026-05-09".to_string(),
            "pending".to_string(),
        ));
    }
    assert_eq!(fus, expected);
}

#[test]
fn completing_twice_is_refused_and_rows_stay_unique() {
    let mut f = setup();
    complete_project(&mut f.db, 1, later()).unwrap();
    let audit_before = count(&f.db, "SELECT count(*) FROM audit_log");
    let err = complete_project(&mut f.db, 1, at("2026-03-21 10:00")).unwrap_err();
    assert!(err.to_string().contains("学分只发放一次"), "{err}");
    assert_eq!(count(&f.db, "SELECT count(*) FROM credit_entries"), 3);
    assert_eq!(count(&f.db, "SELECT count(*) FROM follow_ups"), 6);
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), audit_before);
    assert_eq!(completed_at(&f.db).as_deref(), Some("2026-03-20 10:00:00"));
    // The ledger itself refuses a second project entry for the same teacher.
    let dup = f.db.conn.execute(
        "INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
         VALUES (1, 1, 12, 1, '2026-03-10', 'project')",
        [],
    );
    assert!(dup.is_err());
}

#[test]
fn an_existing_project_entry_is_not_granted_again() {
    let mut f = setup();
    // 张伟 was credited for P1 earlier (e.g. by an import); completion must not duplicate it.
    f.db.conn
        .execute(
            "INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
             VALUES (1, 1, 12, 1, '2026-03-10', 'project')",
            [],
        )
        .unwrap();
    let out = complete_project(&mut f.db, 1, later()).unwrap();
    assert_eq!(out.credit_entries, 2);
    assert_eq!(
        count(
            &f.db,
            "SELECT count(*) FROM credit_entries WHERE teacher_id = 1"
        ),
        1
    );
}

#[test]
fn concentrated_flag_and_credits_are_copied() {
    let mut f = setup();
    // P2: not concentrated, 4.5 credits, one session; 孙丽 present.
    f.db.conn
        .execute_batch(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (2, 6, 1, '2026-02-20');
             INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
               VALUES (11, 6, 1, '2026-03-01', 'present', '2026-03-01 14:00:00');",
        )
        .unwrap();
    let out = complete_project(&mut f.db, 2, later()).unwrap();
    assert_eq!((out.credit_entries, out.follow_ups), (1, 0));
    let rows = credits::entries_of_teacher(&f.db.conn, 6).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].entry.credits, 4.5);
    assert!(!rows[0].entry.concentrated);
    assert!(!rows[0].entry.manual);
    assert_eq!(rows[0].project_code.as_deref(), Some("P2"));
}

#[test]
fn completion_is_audited() {
    let mut f = setup();
    complete_project(&mut f.db, 1, later()).unwrap();
    assert_eq!(
        count(
            &f.db,
            "SELECT count(*) FROM audit_log WHERE entity = 'credit_entry' AND action = 'create'"
        ),
        3
    );
    assert_eq!(
        count(
            &f.db,
            "SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND action = 'create'"
        ),
        6
    );
    let after: String = f
        .db
        .conn
        .query_row(
            "SELECT after FROM audit_log WHERE entity = 'project' AND entity_id = 1 AND action = 'complete'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(v["completers"], 3);
    assert_eq!(v["credit_entries"], 3);
}

#[test]
fn a_failure_midway_leaves_nothing() {
    let mut f = setup();
    // The third follow-up insert fails: credits for the first completer were already written
    // inside the transaction and must be rolled back with everything else.
    f.db.conn
        .execute_batch(
            "CREATE TRIGGER boom BEFORE INSERT ON follow_ups
             WHEN (SELECT count(*) FROM follow_ups) >= 2
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    assert!(complete_project(&mut f.db, 1, later()).is_err());
    assert_eq!(count(&f.db, "SELECT count(*) FROM credit_entries"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM follow_ups"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), 0);
    assert_eq!(completed_at(&f.db), None);
}

#[test]
fn future_sessions_and_empty_projects_are_refused() {
    let mut f = setup();
    let err = complete_project(&mut f.db, 1, at("2026-03-10 11:00")).unwrap_err();
    assert!(err.to_string().contains("场未结束"), "{err}");
    assert_eq!(completed_at(&f.db), None);
    // P2 has a session but nobody enrolled.
    let err = complete_project(&mut f.db, 2, later()).unwrap_err();
    assert!(err.to_string().contains("没有人报名"), "{err}");
    f.db.conn
        .execute("DELETE FROM sessions WHERE id = 11", [])
        .unwrap();
    let err = complete_project(&mut f.db, 2, later()).unwrap_err();
    assert!(err.to_string().contains("没有场次"), "{err}");
    assert!(complete_project(&mut f.db, 99, later()).is_err());
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), 0);
}

#[test]
fn manual_entries_are_validated_audited_and_deleted_with_a_reason() {
    let mut f = setup();
    let now = at("2026-04-01 09:00");
    let day = d("2026-03-15");
    for (credits, note) in [
        (0.0, "国家平台"),
        (-1.0, "国家平台"),
        (200.5, "国家平台"),
        (f64::NAN, "x"),
        (10.0, "  "),
    ] {
        assert!(
            add_manual_entry(&mut f.db, 1, credits, false, day, note, now).is_err(),
            "{credits} {note:?}"
        );
    }
    assert!(add_manual_entry(&mut f.db, 999, 5.0, false, day, "国家平台", now).is_err());
    let tomorrow = d("2026-04-02");
    let err = add_manual_entry(&mut f.db, 1, 5.0, false, tomorrow, "国家平台", now).unwrap_err();
    assert!(err.to_string().contains("还没到"), "{err}");
    assert_eq!(count(&f.db, "SELECT count(*) FROM credit_entries"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), 0);

    let e = add_manual_entry(
        &mut f.db,
        1,
        200.0,
        true,
        day,
        " 国家中小学智慧教育平台 ",
        now,
    )
    .unwrap();
    assert!(e.manual);
    assert_eq!(e.note, "国家中小学智慧教育平台");
    let small = add_manual_entry(&mut f.db, 1, 0.5, false, day, "讲座", now).unwrap();
    assert_eq!(
        count(
            &f.db,
            "SELECT count(*) FROM audit_log WHERE entity = 'credit_entry' AND action = 'create'"
        ),
        2
    );
    let settings = liaoyuan::domain::Settings::default();
    let (_, standing) = credits::cycle_standing(&f.db.conn, 1, d("2026-04-01"), &settings).unwrap();
    assert_eq!((standing.total, standing.concentrated), (200.5, 200.0));

    assert!(delete_manual_entry(&mut f.db, small.id, " ", now).is_err());
    delete_manual_entry(&mut f.db, small.id, "录入错误", now).unwrap();
    assert_eq!(credits::entries_of_teacher(&f.db.conn, 1).unwrap().len(), 1);
    let reason: String =
        f.db.conn
            .query_row(
                "SELECT reason FROM audit_log WHERE entity = 'credit_entry' AND action = 'delete'",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(reason, "录入错误");

    // Project entries are not deleted by hand.
    complete_project(&mut f.db, 1, later()).unwrap();
    let project_entry = credits::entries_of_teacher(&f.db.conn, 1)
        .unwrap()
        .into_iter()
        .find(|r| !r.entry.manual)
        .unwrap();
    let err = delete_manual_entry(&mut f.db, project_entry.entry.id, "试试", now).unwrap_err();
    assert!(err.to_string().contains("P1"), "{err}");
}
