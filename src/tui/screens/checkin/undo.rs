//! The desk's undo stack (`u` / Ctrl-Z) and what the desk does with its writes' outcomes
//! (the check-out prompt and the close review close when written, else say why).
//!
//! The stack holds the undo records of the marks this desk wrote, newest last, in the desk's
//! own state: each record comes back in its mark's outcome (`Changed::Mark`), and undo sends
//! the newest one in `Intent::UndoMark` (pushed back if the user cancels it while it waits for
//! another computer's lock). A record whose mark was changed since (at another desk) is
//! refused by `ops::check_in::undo_mark`.

use super::modes::Mode;
use super::CheckInScreen;
use crate::domain::Status;
use crate::ops::check_in::UndoMark;
use crate::tui::action::Intent;
use crate::tui::outcome::{Changed, Written};
use crate::tui::screen::Ctx;

/// At most this many records (older ones are forgotten).
const DEPTH: usize = 50;

/// The records of the marks a desk wrote, newest last.
#[derive(Debug, Default)]
pub struct UndoStack(Vec<UndoMark>);

impl UndoStack {
    pub fn push(&mut self, undo: UndoMark) {
        self.0.push(undo);
        if self.0.len() > DEPTH {
            self.0.remove(0);
        }
    }

    /// How many marks the desk can undo.
    pub fn depth(&self) -> usize {
        self.0.len()
    }

    /// The newest record, removed from the stack.
    pub fn pop(&mut self) -> Option<UndoMark> {
        self.0.pop()
    }
}

impl CheckInScreen {
    /// What became of a write this desk asked for.
    pub(super) fn written(&mut self, intent: &Intent, written: &Written, ctx: &Ctx) {
        if let Intent::MarkAttendance {
            teacher_id,
            status: Some(Status::LeftEarly),
            ..
        } = intent
        {
            self.checkout_written(*teacher_id, written, ctx);
        }
        self.feedback_after(intent, written);
        match (intent, written) {
            (Intent::MarkAttendance { .. }, Written::Done(Changed::Mark(Some(undo)))) => {
                self.undo.push((**undo).clone());
            }
            (Intent::UndoMark { record }, Written::Cancelled) => {
                self.undo.push((**record).clone());
            }
            (Intent::CloseSession { session_id, .. }, _)
                if self.session_id == Some(*session_id) =>
            {
                let Mode::Review { refused, .. } = &mut self.mode else {
                    return;
                };
                match written {
                    Written::Done(_) => self.mode = Mode::Typing,
                    Written::Refused(why) => *refused = Some(why.clone()),
                    Written::Waiting | Written::Cancelled => {}
                }
            }
            _ => {}
        }
    }
}
