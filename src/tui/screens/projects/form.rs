//! The project form: create or edit a project. Every change re-validates; each problem is
//! shown next to its field. Parsing the typed text is the form's job; the rules (code
//! unique, title required, dates ordered, credits, hours and budgets ≥ 0, threshold 1–100 %,
//! capacity ≥ 0)
//! are `ops::projects::validate_project`, shown in the UI language.

use super::fields::{Field, Form, Kind};
use super::form_meta;
use crate::domain::follow_up::default_due_days;
use crate::domain::veto::default_veto_scope;
use crate::domain::{parse_date, FollowUpKind, Level, Plan, Project, DATE_FMT};
use crate::ops::projects::{validate_project, FieldProblem};
use crate::store::projects::ProjectFields;
use crate::tui::action::Intent;
use crate::tui::i18n::{self, Lang};
use crate::tui::screen::Ctx;
use chrono::NaiveDate;

const CODE: usize = 0;
const TITLE: usize = 1;
const LEVEL: usize = 2;
const PLAN: usize = 3;
const CONCENTRATED: usize = 4;
const VETO_SCOPE: usize = 5;
const CREDITS: usize = 6;
const START: usize = 7;
const END: usize = 8;
const VENUE: usize = 9;
const CAPACITY: usize = 10;
const THRESHOLD: usize = 11;
/// The training metadata's five fields follow (`form_meta`).
const HOURS: usize = 12;
const BUDGET_PLANNED: usize = HOURS + form_meta::BUDGET_PLANNED;
const BUDGET_SPENT: usize = HOURS + form_meta::BUDGET_SPENT;
/// The follow-up kinds' due days follow, in `FollowUpKind::ALL` order.
const FOLLOW_UPS: usize = 17;

pub struct ProjectForm {
    /// The project edited (None: a new one).
    pub id: Option<i64>,
    pub form: Form,
}

/// Field labels are `Msg`s, so the follow-up kinds' labels are listed here, in
/// `FollowUpKind::ALL` order.
const KIND_LABELS: [i18n::Msg; 4] = [
    i18n::PJ_F_REPORT_BACK,
    i18n::PJ_F_FORUM,
    i18n::PJ_F_TRANSPLANT,
    i18n::PJ_F_OBSERVATION,
];

impl ProjectForm {
    /// A form for a new project (today's date, district level, concentrated and so in veto
    /// scope, 80 %).
    pub fn new(ctx: &Ctx) -> ProjectForm {
        let today = ctx.today().format(DATE_FMT).to_string();
        Self::build(ctx, None, None, &[], &today)
    }

    /// A form filled with `p` and its follow-up kinds.
    pub fn edit(ctx: &Ctx, p: &Project, kinds: &[(FollowUpKind, i64)]) -> ProjectForm {
        Self::build(ctx, Some(p.id), Some(p), kinds, "")
    }

