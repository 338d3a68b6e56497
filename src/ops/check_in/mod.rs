//! Checking a teacher in (签到) and changing a mark (docs/rules.md §4.1–4.2).
//!
//! Desk rules, enforced here for the TUI desk, the CLI and imports alike:
//! - A plain check-in (no status) is decided by the clock: on time up to and
//!   including start + grace, late after it (minutes late stored).
//! - A plain check-in never changes an existing mark: a teacher already in gets
//!   `AlreadyIn`, pre-registered leave (excused) stays excused (`Unchanged`).
//!   Two desks checking in the same teacher at once end with one mark.
//! - An explicit status changes the mark. `excused` needs a reason; changing a
//!   veto-causing mark (late, left early, absent) to a non-causing one needs a
//!   reason; any change at a closed session needs a reason.
//! - Each change is one transaction with one audit entry (entity "mark").
//! - No stated time may be after now, and a left-early mark needs an arrival or a
//!   reason (`by_hand`). A check-in entered by hand (`CheckIn::entered_by_hand`,
//!   the `checkin` command) also keeps each time inside its session.
//! - Whether the mark then counts as attended is the presence rule
//!   (`domain::attendance::Presence`), settled when the mark is written.

use crate::domain::attendance::change_needs_reason;
use crate::domain::{Mark, Session, Settings, Status};
use crate::error::{Error, Result};
use crate::store::audit::{AuditAction, Entity};
use crate::store::enrolments::{self, TeacherBrief};
use crate::store::{marks, projects, sessions, Db};
use crate::store::{Audit, Stamp, Write};
use chrono::NaiveDateTime;

pub use super::undo::{undo_mark, UndoMark};

mod by_hand;
mod desired;
pub(crate) mod refusal;
mod walk_in;
use desired::{deciding_time, desired_mark};
use refusal::{no_session, no_teacher, not_enrolled, not_yet, other_day, refusal};
pub use walk_in::check_in_walk_in;
pub(crate) use walk_in::remove_walk_in_enrolment;

/// One check-in or mark change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckIn {
    pub session_id: i64,
    pub teacher_id: i64,
    /// When the desk acts (the desk's "now"): the arrival time of a first mark (an
    /// existing mark keeps its check-in time unless `arrived_at` is given).
    pub at: NaiveDateTime,
    /// A stated arrival time that replaces an existing mark's check-in time
    /// (e.g. `checkin --at` when entering a paper sign-in sheet).
    pub arrived_at: Option<NaiveDateTime>,
    /// None: the clock decides present or late and an existing mark is kept.
    pub status: Option<Status>,
    /// Leave reason for `excused`; the why of a veto-lifting or locked-session change.
    pub reason: Option<String>,
    /// For `late` by hand: minutes late (else computed from the check-in time).
    pub minutes_late: Option<i64>,
    /// For `left_early` by hand: minutes early (else computed from `checked_out_at`).
    pub minutes_early: Option<i64>,
    /// Check-out time: with no status, leaving before the end (beyond the grace) marks `left_early`.
    pub checked_out_at: Option<NaiveDateTime>,
    /// Entered by hand after the fact (`liaoyuan checkin`, often from a paper
    /// sign-in sheet) rather than at the desk as it happens: the stated times
    /// are checked against now and the session (see `by_hand`).
    pub entered_by_hand: bool,
}

/// What a check-in did.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckInOutcome {
    /// A mark was written (new or changed). `undo` restores the state before.
    Recorded { mark: Mark, undo: Box<UndoMark> },
    /// A plain check-in of a teacher already present or late: nothing written.
    AlreadyIn {
        at: Option<NaiveDateTime>,
        mark: Mark,
    },
    /// The teacher has another mark (e.g. pre-registered leave) that a plain
    /// check-in keeps, or the requested change equals the mark: nothing written.
    Unchanged { mark: Mark },
}

impl CheckInOutcome {
    /// The teacher's mark after the check-in.
    pub fn mark(&self) -> &Mark {
        match self {
            CheckInOutcome::Recorded { mark, .. }
            | CheckInOutcome::AlreadyIn { mark, .. }
            | CheckInOutcome::Unchanged { mark } => mark,
        }
    }
}

/// Checks a teacher in or changes their mark, following the desk rules above.
/// The teacher must be enrolled in the session's project (a walk-in at the desk:
/// `check_in_walk_in`).
pub fn check_in(
    db: &mut Db,
    stamp: &Stamp,
    req: &CheckIn,
    settings: &Settings,
) -> Result<CheckInOutcome> {
    let tx = db.write(stamp)?;
    let outcome = record(&tx, req, settings)?;
    tx.commit()?;
    Ok(outcome)
}

/// Refuses a mark whose times cannot be: before the session's day (leave excepted), on
/// another day, or (entered by hand) outside the session or leaving before arriving.
fn refuse_wrong_times(
    req: &CheckIn,
    session: &Session,
    teacher: &TeacherBrief,
    existing: Option<&Mark>,
    new: &Mark,
    settings: &Settings,
) -> Result<()> {
    if !new.status.is_leave() && req.at.date() < session.date {
        return Err(not_yet(teacher, session));
    }
    if let Some(t) = deciding_time(req, new).filter(|t| t.date() != session.date) {
        return Err(other_day(teacher, session, t));
    }
    if req.entered_by_hand {
        let grace = settings.grace_minutes;
        by_hand::refuse_times_outside(teacher, session, existing, new, grace)?;
    }
    by_hand::refuse_left_early_without_arrival(
        teacher,
        session,
        existing,
        new,
        req.entered_by_hand,
    )?;
    Ok(())
}

