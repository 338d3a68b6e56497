//! Check-in tab: the desk at the classroom door (docs/rules.md §7, §4.1).
//!
//! Choose a session (today's first), then type: the search box has the focus, the session's
//! enrolled teachers match first and everyone else below (walk-ins, enrolled on the spot after
//! a confirm). Enter checks the best match in, present or late by the clock, and clears the box
//! for the next teacher. F2–F6 (or l e a x p after Esc) set a status; Ctrl-Z / u undoes this
//! desk's last mark; C reviews and closes the session. Writes go through `Intent`s (write.rs).
//!
//! Enter and the mark keys act only on a chosen teacher: the best match of a typed query, or a
//! row the user moved to (j/k/arrows) or clicked. With the box empty nobody is chosen, so the
//! door reflex "Esc, Enter" marks nobody and says "type a name or choose a row".

mod actions;
pub mod desk;
mod dialogs;
mod feedback;
pub mod keys;
mod modes;
mod render;
mod rows;
pub mod undo;

use self::desk::{DeskData, DeskRow, SessionChoice};
use self::keys::{Cmd, KEYS};
use self::modes::Mode;
use crate::domain::Status;
use crate::error::Result;
use crate::tui::action::{Action, Intent, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::outcome::Written;
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::table::ListState;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::collections::HashMap;

/// Marks shown in each teacher's strip.
const STRIP_LEN: usize = 8;
/// Rows whose strips are loaded (more than a screenful).
const STRIP_ROWS: usize = 60;

pub struct CheckInScreen {
    /// The marks this desk wrote, to undo (undo.rs).
    undo: undo::UndoStack,
    mode: Mode,
    choices: Vec<SessionChoice>,
    picker_cursor: usize,
    session_id: Option<i64>,
    data: DeskData,
    search: TextInput,
    rows: Vec<DeskRow>,
    /// The cursor in `rows`, and the rows visible in the last frame (the picker's page too).
    list: ListState,
    /// True when the highlighted row was chosen: the best match of a typed query, or a row
    /// the user moved to or clicked. Enter and the mark keys act only on a chosen row, so
    /// "Esc, Enter" at the door marks nobody.
    chosen: bool,
    strips: HashMap<i64, Vec<Status>>,
    /// The picker starts on today's session once.
    placed: bool,
    /// Screen row → list index drawn in the last frame (mouse clicks).
    row_hits: Vec<(u16, usize)>,
    /// Candidate rows the desk shows while typing, as last drawn (fewer on a short terminal):
    /// the digits 1… pick among them.
    typing_rows: u16,
    /// When the query offers nobody: the best match among teachers not in service (the
    /// desk says why they are not offered).
    inactive: Option<i64>,
    /// Offer the feedback form after each check-out (Ctrl-F turns it off at this desk).
    feedback_offer: bool,
}

impl Default for CheckInScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl CheckInScreen {
    pub fn new() -> Self {
        CheckInScreen {
            undo: undo::UndoStack::default(),
            mode: Mode::Picker,
            choices: Vec::new(),
            picker_cursor: 0,
            session_id: None,
            data: DeskData::default(),
            search: TextInput::new(),
            rows: Vec::new(),
            list: ListState {
                cursor: 0,
                page: 10,
            },
            chosen: false,
            strips: HashMap::new(),
            placed: false,
            row_hits: Vec::new(),
            typing_rows: rows::CANDIDATES,
            inactive: None,
            feedback_offer: true,
        }
    }

    /// The chosen session, if any.
    pub fn session_id(&self) -> Option<i64> {
        self.session_id
    }

    /// The text in the search box.
    pub fn query(&self) -> &str {
        self.search.text()
    }

    /// The chosen row (None when nobody is chosen).
    fn selected(&self) -> Option<DeskRow> {
        self.rows
            .get(self.list.cursor)
            .copied()
            .filter(|_| self.chosen)
    }

    /// Drops the choice: nothing is highlighted until the user types or moves.
    fn unchoose(&mut self) {
        self.chosen = false;
        self.list.cursor = 0;
    }

    /// Re-runs the search; keeps the chosen teacher when `keep`. Otherwise (or when that
    /// teacher is gone) the best match of a typed query is chosen, and nobody when the box
    /// is empty.
    fn refresh_rows(&mut self, ctx: &Ctx, keep: bool) -> Result<()> {
        let before = self.selected().map(|r| r.teacher_id);
        self.rows = desk::rows_for(ctx.index, &self.data, self.search.text());
        self.inactive = if self.rows.is_empty() {
            desk::inactive_match(ctx.index, self.search.text())
        } else {
            None
        };
        let kept = before
            .filter(|_| keep)
            .and_then(|id| self.rows.iter().position(|r| r.teacher_id == id));
        match kept {
            Some(i) => self.list.cursor = i,
            None => {
                self.list.cursor = 0;
                self.chosen = !self.search.text().trim().is_empty() && !self.rows.is_empty();
            }
        }
        let ids: Vec<i64> = self
            .rows
            .iter()
            .take(STRIP_ROWS)
            .map(|r| r.teacher_id)
            .collect();
        self.strips = desk::strips(ctx.conn(), &ids, STRIP_LEN)?;
        Ok(())
    }

    fn choose(&mut self, session_id: i64, ctx: &Ctx) -> Result<()> {
        if self.session_id != Some(session_id) {
            self.search.clear();
            self.unchoose();
        }
        self.session_id = Some(session_id);
        self.mode = Mode::Typing;
        self.load_session(ctx)
    }

    fn load_session(&mut self, ctx: &Ctx) -> Result<()> {
        match self.session_id {
            Some(id) => match DeskData::load(ctx.conn(), id)? {
                Some(d) => self.data = d,
                None => {
                    self.session_id = None;
                    self.data = DeskData::default();
                    self.mode = Mode::Picker;
                }
            },
            None => self.data = DeskData::default(),
        }
        self.refresh_rows(ctx, true)
    }

    /// What the desk says when a typed query offers nobody: why the teacher it finds is not
    /// offered (not in service), else "no match".
    fn nobody(&self, ctx: &Ctx) -> String {
        let Some(e) = self.inactive.and_then(|id| ctx.index.entry(id)) else {
            return ctx.t(i18n::DESK_NOBODY).to_string();
        };
        let status = crate::domain::TeacherStatus::parse(&e.status)
            .unwrap_or(crate::domain::TeacherStatus::Left);
        let (zh, en) = crate::ops::check_in::refusal::out_of_service(status);
        ctx.tf(
            i18n::DESK_INACTIVE,
            &[&e.name, if ctx.zh() { &zh } else { &en }],
        )
    }

    fn fail(ctx: &Ctx, e: crate::Error) -> Option<Action> {
        Some(Action::Fail(
            ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
        ))
    }

    fn teacher_name(ctx: &Ctx, id: i64) -> String {
        ctx.index
            .entry(id)
            .map(|e| ctx.tf(i18n::DESK_WHO, &[&e.name, &e.school]))
            .unwrap_or_else(|| format!("#{id}"))
    }
}

impl Screen for CheckInScreen {
    fn title(&self) -> Msg {
        i18n::TAB_CHECK_IN
    }

    fn help(&self) -> Vec<HelpEntry> {
        let mut help = keymap::help(KEYS);
        // The digits pick only while a name is spelled (modes.rs `pick`), so they are not
        // in the key table; their line goes right after Enter's.
        let pick = HelpEntry {
            keys: format!("1–{}", rows::CANDIDATES),
            help: i18n::KEY_DESK_PICK,
        };
        help.insert(help.len().min(1), pick);
        // Check-out and its feedback offer go last: the first page keeps the keys of the
        // door (marks, moving, leaving the box) that were there before them.
        let after = [i18n::KEY_DESK_CHECK_OUT, i18n::KEY_DESK_FEEDBACK_OFFER];
        let (mut help, last): (Vec<_>, Vec<_>) =
            help.into_iter().partition(|h| !after.contains(&h.help));
        help.extend(last);
        help
    }

    fn wants_text_input(&self) -> bool {
        // The review takes its own y/n/Esc (and q means "no" there, not "quit").
        matches!(
            self.mode,
            Mode::Typing
                | Mode::Checkout { .. }
                | Mode::Review { .. }
                | Mode::Reopen { .. }
                | Mode::Feedback(_)
        )
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        match self.mode {
            Mode::Checkout { .. } => self.handle_checkout(key, ctx),
            Mode::Feedback(_) => self.handle_feedback(key, ctx),
            Mode::Review { .. } => self.handle_review(key),
            Mode::Reopen { .. } => self.handle_reopen(key, ctx),
            Mode::Typing => self.handle_typing(key, ctx),
            Mode::List if keymap::lookup(KEYS, &key) == Some(Cmd::Type) => {
                // A letter nothing else takes goes back into the box.
                self.mode = Mode::Typing;
                self.handle_typing(key, ctx)
            }
            Mode::Picker | Mode::List => {
                let cmd = keymap::lookup(KEYS, &key)?;
                self.run(cmd, ctx)
            }
        }
    }

    fn on_show(&mut self) {
        // Shown again: the box has the focus, so a staff number typed at once goes into it.
        // A review or reopen question (its counts may be stale) is dropped; a check-out time
        // being typed is kept.
        if matches!(
            self.mode,
            Mode::List | Mode::Review { .. } | Mode::Reopen { .. }
        ) {
            self.mode = Mode::Typing;
            if self.search.is_empty() {
                self.unchoose();
            }
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        render::render(self, frame, area, ctx);
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.choices = desk::session_choices(ctx.conn(), ctx.today())?;
        if !self.placed {
            self.placed = true;
            self.picker_cursor = desk::default_choice(&self.choices, ctx.now);
        }
        self.picker_cursor = self.picker_cursor.min(self.choices.len().saturating_sub(1));
        self.load_session(ctx)
    }

    fn open(&mut self, target: &Target, ctx: &Ctx) -> bool {
        let Target::Session(id) = target else {
            return false;
        };
        if let Ok(choices) = desk::session_choices(ctx.conn(), ctx.today()) {
            self.choices = choices;
            self.placed = true;
        }
        if let Some(i) = self.choices.iter().position(|c| c.session.id == *id) {
            self.picker_cursor = i;
        }
        self.choose(*id, ctx).is_ok()
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, ctx: &Ctx) -> Option<Action> {
        let m = match ev.kind {
            MouseEventKind::ScrollDown => Move::Down,
            MouseEventKind::ScrollUp => Move::Up,
            MouseEventKind::Down(MouseButton::Left) => {
                let (_, i) = *self.row_hits.iter().find(|(y, _)| *y == ev.row)?;
                return match self.mode {
                    Mode::Picker => {
                        self.picker_cursor = i;
                        self.run_picker(Cmd::CheckIn, ctx)
                    }
                    Mode::Typing | Mode::List => {
                        self.list.cursor = i;
                        self.chosen = true;
                        if self.search.is_empty() {
                            self.mode = Mode::List;
                        }
                        None
                    }
                    _ => None,
                };
            }
            _ => return None,
        };
        match self.mode {
            Mode::Picker | Mode::Typing | Mode::List => self.run(Cmd::Move(m), ctx),
            _ => None,
        }
    }

    fn has_unsaved(&self) -> bool {
        matches!(self.mode, Mode::Checkout { .. })
    }

    fn on_written(&mut self, intent: &Intent, written: &Written, ctx: &Ctx) {
        self.written(intent, written, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn every_status_key_works_outside_the_box_and_as_an_f_key() {
        for s in Status::ALL {
            let b = KEYS
                .iter()
                .find(|b| b.command == Cmd::Mark(*s))
                .expect("a key for every status");
            assert!(b.keys.iter().any(|k| matches!(k, keymap::Key::Char(_))));
            assert!(b
                .keys
                .iter()
                .any(|k| matches!(k, keymap::Key::Code(KeyCode::F(_)))));
        }
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(keymap::lookup(KEYS, &ctrl_z), Some(Cmd::Undo));
    }
}
