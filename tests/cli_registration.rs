//! `liaoyuan lookup` and `liaoyuan checkin` through the real binary (DESIGN.md §6).

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

/// A district with two 张伟 (different schools), 李娜, 王芳, 刘洋 enrolled in P1
/// (sessions 2026-03-02 08:30–11:30 and 14:00–17:00), and 赵磊 not enrolled.
fn district() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
         INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date)
           VALUES (1, 'P1', '新课标解读', 'district', 'continuing_education', 12, '2026-03-02', '2026-03-03');
         INSERT INTO sessions (project_id, date, start_time, end_time) VALUES
           (1, '2026-03-02', '14:00', '17:00'), (1, '2026-03-02', '08:30', '11:30');",
    )
    .unwrap();
    let teachers = [
        ("T001", "张伟", 1),
        ("T002", "张伟", 2),
        ("T003", "李娜", 1),
        ("T004", "王芳", 2),
        ("T005", "刘洋", 2),
        ("T009", "赵磊", 1),
    ];
    for (i, (no, name, school)) in teachers.iter().enumerate() {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, phone, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                i as i64 + 1,
                no,
                name,
                school,
                format!("1380000{:04}", i),
                py,
                ini
            ],
        )
        .unwrap();
        if *no != "T009" {
            c.execute(
                "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                 VALUES (1, ?1, ?2, '2026-02-20 10:00:00')",
                rusqlite::params![i as i64 + 1, school],
            )
            .unwrap();
        }
    }
    c.execute(
        "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source)
         VALUES (3, 30, 0, '2026-02-01', 'manual')",
        [],
    )
    .unwrap();
    drop(db);
    (dir, path)
}

fn liaoyuan(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LIAOYUAN_NOW", now)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn mark(db: &Path, staff_no: &str) -> Option<(String, i64)> {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row(
            "SELECT m.status, m.minutes_late FROM marks m JOIN teachers t ON t.id = m.teacher_id
             WHERE t.staff_no = ?1",
            [staff_no],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()
}

const MORNING: &str = "2026-03-02 08:20";

#[test]
fn checkin_by_initials_marks_present_in_the_running_session() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-02 08:33",
        &["checkin", "--project", "P1", "ln"],
    );
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(out.contains("李娜 (实验小学) 出勤"), "{out}");
    assert_eq!(mark(&db, "T003"), Some(("present".into(), 0)));
    // Checking in again records nothing new.
    let o = liaoyuan(
        &db,
        "2026-03-02 08:40",
        &["checkin", "--project", "P1", "ln"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o).0.contains("已签到 at 08:33"), "{}", text(&o).0);
}

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
        out.contains("王芳 (第二中学) 迟到 12 分钟 at 08:42"),
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
        err.contains("王芳") && err.contains("veto") && err.contains("reason"),
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
fn ambiguous_query_exits_1_listing_both() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "zw"],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    for part in ["T001", "T002", "实验小学", "第二中学"] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(mark(&db, "T001"), None);
    assert_eq!(mark(&db, "T002"), None);
    // A staff number is never ambiguous.
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "T002"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
}

#[test]
fn teacher_not_enrolled_is_refused() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "赵磊"],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("not enrolled") && err.contains("T009"),
        "{err}"
    );
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "t009"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("not enrolled"), "{}", text(&o).1);
    assert_eq!(mark(&db, "T009"), None);
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
fn no_running_session_lists_todays_sessions() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-02 18:00",
        &["checkin", "--project", "P1", "ln"],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("--session 1") && err.contains("--session 2"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (_d, db) = district();
    for args in [
        vec!["checkin", "--project", "P1"],
        vec!["checkin", "--project", "P1", "ln", "--status", "sleeping"],
        vec!["checkin", "--project", "P1", "ln", "--at", "yesterday"],
        vec!["checkin", "--project", "P1", "ln", "--session", "0"],
        vec!["lookup"],
    ] {
        let o = liaoyuan(&db, MORNING, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o).1);
    }
}

