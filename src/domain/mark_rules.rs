//! Mark composition (docs/rules.md "Composing a mark"): the status the times decide when none
//! is stated, and the minutes and times a mark of a status keeps. The desk
//! (`ops::check_in`) and the sign-in sheet import (`ops::import::marks`) both build their
//! marks here; they differ only in which times they state.

use super::attendance::{classify_check_in, minutes_early};
use super::codes::Status;
use super::model::{Mark, Session};
use chrono::NaiveDateTime;

/// What a request states about a teacher's times at a session. A `None` minute count is
/// computed from the matching time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stated {
    pub checked_in_at: Option<NaiveDateTime>,
    pub checked_out_at: Option<NaiveDateTime>,
    pub minutes_late: Option<i64>,
    pub minutes_early: Option<i64>,
}

/// The times and minutes a mark keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkTimes {
    pub checked_in_at: Option<NaiveDateTime>,
    pub checked_out_at: Option<NaiveDateTime>,
    pub minutes_late: i64,
    pub minutes_early: i64,
}

/// The status the times decide when none is stated: leaving before the end (beyond the
/// grace) is `left_early`; otherwise the arrival decides present or late (§4.1). None when
/// neither time decides (no arrival, and no early leaving).
pub fn status_from_times(
    session: &Session,
    arrival: Option<NaiveDateTime>,
    leaving: Option<NaiveDateTime>,
    grace_minutes: i64,
) -> Option<Status> {
    let early = leaving.is_some_and(|t| minutes_early(session.ends_at(), t, grace_minutes) > 0);
    if early {
        return Some(Status::LeftEarly);
    }
    arrival.map(|t| classify_check_in(session.starts_at(), t, grace_minutes).0)
}

/// The times and minutes a mark of `status` keeps, from what is stated:
/// - present: both times, no minutes;
/// - late: both times, minutes late (stated, else from the arrival);
/// - left early: both times, minutes late (stated, else from the arrival) and minutes early
///   (stated, else from the leaving time);
/// - absent and excused: no times, no minutes (the teacher did not come).
pub fn compose_times(
    status: Status,
    session: &Session,
    stated: Stated,
    grace_minutes: i64,
) -> MarkTimes {
    let late = || {
        stated
            .minutes_late
            .or_else(|| {
                stated
                    .checked_in_at
                    .map(|t| classify_check_in(session.starts_at(), t, grace_minutes).1)
            })
            .unwrap_or(0)
            .max(0)
    };
    let early = || {
        stated
            .minutes_early
            .or_else(|| {
                stated
                    .checked_out_at
                    .map(|t| minutes_early(session.ends_at(), t, grace_minutes))
            })
            .unwrap_or(0)
            .max(0)
    };
    let (minutes_late, minutes_early) = match status {
        Status::Present | Status::Absent | Status::Excused => (0, 0),
        Status::Late => (late(), 0),
        Status::LeftEarly => (late(), early()),
    };
    if !status.arrived() {
        return MarkTimes::default();
    }
    MarkTimes {
        checked_in_at: stated.checked_in_at,
        checked_out_at: stated.checked_out_at,
        minutes_late,
        minutes_early,
    }
}

impl Mark {
    /// Sets the mark's status and the times and minutes it keeps (`compose_times`).
    pub fn set_attendance(&mut self, status: Status, times: MarkTimes) {
        self.status = status;
        self.checked_in_at = times.checked_in_at;
        self.checked_out_at = times.checked_out_at;
        self.minutes_late = times.minutes_late;
        self.minutes_early = times.minutes_early;
    }

    /// Do two marks record the same attendance (ignoring who recorded it and when)?
    pub fn same_attendance(&self, other: &Mark) -> bool {
        self.status == other.status
            && self.minutes_late == other.minutes_late
            && self.minutes_early == other.minutes_early
            && self.checked_in_at == other.checked_in_at
            && self.checked_out_at == other.checked_out_at
            && self.reason == other.reason
    }
}

#[cfg(test)]
#[path = "mark_rules_tests.rs"]
mod tests;
