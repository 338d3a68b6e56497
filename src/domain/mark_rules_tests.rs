use super::*;
use chrono::{NaiveDate, NaiveTime};

/// 08:30–11:30 on 2 March 2026.
fn session() -> Session {
    Session {
        id: 1,
        project_id: 1,
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        start: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        end: NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
        topic: String::new(),
        trainer_id: None,
        venue: String::new(),
        closed_at: None,
    }
}

fn at(h: u32, m: u32) -> Option<NaiveDateTime> {
    session().date.and_hms_opt(h, m, 0)
}

#[test]
fn the_times_decide_the_status_when_none_is_stated() {
    let s = session();
    assert_eq!(
        status_from_times(&s, at(8, 35), None, 5),
        Some(Status::Present)
    );
    assert_eq!(
        status_from_times(&s, at(8, 36), None, 5),
        Some(Status::Late)
    );
    // Leaving early decides over a late arrival.
    assert_eq!(
        status_from_times(&s, at(8, 50), at(10, 0), 5),
        Some(Status::LeftEarly)
    );
    assert_eq!(
        status_from_times(&s, at(8, 0), at(11, 25), 5),
        Some(Status::Present)
    );
    assert_eq!(status_from_times(&s, None, at(11, 25), 5), None);
    assert_eq!(
        status_from_times(&s, None, at(10, 0), 5),
        Some(Status::LeftEarly)
    );
}

#[test]
fn each_status_keeps_its_minutes_and_times() {
    let s = session();
    let stated = Stated {
        checked_in_at: at(8, 50),
        checked_out_at: at(10, 0),
        ..Stated::default()
    };
    let t = |status| compose_times(status, &s, stated, 5);
    assert_eq!(
        t(Status::Present),
        MarkTimes {
            checked_in_at: at(8, 50),
            checked_out_at: at(10, 0),
            minutes_late: 0,
            minutes_early: 0
        }
    );
    assert_eq!(t(Status::Late).minutes_late, 20);
    assert_eq!(t(Status::Late).minutes_early, 0);
    assert_eq!(
        (
            t(Status::LeftEarly).minutes_late,
            t(Status::LeftEarly).minutes_early
        ),
        (20, 90)
    );
    for gone in [Status::Absent, Status::Excused] {
        assert_eq!(t(gone), MarkTimes::default(), "{gone:?}");
    }
    for s in Status::ALL {
        // Only a teacher who came keeps times.
        assert_eq!(t(*s).checked_in_at.is_some(), s.arrived(), "{s:?}");
    }
}

#[test]
fn stated_minutes_win_over_the_times_and_are_never_negative() {
    let s = session();
    let stated = Stated {
        checked_in_at: at(8, 50),
        checked_out_at: None,
        minutes_late: Some(7),
        minutes_early: Some(-3),
    };
    let t = compose_times(Status::LeftEarly, &s, stated, 5);
    assert_eq!((t.minutes_late, t.minutes_early), (7, 0));
}

#[test]
fn same_attendance_ignores_who_recorded_it_and_when() {
    let m = |by: &str, status| Mark {
        id: 1,
        session_id: 1,
        teacher_id: 1,
        school_id: 1,
        session_date: session().date,
        status,
        minutes_late: 0,
        minutes_early: 0,
        checked_in_at: None,
        checked_out_at: None,
        reason: String::new(),
        recorded_by: by.into(),
        recorded_at: session().starts_at(),
    };
    assert!(m("a", Status::Present).same_attendance(&m("b", Status::Present)));
    assert!(!m("a", Status::Present).same_attendance(&m("a", Status::Late)));
}
