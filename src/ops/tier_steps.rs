//! A teacher's tier step (五型 with its level, date, 文号 and note), entered from the Teachers
//! tab: one transaction with its audit entry; a step dated after every other one becomes the
//! teacher's current tier and level.

use crate::domain::tiers::{has_levels, tier_label};
use crate::domain::Teacher;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::tier_steps::{self, TierStep};
use crate::store::{teachers, Audit, Db, Stamp};

/// Adds `step` to teacher `id`'s history. Returns the teacher as saved and whether the current
/// tier or level changed. A level on a tier without levels is refused, changing nothing.
pub fn add_tier_step(
    db: &mut Db,
    id: i64,
    step: &TierStep,
    stamp: &Stamp,
) -> Result<(Teacher, bool)> {
    if let Some(level) = step.level.filter(|_| !has_levels(step.tier)) {
        return Err(Error::invalid(pick(
            format!(
                "{}没有级别（只有骨干教师、名优教师分区级/市级/国家级），不能是{}",
                step.tier.zh(),
                level.zh()
            ),
            format!(
                "{} has no level (only backbone and renowned teachers are district, municipal \
                 or national), so not {}",
                step.tier.en(),
                level.en()
            ),
        )));
    }
    let step = TierStep {
        doc_no: step.doc_no.trim().to_string(),
        note: step.note.trim().to_string(),
        ..step.clone()
    };
    let tx = db.write(stamp)?;
    let before = teachers::get(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(format!("编号 {id} 的教师"), format!("teacher {id}")))
    })?;
    let changed = tier_steps::add_step(&tx, id, &step)?;
    let after = teachers::get(&tx, id)?.unwrap_or_else(|| before.clone());
    let mut after_json = after.audit_json();
    after_json["tier_step"] = step.audit_json();
    let reason = format!(
        "{} {} {}",
        tier_label(step.tier, step.level, true),
        step.since,
        step.doc_no
    );
    tx.audit(Audit {
        entity: Entity::Teacher,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(before.audit_json()),
        after: Some(after_json),
        reason: reason.trim(),
    })?;
    tx.commit()?;
    Ok((after, changed))
}