    fn build(
        ctx: &Ctx,
        id: Option<i64>,
        p: Option<&Project>,
        kinds: &[(FollowUpKind, i64)],
        today: &str,
    ) -> ProjectForm {
        let zh = ctx.zh();
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format(DATE_FMT).to_string())
                .unwrap_or_else(|| today.to_string())
        };
        let level = p
            .and_then(|p| Level::ALL.iter().position(|l| *l == p.level))
            .unwrap_or_else(|| {
                Level::ALL
                    .iter()
                    .position(|l| *l == Level::District)
                    .unwrap_or(0)
            });
        let plan = p
            .and_then(|p| Plan::ALL.iter().position(|l| *l == p.plan))
            .unwrap_or(0);
        let mut fields = vec![
            Field::text(i18n::PJ_F_CODE, p.map(|p| p.code.as_str()).unwrap_or("")),
            Field::text(i18n::PJ_F_TITLE, p.map(|p| p.title.as_str()).unwrap_or("")),
            Field::choice(
                i18n::PJ_F_LEVEL,
                Level::ALL.iter().map(|l| l.label(zh)).collect(),
                level,
            ),
            Field::choice(
                i18n::PJ_F_PLAN,
                Plan::ALL.iter().map(|l| l.label(zh)).collect(),
                plan,
            ),
            Field::check(i18n::PJ_F_CONCENTRATED, p.is_none_or(|p| p.concentrated)),
            Field::check(
                i18n::PJ_F_VETO_SCOPE,
                p.map_or(default_veto_scope(true), |p| p.veto_scope),
            )
            .with_note(ctx.t(i18n::PJ_NOTE_VETO_SCOPE).to_string()),
            Field::text(
                i18n::PJ_F_CREDITS,
                &p.map(|p| fmt_num(p.credits)).unwrap_or_default(),
            ),
            Field::text(i18n::PJ_F_START, &date(p.map(|p| p.start_date))),
            Field::text(i18n::PJ_F_END, &date(p.map(|p| p.end_date))),
            Field::text(i18n::PJ_F_VENUE, p.map(|p| p.venue.as_str()).unwrap_or("")),
            Field::text(
                i18n::PJ_F_CAPACITY,
                &p.and_then(|p| p.capacity)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
            )
            .with_note(ctx.t(i18n::PJ_NOTE_EMPTY_NO_LIMIT).to_string()),
            Field::text(
                i18n::PJ_F_THRESHOLD,
                &p.map(|p| p.threshold_pct).unwrap_or(80).to_string(),
            )
            .with_note("%".into()),
        ];
        fields.extend(form_meta::fields(ctx, p.map(|p| &p.meta)));
        for (kind, label) in FollowUpKind::ALL.iter().zip(KIND_LABELS) {
            let days = kinds
                .iter()
                .find(|(k, _)| k == kind)
                .map(|(_, d)| d.to_string());
            let note = ctx.tf(i18n::PJ_NOTE_DUE_DAYS, &[&default_due_days(*kind)]);
            fields.push(Field::text(label, &days.unwrap_or_default()).with_note(note));
        }
        let mut f = ProjectForm {
            id,
            form: Form::new(fields),
        };
        if id.is_none() {
            f.form.set_text(CREDITS, "0");
        }
        f
    }

    /// Parses the fields; returns the values (parse failures replaced by harmless stand-ins)
    /// and records each parse problem on its field.
    fn parse(&mut self, lang: Lang, today: NaiveDate) -> (ProjectFields, Vec<(FollowUpKind, i64)>) {
        let t = |m: i18n::Msg| m.get(lang).to_string();
        let f = &mut self.form;
        f.clear_problems();
        let date = |f: &mut Form, i: usize| match parse_date(f.text(i)) {
            Some(d) => d,
            None => {
                f.set_problem(i, t(i18n::PJ_BAD_DATE));
                today
            }
        };
        let start_date = date(f, START);
        let end_date = date(f, END);
        let credits = match f.text(CREDITS).trim() {
            "" => 0.0,
            s => s.parse::<f64>().unwrap_or_else(|_| {
                f.set_problem(CREDITS, t(i18n::PJ_BAD_NUMBER));
                0.0
            }),
        };
        let capacity = match f.text(CAPACITY).trim() {
            "" => None,
            s => Some(s.parse::<i64>().unwrap_or_else(|_| {
                f.set_problem(CAPACITY, t(i18n::PJ_BAD_WHOLE_NUMBER));
                0
            })),
        };
        let threshold_pct = f
            .text(THRESHOLD)
            .trim()
            .trim_end_matches('%')
            .parse::<i64>()
            .unwrap_or_else(|_| {
                f.set_problem(THRESHOLD, t(i18n::PJ_BAD_WHOLE_NUMBER));
                80
            });
        let mut kinds = Vec::new();
        for (i, kind) in FollowUpKind::ALL.iter().enumerate() {
            let text = f.text(FOLLOW_UPS + i).trim().to_string();
            if text.is_empty() {
                continue;
            }
            match text.parse::<i64>() {
                Ok(d) => kinds.push((*kind, d)),
                Err(_) => f.set_problem(FOLLOW_UPS + i, t(i18n::PJ_BAD_WHOLE_NUMBER)),
            }
        }
        let fields = ProjectFields {
            code: f.text(CODE).trim().to_string(),
            title: f.text(TITLE).trim().to_string(),
            level: Level::ALL
                .get(f.choice(LEVEL))
                .copied()
                .unwrap_or(Level::District),
            plan: Plan::ALL
                .get(f.choice(PLAN))
                .copied()
                .unwrap_or(Plan::ContinuingEducation),
            concentrated: f.checked(CONCENTRATED),
            veto_scope: f.checked(VETO_SCOPE),
            credits,
            start_date,
            end_date,
            venue: f.text(VENUE).trim().to_string(),
            capacity,
            threshold_pct,
            meta: form_meta::parse(f, HOURS, lang),
        };
        (fields, kinds)
    }

    /// After ticking "concentrated" on a new project whose veto scope was not touched, the
    /// scope follows the default (`domain::veto::default_veto_scope`).
    pub fn follow_defaults(&mut self) {
        let untouched = self.form.fields.get(VETO_SCOPE).is_some_and(|f| !f.touched);
        if self.id.is_none() && untouched {
            let scope = default_veto_scope(self.form.checked(CONCENTRATED));
            if let Some(Field {
                kind: Kind::Check(on),
                ..
            }) = self.form.fields.get_mut(VETO_SCOPE)
            {
                *on = scope;
            }
        }
    }

    /// Re-validates every field (parsing here, rules in ops); returns the values.
    pub fn validate(&mut self, ctx: &Ctx) -> (ProjectFields, Vec<(FollowUpKind, i64)>) {
        let (fields, kinds) = self.parse(ctx.lang, ctx.today());
        match validate_project(ctx.conn(), self.id, &fields, &kinds) {
            Ok(problems) => {
                for p in problems {
                    let (i, text) = problem_text(&p, &fields, &kinds, ctx.lang);
                    self.form.set_problem(i, text);
                }
            }
            Err(e) => self.form.set_problem(CODE, e.text(ctx.lang)),
        }
        (fields, kinds)
    }

    /// The save intent, or None (focus on the first problem) when something is wrong.
    pub fn save(&mut self, ctx: &Ctx) -> Option<Intent> {
        let (fields, follow_ups) = self.validate(ctx);
        if let Some(i) = self.form.first_problem() {
            self.form.focus = i;
            return None;
        }
        Some(Intent::SaveProject {
            id: self.id,
            fields: Box::new(fields),
            follow_ups,
        })
    }
}

