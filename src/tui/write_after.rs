//! Executes the intents of "after the training" (issue 12): a trainee's feedback, through
//! credit registration, a Starlight assessment, through `ops` (one transaction each, audited; a refusal writes nothing).

use super::action::Intent;
use super::i18n::{self, Lang};
use super::write::{who, Done};
use crate::error::{Error, Result};
use crate::store::feedback::Source;
use crate::store::{Db, Stamp};

pub(super) fn execute(db: &mut Db, intent: &Intent, stamp: &Stamp, lang: Lang) -> Result<Done> {
    let message = match intent {
        Intent::GiveFeedback { answers, source } => {
            crate::ops::feedback::give(db, stamp, answers, *source)?;
            i18n::fill(
                i18n::FB_SAVED.get(lang),
                &[&who(db, answers.teacher_id, lang)],
            )
        }
        Intent::GiveFeedbackBatch { answers, .. } => {
            let n = crate::ops::feedback::give_many(db, stamp, answers, Source::Form)?;
            i18n::fill(i18n::FG_SAVED.get(lang), &[&n])
        }
        Intent::RegisterCredit { entry } => {
            let e = crate::ops::credit_registration::register(db, stamp, entry)?;
            i18n::fill(
                i18n::CR_REGISTERED.get(lang),
                &[&who(db, e.teacher_id, lang), &e.credits, &e.category],
            )
        }
        Intent::RecordAssessment { assessment: a } => {
            crate::ops::starlight::record_assessment(db, stamp, a)?;
            let name = crate::store::trainers::get(&db.conn, a.trainer_id)?
                .map(|t| t.name)
                .unwrap_or_default();
            i18n::fill(
                i18n::AS_SAVED.get(lang),
                &[&name, &a.competency.label(lang == Lang::Zh), &a.level],
            )
        }
        _ => return Err(Error::invalid("not an after-training intent")),
    };
    Ok(Done {
        message: Some(message),
        ..Done::default()
    })
}
