//! Completion and credits (docs/rules.md §4.3–4.4) through the ops layer, on a database file in
//! a temporary folder: the threshold, what counts as attended, credits granted once, the
//! follow-ups completers owe, the audit trail, all-or-nothing, and manual ledger entries.

use chrono::{NaiveDate, NaiveDateTime};
use liaoyuan::domain::FollowUpKind;
use liaoyuan::ops::completion::{complete_project, review, Warning};
use liaoyuan::ops::credits::{add_manual_entry, delete_manual_entry};
use liaoyuan::ops::enrolments::{enrol_school, enrol_teachers, enrol_walk_in};
use liaoyuan::ops::projects::{edit_project, refuse_if_completed, refuse_locked_fields, Locked};
use liaoyuan::ops::sessions::{
    add_session, delete_session, edit_session, schedule_sessions, Block, Schedule,
};
use liaoyuan::ops::unenrol::remove_enrolment;
use liaoyuan::store::projects::{self as store_projects, ProjectFields};
use liaoyuan::store::sessions::SessionFields;
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
    let out = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
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
    complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
    let audit_before = count(&f.db, "SELECT count(*) FROM audit_log");
    let err = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(at("2026-03-21 10:00"), "tester"),
        1,
    )
    .unwrap_err();
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
    let out = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
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
    let out = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        2,
    )
    .unwrap();
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
    complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
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
    assert!(complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1
    )
    .is_err());
    assert_eq!(count(&f.db, "SELECT count(*) FROM credit_entries"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM follow_ups"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), 0);
    assert_eq!(completed_at(&f.db), None);
}

#[test]
fn future_sessions_and_empty_projects_are_refused() {
    let mut f = setup();
    let err = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(at("2026-03-10 11:00"), "tester"),
        1,
    )
    .unwrap_err();
    assert!(err.to_string().contains("场未结束"), "{err}");
    assert_eq!(completed_at(&f.db), None);
    // P2 has a session but nobody enrolled.
    let err = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        2,
    )
    .unwrap_err();
    assert!(err.to_string().contains("没有人报名"), "{err}");
    f.db.conn
        .execute("DELETE FROM sessions WHERE id = 11", [])
        .unwrap();
    let err = complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        2,
    )
    .unwrap_err();
    assert!(err.to_string().contains("没有场次"), "{err}");
    assert!(complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        99
    )
    .is_err());
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
            add_manual_entry(
                &mut f.db,
                &liaoyuan::store::Stamp::new(now, "tester"),
                1,
                credits,
                false,
                day,
                note
            )
            .is_err(),
            "{credits} {note:?}"
        );
    }
    assert!(add_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        999,
        5.0,
        false,
        day,
        "国家平台"
    )
    .is_err());
    let tomorrow = d("2026-04-02");
    let err = add_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        1,
        5.0,
        false,
        tomorrow,
        "国家平台",
    )
    .unwrap_err();
    assert!(err.to_string().contains("还没到"), "{err}");
    assert_eq!(count(&f.db, "SELECT count(*) FROM credit_entries"), 0);
    assert_eq!(count(&f.db, "SELECT count(*) FROM audit_log"), 0);

    let e = add_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        1,
        200.0,
        true,
        day,
        " 国家中小学智慧教育平台 ",
    )
    .unwrap();
    assert!(e.manual);
    assert_eq!(e.note, "国家中小学智慧教育平台");
    let small = add_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        1,
        0.5,
        false,
        day,
        "讲座",
    )
    .unwrap();
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

    assert!(delete_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        small.id,
        " "
    )
    .is_err());
    delete_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        small.id,
        "录入错误",
    )
    .unwrap();
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
    complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
    let project_entry = credits::entries_of_teacher(&f.db.conn, 1)
        .unwrap()
        .into_iter()
        .find(|r| !r.entry.manual)
        .unwrap();
    let err = delete_manual_entry(
        &mut f.db,
        &liaoyuan::store::Stamp::new(now, "tester"),
        project_entry.entry.id,
        "试试",
    )
    .unwrap_err();
    assert!(err.to_string().contains("P1"), "{err}");
}

// --- A completed project is locked for the facts its completion rested on (§4.3). ---

/// Project 1 completed (3 completers), and a snapshot of what completion wrote.
fn completed() -> Fixture {
    let mut f = setup();
    complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(later(), "tester"),
        1,
    )
    .unwrap();
    f
}

