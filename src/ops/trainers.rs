//! Starlight trainers' operations: changing a trainer's status and six competency levels
//! (one transaction with its audit entry).

use crate::domain::{Trainer, TrainerStatus};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::trainers::{self, TrainerInput};
use crate::store::Db;
use crate::store::{Audit, Stamp};

/// Sets trainer `id`'s status and competency levels (0–3 each, in `Competency::ALL` order).
/// Returns the trainer as saved, and whether anything changed (no change writes nothing).
pub fn update_standing(
    db: &mut Db,
    id: i64,
    status: TrainerStatus,
    levels: [u8; 6],
    stamp: &Stamp,
) -> Result<(Trainer, bool)> {
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
    let input = TrainerInput {
        status,
        levels,
        ..TrainerInput::from_trainer(&before)
    };
    if !trainers::update(&tx, &before, &input)? {
        return Ok((before, false));
    }
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
        reason: "",
    })?;
    tx.commit()?;
    Ok((after, true))
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
        let (t, changed) =
            update_standing(&mut db, id, TrainerStatus::Certified, levels, &stamp()).unwrap();
        assert!(changed);
        assert_eq!(t.levels, levels);
        let stored = trainers::get(&db.conn, id).unwrap().unwrap();
        assert_eq!(stored.status, TrainerStatus::Certified);
        assert_eq!(stored.levels, levels);
        assert_eq!(audit_rows(&db), 1);
        // Saving the same values again writes nothing.
        let (_, changed) =
            update_standing(&mut db, id, TrainerStatus::Certified, levels, &stamp()).unwrap();
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
            &stamp(),
        );
        assert!(bad.is_err());
        assert!(update_standing(&mut db, 999, TrainerStatus::Certified, [0; 6], &stamp()).is_err());
        assert_eq!(audit_rows(&db), 0);
        let stored = trainers::get(&db.conn, id).unwrap().unwrap();
        assert_eq!(stored.status, TrainerStatus::Training);
    }
}
