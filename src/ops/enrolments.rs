//! Enrolling teachers in a project: one, many (search-and-pick), a whole
//! school, or a walk-in at the desk. Each call is one transaction, audited
//! per new enrolment (entity "enrolment").

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{enrolments, projects, Db};
use crate::store::{Audit, Stamp, Write};

/// What an enrolment call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Enrolled {
    /// New enrolments written.
    pub added: usize,
    /// Teachers who were enrolled already.
    pub already: usize,
}

/// May an enrolment go beyond a school's places or the project's capacity?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limits {
    /// Refuse with `Error::OverCapacity`, writing nothing (exactly at a limit is allowed).
    Keep,
    /// Enrol anyway (the TUI's confirmation, the CLI's `--over-capacity`; a walk-in at the desk).
    Exceed,
}

/// Enrols teachers inside the caller's transaction (also used by a walk-in's check-in).
/// Refused for a completed project (§4.3: its credits were granted to its enrolment list),
/// and, with `Limits::Keep`, when the new enrolments go beyond a school's places or the
/// project's capacity (ops::allotments); the caller's transaction is then dropped.
pub(crate) fn enrol_all(
    conn: &Write,
    project_id: i64,
    teacher_ids: &[i64],
    walk_in: bool,
    limits: Limits,
) -> Result<Enrolled> {
    let Some(p) = projects::get_project(conn, project_id)? else {
        return Err(Error::NotFound(pick(
            format!("编号 {project_id} 的培训项目"),
            format!("project {project_id}"),
        )));
    };
    crate::ops::projects::refuse_if_completed(&p, crate::ops::projects::Locked::Enrolments)?;
    let mut out = Enrolled::default();
    let mut schools = std::collections::BTreeMap::new();
    for &tid in teacher_ids {
        let Some(t) = enrolments::teacher_brief(conn, tid)? else {
            return Err(Error::NotFound(pick(
                format!("编号 {tid} 的教师"),
                format!("teacher {tid}"),
            )));
        };
        if !t.status.is_active() && !enrolments::is_enrolled(conn, project_id, tid)? {
            return Err(crate::ops::check_in::refusal::inactive_not_enrolled(&t));
        }
        if !enrolments::enrol(conn, project_id, tid, conn.now(), walk_in)? {
            out.already += 1;
            continue;
        }
        out.added += 1;
        schools.insert(t.school_id, t.school.clone());
        let id = enrolments::enrolment_id(conn, project_id, tid)?;
        conn.audit(Audit {
            entity: Entity::Enrolment,
            entity_id: id,
            action: AuditAction::Create,
            before: None,
            after: Some(serde_json::json!({
                "project_id": project_id, "teacher_id": tid, "staff_no": t.staff_no,
                "school_id": t.school_id, "walk_in": walk_in,
            })),
            reason: if walk_in { "walk-in" } else { "" },
        })?;
    }
    if limits == Limits::Keep && !schools.is_empty() {
        let over = crate::ops::allotments::breaches(conn, &p, &schools)?;
        if !over.is_empty() {
            return Err(crate::ops::allotments::over_capacity(&p, &over));
        }
    }
    Ok(out)
}

/// Enrols the given teachers (already enrolled ones are counted, not an error).
pub fn enrol_teachers(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    teacher_ids: &[i64],
    limits: Limits,
) -> Result<Enrolled> {
    let tx = db.write(stamp)?;
    let out = enrol_all(&tx, project_id, teacher_ids, false, limits)?;
    tx.commit()?;
    Ok(out)
}

/// Enrols every teacher currently at a school.
pub fn enrol_school(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    school_id: i64,
    limits: Limits,
) -> Result<Enrolled> {
    let tx = db.write(stamp)?;
    let ids = enrolments::teacher_ids_of_school(&tx, school_id)?;
    let out = enrol_all(&tx, project_id, &ids, false, limits)?;
    tx.commit()?;
    Ok(out)
}

/// Enrols a teacher who turned up at the desk without being enrolled (places and capacity
/// do not hold the desk up: the teacher is there). Returns true when a new enrolment was
/// written.
pub fn enrol_walk_in(db: &mut Db, stamp: &Stamp, project_id: i64, teacher_id: i64) -> Result<bool> {
    let tx = db.write(stamp)?;
    let out = enrol_all(&tx, project_id, &[teacher_id], true, Limits::Exceed)?;
    tx.commit()?;
    Ok(out.added > 0)
}
