//! The principals' track (docs/rules.md §4.8): setting a teacher's role (audited), the
//! Principals list (hours in the current cycle against 240, the qualification flag) and the
//! per-plan summary.

use crate::domain::credits::{cycle_of, Cycle};
use crate::domain::principals::{hours_in_cycle, qualification_overdue, Role, REQUIRED_HOURS};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::principals::{self, RoleHolder};
use crate::store::{settings, teachers, Audit, Db, Stamp};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

#[cfg(test)]
mod tests;

/// One line of the Principals list.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipalLine {
    pub holder: RoleHolder,
    /// The cycle `today` falls in (the credit cycles' calendar).
    pub cycle: Cycle,
    /// Hours of projects completed in that cycle.
    pub hours: f64,
    pub required_hours: f64,
    /// Has ever completed a qualification training (任职资格培训).
    pub qualified: bool,
    /// A school leader appointed more than a year ago without a qualification.
    pub qualification_overdue: bool,
}

impl PrincipalLine {
    /// Is a school leader short of the cycle's hours? (Others are never held to 240.)
    pub fn hours_short(&self) -> bool {
        self.holder.role.is_school_leader() && self.hours < self.required_hours
    }
}

/// Every active teacher with a role, as of `today`.
pub fn principals(conn: &Connection, today: NaiveDate) -> Result<Vec<PrincipalLine>> {
    let s = settings::load(conn)?;
    let cycle = cycle_of(today, &s);
    Ok(principals::role_holders(conn)?
        .into_iter()
        .map(|holder| {
            let hours = hours_in_cycle(holder.completions.iter().map(|c| (c.0, c.1)), &cycle);
            let qualified = holder.completions.iter().any(|c| c.2);
            let overdue = holder.role.is_school_leader()
                && holder
                    .role_since
                    .is_some_and(|since| qualification_overdue(since, today, qualified));
            PrincipalLine {
                holder,
                cycle,
                hours,
                required_hours: REQUIRED_HOURS,
                qualified,
                qualification_overdue: overdue,
            }
        })
        .collect())
}

/// Sets teacher `id`'s role and appointment date, or clears both with None: one transaction
/// with its audit entry. A date without a role, or a date after today, is refused. Returns
/// whether anything changed.
pub fn set_role(
    db: &mut Db,
    id: i64,
    role: Option<(Role, Option<NaiveDate>)>,
    stamp: &Stamp,
) -> Result<bool> {
    let tx = db.write(stamp)?;
    let teacher = teachers::get(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(format!("编号 {id} 的教师"), format!("teacher {id}")))
    })?;
    if let Some((_, Some(since))) = role {
        if since > tx.now().date() {
            return Err(Error::invalid(pick(
                format!("{} 的任职时间 {since} 晚于今天", teacher.name),
                format!("{}'s appointment date {since} is after today", teacher.name),
            )));
        }
    }
    let before = principals::role_of(&tx, id)?;
    if before == role {
        return Ok(false);
    }
    principals::set_role(&tx, id, role)?;
    let describe = |r: Option<(Role, Option<NaiveDate>)>| {
        json!({
            "staff_no": teacher.staff_no, "name": teacher.name,
            "role": r.map(|x| x.0.code()), "role_since": r.and_then(|x| x.1).map(|d| d.to_string()),
        })
    };
    tx.audit(Audit {
        entity: Entity::Teacher,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(describe(before)),
        after: Some(describe(role)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(true)
}
