//! Keys in the desk's modes that have their own rules: the search box (characters are typed,
//! everything else is a command), the check-out time prompt and the close review.

use super::keys::KEYS;
use super::{CheckInScreen, Mode};
use crate::domain::Status;
use crate::tui::action::{Action, Intent};
use crate::tui::keymap;
use crate::tui::screen::Ctx;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl CheckInScreen {
    pub(super) fn handle_checkout(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let Mode::Checkout {
            row,
            input,
            error,
            back_to,
        } = &mut self.mode
        else {
            return None;
        };
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
                let row = *row;
                self.mode = (**back_to).clone();
                let a = self.mark_action(row, Some(Status::LeftEarly), Some(date.and_time(t)), ctx);
                self.next_teacher(ctx);
                a
            }
            _ => {
                if input.handle_key(&key) {
                    *error = false;
                }
                None
            }
        }
    }

    pub(super) fn handle_review(&mut self, key: KeyEvent) -> Option<Action> {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter
                if matches!(
                    self.mode,
                    Mode::Review {
                        not_before: None,
                        ..
                    }
                ) =>
            {
                self.mode = Mode::Typing;
                let session_id = self.session_id?;
                Some(Action::write(Intent::CloseSession { session_id }))
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Typing;
                None
            }
            _ => None,
        }
    }

    pub(super) fn handle_typing(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        match key.code {
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
