//! The desk's modes, and the keys of those with their own rules: the search box (characters
//! are typed, everything else is a command), the check-out time prompt, the close review (a
//! typed confirmation for a register nobody took) and the reopen question.

use super::desk::DeskRow;
use super::keys::KEYS;
use super::CheckInScreen;
use crate::domain::Status;
use crate::ops::close_session::CloseReview;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap;
use crate::tui::outcome::Written;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What has the keys.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mode {
    /// The session picker.
    Picker,
    /// The search box (the default once a session is chosen).
    Typing,
    /// The list: single-letter keys act on the highlighted row.
    List,
    /// Asking the check-out time for "left early". It stays open until the mark is written;
    /// `refused` says why it was not.
    Checkout {
        row: DeskRow,
        input: TextInput,
        error: bool,
        refused: Option<String>,
        back_to: Box<Mode>,
    },
    /// The review before closing the session; `not_before` is the start of a session that
    /// has not started yet (it cannot be closed: the review says so and offers no close).
    /// A register nobody took is closed only after its number of teachers (or 关闭 / close)
    /// is typed into `typed`; `wrong` after an Enter with something else. The review stays
    /// open until its close is written; `refused` says why a close was not.
    Review {
        review: CloseReview,
        not_before: Option<chrono::NaiveDateTime>,
        typed: TextInput,
        wrong: bool,
        refused: Option<String>,
    },
    /// The feedback form offered after a check-out (feedback.rs).
    Feedback(Box<super::feedback::DeskFeedback>),
    /// Reopening a closed session whose close wrote `removable` absences nobody changed
    /// since: remove them (y) or keep them (n)?
    Reopen { removable: usize },
}

impl CheckInScreen {
    pub(super) fn handle_checkout(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let Mode::Checkout {
            row,
            input,
            error,
            refused,
            back_to,
        } = &mut self.mode
        else {
            return None;
        };
        *refused = None;
        match key.code {
            KeyCode::Esc => {
                self.mode = (**back_to).clone();
                None
            }
            KeyCode::Enter => {
                let date = self.data.session.as_ref()?.date;
                let Some(t) = crate::domain::parse_time(input.text()) else {
                    *error = true;
                    return None;
                };
                // The prompt closes once the mark is written (`checkout_written`).
                let row = *row;
                self.mark_action(row, Some(Status::LeftEarly), Some(date.and_time(t)), ctx)
            }
            _ => {
                if input.handle_key(&key) {
                    *error = false;
                }
                None
            }
        }
    }

    /// The outcome of the prompt's mark: done closes it (and clears the box for the next
    /// teacher); a refusal keeps the time typed and says why.
    pub(super) fn checkout_written(&mut self, teacher_id: i64, written: &Written, ctx: &Ctx) {
        let Mode::Checkout {
            row,
            refused,
            back_to,
            ..
        } = &mut self.mode
        else {
            return;
        };
        if row.teacher_id != teacher_id {
            return;
        }
        match written {
            Written::Done(_) => {
                self.mode = (**back_to).clone();
                self.next_teacher(ctx);
            }
            Written::Refused(why) => *refused = Some(why.clone()),
            Written::Waiting | Written::Cancelled => {}
        }
    }

    pub(super) fn handle_review(&mut self, key: KeyEvent) -> Option<Action> {
        let Mode::Review {
            review,
            not_before,
            typed,
            wrong,
            refused,
        } = &mut self.mode
        else {
            return None;
        };
        *refused = None;
        let closable = not_before.is_none();
        if closable && review.register_untaken() {
            // Everyone would be absent: a typed confirmation, never one key.
            return match key.code {
                KeyCode::Esc => {
                    self.mode = Mode::Typing;
                    None
                }
                KeyCode::Enter if confirms(typed.text(), review.unmarked) => {
                    let reviewed = Box::new(review.clone());
                    self.close(reviewed)
                }
                KeyCode::Enter => {
                    *wrong = true;
                    None
                }
                _ => {
                    if typed.handle_key(&key) {
                        *wrong = false;
                    }
                    None
                }
            };
        }
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter if closable => {
                let reviewed = Box::new(review.clone());
                self.close(reviewed)
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Typing;
                None
            }
            _ => None,
        }
    }

    /// The close; the review stays open until it is written (`on_written`).
    fn close(&mut self, reviewed: Box<CloseReview>) -> Option<Action> {
        let session_id = self.session_id?;
        Some(Action::write(Intent::CloseSession {
            session_id,
            reviewed,
        }))
    }

    pub(super) fn handle_reopen(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let Mode::Reopen { removable } = self.mode else {
            return None;
        };
        let remove = match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => true,
            KeyCode::Char('n') | KeyCode::Char('N') => false,
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Typing;
                return None;
            }
            _ => return None,
        };
        self.mode = Mode::Typing;
        let session_id = self.session_id?;
        let prompt = if remove {
            ctx.tf(i18n::DESK_REOPEN_REMOVE_ASK, &[&removable])
        } else {
            ctx.t(i18n::DESK_REOPEN_ASK).into()
        };
        Some(Action::AskReason {
            prompt,
            intent: Intent::ReopenSession {
                session_id,
                remove_close_absences: remove,
            },
        })
    }

    pub(super) fn handle_typing(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        match key.code {
            KeyCode::Char(c @ '1'..='9') if plain => {
                if let Some(action) = self.pick(c, ctx) {
                    return action;
                }
            }
            KeyCode::Char(_) if plain => {}
            _ => {
                if let Some(cmd) = keymap::lookup(KEYS, &key) {
                    return self.run(cmd, ctx);
                }
            }
        }
        if self.search.handle_key(&key) {
            if let Err(e) = self.refresh_rows(ctx, false) {
                return Self::fail(ctx, e);
            }
        }
        None
    }
}

impl CheckInScreen {
    /// A digit typed after a name being spelled checks in the candidate on screen that carries
    /// it (as a pinyin input method picks its numbered candidates); `None` when the digit is
    /// to be typed: it could continue the query (`Index::digits_pick`) or no row carries it.
    fn pick(&mut self, digit: char, ctx: &Ctx) -> Option<Option<Action>> {
        let k = (digit.to_digit(10)? as usize).checked_sub(1)?;
        if !self.chosen || !ctx.index.digits_pick(self.search.text()) {
            return None;
        }
        // The rows on screen as the last frame placed them (keys typed faster than frames
        // come here before the next one is drawn, so this is worked out, not read off it).
        let page = usize::from(self.typing_rows.max(1));
        let row = self.list.cursor.saturating_sub(page - 1) + k;
        if k >= page || row >= self.rows.len() {
            return None;
        }
        self.list.cursor = row;
        Some(self.run(super::keys::Cmd::CheckIn, ctx))
    }
}

/// Does `typed` confirm closing a register nobody took: the number of teachers it marks
/// absent, or 关闭 / close?
fn confirms(typed: &str, unmarked: i64) -> bool {
    let t = typed.trim();
    t == unmarked.to_string() || t == "关闭" || t.eq_ignore_ascii_case("close")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_number_or_the_word_confirms() {
        for ok in ["29", " 29 ", "关闭", "close", "Close"] {
            assert!(super::confirms(ok, 29), "{ok}");
        }
        for no in ["", "y", "28", "290", "clos", "关"] {
            assert!(!super::confirms(no, 29), "{no}");
        }
    }
}
