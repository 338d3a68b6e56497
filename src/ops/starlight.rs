//! The Starlight corps's life cycle (docs/rules.md §4.8): selecting a teacher as a candidate,
//! promoting candidate → in training → certified, recording an assessment of a competency,
//! an exit with its reason, and assigning a trainer to a session from the trainer's pane.
//! Each is one transaction with its audit entry; a refusal changes nothing.

use crate::domain::{Competency, Trainer, TrainerStatus};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::sessions::{self, SessionFields};
use crate::store::trainer_life::{self, Assessment, LifeCycle};
use crate::store::trainers::{self, TrainerInput};
use crate::store::{teachers, Audit, Db, Stamp, Write};

fn not_found(id: i64) -> Error {
    Error::NotFound(pick(
        format!("编号 {id} 的星光讲师"),
        format!("trainer {id}"),
    ))
}

/// The trainer and its life cycle, as the audit log records them.
fn snapshot(t: &Trainer, l: &LifeCycle) -> serde_json::Value {
    let mut j = t.audit_json();
    if let (Some(o), serde_json::Value::Object(more)) = (j.as_object_mut(), l.audit_json()) {
        o.extend(more);
    }
    j
}

fn load(tx: &Write, id: i64) -> Result<(Trainer, LifeCycle)> {
    let t = trainers::get(tx, id)?.ok_or_else(|| not_found(id))?;
    let l = trainer_life::life_cycle(tx, id)?.ok_or_else(|| not_found(id))?;
    Ok((t, l))
}

fn audit(
    tx: &Write,
    id: i64,
    action: AuditAction,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
    reason: &str,
) -> Result<()> {
    tx.audit(Audit {
        entity: Entity::Trainer,
        entity_id: Some(id),
        action,
        before,
        after: Some(after),
        reason,
    })
}

/// Selects teacher `teacher_id` as a Starlight candidate (培养对象) today, with the selection
/// criteria met (`note`, required). A teacher already in the corps is refused; one who exited
/// may be selected again (the exit stays in the audit log). Returns the trainer's id.
pub fn select_candidate(db: &mut Db, stamp: &Stamp, teacher_id: i64, note: &str) -> Result<i64> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::invalid(pick(
            "遴选培养对象需要填写遴选依据",
            "selecting a candidate needs the selection criteria it meets",
        )));
    }
    let tx = db.write(stamp)?;
    let teacher = teachers::get(&tx, teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {teacher_id} 的教师"),
            format!("teacher {teacher_id}"),
        ))
    })?;
    let life = LifeCycle {
        selected_on: Some(stamp.now.date()),
        selection_note: note.to_string(),
        ..LifeCycle::default()
    };
    let (id, before) = match trainers::by_teacher(&tx, teacher_id)? {
        Some(t) if t.status != TrainerStatus::Retired => {
            return Err(Error::invalid(pick(
                format!("{} 已是星光讲师团成员（{}）", t.name, t.status.zh()),
                format!(
                    "{} is already in the Starlight corps ({})",
                    t.name,
                    t.status.en()
                ),
            )))
        }
        Some(t) => {
            let l = trainer_life::life_cycle(&tx, t.id)?.unwrap_or_default();
            (t.id, Some(snapshot(&t, &l)))
        }
        None => {
            let input = TrainerInput {
                teacher_id: Some(teacher_id),
                name: teacher.name.clone(),
                affiliation: String::new(),
                status: TrainerStatus::Candidate,
                levels: [0; 6],
                joined_on: None,
            };
            (trainers::insert(&tx, &input)?, None)
        }
    };
    trainer_life::set_life_cycle(&tx, id, TrainerStatus::Candidate, &life)?;
    let (t, l) = load(&tx, id)?;
    let action = if before.is_some() {
        AuditAction::Update
    } else {
        AuditAction::Create
    };
    audit(&tx, id, action, before, snapshot(&t, &l), note)?;
    tx.commit()?;
    Ok(id)
}

/// Promotes trainer `id` one step: candidate → in training → certified (认定讲师, joining
/// the corps today). Returns the new status. A certified or exited trainer is refused.
pub fn promote(db: &mut Db, stamp: &Stamp, id: i64) -> Result<TrainerStatus> {
    let tx = db.write(stamp)?;
    let (t, l) = load(&tx, id)?;
    let next = match t.status {
        TrainerStatus::Candidate => TrainerStatus::Training,
        TrainerStatus::Training => TrainerStatus::Certified,
        TrainerStatus::Certified | TrainerStatus::Retired => {
            return Err(Error::invalid(pick(
                format!("{} 为{}，不能再晋升", t.name, t.status.zh()),
                format!("{} is {}; there is no next step", t.name, t.status.en()),
            )))
        }
    };
    let joined_on = match next {
        TrainerStatus::Certified => Some(stamp.now.date()),
        _ => t.joined_on,
    };
    let input = TrainerInput {
        status: next,
        joined_on,
        ..TrainerInput::from_trainer(&t)
    };
    trainers::update(&tx, &t, &input)?;
    let after = trainers::get(&tx, id)?.ok_or_else(|| not_found(id))?;
    audit(
        &tx,
        id,
        AuditAction::Update,
        Some(snapshot(&t, &l)),
        snapshot(&after, &l),
        "",
    )?;
    tx.commit()?;
    Ok(next)
}

