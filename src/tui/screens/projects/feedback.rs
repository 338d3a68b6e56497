//! The project's Feedback window (培训反馈) over the Projects tab: `R` on a project shows the
//! response rate (respondents / teachers who attended), each question's average and
//! distribution, the per-trainer averages and the comments (scrolled with the movement keys).
//! It only reads; `e` opens the bulk grid for the paper forms (feedback_grid.rs).

use crate::error::Result;
use crate::store::feedback::{summary, FeedbackSummary};
use crate::store::projects::get_project;
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, ListKeys, Move};
use crate::tui::screen::Ctx;
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Close,
    Help,
    EnterForms,
    Move(Move),
}

/// The key that opens the window (on the project list and in an opened project).
pub const OPEN_KEYS: &[KeyBinding<()>] = &[KeyBinding {
    keys: &[Key::Char('R')],
    command: (),
    help: i18n::FB_KEY_OPEN,
}];

pub const KEYS: ListKeys<Cmd> = ListKeys::paging(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc), Key::Char('q')],
        command: Cmd::Close,
        help: i18n::FB_KEY_CLOSE,
    },
    KeyBinding {
        keys: &[Key::Char('e')],
        command: Cmd::EnterForms,
        help: i18n::FB_KEY_ENTER_FORMS,
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

pub fn opens(key: &KeyEvent) -> bool {
    keymap::lookup(OPEN_KEYS, key).is_some()
}

pub struct FeedbackView {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub summary: FeedbackSummary,
    /// First comment shown.
    pub scroll: usize,
    /// Comment lines that fit (set while drawing).
    pub page: usize,
    pub help_asked: bool,
    /// `e` was pressed: the owner opens the bulk grid (feedback_grid.rs).
    pub grid_asked: bool,
}

impl FeedbackView {
    pub fn open(ctx: &Ctx, project_id: i64) -> Result<FeedbackView> {
        let mut v = FeedbackView {
            project_id,
            code: String::new(),
            title: String::new(),
            summary: FeedbackSummary::default(),
            scroll: 0,
            page: 5,
            help_asked: false,
            grid_asked: false,
        };
        v.reload(ctx)?;
        Ok(v)
    }

    /// Re-reads the summary (another desk may have added feedback), keeping the scroll.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        if let Some(p) = get_project(ctx.conn(), self.project_id)? {
            self.code = p.code;
            self.title = p.title;
        }
        self.summary = summary(ctx.conn(), self.project_id)?;
        self.scroll = self
            .scroll
            .min(self.summary.comments.len().saturating_sub(1));
        Ok(())
    }

    /// A key: `true` closes the window.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let Some(cmd) = KEYS.lookup(key) else {
            return false;
        };
        match cmd {
            Cmd::Close => return true,
            Cmd::Help => self.help_asked = true,
            Cmd::EnterForms => self.grid_asked = true,
            Cmd::Move(m) => {
                let last = self.summary.comments.len().saturating_sub(1);
                let page = self.page.max(1);
                self.scroll = match m {
                    Move::Up => self.scroll.saturating_sub(1),
                    Move::Down => (self.scroll + 1).min(last),
                    Move::PageUp => self.scroll.saturating_sub(page),
                    Move::PageDown => (self.scroll + page).min(last),
                    Move::Top => 0,
                    Move::Bottom => last,
                };
            }
        }
        false
    }
}
