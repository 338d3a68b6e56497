//! Check-in tab: the desk at the classroom door (DESIGN.md §7, §4.1).
//!
//! Choose a session (today's first), then type: the search box has the focus, the session's
//! enrolled teachers match first and everyone else below (walk-ins, enrolled on the spot after
//! a confirm). Enter checks the best match in, present or late by the clock, and clears the box
//! for the next teacher. F2–F6 (or l e a x p after Esc) set a status; Ctrl-Z / u undoes this
//! desk's last mark; C reviews and closes the session. Writes go through `Intent`s (write.rs).

pub mod desk;
pub mod keys;
mod render;
pub mod undo;

use self::desk::{DeskData, DeskRow, SessionChoice};
use self::keys::{Cmd, KEYS};
use crate::domain::attendance::{change_needs_reason, classify_check_in};
use crate::domain::Status;
use crate::error::Result;
use crate::ops::close_session::{close_session_review, CloseReview};
use crate::tui::action::{Action, Intent, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::collections::HashMap;

/// Marks shown in each teacher's strip.
const STRIP_LEN: usize = 8;
/// Rows whose strips are loaded (more than a screenful).
const STRIP_ROWS: usize = 60;

/// What has the keys.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    /// The session picker.
    Picker,
    /// The search box (the default once a session is chosen).
    Typing,
    /// The list: single-letter keys act on the highlighted row.
    List,
    /// Asking the check-out time for "left early".
    Checkout {
        row: DeskRow,
        input: TextInput,
        error: bool,
        back_to: Box<Mode>,
    },
    /// The review before closing the session.
    Review(CloseReview),
}

pub struct CheckInScreen {
    desk: u64,
    mode: Mode,
    choices: Vec<SessionChoice>,
    picker_cursor: usize,
    session_id: Option<i64>,
    data: DeskData,
    search: TextInput,
    rows: Vec<DeskRow>,
    cursor: usize,
    strips: HashMap<i64, Vec<Status>>,
    /// Rows visible in the last frame.
    page: usize,
    /// The picker starts on today's session once.
    placed: bool,
    /// Screen row → list index drawn in the last frame (mouse clicks).
    row_hits: Vec<(u16, usize)>,
}

impl Default for CheckInScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl CheckInScreen {
    pub fn new() -> Self {
        CheckInScreen {
            desk: undo::new_desk(),
            mode: Mode::Picker,
            choices: Vec::new(),
            picker_cursor: 0,
            session_id: None,
            data: DeskData::default(),
            search: TextInput::new(),
            rows: Vec::new(),
            cursor: 0,
            strips: HashMap::new(),
            page: 10,
            placed: false,
            row_hits: Vec::new(),
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

    fn selected(&self) -> Option<DeskRow> {
        self.rows.get(self.cursor).copied()
    }

    /// Re-runs the search; keeps the highlighted teacher when `keep`.
    fn refresh_rows(&mut self, ctx: &Ctx, keep: bool) -> Result<()> {
        let before = self.selected().map(|r| r.teacher_id);
        self.rows = desk::rows_for(ctx.index, &self.data, self.search.text());
        self.cursor = if keep {
            before
                .and_then(|id| self.rows.iter().position(|r| r.teacher_id == id))
                .unwrap_or(self.cursor.min(self.rows.len().saturating_sub(1)))
        } else {
            0
        };
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
            self.cursor = 0;
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

    fn fail(ctx: &Ctx, e: impl std::fmt::Display) -> Option<Action> {
        Some(Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e])))
    }

    fn teacher_name(ctx: &Ctx, id: i64) -> String {
        ctx.index
            .entry(id)
            .map(|e| ctx.tf(i18n::DESK_WHO, &[&e.name, &e.school]))
            .unwrap_or_else(|| format!("#{id}"))
    }