/// Trainer `id` leaves the corps today (专家库动态调整) for `reason` (required): status
/// retired, hidden from every trainer picker (`TrainerStatus::offered`); the sessions taught,
/// assessments and follow-ups observed stay.
pub fn exit_trainer(db: &mut Db, stamp: &Stamp, id: i64, reason: &str) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(pick(
            "讲师退出需要填写原因",
            "a trainer's exit needs a reason",
        )));
    }
    let tx = db.write(stamp)?;
    let (t, l) = load(&tx, id)?;
    if t.status == TrainerStatus::Retired {
        return Err(Error::invalid(pick(
            format!("{} 已退出讲师团", t.name),
            format!("{} has already left the corps", t.name),
        )));
    }
    let after = LifeCycle {
        exited_on: Some(stamp.now.date()),
        exit_reason: reason.to_string(),
        ..l.clone()
    };
    trainer_life::set_life_cycle(&tx, id, TrainerStatus::Retired, &after)?;
    let (t2, l2) = load(&tx, id)?;
    audit(
        &tx,
        id,
        AuditAction::Update,
        Some(snapshot(&t, &l)),
        snapshot(&t2, &l2),
        reason,
    )?;
    tx.commit()?;
    Ok(())
}

/// Records an assessment of one competency and sets the trainer's level of it to the
/// assessed level; the evidence (required) is the audited reason of the change.
pub fn record_assessment(db: &mut Db, stamp: &Stamp, a: &Assessment) -> Result<i64> {
    if a.level > 3 {
        return Err(Error::invalid(pick(
            "能力等级只能是 0 到 3",
            "competency levels are 0 to 3",
        )));
    }
    if a.assessor.trim().is_empty() || a.evidence.trim().is_empty() {
        return Err(Error::invalid(pick(
            "考核需要填写考核人和依据（授课、听课观察或学员反馈均分）",
            "an assessment needs an assessor and its evidence (a session taught, an observation or a feedback average)",
        )));
    }
    let tx = db.write(stamp)?;
    let (t, l) = load(&tx, a.trainer_id)?;
    if t.status == TrainerStatus::Retired {
        return Err(Error::invalid(pick(
            format!("{} 已退出讲师团，不再考核", t.name),
            format!("{} has left the corps and is no longer assessed", t.name),
        )));
    }
    let id = trainer_life::insert_assessment(&tx, a)?;
    let i = Competency::ALL
        .iter()
        .position(|c| *c == a.competency)
        .unwrap_or(0);
    let mut levels = t.levels;
    levels[i] = a.level;
    trainers::update(
        &tx,
        &t,
        &TrainerInput {
            levels,
            ..TrainerInput::from_trainer(&t)
        },
    )?;
    let after = trainers::get(&tx, t.id)?.ok_or_else(|| not_found(t.id))?;
    let mut after_json = snapshot(&after, &l);
    if let (Some(o), serde_json::Value::Object(more)) = (after_json.as_object_mut(), a.audit_json())
    {
        o.extend(more);
    }
    let reason = format!("{}: {}", a.evidence_kind.code(), a.evidence.trim());
    audit(
        &tx,
        t.id,
        AuditAction::Update,
        Some(snapshot(&t, &l)),
        after_json,
        &reason,
    )?;
    tx.commit()?;
    Ok(id)
}

/// Assigns trainer `trainer_id` to session `session_id` from the trainer's pane. An exited
/// trainer is refused, and so is a double booking (docs/rules.md §4.7, named as the session
/// form names it). A closed session keeps its trainer.
pub fn assign_trainer(db: &mut Db, stamp: &Stamp, session_id: i64, trainer_id: i64) -> Result<()> {
    let tx = db.write(stamp)?;
    let t = trainers::get(&tx, trainer_id)?.ok_or_else(|| not_found(trainer_id))?;
    if t.status.offered(false).is_none() {
        return Err(Error::invalid(pick(
            format!("{} 已退出讲师团，不能安排授课", t.name),
            format!(
                "{} has left the corps and cannot be assigned a session",
                t.name
            ),
        )));
    }
    let old = sessions::get_session(&tx, session_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {session_id} 的场次"),
            format!("session {session_id}"),
        ))
    })?;
    if old.is_closed() {
        return Err(Error::invalid(pick(
            "该场次已关闭，请在项目的场次表中修改讲师并填写原因",
            "this session is closed; change its trainer from the project's sessions, with a reason",
        )));
    }
    let f = SessionFields {
        date: old.date,
        start: old.start,
        end: old.end,
        topic: old.topic.clone(),
        trainer_id: Some(trainer_id),
        venue: old.venue.clone(),
    };
    crate::ops::sessions::refuse_double_booking(&tx, &f, Some(session_id))?;
    sessions::update_session(&tx, session_id, &f)?;
    let after = sessions::get_session(&tx, session_id)?;
    crate::ops::sessions::record(
        &tx,
        session_id,
        AuditAction::Update,
        Some(&old),
        after.as_ref(),
        "",
    )?;
    tx.commit()?;
    Ok(())
}
