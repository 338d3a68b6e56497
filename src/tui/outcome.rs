//! The two outcomes of the TUI's loop, each said once:
//! - [`Outcome`]: what a key did to a window (an overlay, a screen's form): it stays, it
//!   closes, or it asks for an action. An overlay closes when it runs its action; a form
//!   stays open until its write's [`Written`] outcome comes back.
//! - [`Written`]: what became of a write, told to the screen that asked for it
//!   (`Screen::on_written`), also when it lands ticks later after another process's lock
//!   (app/waiting.rs) and whichever tab is shown by then. A form closes on `Done` and keeps
//!   its input on `Refused` / `Cancelled`; no screen re-reads the database to guess.

use super::action::Action;
use crate::ops::check_in::UndoMark;

/// What a key did to a window.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Stay open.
    Keep,
    /// Close without acting.
    Close,
    /// Run the action (an overlay closes; a form waits for the write's outcome).
    Run(Action),
}

impl Outcome {
    /// For a screen's form: closes `form` on `Close`; on `Run` the form stays open (its
    /// write's outcome closes it or says why not) and the action is returned.
    pub fn for_form<F>(self, form: &mut Option<F>) -> Option<Action> {
        match self {
            Outcome::Keep => None,
            Outcome::Close => {
                *form = None;
                None
            }
            Outcome::Run(action) => Some(action),
        }
    }
}

/// What became of a write.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// Committed, with what it changed that the asking screen may need.
    Done(Changed),
    /// Refused, nothing written: why, in the UI language.
    Refused(String),
    /// Kept out by another process's write lock and queued; another outcome follows.
    Waiting,
    /// The user cancelled it while it waited (Esc); nothing was written.
    Cancelled,
}

/// What a committed write changed, for the screen that asked.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Changed {
    #[default]
    Nothing,
    /// The project created or saved (its id).
    Project(i64),
    /// A desk's mark; how to undo it when the write recorded one (None: nothing changed).
    Mark(Option<Box<UndoMark>>),
}
