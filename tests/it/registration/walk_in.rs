//! Walk-ins at the desk: enrolled on the spot and checked in as one intent.

use super::*;
use liaoyuan::ops::check_in::check_in_walk_in;

/// A teacher of school 2 who is not enrolled (赵磊, T009).
fn walk_in_teacher(f: &Fixture) -> i64 {
    f.db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T009', '赵磊', 2)",
            [],
        )
        .unwrap();
    f.db.conn.last_insert_rowid()
}

fn walk_in_req(f: &Fixture, teacher_id: i64, when: NaiveDateTime) -> CheckIn {
    CheckIn {
        session_id: f.session,
        teacher_id,
        at: when,
        ..Default::default()
    }
}

fn walk_in_flag(f: &Fixture, teacher_id: i64) -> Option<i64> {
    use rusqlite::OptionalExtension;
    f.db.conn
        .query_row(
            "SELECT walk_in FROM enrolments WHERE project_id = ?1 AND teacher_id = ?2",
            [f.project, teacher_id],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
}

fn audit_count(f: &Fixture, entity: &str, action: &str) -> i64 {
    f.db.conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = ?1 AND action = ?2",
            [entity, action],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_walk_in_is_enrolled_and_checked_in_in_one_go_with_both_audited() {
    let mut f = setup();
    let id = walk_in_teacher(&f);
    let r = walk_in_req(&f, id, at(DAY(), 8, 31));
    let s = f.settings.clone();
    let out = check_in_walk_in(&mut f.db, &crate::registration::stamp(), &r, &s).unwrap();
    assert_eq!(out.mark().status, Status::Present);
    assert_eq!(walk_in_flag(&f, id), Some(1));
    assert_eq!(
        audit_count(&f, "enrolment", "create"),
        5,
        "4 enrolled + the walk-in"
    );
    assert_eq!(out.mark().school_id, 2);
}

#[test]
fn a_refused_walk_in_check_in_leaves_no_enrolment_behind() {
    let mut f = setup();
    let id = walk_in_teacher(&f);
    // The day before the session: only leave can be registered.
    let r = walk_in_req(&f, id, at(d(2026, 3, 1), 8, 31));
    let s = f.settings.clone();
    assert!(check_in_walk_in(&mut f.db, &crate::registration::stamp(), &r, &s).is_err());
    assert_eq!(walk_in_flag(&f, id), None);
    assert_eq!(audit_count(&f, "enrolment", "create"), 4);
}

#[test]
fn undoing_a_walk_in_removes_the_enrolment_it_created_audited() {
    let mut f = setup();
    let id = walk_in_teacher(&f);
    let r = walk_in_req(&f, id, at(DAY(), 8, 31));
    let s = f.settings.clone();
    let CheckInOutcome::Recorded { undo, .. } =
        check_in_walk_in(&mut f.db, &crate::registration::stamp(), &r, &s).unwrap()
    else {
        panic!("not recorded")
    };
    assert_eq!(
        undo_mark(&mut f.db, &crate::registration::stamp(), &undo).unwrap(),
        None
    );
    assert!(marks::get_mark(&f.db.conn, f.session, id)
        .unwrap()
        .is_none());
    assert_eq!(
        walk_in_flag(&f, id),
        None,
        "the on-the-spot enrolment is gone"
    );
    assert_eq!(audit_count(&f, "enrolment", "delete"), 1);
}

#[test]
fn a_walk_in_check_in_of_an_enrolled_teacher_is_a_plain_check_in_and_undo_keeps_the_enrolment() {
    let mut f = setup();
    let r = req(&f, 0, at(DAY(), 8, 31));
    let s = f.settings.clone();
    let CheckInOutcome::Recorded { undo, .. } =
        check_in_walk_in(&mut f.db, &crate::registration::stamp(), &r, &s).unwrap()
    else {
        panic!("not recorded")
    };
    assert_eq!(walk_in_flag(&f, f.teachers[0]), Some(0));
    undo_mark(&mut f.db, &crate::registration::stamp(), &undo).unwrap();
    assert_eq!(walk_in_flag(&f, f.teachers[0]), Some(0));
    assert_eq!(audit_count(&f, "enrolment", "delete"), 0);
}

#[test]
fn undoing_a_walk_in_keeps_the_enrolment_once_they_have_another_mark_in_the_project() {
    let mut f = setup();
    let id = walk_in_teacher(&f);
    let second = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap();
    let r = walk_in_req(&f, id, at(DAY(), 8, 31));
    let s = f.settings.clone();
    let CheckInOutcome::Recorded { undo, .. } =
        check_in_walk_in(&mut f.db, &crate::registration::stamp(), &r, &s).unwrap()
    else {
        panic!("not recorded")
    };
    let next = CheckIn {
        session_id: second,
        teacher_id: id,
        at: at(d(2026, 3, 3), 8, 20),
        ..Default::default()
    };
    check_in(&mut f.db, &crate::registration::stamp(), &next, &s).unwrap();
    undo_mark(&mut f.db, &crate::registration::stamp(), &undo).unwrap();
    assert_eq!(
        walk_in_flag(&f, id),
        Some(1),
        "their other mark needs the enrolment"
    );
    assert_eq!(audit_count(&f, "enrolment", "delete"), 0);
}
