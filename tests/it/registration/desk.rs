//! The desk: grace boundary, minutes late and early, leave, one mark per teacher, times on another day, the sending school (§4.1).

use super::*;

#[test]
fn grace_boundary_present_then_late_with_minutes() {
    let mut f = setup();
    let r = req(&f, 0, at(DAY(), 8, 35));
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Present, 0));
    let r = req(&f, 1, at(DAY(), 8, 36));
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 1).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Late, 6));
    assert_eq!(m.checked_in_at, Some(at(DAY(), 8, 36)));
    assert_eq!(m.school_id, 1);
    assert_eq!(m.session_date, DAY());
}

#[test]
fn left_early_with_minutes_from_check_out() {
    let mut f = setup();
    let r = req(&f, 0, at(DAY(), 8, 20));
    run(&mut f, &r).unwrap();
    let mut out = req(&f, 0, at(DAY(), 11, 0));
    out.checked_out_at = Some(at(DAY(), 11, 0));
    run(&mut f, &out).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_early), (Status::LeftEarly, 30));
    assert_eq!(m.checked_in_at, Some(at(DAY(), 8, 20)));
    // Leaving within the grace before the end is not early.
    let r = req(&f, 1, at(DAY(), 8, 20));
    run(&mut f, &r).unwrap();
    let mut out = req(&f, 1, at(DAY(), 11, 26));
    out.checked_out_at = Some(at(DAY(), 11, 26));
    run(&mut f, &out).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Present);
}

#[test]
fn excused_needs_a_reason_and_absent_is_recorded() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 7, 0));
    r.status = Some(Status::Excused);
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("张伟") && err.contains("请假事由"), "{err}");
    assert!(mark_of(&f, 0).is_none());
    r.reason = Some("病假".into());
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.reason.as_str()), (Status::Excused, "病假"));

    let mut r = req(&f, 1, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Absent);
}

#[test]
fn pre_registered_leave_stays_excused_on_a_plain_check_in() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 7, 0));
    r.status = Some(Status::Excused);
    r.reason = Some("学校来电请假".into());
    run(&mut f, &r).unwrap();
    let out = plain(&mut f, 0, at(DAY(), 8, 40)).unwrap();
    assert!(matches!(out, CheckInOutcome::Unchanged { .. }), "{out:?}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Excused);
}

#[test]
fn two_check_ins_of_one_teacher_give_one_mark_and_already_in() {
    let mut f = setup();
    let first = plain(&mut f, 0, at(DAY(), 8, 42)).unwrap();
    assert!(matches!(first, CheckInOutcome::Recorded { .. }));
    let second = plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    match second {
        CheckInOutcome::AlreadyIn { at: when, mark } => {
            assert_eq!(when, Some(at(DAY(), 8, 42)));
            assert_eq!(mark.minutes_late, 12);
        }
        other => panic!("expected AlreadyIn, got {other:?}"),
    }
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 1);
}

#[test]
fn two_desks_marking_the_same_teacher_at_once_never_fail() {
    let f = setup();
    let path = f.db.path.clone();
    let (session, teacher) = (f.session, f.teachers[2]);
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut db = Db::open(&path, OpenMode::Existing).unwrap();
                let r = CheckIn {
                    session_id: session,
                    teacher_id: teacher,
                    at: at(DAY(), 8, 31),
                    ..Default::default()
                };
                barrier.wait();
                check_in(
                    &mut db,
                    &crate::registration::stamp(),
                    &r,
                    &Settings::default(),
                )
            })
        })
        .collect();
    let outcomes: Vec<CheckInOutcome> = handles
        .into_iter()
        .map(|h| h.join().unwrap().unwrap())
        .collect();
    let recorded = outcomes
        .iter()
        .filter(|o| matches!(o, CheckInOutcome::Recorded { .. }))
        .count();
    assert_eq!(recorded, 1, "{outcomes:?}");
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 1);
}

#[test]
fn a_teacher_not_enrolled_is_refused_and_a_walk_in_can_then_check_in() {
    let mut f = setup();
    f.db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T009', '赵磊', 2)",
            [],
        )
        .unwrap();
    let id = f.db.conn.last_insert_rowid();
    let r = CheckIn {
        session_id: f.session,
        teacher_id: id,
        at: at(DAY(), 8, 30),
        ..Default::default()
    };
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("未报名"), "{err}");
    assert!(
        enrolments::enrol_walk_in(&mut f.db, &crate::registration::stamp(), f.project, id).unwrap()
    );
    run(&mut f, &r).unwrap();
}

#[test]
fn a_time_on_another_day_never_decides_late_or_early() {
    let mut f = setup();
    // Entering the 03-02 register on 03-09 by the clock would be "late 10 230 minutes".
    let err = plain(&mut f, 0, at(d(2026, 3, 9), 10, 0))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("2026-03-02") && err.contains("2026-03-09"),
        "{err}"
    );
    assert!(mark_of(&f, 0).is_none());
    let mut late = req(&f, 1, at(d(2026, 3, 3), 8, 40));
    late.status = Some(Status::Late);
    assert!(run(&mut f, &late).is_err());
    assert!(mark_of(&f, 1).is_none());
    plain(&mut f, 2, at(DAY(), 8, 30)).unwrap();
    let mut out = req(&f, 2, at(d(2026, 3, 3), 11, 0));
    out.checked_out_at = Some(at(d(2026, 3, 3), 11, 0));
    assert!(run(&mut f, &out).is_err());
    assert_eq!(mark_of(&f, 2).unwrap().status, Status::Present);
    // An explicit status with stated minutes, or absent/excused, needs no time of day.
    let mut absent = req(&f, 3, at(d(2026, 3, 9), 10, 0));
    absent.status = Some(Status::Absent);
    run(&mut f, &absent).unwrap();
    late.minutes_late = Some(10);
    run(&mut f, &late).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().minutes_late, 10);
}

#[test]
fn marks_carry_the_sending_school_whichever_way_they_are_written() {
    let mut f = setup();
    // 张伟 and 李娜 were sent by 实验小学 (1) and have moved to 第二中学 (2) since.
    f.db.conn
        .execute(
            "UPDATE teachers SET school_id = 2 WHERE staff_no IN ('T001', 'T002')",
            [],
        )
        .unwrap();
    plain(&mut f, 0, at(DAY(), 8, 40)).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    assert_eq!(
        mark_of(&f, 1).unwrap().school_id,
        1,
        "closing: the enrolment's school"
    );
    assert_eq!(
        mark_of(&f, 0).unwrap().school_id,
        1,
        "check-in: the same school"
    );
}

#[test]
fn before_the_session_s_day_only_leave_can_be_marked() {
    let mut f = setup();
    let eve = at(d(2026, 3, 1), 16, 0);
    for status in [Status::Absent, Status::Present, Status::LeftEarly] {
        let mut r = req(&f, 0, eve);
        r.status = Some(status);
        r.minutes_early = Some(10);
        let err = run(&mut f, &r).unwrap_err().to_string();
        assert!(
            err.contains("2026-03-02") && err.contains("请假"),
            "{status:?}: {err}"
        );
    }
    let mut late = req(&f, 0, eve);
    late.status = Some(Status::Late);
    late.minutes_late = Some(5);
    assert!(run(&mut f, &late).is_err());
    assert!(mark_of(&f, 0).is_none());
    let mut leave = req(&f, 0, eve);
    leave.status = Some(Status::Excused);
    leave.reason = Some("学校来电：外出培训".into());
    run(&mut f, &leave).unwrap();
}
