//! Check-in, lateness and presence (docs/rules.md §4.1), and what counts as attended (§4.3).
//!
//! "Attended" has one definition, `Presence::attended`: a present mark counts; a late or
//! left-early mark counts only when the teacher was there for at least `min_presence_pct` of
//! the session; absent and excused never count. The database keeps `marks.presence_short`
//! (written from `Presence::short` by `store::presence`) so that SQL counts agree with it.

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
    /// Marks of teachers who came (present, late, left early): the desk's "checked in".
    /// Not "attended": a late or left-early mark may fall short of the presence rule.
    pub fn arrived(&self) -> i64 {
        self.present + self.late + self.left_early
    }
}

/// What the presence rule reads of a mark and its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    pub status: Status,
    pub minutes_late: i64,
    pub minutes_early: i64,
    /// Length of the session in minutes.
    pub session_minutes: i64,
}

impl Presence {
    /// Minutes the teacher was at the session: its length less the minutes late and early.
    pub fn minutes_present(&self) -> i64 {
        (self.session_minutes - self.minutes_late.max(0) - self.minutes_early.max(0)).max(0)
    }

    /// Was the teacher there for at least `min_presence_pct` % of the session? Exactly the
    /// share counts (90 of 180 minutes is 50 %).
    pub fn meets(&self, min_presence_pct: i64) -> bool {
        self.session_minutes <= 0
            || self.minutes_present() * 100 >= min_presence_pct * self.session_minutes
    }

    /// Does the mark count as attended (§4.3)? THE definition: completion, the reports'
    /// attendance figures and the exports all follow it.
    pub fn attended(&self, min_presence_pct: i64) -> bool {
        match self.status {
            Status::Present => true,
            Status::Late | Status::LeftEarly => self.meets(min_presence_pct),
            Status::Absent | Status::Excused => false,
        }
    }

    /// The teacher came (the status says so) but too briefly to count as attended: what
    /// `marks.presence_short` stores.
    pub fn short(&self, min_presence_pct: i64) -> bool {
        self.status.arrived() && !self.attended(min_presence_pct)
    }
}

/// The first stated time that lies after `now` (§4.1: times after now are refused — a mark
/// records what has happened).
pub fn time_after_now<I>(stated: I, now: NaiveDateTime) -> Option<NaiveDateTime>
where
    I: IntoIterator<Item = Option<NaiveDateTime>>,
{
    stated.into_iter().flatten().find(|t| *t > now)
}

/// Has a teacher arrived at a session, as far as an earlier mark tells (its status says the
/// teacher came, or it holds a check-in time)? A left-early mark needs an arrival (§4.1),
/// or a reason saying why it is entered by hand without one.
pub fn has_arrival(earlier: Option<Status>, checked_in_at: Option<NaiveDateTime>) -> bool {
    earlier.is_some_and(Status::arrived) || checked_in_at.is_some()
}

/// Does marking `after` need a reason because it says the teacher left early without any
/// arrival on record (see `has_arrival`)?
pub fn left_early_without_arrival(
    after: Status,
    earlier: Option<Status>,
    checked_in_at: Option<NaiveDateTime>,
) -> bool {
    after == Status::LeftEarly && !has_arrival(earlier, checked_in_at)
}

/// Does a change of a mark from `before` to `after` need a reason? Lifting a
/// veto cause does (§4.2), leave always does (§4.1), and so does any change at a
/// closed (locked) session, even one that keeps the status (new times or minutes).
pub fn change_needs_reason(before: Option<Status>, after: Status, session_closed: bool) -> bool {
    // Status alone: correcting a late, left-early or absent mark is accountable even at a
    // project out of the veto scope (where it lifts no veto, `veto::lifts_veto`).
    let corrects = super::veto::removes_veto_status(before, after);
    corrects || session_closed || after.is_leave()
}

#[cfg(test)]
#[path = "attendance_tests.rs"]
mod tests;
