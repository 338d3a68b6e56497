//! Tests of the check-in, presence and counting rules (docs/rules.md §4.1, §4.3).
use super::*;
use chrono::NaiveDate;

fn t(h: u32, m: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(h, m, s)
        .unwrap()
}

#[test]
fn an_arrival_fits_up_to_the_end_of_the_session_day() {
    let (start, end) = (t(8, 30, 0), t(11, 30, 0));
    assert!(arrival_fits(start, end, t(7, 0, 0)), "early arrival");
    assert!(arrival_fits(start, end, t(11, 30, 0)));
    assert!(!arrival_fits(start, end, t(11, 30, 1)));
    assert!(!arrival_fits(
        start,
        end,
        t(8, 0, 0) + chrono::Duration::days(1)
    ));
    assert!(!arrival_fits(
        start,
        end,
        t(8, 0, 0) - chrono::Duration::days(1)
    ));
}

#[test]
fn a_leaving_time_is_early_only_within_the_session_and_beyond_the_grace() {
    let (start, end) = (t(8, 30, 0), t(11, 30, 0));
    assert_eq!(leaving(start, end, t(8, 29, 59), 5), Leaving::Outside);
    assert_eq!(leaving(start, end, t(8, 30, 0), 5), Leaving::Early(180));
    assert_eq!(leaving(start, end, t(11, 24, 0), 5), Leaving::Early(6));
    assert_eq!(leaving(start, end, t(11, 25, 0), 5), Leaving::NotEarly);
    assert_eq!(leaving(start, end, t(11, 30, 0), 5), Leaving::NotEarly);
    assert_eq!(leaving(start, end, t(11, 31, 0), 5), Leaving::Outside);
    assert_eq!(
        leaving(start, end, t(10, 0, 0) + chrono::Duration::days(1), 5),
        Leaving::Outside
    );
}

#[test]
fn exactly_start_plus_grace_is_on_time() {
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 35, 0), 5),
        (Status::Present, 0)
    );
}

#[test]
fn one_second_past_grace_is_late() {
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 35, 1), 5),
        (Status::Late, 6)
    );
}

#[test]
fn early_arrival_is_present() {
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 0, 0), 5),
        (Status::Present, 0)
    );
}

#[test]
fn late_minutes_counted_from_start() {
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 42, 0), 5),
        (Status::Late, 12)
    );
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 31, 0), 0),
        (Status::Late, 1)
    );
}

#[test]
fn zero_grace_start_exactly_is_on_time() {
    assert_eq!(
        classify_check_in(t(8, 30, 0), t(8, 30, 0), 0),
        (Status::Present, 0)
    );
}

#[test]
fn leaving_early() {
    assert_eq!(minutes_early(t(11, 30, 0), t(11, 0, 0), 5), 30);
    assert_eq!(minutes_early(t(11, 30, 0), t(11, 25, 0), 5), 0);
    assert_eq!(minutes_early(t(11, 30, 0), t(11, 40, 0), 5), 0);
}

#[test]
fn reasons_required() {
    assert!(change_needs_reason(
        Some(Status::Late),
        Status::Present,
        false
    ));
    assert!(change_needs_reason(
        Some(Status::Absent),
        Status::Excused,
        false
    ));
    assert!(!change_needs_reason(
        Some(Status::Present),
        Status::Late,
        false
    ));
    assert!(!change_needs_reason(None, Status::Present, false));
    assert!(change_needs_reason(None, Status::Excused, false));
    assert!(change_needs_reason(
        Some(Status::Present),
        Status::Late,
        true
    ));
    assert!(!change_needs_reason(
        Some(Status::Late),
        Status::Absent,
        false
    ));
}

#[test]
fn counts() {
    let mut c = StatusCounts::default();
    c.add(Status::Present, 3);
    c.add(Status::Late, 1);
    c.add(Status::Excused, 2);
    assert_eq!(c.total(), 6);
    assert_eq!(c.arrived(), 4);
}

fn presence(status: Status, late: i64, early: i64) -> Presence {
    Presence {
        status,
        minutes_late: late,
        minutes_early: early,
        session_minutes: 180,
    }
}

#[test]
fn exactly_the_presence_share_counts_and_one_minute_less_does_not() {
    // 180 minutes at 50 %: 90 minutes there counts, 89 does not.
    assert!(presence(Status::Late, 90, 0).attended(50));
    assert!(!presence(Status::Late, 91, 0).attended(50));
    assert!(presence(Status::LeftEarly, 0, 90).attended(50));
    assert!(!presence(Status::LeftEarly, 0, 91).attended(50));
    // Late and early add up.
    assert!(presence(Status::LeftEarly, 45, 45).attended(50));
    assert!(!presence(Status::LeftEarly, 46, 45).attended(50));
    // Another share: 60 % of 180 is 108 minutes.
    assert!(presence(Status::Late, 72, 0).attended(60));
    assert!(!presence(Status::Late, 73, 0).attended(60));
}

#[test]
fn the_cases_of_the_issue_do_not_count_as_attended() {
    // 早退 150 minutes early, or 120 minutes late, in a 180-minute session.
    assert!(!presence(Status::LeftEarly, 0, 150).attended(50));
    assert!(!presence(Status::Late, 120, 0).attended(50));
    assert!(presence(Status::LeftEarly, 0, 150).short(50));
    assert_eq!(presence(Status::Late, 120, 0).minutes_present(), 60);
}

#[test]
fn present_always_counts_absent_and_excused_never() {
    assert!(presence(Status::Present, 0, 0).attended(100));
    assert!(!presence(Status::Absent, 0, 0).attended(0));
    assert!(!presence(Status::Excused, 0, 0).attended(0));
    // Only a teacher who came can fall short.
    for s in [Status::Present, Status::Absent, Status::Excused] {
        assert!(!presence(s, 170, 0).short(50), "{s:?}");
    }
    // A share of 0 % lets every late or left-early mark count; more minutes than the
    // session leave no presence.
    assert!(presence(Status::Late, 500, 0).attended(0));
    assert_eq!(presence(Status::Late, 500, 0).minutes_present(), 0);
}

#[test]
fn a_mark_without_minutes_never_falls_short() {
    // store::presence settles only marks with minutes (or already short): this is why.
    for pct in 0..=100 {
        for s in Status::ALL {
            assert!(!presence(*s, 0, 0).short(pct), "{s:?} {pct}");
        }
    }
}

#[test]
fn times_after_now_are_found() {
    let now = t(10, 0, 0);
    assert_eq!(time_after_now([Some(t(9, 0, 0)), None], now), None);
    assert_eq!(time_after_now([Some(now)], now), None, "now itself is fine");
    assert_eq!(
        time_after_now([Some(t(9, 0, 0)), Some(t(10, 0, 1))], now),
        Some(t(10, 0, 1))
    );
}

#[test]
fn leaving_early_needs_an_arrival() {
    assert!(left_early_without_arrival(Status::LeftEarly, None, None));
    assert!(left_early_without_arrival(
        Status::LeftEarly,
        Some(Status::Absent),
        None
    ));
    assert!(left_early_without_arrival(
        Status::LeftEarly,
        Some(Status::Excused),
        None
    ));
    assert!(!left_early_without_arrival(
        Status::LeftEarly,
        Some(Status::Late),
        None
    ));
    assert!(!left_early_without_arrival(
        Status::LeftEarly,
        Some(Status::Present),
        None
    ));
    assert!(!left_early_without_arrival(
        Status::LeftEarly,
        None,
        Some(t(8, 40, 0))
    ));
    assert!(!left_early_without_arrival(Status::Absent, None, None));
}
