//! `App::update`: the only place that acts on an action (writes go to `waiting.rs`).

use super::{waiting, App};
use crate::tui::action::{Action, Target};
use crate::tui::commands;
use crate::tui::i18n;
use crate::tui::overlays::{dialog, help::HelpOverlay, palette::Palette, Overlay};
use crate::tui::screens::TabId;
use crate::tui::theme::Theme;

impl App {
    pub(super) fn go_to(&mut self, i: usize) {
        if i != self.active {
            self.history.push(self.active);
            if self.history.len() > 32 {
                self.history.remove(0);
            }
            self.active = i;
            self.screens[i].on_show();
        }
        self.refresh_active();
    }

    /// The only place that acts on an action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.ask_quit(),
            Action::ForceQuit => self.quit = true,
            Action::Back => {
                if let Some(i) = self.history.pop() {
                    if i != self.active {
                        self.screens[i].on_show();
                    }
                    self.active = i;
                    self.refresh_active();
                }
            }
            Action::GoToTab(t) => self.go_to(t.index()),
            Action::NextTab => self.go_to((self.active + 1) % self.screens.len()),
            Action::PrevTab => {
                let n = self.screens.len();
                self.go_to((self.active + n - 1) % n)
            }
            Action::Open(target) => self.open(target),
            Action::OpenHelp => {
                let s = &self.screens[self.active];
                self.overlay = Some(Overlay::Help(HelpOverlay::new(s.title(), s.help())));
            }
            Action::OpenPalette => {
                let mut cmds = commands::global(self.shared.lang);
                for s in &self.screens {
                    cmds.extend(s.commands());
                }
                self.overlay = Some(Overlay::Palette(Palette::new(cmds)));
            }
            Action::SetTheme(name) => match Theme::load(Some(&name), self.shared.no_color) {
                Ok(t) => {
                    let t = t.for_depth(self.shared.colors);
                    let text = self.shared.ctx().tf(i18n::THEME_SET, &[&t.name]);
                    self.shared.theme = t;
                    self.set_toast(text, false);
                }
                Err(e) => self.set_toast(e.text(self.shared.lang), true),
            },
            Action::SetLanguage(lang) => {
                self.shared.lang = lang;
                self.data_changed();
            }
            Action::Reload => self.data_changed(),
            Action::Toast(text) => self.set_toast(text, false),
            Action::Fail(text) => self.set_toast(text, true),
            Action::Confirm { question, then } => {
                self.overlay = Some(Overlay::Confirm(dialog::Confirm {
                    question,
                    then: *then,
                }));
            }
            Action::AskReason { prompt, intent } => {
                self.overlay = Some(Overlay::Reason(dialog::ReasonPrompt::new(prompt, intent)));
            }
            Action::Write { intent, reason } => self.write(intent, reason),
            Action::Batch(list) => list.into_iter().for_each(|a| self.update(a)),
            Action::PreviewImport(request) => {
                let stamp = self.shared.stamp();
                let p = crate::tui::screens::import_preview::ImportPreview::compute(
                    &mut self.shared.db,
                    &stamp,
                    request,
                );
                self.overlay = Some(Overlay::ImportPreview(p));
            }
        }
    }

    /// Quits, unless writes are waiting or a form has unsaved input: then asks first.
    fn ask_quit(&mut self) {
        if self.waiting_writes() > 0 {
            let n = self.waiting_writes();
            self.overlay = Some(Overlay::Confirm(dialog::Confirm {
                question: self.shared.ctx().tf(waiting::QUIT_WAITING, &[&n]),
                then: Action::ForceQuit,
            }));
        } else if self.screens.iter().any(|s| s.has_unsaved()) {
            self.overlay = Some(Overlay::Confirm(dialog::Confirm {
                question: self.shared.ctx().t(i18n::QUIT_UNSAVED).to_string(),
                then: Action::ForceQuit,
            }));
        } else {
            self.quit = true;
        }
    }

    pub(super) fn open(&mut self, target: Target) {
        let tab = match target {
            Target::Teacher(_) | Target::TeacherSearch(_) => TabId::Teachers,
            Target::Project(_) | Target::NewCreditEntry => TabId::Projects,
            Target::Session(_) => TabId::CheckIn,
            Target::Trainer(_) => TabId::Starlight,
            Target::School(_) => TabId::Reports,
        };
        self.go_to(tab.index());
        let ctx = self.shared.ctx();
        self.screens[self.active].open(&target, &ctx);
    }

    pub(super) fn upsert_teacher(&mut self, id: i64) {
        if let Ok(entry) = crate::store::search_source::teacher_entry(&self.shared.db.conn, id) {
            match entry {
                Some(e) => self.shared.index.upsert(e),
                None => self.shared.index.remove(id),
            }
        }
    }
}
