//! Executes the Starlight life-cycle intents through `ops::starlight` (one transaction each).

use super::action::Intent;
use super::i18n::{self, Lang};
use super::write::Done;
use crate::error::{Error, Result};
use crate::store::{trainers, Db, Stamp};

fn name(db: &Db, trainer_id: i64) -> String {
    trainers::get(&db.conn, trainer_id)
        .ok()
        .flatten()
        .map(|t| t.name)
        .unwrap_or_default()
}

pub(super) fn execute(
    db: &mut Db,
    intent: &Intent,
    reason: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    let reason = reason.unwrap_or("");
    let message = match intent {
        Intent::SelectCandidate { teacher_id } => {
            let id = crate::ops::starlight::select_candidate(db, stamp, *teacher_id, reason)?;
            i18n::fill(i18n::SL_SELECTED.get(lang), &[&name(db, id)])
        }
        Intent::PromoteTrainer { trainer_id } => {
            let to = crate::ops::starlight::promote(db, stamp, *trainer_id)?;
            let label = to.label(lang == Lang::Zh);
            i18n::fill(
                i18n::SL_PROMOTED.get(lang),
                &[&name(db, *trainer_id), &label],
            )
        }
        Intent::ExitTrainer { trainer_id } => {
            crate::ops::starlight::exit_trainer(db, stamp, *trainer_id, reason)?;
            i18n::fill(i18n::SL_EXITED.get(lang), &[&name(db, *trainer_id)])
        }
        Intent::AssignTrainer {
            session_id,
            trainer_id,
        } => {
            crate::ops::starlight::assign_trainer(db, stamp, *session_id, *trainer_id)?;
            i18n::fill(i18n::SL_ASSIGNED.get(lang), &[&name(db, *trainer_id)])
        }
        _ => return Err(Error::invalid("not a Starlight intent")),
    };
    Ok(Done {
        message: Some(message),
        ..Done::default()
    })
}
