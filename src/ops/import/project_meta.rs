//! The optional training-metadata columns of a projects file: `hours` (学时), `form`
//! (培训形式), `budget_planned` (预算), `budget_spent` (支出), `qualification` (任职资格培训).
//! A blank cell keeps the stored value (a new project: 0 hours, no form or budget, no flag).

use super::table::Column;
use super::values::Cells;
use crate::domain::principals::{TrainingForm, TrainingMeta};

pub(crate) const COLUMNS: [Column; 5] = [
    Column::new("hours", "学时", &["培训学时", "总学时"]),
    Column::new("form", "培训形式", &["形式", "研修形式"]),
    Column::new(
        "budget_planned",
        "预算",
        &["预算经费", "经费预算", "计划经费"],
    ),
    Column::new("budget_spent", "支出", &["实际支出", "已支出", "经费支出"]),
    Column::new("qualification", "任职资格培训", &["任职资格"]),
];

/// The cells a row fills in (None: blank).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MetaCells {
    hours: Option<f64>,
    form: Option<TrainingForm>,
    budget_planned: Option<f64>,
    budget_spent: Option<f64>,
    qualification: Option<bool>,
}

/// Reads the five cells; each bad one is a problem of the row.
pub(crate) fn read(c: &mut Cells) -> Result<MetaCells, ()> {
    let hours = c.amount("hours");
    let form = c.choice(
        "form",
        "training form",
        TrainingForm::parse,
        TrainingForm::choices,
    );
    let budget_planned = c.amount("budget_planned");
    let budget_spent = c.amount("budget_spent");
    let qualification = c.boolean("qualification");
    Ok(MetaCells {
        hours: hours?,
        form: form?,
        budget_planned: budget_planned?,
        budget_spent: budget_spent?,
        qualification: qualification?,
    })
}

/// The row's cells over `before` (the stored metadata, or the default for a new project).
pub(crate) fn merge(before: TrainingMeta, cells: MetaCells) -> TrainingMeta {
    TrainingMeta {
        hours: cells.hours.unwrap_or(before.hours),
        form: cells.form.or(before.form),
        budget_planned: cells.budget_planned.or(before.budget_planned),
        budget_spent: cells.budget_spent.or(before.budget_spent),
        qualification: cells.qualification.unwrap_or(before.qualification),
    }
}
