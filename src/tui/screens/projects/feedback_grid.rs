//! The bulk feedback grid (录入纸质反馈; Projects › `R` › `e`): the paper forms collected at the
//! end of a project, one row per teacher who attended (absent teachers are not offered), three
//! rating columns and a comment. A digit 1–5 rates and moves right (after the third rating
//! onto the comment, where everything typed is the comment), Enter goes to the next teacher,
//! the arrows move, Backspace clears; `[` / `]` switch between the whole project and one of its
//! sessions (its attendees, its answers). Ctrl-S saves every changed row in one transaction
//! (`Intent::GiveFeedbackBatch`); a refusal names each refused row and keeps the grid.

use crate::error::Result;
use crate::ops::feedback::Answers;
use crate::store::feedback_attendees::{attendees, Attendee};
use crate::store::sessions::sessions_of_project;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::outcome::Written;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The comment column (after the three ratings).
pub const COMMENT: usize = 3;

pub struct GridRow {
    pub who: Attendee,
    pub ratings: [Option<u8>; 3],
    pub comment: TextInput,
    pub changed: bool,
}

pub struct FeedbackGrid {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub rows: Vec<GridRow>,
    pub row: usize,
    pub col: usize,
    /// Rows visible in the last frame (paging and scrolling).
    pub page: usize,
    pub first: usize,
    pub saving: bool,
    pub discard_armed: bool,
    /// Why the last save was refused (every refused row).
    pub refused: Option<String>,
    /// The project's sessions (id, "date HH:MM topic"); `[` / `]` switch the grid between
    /// the whole project (None) and one of them.
    pub sessions: Vec<(i64, String)>,
    pub scope: Option<usize>,
}

impl FeedbackGrid {
    pub fn open(ctx: &Ctx, project_id: i64, code: &str, title: &str) -> Result<FeedbackGrid> {
        let sessions = sessions_of_project(ctx.conn(), project_id)?
            .into_iter()
            .map(|s| {
                (
                    s.id,
                    format!("{} {} {}", s.date, s.start.format("%H:%M"), s.topic),
                )
            })
            .collect();
        let mut g = FeedbackGrid {
            project_id,
            code: code.to_string(),
            title: title.to_string(),
            rows: Vec::new(),
            row: 0,
            col: 0,
            page: 10,
            first: 0,
            saving: false,
            discard_armed: false,
            refused: None,
            sessions,
            scope: None,
        };
        g.load(ctx)?;
        Ok(g)
    }

    /// The session the grid is for (None: the whole project).
    pub fn session_id(&self) -> Option<i64> {
        self.scope.and_then(|i| self.sessions.get(i)).map(|s| s.0)
    }

    /// Reads the attendees of the scope, with their answers so far.
    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.rows = attendees(ctx.conn(), self.project_id, self.session_id())?
            .into_iter()
            .map(|who| {
                let (ratings, text) = who.given.clone().unwrap_or_default();
                let mut comment = TextInput::new();
                comment.set(&text);
                GridRow {
                    who,
                    ratings,
                    comment,
                    changed: false,
                }
            })
            .collect();
        (self.row, self.col, self.first) = (0, 0, 0);
        Ok(())
    }

    /// `[` / `]`: the previous / next scope (whole project, then each session), unless
    /// rows are unsaved.
    fn switch_scope(&mut self, forward: bool, ctx: &Ctx) -> Option<Action> {
        if self.is_dirty() {
            return Some(Action::Fail(ctx.t(i18n::FG_SAVE_FIRST).to_string()));
        }
        let n = self.sessions.len() + 1;
        let at = self.scope.map_or(0, |i| i + 1);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.scope = next.checked_sub(1);
        match self.load(ctx) {
            Ok(()) => None,
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.rows.iter().any(|r| r.changed)
    }

    fn next_row(&mut self) {
        if self.row + 1 < self.rows.len() {
            self.row += 1;
        }
        self.col = 0;
    }

    /// A key: the action to run, and whether the grid closes.
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> (Option<Action>, bool) {
        self.refused = None;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code != KeyCode::Esc {
            self.discard_armed = false;
        }
        match key.code {
            KeyCode::Esc if self.is_dirty() && !self.discard_armed => {
                self.discard_armed = true;
                (None, false)
            }
            KeyCode::Esc => (None, true),
            KeyCode::Char('s') if ctrl => (self.save(ctx), false),
            KeyCode::F(1) => (Some(Action::OpenHelp), false),
            KeyCode::Char(c @ ('[' | ']')) if self.col < COMMENT => {
                (self.switch_scope(c == ']', ctx), false)
            }
            KeyCode::Enter => {
                self.next_row();
                (None, false)
            }
            KeyCode::Up => {
                self.row = self.row.saturating_sub(1);
                (None, false)
            }
            KeyCode::Down => {
                self.next_row_keep_col();
                (None, false)
            }
            KeyCode::Tab | KeyCode::Right if self.col < COMMENT => {
                self.col += 1;
                (None, false)
            }
            KeyCode::BackTab | KeyCode::Left if self.col > 0 => {
                self.col -= 1;
                (None, false)
            }
            _ => {
                self.edit(key, ctrl);
                (None, false)
            }
        }
    }

    fn next_row_keep_col(&mut self) {
        if self.row + 1 < self.rows.len() {
            self.row += 1;
        }
    }

    fn edit(&mut self, key: &KeyEvent, ctrl: bool) {
        let col = self.col;
        let Some(r) = self.rows.get_mut(self.row) else {
            return;
        };
        if col == COMMENT {
            if r.comment.handle_key(key) {
                r.changed = true;
            }
            return;
        }
        match key.code {
            KeyCode::Char(c @ '1'..='5') if !ctrl => {
                r.ratings[col] = c.to_digit(10).map(|d| d as u8);
                r.changed = true;
                self.col += 1;
            }
            KeyCode::Backspace | KeyCode::Delete | KeyCode::Char('0') => {
                r.ratings[col] = None;
                r.changed = true;
            }
            _ => {}
        }
    }

    fn save(&mut self, ctx: &Ctx) -> Option<Action> {
        let answers: Vec<Answers> = self
            .rows
            .iter()
            .filter(|r| r.changed)
            .filter(|r| r.ratings.iter().any(Option::is_some) || !r.comment.is_empty())
            .map(|r| Answers {
                project_id: self.project_id,
                session_id: self.session_id(),
                teacher_id: r.who.teacher_id,
                content: r.ratings[0],
                trainer: r.ratings[1],
                organisation: r.ratings[2],
                comment: r.comment.text().trim().to_string(),
            })
            .collect();
        if answers.is_empty() {
            return Some(Action::Fail(ctx.t(i18n::FG_NOTHING).to_string()));
        }
        self.saving = true;
        Some(Action::write(Intent::GiveFeedbackBatch {
            project_id: self.project_id,
            answers,
        }))
    }

    /// The save's outcome: true when the grid is to close.
    pub fn written(&mut self, written: &Written) -> bool {
        match written {
            Written::Done(_) => return true,
            Written::Refused(why) => self.refused = Some(why.clone()),
            Written::Cancelled => {}
            Written::Waiting => return false,
        }
        self.saving = false;
        false
    }
}
