//! Closing a session (§4.1): after a review of the counts, every enrolled
//! teacher without a mark is marked absent (existing marks, e.g. pre-registered
//! leave, are never overwritten) and the session is locked. Later changes to a
//! closed session's marks need a reason (see `ops::check_in`).

use crate::domain::attendance::StatusCounts;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{self, AuditEntry};
use crate::store::{enrolments, marks, sessions, Db};
use chrono::NaiveDateTime;
use rusqlite::Connection;

/// What closing a session would do (the review screen), or did.
#[derive(Debug, Clone, PartialEq)]
pub struct CloseReview {
    /// Marks by status (before closing for a review; after, for a close).
    pub counts: StatusCounts,
    /// Teachers enrolled in the project.
    pub enrolled: i64,
    /// Enrolled teachers without a mark: these become absent.
    pub unmarked: i64,
    /// Is the session already closed?
    pub closed: bool,
}

/// The counts a coordinator reviews before closing a session.
pub fn close_session_review(conn: &Connection, session_id: i64) -> Result<CloseReview> {
    let session = sessions::get_session(conn, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
    Ok(CloseReview {
        counts: marks::counts_of_session(conn, session_id)?,
        enrolled: enrolments::enrolment_count(conn, session.project_id)?,
        unmarked: marks::unmarked_count(conn, session_id)?,
        closed: session.is_closed(),
    })
}

/// Closes a session at `now`: unmarked enrolled teachers → absent, then locked.
/// One transaction; one audit entry for the session and one per new mark.
/// Returns the counts after closing (`unmarked` = how many were marked absent).
pub fn close_session(db: &mut Db, session_id: i64, now: NaiveDateTime) -> Result<CloseReview> {
    let tx = db.write()?;
    let session = sessions::get_session(&tx, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
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
    let actor = crate::store::actor();
    let created = marks::mark_unmarked_absent(&tx, session_id, &actor, now)?;
    for (mark_id, _) in &created {
        let Some(m) = marks::get_mark_by_id(&tx, *mark_id)? else {
            continue;
        };
        audit::record(
            &tx,
            &AuditEntry {
                at: now,
                actor: &actor,
                entity: "mark",
                entity_id: Some(*mark_id),
                action: "create",
                before: None,
                after: Some(marks::mark_json(&m)),
                reason: "close session: no mark → absent",
            },
        )?;
    }
    sessions::set_closed(&tx, session_id, now, &actor)?;
    let after = sessions::get_session(&tx, session_id)?;
    audit::record(
        &tx,
        &AuditEntry {
            at: now,
            actor: &actor,
            entity: "session",
            entity_id: Some(session_id),
            action: "close",
            before: Some(sessions::session_json(&session)),
            after: after.as_ref().map(|s| {
                let mut v = sessions::session_json(s);
                v["marked_absent"] = serde_json::json!(created.len());
                v
            }),
            reason: "",
        },
    )?;
    let review = CloseReview {
        counts: marks::counts_of_session(&tx, session_id)?,
        enrolled: enrolments::enrolment_count(&tx, session.project_id)?,
        unmarked: created.len() as i64,
        closed: true,
    };
    tx.commit()?;
    Ok(review)
}

/// Reopens a closed session (marks stay as they are). Needs a reason; audited.
pub fn reopen_session(db: &mut Db, session_id: i64, reason: &str) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::invalid(pick(
            "重新开放已关闭的场次需要填写原因",
            "reopening a closed session needs a reason",
        )));
    }
    let tx = db.write()?;
    let session = sessions::get_session(&tx, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
    if !session.is_closed() {
        return Err(Error::invalid(pick(
            "该场次未关闭",
            "this session is not closed",
        )));
    }
    sessions::set_reopened(&tx, session_id)?;
    let after = sessions::get_session(&tx, session_id)?;
    let actor = crate::store::actor();
    audit::record(
        &tx,
        &AuditEntry {
            at: crate::clock::now(),
            actor: &actor,
            entity: "session",
            entity_id: Some(session_id),
            action: "reopen",
            before: Some(sessions::session_json(&session)),
            after: after.as_ref().map(sessions::session_json),
            reason: reason.trim(),
        },
    )?;
    tx.commit()?;
    Ok(())
}
