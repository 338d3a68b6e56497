//! Closing safely (§4.1): a register nobody took is recognised, the absences a close makes are
//! recorded as such, and reopening can remove exactly those (one reason, audited per mark),
//! never a mark made or changed by hand — also when another process writes in between.

use super::*;
use liaoyuan::ops::close_session::{
    close_absences, close_session_as_reviewed, reopen_session,
    reopen_session_removing_close_absences,
};
use std::process::Command;

fn path_of(f: &Fixture) -> std::path::PathBuf {
    f._dir.path().join("t.db")
}

/// `liaoyuan checkin --project P1 --session 1 …` in another process at `now`.
fn cli_checkin(f: &Fixture, now: &str, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(path_of(f))
        .args(["checkin", "--project", "P1", "--session", "1"])
        .args(args)
        .env("LIAOYUAN_NOW", now)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn status_of(f: &Fixture, teacher: usize) -> Option<Status> {
    mark_of(f, teacher).map(|m| m.status)
}

fn is_closed(f: &Fixture) -> bool {
    sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .unwrap()
        .is_closed()
}

#[test]
fn a_register_nobody_took_is_recognised_by_its_review() {
    let mut f = setup();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    assert!(review.register_untaken(), "{review:?}");
    assert_eq!(review.unmarked, 4);
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    assert!(!review.register_untaken(), "{review:?}");
}

#[test]
fn reopening_removes_exactly_the_untouched_absences_the_close_made() {
    let mut f = setup();
    let mut leave = req(&f, 1, at(DAY(), 7, 0));
    leave.status = Some(Status::Excused);
    leave.reason = Some("公假".into());
    run(&mut f, &leave).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    let made: Vec<i64> = close_absences(&f.db.conn, f.session)
        .unwrap()
        .iter()
        .map(|m| m.teacher_id)
        .collect();
    assert_eq!(made, vec![f.teachers[0], f.teachers[2], f.teachers[3]]);
    // 王芳's absence is corrected by hand at the closed session, then set back to absent:
    // changed by hand after the close, so it is no longer the close's.
    for (status, why) in [
        (Status::Present, "签到表上有"),
        (Status::Absent, "核对有误"),
    ] {
        let mut r = req(&f, 2, at(DAY(), 12, 30));
        r.status = Some(status);
        r.reason = Some(why.into());
        run(&mut f, &r).unwrap();
    }
    assert_eq!(close_absences(&f.db.conn, f.session).unwrap().len(), 2);

    assert!(reopen_session_removing_close_absences(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        " "
    )
    .is_err());
    assert!(is_closed(&f), "refused: nothing changed");
    let done = reopen_session_removing_close_absences(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        "误关闭",
    )
    .unwrap();
    assert_eq!(done.removed, 2);
    assert!(!is_closed(&f));
    assert_eq!(status_of(&f, 0), None);
    assert_eq!(status_of(&f, 3), None);
    assert_eq!(status_of(&f, 1), Some(Status::Excused), "made by hand");
    assert_eq!(status_of(&f, 2), Some(Status::Absent), "changed by hand");
    // One reason for the batch, one audit entry per removed mark.
    let removed: Vec<(String, String)> =
        f.db.conn
            .prepare("SELECT action, reason FROM audit_log WHERE entity = 'mark' AND after IS NULL")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
    assert_eq!(removed.len(), 2, "{removed:?}");
    assert!(removed.iter().all(|(a, r)| a == "delete" && r == "误关闭"));
    let history = audit::history(
        &f.db.conn,
        liaoyuan::store::audit::Entity::Session,
        f.session,
    )
    .unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("reopen", "误关闭")
    );
    assert!(last
        .after
        .as_deref()
        .unwrap()
        .contains("\"removed_absences\":2"));
    // Closed again: the two get their absences back, recorded as the close's again.
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 40), "tester"),
    )
    .unwrap();
    assert_eq!(close_absences(&f.db.conn, f.session).unwrap().len(), 2);
}

#[test]
fn reopening_that_keeps_the_marks_keeps_them_recorded_as_the_closes() {
    let mut f = setup();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    reopen_session(&mut f.db, &crate::registration::stamp(), f.session, "补录").unwrap();
    assert_eq!(status_of(&f, 0), Some(Status::Absent));
    assert_eq!(close_absences(&f.db.conn, f.session).unwrap().len(), 4);
}

#[test]
fn a_check_in_from_another_process_between_review_and_close_is_never_marked_or_removed() {
    let mut f = setup();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    assert!(review.register_untaken());
    // Between the review and the typed confirmation, another desk checks 张伟 in.
    cli_checkin(
        &f,
        "2026-03-02 09:00",
        &["张伟", "--at", "2026-03-02 08:31"],
    );
    let done = close_session_as_reviewed(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
        &review,
    )
    .unwrap();
    assert_eq!(done.unmarked, 3);
    assert_eq!(status_of(&f, 0), Some(Status::Present));
    // After the close, another process corrects 李娜's absence by hand.
    cli_checkin(
        &f,
        "2026-03-02 12:10",
        &[
            "李娜",
            "--status",
            "present",
            "--at",
            "2026-03-02 08:29",
            "--reason",
            "签到表上有",
        ],
    );
    let done = reopen_session_removing_close_absences(
        &mut f.db,
        &crate::registration::stamp(),
        f.session,
        "误关闭",
    )
    .unwrap();
    assert_eq!(done.removed, 2);
    assert_eq!(status_of(&f, 0), Some(Status::Present));
    assert_eq!(status_of(&f, 1), Some(Status::Present));
    assert_eq!((status_of(&f, 2), status_of(&f, 3)), (None, None));
}

#[test]
fn a_close_that_would_mark_more_teachers_than_reviewed_is_refused() {
    let mut f = setup();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    f.db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T005', '赵敏', 1)",
            [],
        )
        .unwrap();
    let late_comer = f.db.conn.last_insert_rowid();
    enrolments::enrol_teachers(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &[late_comer],
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
    let err = close_session_as_reviewed(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
        &review,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains('5') && err.contains('4'), "{err}");
    assert!(!is_closed(&f));
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 0);
}
