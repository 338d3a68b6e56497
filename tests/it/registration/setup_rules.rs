//! Projects, sessions and finding teachers: validation, schedules, codes and queries.

use super::*;

#[test]
fn deleting_a_session_with_marks_is_refused() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let err = session_ops::delete_session(&mut f.db, &crate::registration::stamp(), f.session)
        .unwrap_err()
        .to_string();
    assert!(err.contains("1 条签到记录"), "{err}");
    assert!(sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .is_some());
    let empty = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap();
    session_ops::delete_session(&mut f.db, &crate::registration::stamp(), empty).unwrap();
    assert!(sessions::get_session(&f.db.conn, empty).unwrap().is_none());
}

#[test]
fn bulk_schedule_orders_sessions_and_skips_existing_blocks() {
    use liaoyuan::domain::DayPart;
    use liaoyuan::ops::sessions::{Block, Schedule};
    let mut f = setup();
    let schedule = Schedule {
        first_date: d(2026, 3, 2),
        days: 2,
        blocks: vec![
            Block::default_for(DayPart::Afternoon),
            Block::default_for(DayPart::Morning),
        ],
        topic: "专题".into(),
        venue: String::new(),
    };
    let ids = session_ops::schedule_sessions(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &schedule,
    )
    .unwrap();
    assert_eq!(ids.len(), 3, "the existing 03-02 morning is skipped");
    let all = sessions::sessions_of_project(&f.db.conn, f.project).unwrap();
    let order: Vec<(NaiveDate, NaiveTime)> = all.iter().map(|s| (s.date, s.start)).collect();
    assert_eq!(
        order,
        vec![
            (d(2026, 3, 2), t(8, 30)),
            (d(2026, 3, 2), t(14, 0)),
            (d(2026, 3, 3), t(8, 30)),
            (d(2026, 3, 3), t(14, 0))
        ]
    );
    assert_eq!(sessions::number_of_session(&f.db.conn, &all[2]).unwrap(), 3);
    // A schedule running past the project's end is refused whole.
    let long = Schedule {
        days: 10,
        ..schedule
    };
    assert!(session_ops::schedule_sessions(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &long
    )
    .is_err());
    assert_eq!(
        sessions::sessions_of_project(&f.db.conn, f.project)
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn project_validation_lists_every_problem() {
    let mut f = setup();
    let mut bad = fields("P1", d(2026, 3, 6), d(2026, 3, 2));
    bad.credits = -1.0;
    bad.threshold_pct = 0;
    let err = projects::create_project(&mut f.db, &crate::registration::stamp(), &bad, &[])
        .unwrap_err()
        .to_string();
    for field in ["项目编号", "结束日期", "学分", "结业出勤率"] {
        assert!(err.contains(field), "{field}: {err}");
    }
}

#[test]
fn a_project_cannot_be_shortened_past_its_sessions() {
    let mut f = setup();
    session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 5)),
    )
    .unwrap();
    let err = projects::edit_project(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &fields("P1", d(2026, 3, 3), d(2026, 3, 6)),
        &[],
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("开始日期") && err.contains("2026-03-02"),
        "{err}"
    );
    let err = projects::edit_project(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &fields("P1", d(2026, 3, 2), d(2026, 3, 4)),
        &[],
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("结束日期") && err.contains("2026-03-05"),
        "{err}"
    );
    projects::edit_project(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &fields("P1", d(2026, 3, 1), d(2026, 3, 5)),
        &[],
    )
    .unwrap();
}

#[test]
fn project_codes_and_staff_numbers_are_found_in_any_case() {
    let f = setup();
    let p = liaoyuan::store::projects::project_by_code(&f.db.conn, " p1 ").unwrap();
    assert_eq!(p.map(|p| p.id), Some(f.project));
    let t = liaoyuan::store::enrolments::teacher_id_by_staff_no(&f.db.conn, "t002").unwrap();
    assert_eq!(t, Some(f.teachers[1]));
    // One teacher per staff number whatever its case: the schema refuses a second.
    let second = f.db.conn.execute(
        "INSERT INTO teachers (staff_no, name, school_id) VALUES ('t002', '周敏', 1)",
        [],
    );
    assert!(second.is_err(), "t002 was stored beside T002");
    let find = |q| liaoyuan::store::enrolments::teacher_id_by_staff_no(&f.db.conn, q).unwrap();
    assert_eq!(find("t002"), Some(f.teachers[1]));
    assert_eq!(find("T002"), Some(f.teachers[1]));
}

#[test]
fn a_long_list_of_equally_good_matches_is_cut_to_ten_with_a_count() {
    let teachers: Vec<liaoyuan::store::enrolments::TeacherBrief> = (1..=13)
        .map(|i| liaoyuan::store::enrolments::TeacherBrief {
            id: i,
            staff_no: format!("T{i:03}"),
            name: "张伟".into(),
            school_id: 1,
            school: "实验小学".into(),
            status: liaoyuan::domain::TeacherStatus::Active,
        })
        .collect();
    let err = lookup::ambiguous("zw", &teachers).to_string();
    assert!(err.contains("13 位教师"), "{err}");
    assert!(err.contains("T010") && !err.contains("T011"), "{err}");
    assert!(err.contains("还有 3 人"), "{err}");
}

#[test]
fn an_empty_query_says_so() {
    let f = setup();
    let index = lookup::teacher_index(&f.db.conn).unwrap();
    for q in ["", "   "] {
        let err = lookup::find_one(&f.db.conn, &index, q)
            .unwrap_err()
            .to_string();
        assert!(err.contains("查询为空"), "{err}");
    }
    let err = lookup::lookup(&f.db.conn, " ", 2026, &f.settings, DAY(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("查询为空"), "{err}");
}
