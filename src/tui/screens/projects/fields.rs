//! A small vertical form shared by the project, session and schedule forms: one field per
//! line (label, value, the field's problem next to it), Tab/↓/Enter to the next field,
//! Shift-Tab/↑ back, ←/→/Space to change a choice, Space to tick a box, Ctrl-S to save,
//! Esc to cancel (twice when something was changed).

use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use std::borrow::Cow;

/// What a field holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text(TextInput),
    /// One of the labels (`index` is the choice).
    Choice {
        labels: Vec<Cow<'static, str>>,
        index: usize,
    },
    Check(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: Msg,
    pub kind: Kind,
    /// The problem shown next to the field (None: fine).
    pub problem: Option<String>,
    /// A muted note after the value (e.g. "empty = not required").
    pub note: Option<String>,
    /// Changed since the form opened (its problem is shown from then on).
    pub touched: bool,
}

impl Field {
    pub fn text(label: Msg, value: &str) -> Field {
        let mut t = TextInput::new();
        t.set(value);
        Field {
            label,
            kind: Kind::Text(t),
            problem: None,
            note: None,
            touched: false,
        }
    }
    pub fn choice(label: Msg, labels: Vec<&'static str>, index: usize) -> Field {
        Field::choice_of(
            label,
            labels.into_iter().map(Cow::Borrowed).collect(),
            index,
        )
    }
    /// A choice among labels read at run time (e.g. the configured credit categories).
    pub fn choice_of(label: Msg, labels: Vec<Cow<'static, str>>, index: usize) -> Field {
        Field {
            label,
            kind: Kind::Choice { labels, index },
            problem: None,
            note: None,
            touched: false,
        }
    }
    pub fn check(label: Msg, on: bool) -> Field {
        Field {
            label,
            kind: Kind::Check(on),
            problem: None,
            note: None,
            touched: false,
        }
    }
    pub fn with_note(mut self, note: String) -> Field {
        self.note = Some(note);
        self
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Nothing to do for the owner.
    None,
    /// A value changed: re-validate.
    Changed,
    /// The focus moved from field `.0` (e.g. accept a pick).
    Left(usize),
    Save,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Next,
    Prev,
    Save,
    Cancel,
}

pub const KEYS: &[KeyBinding<FormKey>] = &[
    KeyBinding {
        keys: &[
            Key::Code(KeyCode::Tab),
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::Enter),
        ],
        command: FormKey(Cmd::Next),
        help: i18n::PJ_KEY_NEXT_FIELD,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
        command: FormKey(Cmd::Prev),
        help: i18n::PJ_KEY_PREV_FIELD,
    },
    KeyBinding {
        keys: &[Key::Ctrl('s'), Key::Code(KeyCode::F(2))],
        command: FormKey(Cmd::Save),
        help: i18n::PJ_KEY_SAVE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: FormKey(Cmd::Cancel),
        help: i18n::PJ_KEY_CANCEL,
    },
];

/// A form command (opaque outside this file; public for the key table's type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormKey(Cmd);

