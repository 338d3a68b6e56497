//! The project form's training-metadata fields: hours (学时), training form (培训形式, or not
//! set), the qualification box (任职资格培训), budget planned and spent (empty = not entered).

use super::fields::{Field, Form};
use super::form::fmt_num;
use crate::domain::principals::{TrainingForm, TrainingMeta};
use crate::tui::i18n::{self, Lang};
use crate::tui::screen::Ctx;

/// Offsets of the fields from the first (the hours).
const HOURS: usize = 0;
const FORM: usize = 1;
const QUALIFICATION: usize = 2;
pub const BUDGET_PLANNED: usize = 3;
pub const BUDGET_SPENT: usize = 4;

/// The five fields, filled from `m` (a new project: 0 hours, nothing else).
pub fn fields(ctx: &Ctx, m: Option<&TrainingMeta>) -> Vec<Field> {
    let zh = ctx.zh();
    let money = |v: Option<f64>| v.map(fmt_num).unwrap_or_default();
    let empty_note = ctx.t(i18n::PJ_NOTE_EMPTY_NOT_ENTERED).to_string();
    vec![
        Field::text(i18n::PJ_F_HOURS, &fmt_num(m.map_or(0.0, |m| m.hours))),
        Field::choice(
            i18n::PJ_F_FORM,
            std::iter::once(ctx.t(i18n::PJ_FORM_NONE))
                .chain(TrainingForm::ALL.iter().map(|f| f.label(zh)))
                .collect(),
            m.and_then(|m| m.form)
                .and_then(|f| TrainingForm::ALL.iter().position(|x| *x == f))
                .map_or(0, |i| i + 1),
        ),
        Field::check(i18n::PJ_F_QUALIFICATION, m.is_some_and(|m| m.qualification))
            .with_note(ctx.t(i18n::PJ_NOTE_QUALIFICATION).to_string()),
        Field::text(
            i18n::PJ_F_BUDGET_PLANNED,
            &money(m.and_then(|m| m.budget_planned)),
        )
        .with_note(empty_note.clone()),
        Field::text(
            i18n::PJ_F_BUDGET_SPENT,
            &money(m.and_then(|m| m.budget_spent)),
        )
        .with_note(empty_note),
    ]
}

/// Parses the five fields starting at `first`; a bad number is a problem of its field (and
/// reads as 0 / not entered).
pub fn parse(f: &mut Form, first: usize, lang: Lang) -> TrainingMeta {
    let bad = i18n::PJ_BAD_NUMBER.get(lang).to_string();
    let number = |f: &mut Form, i: usize| match f.text(first + i).trim() {
        "" => None,
        s => match s.parse::<f64>() {
            Ok(v) => Some(v),
            Err(_) => {
                f.set_problem(first + i, bad.clone());
                None
            }
        },
    };
    let hours = number(f, HOURS).unwrap_or(0.0);
    let budget_planned = number(f, BUDGET_PLANNED);
    let budget_spent = number(f, BUDGET_SPENT);
    TrainingMeta {
        hours,
        form: f
            .choice(first + FORM)
            .checked_sub(1)
            .and_then(|i| TrainingForm::ALL.get(i).copied()),
        budget_planned,
        budget_spent,
        qualification: f.checked(first + QUALIFICATION),
    }
}
