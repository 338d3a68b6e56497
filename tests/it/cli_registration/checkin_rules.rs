//! `liaoyuan checkin` and the rules of docs/rules.md §4.1–4.2 through the real binary.

use super::*;

#[test]
fn past_time_is_late_with_minutes_and_lifting_the_veto_needs_a_reason() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-05 10:00",
        &[
            "checkin",
            "--project",
            "P1",
            "--session",
            "1",
            "wangfang",
            "--at",
            "2026-03-02 08:42",
        ],
    );
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.contains("王芳 (第二中学) 迟到 12 分钟（08:42）"),
        "{out}"
    );
    assert_eq!(mark(&db, "T004"), Some(("late".into(), 12)));

    let audit_rows = |db: &Path| -> i64 {
        let db = Db::open(db, OpenMode::ReadOnly).unwrap();
        db.conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let before = audit_rows(&db);
    let args = [
        "checkin",
        "--project",
        "P1",
        "--session",
        "1",
        "T004",
        "--status",
        "出勤",
    ];
    let o = liaoyuan(&db, MORNING, &args);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("王芳") && err.contains("一票否决") && err.contains("原因"),
        "{err}"
    );
    assert_eq!(mark(&db, "T004"), Some(("late".into(), 12)));
    assert_eq!(audit_rows(&db), before);

    let mut with_reason = args.to_vec();
    with_reason.extend(["--reason", "交通管制"]);
    let o = liaoyuan(&db, MORNING, &with_reason);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    assert_eq!(mark(&db, "T004"), Some(("present".into(), 0)));
    assert_eq!(audit_rows(&db), before + 1);
}

#[test]
fn excused_needs_reason_on_the_command_line() {
    let (_d, db) = district();
    let base = [
        "checkin",
        "--project",
        "P1",
        "--session",
        "2",
        "liuyang",
        "--status",
        "请假",
    ];
    let o = liaoyuan(&db, MORNING, &base);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(mark(&db, "T005"), None);
    let mut args = base.to_vec();
    args.extend(["--reason", "病假"]);
    let o = liaoyuan(&db, MORNING, &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    assert_eq!(mark(&db, "T005"), Some(("excused".into(), 0)));
}

#[test]
fn grace_boundary_through_the_cli() {
    let (_d, db) = district();
    let (code, out, err) = checkin_at(&db, "1", "T003", "2026-03-02 08:35", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("出勤（08:35）"), "{out}");
    let (code, out, _) = checkin_at(&db, "1", "T004", "2026-03-02 08:36", &[]);
    assert_eq!(code, 0);
    assert!(out.contains("迟到 6 分钟（08:36）"), "{out}");
    assert_eq!(mark(&db, "T004"), Some(("late".into(), 6)));
}

#[test]
fn left_early_and_absent_through_the_cli() {
    let (_d, db) = district();
    checkin_at(&db, "1", "T003", "2026-03-02 08:20", &[]);
    let (code, out, err) = checkin_at(&db, "1", "T003", "2026-03-02 11:00", &["--status", "早退"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("早退 提前 30 分钟（11:00）"), "{out}");
    let (code, out, _) = checkin_at(
        &db,
        "1",
        "T005",
        "2026-03-02 12:00",
        &["--status", "absent", "--lang", "en"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("Absent"), "{out}");
    assert_eq!(mark(&db, "T005"), Some(("absent".into(), 0)));
}

#[test]
fn a_closed_session_needs_a_reason_through_the_cli() {
    let (_d, db) = district();
    checkin_at(&db, "1", "T003", "2026-03-02 08:20", &[]);
    {
        let db = Db::open(&db, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "UPDATE sessions SET closed_at = '2026-03-02 12:00:00' WHERE start_time = '08:30'",
                [],
            )
            .unwrap();
    }
    let (code, _, err) = checkin_at(&db, "1", "T003", "2026-03-02 08:50", &["--status", "late"]);
    assert_eq!(code, 1);
    assert!(err.contains("已关闭") && err.contains("原因"), "{err}");
    assert_eq!(mark(&db, "T003"), Some(("present".into(), 0)));
    // A plain check-in of a teacher without a mark is a change too.
    let (code, _, _) = checkin_at(&db, "1", "T004", "2026-03-02 08:31", &[]);
    assert_eq!(code, 1);
    assert_eq!(mark(&db, "T004"), None);
    let (code, _, err) = checkin_at(
        &db,
        "1",
        "T003",
        "2026-03-02 08:50",
        &["--status", "late", "--reason", "补录签到表"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(mark(&db, "T003"), Some(("late".into(), 20)));
}

#[test]
fn veto_year_boundary_through_the_cli() {
    let (_d, db) = district();
    {
        let db = Db::open(&db, OpenMode::Existing).unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (2, 'P2', '跨年培训', 'school', 'starlight', '2025-12-31', '2026-01-01');
                 INSERT INTO sessions (project_id, date, start_time, end_time) VALUES
                   (2, '2025-12-31', '08:30', '11:30'), (2, '2026-01-01', '08:30', '11:30');
                 INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                   VALUES (2, 5, 2, '2025-12-01 09:00:00');",
            )
            .unwrap();
    }
    let o = liaoyuan(
        &db,
        "2026-01-02 09:00",
        &[
            "checkin",
            "--project",
            "P2",
            "--session",
            "1",
            "刘洋",
            "--at",
            "2025-12-31 09:00",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    let o = liaoyuan(
        &db,
        "2026-01-02 09:00",
        &[
            "checkin",
            "--project",
            "P2",
            "--session",
            "2",
            "刘洋",
            "--at",
            "2026-01-01 08:30",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    let veto = |year: &str| -> serde_json::Value {
        let o = liaoyuan(
            &db,
            "2026-01-02 09:00",
            &["lookup", "T005", "--json", "--year", year],
        );
        let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
        v[0].clone()
    };
    let y2025 = veto("2025");
    assert_eq!(y2025["veto"], true);
    assert_eq!(y2025["veto_reasons"][0]["date"], "2025-12-31");
    assert_eq!(veto("2026")["veto"], false);
    // Without --year, the current veto year (2026 on 2026-01-02) is shown.
    let o = liaoyuan(&db, "2026-01-02 09:00", &["lookup", "T005", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(
        (v[0]["year"].clone(), v[0]["veto"].clone()),
        (2026.into(), false.into())
    );
}

#[test]
fn a_check_in_time_on_another_day_than_the_session_is_refused() {
    let (_d, db) = district();
    // Session 1 is on 2026-03-02; without --at the clock (2026-03-09) would decide.
    let o = liaoyuan(
        &db,
        "2026-03-09 10:00",
        &["checkin", "--project", "P1", "--session", "1", "T003"],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("2026-03-02") && err.contains("--at"), "{err}");
    assert_eq!(mark(&db, "T003"), None);
}
