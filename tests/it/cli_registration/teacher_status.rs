//! A teacher's employment status (在职/调离/退休/离职) through the real binary: `checkin`
//! refuses an inactive teacher naming the status; `lookup` still finds them and shows it.

use super::*;

fn set_status(db: &Path, staff_no: &str, status: &str) {
    let db = Db::open(db, OpenMode::Create).unwrap();
    db.conn
        .execute(
            "UPDATE teachers SET status = ?2 WHERE staff_no = ?1",
            [staff_no, status],
        )
        .unwrap();
}

fn audit_rows(db: &Path) -> i64 {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn checkin_refuses_a_transferred_teacher_naming_the_status_and_writes_nothing() {
    let (_d, db) = district();
    set_status(&db, "T004", "transferred");
    let before = audit_rows(&db);
    let args = ["checkin", "--project", "P1", "--session", "1", "wangfang"];
    let o = liaoyuan(&db, "2026-03-02 08:20", &args);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(err.contains("王芳") && err.contains("调离"), "{err}");
    assert_eq!(mark(&db, "T004"), None);
    assert_eq!(audit_rows(&db), before);

    let o = liaoyuan(
        &db,
        "2026-03-02 08:20",
        &[&args[..], &["--lang", "en"]].concat(),
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("王芳") && err.contains("Transferred out"),
        "{err}"
    );

    // Back in service: the same command marks them.
    set_status(&db, "T004", "active");
    let o = liaoyuan(&db, "2026-03-02 08:20", &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    assert_eq!(mark(&db, "T004"), Some(("present".into(), 0)));
}

#[test]
fn lookup_finds_a_retired_teacher_and_shows_the_status() {
    let (_d, db) = district();
    set_status(&db, "T003", "retired");
    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "lina"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(out.contains("李娜") && out.contains("退休"), "{out}");

    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "lina", "--json"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["staff_no"], "T003");
    assert_eq!(v[0]["status"], "retired");

    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "T004", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(v[0]["status"], "active");
}

#[test]
fn enrolling_a_retired_teacher_is_refused_with_the_reason() {
    let (d, db) = district();
    set_status(&db, "T009", "retired");
    let sheet = d.path().join("enrol.csv");
    std::fs::write(&sheet, "工号\nT009\n").unwrap();
    let o = liaoyuan(
        &db,
        "2026-03-01 10:00",
        &[
            "import",
            "enrolments",
            sheet.to_str().unwrap(),
            "--project",
            "P1",
        ],
    );
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        err.contains("line 2") && err.contains("赵磊") && err.contains("退休"),
        "{err}"
    );

    let mut open = Db::open(&db, OpenMode::Create).unwrap();
    let stamp = liaoyuan::store::Stamp::new(
        liaoyuan::domain::parse_datetime("2026-03-01 09:00").unwrap(),
        "tester",
    );
    let refused = liaoyuan::ops::enrolments::enrol_teachers(
        &mut open,
        &stamp,
        1,
        &[6],
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap_err();
    assert!(refused.to_string().contains("退休"), "{refused}");
    // A whole school's enrolment takes its teachers in service only.
    let added = liaoyuan::ops::enrolments::enrol_school(
        &mut open,
        &stamp,
        1,
        1,
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
    assert_eq!(
        (added.added, added.already),
        (0, 2),
        "T001 and T003 were enrolled"
    );
    let enrolled: i64 = open
        .conn
        .query_row(
            "SELECT count(*) FROM enrolments WHERE teacher_id = 6",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(enrolled, 0);
}

#[test]
fn of_two_equally_good_matches_checkin_takes_the_one_in_service() {
    let (_d, db) = district();
    set_status(&db, "T002", "transferred");
    let args = ["checkin", "--project", "P1", "--session", "1", "zhangwei"];
    let o = liaoyuan(&db, "2026-03-02 08:20", &args);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    assert_eq!(mark(&db, "T001"), Some(("present".into(), 0)));
    assert_eq!(mark(&db, "T002"), None);
}
