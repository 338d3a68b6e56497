//! Reopening a closed session (§4.1): always with a reason, audited. It may also remove the
//! absences the close wrote that nobody changed since (a register closed by mistake), with the
//! same reason for the batch and one audit entry per removed mark; marks made or changed by
//! hand are never touched.

use crate::domain::Mark;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{close_absences as recorded, marks, sessions, Db};
use crate::store::{Audit, Stamp};
use rusqlite::Connection;

/// What a reopen did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reopened {
    /// Absences written by the close and removed now.
    pub removed: usize,
}

/// The absences closes of `session_id` wrote that nobody changed since (what a reopen can
/// remove).
pub fn close_absences(conn: &Connection, session_id: i64) -> Result<Vec<Mark>> {
    recorded::of_session(conn, session_id)
}

/// Reopens a closed session; every mark stays as it is. Needs a reason; audited.
pub fn reopen_session(db: &mut Db, stamp: &Stamp, session_id: i64, reason: &str) -> Result<()> {
    reopen(db, stamp, session_id, reason, false).map(|_| ())
}

/// Reopens a closed session and removes the absences its close wrote that nobody changed
/// since. One transaction; the reason goes into the session's entry and each mark's.
pub fn reopen_session_removing_close_absences(
    db: &mut Db,
    stamp: &Stamp,
    session_id: i64,
    reason: &str,
) -> Result<Reopened> {
    reopen(db, stamp, session_id, reason, true)
}

fn reopen(
    db: &mut Db,
    stamp: &Stamp,
    session_id: i64,
    reason: &str,
    remove: bool,
) -> Result<Reopened> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(pick(
            "重新开放已关闭的场次需要填写原因",
            "reopening a closed session needs a reason",
        )));
    }
    let tx = db.write(stamp)?;
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
    // Read under the write lock: a mark another process changed by hand meanwhile is gone
    // from the list (the trigger of schema.sql), so it is never removed.
    let removable = if remove {
        recorded::of_session(&tx, session_id)?
    } else {
        Vec::new()
    };
    for m in &removable {
        marks::delete_mark(&tx, m.id)?;
        tx.audit(Audit {
            entity: Entity::Mark,
            entity_id: Some(m.id),
            action: AuditAction::Delete,
            before: Some(marks::mark_json(m)),
            after: None,
            reason,
        })?;
    }
    sessions::set_reopened(&tx, session_id)?;
    let after = sessions::get_session(&tx, session_id)?;
    tx.audit(Audit {
        entity: Entity::Session,
        entity_id: Some(session_id),
        action: AuditAction::Reopen,
        before: Some(sessions::session_json(&session)),
        after: after.as_ref().map(|s| {
            let mut v = sessions::session_json(s);
            if remove {
                v["removed_absences"] = serde_json::json!(removable.len());
            }
            v
        }),
        reason,
    })?;
    tx.commit()?;
    Ok(Reopened {
        removed: removable.len(),
    })
}
