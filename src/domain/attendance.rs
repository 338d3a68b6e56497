//! Check-in and lateness (DESIGN.md §4.1).

use super::codes::Status;
use chrono::NaiveDateTime;

/// The mark a check-in at `at` earns for a session starting at `start`:
/// on time up to and including `start + grace`, late after it.
/// Returns the status and the minutes late (0 when present).
pub fn classify_check_in(
    start: NaiveDateTime,
    at: NaiveDateTime,
    grace_minutes: i64,
) -> (Status, i64) {
    let seconds_after = (at - start).num_seconds();
    if seconds_after <= grace_minutes * 60 {
        (Status::Present, 0)
    } else {
        // Minutes late are counted from the start, rounded up to whole minutes.
        (Status::Late, (seconds_after + 59) / 60)
    }
}

/// Minutes a check-out at `at` is before the session's `end` (0 when not early).
/// Leaving within the grace period before the end is not early.
pub fn minutes_early(end: NaiveDateTime, at: NaiveDateTime, grace_minutes: i64) -> i64 {
    let seconds_before = (end - at).num_seconds();
    if seconds_before <= grace_minutes * 60 {
        0
    } else {
        (seconds_before + 59) / 60
    }
}

/// Can `t` be an arrival at the session from `start` to `end`? Any time on
/// the session's day up to its end: arriving early is normal; after the end
/// there is nothing left to attend.
pub fn arrival_fits(start: NaiveDateTime, end: NaiveDateTime, t: NaiveDateTime) -> bool {
    t.date() == start.date() && t <= end
}

/// Where a stated leaving time stands against a session (for `left_early`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    /// Within the session and this many minutes before its end (beyond the grace).
    Early(i64),
    /// Within the grace period before the end: not leaving early.
    NotEarly,
    /// Before the start or after the end (or on another day).
    Outside,
}

/// How a leaving time `t` fits the session from `start` to `end`.
pub fn leaving(
    start: NaiveDateTime,
    end: NaiveDateTime,
    t: NaiveDateTime,
    grace_minutes: i64,
) -> Leaving {
    if t < start || t > end {
        return Leaving::Outside;
    }
    match minutes_early(end, t, grace_minutes) {
        0 => Leaving::NotEarly,
        n => Leaving::Early(n),
    }
}

/// Counts of marks by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusCounts {
    pub present: i64,
    pub late: i64,
    pub left_early: i64,
    pub absent: i64,
    pub excused: i64,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status, n: i64) {
        match status {
            Status::Present => self.present += n,
            Status::Late => self.late += n,
            Status::LeftEarly => self.left_early += n,
            Status::Absent => self.absent += n,
            Status::Excused => self.excused += n,
        }
    }
    pub fn get(&self, status: Status) -> i64 {
        match status {
            Status::Present => self.present,
            Status::Late => self.late,
            Status::LeftEarly => self.left_early,
            Status::Absent => self.absent,
            Status::Excused => self.excused,
        }
    }
    pub fn total(&self) -> i64 {
        self.present + self.late + self.left_early + self.absent + self.excused
    }
    /// Marks that count as attended (present, late, left early).
    pub fn attended(&self) -> i64 {
        self.present + self.late + self.left_early
    }
    /// Marks that cause a veto.
    pub fn veto_causing(&self) -> i64 {
        self.late + self.left_early + self.absent
    }
}

/// Does a change of a mark from `before` to `after` need a reason? Lifting a
/// veto cause does (§4.2), leave always does (§4.1), and so does any change at a
/// closed (locked) session, even one that keeps the status (new times or minutes).
pub fn change_needs_reason(before: Option<Status>, after: Status, session_closed: bool) -> bool {
    let lifts = matches!(before, Some(b) if b.causes_veto()) && !after.causes_veto();
    lifts || session_closed || after == Status::Excused
}

#[cfg(test)]
mod tests {
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
        assert_eq!(c.attended(), 4);
        assert_eq!(c.veto_causing(), 1);
    }
}
