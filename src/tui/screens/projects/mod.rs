//! Projects tab: the project list (filters, search), the project form, and one project's
//! sessions, enrolments and attendance matrix (detail.rs).
//!
//! Writes go out as intents; a form stays open (marked "saving") until its write's outcome
//! comes back (`on_written`, written.rs): it closes when the write is done and keeps
//! everything typed, saying why, when it is refused.

pub mod completion;
pub mod completion_view;
pub mod credit_form;
pub mod credit_form_view;
pub mod detail;
pub mod detail_keys;
pub mod detail_view;
pub mod enrol;
pub mod feedback;
pub mod feedback_grid;
pub mod feedback_grid_view;
pub mod feedback_view;
pub mod fields;
pub mod fields_view;
pub mod form;
pub mod form_meta;
pub mod list;
pub mod list_keys;
pub mod list_view;
pub mod matrix;
pub mod overlays;
pub mod picker;
pub mod places;
pub mod places_view;
pub mod schedule;
pub mod session_form;
pub mod sessions;
mod written;

use crate::error::Result;
use crate::store::projects as store_projects;
use crate::tui::action::{Action, Intent, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{HelpEntry, Move};
use crate::tui::outcome::Written;
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text_input::SearchKey;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use detail::{Detail, Tab};
use fields::Event;
use form::ProjectForm;
use list::ProjectList;
use ratatui::layout::Rect;
use ratatui::Frame;

use list_keys::{Cmd, KEYS};

#[derive(Default)]
pub struct ProjectsScreen {
    list: ProjectList,
    project_form: Option<ProjectForm>,
    detail: Option<Detail>,
    /// The completion review window (overlays.rs).
    completion: Option<completion::CompletionView>,
    /// The manual credit entry window (overlays.rs).
    credit_form: Option<credit_form::CreditForm>,
    /// The project's Feedback window (overlays.rs).
    feedback: Option<feedback::FeedbackView>,
    /// The bulk feedback grid over the Feedback window (overlays.rs).
    feedback_grid: Option<feedback_grid::FeedbackGrid>,
}

impl ProjectsScreen {
    pub fn new() -> Self {
        ProjectsScreen {
            list: ProjectList::new(),
            ..Self::default()
        }
    }

    fn open_detail(&mut self, tab: Tab, ctx: &Ctx) -> Option<Action> {
        let p = self.list.selected()?.clone();
        let mut d = Detail::new(p, tab);
        if let Err(e) = d.reload(ctx) {
            return Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            ));
        }
        let a = d.show(tab, ctx);
        self.detail = Some(d);
        a
    }

    fn list_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.list.typing {
            match self.list.search.search_key(&key) {
                SearchKey::Cleared { .. } => {
                    self.list.typing = false;
                    self.list.run_search();
                }
                SearchKey::Done => self.list.typing = false,
                SearchKey::Move(m) => self.list.moved(m),
                SearchKey::Edited => {
                    self.list.cursor = 0;
                    self.list.run_search();
                }
                SearchKey::Ignored => {}
            }
            return None;
        }
        match KEYS.lookup(&key)? {
            Cmd::Search => self.list.typing = true,
            Cmd::Move(m) => self.list.moved(m),
            Cmd::Open(tab) => return self.open_detail(tab, ctx),
            Cmd::New => {
                let mut f = ProjectForm::new(ctx);
                f.validate(ctx);
                self.project_form = Some(f);
            }
            Cmd::Edit => {
                let p = self.list.selected()?.clone();
                let kinds = store_projects::follow_up_kinds(ctx.conn(), p.id).unwrap_or_default();
                let mut f = ProjectForm::edit(ctx, &p, &kinds);
                f.validate(ctx);
                self.project_form = Some(f);
            }
            Cmd::Filter(k) => {
                self.list.cycle_filter(k);
                if let Err(e) = self.list.reload(ctx) {
                    return Some(Action::Fail(
                        ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                    ));
                }
            }
            Cmd::Back => {
                if self.list.search.is_empty() {
                    return Some(Action::Back);
                }
                self.list.search.clear();
                self.list.run_search();
            }
        }
        None
    }

    fn form_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let f = self.project_form.as_mut()?;
        match f.form.handle_key(&key) {
            Event::Cancel => self.project_form = None,
            Event::Changed | Event::Left(_) => {
                f.follow_defaults();
                f.validate(ctx);
            }
            Event::Save => {
                let intent = f.save(ctx)?;
                f.form.saving = true;
                return Some(Action::write(intent));
            }
            Event::None => {}
        }
        None
    }

    fn render_form(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, f: &ProjectForm) {
        let title = if f.id.is_some() {
            i18n::PJ_EDIT_PROJECT
        } else {
            i18n::PJ_NEW_PROJECT
        };
        f.form.render_titled(frame, area, ctx, title, 26);
    }
}