/// Help lines of the form keys (the choice and check keys are described on their fields).
pub fn help() -> Vec<HelpEntry> {
    let mut h = keymap::help(KEYS);
    h.push(HelpEntry {
        keys: "← → Space".into(),
        help: i18n::PJ_KEY_CHOICE,
    });
    h
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was changed since the form opened.
    pub dirty: bool,
    /// Esc was pressed once on a changed form: the next Esc discards.
    pub discard_armed: bool,
    /// A save was sent; the form closes once its outcome says it is written.
    pub saving: bool,
    /// Why the last save was refused (in the footer until the next key).
    pub refused: Option<String>,
    /// A save was tried: every problem is shown, touched or not.
    pub attempted: bool,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form {
            fields,
            focus: 0,
            dirty: false,
            discard_armed: false,
            saving: false,
            refused: None,
            attempted: false,
        }
    }

    pub fn text(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(Kind::Text(t)) => t.text(),
            _ => "",
        }
    }
    pub fn set_text(&mut self, i: usize, value: &str) {
        if let Some(Field {
            kind: Kind::Text(t),
            ..
        }) = self.fields.get_mut(i)
        {
            t.set(value);
        }
    }
    pub fn choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(Kind::Choice { index, .. }) => *index,
            _ => 0,
        }
    }
    pub fn checked(&self, i: usize) -> bool {
        matches!(self.fields.get(i).map(|f| &f.kind), Some(Kind::Check(true)))
    }
    pub fn clear_problems(&mut self) {
        self.fields.iter_mut().for_each(|f| f.problem = None);
    }
    pub fn set_problem(&mut self, i: usize, text: String) {
        if let Some(f) = self.fields.get_mut(i) {
            if f.problem.is_none() {
                f.problem = Some(text);
            }
        }
    }
    pub fn has_problems(&self) -> bool {
        self.fields.iter().any(|f| f.problem.is_some())
    }
    /// The save's outcome: done closes the form (the caller's), a refusal or a cancelled wait
    /// keeps it with everything typed (a refusal says why in the footer); still waiting
    /// changes nothing. True when the form is to close.
    pub fn written(&mut self, written: &crate::tui::outcome::Written) -> bool {
        use crate::tui::outcome::Written;
        match written {
            Written::Done(_) => return true,
            Written::Refused(why) => self.refused = Some(why.clone()),
            Written::Waiting => return false,
            Written::Cancelled => {}
        }
        self.saving = false;
        false
    }

    /// The first field with a problem (the focus goes there when saving is refused).
    pub fn first_problem(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.problem.is_some())
    }

    /// The problem of field `i` if it is to be shown (touched, or a save was tried).
    pub fn shown_problem(&self, i: usize) -> Option<&str> {
        let f = self.fields.get(i)?;
        (self.attempted || f.touched)
            .then_some(f.problem.as_deref())
            .flatten()
    }

    fn changed(&mut self) -> Event {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = true;
        }
        self.dirty = true;
        self.discard_armed = false;
        Event::Changed
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Event {
        self.refused = None;
        let n = self.fields.len().max(1);
        if let Some(FormKey(cmd)) = keymap::lookup(KEYS, key) {
            let from = self.focus;
            match cmd {
                Cmd::Next => self.focus = (self.focus + 1) % n,
                Cmd::Prev => self.focus = (self.focus + n - 1) % n,
                Cmd::Save => {
                    self.attempted = true;
                    return Event::Save;
                }
                Cmd::Cancel => {
                    if self.dirty && !self.discard_armed {
                        self.discard_armed = true;
                        return Event::None;
                    }
                    return Event::Cancel;
                }
            }
            self.discard_armed = false;
            return Event::Left(from);
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Event::None;
        };
        match &mut field.kind {
            Kind::Text(t) => {
                if t.handle_key(key) {
                    return self.changed();
                }
            }
            Kind::Choice { labels, index } => {
                let len = labels.len().max(1);
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') | KeyCode::Char('l') => {
                        *index = (*index + 1) % len;
                        return self.changed();
                    }
                    KeyCode::Left | KeyCode::Char('h') => {
                        *index = (*index + len - 1) % len;
                        return self.changed();
                    }
                    _ => {}
                }
            }
            Kind::Check(on) => {
                if matches!(
                    key.code,
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                ) {
                    *on = !*on;
                    return self.changed();
                }
            }
        }
        Event::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn form() -> Form {
        Form::new(vec![
            Field::text(i18n::PJ_F_CODE, "P1"),
            Field::choice(i18n::PJ_F_LEVEL, vec!["a", "b", "c"], 0),
            Field::check(i18n::PJ_F_CONCENTRATED, true),
        ])
    }

    #[test]
    fn keys_move_edit_cycle_and_tick() {
        let mut f = form();
        assert_eq!(f.handle_key(&k(KeyCode::Char('x'))), Event::Changed);
        assert_eq!(f.text(0), "P1x");
        assert_eq!(f.handle_key(&k(KeyCode::Tab)), Event::Left(0));
        f.handle_key(&k(KeyCode::Left));
        assert_eq!(f.choice(1), 2);
        f.handle_key(&k(KeyCode::Enter));
        f.handle_key(&k(KeyCode::Char(' ')));
        assert!(!f.checked(2));
        f.handle_key(&k(KeyCode::Down));
        assert_eq!(f.focus, 0, "wraps around");
        let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(f.handle_key(&save), Event::Save);
    }

    #[test]
    fn esc_twice_discards_a_changed_form() {
        let mut f = form();
        assert_eq!(f.handle_key(&k(KeyCode::Esc)), Event::Cancel);
        f.handle_key(&k(KeyCode::Char('x')));
        assert_eq!(f.handle_key(&k(KeyCode::Esc)), Event::None);
        assert!(f.discard_armed);
        assert_eq!(f.handle_key(&k(KeyCode::Esc)), Event::Cancel);
    }
}
