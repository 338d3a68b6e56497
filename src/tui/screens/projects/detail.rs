//! One project opened: its sessions, its enrolled teachers and its attendance matrix
//! (`[` / `]` switch between them), with the session form, the schedule form and the pickers.

use super::enrol::EnrolView;
use super::fields::Event;
use super::matrix::MatrixView;
use super::picker::{Picked, Picker};
use super::schedule::ScheduleForm;
use super::session_form::SessionForm;
use super::sessions::SessionsView;
use crate::domain::Project;
use crate::error::Result;
use crate::store::projects;
use crate::store::{enrolments, project_roster, schools};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry, KeyBinding, Move};
use crate::tui::screen::Ctx;
use crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sessions,
    Enrolled,
    Matrix,
    Places,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Sessions, Tab::Enrolled, Tab::Matrix, Tab::Places];
    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

use super::detail_keys::{Cmd, COMMON_KEYS, ENROL_KEYS, MATRIX_KEYS, PLACES_KEYS, SESSION_KEYS};
use super::places::PlacesView;

pub struct Detail {
    pub project: Project,
    pub tab: Tab,
    pub sessions: SessionsView,
    pub enrol: EnrolView,
    pub matrix: MatrixView,
    pub places: PlacesView,
    pub session_form: Option<SessionForm>,
    pub schedule: Option<ScheduleForm>,
    /// The needs-survey topic and audience this project was drafted from, if any.
    pub draft: Option<crate::store::survey_drafts::Draft>,
}

impl Detail {
    pub fn new(project: Project, tab: Tab) -> Detail {
        Detail {
            project,
            tab,
            sessions: SessionsView::default(),
            enrol: EnrolView::default(),
            matrix: MatrixView::default(),
            places: PlacesView::default(),
            session_form: None,
            schedule: None,
            draft: None,
        }
    }

