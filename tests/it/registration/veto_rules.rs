//! The one-vote veto: lifting needs a reason, the year boundary, evidence, corrections (§4.2).

use super::*;

#[test]
fn lifting_a_veto_needs_a_reason_and_the_audit_log_names_actor_and_reason() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let err = vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Present,
        None,
        &f.settings.clone(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("张伟") && err.contains("一票否决") && err.contains("2026"),
        "{err}"
    );
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Late);
    let before = audit::history(&f.db.conn, liaoyuan::store::audit::Entity::Mark, id)
        .unwrap()
        .len();
    let s = f.settings.clone();
    vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Present,
        Some("交通管制，已核实"),
        &s,
    )
    .unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Present, 0));
    let history = audit::history(&f.db.conn, liaoyuan::store::audit::Entity::Mark, id).unwrap();
    assert_eq!(history.len(), before + 1);
    let last = history.last().unwrap();
    assert_eq!(last.actor, crate::registration::stamp().actor);
    assert_eq!(last.reason, "交通管制，已核实");
    // The veto is derived from marks: it is gone.
    assert!(vetoes::vetoes_of_year(&f.db.conn, 2026, &s)
        .unwrap()
        .is_empty());
}

#[test]
fn veto_year_boundary_31_december_vs_1_january() {
    let mut f = setup_with(d(2025, 12, 31), d(2026, 1, 1), d(2025, 12, 31));
    let s2 = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 1, 1)),
    )
    .unwrap();
    plain(&mut f, 0, at(d(2025, 12, 31), 9, 0)).unwrap(); // late, 2025
    let mut r = req(&f, 1, at(d(2026, 1, 1), 9, 0));
    r.session_id = s2;
    run(&mut f, &r).unwrap(); // late, 2026
    let s = f.settings.clone();
    let names = |year| -> Vec<String> {
        vetoes::vetoes_of_year(&f.db.conn, year, &s)
            .unwrap()
            .iter()
            .flat_map(|g| g.teachers.iter().map(|t| t.name.clone()))
            .collect()
    };
    assert_eq!(names(2025), vec!["张伟"]);
    assert_eq!(names(2026), vec!["李娜"]);
    let zhang = liaoyuan::store::enrolments::teacher_brief(&f.db.conn, f.teachers[0])
        .unwrap()
        .unwrap();
    let today = d(2026, 1, 2);
    assert!(
        lookup::lookup_teacher(&f.db.conn, &zhang, 2025, &s, today)
            .unwrap()
            .veto
    );
    assert!(
        !lookup::lookup_teacher(&f.db.conn, &zhang, 2026, &s, today)
            .unwrap()
            .veto
    );
    // A school year starting in September puts both in veto year 2025.
    let mut school_year = s.clone();
    school_year.veto_year_start_month = 9;
    let all = vetoes::vetoes_of_year(&f.db.conn, 2025, &school_year).unwrap();
    assert_eq!(all.iter().map(|g| g.teachers.len()).sum::<usize>(), 2);
}

#[test]
fn vetoes_are_grouped_by_school_with_evidence() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 45)).unwrap();
    let mut r = req(&f, 2, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let groups = vetoes::vetoes_of_year(&f.db.conn, 2026, &f.settings).unwrap();
    let schools: Vec<&str> = groups.iter().map(|g| g.school.as_str()).collect();
    assert_eq!(schools, vec!["实验小学", "第二中学"]);
    let ev = &groups[0].teachers[0].evidence[0];
    assert_eq!(
        (ev.status, ev.minutes_late, ev.project_code.as_str()),
        (Status::Late, 15, "P1")
    );
    assert_eq!(ev.date, DAY());
}

#[test]
fn correcting_absent_to_late_keeps_unknown_minutes_and_invents_no_check_in_time() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // absent → late: both cause a veto, so no reason is needed.
    vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Late,
        None,
        &s,
    )
    .unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(
        (m.status, m.minutes_late, m.checked_in_at),
        (Status::Late, 0, None)
    );
}

#[test]
fn correcting_absent_to_left_early_on_a_later_day_keeps_unknown_minutes() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 12, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 5), "tester"),
    )
    .unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // The Vetoes tab, days later: both statuses cause a veto; the session is closed.
    vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::LeftEarly,
        Some("签退表更正"),
        &s,
    )
    .unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_early), (Status::LeftEarly, 0));
    assert!(m.checked_out_at.is_none_or(|t| t.date() == DAY()), "{m:?}");
}

#[test]
fn correcting_absent_to_present_days_later_invents_no_check_in_time() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 12, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // The clock (not the session's day) must not become her arrival time.
    vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Present,
        Some("补签：实际出勤"),
        &s,
    )
    .unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(m.status, Status::Present);
    assert!(m.checked_in_at.is_none_or(|t| t.date() == DAY()), "{m:?}");
}

#[test]
fn moving_a_session_to_another_date_moves_its_marks_veto_year_date() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 45)).unwrap();
    let mut moved = session_fields(d(2026, 3, 4));
    moved.topic = "改期".into();
    session_ops::edit_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        &moved,
        None,
    )
    .unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().session_date, d(2026, 3, 4));
    let ev =
        &vetoes::vetoes_of_year(&f.db.conn, 2026, &f.settings).unwrap()[0].teachers[0].evidence;
    assert_eq!(ev[0].date, d(2026, 3, 4));
}

#[test]
fn moving_a_session_with_veto_marks_into_another_veto_year_needs_a_reason() {
    let mut f = setup_with(d(2025, 12, 30), d(2026, 1, 2), d(2025, 12, 31));
    plain(&mut f, 0, at(d(2025, 12, 31), 8, 45)).unwrap(); // late: a 2025 veto
                                                           // Moving the session to 2 January lifts 张伟's 2025 veto.
    let moved = session_fields(d(2026, 1, 2));
    let err = session_ops::edit_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        &moved,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        (err.contains("veto") || err.contains("一票否决")) && err.contains("2025"),
        "{err}"
    );
    assert_eq!(mark_of(&f, 0).unwrap().session_date, d(2025, 12, 31));
    // Within the same veto year no reason is needed.
    session_ops::edit_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        &session_fields(d(2025, 12, 30)),
        None,
    )
    .unwrap();
    session_ops::edit_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        &moved,
        Some("改期到元旦后"),
    )
    .unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().session_date, d(2026, 1, 2));
    let last = audit::history(
        &f.db.conn,
        liaoyuan::store::audit::Entity::Session,
        f.session,
    )
    .unwrap();
    assert_eq!(last.last().unwrap().reason, "改期到元旦后");
}

#[test]
fn one_refusal_renders_in_chinese_and_english_from_two_threads() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    let err = vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Present,
        None,
        &s,
    )
    .unwrap_err();
    let (zh, en) = std::thread::scope(|t| {
        let zh = t.spawn(|| err.text(liaoyuan::lang::Lang::Zh));
        let en = t.spawn(|| err.text(liaoyuan::lang::Lang::En));
        (zh.join().unwrap(), en.join().unwrap())
    });
    assert!(zh.contains("须填写原因"), "{zh}");
    assert!(en.contains("a reason is required"), "{en}");
}
