//! What the check counted in its snapshot and the write must count again: a trainer booked
//! and places taken by another desk between the two phases.

use super::tests::{context, count, district, table};
use super::*;
use crate::ops::import::ImportOptions;

#[test]
fn a_trainer_another_desk_books_after_the_check_stops_the_sessions_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    db.conn
        .execute_batch(
            "INSERT INTO trainers (id, name) VALUES (1, '周老师');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
               VALUES (2, 'P2', '教研', 'district', 'starlight', '2026-03-03', '2026-03-03');",
        )
        .unwrap();
    let t = table(
        Kind::Sessions,
        "project,date,start,end,trainer\nP1,2026-03-03,09:00,10:00,周老师\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Sessions, &t, &ctx).unwrap();
    assert_eq!(plan.expected().added, 1);
    other
        .conn
        .execute(
            "INSERT INTO sessions (project_id, date, start_time, end_time, trainer_id)
             VALUES (2, '2026-03-03', '09:30', '10:30', 1)",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(
        stale.0.en.starts_with("line 2: trainer: ") && stale.0.en.contains("P2"),
        "{stale:?}"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM sessions WHERE project_id = 1"),
        1
    );
}

#[test]
fn a_session_ending_when_the_new_one_starts_is_no_clash_at_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    db.conn
        .execute("INSERT INTO trainers (id, name) VALUES (1, '周老师')", [])
        .unwrap();
    let t = table(
        Kind::Sessions,
        "project,date,start,end,trainer\nP1,2026-03-03,09:00,10:00,周老师\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Sessions, &t, &ctx).unwrap();
    other
        .conn
        .execute(
            "INSERT INTO sessions (project_id, date, start_time, end_time, trainer_id)
             VALUES (1, '2026-03-03', '10:00', '11:00', 1)",
            [],
        )
        .unwrap();
    let counts = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap();
    assert_eq!(counts.added, 1);
}

#[test]
fn places_another_desk_takes_after_the_check_stop_the_enrolments_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    db.conn
        .execute_batch(
            "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
               VALUES (2, 'T2', '李明', 1, 'liming', 'lm'), (3, 'T3', '赵强', 1, 'zhaoqiang', 'zq');
             INSERT INTO school_allotments (project_id, school_id, places) VALUES (1, 1, 2);",
        )
        .unwrap();
    let t = table(Kind::Enrolments, "project,staff_no\nP1,T2\n");
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Enrolments, &t, &ctx).unwrap();
    assert_eq!(plan.expected().added, 1);
    other
        .conn
        .execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
             VALUES (1, 3, 1, '2026-02-21 10:00:00')",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(stale.0.en.starts_with("line 2: staff_no: "), "{stale:?}");
    assert_eq!(
        count(&db, "SELECT count(*) FROM enrolments WHERE teacher_id = 2"),
        0
    );
}

#[test]
fn over_capacity_writes_even_when_the_places_went_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    db.conn
        .execute_batch(
            "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
               VALUES (2, 'T2', '李明', 1, 'liming', 'lm'), (3, 'T3', '赵强', 1, 'zhaoqiang', 'zq');
             INSERT INTO school_allotments (project_id, school_id, places) VALUES (1, 1, 2);",
        )
        .unwrap();
    let t = table(Kind::Enrolments, "project,staff_no\nP1,T2\n");
    let opts = ImportOptions {
        over_capacity: true,
        ..ImportOptions::default()
    };
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Enrolments, &t, &ctx).unwrap();
    other
        .conn
        .execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
             VALUES (1, 3, 1, '2026-02-21 10:00:00')",
            [],
        )
        .unwrap();
    let counts = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap();
    assert_eq!(counts.added, 1);
}
