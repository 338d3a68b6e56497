//! A walk-in at the desk (现场报名): a teacher who turned up without being
//! enrolled is enrolled on the spot (walk_in = 1) and checked in, as ONE
//! transaction with both audit entries: a refused mark leaves no enrolment.
//! Undoing that mark removes the enrolment it created, unless the teacher has
//! other marks in the project by then.

use super::{record, CheckIn, CheckInOutcome, UndoMark};
use crate::domain::Settings;
use crate::error::Result;
use crate::ops::enrolments::{enrol_all, Limits};
use crate::store::{enrolments, project_roster, sessions, Db, Stamp};

/// Enrols the teacher as a walk-in (if not enrolled yet) and checks them in.
/// An enrolled teacher gets a plain `check_in`.
pub fn check_in_walk_in(
    db: &mut Db,
    stamp: &Stamp,
    req: &CheckIn,
    settings: &Settings,
) -> Result<CheckInOutcome> {
    let tx = db.write(stamp)?;
    let session = sessions::get_session(&tx, req.session_id)?
        .ok_or_else(|| super::refusal::no_session(req.session_id))?;
    let project = session.project_id;
    // Not in service: refused as a check-in (the desk's words), before any enrolment.
    if let Some(t) = enrolments::teacher_brief(&tx, req.teacher_id)? {
        if !t.status.is_active() {
            return Err(super::refusal::inactive(&t));
        }
    }
    let enrolled_now = enrol_all(&tx, project, &[req.teacher_id], true, Limits::Exceed)?.added > 0;
    let mut outcome = record(&tx, req, settings)?;
    if enrolled_now {
        if let CheckInOutcome::Recorded { undo, .. } = &mut outcome {
            undo.walk_in_enrolment = enrolments::enrolment_id(&tx, project, req.teacher_id)?;
        }
    }
    tx.commit()?;
    Ok(outcome)
}

/// Inside the undo's transaction, after its mark is gone: removes the
/// enrolment the walk-in's check-in created, when it is still that enrolment
/// and the teacher has no other mark in the project (audited).
pub(crate) fn remove_walk_in_enrolment(tx: &crate::store::Write, undo: &UndoMark) -> Result<()> {
    let Some(enrolment) = undo.walk_in_enrolment else {
        return Ok(());
    };
    let Some(session) = sessions::get_session(tx, undo.session_id)? else {
        return Ok(());
    };
    let project = session.project_id;
    if enrolments::enrolment_id(tx, project, undo.teacher_id)? != Some(enrolment)
        || project_roster::marks_in_project(tx, project, undo.teacher_id)? > 0
    {
        return Ok(());
    }
    crate::ops::unenrol::remove_in(tx, project, undo.teacher_id, "undo walk-in")
}
