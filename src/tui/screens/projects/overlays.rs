//! The windows the Projects tab draws over its list or opened project: the completion
//! review (`F`, completion.rs), the manual credit form (`:credit add`, credit_form.rs) and
//! the project's feedback (`R`, feedback.rs).
//! While one is open it takes every key.

use super::completion::{self, CompletionView};
use super::credit_form::CreditForm;
use super::feedback::FeedbackView;
use super::feedback_grid::FeedbackGrid;
use super::fields::Event;
use super::ProjectsScreen;
use crate::tui::action::Action;
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry};
use crate::tui::screen::Ctx;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

impl ProjectsScreen {
    /// True while a window is open.
    pub(super) fn overlay_open(&self) -> bool {
        self.completion.is_some()
            || self.credit_form.is_some()
            || self.feedback.is_some()
            || self.feedback_grid.is_some()
    }

    pub(super) fn overlay_help(&self) -> Option<Vec<HelpEntry>> {
        if self.feedback_grid.is_some() {
            return Some(super::feedback_grid_view::help());
        }
        if self.credit_form.is_some() {
            return Some(super::credit_form::help());
        }
        if self.feedback.is_some() {
            return Some(super::feedback::help());
        }
        self.completion.as_ref().map(|_| completion::help())
    }

    pub(super) fn overlay_unsaved(&self) -> bool {
        self.credit_form
            .as_ref()
            .is_some_and(|f| f.form.dirty && !f.form.saving)
            || self
                .feedback_grid
                .as_ref()
                .is_some_and(|g| g.is_dirty() && !g.saving)
    }

    /// The key that opens the review, on the list or an opened project (not while typing).
    pub(super) fn open_review_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Option<Action>> {
        if !completion::opens(key) || self.project_form.is_some() {
            return None;
        }
        let project_id = match &self.detail {
            Some(d) if d.wants_text_input() => return None,
            Some(d) => d.project.id,
            None if self.list.typing => return None,
            None => self.list.selected()?.id,
        };
        Some(match CompletionView::open(ctx, project_id) {
            Ok(v) => {
                self.completion = Some(v);
                None
            }
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        })
    }

    /// The key that opens the Feedback window, on the list or an opened project.
    pub(super) fn open_feedback_key(
        &mut self,
        key: &KeyEvent,
        ctx: &Ctx,
    ) -> Option<Option<Action>> {
        if !super::feedback::opens(key) || self.project_form.is_some() {
            return None;
        }
        let project_id = match &self.detail {
            Some(d) if d.wants_text_input() => return None,
            Some(d) => d.project.id,
            None if self.list.typing => return None,
            None => self.list.selected()?.id,
        };
        Some(match FeedbackView::open(ctx, project_id) {
            Ok(v) => {
                self.feedback = Some(v);
                None
            }
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        })
    }

    /// A key for the open window.
    pub(super) fn overlay_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if let Some(g) = &mut self.feedback_grid {
            let (action, close) = g.handle_key(&key, ctx);
            if close {
                self.feedback_grid = None;
            }
            return action;
        }
        if let Some(f) = &mut self.credit_form {
            if let Some(a) = f.ledger_key(&key, ctx) {
                return a;
            }
            if key.code == crossterm::event::KeyCode::F(1) {
                return Some(Action::OpenHelp);
            }
            return match f.handle_key(&key, ctx) {
                Event::Cancel => {
                    self.credit_form = None;
                    None
                }
                Event::Save => f.save(ctx).map(Action::write),
                _ => None,
            };
        }
        if let Some(v) = &mut self.feedback {
            if v.handle_key(&key) {
                self.feedback = None;
                return None;
            }
            if std::mem::take(&mut v.grid_asked) {
                if ctx.read_only() {
                    return Some(Action::Fail(ctx.t(i18n::READ_ONLY_REFUSED).to_string()));
                }
                return match FeedbackGrid::open(ctx, v.project_id, &v.code, &v.title) {
                    Ok(g) => {
                        self.feedback_grid = Some(g);
                        None
                    }
                    Err(e) => Some(Action::Fail(
                        ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                    )),
                };
            }
            return std::mem::take(&mut v.help_asked).then_some(Action::OpenHelp);
        }
        let v = self.completion.as_mut()?;
        match v.handle_key(&key) {
            Some(action) => {
                self.completion = None;
                action
            }
            None if std::mem::take(&mut v.help_asked) => Some(Action::OpenHelp),
            None => None,
        }
    }

    /// Opens the manual credit form (`Target::NewCreditEntry`).
    pub(super) fn open_credit_form(&mut self, ctx: &Ctx) {
        let mut f = CreditForm::new(ctx);
        f.validate(ctx);
        self.completion = None;
        self.credit_form = Some(f);
    }

    pub(super) fn render_overlay(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if let Some(g) = &mut self.feedback_grid {
            g.render(frame, area, ctx);
        } else if let Some(f) = &self.credit_form {
            f.render(frame, area, ctx);
        } else if let Some(v) = &mut self.feedback {
            v.render(frame, area, ctx);
        } else if let Some(v) = &mut self.completion {
            v.render(frame, area, ctx);
        }
    }

    /// After any reload: the review is recomputed, the credit form's ledger re-read.
    pub(super) fn reload_overlay(&mut self, ctx: &Ctx) -> crate::error::Result<()> {
        if let Some(v) = &mut self.completion {
            v.reload(ctx)?;
        }
        if let Some(f) = &mut self.credit_form {
            f.load_ledger(ctx);
        }
        if let Some(v) = &mut self.feedback {
            v.reload(ctx)?;
        }
        Ok(())
    }
}

/// A list's or an opened project's help with the review key first.
pub fn list_help(table: Vec<HelpEntry>) -> Vec<HelpEntry> {
    let mut h = keymap::help(completion::OPEN_KEYS);
    h.extend(keymap::help(super::feedback::OPEN_KEYS));
    h.extend(table);
    h
}
