//! Starlight tab (星光讲师团): every trainer with their school, status, six competency levels
//! and sessions taught; `/` pinyin-aware search, a status filter, a detail pane with the
//! competency bar chart, and a small form to change status and levels (`e`).

mod assess;
mod assign;
mod detail;
mod form;
mod keys;
mod list;

pub use list::trainer_matches;

use crate::domain::starlight::term_of;
use crate::domain::TrainerStatus;
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::trainer_life;
use crate::store::trainer_list::{self, TaughtSession, TrainerLine};
use crate::tui::action::{Action, Intent, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::outcome::Written;
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text_input::{SearchKey, TextInput};
use chrono::Datelike;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use form::{TrainerForm, FORM_KEYS};
use keys::{Cmd, KEYS};
use ratatui::layout::Rect;
use ratatui::Frame;

/// Sessions listed in the detail pane.
const SESSIONS_SHOWN: usize = 20;
/// Assessments listed in the detail pane.
const ASSESSMENTS_SHOWN: usize = 3;

#[derive(Default)]
pub struct StarlightScreen {
    rows: Vec<TrainerLine>,
    /// Full pinyin and initials of each row's name ('|' between readings).
    keys: Vec<(String, String)>,
    shown: Vec<usize>,
    cursor: usize,
    search: TextInput,
    typing: bool,
    status: Option<TrainerStatus>,
    sessions: Vec<TaughtSession>,
    sessions_of: Option<i64>,
    extras: detail::Extras,
    assign: Option<assign::AssignPicker>,
    form: Option<TrainerForm>,
    assess: Option<assess::AssessForm>,
    page: usize,
    first: usize,
    rows_area: Rect,
}

impl StarlightScreen {
    pub fn new() -> Self {
        StarlightScreen {
            page: 10,
            ..Self::default()
        }
    }

    fn selected(&self) -> Option<&TrainerLine> {
        self.shown.get(self.cursor).map(|i| &self.rows[*i])
    }

    fn matches(&self, i: usize, needle: &str) -> bool {
        if let Some(s) = self.status {
            if self.rows[i].trainer.status != s {
                return false;
            }
        }
        needle.is_empty() || trainer_matches(&self.rows[i], &self.keys[i], needle)
    }

    /// Re-applies search and filter, keeping the selected trainer when still shown.
    fn filter(&mut self) {
        let keep = self.selected().map(|l| l.trainer.id);
        let needle = self.search.text().trim().to_lowercase();
        self.shown = (0..self.rows.len())
            .filter(|i| self.matches(*i, &needle))
            .collect();
        self.cursor = keep
            .and_then(|id| {
                self.shown
                    .iter()
                    .position(|i| self.rows[*i].trainer.id == id)
            })
            .unwrap_or(0);
    }

    /// Loads the selected trainer's sessions when the selection changed.
    fn load_sessions(&mut self, ctx: &Ctx, force: bool) -> Result<()> {
        let id = self.selected().map(|l| l.trainer.id);
        if id == self.sessions_of && !force {
            return Ok(());
        }
        self.sessions = match id {
            Some(id) => trainer_list::sessions_taught(ctx.conn(), id, SESSIONS_SHOWN)?,
            None => Vec::new(),
        };
        self.extras = match id {
            Some(id) => extras(ctx, id)?,
            None => detail::Extras::default(),
        };
        self.sessions_of = id;
        Ok(())
    }

    fn after_change(&mut self, ctx: &Ctx) -> Option<Action> {
        match self.load_sessions(ctx, false) {
            Ok(()) => None,
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    fn move_to(&mut self, m: Move, ctx: &Ctx) -> Option<Action> {
        self.cursor = keymap::apply_move(self.cursor, self.shown.len(), self.page, m);
        self.after_change(ctx)
    }

    fn handle_form_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        let cmd = keymap::lookup(FORM_KEYS, key)?;
        let form = self.form.as_mut()?;
        let reason_prompt = ctx.tf(i18n::SL_LEVELS_REASON, &[&form.name]);
        form.handle(cmd, reason_prompt).for_form(&mut self.form)
    }

    /// `a`: the session picker for the selected trainer.
    fn open_assign(&mut self, ctx: &Ctx) -> Option<Action> {
        let t = &self.selected()?.trainer;
        let (trainer_id, name) = (t.id, t.name.clone());
        match trainer_life::open_sessions(ctx.conn(), ctx.today(), assign::OFFERED) {
            Ok(sessions) => {
                self.assign = Some(assign::AssignPicker {
                    trainer_id,
                    name,
                    sessions,
                    cursor: 0,
                    refused: None,
                });
                None
            }
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    fn handle_typing(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        match self.search.search_key(key) {
            SearchKey::Cleared { .. } => {
                self.typing = false;
                self.filter();
            }
            SearchKey::Done => self.typing = false,
            SearchKey::Move(m) => return self.move_to(m, ctx),
            SearchKey::Edited => {
                self.cursor = 0;
                self.filter();
            }
            SearchKey::Ignored => {}
        }
        self.after_change(ctx)
    }
}

/// Trainer `id`'s load this term and this calendar year, life cycle, latest assessments and
/// trainees' average rating.
fn extras(ctx: &Ctx, id: i64) -> Result<detail::Extras> {
    let today = ctx.today();
    let (from, to) = term_of(today);
    let year_from = today.with_ordinal(1).unwrap_or(today);
    let year_to = year_from
        .with_year(today.year() + 1)
        .unwrap_or(today)
        .pred_opt()
        .unwrap_or(today);
    Ok(detail::Extras {
        term: trainer_life::load(ctx.conn(), id, from, to)?,
        year: trainer_life::load(ctx.conn(), id, year_from, year_to)?,
        life: trainer_life::life_cycle(ctx.conn(), id)?.unwrap_or_default(),
        assessments: trainer_life::assessments(ctx.conn(), id, ASSESSMENTS_SHOWN)?,
        feedback: crate::store::feedback::trainer_feedback_average(ctx.conn(), id)?,
    })
}

impl Screen for StarlightScreen {
    fn title(&self) -> Msg {
        i18n::TAB_STARLIGHT
    }

    fn help(&self) -> Vec<HelpEntry> {
        if self.assess.is_some() {
            return crate::tui::screens::projects::fields::help();
        }
        let mut h = KEYS.help();
        h.extend(keymap::help(FORM_KEYS));
        h
    }

    fn wants_text_input(&self) -> bool {
        self.typing || self.form.is_some() || self.assign.is_some() || self.assess.is_some()
    }

    fn has_unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(TrainerForm::is_dirty)
            || self
                .assess
                .as_ref()
                .is_some_and(|a| a.form.dirty && !a.form.saving)
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.assess.is_some() {
            return self.handle_assess_key(&key, ctx);
        }
        if self.form.is_some() {
            return self.handle_form_key(&key, ctx);
        }
        if let Some(picker) = self.assign.as_mut() {
            return match picker.handle(&key) {
                assign::Picked::Keep => None,
                assign::Picked::Close => {
                    self.assign = None;
                    None
                }
                assign::Picked::Run(a) => Some(a),
            };
        }
        if self.typing {
            return self.handle_typing(&key, ctx);
        }
        match KEYS.lookup(&key)? {
            Cmd::Move(m) => self.move_to(m, ctx),
            Cmd::Search => {
                self.typing = true;
                None
            }
            Cmd::FilterStatus => {
                let all = TrainerStatus::ALL;
                self.status = match self.status {
                    None => all.first().copied(),
                    Some(s) => all
                        .iter()
                        .position(|x| *x == s)
                        .and_then(|i| all.get(i + 1))
                        .copied(),
                };
                self.filter();
                self.after_change(ctx)
            }
            Cmd::Edit => {
                if ctx.read_only() {
                    return Some(Action::Fail(ctx.t(i18n::READ_ONLY_REFUSED).to_string()));
                }
                self.form = self.selected().map(|l| TrainerForm::new(&l.trainer));
                None
            }
            Cmd::Promote | Cmd::Exit | Cmd::Assign | Cmd::Assess if ctx.read_only() => {
                Some(Action::Fail(ctx.t(i18n::READ_ONLY_REFUSED).to_string()))
            }
            Cmd::Assign => self.open_assign(ctx),
            Cmd::Assess => self.open_assess(ctx),
            Cmd::Promote => {
                let trainer_id = self.selected()?.trainer.id;
                Some(Action::write(Intent::PromoteTrainer { trainer_id }))
            }
            Cmd::Exit => {
                let t = &self.selected()?.trainer;
                Some(Action::AskReason {
                    prompt: ctx.tf(i18n::SL_EXIT_REASON, &[&t.name]),
                    intent: Intent::ExitTrainer { trainer_id: t.id },
                })
            }
            Cmd::Back => {
                if self.search.is_empty() && self.status.is_none() {
                    return Some(Action::Back);
                }
                self.search.clear();
                self.status = None;
                self.filter();
                self.after_change(ctx)
            }
        }
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, ctx: &Ctx) -> Option<Action> {
        if self.form.is_some() || self.assess.is_some() {
            return None;
        }
        match ev.kind {
            MouseEventKind::ScrollDown => self.move_to(Move::Down, ctx),
            MouseEventKind::ScrollUp => self.move_to(Move::Up, ctx),
            MouseEventKind::Down(MouseButton::Left)
                if self.rows_area.contains((ev.column, ev.row).into()) =>
            {
                let i = self.first + (ev.row - self.rows_area.y) as usize;
                if i < self.shown.len() {
                    self.cursor = i;
                }
                self.after_change(ctx)
            }
            _ => None,
        }
    }

    fn open(&mut self, target: &Target, ctx: &Ctx) -> bool {
        let Target::Trainer(id) = target else {
            return false;
        };
        self.search.clear();
        self.typing = false;
        self.status = None;
        self.filter();
        if let Some(pos) = self
            .shown
            .iter()
            .position(|i| self.rows[*i].trainer.id == *id)
        {
            self.cursor = pos;
        }
        let _ = self.load_sessions(ctx, false);
        true
    }

    /// The form closes once its change is written; a refusal stays in it, with the levels set.
    fn on_written(&mut self, intent: &Intent, written: &Written, _ctx: &Ctx) {
        if let Intent::RecordAssessment { assessment } = intent {
            let form = self.assess.as_mut();
            let ours = form.filter(|f| f.trainer_id == assessment.trainer_id);
            if ours.is_some_and(|f| f.form.written(written)) {
                self.assess = None;
            }
            return;
        }
        if let (Intent::AssignTrainer { .. }, Some(picker)) = (intent, self.assign.as_mut()) {
            match written {
                Written::Done(_) => self.assign = None,
                Written::Refused(why) => picker.refused = Some(why.clone()),
                Written::Waiting | Written::Cancelled => {}
            }
            return;
        }
        let Intent::UpdateTrainer { trainer_id, .. } = intent else {
            return;
        };
        let Some(form) = self.form.as_mut().filter(|f| f.trainer_id == *trainer_id) else {
            return;
        };
        match written {
            Written::Done(_) => self.form = None,
            Written::Refused(why) => form.refused = Some(why.clone()),
            Written::Waiting | Written::Cancelled => {}
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = self.selected().map(|l| l.trainer.id);
        // In pinyin order (as the Teachers tab), not by code point: 何 冉 冯 刘 read as random.
        let mut rows: Vec<((String, String), TrainerLine)> =
            trainer_list::trainer_lines(ctx.conn(), ctx.now)?
                .into_iter()
                .map(|r| (pinyin_keys(&r.trainer.name), r))
                .collect();
        rows.sort_by(|(a, ra), (b, rb)| {
            (&a.0, &ra.trainer.name, ra.trainer.id).cmp(&(&b.0, &rb.trainer.name, rb.trainer.id))
        });
        (self.keys, self.rows) = rows.into_iter().unzip();
        self.filter();
        if let Some(id) = keep {
            if let Some(pos) = self
                .shown
                .iter()
                .position(|i| self.rows[*i].trainer.id == id)
            {
                self.cursor = pos;
            }
        }
        self.load_sessions(ctx, true)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 6 || area.width < 20 {
            return;
        }
        let (list_area, detail_area) = if area.width >= 110 {
            let lw = area.width * 11 / 20;
            (
                Rect { width: lw, ..area },
                Rect {
                    x: area.x + lw + 1,
                    width: area.width - lw - 1,
                    ..area
                },
            )
        } else {
            // The pane wants a border, two header lines, the load (and selection or exit),
            // six bars, a title and the sessions, then the assessments;
            // it gets 12 lines at 80×24, more from a taller terminal (half of it) or from a
            // short list (search line, header and the rows shown).
            let x = &self.extras;
            let life = u16::from(x.life.selected_on.is_some() || x.life.exited_on.is_some());
            let assessed = match x.assessments.len() {
                0 => 0,
                n => 1 + n as u16,
            };
            let want = 11 + life + self.sessions.len().max(1) as u16 + assessed;
            let list_want = 2 + self.shown.len().max(4) as u16;
            let most = 12
                .max(area.height / 2)
                .max(area.height.saturating_sub(list_want));
            let dh = want.clamp(12, most).min(area.height.saturating_sub(5));
            (
                Rect {
                    height: area.height - dh,
                    ..area
                },
                Rect {
                    y: area.bottom() - dh,
                    height: dh,
                    ..area
                },
            )
        };
        self.render_list(frame, list_area, ctx);
        let line = self.selected().cloned();
        let fresh = line.as_ref().map(|l| l.trainer.id) == self.sessions_of;
        let (sessions, extras) = if fresh {
            (&self.sessions[..], Some(&self.extras))
        } else {
            (&[][..], None)
        };
        let beside = detail_area.x > list_area.x;
        detail::render(
            frame,
            detail_area,
            line.as_ref(),
            sessions,
            extras,
            ctx,
            beside,
        );
        if let Some(picker) = &self.assign {
            let h = 12.min(area.height);
            let picker_area = Rect {
                y: area.bottom().saturating_sub(h),
                height: h,
                ..detail_area
            };
            picker.render(frame, picker_area, ctx);
        }
        if let Some(form) = &self.form {
            let h = 10.min(area.height);
            let form_area = Rect {
                y: area.bottom().saturating_sub(h),
                height: h,
                ..detail_area
            };
            form.render(frame, form_area, ctx);
        }
        if let Some(form) = &self.assess {
            form.render(frame, area, ctx);
        }
    }
}
