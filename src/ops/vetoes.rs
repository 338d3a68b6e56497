//! The Vetoes tab's operations: the year's vetoes with evidence, changing a
//! mark from the evidence list (lifting a veto needs a reason), and a mark's
//! audit history.

use super::check_in::{check_in, CheckIn, CheckInOutcome};
use crate::domain::veto::veto_year_range;
use crate::domain::{Settings, Status};
use crate::error::{Error, Result};
use crate::store::audit::{self, AuditRow};
use crate::store::vetoes::{self, SchoolVetoes};
use crate::store::Stamp;
use crate::store::{marks, Db};
use rusqlite::Connection;

/// Teachers with a veto in veto year `year` (settings decide when the year
/// starts), grouped by school, each with the marks that cause it.
pub fn vetoes_of_year(
    conn: &Connection,
    year: i32,
    settings: &Settings,
) -> Result<Vec<SchoolVetoes>> {
    let (from, to) = veto_year_range(year, settings.veto_year_start_month);
    vetoes::vetoes_between(conn, from, to)
}

/// Changes the status of an existing mark (e.g. late → present after a
/// correction). Lifting a veto, leave, and any change at a closed session need
/// a reason: refused without one, audited with the actor and reason.
pub fn change_mark(
    db: &mut Db,
    stamp: &Stamp,
    mark_id: i64,
    status: Status,
    reason: Option<&str>,
    settings: &Settings,
) -> Result<CheckInOutcome> {
    let m = marks::get_mark_by_id(&db.conn, mark_id)?.ok_or_else(|| {
        Error::NotFound(crate::lang::pick(
            format!("编号 {mark_id} 的签到记录"),
            format!("mark {mark_id}"),
        ))
    })?;
    let req = CheckIn {
        session_id: m.session_id,
        teacher_id: m.teacher_id,
        at: m.checked_in_at.unwrap_or(stamp.now),
        status: Some(status),
        reason: reason.map(str::to_string),
        // Without a check-in time the minutes late are kept (0 when unknown).
        minutes_late: (status == Status::Late && m.checked_in_at.is_none())
            .then_some(m.minutes_late),
        arrived_at: None,
        // Likewise minutes early without a check-out time (e.g. absent → left early).
        minutes_early: (status == Status::LeftEarly
            && (m.minutes_early > 0 || m.checked_out_at.is_none()))
        .then_some(m.minutes_early),
        checked_out_at: None,
        entered_by_hand: false,
    };
    check_in(db, stamp, &req, settings)
}

/// The audit history of one mark, oldest first.
pub fn mark_history(conn: &Connection, mark_id: i64) -> Result<Vec<AuditRow>> {
    audit::history(conn, audit::Entity::Mark, mark_id)
}
