//! Closing a session (§4.1): after a review of the counts, every enrolled
//! teacher in service without a mark is marked absent (existing marks, e.g. pre-registered
//! leave, are never overwritten; teachers who transferred, retired or left are not marked)
//! and the session is locked. Later changes to a
//! closed session's marks need a reason (see `ops::check_in`).
//!
//! The absences a close writes are recorded as the close's (`store::close_absences`), so that
//! reopening can remove exactly those (`reopen_session_removing_close_absences`).

use crate::domain::attendance::StatusCounts;
use crate::domain::Session;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{close_absences, enrolments, marks, sessions, Db};
use crate::store::{Audit, Stamp};
use rusqlite::Connection;

/// What closing a session would do (the review screen), or did.
#[derive(Debug, Clone, PartialEq)]
pub struct CloseReview {
    /// Marks by status (before closing for a review; after, for a close).
    pub counts: StatusCounts,
    /// Teachers enrolled in the project.
    pub enrolled: i64,
    /// Enrolled teachers in service without a mark: these become absent.
    pub unmarked: i64,
    /// Enrolled teachers without a mark who are no longer in service (transferred, retired,
    /// left): closing leaves them unmarked, so no absence and no veto.
    pub not_in_service: i64,
    /// Is the session already closed?
    pub closed: bool,
}

impl CloseReview {
    /// Nobody has any mark yet though teachers are enrolled: a register nobody took. Closing
    /// it would mark everyone absent (a veto each), so the desk asks for a typed confirmation.
    pub fn register_untaken(&self) -> bool {
        self.counts.total() == 0 && self.unmarked > 0
    }
}

/// The counts a coordinator reviews before closing a session.
pub fn close_session_review(conn: &Connection, session_id: i64) -> Result<CloseReview> {
    let session = sessions::get_session(conn, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
    let (unmarked, not_in_service) = marks::unmarked_counts(conn, session_id)?;
    Ok(CloseReview {
        counts: marks::counts_of_session(conn, session_id)?,
        enrolled: enrolments::enrolment_count(conn, session.project_id)?,
        unmarked,
        not_in_service,
        closed: session.is_closed(),
    })
}

/// Closes a session at `now`: unmarked enrolled teachers → absent, then locked.
/// One transaction; one audit entry for the session and one per new mark.
/// Returns the counts after closing (`unmarked` = how many were marked absent).
pub fn close_session(db: &mut Db, session_id: i64, stamp: &Stamp) -> Result<CloseReview> {
    close(db, session_id, stamp, None)
}

/// Closes a session as `reviewed` said: refused, changing nothing, when the close would now
/// mark more teachers absent than the review showed (teachers enrolled meanwhile). Fewer is
/// fine: a teacher another desk checked in meanwhile keeps that mark.
pub fn close_session_as_reviewed(
    db: &mut Db,
    session_id: i64,
    stamp: &Stamp,
    reviewed: &CloseReview,
) -> Result<CloseReview> {
    close(db, session_id, stamp, Some(reviewed.unmarked))
}

/// Refuses to close a session that is closed already, has not started (everyone unmarked
/// would be absent, and so vetoed, before they could come), or whose register changed since
/// the review (`at_most`: the unmarked count the user reviewed).
fn refuse_to_close(
    tx: &Connection,
    session: &Session,
    now: chrono::NaiveDateTime,
    at_most: Option<i64>,
) -> Result<()> {
    if session.is_closed() {
        return Err({
            let (date, start) = (session.date, session.start.format(crate::domain::TIME_FMT));
            Error::invalid(pick(
                format!("{date} {start} 的场次已关闭"),
                format!("the session of {date} {start} is already closed"),
            ))
        });
    }
    if now < session.starts_at() {
        // Everyone unmarked would be absent, and so vetoed, before they could come.
        return Err({
            let (date, start) = (session.date, session.start.format(crate::domain::TIME_FMT));
            Error::invalid(pick(
                format!("{date} {start} 的场次还没开始，开始后才能关闭"),
                format!(
                    "the session of {date} {start} has not started yet; it can be closed once it has"
                ),
            ))
        });
    }
    if let Some(reviewed) = at_most {
        let now_unmarked = marks::unmarked_count(tx, session.id)?;
        if now_unmarked > reviewed {
            return Err(Error::invalid(pick(
                format!(
                    "核对后名单有变化：现在有 {now_unmarked} 人未签到（核对时 {reviewed} 人）；\
                     请重新核对（F8）后再关闭，场次未关闭"
                ),
                format!(
                    "the register changed since the review: {now_unmarked} teachers are now \
                     unmarked ({reviewed} at the review); review again (F8) before closing; \
                     the session was not closed"
                ),
            )));
        }
    }
    Ok(())
}

fn close(db: &mut Db, session_id: i64, stamp: &Stamp, at_most: Option<i64>) -> Result<CloseReview> {
    let tx = db.write(stamp)?;
    let now = tx.now();
    let session = sessions::get_session(&tx, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
    refuse_to_close(&tx, &session, now, at_most)?;
    let created = marks::mark_unmarked_absent(&tx, session_id, tx.actor(), now)?;
    let ids: Vec<i64> = created.iter().map(|(id, _)| *id).collect();
    close_absences::record(&tx, session_id, &ids, now)?;
    for (mark_id, _) in &created {
        let Some(m) = marks::get_mark_by_id(&tx, *mark_id)? else {
            continue;
        };
        tx.audit(Audit {
            entity: Entity::Mark,
            entity_id: Some(*mark_id),
            action: AuditAction::Create,
            before: None,
            after: Some(marks::mark_json(&m)),
            reason: "close session: no mark → absent",
        })?;
    }
    sessions::set_closed(&tx, session_id, now, tx.actor())?;
    let after = sessions::get_session(&tx, session_id)?;
    tx.audit(Audit {
        entity: Entity::Session,
        entity_id: Some(session_id),
        action: AuditAction::Close,
        before: Some(sessions::session_json(&session)),
        after: after.as_ref().map(|s| {
            let mut v = sessions::session_json(s);
            v["marked_absent"] = serde_json::json!(created.len());
            v
        }),
        reason: "",
    })?;
    let review = CloseReview {
        counts: marks::counts_of_session(&tx, session_id)?,
        enrolled: enrolments::enrolment_count(&tx, session.project_id)?,
        unmarked: created.len() as i64,
        not_in_service: marks::unmarked_counts(&tx, session_id)?.1,
        closed: true,
    };
    tx.commit()?;
    Ok(review)
}

pub use super::reopen_session::{
    close_absences, reopen_session, reopen_session_removing_close_absences, Reopened,
};
