//! Recording a follow-up (docs/rules.md §4.4): held date, title, place, observer (a trainer or a
//! staff name), rating and notes; status pending → done → evaluated. One transaction with its
//! audit entry; moving a follow-up back needs a reason.

use crate::domain::{FollowUp, FollowUpStatus, Rating};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{follow_ups, trainers, Db};
use crate::store::{Audit, Stamp};
use chrono::NaiveDate;

/// What a coordinator records about a follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRecord {
    pub held_date: Option<NaiveDate>,
    pub title: String,
    pub place: String,
    /// The observing Starlight trainer, or else `observer_staff` (a centre staff member).
    pub observer_trainer_id: Option<i64>,
    pub observer_staff: String,
    pub rating: Option<Rating>,
    pub notes: String,
    pub status: FollowUpStatus,
}

fn rank(s: FollowUpStatus) -> u8 {
    match s {
        FollowUpStatus::Pending => 0,
        FollowUpStatus::Done => 1,
        FollowUpStatus::Evaluated => 2,
    }
}

/// True when going from `from` to `to` moves the follow-up back (and so needs a reason).
pub fn moves_back(from: FollowUpStatus, to: FollowUpStatus) -> bool {
    rank(to) < rank(from)
}

/// Checks a record against the rules, on `today`.
pub fn validate(r: &FollowUpRecord, today: NaiveDate) -> Result<()> {
    if let Some(held) = r.held_date {
        if held > today {
            return Err(Error::invalid(pick(
                format!("开展日期 {held} 还没到；跟踪任务开展后再记录"),
                format!(
                    "the held date {held} is in the future; record a follow-up once it has taken place"
                ),
            )));
        }
    }
    match r.status {
        FollowUpStatus::Pending => {
            if r.held_date.is_some() || r.rating.is_some() {
                return Err(Error::invalid(pick(
                    "待完成的跟踪任务没有开展日期和评价；请改为已完成",
                    "a pending follow-up has no held date or rating; mark it done instead",
                )));
            }
        }
        FollowUpStatus::Done => {
            if r.held_date.is_none() {
                return Err(Error::invalid(pick(
                    "已完成的跟踪任务需要填写开展日期",
                    "a done follow-up needs the date it was held",
                )));
            }
            if r.rating.is_some() {
                return Err(Error::invalid(pick(
                    "有评价的跟踪任务应为已评价；请把状态改为已评价",
                    "a rated follow-up is evaluated; set its status to evaluated",
                )));
            }
        }
        FollowUpStatus::Evaluated => {
            if r.held_date.is_none() || r.rating.is_none() {
                return Err(Error::invalid(pick(
                    "已评价的跟踪任务需要填写开展日期和评价",
                    "an evaluated follow-up needs the date it was held and a rating",
                )));
            }
            if r.observer_trainer_id.is_none() && r.observer_staff.trim().is_empty() {
                return Err(Error::invalid(pick(
                    "已评价的跟踪任务需要填写听评人（星光讲师或工作人员姓名）",
                    "an evaluated follow-up needs its observer (a trainer or a staff name)",
                )));
            }
        }
    }
    Ok(())
}

