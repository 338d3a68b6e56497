//! What the desk's commands do: marking (with the reason and walk-in questions), undo,
//! the session picker, closing and reopening the session.

use super::desk::DeskRow;
use super::keys::Cmd;
use super::modes::Mode;
use super::CheckInScreen;
use crate::domain::attendance::{change_needs_reason, classify_check_in};
use crate::domain::Status;
use crate::ops::close_session::{close_absences, close_session_review};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap;
use crate::tui::screen::Ctx;
use crate::tui::screens::reason_prompt::mark_reason_prompt;
use crate::tui::widgets::text_input::TextInput;

impl CheckInScreen {
    /// The action that marks `row` with `status` (None: by the clock), asking for a reason
    /// and for the walk-in enrolment when needed.
    pub(super) fn mark_action(
        &self,
        row: DeskRow,
        status: Option<Status>,
        checked_out_at: Option<chrono::NaiveDateTime>,
        ctx: &Ctx,
    ) -> Option<Action> {
        let session = self.data.session.as_ref()?;
        let before = self.data.status_of(row.teacher_id);
        let intent = Intent::MarkAttendance {
            session_id: session.id,
            teacher_id: row.teacher_id,
            status,
            checked_out_at,
            walk_in: row.walk_in,
        };
        let name = Self::teacher_name(ctx, row.teacher_id);
        // A plain check-in keeps an existing mark, so it can only need a reason when it
        // creates one at a closed session.
        let after = match (status, before) {
            (Some(s), _) => Some(s),
            (None, None) => {
                Some(classify_check_in(session.starts_at(), ctx.now, ctx.settings.grace_minutes).0)
            }
            (None, Some(_)) => None,
        };
        let mut action = match after {
            Some(a) if change_needs_reason(before, a, session.is_closed()) => {
                let prompt = mark_reason_prompt(ctx, &name, session.id, row.teacher_id, before, a);
                Action::AskReason { prompt, intent }
            }
            _ => Action::write(intent),
        };
        if row.walk_in {
            action = Action::Confirm {
                question: ctx.tf(i18n::DESK_WALK_IN_ASK, &[&name]),
                then: Box::new(action),
            };
        }
        Some(action)
    }

    /// The row an action applies to: only a chosen one (the best match of a typed query,
    /// or a row the user moved to). Else the message to show.
    pub(super) fn target_row(&self) -> std::result::Result<DeskRow, Msg> {
        if self.session_id.is_none() {
            return Err(i18n::DESK_NO_SESSION_CHOSEN);
        }
        if !self.search.text().trim().is_empty() && self.rows.is_empty() {
            return Err(i18n::DESK_NOBODY);
        }
        self.selected().ok_or(i18n::DESK_CHOOSE_FIRST)
    }

    /// After acting from the box: clear it for the next teacher.
    pub(super) fn next_teacher(&mut self, ctx: &Ctx) {
        if self.mode == Mode::Typing {
            self.search.clear();
            let _ = self.refresh_rows(ctx, false);
        }
    }

    pub(super) fn run(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        if self.mode == Mode::Picker {
            return self.run_picker(cmd, ctx);
        }
        match cmd {
            Cmd::CheckIn | Cmd::Mark(_) => self.mark(cmd, ctx),
            Cmd::CheckOut => self.check_out(ctx),
            Cmd::ToggleFeedbackOffer => Some(self.toggle_feedback_offer(ctx)),
            Cmd::Undo => match self.undo.pop() {
                Some(record) => Some(Action::write(Intent::UndoMark {
                    record: Box::new(record),
                })),
                None => Some(Action::Fail(ctx.t(i18n::DESK_NOTHING_TO_UNDO).into())),
            },
            Cmd::ChooseSession => {
                if let Some(id) = self.session_id {
                    if let Some(i) = self.choices.iter().position(|c| c.session.id == id) {
                        self.picker_cursor = i;
                    }
                }
                self.mode = Mode::Picker;
                None
            }
            Cmd::CloseSession => self.review_close(ctx),
            Cmd::ReopenSession => self.reopen(ctx),
            Cmd::Search | Cmd::Type => {
                self.mode = Mode::Typing;
                None
            }
            Cmd::NextTab => Some(Action::NextTab),
            Cmd::PrevTab => Some(Action::PrevTab),
            Cmd::Move(m) => {
                // The first move only shows the highlight (on the first row): it never
                // skips a row the user has not seen highlighted.
                let first = matches!(m, keymap::Move::Up | keymap::Move::Down) && !self.chosen;
                if !first {
                    self.list.cursor =
                        keymap::apply_move(self.list.cursor, self.rows.len(), self.list.page, m);
                }
                self.chosen = !self.rows.is_empty();
                None
            }
            Cmd::Escape => self.escape(ctx),
        }
    }

