//! A teacher's employment status (在职/调离/退休/离职): changed with a reason, one transaction
//! with its audit entry (an update with the teacher before and after).

use crate::domain::{Teacher, TeacherStatus};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::teachers::{self, TeacherInput};
use crate::store::Db;
use crate::store::{Audit, Stamp};

/// Sets teacher `id`'s status; `reason` must not be blank. Returns the teacher as saved and
/// whether anything changed (the same status writes nothing).
pub fn set_teacher_status(
    db: &mut Db,
    id: i64,
    status: TeacherStatus,
    reason: Option<&str>,
    stamp: &Stamp,
) -> Result<(Teacher, bool)> {
    let reason = reason.map(str::trim).unwrap_or("");
    let tx = db.write(stamp)?;
    let before = teachers::get(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(format!("编号 {id} 的教师"), format!("teacher {id}")))
    })?;
    if before.status == status {
        return Ok((before, false));
    }
    if reason.is_empty() {
        return Err(Error::invalid(pick(
            format!("把 {} 的状态改为{}需要填写原因", before.name, status.zh()),
            format!(
                "changing {}'s status to {} needs a reason",
                before.name,
                status.en()
            ),
        )));
    }
    let input = TeacherInput {
        status,
        ..TeacherInput::from_teacher(&before)
    };
    teachers::update(&tx, &before, &input, tx.now().date())?;
    let after = Teacher {
        status,
        ..before.clone()
    };
    tx.audit(Audit {
        entity: Entity::Teacher,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(before.audit_json()),
        after: Some(after.audit_json()),
        reason,
    })?;
    crate::store::search_keys::refresh(&tx)?;
    tx.commit()?;
    Ok((after, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schools::{self, SchoolInput};

    #[test]
    fn a_status_change_needs_a_reason_and_is_audited_with_before_and_after() {
        let mut db = Db::open_in_memory().unwrap();
        let school = schools::insert(
            &db.conn,
            &SchoolInput {
                name: "实验小学".into(),
                township: String::new(),
                stage: crate::domain::Stage::Primary,
            },
        )
        .unwrap();
        let input = TeacherInput {
            staff_no: "T1".into(),
            name: "张伟".into(),
            gender: None,
            school_id: school,
            subject: String::new(),
            stage: None,
            phone: String::new(),
            tier: crate::domain::Tier::Qualified,
            tier_level: None,
            status: TeacherStatus::Active,
        };
        let id = teachers::insert(&db.conn, &input).unwrap();
        let now = &crate::store::test_stamp("2026-09-01 10:00");
        let refused = set_teacher_status(&mut db, id, TeacherStatus::Retired, Some(" "), now);
        assert!(refused.is_err());
        let (t, changed) =
            set_teacher_status(&mut db, id, TeacherStatus::Retired, Some("到龄退休"), now).unwrap();
        assert!(changed);
        assert_eq!(t.status, TeacherStatus::Retired);
        let (before, after, reason): (String, String, String) = db
            .conn
            .query_row(
                "SELECT json_extract(before, '$.status'), json_extract(after, '$.status'), reason
                 FROM audit_log WHERE entity = 'teacher' AND entity_id = ?1 AND action = 'update'",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((before.as_str(), after.as_str()), ("active", "retired"));
        assert_eq!(reason, "到龄退休");
        let (_, changed) =
            set_teacher_status(&mut db, id, TeacherStatus::Retired, Some("again"), now).unwrap();
        assert!(!changed, "the same status writes nothing");
    }
}
