//! Contract tests: the SQL that states a domain rule agrees with the rule (one test per rule,
//! docs in schema.sql). Adding a status to `Status` without the SQL makes them fail: the
//! `marks.status` CHECK refuses it, or a generated column answers differently.

use crate::domain::attendance::Presence;
use crate::domain::veto::{causes_veto, default_veto_scope};
use crate::domain::{Mark, Status};
use crate::store::{marks, settings, Db};
use chrono::NaiveDate;
use rusqlite::params;

/// Two projects: 1 in veto scope, 2 out of it; session s of project s, 08:30–11:30 (180 min).
fn district() -> Db {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date, veto_scope)
               VALUES (1, 'P1', '集中', 'district', 'starlight', '2026-03-01', '2026-03-31', 1),
                      (2, 'P2', '校本', 'school', 'starlight', '2026-03-01', '2026-03-31', 0);
             INSERT INTO sessions (id, project_id, date, start_time, end_time)
               VALUES (1, 1, '2026-03-02', '08:30', '11:30'), (2, 2, '2026-03-02', '08:30', '11:30');",
        )
        .unwrap();
    db
}

fn teacher(db: &Db, id: i64) {
    db.conn
        .execute(
            "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (?1, ?2, '张伟', 1)",
            params![id, format!("T{id}")],
        )
        .unwrap();
}

#[test]
fn marks_causes_veto_agrees_with_the_domain_for_every_status_in_and_out_of_scope() {
    let db = district();
    let mut id = 0;
    for status in Status::ALL {
        for (session, in_scope) in [(1, true), (2, false)] {
            id += 1;
            teacher(&db, id);
            db.conn
                .execute(
                    "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status,
                                        reason, recorded_at)
                     VALUES (?1, ?2, 1, '2026-03-02', ?3, 'x', 'x')",
                    params![session, id, status.code()],
                )
                .unwrap_or_else(|e| panic!("{status:?}: schema.sql refuses the status: {e}"));
            let (scope, vetoes): (bool, bool) = db
                .conn
                .query_row(
                    "SELECT in_veto_scope, causes_veto FROM marks WHERE teacher_id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(
                scope, in_scope,
                "{status:?}: the mark took its project's scope"
            );
            assert_eq!(
                vetoes,
                causes_veto(*status, in_scope),
                "{status:?} in scope {in_scope}: marks.causes_veto (schema.sql) and \
                 domain::veto::causes_veto disagree"
            );
        }
    }
}