#[test]
fn lookup_json_has_exactly_the_stable_keys() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-02 08:50",
        &["checkin", "--project", "P1", "--session", "1", "李娜"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "lina", "--json"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(row),
        [
            "attendance",
            "credits",
            "name",
            "school",
            "staff_no",
            "veto",
            "veto_reasons",
            "year"
        ]
    );
    assert_eq!(
        keys(&row["attendance"]),
        ["absent", "excused", "late", "left_early", "present"]
    );
    assert_eq!(
        keys(&row["credits"]),
        [
            "concentrated",
            "cycle",
            "required_concentrated",
            "required_total",
            "total"
        ]
    );
    assert_eq!(keys(&row["veto_reasons"][0]), ["date", "project", "status"]);
    assert_eq!(row["staff_no"], "T003");
    assert_eq!(row["school"], "实验小学");
    assert_eq!(row["year"], 2026);
    assert_eq!(row["veto"], true);
    assert_eq!(row["attendance"]["late"], 1);
    assert_eq!(row["veto_reasons"][0]["date"], "2026-03-02");
    assert_eq!(row["veto_reasons"][0]["project"], "P1");
    assert_eq!(row["veto_reasons"][0]["status"], "late");
    assert_eq!(row["credits"]["total"], 30.0);
    assert_eq!(row["credits"]["cycle"], "2026–2030");
    // Another year has no veto.
    let o = liaoyuan(
        &db,
        "2026-03-03 10:00",
        &["lookup", "T003", "--json", "--year", "2025"],
    );
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(v[0]["veto"], false);
}

#[test]
fn lookup_of_two_equally_good_matches_shows_both() {
    let (_d, db) = district();
    let o = liaoyuan(&db, MORNING, &["lookup", "张伟", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let o = liaoyuan(&db, MORNING, &["lookup", "张伟", "--lang", "en"]);
    let (out, _) = text(&o);
    assert!(
        out.contains("One-vote veto: no") && out.contains("第二中学"),
        "{out}"
    );
}

#[test]
fn lookup_works_on_a_read_only_file_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, db) = district();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = liaoyuan(&db, MORNING, &["lookup", "wf"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.contains("王芳") && out.contains("一票否决：否"),
        "{out}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn lookup_of_a_missing_database_or_teacher_exits_1() {
    let (d, db) = district();
    let missing = d.path().join("nope.db");
    let o = liaoyuan(&missing, MORNING, &["lookup", "zw"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("database not found"), "{}", text(&o).1);
    assert!(!missing.exists());
    let o = liaoyuan(&db, MORNING, &["lookup", "xyzxyz"]);
    assert_eq!(o.status.code(), Some(1));
}

/// Runs `checkin --project P1 --session N QUERY --at AT [extra…]` and returns (exit, stdout, stderr).
fn checkin_at(
    db: &Path,
    session: &str,
    query: &str,
    when: &str,
    extra: &[&str],
) -> (i32, String, String) {
    let mut args = vec![
        "checkin",
        "--project",
        "P1",
        "--session",
        session,
        query,
        "--at",
        when,
    ];
    args.extend(extra);
    let o = liaoyuan(db, "2026-03-09 10:00", &args);
    let (out, err) = text(&o);
    (o.status.code().unwrap_or(-1), out, err)
}

#[test]
fn grace_boundary_through_the_cli() {
    let (_d, db) = district();
    let (code, out, err) = checkin_at(&db, "1", "T003", "2026-03-02 08:35", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("出勤 at 08:35"), "{out}");
    let (code, out, _) = checkin_at(&db, "1", "T004", "2026-03-02 08:36", &[]);
    assert_eq!(code, 0);
    assert!(out.contains("迟到 6 分钟 at 08:36"), "{out}");
    assert_eq!(mark(&db, "T004"), Some(("late".into(), 6)));
}

#[test]
fn left_early_and_absent_through_the_cli() {
    let (_d, db) = district();
    checkin_at(&db, "1", "T003", "2026-03-02 08:20", &[]);
    let (code, out, err) = checkin_at(&db, "1", "T003", "2026-03-02 11:00", &["--status", "早退"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("早退 提前 30 分钟 at 11:00"), "{out}");
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
    assert!(err.contains("closed") && err.contains("reason"), "{err}");
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

#[test]
fn several_matches_outside_the_project_are_not_called_not_enrolled() {
    let (_d, db) = district();
    {
        let db = Db::open(&db, OpenMode::Existing).unwrap();
        let (py, ini) = pinyin_keys("赵磊");
        db.conn
            .execute(
                "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
                 VALUES ('T010', '赵磊', 2, ?1, ?2)",
                [py, ini],
            )
            .unwrap();
    }
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "zl"],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("matches no teacher enrolled in project P1")
            && err.contains("T009")
            && err.contains("T010"),
        "{err}"
    );
    let o = liaoyuan(&db, MORNING, &["checkin", "--project", "P1", " "]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("empty"), "{}", text(&o).1);
}
