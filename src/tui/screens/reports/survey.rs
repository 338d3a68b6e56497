//! The needs survey (训前调研, Reports › `n`): a survey's answers by topic (bars), subject,
//! stage and preferred form, with the response rate against teachers in service; `f` and `l`
//! filter by subject and stage, `[` `]` choose the survey, Enter on a topic makes a draft
//! project of it (`Intent::DraftProjectFromSurvey`, ops::survey_draft), which then opens in
//! the Projects tab. Surveys come in with `liaoyuan import survey FILE`. Drawn in
//! survey_view.rs.

use crate::domain::Stage;
use crate::error::Result;
use crate::store::surveys::{self, Survey, SurveyFilter, SurveySummary};
use crate::tui::action::{Action, Intent};
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::ListState;
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Default)]
pub(super) struct SurveyView {
    pub(super) surveys: Vec<Survey>,
    /// Index into `surveys` of the survey shown.
    pub(super) current: usize,
    pub(super) filter: SurveyFilter,
    pub(super) summary: SurveySummary,
    /// The subjects and stages of the whole survey: what `f` and `l` step through.
    subjects: Vec<String>,
    stages: Vec<Stage>,
    /// The cursor over the topics.
    pub(super) list: ListState,
}

/// What a key did in the view.
pub(super) enum SurveyKey {
    Close,
    Act(Action),
    Nothing,
}

impl SurveyView {
    pub(super) fn load(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = self.survey().map(|s| s.id);
        self.surveys = surveys::surveys(ctx.conn())?;
        self.current = keep
            .and_then(|id| self.surveys.iter().position(|s| s.id == id))
            .unwrap_or(0);
        self.read(ctx)
    }

    pub(super) fn survey(&self) -> Option<&Survey> {
        self.surveys.get(self.current)
    }

    /// Reads the summary of the current survey under the filter.
    fn read(&mut self, ctx: &Ctx) -> Result<()> {
        let Some(id) = self.survey().map(|s| s.id) else {
            self.summary = SurveySummary::default();
            return Ok(());
        };
        let all = surveys::summary(ctx.conn(), id, &SurveyFilter::default())?;
        self.subjects = all
            .by_subject
            .iter()
            .map(|(s, _)| s.clone())
            .filter(|s| !s.is_empty())
            .collect();
        self.stages = all.by_stage.iter().filter_map(|(s, _)| *s).collect();
        self.summary = if self.filter == SurveyFilter::default() {
            all
        } else {
            surveys::summary(ctx.conn(), id, &self.filter)?
        };
        let n = self.summary.by_topic.len();
        self.list.cursor = self.list.cursor.min(n.saturating_sub(1));
        Ok(())
    }

    pub(super) fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Result<SurveyKey> {
        match key.code {
            KeyCode::Esc => return Ok(SurveyKey::Close),
            KeyCode::Char('f') => {
                self.filter.subject = next(&self.subjects, self.filter.subject.as_ref());
                self.read(ctx)?;
            }
            KeyCode::Char('l') => {
                self.filter.stage = next(&self.stages, self.filter.stage.as_ref());
                self.read(ctx)?;
            }
            KeyCode::Char('[') | KeyCode::Char(']') if !self.surveys.is_empty() => {
                let n = self.surveys.len();
                // Newest first: `]` goes to the older survey.
                self.current = if key.code == KeyCode::Char(']') {
                    (self.current + 1) % n
                } else {
                    (self.current + n - 1) % n
                };
                self.filter = SurveyFilter::default();
                self.list.cursor = 0;
                self.read(ctx)?;
            }
            KeyCode::Enter => {
                let (Some(s), Some((topic, _))) =
                    (self.survey(), self.summary.by_topic.get(self.list.cursor))
                else {
                    return Ok(SurveyKey::Nothing);
                };
                return Ok(SurveyKey::Act(Action::write(
                    Intent::DraftProjectFromSurvey {
                        survey_id: s.id,
                        topic: topic.clone(),
                        filter: self.filter.clone(),
                    },
                )));
            }
            _ => {
                if let Some(m) = keymap::lookup(keymap::MOVE_KEYS, &key) {
                    self.move_by(m);
                }
            }
        }
        Ok(SurveyKey::Nothing)
    }

    fn move_by(&mut self, m: Move) {
        let n = self.summary.by_topic.len();
        self.list.cursor = keymap::apply_move(self.list.cursor, n, self.list.page, m);
    }
}

/// The value after `now` in `all`, then none (全部) again.
fn next<T: Clone + PartialEq>(all: &[T], now: Option<&T>) -> Option<T> {
    match now.and_then(|v| all.iter().position(|x| x == v)) {
        None => all.first().cloned(),
        Some(i) => all.get(i + 1).cloned(),
    }
}