#[test]
fn a_project_inserted_without_a_scope_takes_the_domain_default() {
    let db = Db::open_in_memory().unwrap();
    for (id, concentrated) in [(1, true), (2, false)] {
        db.conn
            .execute(
                "INSERT INTO projects (id, code, title, level, plan, concentrated, start_date, end_date)
                 VALUES (?1, ?2, 't', 'district', 'starlight', ?3, '2026-03-01', '2026-03-31')",
                params![id, format!("P{id}"), concentrated],
            )
            .unwrap();
        let scope: bool = db
            .conn
            .query_row("SELECT veto_scope FROM projects WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(scope, default_veto_scope(concentrated), "{concentrated}");
    }
}

fn mark(session: i64, teacher: i64, status: Status, late: i64, early: i64) -> Mark {
    let at = NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    Mark {
        id: 0,
        session_id: session,
        teacher_id: teacher,
        school_id: 1,
        session_date: at.date(),
        status,
        minutes_late: late,
        minutes_early: early,
        checked_in_at: None,
        checked_out_at: None,
        reason: "x".into(),
        recorded_by: "t".into(),
        recorded_at: at,
    }
}

#[test]
fn marks_attended_agrees_with_the_presence_rule_at_every_share_and_after_a_change() {
    let db = district();
    let minutes = [
        (0, 0),
        (89, 0),
        (90, 0),
        (91, 0),
        (0, 90),
        (0, 150),
        (120, 0),
        (45, 46),
    ];
    let mut cases = Vec::new();
    let mut id = 0;
    for status in Status::ALL {
        for (late, early) in minutes {
            id += 1;
            teacher(&db, id);
            let m = mark(1, id, *status, late, early);
            marks::insert_mark_if_absent(&db.conn, &m).unwrap();
            cases.push((id, *status, late, early));
        }
    }
    for pct in [50, 0, 60, 100, 50] {
        // Changing the share settles every mark (store::settings::set).
        settings::set(&db.conn, "min_presence_pct", &pct.to_string()).unwrap();
        for &(teacher, status, late, early) in &cases {
            let attended: bool = db
                .conn
                .query_row(
                    "SELECT attended FROM marks WHERE teacher_id = ?1",
                    [teacher],
                    |r| r.get(0),
                )
                .unwrap();
            let rule = Presence {
                status,
                minutes_late: late,
                minutes_early: early,
                session_minutes: 180,
            };
            assert_eq!(
                attended,
                rule.attended(pct),
                "{status:?} late {late} early {early} at {pct} %: marks.attended (schema.sql) \
                 and domain::attendance::Presence::attended disagree"
            );
        }
        assert_eq!(crate::store::presence::drift(&db.conn, 5).unwrap().0, 0);
    }
}

#[test]
fn a_session_given_new_times_settles_its_marks_presence() {
    let db = district();
    teacher(&db, 1);
    // 90 minutes late: exactly half of 08:30–11:30 counts.
    marks::insert_mark_if_absent(&db.conn, &mark(1, 1, Status::Late, 90, 0)).unwrap();
    let attended = || -> bool {
        db.conn
            .query_row("SELECT attended FROM marks", [], |r| r.get(0))
            .unwrap()
    };
    assert!(attended());
    let mut f = crate::store::sessions::SessionFields {
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        start: crate::domain::parse_time("08:30").unwrap(),
        end: crate::domain::parse_time("10:30").unwrap(),
        topic: String::new(),
        trainer_id: None,
        venue: String::new(),
    };
    crate::store::sessions::update_session(&db.conn, 1, &f).unwrap();
    assert!(!attended(), "90 of 120 minutes late leaves 25 %");
    f.end = crate::domain::parse_time("11:30").unwrap();
    crate::store::sessions::update_session(&db.conn, 1, &f).unwrap();
    assert!(attended());
}

/// The statuses the `marks.status` CHECK of each schema version accepts, newest last. A file
/// keeps the CHECK it was created with until an upgrade rebuilds `marks`, so a new status
/// needs a new schema version with that upgrade (docs/architecture.md, "Adding an attendance
/// status") — and a row here.
const STATUSES_OF_VERSION: &[(i64, &[&str])] = &[
    (4, &["present", "late", "left_early", "absent", "excused"]),
    // Version 5 gave teachers an employment status; marks.status unchanged.
    (5, &["present", "late", "left_early", "absent", "excused"]),
    // Version 6 gave tier steps a level and added targets; marks.status unchanged.
    (6, &["present", "late", "left_early", "absent", "excused"]),
    // Version 7 recorded Starlight trainers' selection, exit and assessments; marks.status unchanged.
    (7, &["present", "late", "left_early", "absent", "excused"]),
    // Version 8 added credit registration; marks.status unchanged.
    (8, &["present", "late", "left_early", "absent", "excused"]),
    // Version 9 gave teachers a role and projects hours, form and budget; marks.status unchanged.
    (9, &["present", "late", "left_early", "absent", "excused"]),
    // Version 10 stored teachers' search keys; marks.status unchanged.
    (10, &["present", "late", "left_early", "absent", "excused"]),
    // Version 11 reshaped feedback; marks.status unchanged.
    (11, &["present", "late", "left_early", "absent", "excused"]),
    // Version 12 added needs surveys; marks.status unchanged.
    (12, &["present", "late", "left_early", "absent", "excused"]),
];

#[test]
fn a_new_status_comes_with_a_schema_version_that_upgrades_old_files() {
    let (version, codes) = STATUSES_OF_VERSION[STATUSES_OF_VERSION.len() - 1];
    let now: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(
        (crate::store::schema::SCHEMA_VERSION, now.as_slice()),
        (version, codes),
        "Status changed without a schema upgrade: files made by earlier versions still refuse \
         the new code. Bump SCHEMA_VERSION, add the upgrade that rebuilds marks with the new \
         CHECK (src/store/schema.rs MIGRATIONS), and add a row to STATUSES_OF_VERSION"
    );
}

/// Leave (`Status::is_leave`) in SQL: the `marks` CHECK that leave has a reason, and the
/// `liaoyuan check` rule that only leave may be marked ahead of its session's day.
#[test]
fn leave_in_sql_agrees_with_status_is_leave() {
    let db = district();
    let rule = crate::store::integrity::RULES
        .iter()
        .find(|r| r.key == "mark_in_future")
        .unwrap();
    for (id, status) in Status::ALL.iter().enumerate() {
        let id = id as i64 + 1;
        teacher(&db, id);
        let insert = |reason: &str| {
            db.conn.execute(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status,
                                    reason, recorded_at)
                 VALUES (1, ?1, 1, '2026-03-02', ?2, ?3, 'x')",
                params![id, status.code(), reason],
            )
        };
        assert_eq!(
            insert("").is_err(),
            status.is_leave(),
            "{status:?}: schema.sql's 'leave needs a reason' CHECK and Status::is_leave disagree"
        );
        if status.is_leave() {
            insert("病假").unwrap();
        }
        // Checked the day before the session: only leave may already be there.
        let (_, ids) =
            crate::store::integrity::violations(&db.conn, rule, "2026-03-01", 100).unwrap();
        let mark: i64 = db
            .conn
            .query_row("SELECT id FROM marks WHERE teacher_id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            ids.contains(&mark),
            !status.is_leave(),
            "{status:?}: the check rule mark_in_future and Status::is_leave disagree"
        );
    }
}