    /// The action that marks `row` with `status` (None: by the clock), asking for a reason
    /// and for the walk-in enrolment when needed.
    fn mark_action(
        &self,
        row: DeskRow,
        status: Option<Status>,
        checked_out_at: Option<chrono::NaiveDateTime>,
        ctx: &Ctx,
    ) -> Option<Action> {
        let session = self.data.session.as_ref()?;
        let before = self.data.status_of(row.teacher_id);
        let intent = Intent::MarkAttendance {
            desk: self.desk,
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
                let prompt = match before {
                    Some(b) if b.causes_veto() && !a.causes_veto() => ctx.tf(
                        i18n::DESK_REASON_LIFT,
                        &[&name, &b.label(ctx.zh()), &a.label(ctx.zh())],
                    ),
                    _ if a == Status::Excused => ctx.tf(i18n::DESK_REASON_EXCUSED, &[&name]),
                    _ => ctx.tf(i18n::DESK_REASON_LOCKED, &[&name]),
                };
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

    /// The row an action applies to; in the box, only when something is typed.
    /// Else the message to show.
    fn target_row(&self) -> std::result::Result<DeskRow, Msg> {
        if self.session_id.is_none() {
            return Err(i18n::DESK_NO_SESSION_CHOSEN);
        }
        if self.mode == Mode::Typing && self.search.text().trim().is_empty() {
            return Err(i18n::DESK_TYPE_FIRST);
        }
        self.selected().ok_or(i18n::DESK_NOBODY)
    }

    /// After acting from the box: clear it for the next teacher.
    fn next_teacher(&mut self, ctx: &Ctx) {
        if self.mode == Mode::Typing {
            self.search.clear();
            let _ = self.refresh_rows(ctx, false);
        }
    }

    fn run(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        if self.mode == Mode::Picker {
            return self.run_picker(cmd, ctx);
        }
        match cmd {
            Cmd::CheckIn | Cmd::Mark(_) => {
                let row = match self.target_row() {
                    Ok(r) => r,
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
            Cmd::Undo => {
                if undo::depth(self.desk) == 0 {
                    return Some(Action::Fail(ctx.t(i18n::DESK_NOTHING_TO_UNDO).into()));
                }
                Some(Action::write(Intent::UndoLastMark { desk: self.desk }))
            }
            Cmd::ChooseSession => {
                if let Some(id) = self.session_id {
                    if let Some(i) = self.choices.iter().position(|c| c.session.id == id) {
                        self.picker_cursor = i;
                    }
                }
                self.mode = Mode::Picker;
                None
            }
            Cmd::CloseSession => {
                let id = self.session_id?;
                match close_session_review(ctx.conn(), id) {
                    Ok(r) if r.closed => {
                        Some(Action::Fail(ctx.t(i18n::DESK_ALREADY_CLOSED).into()))
                    }
                    Ok(r) => {
                        self.mode = Mode::Review(r);
                        None
                    }
                    Err(e) => Self::fail(ctx, e),
                }
            }
            Cmd::ReopenSession => {
                let session_id = self.session_id?;
                if !self.data.is_closed() {
                    return Some(Action::Fail(ctx.t(i18n::DESK_NOT_CLOSED).into()));
                }
                Some(Action::AskReason {
                    prompt: ctx.t(i18n::DESK_REOPEN_ASK).into(),
                    intent: Intent::ReopenSession { session_id },
                })
            }
            Cmd::Search => {
                self.mode = Mode::Typing;
                None
            }
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.rows.len(), self.page, m);
                None
            }
            Cmd::Escape => {
                if self.mode == Mode::Typing {
                    if self.search.is_empty() {
                        self.mode = Mode::List;
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
        }
    }

    fn run_picker(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        match cmd {
            Cmd::Move(m) => {
                self.picker_cursor =
                    keymap::apply_move(self.picker_cursor, self.choices.len(), self.page, m);
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
            _ => None,
        }
    }

    fn handle_checkout(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
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

    fn handle_review(&mut self, key: KeyEvent) -> Option<Action> {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
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

    fn handle_typing(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        match key.code {
            KeyCode::Char(_) if plain => {}
            KeyCode::Tab => return Some(Action::NextTab),
            KeyCode::BackTab => return Some(Action::PrevTab),
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

impl Screen for CheckInScreen {
    fn title(&self) -> Msg {
        i18n::TAB_CHECK_IN
    }

    fn help(&self) -> Vec<HelpEntry> {
        keymap::help(KEYS)
    }

    fn wants_text_input(&self) -> bool {
        // The review takes its own y/n/Esc (and q means "no" there, not "quit").
        matches!(
            self.mode,
            Mode::Typing | Mode::Checkout { .. } | Mode::Review(_)
        )
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        match self.mode {
            Mode::Checkout { .. } => self.handle_checkout(key, ctx),
            Mode::Review(_) => self.handle_review(key),
            Mode::Typing => self.handle_typing(key, ctx),
            Mode::Picker | Mode::List => {
                let cmd = keymap::lookup(KEYS, &key)?;
                self.run(cmd, ctx)
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
                        self.cursor = i;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

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
