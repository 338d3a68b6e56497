//! What the Projects tab does with its writes' outcomes (`Screen::on_written`): the form that
//! sent a save closes when it is written and keeps everything typed, saying why, when it is
//! refused. The outcome names the intent it answers, so no reload has to guess.

use super::ProjectsScreen;
use crate::tui::action::Intent;
use crate::tui::outcome::{Changed, Written};
use crate::tui::screen::Ctx;

impl ProjectsScreen {
    pub(super) fn written(&mut self, intent: &Intent, written: &Written, ctx: &Ctx) {
        match intent {
            Intent::SaveProject { id, .. } => {
                let Some(f) = self.project_form.as_mut().filter(|f| f.id == *id) else {
                    return;
                };
                if f.form.written(written) {
                    self.project_form = None;
                    if let Written::Done(Changed::Project(id)) = written {
                        self.show_project(*id, ctx);
                    }
                }
            }
            Intent::AddSession { .. } | Intent::EditSession { .. } => {
                let Some(d) = self.detail.as_mut() else {
                    return;
                };
                if d.session_form
                    .as_mut()
                    .is_some_and(|f| f.form.written(written))
                {
                    d.session_form = None;
                }
            }
            Intent::ScheduleSessions { .. } => {
                let Some(d) = self.detail.as_mut() else {
                    return;
                };
                if d.schedule.as_mut().is_some_and(|f| f.form.written(written)) {
                    d.schedule = None;
                }
            }
            Intent::EnrolTeachers { .. } | Intent::EnrolSchool { .. } => {
                let Some(d) = self.detail.as_mut() else {
                    return;
                };
                // The picker keeps its ticks on a refusal and says why.
                match written {
                    Written::Done(_) => d.enrol.picker = None,
                    Written::Refused(why) => {
                        if let Some(p) = d.enrol.picker.as_mut() {
                            p.refused = Some(why.clone());
                        }
                    }
                    Written::Waiting | Written::Cancelled => {}
                }
            }
            Intent::SaveAllotments { .. } => {
                if let (Some(d), Written::Done(_)) = (self.detail.as_mut(), written) {
                    d.places.saved();
                }
            }
            Intent::GiveFeedbackBatch { project_id, .. } => {
                let grid = self.feedback_grid.as_mut();
                let ours = grid.filter(|g| g.project_id == *project_id);
                if ours.is_some_and(|g| g.written(written)) {
                    self.feedback_grid = None;
                }
            }
            Intent::RegisterCredit { .. } => {
                let form = self.credit_form.as_mut();
                if form.is_some_and(|f| f.form.written(written)) {
                    self.credit_form = None;
                }
            }
            _ => {}
        }
    }

    /// Selects project `id` in the list (clearing a search that hides it).
    fn show_project(&mut self, id: i64, ctx: &Ctx) {
        if self.list.select(id) {
            return;
        }
        self.list.search.clear();
        self.list.run_search();
        // The list may not have re-read yet (the tab was not shown when the save landed).
        if !self.list.select(id) && self.list.reload(ctx).is_ok() {
            self.list.select(id);
        }
    }
}