/// Refuses a change without a reason where one is needed: a change that lifts a veto, or
/// any change at a closed session (not only a change of status).
fn refuse_without_reason(
    tx: &rusqlite::Connection,
    session: &Session,
    teacher: &TeacherBrief,
    before: Option<Status>,
    new: &Mark,
    settings: &Settings,
) -> Result<()> {
    if change_needs_reason(before, new.status, session.is_closed()) {
        let in_scope = projects::get_project(tx, session.project_id)?.is_none_or(|p| p.veto_scope);
        let effect =
            super::mark_effect::effect_of_change(tx, session.id, teacher.id, new.status, settings)?;
        return Err(refusal(
            teacher,
            session,
            (before, new.status),
            in_scope,
            settings,
            effect.as_ref(),
        ));
    }

    Ok(())
}

/// Writes `new` over `existing` (or as a new mark): the mark written and the audit action,
/// or, when another desk recorded the mark first, the outcome that keeps its mark.
fn write_mark(
    tx: &rusqlite::Connection,
    existing: Option<&Mark>,
    new: Mark,
) -> Result<std::result::Result<(Mark, AuditAction), CheckInOutcome>> {
    Ok(Ok(match existing {
        None => match marks::insert_mark_if_absent(tx, &new)? {
            Some(id) => (Mark { id, ..new }, AuditAction::Create),
            None => {
                // Another desk won the race: keep its mark.
                let m = marks::get_mark(tx, new.session_id, new.teacher_id)?.ok_or_else(|| {
                    Error::Db(crate::lang::pick(
                        "签到过程中一条签到记录消失了",
                        "a mark vanished during check-in",
                    ))
                })?;
                return Ok(Err(CheckInOutcome::AlreadyIn {
                    at: m.checked_in_at,
                    mark: m,
                }));
            }
        },
        Some(old) => {
            let m = Mark { id: old.id, ..new };
            marks::update_mark(tx, &m)?;
            (m, AuditAction::Update)
        }
    }))
}

/// The check-in inside the caller's transaction (see `check_in`).
fn record(tx: &Write, req: &CheckIn, settings: &Settings) -> Result<CheckInOutcome> {
    let now = tx.now();
    let session =
        sessions::get_session(tx, req.session_id)?.ok_or_else(|| no_session(req.session_id))?;
    let teacher =
        enrolments::teacher_brief(tx, req.teacher_id)?.ok_or_else(|| no_teacher(req.teacher_id))?;
    if !teacher.status.is_active() {
        return Err(refusal::inactive(&teacher));
    }
    // A new mark carries the school that sent the teacher (as closing the session does).
    let Some(sending_school) = enrolments::sending_school(tx, session.project_id, teacher.id)?
    else {
        return Err(not_enrolled(&teacher));
    };
    by_hand::refuse_times_after_now(&teacher, req, now)?;
    let existing = marks::get_mark(tx, session.id, teacher.id)?;
    let reason = req.reason.as_deref().map(str::trim).unwrap_or("");
    let plain = req.status.is_none() && req.checked_out_at.is_none();

    if plain {
        if let Some(m) = existing {
            return Ok(match m.status {
                Status::Present | Status::Late => CheckInOutcome::AlreadyIn {
                    at: m.checked_in_at,
                    mark: m,
                },
                _ => CheckInOutcome::Unchanged { mark: m },
            });
        }
    }
    let mut new = desired_mark(
        &session,
        &teacher,
        existing.as_ref(),
        req,
        reason,
        settings,
        tx.stamp(),
    );
    if existing.is_none() {
        new.school_id = sending_school;
    }
    refuse_wrong_times(req, &session, &teacher, existing.as_ref(), &new, settings)?;
    if let Some(old) = &existing {
        if old.same_attendance(&new) {
            return Ok(CheckInOutcome::Unchanged { mark: old.clone() });
        }
    }
    let before = existing.as_ref().map(|m| m.status);
    if reason.is_empty() {
        refuse_without_reason(tx, &session, &teacher, before, &new, settings)?;
    }

    let (mark, action) = match write_mark(tx, existing.as_ref(), new)? {
        Ok(written) => written,
        Err(outcome) => return Ok(outcome),
    };
    tx.audit(Audit {
        entity: Entity::Mark,
        entity_id: Some(mark.id),
        action,
        before: existing.as_ref().map(marks::mark_json),
        after: Some(marks::mark_json(&mark)),
        reason,
    })?;
    let undo = Box::new(UndoMark {
        session_id: session.id,
        teacher_id: teacher.id,
        written: mark.clone(),
        previous: existing,
        session_was_closed: session.is_closed(),
        walk_in_enrolment: None,
    });
    Ok(CheckInOutcome::Recorded { mark, undo })
}