impl Screen for ProjectsScreen {
    fn title(&self) -> Msg {
        i18n::TAB_PROJECTS
    }

    fn help(&self) -> Vec<HelpEntry> {
        if let Some(h) = self.overlay_help() {
            return h;
        }
        if self.project_form.is_some() {
            return fields::help();
        }
        match &self.detail {
            Some(d) if d.wants_text_input() => d.help(),
            Some(d) => overlays::list_help(d.help()),
            None => overlays::list_help(KEYS.help()),
        }
    }

    fn wants_text_input(&self) -> bool {
        self.overlay_open()
            || self.project_form.is_some()
            || self.detail.as_ref().is_some_and(|d| d.wants_text_input())
            || (self.detail.is_none() && self.list.typing)
    }

    fn has_unsaved(&self) -> bool {
        self.overlay_unsaved()
            || self.project_form.as_ref().is_some_and(|f| f.form.dirty)
            || self.detail.as_ref().is_some_and(|d| d.has_unsaved())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.overlay_open() {
            return self.overlay_key(key, ctx);
        }
        if let Some(a) = self.open_review_key(&key, ctx) {
            return a;
        }
        if let Some(a) = self.open_feedback_key(&key, ctx) {
            return a;
        }
        if self.project_form.is_some() {
            self.form_key(key, ctx)
        } else if let Some(d) = &mut self.detail {
            match d.handle_key(key, ctx) {
                Some(Action::Back) => {
                    self.detail = None;
                    None
                }
                other => other,
            }
        } else {
            self.list_key(key, ctx)
        }
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, ctx: &Ctx) -> Option<Action> {
        if self.project_form.is_some() || self.overlay_open() {
            return None;
        }
        let m = match ev.kind {
            MouseEventKind::ScrollDown => Move::Down,
            MouseEventKind::ScrollUp => Move::Up,
            MouseEventKind::Down(MouseButton::Left) if self.detail.is_none() => {
                let on_selected = self.list.selected().map(|p| p.id);
                if self.list.click(ev.column, ev.row)
                    && on_selected == self.list.selected().map(|p| p.id)
                {
                    // A click on the selected project opens it.
                    return self.open_detail(Tab::Sessions, ctx);
                }
                return None;
            }
            _ => return None,
        };
        match &mut self.detail {
            Some(d) => d.scroll(m),
            None => self.list.moved(m),
        }
        None
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if let Some(f) = &self.project_form {
            self.render_form(frame, area, ctx, f);
        } else {
            match &mut self.detail {
                Some(d) => d.render(frame, area, ctx),
                None => self.list.render(frame, area, ctx),
            }
        }
        self.render_overlay(frame, area, ctx);
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.list.reload(ctx)?;
        if let Some(d) = &mut self.detail {
            if !d.reload(ctx)? {
                self.detail = None;
            }
        }
        self.reload_overlay(ctx)?;
        if let Some(f) = &mut self.project_form {
            if !f.form.saving {
                f.validate(ctx);
            }
        }
        Ok(())
    }

    fn on_written(&mut self, intent: &Intent, written: &Written, ctx: &Ctx) {
        self.written(intent, written, ctx);
    }

    fn open(&mut self, target: &Target, ctx: &Ctx) -> bool {
        if *target == Target::NewCreditEntry {
            self.open_credit_form(ctx);
            return true;
        }
        let Target::Project(id) = target else {
            return false;
        };
        self.project_form = None;
        self.detail = None;
        if !self.list.select(*id) {
            self.list.filter = Default::default();
            self.list.search.clear();
            if self.list.reload(ctx).is_err() || !self.list.select(*id) {
                return false;
            }
        }
        self.open_detail(Tab::Sessions, ctx);
        true
    }
}
