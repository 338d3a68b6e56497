//! What a key did to a screen's open dialog form (Follow-ups, Starlight), and closing the
//! form accordingly.

use crate::tui::action::Action;

pub enum FormOutcome {
    /// The form stays open.
    Keep,
    /// The form closes (cancelled, or nothing to save).
    Close,
    /// The form closes and the action runs.
    Run(Action),
}

impl FormOutcome {
    /// Closes `form` unless the outcome keeps it; returns the action to run, if any.
    pub fn apply<F>(self, form: &mut Option<F>) -> Option<Action> {
        match self {
            FormOutcome::Keep => None,
            FormOutcome::Close => {
                *form = None;
                None
            }
            FormOutcome::Run(action) => {
                *form = None;
                Some(action)
            }
        }
    }
}
