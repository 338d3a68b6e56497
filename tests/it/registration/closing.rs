//! Closing a session, the locked session, undo and reopening (§4.1).

use super::*;

#[test]
fn close_session_marks_unmarked_absent_keeps_excused_and_locks() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let mut leave = req(&f, 1, at(DAY(), 7, 0));
    leave.status = Some(Status::Excused);
    leave.reason = Some("公假".into());
    run(&mut f, &leave).unwrap();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    assert_eq!((review.enrolled, review.unmarked), (4, 2));
    assert_eq!((review.counts.present, review.counts.excused), (1, 1));
    let done = close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    assert_eq!(done.unmarked, 2);
    assert_eq!(done.counts.absent, 2);
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Excused);
    assert_eq!(mark_of(&f, 2).unwrap().status, Status::Absent);
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
    let s = sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .unwrap();
    assert_eq!(s.closed_at, Some(at(DAY(), 12, 0)));
    // Closing twice is refused.
    assert!(close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 5), "tester")
    )
    .is_err());
}

#[test]
fn locked_session_edits_need_a_reason_and_are_audited() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    // present → late is not lifting a veto, but the session is closed.
    let mut r = req(&f, 0, at(DAY(), 8, 50));
    r.status = Some(Status::Late);
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("已关闭") && err.contains("原因"), "{err}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
    r.reason = Some("签到表核对：实际 8:50 到".into());
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(m.status, Status::Late);
    let history = audit::history(&f.db.conn, liaoyuan::store::audit::Entity::Mark, m.id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.reason, "签到表核对：实际 8:50 到");
    assert!(last.before.as_deref().unwrap().contains("present"));
    assert!(last.after.as_deref().unwrap().contains("late"));
}

#[test]
fn at_a_closed_session_even_a_change_of_minutes_needs_a_reason() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let mut out = req(&f, 0, at(DAY(), 11, 0));
    out.checked_out_at = Some(at(DAY(), 11, 0));
    run(&mut f, &out).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    let mut r = req(&f, 0, at(DAY(), 12, 30));
    r.status = Some(Status::LeftEarly);
    r.minutes_early = Some(10);
    assert!(run(&mut f, &r).is_err());
    assert_eq!(mark_of(&f, 0).unwrap().minutes_early, 30);
    r.reason = Some("签退表更正".into());
    run(&mut f, &r).unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().minutes_early, 10);
}

#[test]
fn undo_removes_a_new_mark_and_restores_a_changed_one() {
    let mut f = setup();
    let CheckInOutcome::Recorded { undo, mark } = plain(&mut f, 0, at(DAY(), 8, 30)).unwrap()
    else {
        panic!("not recorded")
    };
    undo_mark(&mut f.db, &crate::registration::stamp(), &undo).unwrap();
    assert!(mark_of(&f, 0).is_none());
    let history =
        audit::history(&f.db.conn, liaoyuan::store::audit::Entity::Mark, mark.id).unwrap();
    assert_eq!(history.last().unwrap().action, "undo");

    plain(&mut f, 1, at(DAY(), 8, 30)).unwrap();
    let mut r = req(&f, 1, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    let CheckInOutcome::Recorded { undo, .. } = run(&mut f, &r).unwrap() else {
        panic!("not recorded")
    };
    undo_mark(&mut f.db, &crate::registration::stamp(), &undo).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Present);
    // Undoing twice is refused: the mark is no longer the one written.
    assert!(undo_mark(&mut f.db, &crate::registration::stamp(), &undo).is_err());
}

#[test]
fn a_session_cannot_be_closed_before_it_starts() {
    let mut f = setup();
    // Closing tomorrow's session by mistake would give every enrolled teacher a veto.
    let err = close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(d(2026, 3, 1), 16, 0), "tester"),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("2026-03-02 08:30"), "{err}");
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 0);
    let s = sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .unwrap();
    assert!(!s.is_closed());
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 8, 30), "tester"),
    )
    .unwrap();
}

#[test]
fn undo_after_the_session_was_closed_is_refused() {
    let mut f = setup();
    let CheckInOutcome::Recorded { undo, .. } = plain(&mut f, 0, at(DAY(), 8, 30)).unwrap() else {
        panic!("not recorded")
    };
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    let err = undo_mark(&mut f.db, &crate::registration::stamp(), &undo)
        .unwrap_err()
        .to_string();
    assert!(err.contains("closed") || err.contains("关闭"), "{err}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
}

#[test]
fn reopening_a_session_is_audited_with_the_session_after() {
    let mut f = setup();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    assert!(liaoyuan::ops::close_session::reopen_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        " "
    )
    .is_err());
    liaoyuan::ops::close_session::reopen_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        "漏签补录",
    )
    .unwrap();
    let history = audit::history(
        &f.db.conn,
        liaoyuan::store::audit::Entity::Session,
        f.session,
    )
    .unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("reopen", "漏签补录")
    );
    let after: serde_json::Value = serde_json::from_str(last.after.as_deref().unwrap()).unwrap();
    assert!(after["closed_at"].is_null(), "{after}");
}

#[test]
fn registers_not_taken_lists_started_sessions_without_marks() {
    let mut f = setup();
    let s2 = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap();
    let now = at(d(2026, 3, 3), 9, 0);
    let open = |f: &Fixture| -> Vec<i64> {
        sessions::registers_not_taken(&f.db.conn, d(2026, 1, 1), now)
            .unwrap()
            .iter()
            .map(|l| l.session.id)
            .collect()
    };
    assert_eq!(open(&f), vec![f.session, s2]);
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    assert_eq!(open(&f), vec![s2]);
    let before_start =
        sessions::registers_not_taken(&f.db.conn, d(2026, 1, 1), at(d(2026, 3, 3), 8, 0)).unwrap();
    assert!(before_start.is_empty());
    // A closed session is not "not taken", even with no marks (nobody was enrolled).
    let empty = empty_session_of_another_project(&mut f);
    assert!(open(&f).contains(&empty));
    close_session(
        &mut f.db,
        empty,
        &liaoyuan::store::Stamp::new(now, "tester"),
    )
    .unwrap();
    assert!(!open(&f).contains(&empty));
}

/// A session of a second project with nobody enrolled, on 2026-03-03.
fn empty_session_of_another_project(f: &mut Fixture) -> i64 {
    let p = projects::create_project(
        &mut f.db,
        &crate::registration::stamp(),
        &fields("P2", d(2026, 3, 3), d(2026, 3, 3)),
        &[],
    )
    .unwrap();
    session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        p,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap()
}