    fn table(&self) -> &'static [KeyBinding<Cmd>] {
        match self.tab {
            Tab::Sessions => SESSION_KEYS,
            Tab::Enrolled => ENROL_KEYS,
            Tab::Matrix => MATRIX_KEYS,
            Tab::Places => PLACES_KEYS,
        }
    }

    pub fn help(&self) -> Vec<HelpEntry> {
        if self.session_form.is_some() {
            return super::session_form::help();
        }
        if self.schedule.is_some() {
            return super::fields::help();
        }
        if self.enrol.picker.is_some() {
            return super::picker::help();
        }
        let mut h = keymap::help(self.table());
        h.extend(COMMON_KEYS.help());
        h
    }

    /// A form or a picker's search box has the keys.
    pub fn wants_text_input(&self) -> bool {
        self.session_form.is_some()
            || self.schedule.is_some()
            || self.enrol.picker.as_ref().is_some_and(|p| p.typing)
            || self.tab == Tab::Places
    }

    pub fn has_unsaved(&self) -> bool {
        self.session_form.as_ref().is_some_and(|f| f.form.dirty)
            || self.schedule.as_ref().is_some_and(|f| f.form.dirty)
            || self
                .enrol
                .picker
                .as_ref()
                .is_some_and(|p| !p.ticked.is_empty())
            || self.places.dirty()
    }

    /// Re-reads the project and the shown view; false when the project is gone.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<bool> {
        let Some(p) = projects::get_project(ctx.conn(), self.project.id)? else {
            return Ok(false);
        };
        self.project = p;
        let id = self.project.id;
        self.sessions.reload(ctx, id)?;
        self.enrol.reload(ctx, id)?;
        self.draft = crate::store::survey_drafts::draft_of(ctx.conn(), id)?;
        if self.tab == Tab::Matrix {
            self.matrix.reload(ctx, id)?;
        }
        if self.tab == Tab::Places {
            self.places.reload(ctx, id)?;
        }
        Ok(true)
    }

    pub fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.session_form.is_some() {
            return self.session_form_key(key, ctx);
        }
        if self.schedule.is_some() {
            return self.schedule_key(key, ctx);
        }
        if self.enrol.picker.is_some() {
            return self.picker_key(key, ctx);
        }
        if self.tab == Tab::Places && self.places.edit_key(&key) {
            return None;
        }
        let cmd = keymap::lookup(self.table(), &key).or_else(|| COMMON_KEYS.lookup(&key))?;
        self.run(cmd, ctx)
    }

    /// A key for the open session form.
    fn session_form_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let f = self.session_form.as_mut()?;
        match f.handle_key(&key, &self.project, ctx.lang) {
            Event::Cancel => {
                self.session_form = None;
                None
            }
            Event::Save => {
                let intent = f.save(&self.project, ctx.lang)?;
                f.form.saving = true;
                Some(match super::session_form::reason_prompt(ctx, &intent) {
                    Some(prompt) => Action::AskReason { prompt, intent },
                    None => Action::write(intent),
                })
            }
            _ => None,
        }
    }

    /// A key for the open schedule form.
    fn schedule_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let f = self.schedule.as_mut()?;
        match f.handle_key(&key, &self.project, ctx.lang) {
            Event::Cancel => {
                self.schedule = None;
                None
            }
            Event::Save => match f.save(&self.project, ctx.lang) {
                Some(intent) => {
                    f.form.saving = true;
                    Some(Action::write(intent))
                }
                None if f.preview == Some(0) => Some(Action::Fail(
                    ctx.t(i18n::PJ_SCHEDULE_NOTHING_NEW).to_string(),
                )),
                None => None,
            },
            _ => None,
        }
    }

    /// A key for the open enrolment picker.
    fn picker_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let p = self.enrol.picker.as_mut()?;
        match p.handle_key(&key, ctx)? {
            Picked::Close => {
                self.enrol.picker = None;
                None
            }
            Picked::Teachers(ids) => Some(Action::write(Intent::EnrolTeachers {
                project_id: self.project.id,
                teacher_ids: ids,
                over_capacity: false,
            })),
            Picked::School(s) => {
                let n = enrolments::teacher_ids_of_school(ctx.conn(), s.id)
                    .map(|v| v.len())
                    .unwrap_or(0);
                Some(Action::Confirm {
                    question: ctx.tf(i18n::PJ_CONFIRM_SCHOOL, &[&s.name, &n, &self.project.code]),
                    then: Box::new(Action::write(Intent::EnrolSchool {
                        project_id: self.project.id,
                        school_id: s.id,
                        over_capacity: false,
                    })),
                })
            }
        }
    }

    /// A command of the shown view.
    fn run(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        match cmd {
            Cmd::Back => return Some(Action::Back),
            Cmd::NextView | Cmd::PrevView => {
                let i = self.tab.index();
                let n = Tab::ALL.len();
                let j = if cmd == Cmd::NextView {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                return self.show(Tab::ALL[j], ctx);
            }
            Cmd::Move(m) => self.scroll(m),
            Cmd::Left => self.matrix.left(),
            Cmd::Right => self.matrix.right(),
            Cmd::Sort => self.matrix.toggle_order(),
            Cmd::Unlimited => self.places.unlimited(),
            Cmd::LastYear => self.places.fill_last_year(ctx, self.project.id),
            Cmd::Split => self.places.split(ctx, self.project.capacity),
            Cmd::SavePlaces => return self.places.save(self.project.id),
            Cmd::Add if self.tab == Tab::Sessions => {
                let trainers = self.sessions.trainers.clone();
                self.session_form = Some(SessionForm::new(ctx, &self.project, None, trainers));
            }
            Cmd::Edit => {
                let s = self.sessions.selected()?.clone();
                let trainers = self.sessions.trainers.clone();
                self.session_form = Some(SessionForm::new(ctx, &self.project, Some(&s), trainers));
            }
            Cmd::Schedule => {
                self.schedule = Some(ScheduleForm::new(ctx, &self.project, &self.sessions.rows));
            }
            Cmd::Delete if self.tab == Tab::Sessions => return self.delete_session(ctx),
            Cmd::Add => self.enrol.picker = Some(Picker::teachers(ctx)),
            Cmd::School => match schools::list(ctx.conn()) {
                Ok(list) => self.enrol.picker = Some(Picker::schools(ctx, list)),
                Err(e) => {
                    return Some(Action::Fail(
                        ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                    ))
                }
            },
            Cmd::Delete => return self.remove_enrolment(ctx),
        }
        None
    }

    /// Deleting the selected session: asked first; refused while it has marks.
    fn delete_session(&self, ctx: &Ctx) -> Option<Action> {
        let s = self.sessions.selected()?;
        let intent = Intent::DeleteSession { session_id: s.id };
        let no = self.sessions.cursor + 1;
        // Attendance records are never deleted with their session (ops refuses too,
        // should a mark arrive meanwhile); say so briefly instead of asking first.
        let marks = self.sessions.marks_of(s.id);
        if marks > 0 {
            return Some(Action::Fail(
                ctx.tf(i18n::PJ_REFUSE_DELETE_SESSION, &[&no, &marks]),
            ));
        }
        Some(Action::Confirm {
            question: ctx.tf(i18n::PJ_CONFIRM_DELETE_SESSION, &[&no, &s.date]),
            then: Box::new(Action::write(intent)),
        })
    }

    /// Removing the selected enrolment: asked first; refused while it has marks.
    fn remove_enrolment(&self, ctx: &Ctx) -> Option<Action> {
        let t = self.enrol.selected()?;
        let marks = project_roster::marks_in_project(ctx.conn(), self.project.id, t.teacher_id)
            .unwrap_or(0);
        let intent = Intent::RemoveEnrolment {
            project_id: self.project.id,
            teacher_id: t.teacher_id,
        };
        if marks > 0 {
            return Some(Action::Fail(
                ctx.tf(i18n::PJ_REFUSE_REMOVE, &[&t.name, &marks]),
            ));
        }
        Some(Action::Confirm {
            question: ctx.tf(
                i18n::PJ_CONFIRM_REMOVE,
                &[&t.name, &t.school, &self.project.code],
            ),
            then: Box::new(Action::write(intent)),
        })
    }

    /// Moves the cursor of the shown view (keys and the mouse wheel); not while a form is open.
    pub fn scroll(&mut self, m: Move) {
        if self.session_form.is_some() || self.schedule.is_some() || self.enrol.picker.is_some() {
            return;
        }
        match self.tab {
            Tab::Sessions => self.sessions.moved(m),
            Tab::Enrolled => self.enrol.moved(m),
            Tab::Matrix => self.matrix.moved(m),
            Tab::Places => self.places.moved(m),
        }
    }

    /// Switches to `tab`, loading it.
    pub fn show(&mut self, tab: Tab, ctx: &Ctx) -> Option<Action> {
        self.tab = tab;
        if tab == Tab::Places {
            if let Err(e) = self.places.reload(ctx, self.project.id) {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ));
            }
        }
        if tab == Tab::Matrix {
            if let Err(e) = self.matrix.reload(ctx, self.project.id) {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ));
            }
        }
        None
    }
}
