//! A trainer is in one place at a time: a session whose trainer already teaches another
//! session at an overlapping time that day is refused, naming the clash; sessions that meet at
//! a minute (ending 11:30, starting 11:30) do not clash; another desk's booking (its own connection) counts.

use super::*;

fn with_trainer(f: &Fixture) -> i64 {
    f.db.conn
        .execute(
            "INSERT INTO trainers (name, affiliation, status) VALUES ('陈思远', '实验小学', 'certified')",
            [],
        )
        .unwrap();
    f.db.conn.last_insert_rowid()
}

fn fields(date: NaiveDate, start: (u32, u32), end: (u32, u32), trainer: i64) -> SessionFields {
    SessionFields {
        start: t(start.0, start.1),
        end: t(end.0, end.1),
        trainer_id: Some(trainer),
        venue: "报告厅".into(),
        ..session_fields(date)
    }
}

#[test]
fn a_trainer_booked_twice_at_once_is_refused_and_meeting_at_a_minute_is_not() {
    let mut f = setup();
    let trainer = with_trainer(&f);
    let stamp = crate::registration::stamp();
    let day = d(2026, 3, 3);
    let first = session_ops::add_session(
        &mut f.db,
        &stamp,
        f.project,
        &fields(day, (8, 30), (11, 30), trainer),
    )
    .unwrap();
    // 11:30 → 12:30 meets the first at a minute: allowed
    session_ops::add_session(
        &mut f.db,
        &stamp,
        f.project,
        &fields(day, (11, 30), (12, 30), trainer),
    )
    .unwrap();
    // 11:29 overlaps by one minute: refused, naming the clash; nothing written
    let before: i64 =
        f.db.conn
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
            .unwrap();
    let err = session_ops::add_session(
        &mut f.db,
        &stamp,
        f.project,
        &fields(day, (10, 0), (11, 29), trainer),
    )
    .unwrap_err();
    let zh = err.text(liaoyuan::lang::Lang::Zh);
    assert!(
        zh.contains("陈思远") && zh.contains("2026-03-03 08:30–11:30") && zh.contains("报告厅"),
        "{zh}"
    );
    let en = err.text(liaoyuan::lang::Lang::En);
    assert!(en.contains("clashes with 10:00–11:29"), "{en}");
    let after: i64 =
        f.db.conn
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
            .unwrap();
    assert_eq!(after, before);
    // editing a session does not clash with itself; moving it onto another does
    session_ops::edit_session(
        &mut f.db,
        &stamp,
        first,
        &fields(day, (8, 0), (11, 0), trainer),
        None,
    )
    .unwrap();
    let moved = session_ops::edit_session(
        &mut f.db,
        &stamp,
        first,
        &fields(day, (8, 0), (12, 0), trainer),
        None,
    );
    assert!(moved.is_err(), "overlaps 11:30–12:30");
}

#[test]
fn a_booking_made_by_another_desk_counts() {
    let mut f = setup();
    let trainer = with_trainer(&f);
    let path = f._dir.path().join("t.db");
    // Another desk (its own connection, as another process would have) books the trainer.
    let mut other = Db::open(&path, OpenMode::Existing).unwrap();
    session_ops::add_session(
        &mut other,
        &crate::registration::stamp(),
        f.project,
        &fields(d(2026, 3, 4), (14, 0), (16, 0), trainer),
    )
    .unwrap();
    drop(other);
    let err = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &fields(d(2026, 3, 4), (15, 0), (17, 0), trainer),
    )
    .unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::En)
            .contains("already teaches"),
        "{err}"
    );
}