/// The field index and UI text of an ops problem.
fn problem_text(
    p: &FieldProblem,
    f: &ProjectFields,
    kinds: &[(FollowUpKind, i64)],
    lang: Lang,
) -> (usize, String) {
    let t = |m: i18n::Msg| m.get(lang).to_string();
    match p.field {
        "code" if f.code.trim().is_empty() => (CODE, t(i18n::PJ_CODE_REQUIRED)),
        "code" => (
            CODE,
            i18n::fill(i18n::PJ_CODE_TAKEN.get(lang), &[&f.code.trim()]),
        ),
        "title" => (TITLE, t(i18n::PJ_TITLE_REQUIRED)),
        "end_date" => (END, t(i18n::PJ_END_BEFORE_START)),
        "start_date" => (START, p.message.get(lang).to_string()),
        "credits" => (CREDITS, t(i18n::PJ_CREDITS_NEGATIVE)),
        "threshold_pct" => (THRESHOLD, t(i18n::PJ_THRESHOLD_RANGE)),
        "capacity" => (CAPACITY, t(i18n::PJ_CAPACITY_NEGATIVE)),
        "hours" => (HOURS, t(i18n::PJ_HOURS_NEGATIVE)),
        "budget_planned" => (BUDGET_PLANNED, p.message.get(lang).to_string()),
        "budget_spent" => (BUDGET_SPENT, p.message.get(lang).to_string()),
        "follow_ups" => {
            let i = kinds
                .iter()
                .position(|(_, d)| *d < 0)
                .and_then(|k| FollowUpKind::ALL.iter().position(|x| *x == kinds[k].0))
                .unwrap_or(0);
            (FOLLOW_UPS + i, t(i18n::PJ_DAYS_NEGATIVE))
        }
        _ => (CODE, p.message.get(lang).to_string()),
    }
}

/// A number without a needless ".0".
pub fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v}")
    }
}
