//! Manual credit entries (§4.3): credits earned outside the district's projects, e.g. national
//! online courses, added by a coordinator with a note, and deleted with a reason. One
//! transaction each, with its audit entry. Project entries come only from completion
//! (`ops::completion`) and cannot be deleted here.

use crate::domain::CreditEntry;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::credits::{self as ledger, NewEntry};
use crate::store::{teachers, Db};
use crate::store::{Audit, Stamp};
use chrono::NaiveDate;

/// The most credits one manual entry may carry (a typo guard: a five-year cycle needs 120).
pub const MAX_MANUAL_CREDITS: f64 = 200.0;

/// Checks a manual entry's values on `today`: credits in (0, 200], earned no later than
/// today, a note.
pub fn validate_manual(
    credits: f64,
    earned_on: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<()> {
    if !credits.is_finite() || credits <= 0.0 {
        return Err(Error::invalid(pick(
            format!("学分必须大于 0（填的是 {credits}）"),
            format!("credits must be more than 0 (got {credits})"),
        )));
    }
    if credits > MAX_MANUAL_CREDITS {
        return Err(Error::invalid(pick(
            format!("一条记录最多 {MAX_MANUAL_CREDITS} 学分（填的是 {credits}）"),
            format!("credits must be at most {MAX_MANUAL_CREDITS} for one entry (got {credits})"),
        )));
    }
    if earned_on > today {
        return Err(Error::invalid(pick(
            format!("日期 {earned_on} 还没到；学分要在取得后再录入"),
            format!("the date {earned_on} is in the future; credits are entered once earned"),
        )));
    }
    if note.trim().is_empty() {
        return Err(Error::invalid(pick(
            "手工录入学分需要备注学分来源（如课程名称）",
            "a manual credit entry needs a note saying where the credits come from (e.g. the course)",
        )));
    }
    Ok(())
}

/// Adds a manual entry for a teacher; returns it.
pub fn add_manual_entry(
    db: &mut Db,
    stamp: &Stamp,
    teacher_id: i64,
    credits: f64,
    concentrated: bool,
    earned_on: NaiveDate,
    note: &str,
) -> Result<CreditEntry> {
    validate_manual(credits, earned_on, note, stamp.now.date())?;
    let tx = db.write(stamp)?;
    let teacher = teachers::get(&tx, teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {teacher_id} 的教师"),
            format!("teacher {teacher_id}"),
        ))
    })?;
    let new = NewEntry {
        teacher_id: teacher.id,
        project_id: None,
        credits,
        concentrated,
        earned_on,
        note: note.trim(),
        recorded_by: tx.actor(),
    };
    let id = ledger::insert_entry(&tx, &new)?.ok_or_else(|| {
        Error::invalid(pick(
            "学分记录未能写入",
            "the credit entry could not be written",
        ))
    })?;
    let row = ledger::get_entry(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {id} 的学分记录"),
            format!("credit entry {id}"),
        ))
    })?;
    tx.audit(Audit {
        entity: Entity::CreditEntry,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(ledger::entry_json(&row.entry)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(row.entry)
}

/// Deletes a manual entry (a reason is required); project entries are refused.
pub fn delete_manual_entry(
    db: &mut Db,
    stamp: &Stamp,
    entry_id: i64,
    reason: &str,
) -> Result<CreditEntry> {
    if reason.trim().is_empty() {
        return Err(Error::invalid(pick(
            "删除学分记录需要填写原因",
            "deleting a credit entry needs a reason",
        )));
    }
    let tx = db.write(stamp)?;
    let row = ledger::get_entry(&tx, entry_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {entry_id} 的学分记录"),
            format!("credit entry {entry_id}"),
        ))
    })?;
    if !row.entry.manual {
        return Err({
            let code = row.project_code.as_deref().unwrap_or("?");
            Error::invalid(pick(
                format!("这条学分来自培训项目 {code} 的结业，只有手工录入的学分可以删除"),
                format!(
                    "this entry was granted by completing project {code}; only manual entries can be deleted"
                ),
            ))
        });
    }
    ledger::delete_entry(&tx, entry_id)?;
    tx.audit(Audit {
        entity: Entity::CreditEntry,
        entity_id: Some(entry_id),
        action: AuditAction::Delete,
        before: Some(ledger::entry_json(&row.entry)),
        after: None,
        reason: reason.trim(),
    })?;
    tx.commit()?;
    Ok(row.entry)
}