    /// Check-in or a mark for the chosen row (leaving early asks the time first).
    fn mark(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        let row = match self.target_row() {
            Ok(r) => r,
            Err(msg) if msg == i18n::DESK_NOBODY => return Some(Action::Fail(self.nobody(ctx))),
            Err(msg) => return Some(Action::Fail(ctx.t(msg).into())),
        };
        let action = match cmd {
            Cmd::Mark(Status::LeftEarly) => {
                let mut input = TextInput::new();
                input.set(&ctx.now.format("%H:%M").to_string());
                self.mode = Mode::Checkout {
                    row,
                    input,
                    error: false,
                    refused: None,
                    back_to: Box::new(self.mode.clone()),
                };
                return None;
            }
            Cmd::Mark(s) => self.mark_action(row, Some(s), None, ctx),
            _ => self.mark_action(row, None, None, ctx),
        };
        self.next_teacher(ctx);
        action
    }

    /// Opens the close-session review (refused when the session is closed already).
    fn review_close(&mut self, ctx: &Ctx) -> Option<Action> {
        let id = self.session_id?;
        match close_session_review(ctx.conn(), id) {
            Ok(r) if r.closed => Some(Action::Fail(ctx.t(i18n::DESK_ALREADY_CLOSED).into())),
            Ok(review) => {
                // ops refuses to close a session before its start: say so here.
                let not_before = self
                    .data
                    .session
                    .as_ref()
                    .map(|s| s.starts_at())
                    .filter(|start| ctx.now < *start);
                self.mode = Mode::Review {
                    review,
                    not_before,
                    typed: TextInput::new(),
                    wrong: false,
                    refused: None,
                };
                None
            }
            Err(e) => Self::fail(ctx, e),
        }
    }

    /// Reopening a closed session: asks about the absences its closing recorded, if any.
    fn reopen(&mut self, ctx: &Ctx) -> Option<Action> {
        let session_id = self.session_id?;
        if !self.data.is_closed() {
            return Some(Action::Fail(ctx.t(i18n::DESK_NOT_CLOSED).into()));
        }
        match close_absences(ctx.conn(), session_id) {
            Ok(marks) if !marks.is_empty() => {
                self.mode = Mode::Reopen {
                    removable: marks.len(),
                };
                None
            }
            Ok(_) => Some(Action::AskReason {
                prompt: ctx.t(i18n::DESK_REOPEN_ASK).into(),
                intent: Intent::ReopenSession {
                    session_id,
                    remove_close_absences: false,
                },
            }),
            Err(e) => Self::fail(ctx, e),
        }
    }

    /// Esc: clears the box, then leaves it, then goes back.
    fn escape(&mut self, ctx: &Ctx) -> Option<Action> {
        if self.mode == Mode::Typing {
            if self.search.is_empty() {
                self.mode = Mode::List;
                self.unchoose();
            } else {
                self.search.clear();
                if let Err(e) = self.refresh_rows(ctx, false) {
                    return Self::fail(ctx, e);
                }
            }
            None
        } else {
            Some(Action::Back)
        }
    }

    pub(super) fn run_picker(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        match cmd {
            Cmd::Move(m) => {
                self.picker_cursor =
                    keymap::apply_move(self.picker_cursor, self.choices.len(), self.list.page, m);
                None
            }
            Cmd::CheckIn => {
                let id = self.choices.get(self.picker_cursor)?.session.id;
                self.choose(id, ctx).err().and_then(|e| Self::fail(ctx, e))
            }
            Cmd::Escape if self.session_id.is_some() => {
                self.mode = Mode::Typing;
                None
            }
            Cmd::Escape => Some(Action::Back),
            Cmd::NextTab => Some(Action::NextTab),
            Cmd::PrevTab => Some(Action::PrevTab),
            _ => None,
        }
    }
}
