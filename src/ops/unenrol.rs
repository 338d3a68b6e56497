//! Removing a teacher from a project's enrolment list (the Projects tab's "remove").
//! Refused while the teacher has attendance marks in the project: those are records the
//! veto and the school report rest on, and would be left without their enrolment.

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{enrolments, project_roster, Db};
use crate::store::{Audit, Stamp};

/// Removes one enrolment; one transaction with its audit entry.
pub fn remove_enrolment(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    teacher_id: i64,
) -> Result<()> {
    let tx = db.write(stamp)?;
    remove_in(&tx, project_id, teacher_id, "")?;
    tx.commit()?;
    Ok(())
}

/// Removes one enrolment inside the caller's transaction, audited with `reason`
/// (also used when undoing a walk-in's check-in removes its on-the-spot enrolment).
/// Refused for a completed project (§4.3: its credits were granted to its enrolment list).
pub(crate) fn remove_in(
    tx: &crate::store::Write,
    project_id: i64,
    teacher_id: i64,
    reason: &str,
) -> Result<()> {
    if let Some(p) = crate::store::projects::get_project(tx, project_id)? {
        crate::ops::projects::refuse_if_completed(&p, crate::ops::projects::Locked::Enrolments)?;
    }
    let t = enrolments::teacher_brief(tx, teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {teacher_id} 的教师"),
            format!("teacher {teacher_id}"),
        ))
    })?;
    let id = enrolments::enrolment_id(tx, project_id, teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("该培训项目报名名单中的{}（{}）", t.name, t.staff_no),
            format!(
                "{} ({}) is not enrolled in this project",
                t.name, t.staff_no
            ),
        ))
    })?;
    let n = project_roster::marks_in_project(tx, project_id, teacher_id)?;
    if n > 0 {
        return Err({
            let (name, no) = (&t.name, &t.staff_no);
            Error::invalid(pick(
                format!("{name}（{no}）在该培训项目已有 {n} 条签到记录，不能取消报名"),
                format!(
                    "{name} ({no}) has {n} attendance mark(s) in this project; \
                     the enrolment cannot be removed"
                ),
            ))
        });
    }
    project_roster::delete_enrolment(tx, project_id, teacher_id)?;
    tx.audit(Audit {
        entity: Entity::Enrolment,
        entity_id: Some(id),
        action: AuditAction::Delete,
        before: Some(serde_json::json!({
            "project_id": project_id, "teacher_id": teacher_id, "staff_no": t.staff_no,
        })),
        after: None,
        reason,
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Db {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, township, stage) VALUES (1, 'S', '', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', 'A', 1), (2, 'T2', 'B', 1);
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date) VALUES
                   (1, 'P1', 'x', 'district', 'starlight', '2026-03-01', '2026-03-02');
                 INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES (1, 1, '2026-03-01', '08:30', '11:30');
                 INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
                   (1, 1, 1, '2026-02-01'), (1, 2, 1, '2026-02-01');
                 INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
                   VALUES (1, 1, 1, '2026-03-01', 'present', '2026-03-01 08:30:00');",
            )
            .unwrap();
        db
    }

    fn audit_rows(db: &Db) -> i64 {
        db.conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity='enrolment'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn removes_with_audit_entry() {
        let mut db = db();
        remove_enrolment(&mut db, &crate::store::test_stamp("2026-03-02 09:00"), 1, 2).unwrap();
        assert!(!enrolments::is_enrolled(&db.conn, 1, 2).unwrap());
        assert_eq!(audit_rows(&db), 1);
        assert!(matches!(
            remove_enrolment(&mut db, &crate::store::test_stamp("2026-03-02 09:00"), 1, 2),
            Err(Error::NotFound(_))
        ));
    }

    #[test]
    fn refused_while_marks_exist_and_nothing_changes() {
        let mut db = db();
        let e = remove_enrolment(&mut db, &crate::store::test_stamp("2026-03-02 09:00"), 1, 1)
            .unwrap_err();
        assert!(e.to_string().contains("已有 1 条签到记录"), "{e}");
        assert!(enrolments::is_enrolled(&db.conn, 1, 1).unwrap());
        assert_eq!(audit_rows(&db), 0);
    }
}
