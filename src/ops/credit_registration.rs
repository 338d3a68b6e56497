//! Credit registration (学分登记, §4.3): a registered entry arrives 待审核 with its category,
//! hours and certificate no., its credits computed by the category's rule (setting
//! `credit_categories`); the registrar approves it (已认定, it then counts) or returns it with a
//! reason (退回). Only pending entries can be decided. Each write is one transaction with its
//! audit entries; a refused batch changes nothing.

use crate::domain::credit_registration::{
    credits_for, review, rule_of, EntryStatus, Review, ReviewRefusal,
};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::credit_registration::{self as reg, NewRegistration, Registration};
use crate::store::{self, teachers, Db};
use crate::store::{Audit, Stamp};
use chrono::NaiveDate;

/// The most hours one entry may carry (a typo guard: a degree course is some hundred hours).
pub const MAX_HOURS: f64 = 1000.0;

/// What a registrar (or an import) enters.
#[derive(Debug, Clone, PartialEq)]
pub struct Registering {
    pub teacher_id: i64,
    pub category: String,
    pub hours: f64,
    pub earned_on: NaiveDate,
    pub evidence: String,
    pub note: String,
}

/// Registers one entry (待审核); returns it as stored.
pub fn register(db: &mut Db, stamp: &Stamp, e: &Registering) -> Result<Registration> {
    let tx = db.write(stamp)?;
    let settings = store::settings::load(&tx)?;
    let id = insert_checked(&tx, &settings, e, stamp.now.date())?;
    tx.commit()?;
    reg::get(&db.conn, id)?.ok_or_else(|| not_found(id))
}

/// Checks and inserts one entry inside the caller's transaction, with its audit entry;
/// returns its id. Used by `register` and by `import credits`.
pub fn insert_checked(
    tx: &store::Write<'_>,
    settings: &crate::domain::Settings,
    e: &Registering,
    today: NaiveDate,
) -> Result<i64> {
    let rules = &settings.credit_categories;
    let Some(rule) = rule_of(rules, &e.category) else {
        let known: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
        let known = known.join("、");
        return Err(Error::invalid(pick(
            format!("没有“{}”这一学分类别（可用：{known}）", e.category.trim()),
            format!(
                "no credit category '{}' (known: {known})",
                e.category.trim()
            ),
        )));
    };
    if !e.hours.is_finite() || e.hours <= 0.0 || e.hours > MAX_HOURS {
        return Err(Error::invalid(pick(
            format!("学时应大于 0 且不超过 {MAX_HOURS}（填的是 {}）", e.hours),
            format!(
                "hours must be more than 0 and at most {MAX_HOURS} (got {})",
                e.hours
            ),
        )));
    }
    if e.earned_on > today {
        return Err(Error::invalid(pick(
            format!("完成日期 {} 还没到", e.earned_on),
            format!("the completion date {} is in the future", e.earned_on),
        )));
    }
    let teacher = teachers::get(tx, e.teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {} 的教师", e.teacher_id),
            format!("teacher {}", e.teacher_id),
        ))
    })?;
    let new = NewRegistration {
        teacher_id: teacher.id,
        category: &rule.name,
        hours: e.hours,
        credits: credits_for(e.hours, rule),
        concentrated: rule.concentrated,
        earned_on: e.earned_on,
        evidence: e.evidence.trim(),
        note: e.note.trim(),
        recorded_by: tx.actor(),
    };
    let id = reg::insert(tx, &new)?;
    let row = reg::get(tx, id)?.ok_or_else(|| not_found(id))?;
    tx.audit(Audit {
        entity: Entity::CreditEntry,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(reg::json(&row)),
        reason: "",
    })?;
    Ok(id)
}

fn not_found(id: i64) -> Error {
    Error::NotFound(pick(
        format!("编号 {id} 的学分记录"),
        format!("credit entry {id}"),
    ))
}

/// Approves every entry of `ids` (已认定) in one transaction; any entry that is not pending
/// refuses the whole batch, naming it. Returns how many were approved.
pub fn approve(db: &mut Db, stamp: &Stamp, ids: &[i64]) -> Result<usize> {
    decide(db, stamp, ids, Review::Approve, "")
}

/// Returns one pending entry (退回) with a reason.
pub fn return_entry(db: &mut Db, stamp: &Stamp, id: i64, reason: &str) -> Result<()> {
    decide(db, stamp, &[id], Review::Return, reason).map(|_| ())
}

fn decide(db: &mut Db, stamp: &Stamp, ids: &[i64], d: Review, reason: &str) -> Result<usize> {
    let tx = db.write(stamp)?;
    for &id in ids {
        let before = reg::get(&tx, id)?.ok_or_else(|| not_found(id))?;
        let after_status = review(before.status, d, reason).map_err(|r| refusal(&before, r))?;
        let reason = reason.trim();
        if !reg::decide(&tx, id, after_status, tx.actor(), stamp.now, reason)? {
            return Err(refusal(&before, ReviewRefusal::NotPending(before.status)));
        }
        let after = reg::get(&tx, id)?.ok_or_else(|| not_found(id))?;
        tx.audit(Audit {
            entity: Entity::CreditEntry,
            entity_id: Some(id),
            action: AuditAction::Update,
            before: Some(reg::json(&before)),
            after: Some(reg::json(&after)),
            reason,
        })?;
    }
    tx.commit()?;
    Ok(ids.len())
}

fn refusal(e: &Registration, r: ReviewRefusal) -> Error {
    let who = format!("{} {}", e.staff_no, e.name);
    match r {
        ReviewRefusal::NotPending(s) => Error::invalid(pick(
            format!(
                "{who} 的学分记录 {}（{}）已是“{}”，只有待审核的记录可以认定或退回；未作任何改动",
                e.id,
                e.category,
                s.zh()
            ),
            format!(
                "credit entry {} of {who} ({}) is already {}; only pending entries can be \
                 approved or returned; nothing was changed",
                e.id,
                e.category,
                s.en()
            ),
        )),
        ReviewRefusal::NoReason => Error::invalid(pick(
            "退回学分记录需要填写原因（如：证书编号不符）",
            "returning a credit entry needs a reason (e.g. the certificate no. does not match)",
        )),
    }
}

/// Pending entries, oldest first (the registrar's queue).
pub fn queue(db: &Db, limit: usize) -> Result<Vec<Registration>> {
    reg::with_status(&db.conn, EntryStatus::Pending, limit)
}
