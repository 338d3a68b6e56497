//! The mark a check-in asks for: the desk rules of `super` turned into a mark
//! (status, minutes, times) by `domain::mark_rules`.

use super::CheckIn;
use crate::domain::mark_rules::{compose_times, status_from_times, Stated};
use crate::domain::{Mark, Session, Settings, Status};
use crate::store::enrolments::TeacherBrief;
use chrono::NaiveDateTime;

/// The mark a request asks for (id 0 until written).
pub(super) fn desired_mark(
    session: &Session,
    teacher: &TeacherBrief,
    existing: Option<&Mark>,
    req: &CheckIn,
    reason: &str,
    settings: &Settings,
    stamp: &crate::store::Stamp,
) -> Mark {
    let grace = settings.grace_minutes;
    // The desk's clock is an arrival time only on the session's day.
    let checked_in_at = req
        .arrived_at
        .or(existing.and_then(|m| m.checked_in_at))
        .or(Some(req.at).filter(|t| t.date() == session.date));
    // A check-out on time is recorded too (the desk's 签退), keeping the status. A mark's
    // times lie within its session (`liaoyuan check`, mark_outside_session): leaving after
    // the end is recorded as leaving at the end — the teacher stayed the whole session.
    let existing_out = req
        .checked_out_at
        .map(|t| t.min(session.ends_at()))
        .or(existing.and_then(|m| m.checked_out_at));
    let status = match (req.status, req.checked_out_at) {
        (Some(s), _) => s,
        // A check-out that is not early keeps the mark as it is.
        (None, Some(out)) => status_from_times(session, None, Some(out), grace)
            .unwrap_or(existing.map(|m| m.status).unwrap_or(Status::Present)),
        (None, None) => {
            status_from_times(session, Some(req.at), None, grace).unwrap_or(Status::Present)
        }
    };
    let mut stated = match status {
        Status::Late if req.minutes_late.is_some() => Stated {
            checked_in_at: req.arrived_at.or(existing.and_then(|e| e.checked_in_at)),
            checked_out_at: existing_out,
            minutes_late: req.minutes_late,
            minutes_early: None,
        },
        Status::LeftEarly => {
            // Stated minutes with no check-out time known invent none; the
            // desk's clock is a leaving time only while the session runs.
            let running = session.starts_at() <= req.at && req.at <= session.ends_at();
            Stated {
                checked_in_at: existing.and_then(|e| e.checked_in_at),
                checked_out_at: req.checked_out_at.or(existing_out).or((req
                    .minutes_early
                    .is_none()
                    && running)
                    .then_some(req.at)),
                minutes_late: Some(existing.map(|e| e.minutes_late).unwrap_or(0)),
                minutes_early: req.minutes_early,
            }
        }
        _ => Stated {
            checked_in_at,
            checked_out_at: existing_out,
            minutes_late: None,
            minutes_early: None,
        },
    };
    // A check-out keeps the minutes late the mark already has.
    if req.status.is_none() && req.checked_out_at.is_some() {
        if let Some(e) = existing {
            stated.minutes_late = Some(e.minutes_late);
        }
    }
    let mut m = Mark {
        id: 0,
        session_id: session.id,
        teacher_id: teacher.id,
        school_id: existing.map(|m| m.school_id).unwrap_or(teacher.school_id),
        session_date: session.date,
        status,
        minutes_late: 0,
        minutes_early: 0,
        checked_in_at: None,
        checked_out_at: None,
        reason: String::new(),
        recorded_by: stamp.actor.clone(),
        recorded_at: stamp.now,
    };
    m.set_attendance(status, compose_times(status, session, stated, grace));
    m.reason = if !reason.is_empty() {
        reason.to_string()
    } else {
        existing
            .filter(|e| e.status == status)
            .map(|e| e.reason.clone())
            .unwrap_or_default()
    };
    m
}

/// The time of day that decides the mark's status or minutes, if one does:
/// the arrival of a clock-decided check-in, the check-in time behind computed
/// minutes late, the check-out time behind computed minutes early.
pub(super) fn deciding_time(req: &CheckIn, new: &Mark) -> Option<NaiveDateTime> {
    match (req.status, req.checked_out_at) {
        (None, None) => Some(req.at),
        (None, Some(out)) => Some(out),
        (Some(Status::Late), _) if req.minutes_late.is_none() => new.checked_in_at.or(Some(req.at)),
        (Some(Status::LeftEarly), _) if req.minutes_early.is_none() => new.checked_out_at,
        _ => None,
    }
}
