//! `liaoyuan checkin` finding the teacher and the session: initials, ties, not enrolled, usage errors.

use super::*;

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
    assert!(text(&o).0.contains("已签到（08:33"), "{}", text(&o).0);
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
        err.contains("未报名培训项目 P1") && err.contains("T009"),
        "{err}"
    );
    let o = liaoyuan(
        &db,
        MORNING,
        &["checkin", "--project", "P1", "--session", "1", "t009"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("未报名"), "{}", text(&o).1);
    assert_eq!(mark(&db, "T009"), None);
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
        err.contains("没有匹配培训项目 P1 的报名教师")
            && !err.contains("未报名")
            && err.contains("T009")
            && err.contains("T010"),
        "{err}"
    );
    let o = liaoyuan(&db, MORNING, &["checkin", "--project", "P1", " "]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("查询为空"), "{}", text(&o).1);
}

#[test]
fn refusals_are_chinese_by_default_and_english_with_lang_en() {
    let (_d, db) = district();
    let o = liaoyuan(&db, MORNING, &["checkin", "--project", "NOPE", "ln"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o).1;
    assert!(
        err.starts_with("liaoyuan: 没有编号为“NOPE”的培训项目"),
        "{err}"
    );
    let o = liaoyuan(
        &db,
        MORNING,
        &["--lang", "en", "checkin", "--project", "NOPE", "ln"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o).1;
    assert!(
        err.starts_with("liaoyuan: no project has the code 'NOPE'"),
        "{err}"
    );
    // The same for a refusal built in ops (ops::lookup: an empty query).
    let o = liaoyuan(
        &db,
        MORNING,
        &["--lang", "en", "checkin", "--project", "P1", " "],
    );
    assert!(text(&o).1.contains("the query is empty"), "{}", text(&o).1);
    assert_eq!(mark(&db, "T003"), None);
}
