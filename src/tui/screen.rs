//! The contract every tab screen implements.
//!
//! HOW TO ADD A SCREEN
//! 1. Create `src/tui/screens/NAME.rs` with a struct implementing [`Screen`]. Keep its state
//!    (rows, cursor, search text) in the struct; read the database only in `reload` (and in
//!    `open`), through functions in `crate::store`, with `ctx.conn()`.
//! 2. Declare its keys once: `const KEYS: &[KeyBinding<Cmd>]` (see `keymap.rs`); `handle_key`
//!    dispatches with `keymap::lookup(KEYS, &key)` and `help` returns `keymap::help(KEYS)`, so
//!    the `?` overlay can never disagree with the keys.
//! 3. Never write to the database from a screen: return `Some(Action::write(Intent::…))`
//!    (add the variant in `action.rs`, its execution in `write.rs`, which returns `Done` with the
//!    status-bar message and the teachers whose search entries changed). For risky changes wrap
//!    it in `Action::Confirm { .. }`; when a reason is required (lifting a veto, a locked session)
//!    return `Action::AskReason { .. }`: the reason reaches `write::execute`. After a write, `App`
//!    calls `reload` on the active screen and on the others when they are next shown, and
//!    tells the screen that asked what became of the write (`on_written`: done, refused with
//!    why, waiting for another computer's lock, cancelled), even if another tab is shown by
//!    then: a form closes on done and keeps its input on a refusal. Never re-read the database
//!    to guess what a write did.
//! 4. Register it: in `screens/mod.rs`, `pub mod NAME;` and its arm in `make_screen`.
//! 5. Strings go in `i18n.rs` (one line each, in your screen's section); colours come from
//!    `ctx.theme` (never hard-coded); measure text with `widgets::text` (CJK is two columns wide).
//! 6. To show something in another tab return `Action::Open(Target::…)`: the App switches tab
//!    and calls that screen's `open`. Palette commands of a screen come from `commands`.
//! 7. Test it by rendering `App` into ratatui's `TestBackend` (see tests/it/tui_shell/).
//!
//! Key routing: overlays (help, palette, dialogs) first; then, unless `wants_text_input()`, the
//! global keys (`?`, `:`, `q`, Tab, Shift-Tab, digits 1–8); then the screen. A screen that is
//! taking text receives every key except F1 (help), Ctrl-P (palette) and Ctrl-C (quit), which
//! work everywhere; it must handle Esc itself (leave the box).
//! Return `Some(Action::Back)` for an Esc the screen does not need.
//! Reloads happen after the screen's own writes and within a second of another process's commit
//! (`PRAGMA data_version`); `reload` must keep the cursor and search text.

use super::action::{Action, Intent, Target};
use super::commands::PaletteCommand;
use super::i18n::{self, Lang, Msg};
use super::keymap::HelpEntry;
use super::outcome::Written;
use super::theme::Theme;
use crate::domain::Settings;
use crate::error::Result;
use crate::search::Index;
use crate::store::Db;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::fmt::Display;

/// Read access to everything a screen needs.
pub struct Ctx<'a> {
    pub db: &'a Db,
    pub settings: &'a Settings,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// "Now" for this frame (crate::clock; pinned by LIAOYUAN_NOW in tests).
    pub now: NaiveDateTime,
    /// Who the writes are audited as (shown in the status bar).
    pub actor: &'a str,
    /// The teacher search index (built once at start-up, updated on changes).
    pub index: &'a Index,
}

impl<'a> Ctx<'a> {
    pub fn conn(&self) -> &'a rusqlite::Connection {
        &self.db.conn
    }
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
    /// True when the UI speaks Chinese (for `code.label(ctx.zh())`).
    pub fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }
    pub fn read_only(&self) -> bool {
        self.db.read_only
    }
    /// A message in the UI language.
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.get(self.lang)
    }
    /// A message with `{}` placeholders filled in order.
    pub fn tf(&self, msg: Msg, args: &[&dyn Display]) -> String {
        i18n::fill(msg.get(self.lang), args)
    }
}

/// One tab of the application.
pub trait Screen {
    /// The tab's name (also the help overlay's title).
    fn title(&self) -> Msg;

    /// The screen's own keys, for the `?` overlay (usually `keymap::help(KEYS)`).
    fn help(&self) -> Vec<HelpEntry>;

    /// Maps a key to an action; `None` when the key only changed the screen's own state
    /// or means nothing here.
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action>;

    /// Draws the screen into `area` (the space between the tab bar and the status bar).
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx);

    /// Re-reads the database, keeping the cursor and the search text.
    fn reload(&mut self, ctx: &Ctx) -> Result<()>;

    /// True while a text box of the screen has the focus: `q`, digits and `?` are typed
    /// into it instead of acting globally.
    fn wants_text_input(&self) -> bool {
        false
    }

    /// The tab was just brought into view (another tab was shown before). A screen with a
    /// text box that should have the focus whenever it is shown (the desk) takes it here.
    fn on_show(&mut self) {}

    /// A mouse event inside the screen's `area` (last rendered). Scroll and click where natural.
    fn handle_mouse(&mut self, _event: MouseEvent, _area: Rect, _ctx: &Ctx) -> Option<Action> {
        None
    }

    /// Show and select `target` (after `Action::Open`). Returns false when this screen does
    /// not show such targets.
    fn open(&mut self, _target: &Target, _ctx: &Ctx) -> bool {
        false
    }

    /// What became of a write this screen asked for (`intent`, as it asked). Called after the
    /// reloads the write caused, whichever tab is shown; `Waiting` may be followed by the
    /// final outcome ticks later.
    fn on_written(&mut self, _intent: &Intent, _written: &Written, _ctx: &Ctx) {}

    /// Input typed but not yet saved (quitting then asks first).
    fn has_unsaved(&self) -> bool {
        false
    }

    /// Extra commands this screen offers in the `:` palette (e.g. `import teachers PATH`).
    fn commands(&self) -> Vec<PaletteCommand> {
        Vec::new()
    }
}
