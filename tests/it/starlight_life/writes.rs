//! The life cycle's writes through `ops::starlight`: exit, assignment from the trainer's pane.

use super::{build_db, stamp};
use liaoyuan::ops::starlight;
use liaoyuan::store::{Db, OpenMode};

fn open() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    (dir, db)
}

fn count(db: &Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn an_exit_needs_a_reason_and_keeps_the_sessions_taught() {
    let (_dir, mut db) = open();
    let err = starlight::exit_trainer(&mut db, &stamp(), 1, "  ").unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::En).contains("reason"),
        "{err}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log"), 0);
    starlight::exit_trainer(&mut db, &stamp(), 1, "调往外区任教").unwrap();
    assert_eq!(
        count(&db, "SELECT count(*) FROM trainers WHERE id = 1 AND status = 'retired' AND exited_on = '2026-11-28' AND exit_reason = '调往外区任教'"),
        1
    );
    // The history stays: six sessions still name the trainer.
    assert_eq!(
        count(&db, "SELECT count(*) FROM sessions WHERE trainer_id = 1"),
        6
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM audit_log WHERE entity = 'trainer' AND reason = '调往外区任教'"
        ),
        1
    );
    // An exited trainer can be neither assigned nor assessed.
    assert!(starlight::assign_trainer(&mut db, &stamp(), 6, 1).is_err());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sessions WHERE id = 6 AND trainer_id IS NULL"
        ),
        1
    );
}

#[test]
fn assigning_from_the_trainer_s_pane_refuses_a_double_booking_at_the_minute_boundary() {
    let (_dir, mut db) = open();
    db.conn
        .execute_batch(
            "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, venue) VALUES
               (7, 1, '2026-11-30', '11:30', '12:30', '午间沙龙', '柏梓中学'),
               (8, 1, '2026-11-30', '11:29', '12:30', '午间沙龙', '柏梓中学');",
        )
        .unwrap();
    starlight::assign_trainer(&mut db, &stamp(), 6, 2).unwrap();
    // Ending 11:30 and starting 11:30 do not clash.
    starlight::assign_trainer(&mut db, &stamp(), 7, 2).unwrap();
    // One minute more does, at another venue too, and the message names the clash.
    let err = starlight::assign_trainer(&mut db, &stamp(), 8, 2).unwrap_err();
    let zh = err.text(liaoyuan::lang::Lang::Zh);
    for part in ["程思雨", "P1", "2026-11-30", "08:30–11:30", "二楼教室"] {
        assert!(zh.contains(part), "{part}: {zh}");
    }
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sessions WHERE id = 8 AND trainer_id IS NULL"
        ),
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM audit_log WHERE entity = 'session'"
        ),
        2,
        "the refusal wrote nothing"
    );
}

#[test]
fn select_promote_and_an_already_selected_teacher_is_refused() {
    let (_dir, mut db) = open();
    assert!(starlight::select_candidate(&mut db, &stamp(), 1, "").is_err());
    let id =
        starlight::select_candidate(&mut db, &stamp(), 1, "区级骨干，近三年公开课 3 节").unwrap();
    assert!(starlight::select_candidate(&mut db, &stamp(), 1, "再次").is_err());
    assert_eq!(
        count(&db, &format!("SELECT count(*) FROM trainers WHERE id = {id} AND teacher_id = 1 AND status = 'candidate' AND selected_on = '2026-11-28'")),
        1
    );
    use liaoyuan::domain::TrainerStatus;
    assert_eq!(
        starlight::promote(&mut db, &stamp(), id).unwrap(),
        TrainerStatus::Training
    );
    assert_eq!(
        starlight::promote(&mut db, &stamp(), id).unwrap(),
        TrainerStatus::Certified
    );
    assert!(starlight::promote(&mut db, &stamp(), id).is_err());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM audit_log WHERE entity = 'trainer'"
        ),
        3
    );
}