/// Everything a refused change could have touched in project 1, as text.
fn snapshot(db: &Db) -> String {
    let q = |sql: &str| -> Vec<String> {
        let mut st = db.conn.prepare(sql).unwrap();
        let rows: Vec<String> = st
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    [
        q("SELECT code||title||concentrated||credits||start_date||end_date||threshold_pct||venue||ifnull(capacity,'') FROM projects WHERE id = 1"),
        q("SELECT id||date||start_time||end_time FROM sessions WHERE project_id = 1 ORDER BY id"),
        q("SELECT teacher_id||'' FROM enrolments WHERE project_id = 1 ORDER BY teacher_id"),
        q("SELECT kind||due_days FROM project_follow_up_kinds WHERE project_id = 1 ORDER BY kind"),
        q("SELECT count(*)||'' FROM audit_log"),
    ]
    .concat()
    .join("\n")
}

fn project_one(db: &Db) -> (ProjectFields, Vec<(FollowUpKind, i64)>) {
    let p = store_projects::get_project(&db.conn, 1).unwrap().unwrap();
    let kinds = store_projects::follow_up_kinds(&db.conn, 1).unwrap();
    (ProjectFields::from(&p), kinds)
}

fn assert_locked(result: liaoyuan::error::Result<impl std::fmt::Debug>, db: &Db, before: &str) {
    let e = result.unwrap_err();
    let text = e.to_string();
    assert!(text.contains("项目 P1 已结业（学分已发放）"), "{text}");
    assert_eq!(
        snapshot(db),
        before,
        "a refused change left something behind"
    );
}

/// One change to a project's fields.
type Change = fn(&mut ProjectFields);

#[test]
fn a_completed_projects_credits_flag_threshold_dates_and_follow_ups_are_locked() {
    let mut f = completed();
    let before = snapshot(&f.db);
    let (fields, kinds) = project_one(&f.db);
    let changes: [(&str, Change); 5] = [
        ("学分", |p| p.credits = 10.0),
        ("集中培训", |p| p.concentrated = false),
        ("结业出勤率", |p| p.threshold_pct = 70),
        ("开始或结束日期", |p| p.end_date = d("2026-03-15")),
        ("开始或结束日期", |p| p.start_date = d("2026-02-28")),
    ];
    for (what, change) in changes {
        let mut g = fields.clone();
        change(&mut g);
        let e = edit_project(&mut f.db, &crate::completion::stamp(), 1, &g, &kinds)
            .unwrap_err()
            .to_string();
        assert!(e.contains(what), "{what}: {e}");
        assert_eq!(snapshot(&f.db), before);
    }
    let mut g = fields.clone();
    g.credits = 6.0;
    g.threshold_pct = 60;
    let e = edit_project(&mut f.db, &crate::completion::stamp(), 1, &g, &kinds)
        .unwrap_err()
        .to_string();
    assert!(e.contains("不能修改学分、结业出勤率"), "{e}");
    assert_locked(
        edit_project(
            &mut f.db,
            &crate::completion::stamp(),
            1,
            &fields,
            &kinds[..1],
        ),
        &f.db,
        &before,
    );
    let extra = FollowUpKind::ALL
        .iter()
        .find(|k| !kinds.iter().any(|(x, _)| x == *k))
        .copied();
    if let Some(extra) = extra {
        let mut more = kinds.clone();
        more.push((extra, 30));
        assert_locked(
            edit_project(&mut f.db, &crate::completion::stamp(), 1, &fields, &more),
            &f.db,
            &before,
        );
    }
}

#[test]
fn a_completed_projects_title_venue_capacity_code_stay_editable() {
    let mut f = completed();
    let (mut fields, kinds) = project_one(&f.db);
    fields.title = "骨干教师培训（第一期）".into();
    fields.venue = "进修学校 302".into();
    fields.capacity = Some(40);
    fields.code = "P1A".into();
    edit_project(&mut f.db, &crate::completion::stamp(), 1, &fields, &kinds).unwrap();
    assert_eq!(project_one(&f.db).0, fields);
    // Unchanged locked fields compare equal after the round trip through the database.
    edit_project(&mut f.db, &crate::completion::stamp(), 1, &fields, &kinds).unwrap();
}

#[test]
fn an_uncompleted_projects_credits_and_sessions_stay_editable() {
    let mut f = setup();
    let (mut fields, kinds) = project_one(&f.db);
    fields.credits = 10.0;
    edit_project(&mut f.db, &crate::completion::stamp(), 1, &fields, &kinds).unwrap();
    let id = add_session(
        &mut f.db,
        &crate::completion::stamp(),
        1,
        &session("2026-03-10", "14:00"),
    )
    .unwrap();
    delete_session(&mut f.db, &crate::completion::stamp(), id).unwrap();
    enrol_teachers(
        &mut f.db,
        &crate::completion::stamp(),
        1,
        &[6],
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
    remove_enrolment(&mut f.db, &crate::completion::stamp(), 1, 6).unwrap();
}

fn session(date: &str, start: &str) -> SessionFields {
    SessionFields {
        date: d(date),
        start: liaoyuan::domain::parse_time(start).unwrap(),
        end: liaoyuan::domain::parse_time("17:00").unwrap(),
        topic: "课例研讨".into(),
        trainer_id: None,
        venue: String::new(),
    }
}

#[test]
fn a_completed_projects_sessions_cannot_be_added_moved_or_deleted() {
    let mut f = completed();
    // A session without marks (deletable before completion).
    f.db.conn
        .execute(
            "INSERT INTO sessions (id, project_id, date, start_time, end_time, closed_at)
             VALUES (12, 1, '2026-03-10', '14:00', '17:00', '2026-03-10 18:00:00')",
            [],
        )
        .unwrap();
    let before = snapshot(&f.db);
    assert_locked(
        add_session(
            &mut f.db,
            &crate::completion::stamp(),
            1,
            &session("2026-03-09", "14:00"),
        ),
        &f.db,
        &before,
    );
    let schedule = Schedule {
        first_date: d("2026-03-08"),
        days: 2,
        blocks: vec![Block::default_for(liaoyuan::domain::DayPart::ALL[1])],
        topic: String::new(),
        venue: String::new(),
    };
    assert_locked(
        schedule_sessions(&mut f.db, &crate::completion::stamp(), 1, &schedule),
        &f.db,
        &before,
    );
    assert_locked(
        delete_session(&mut f.db, &crate::completion::stamp(), 12),
        &f.db,
        &before,
    );
    for moved in [
        session("2026-03-09", "14:00"),
        session("2026-03-10", "14:30"),
        SessionFields {
            end: liaoyuan::domain::parse_time("16:00").unwrap(),
            ..session("2026-03-10", "14:00")
        },
    ] {
        assert_locked(
            edit_session(
                &mut f.db,
                &crate::completion::stamp(),
                12,
                &moved,
                Some("改期"),
            ),
            &f.db,
            &before,
        );
    }
    // Topic, trainer and venue of a (closed) session may still change, with a reason.
    let renamed = SessionFields {
        topic: "新主题".into(),
        venue: "报告厅".into(),
        ..session("2026-03-10", "14:00")
    };
    edit_session(
        &mut f.db,
        &crate::completion::stamp(),
        12,
        &renamed,
        Some("更正主题"),
    )
    .unwrap();
}

#[test]
fn a_completed_projects_enrolment_list_is_locked() {
    let mut f = completed();
    // Teacher 6 enrolled without marks (removable before completion).
    f.db.conn
        .execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES (1, 6, 1, '2026-02-20')",
            [],
        )
        .unwrap();
    let before = snapshot(&f.db);
    assert_locked(
        remove_enrolment(&mut f.db, &crate::completion::stamp(), 1, 6),
        &f.db,
        &before,
    );
    f.db.conn
        .execute("DELETE FROM enrolments WHERE teacher_id = 6", [])
        .unwrap();
    let before = snapshot(&f.db);
    assert_locked(
        enrol_teachers(
            &mut f.db,
            &crate::completion::stamp(),
            1,
            &[6],
            liaoyuan::ops::enrolments::Limits::Keep,
        ),
        &f.db,
        &before,
    );
    assert_locked(
        enrol_school(
            &mut f.db,
            &crate::completion::stamp(),
            1,
            1,
            liaoyuan::ops::enrolments::Limits::Keep,
        ),
        &f.db,
        &before,
    );
    assert_locked(
        enrol_walk_in(&mut f.db, &crate::completion::stamp(), 1, 6),
        &f.db,
        &before,
    );
    // Project 2 is not completed: enrolling there still works.
    assert_eq!(
        enrol_teachers(
            &mut f.db,
            &crate::completion::stamp(),
            2,
            &[6],
            liaoyuan::ops::enrolments::Limits::Keep
        )
        .unwrap()
        .added,
        1
    );
}

#[test]
fn the_lock_applies_to_completed_projects_only() {
    let mut f = completed();
    let p = store_projects::get_project(&f.db.conn, 1).unwrap().unwrap();
    let (mut fields, kinds) = project_one(&f.db);
    fields.credits = 1.0;
    let zh = edit_project(&mut f.db, &crate::completion::stamp(), 1, &fields, &kinds).unwrap_err();
    assert!(zh.to_string().contains("不能修改学分"), "{zh}");
    let e = refuse_locked_fields(&p, &fields, false).unwrap_err();
    assert!(e.to_string().contains("P1"), "{e}");
    assert!(refuse_if_completed(&p, Locked::Sessions).is_err());
    let mut open = p.clone();
    open.completed_at = None;
    assert!(refuse_if_completed(&open, Locked::Enrolments).is_ok());
    assert!(refuse_locked_fields(&open, &fields, true).is_ok());
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
