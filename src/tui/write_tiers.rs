//! The writes of tiers and targets: a target's number (`:target`) and a teacher's tier step
//! (the Teachers tab's tier form), each through its use-case in `crate::ops`.

use super::action::Intent;
use super::i18n::{self, Lang};
use super::write::Done;
use crate::domain::tiers::tier_label;
use crate::error::Result;
use crate::ops::{targets, tier_steps};
use crate::store::{Db, Stamp};

pub(super) fn execute(db: &mut Db, intent: &Intent, stamp: &Stamp, lang: Lang) -> Result<Done> {
    let zh = lang == Lang::Zh;
    match intent {
        Intent::SetTarget { text } => {
            let t = targets::parse_target(text)?;
            let before = targets::set_target(db, &t, stamp)?;
            let message = if before == Some(t.number) {
                i18n::UNCHANGED.get(lang).to_string()
            } else {
                i18n::fill(
                    i18n::TGT_SAVED.get(lang),
                    &[&t.what.label(zh), &t.year, &t.number],
                )
            };
            Ok(Done {
                message: Some(message),
                ..Done::default()
            })
        }
        Intent::AddTierStep { teacher_id, step } => {
            let (t, _) = tier_steps::add_tier_step(db, *teacher_id, step, stamp)?;
            let label = tier_label(step.tier, step.level, zh);
            Ok(Done {
                message: Some(i18n::fill(
                    i18n::TIER_SAVED.get(lang),
                    &[&t.name, &label, &step.since],
                )),
                teachers_changed: vec![t.id],
                ..Done::default()
            })
        }
        _ => Ok(Done::default()),
    }
}
