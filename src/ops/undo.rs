//! Undoing the desk's last mark (the `u` key): restores exactly the state
//! before that mark was written, unless someone changed it since.

use crate::domain::Mark;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{marks, sessions, Db};
use crate::store::{Audit, Stamp};

/// How to undo one recorded mark (the desk's `u` key).
#[derive(Debug, Clone, PartialEq)]
pub struct UndoMark {
    pub session_id: i64,
    pub teacher_id: i64,
    /// The mark as written by the change being undone.
    pub written: Mark,
    /// The mark before the change; None when the change created it.
    pub previous: Option<Mark>,
    /// Was the session closed when the change was written? A session closed
    /// since is locked: its marks change only with a reason, not by undo.
    pub session_was_closed: bool,
    /// The enrolment a walk-in's check-in created with this mark: undoing the
    /// mark removes it too (unless the teacher has other marks in the project).
    pub walk_in_enrolment: Option<i64>,
}

/// Undoes one recorded mark: deletes a mark the change created, or restores
/// the previous one. Refused when the mark has been changed since (by any desk).
/// Audited (action "undo").
pub fn undo_mark(db: &mut Db, stamp: &Stamp, undo: &UndoMark) -> Result<Option<Mark>> {
    let tx = db.write(stamp)?;
    let session = sessions::get_session(&tx, undo.session_id)?.ok_or_else(|| {
        let id = undo.session_id;
        Error::NotFound(pick(format!("编号 {id} 的场次"), format!("session {id}")))
    })?;
    if session.is_closed() && !undo.session_was_closed {
        return Err({
            let date = session.date;
            Error::invalid(pick(
                format!("{date} 的场次在这次签到后已关闭，未撤销（请填写原因修改记录）"),
                format!(
                    "the session of {date} has been closed since this mark; nothing undone \
                     (change the mark with a reason instead)"
                ),
            ))
        });
    }
    let current = marks::get_mark(&tx, undo.session_id, undo.teacher_id)?;
    match &current {
        Some(c) if c.id == undo.written.id && c.same_attendance(&undo.written) => {}
        _ => {
            return Err(Error::invalid(pick(
                "这条签到记录已被改动（可能在另一个签到台），未撤销",
                "this mark has been changed since (perhaps at another desk); nothing undone",
            )))
        }
    }
    match &undo.previous {
        None => {
            if let Some(c) = &current {
                marks::delete_mark(&tx, c.id)?;
            }
        }
        Some(prev) => marks::update_mark(&tx, prev)?,
    }
    tx.audit(Audit {
        entity: Entity::Mark,
        entity_id: Some(undo.written.id),
        action: AuditAction::Undo,
        before: current.as_ref().map(marks::mark_json),
        after: undo.previous.as_ref().map(marks::mark_json),
        reason: "undo",
    })?;
    if undo.previous.is_none() {
        super::check_in::remove_walk_in_enrolment(&tx, undo)?;
    }
    tx.commit()?;
    Ok(undo.previous.clone())
}
