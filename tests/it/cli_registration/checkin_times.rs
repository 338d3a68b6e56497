//! `liaoyuan checkin --at` obeys the desk's date rules: no time after now, no
//! mark in a session still to come (except leave), a time belongs to the
//! session it falls in, and `left_early` may be given by hand.

use super::*;

/// The district of `district()` plus session 3 of P1 on 2026-03-03 08:30–11:30.
fn with_next_day() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = district();
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    db.conn
        .execute(
            "INSERT INTO sessions (project_id, date, start_time, end_time)
             VALUES (1, '2026-03-03', '08:30', '11:30')",
            [],
        )
        .unwrap();
    drop(db);
    (dir, path)
}

fn run(db: &Path, now: &str, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["checkin", "--project", "P1"];
    all.extend(args);
    let o = liaoyuan(db, now, &all);
    let (out, err) = text(&o);
    (o.status.code().unwrap_or(-1), out, err)
}

fn marks(db: &Path) -> i64 {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row("SELECT count(*) FROM marks", [], |r| r.get(0))
        .unwrap()
}

fn left_early(db: &Path, staff_no: &str) -> Option<(String, i64, Option<String>)> {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row(
            "SELECT m.status, m.minutes_early, m.checked_out_at FROM marks m
             JOIN teachers t ON t.id = m.teacher_id WHERE t.staff_no = ?1",
            [staff_no],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok()
}

const NOON: &str = "2026-03-02 12:00";

#[test]
fn a_time_after_now_is_refused() {
    let (_d, db) = with_next_day();
    // Tomorrow's session, tomorrow's time: refused, nothing written.
    let (code, _, err) = run(
        &db,
        NOON,
        &["--session", "3", "T003", "--at", "2026-03-03 08:31"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("2026-03-03 08:31") && err.contains("2026-03-02 12:00"),
        "{err}"
    );
    // Later today, in today's afternoon session: refused as well.
    let (code, _, err) = run(
        &db,
        NOON,
        &["--session", "2", "T004", "--at", "2026-03-02 14:10"],
    );
    assert_eq!(code, 1, "{err}");
    // Even with a status: a check-out that has not happened yet.
    let (code, _, err) = run(
        &db,
        NOON,
        &[
            "--session",
            "2",
            "T005",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 15:00",
            "--reason",
            "x",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(marks(&db), 0);
    // In English too.
    let (code, _, err) = run(
        &db,
        NOON,
        &[
            "--session",
            "3",
            "T003",
            "--at",
            "2026-03-03 08:31",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("after now"), "{err}");
    // Exactly now is not after now.
    let now = "2026-03-02 08:40";
    let (code, _, err) = run(&db, now, &["--session", "1", "T003", "--at", now]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mark(&db, "T003"), Some(("late".into(), 10)));
}

#[test]
fn a_session_that_has_not_come_takes_only_leave() {
    let (_d, db) = with_next_day();
    let (code, _, err) = run(&db, NOON, &["--session", "3", "T003", "--status", "absent"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2026-03-03") && err.contains("请假"), "{err}");
    let (code, _, err) = run(
        &db,
        NOON,
        &[
            "--session",
            "3",
            "T003",
            "--status",
            "excused",
            "--reason",
            "病假",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(mark(&db, "T003"), Some(("excused".into(), 0)));
    // An early arrival on the session's day is a normal check-in.
    let (code, out, err) = run(
        &db,
        "2026-03-02 13:50",
        &["--session", "2", "T004", "--at", "2026-03-02 13:45"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("出勤（13:45）"), "{out}");
}

#[test]
fn a_leaving_time_belongs_to_the_session_it_falls_in() {
    let (_d, db) = district();
    let (code, _, err) = run(&db, MORNING, &["--session", "1", "T003"]);
    assert_eq!(code, 0, "{err}");
    // 11:31, after session 1 (08:30–11:30) ended: not a leaving time of session 2 (14:00–17:00).
    let (code, out, err) = run(
        &db,
        NOON,
        &["T003", "--status", "left_early", "--at", "2026-03-02 11:31"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("11:31") && err.contains("08:30–11:30") && err.contains("14:00–17:00"),
        "{err}"
    );
    let (code, out, err) = run(
        &db,
        NOON,
        &[
            "--session",
            "2",
            "T003",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 11:31",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("14:00–17:00") && err.contains("11:31"),
        "{err}"
    );
    // Within the grace before the end is not leaving early.
    let (code, out, err) = run(
        &db,
        NOON,
        &[
            "--session",
            "1",
            "T003",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 11:27",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("11:30"), "{err}");
    // Before the arrival (08:20) is no leaving time either.
    let (code, out, _) = run(
        &db,
        NOON,
        &[
            "--session",
            "1",
            "T003",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 08:10",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(mark(&db, "T003"), Some(("present".into(), 0)));
    // Without --session, a leaving time in session 1 finds session 1.
    let (code, out, err) = run(
        &db,
        NOON,
        &["T003", "--status", "早退", "--at", "2026-03-02 11:00"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("早退 提前 30 分钟（11:00）"), "{out}");
    assert_eq!(
        left_early(&db, "T003"),
        Some(("left_early".into(), 30, Some("2026-03-02 11:00:00".into())))
    );
}

#[test]
fn an_arrival_after_the_session_has_ended_is_refused() {
    let (_d, db) = district();
    let (code, out, err) = run(
        &db,
        NOON,
        &["--session", "1", "T003", "--at", "2026-03-02 11:45"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("11:45") && err.contains("08:30–11:30"),
        "{err}"
    );
    let (code, out, _) = run(
        &db,
        NOON,
        &[
            "--session",
            "1",
            "T003",
            "--status",
            "present",
            "--at",
            "2026-03-02 11:45",
        ],
    );
    assert_eq!(code, 1, "{out}");
    // A present mark's arrival on another day than the session's.
    let (code, out, _) = run(
        &db,
        "2026-03-09 10:00",
        &[
            "--session",
            "1",
            "T003",
            "--status",
            "present",
            "--at",
            "2026-03-05 08:00",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(marks(&db), 0);
}

#[test]
fn left_early_by_hand_is_accepted_with_or_without_a_time() {
    let (_d, db) = district();
    run(&db, MORNING, &["--session", "1", "T003"]);
    run(&db, MORNING, &["--session", "1", "T004"]);
    // A week later, no leaving time known: the status is given directly.
    let later = "2026-03-09 10:00";
    let (code, out, err) = run(
        &db,
        later,
        &["--session", "1", "T003", "--status", "left_early"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("早退"), "{out}");
    assert_eq!(
        left_early(&db, "T003"),
        Some(("left_early".into(), 0, None))
    );
    // Or with the time from the sheet.
    let (code, _, err) = run(
        &db,
        later,
        &[
            "--session",
            "1",
            "T004",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 10:30",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        left_early(&db, "T004"),
        Some(("left_early".into(), 60, Some("2026-03-02 10:30:00".into())))
    );
    // While the session runs, no --at means leaving now.
    run(&db, "2026-03-02 14:05", &["--session", "2", "T005"]);
    let (code, _, err) = run(
        &db,
        "2026-03-02 16:00",
        &["--session", "2", "T005", "--status", "早退"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        left_early(&db, "T005"),
        Some(("left_early".into(), 60, Some("2026-03-02 16:00:00".into())))
    );
}

#[test]
fn left_early_without_an_arrival_needs_a_reason() {
    let (_d, db) = district();
    let later = "2026-03-09 10:00";
    for extra in [&[][..], &["--at", "2026-03-02 10:30"][..]] {
        let mut args = vec!["--session", "1", "T003", "--status", "left_early"];
        args.extend(extra);
        let (code, out, err) = run(&db, later, &args);
        assert_eq!(code, 1, "{out}");
        assert!(err.contains("李娜") && err.contains("--reason"), "{err}");
        assert_eq!(marks(&db), 0);
    }
    let (code, _, err) = run(
        &db,
        later,
        &[
            "--session",
            "1",
            "T003",
            "--status",
            "left_early",
            "--at",
            "2026-03-02 10:30",
            "--reason",
            "签到表漏签，讲师证实",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        left_early(&db, "T003"),
        Some(("left_early".into(), 60, Some("2026-03-02 10:30:00".into())))
    );
}
