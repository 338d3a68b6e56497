//! The completion review (结业审核) over the Projects tab: `F` on a project lists who completes
//! (attended share ≥ the project's threshold) and who does not, with the warnings a
//! coordinator needs first (sessions not over or not closed, missing marks); Enter sends
//! `Intent::CompleteProject` (ops::completion grants the credits and creates the follow-ups).

use crate::domain::DATE_FMT;
use crate::error::Result;
use crate::ops::completion::{review, CompletionReview, TeacherCompletion, Warning};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, ListKeys, Move};
use crate::tui::screen::Ctx;
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Confirm,
    Close,
    Help,
    Move(Move),
}

/// The key that opens the review (on the project list and in an opened project).
pub const OPEN_KEYS: &[KeyBinding<()>] = &[KeyBinding {
    keys: &[Key::Char('F')],
    command: (),
    help: i18n::CP_KEY_REVIEW,
}];

/// The keys of the open review (dispatch and `?` help).
pub const KEYS: ListKeys<Cmd> = ListKeys::paging(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter), Key::Char('y')],
        command: Cmd::Confirm,
        help: i18n::CP_KEY_CONFIRM,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc), Key::Char('n'), Key::Char('q')],
        command: Cmd::Close,
        help: i18n::CP_KEY_CLOSE,
    },
    KeyBinding {
        keys: &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        command: Cmd::Help,
        help: i18n::KEY_HELP,
    },
];

pub fn help() -> Vec<HelpEntry> {
    KEYS.help()
}

/// Is `key` the key that opens the review?
pub fn opens(key: &KeyEvent) -> bool {
    keymap::lookup(OPEN_KEYS, key).is_some()
}

pub struct CompletionView {
    pub review: CompletionReview,
    /// Completers first, then the others (each by school and name, as the review lists them).
    pub order: Vec<usize>,
    /// First row shown.
    pub scroll: usize,
    /// Rows that fit (set while drawing).
    pub page: usize,
    /// `?` was pressed: the screen returns `Action::OpenHelp` and the review stays.
    pub help_asked: bool,
}

impl CompletionView {
    /// The review of `project_id` now.
    pub fn open(ctx: &Ctx, project_id: i64) -> Result<CompletionView> {
        let mut v = CompletionView {
            review: review(ctx.conn(), project_id, ctx.now)?,
            order: Vec::new(),
            scroll: 0,
            page: 5,
            help_asked: false,
        };
        v.sort();
        Ok(v)
    }

    fn sort(&mut self) {
        let t = &self.review.teachers;
        self.order = (0..t.len()).filter(|i| t[*i].completes).collect();
        self.order.extend((0..t.len()).filter(|i| !t[*i].completes));
        self.scroll = self.scroll.min(self.order.len().saturating_sub(1));
    }

    /// Re-reads the review (another desk may have marked meanwhile), keeping the scroll.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.review = review(ctx.conn(), self.review.project.id, ctx.now)?;
        self.sort();
        Ok(())
    }

    /// The teachers in the order shown.
    pub fn rows(&self) -> impl Iterator<Item = &TeacherCompletion> {
        self.order
            .iter()
            .filter_map(|i| self.review.teachers.get(*i))
    }

    /// A key: `Some(Some(action))` to close and act, `Some(None)` to close, `None` to stay.
    /// Help opens over the review (`OpenHelp` through `help_action`).
    pub fn handle_key(&mut self, key: &KeyEvent) -> Option<Option<Action>> {
        match KEYS.lookup(key)? {
            Cmd::Close => Some(None),
            Cmd::Help => {
                self.help_asked = true;
                None
            }
            Cmd::Confirm => {
                if self.review.refusal().is_some() {
                    // The footer says why; Enter does nothing but stay.
                    return None;
                }
                Some(Some(Action::write(Intent::CompleteProject {
                    project_id: self.review.project.id,
                })))
            }
            Cmd::Move(m) => {
                let last = self.order.len().saturating_sub(1);
                let page = self.page.max(1);
                self.scroll = match m {
                    Move::Up => self.scroll.saturating_sub(1),
                    Move::Down => (self.scroll + 1).min(last),
                    Move::PageUp => self.scroll.saturating_sub(page),
                    Move::PageDown => (self.scroll + page).min(last),
                    Move::Top => 0,
                    Move::Bottom => last,
                };
                None
            }
        }
    }
}

/// A warning in the UI language.
pub fn warning_text(ctx: &Ctx, w: &Warning) -> String {
    let (msg, args): (Msg, Vec<String>) = match w {
        Warning::AlreadyCompleted(at) => {
            (i18n::CP_W_ALREADY, vec![at.format(DATE_FMT).to_string()])
        }
        Warning::NoSessions => (i18n::CP_W_NO_SESSIONS, vec![]),
        Warning::NoEnrolments => (i18n::CP_W_NO_ENROLMENTS, vec![]),
        Warning::SessionsNotOver(n, first) => {
            (i18n::CP_W_NOT_OVER, vec![n.to_string(), first.clone()])
        }
        Warning::SessionsOpen(n) => (i18n::CP_W_OPEN, vec![n.to_string()]),
        Warning::TeachersUnmarked { teachers, marks } => (
            i18n::CP_W_UNMARKED,
            vec![teachers.to_string(), marks.to_string()],
        ),
    };
    let refs: Vec<&dyn std::fmt::Display> =
        args.iter().map(|a| a as &dyn std::fmt::Display).collect();
    ctx.tf(msg, &refs)
}