/// Records follow-up `id`. Moving it back (evaluated → done, done → pending) needs `reason`.
/// Returns the follow-up as saved.
pub fn record_follow_up(
    db: &mut Db,
    id: i64,
    record: &FollowUpRecord,
    reason: Option<&str>,
    stamp: &Stamp,
) -> Result<FollowUp> {
    validate(record, stamp.now.date())?;
    let tx = db.write(stamp)?;
    let before = follow_ups::get(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {id} 的跟踪任务"),
            format!("follow-up {id}"),
        ))
    })?;
    let reason = reason.map(str::trim).unwrap_or("");
    if moves_back(before.status, record.status) && reason.is_empty() {
        return Err(Error::invalid(pick(
            format!(
                "把跟踪任务从{}退回{}需要填写原因",
                before.status.zh(),
                record.status.zh()
            ),
            format!(
                "moving a follow-up back from {} to {} needs a reason",
                before.status, record.status
            ),
        )));
    }
    if let Some(t) = record.observer_trainer_id {
        if trainers::get(&tx, t)?.is_none() {
            return Err(Error::NotFound(pick(
                format!("编号 {t} 的星光讲师"),
                format!("trainer {t}"),
            )));
        }
    }
    let after = FollowUp {
        held_date: record.held_date,
        title: record.title.trim().to_string(),
        place: record.place.trim().to_string(),
        observer_trainer_id: record.observer_trainer_id,
        observer_staff: if record.observer_trainer_id.is_some() {
            String::new()
        } else {
            record.observer_staff.trim().to_string()
        },
        rating: record.rating,
        notes: record.notes.trim().to_string(),
        status: record.status,
        ..before.clone()
    };
    if after == before {
        return Ok(after);
    }
    follow_ups::update(&tx, &after)?;
    tx.audit(Audit {
        entity: Entity::FollowUp,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(before.audit_json()),
        after: Some(after.audit_json()),
        reason,
    })?;
    tx.commit()?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp::new(now(), "tester")
    }

    fn now() -> chrono::NaiveDateTime {
        crate::domain::parse_datetime("2026-05-10 09:00").unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        crate::domain::parse_date(s).unwrap()
    }

    fn db() -> Db {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);
                 INSERT INTO trainers (id, name, status) VALUES (1, '李教授', 'certified');
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (1, 'P1', '骨干培训', 'district', 'starlight', '2026-03-01', '2026-03-02');
                 INSERT INTO follow_ups (id, project_id, teacher_id, kind, due_date)
                   VALUES (1, 1, 1, 'transplant_lesson', '2026-05-01');",
            )
            .unwrap();
        db
    }

    fn done() -> FollowUpRecord {
        FollowUpRecord {
            held_date: Some(d("2026-04-20")),
            title: "移植课：大单元教学".into(),
            place: "实验小学".into(),
            observer_trainer_id: None,
            observer_staff: String::new(),
            rating: None,
            notes: String::new(),
            status: FollowUpStatus::Done,
        }
    }

    fn audits(db: &Db) -> Vec<(String, String)> {
        let mut st = db
            .conn
            .prepare("SELECT after, reason FROM audit_log WHERE entity = 'follow_up' ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn pending_to_done_to_evaluated_each_audited() {
        let mut db = db();
        let f = record_follow_up(&mut db, 1, &done(), None, &stamp()).unwrap();
        assert_eq!(f.status, FollowUpStatus::Done);
        let ev = FollowUpRecord {
            observer_trainer_id: Some(1),
            rating: Some(Rating::Good),
            status: FollowUpStatus::Evaluated,
            ..done()
        };
        record_follow_up(&mut db, 1, &ev, None, &stamp()).unwrap();
        let stored = follow_ups::get(&db.conn, 1).unwrap().unwrap();
        assert_eq!(stored.status, FollowUpStatus::Evaluated);
        assert_eq!(stored.rating, Some(Rating::Good));
        assert_eq!(stored.observer_trainer_id, Some(1));
        let a = audits(&db);
        assert_eq!(a.len(), 2);
        assert!(a[1].0.contains("\"evaluated\""));
    }

    #[test]
    fn rules_refuse_incomplete_records_and_change_nothing() {
        let mut db = db();
        let cases = [
            FollowUpRecord {
                held_date: None,
                ..done()
            },
            FollowUpRecord {
                held_date: Some(d("2026-05-11")),
                ..done()
            },
            FollowUpRecord {
                rating: Some(Rating::Pass),
                ..done()
            },
            FollowUpRecord {
                status: FollowUpStatus::Evaluated,
                ..done()
            },
            FollowUpRecord {
                status: FollowUpStatus::Evaluated,
                rating: Some(Rating::Pass),
                ..done()
            },
            FollowUpRecord {
                status: FollowUpStatus::Pending,
                ..done()
            },
            FollowUpRecord {
                observer_trainer_id: Some(9),
                ..done()
            },
        ];
        for c in &cases {
            assert!(
                record_follow_up(&mut db, 1, c, None, &stamp()).is_err(),
                "{c:?}"
            );
        }
        assert!(record_follow_up(&mut db, 99, &done(), None, &stamp()).is_err());
        assert!(audits(&db).is_empty());
        let stored = follow_ups::get(&db.conn, 1).unwrap().unwrap();
        assert_eq!(stored.status, FollowUpStatus::Pending);
    }

    #[test]
    fn moving_back_needs_a_reason() {
        let mut db = db();
        record_follow_up(&mut db, 1, &done(), None, &stamp()).unwrap();
        let back = FollowUpRecord {
            held_date: None,
            status: FollowUpStatus::Pending,
            ..done()
        };
        assert!(record_follow_up(&mut db, 1, &back, None, &stamp()).is_err());
        assert!(record_follow_up(&mut db, 1, &back, Some("  "), &stamp()).is_err());
        record_follow_up(&mut db, 1, &back, Some("wrong teacher"), &stamp()).unwrap();
        let a = audits(&db);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].1, "wrong teacher");
        assert!(moves_back(FollowUpStatus::Evaluated, FollowUpStatus::Done));
        assert!(!moves_back(
            FollowUpStatus::Pending,
            FollowUpStatus::Evaluated
        ));
    }
}
