//! The tier form of the Teachers tab (`t` on a teacher): tier, level, date, 文号 and note of
//! a new tier step, saved as one audited write (`Intent::AddTierStep`). The fields are the
//! project forms' (`projects::fields`).

use crate::domain::tiers::has_levels;
use crate::domain::{parse_date, Tier, TierLevel};
use crate::store::tier_steps::TierStep;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::screens::projects::fields::{Event, Field, Form};
use crate::tui::widgets::window::window;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::Frame;

const TIER: usize = 0;
const LEVEL: usize = 1;
const DATE: usize = 2;
const DOC_NO: usize = 3;
const NOTE: usize = 4;

pub(super) struct TierForm {
    pub teacher_id: i64,
    pub name: String,
    pub form: Form,
}

impl TierForm {
    /// The form for teacher `id`, starting from the current tier and level, dated today.
    pub fn new(id: i64, name: &str, tier: Tier, level: Option<TierLevel>, ctx: &Ctx) -> TierForm {
        let zh = ctx.zh();
        let tiers = Tier::ALL.iter().map(|t| t.label(zh)).collect();
        let tier_i = Tier::ALL.iter().position(|t| *t == tier).unwrap_or(0);
        let mut levels = vec![ctx.t(i18n::TIER_NO_LEVEL)];
        levels.extend(TierLevel::ALL.iter().map(|l| l.label(zh)));
        let level_i = level
            .and_then(|l| TierLevel::ALL.iter().position(|x| *x == l))
            .map_or(0, |i| i + 1);
        let form = Form::new(vec![
            Field::choice(i18n::TIER_F_TIER, tiers, tier_i),
            Field::choice(i18n::TIER_F_LEVEL, levels, level_i),
            Field::text(i18n::TIER_F_DATE, &ctx.today().to_string()),
            Field::text(i18n::TIER_F_DOC_NO, ""),
            Field::text(i18n::TIER_F_NOTE, ""),
        ]);
        TierForm {
            teacher_id: id,
            name: name.to_string(),
            form,
        }
    }

    fn step(&self) -> Option<TierStep> {
        let tier = *Tier::ALL.get(self.form.choice(TIER))?;
        let level = self
            .form
            .choice(LEVEL)
            .checked_sub(1)
            .and_then(|i| TierLevel::ALL.get(i).copied());
        Some(TierStep {
            tier,
            level,
            since: parse_date(self.form.text(DATE).trim())?,
            doc_no: self.form.text(DOC_NO).trim().to_string(),
            note: self.form.text(NOTE).trim().to_string(),
        })
    }

    fn validate(&mut self, ctx: &Ctx) {
        self.form.clear_problems();
        if parse_date(self.form.text(DATE).trim()).is_none() {
            self.form
                .set_problem(DATE, ctx.t(i18n::TIER_BAD_DATE).to_string());
        }
        let tier = Tier::ALL.get(self.form.choice(TIER)).copied();
        if self.form.choice(LEVEL) > 0 && tier.is_some_and(|t| !has_levels(t)) {
            self.form
                .set_problem(LEVEL, ctx.t(i18n::TIER_NO_LEVELS).to_string());
        }
    }

    /// A key: the write on save (when every field is fine); `Some(None)` closes the form.
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Result<Option<Action>, ()> {
        match self.form.handle_key(key) {
            Event::Cancel => Err(()),
            Event::Save if !self.form.saving => {
                self.validate(ctx);
                if let Some(i) = self.form.first_problem() {
                    self.form.focus = i;
                    return Ok(None);
                }
                let Some(step) = self.step() else {
                    return Ok(None);
                };
                self.form.saving = true;
                Ok(Some(Action::write(Intent::AddTierStep {
                    teacher_id: self.teacher_id,
                    step,
                })))
            }
            _ => {
                self.validate(ctx);
                Ok(None)
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let r = centred(frame, area, 74, 9);
        let title = ctx.tf(i18n::TIER_TITLE, &[&self.name]);
        let inner = window(
            frame,
            r,
            Span::styled(format!(" {title} "), th.title()),
            th.border(),
        );
        if inner.height < 7 || inner.width < 30 {
            return;
        }
        let fields = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        self.form.render(frame, fields, ctx, 30);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(self.form.footer(ctx)),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}
