//! Starlight trainers' operations: changing a trainer's status and six competency levels
//! (one transaction with its audit entry).

use crate::domain::starlight::{levels_change_needs_reason, EvidenceKind};
use crate::domain::{Competency, Trainer, TrainerStatus};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::trainer_life::{self, Assessment};
use crate::store::trainers::{self, TrainerInput};
use crate::store::Db;
use crate::store::{Audit, Stamp};

/// Sets trainer `id`'s status and competency levels (0–3 each, in `Competency::ALL` order).
/// A change of any level needs a `reason` (audited, docs/rules.md §4.8). Returns the trainer
/// as saved, and whether anything changed (no change writes nothing).
pub fn update_standing(
    db: &mut Db,
    id: i64,
    status: TrainerStatus,
    levels: [u8; 6],
    reason: &str,
    stamp: &Stamp,
) -> Result<(Trainer, bool)> {
    let reason = reason.trim();
    if levels.iter().any(|l| *l > 3) {
        return Err(Error::invalid(pick(
            "能力等级只能是 0 到 3",
            "competency levels are 0 to 3",
        )));
    }
    let tx = db.write(stamp)?;
    let before = trainers::get(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {id} 的星光讲师"),
            format!("trainer {id}"),
        ))
    })?;
    if reason.is_empty() && levels_change_needs_reason(&before.levels, &levels) {
        return Err(Error::invalid(pick(
            format!("修改 {} 的能力等级需要填写原因", before.name),
            format!(
                "changing {}'s competency levels needs a reason",
                before.name
            ),
        )));
    }
    let input = TrainerInput {
        status,
        levels,
        ..TrainerInput::from_trainer(&before)
    };
    if !trainers::update(&tx, &before, &input)? {
        return Ok((before, false));
    }
    record_changed_levels(&tx, &before, &levels, reason, stamp)?;
    let after = Trainer {
        status,
        levels,
        ..before.clone()
    };
    tx.audit(Audit {
        entity: Entity::Trainer,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(before.audit_json()),
        after: Some(after.audit_json()),
        reason,
    })?;
    tx.commit()?;
    Ok((after, true))
}

/// Each changed level is an assessment of that competency today by the actor, the reason
/// its evidence: a feedback average when it is a number from 1 to 5 ("4.6"), else an
/// observation.
fn record_changed_levels(
    tx: &crate::store::Write,
    before: &Trainer,
    levels: &[u8; 6],
    reason: &str,
    stamp: &Stamp,
) -> Result<()> {
    let kind = match reason.parse::<f64>() {
        Ok(x) if (1.0..=5.0).contains(&x) => EvidenceKind::Feedback,
        _ => EvidenceKind::Observation,
    };
    for (i, c) in Competency::ALL.iter().enumerate() {
        if before.levels[i] != levels[i] {
            trainer_life::insert_assessment(
                tx,
                &Assessment {
                    trainer_id: before.id,
                    competency: *c,
                    level: levels[i],
                    assessed_on: stamp.now.date(),
                    assessor: stamp.actor.clone(),
                    evidence_kind: kind,
                    evidence: reason.to_string(),
                    session_id: None,
                },
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp::new(now(), "tester")
    }

    fn now() -> chrono::NaiveDateTime {
        crate::domain::parse_datetime("2026-11-28 09:00").unwrap()
    }

    fn db_with_trainer() -> (Db, i64) {
        let db = Db::open_in_memory().unwrap();
        let id = trainers::insert(
            &db.conn,
            &TrainerInput {
                teacher_id: None,
                name: "李教授".into(),
                affiliation: "西南大学".into(),
                status: TrainerStatus::Training,
                levels: [1, 1, 1, 1, 1, 1],
                joined_on: None,
            },
        )
        .unwrap();
        (db, id)
    }

    fn audit_rows(db: &Db) -> i64 {
        db.conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity = 'trainer'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn update_is_saved_and_audited_once() {
        let (mut db, id) = db_with_trainer();
        let levels = [3, 2, 3, 1, 0, 2];
        let (t, changed) = update_standing(
            &mut db,
            id,
            TrainerStatus::Certified,
            levels,
            "考核",
            &stamp(),
        )
        .unwrap();
        assert!(changed);
        assert_eq!(t.levels, levels);
        let stored = trainers::get(&db.conn, id).unwrap().unwrap();
        assert_eq!(stored.status, TrainerStatus::Certified);
        assert_eq!(stored.levels, levels);
        assert_eq!(audit_rows(&db), 1);
        // Saving the same values again writes nothing.
        let (_, changed) =
            update_standing(&mut db, id, TrainerStatus::Certified, levels, "", &stamp()).unwrap();
        assert!(!changed);
        assert_eq!(audit_rows(&db), 1);
    }

    #[test]
    fn bad_level_or_unknown_trainer_changes_nothing() {
        let (mut db, id) = db_with_trainer();
        let bad = update_standing(
            &mut db,
            id,
            TrainerStatus::Certified,
            [4, 0, 0, 0, 0, 0],
            "x",
            &stamp(),
        );
        assert!(bad.is_err());
        assert!(update_standing(
            &mut db,
            999,
            TrainerStatus::Certified,
            [0; 6],
            "x",
            &stamp()
        )
        .is_err());
        assert_eq!(audit_rows(&db), 0);
        let stored = trainers::get(&db.conn, id).unwrap().unwrap();
        assert_eq!(stored.status, TrainerStatus::Training);
    }

    #[test]
    fn a_competency_change_without_a_reason_is_refused_and_a_status_change_alone_is_not() {
        let (mut db, id) = db_with_trainer();
        let levels = [1, 1, 2, 1, 1, 1];
        let err = update_standing(&mut db, id, TrainerStatus::Training, levels, " ", &stamp())
            .unwrap_err()
            .to_string();
        assert!(err.contains("reason") || err.contains("原因"), "{err}");
        assert_eq!(trainers::get(&db.conn, id).unwrap().unwrap().levels, [1; 6]);
        assert_eq!(audit_rows(&db), 0);
        let (_, changed) =
            update_standing(&mut db, id, TrainerStatus::Certified, [1; 6], "", &stamp()).unwrap();
        assert!(changed, "a status change alone needs no reason");
        update_standing(
            &mut db,
            id,
            TrainerStatus::Certified,
            levels,
            "听课评估 4.6",
            &stamp(),
        )
        .unwrap();
        let reason: String = db
            .conn
            .query_row(
                "SELECT reason FROM audit_log WHERE entity = 'trainer' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reason, "听课评估 4.6");
        let a = trainer_life::assessments(&db.conn, id, 10).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].competency, a[0].level), (Competency::Teach, 2));
        assert_eq!(
            (a[0].assessor.as_str(), a[0].evidence_kind),
            ("tester", EvidenceKind::Observation)
        );
    }
}
