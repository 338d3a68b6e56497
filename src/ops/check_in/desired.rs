//! The mark a check-in asks for: the desk rules of `super` turned into a mark
//! (status, minutes, times), and the comparison that tells a change from none.

use super::CheckIn;
use crate::domain::attendance::{classify_check_in, minutes_early};
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
    let late_minutes = |t: Option<NaiveDateTime>| {
        t.map(|t| classify_check_in(session.starts_at(), t, grace).1)
            .unwrap_or(0)
    };
    let mut m = Mark {
        id: 0,
        session_id: session.id,
        teacher_id: teacher.id,
        school_id: existing.map(|m| m.school_id).unwrap_or(teacher.school_id),
        session_date: session.date,
        status: Status::Present,
        minutes_late: 0,
        minutes_early: 0,
        checked_in_at,
        checked_out_at: existing.and_then(|m| m.checked_out_at),
        reason: String::new(),
        recorded_by: stamp.actor.clone(),
        recorded_at: stamp.now,
    };
    let status = match (req.status, req.checked_out_at) {
        (Some(s), _) => s,
        (None, Some(out)) => {
            if minutes_early(session.ends_at(), out, grace) > 0 {
                Status::LeftEarly
            } else {
                existing.map(|m| m.status).unwrap_or(Status::Present)
            }
        }
        (None, None) => classify_check_in(session.starts_at(), req.at, grace).0,
    };
    m.status = status;
    match status {
        Status::Present => {}
        Status::Late => match req.minutes_late {
            Some(n) => {
                m.minutes_late = n.max(0);
                m.checked_in_at = req.arrived_at.or(existing.and_then(|e| e.checked_in_at));
            }
            None => m.minutes_late = late_minutes(checked_in_at),
        },
        Status::LeftEarly => {
            // Stated minutes with no check-out time known invent none; the
            // desk's clock is a leaving time only while the session runs.
            let running = session.starts_at() <= req.at && req.at <= session.ends_at();
            let out = req
                .checked_out_at
                .or(m.checked_out_at)
                .or((req.minutes_early.is_none() && running).then_some(req.at));
            m.checked_out_at = out;
            m.minutes_early = req
                .minutes_early
                .or_else(|| out.map(|out| minutes_early(session.ends_at(), out, grace)))
                .unwrap_or(0)
                .max(0);
            m.minutes_late = existing.map(|e| e.minutes_late).unwrap_or(0);
            m.checked_in_at = existing.and_then(|e| e.checked_in_at);
        }
        Status::Absent | Status::Excused => {
            m.checked_in_at = None;
            m.checked_out_at = None;
        }
    }
    if req.status.is_none() && req.checked_out_at.is_some() {
        if let Some(e) = existing {
            m.minutes_late = e.minutes_late;
        }
    }
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

/// Do two marks record the same attendance (ignoring who and when recorded)?
pub(crate) fn same_mark(a: &Mark, b: &Mark) -> bool {
    a.status == b.status
        && a.minutes_late == b.minutes_late
        && a.minutes_early == b.minutes_early
        && a.checked_in_at == b.checked_in_at
        && a.checked_out_at == b.checked_out_at
        && a.reason == b.reason
}
