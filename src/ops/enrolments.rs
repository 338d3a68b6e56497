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

/// Enrols teachers inside the caller's transaction (also used by a walk-in's check-in).
/// Refused for a completed project (§4.3: its credits were granted to its enrolment list).
pub(crate) fn enrol_all(
    conn: &Write,
    project_id: i64,
    teacher_ids: &[i64],
    walk_in: bool,
) -> Result<Enrolled> {
    let Some(p) = projects::get_project(conn, project_id)? else {
        return Err(Error::NotFound(pick(
            format!("编号 {project_id} 的培训项目"),
            format!("project {project_id}"),
        )));
    };
    crate::ops::projects::refuse_if_completed(&p, crate::ops::projects::Locked::Enrolments)?;
    let mut out = Enrolled::default();
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
    Ok(out)
}

/// Enrols the given teachers (already enrolled ones are counted, not an error).
pub fn enrol_teachers(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    teacher_ids: &[i64],
) -> Result<Enrolled> {
    let tx = db.write(stamp)?;
    let out = enrol_all(&tx, project_id, teacher_ids, false)?;
    tx.commit()?;
    Ok(out)
}

/// Enrols every teacher currently at a school.
pub fn enrol_school(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    school_id: i64,
) -> Result<Enrolled> {
    let tx = db.write(stamp)?;
    let ids = enrolments::teacher_ids_of_school(&tx, school_id)?;
    let out = enrol_all(&tx, project_id, &ids, false)?;
    tx.commit()?;
    Ok(out)
}

/// Enrols a teacher who turned up at the desk without being enrolled.
/// Returns true when a new enrolment was written.
pub fn enrol_walk_in(db: &mut Db, stamp: &Stamp, project_id: i64, teacher_id: i64) -> Result<bool> {
    let tx = db.write(stamp)?;
    let out = enrol_all(&tx, project_id, &[teacher_id], true)?;
    tx.commit()?;
    Ok(out.added > 0)
}
