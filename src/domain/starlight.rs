//! The Starlight corps's life cycle (docs/rules.md §4.8): what counts as a session delivered,
//! a school term, a trainer's load, what evidence an assessment rests on, and which changes
//! need a reason.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

code_enum!(
    /// What an assessment of a competency rests on.
    EvidenceKind {
        Session => "session", "授课", "Session taught", ["课"];
        Observation => "observation", "听课观察", "Observation", ["观察", "听课"];
        Feedback => "feedback", "学员反馈", "Feedback average", ["反馈"];
    }
);

/// Has a session on `date` ending at `end` been held by `now`? A session counts as delivered
/// only once it has ended; a session later today or in a later year is not delivered yet.
pub fn is_delivered(date: NaiveDate, end: NaiveTime, now: NaiveDateTime) -> bool {
    date.and_time(end) <= now
}

/// The school term (学期) holding `day`: the spring term runs 1 February – 31 July, the
/// autumn term 1 August – 31 January of the next year. Returns (first day, last day).
pub fn term_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let y = day.year();
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(day);
    match day.month() {
        2..=7 => (ymd(y, 2, 1), ymd(y, 7, 31)),
        1 => (ymd(y - 1, 8, 1), ymd(y, 1, 31)),
        _ => (ymd(y, 8, 1), ymd(y + 1, 1, 31)),
    }
}

/// A trainer's teaching load over a period: sessions and hours (held or still to come).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Load {
    pub sessions: i64,
    pub hours: f64,
}

impl Load {
    /// Adds a session from `start` to `end` (no time when the end is not after the start).
    pub fn add(&mut self, start: NaiveTime, end: NaiveTime) {
        self.sessions += 1;
        self.hours += (end - start).num_minutes().max(0) as f64 / 60.0;
    }
}

/// Does changing competency levels `before` → `after` need a reason? Any change of a level
/// does (audited with the reason); a change of status alone does not.
pub fn levels_change_needs_reason(before: &[u8; 6], after: &[u8; 6]) -> bool {
    before != after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::parse_date(s).unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        crate::domain::parse_time(s).unwrap()
    }
    fn at(s: &str) -> NaiveDateTime {
        crate::domain::parse_datetime(s).unwrap()
    }

    #[test]
    fn a_session_is_delivered_only_once_it_has_ended() {
        let now = at("2026-11-28 11:30");
        assert!(
            is_delivered(d("2026-11-28"), t("11:30"), now),
            "ended this minute"
        );
        assert!(
            !is_delivered(d("2026-11-28"), t("11:31"), now),
            "still running"
        );
        assert!(is_delivered(d("2026-03-02"), t("17:00"), now));
        assert!(!is_delivered(d("2027-03-02"), t("08:30"), now), "next year");
    }

    #[test]
    fn terms_run_february_to_july_and_august_to_january() {
        assert_eq!(term_of(d("2026-11-28")), (d("2026-08-01"), d("2027-01-31")));
        assert_eq!(term_of(d("2027-01-31")), (d("2026-08-01"), d("2027-01-31")));
        assert_eq!(term_of(d("2027-02-01")), (d("2027-02-01"), d("2027-07-31")));
        assert_eq!(term_of(d("2026-07-31")), (d("2026-02-01"), d("2026-07-31")));
    }

    #[test]
    fn load_counts_sessions_and_hours() {
        let mut l = Load::default();
        l.add(t("08:30"), t("11:30"));
        l.add(t("14:00"), t("15:30"));
        assert_eq!(l.sessions, 2);
        assert!((l.hours - 4.5).abs() < 1e-9);
    }

    #[test]
    fn a_level_change_needs_a_reason_and_a_status_change_alone_does_not() {
        assert!(levels_change_needs_reason(&[1; 6], &[1, 1, 2, 1, 1, 1]));
        assert!(!levels_change_needs_reason(&[1; 6], &[1; 6]));
    }
}
