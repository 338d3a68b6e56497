//! The router: owns the database, the screens and the overlays. `input.rs` maps events to
//! actions; `update.rs` is the only place that acts on them; `waiting.rs` is the only writer
//! (through `write.rs`), and queues a write while another process holds the write lock.

mod input;
mod update;
mod waiting;

use super::chrome;
use super::colors::ColorDepth;
use super::i18n::{self, Lang};
use super::index_loader;
use super::overlays::Overlay;
use super::screen::{Ctx, Screen};
use super::screens::{make_screen, TabId};
use super::theme::Theme;
use crate::domain::Settings;
use crate::error::Result;
use crate::search::Index;
use crate::store::Db;
use chrono::NaiveDateTime;
use ratatui::layout::Rect;
use ratatui::Frame;

/// Start-up options of the TUI.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Option<String>,
    /// `NO_COLOR` is set: mono theme, no colours.
    pub no_color: bool,
    /// The colours the terminal shows (`--colors`, else from `TERM`/`COLORTERM`).
    pub colors: ColorDepth,
    /// The person the writes are audited as (`crate::clock::actor`, read once by main).
    pub actor: String,
}

/// What screens read through `Ctx`.
pub struct Shared {
    pub db: Db,
    pub settings: Settings,
    pub lang: Lang,
    pub theme: Theme,
    pub index: Index,
    pub now: NaiveDateTime,
    pub no_color: bool,
    pub colors: ColorDepth,
    /// Who the writes are audited as.
    pub actor: String,
}

impl Shared {
    /// The time and actor of a write made now.
    pub fn stamp(&self) -> crate::store::Stamp {
        crate::store::Stamp::new(self.now, self.actor.clone())
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            db: &self.db,
            settings: &self.settings,
            lang: self.lang,
            theme: &self.theme,
            now: self.now,
            actor: &self.actor,
            index: &self.index,
        }
    }
}

/// A status-bar message.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub text: String,
    pub bad: bool,
    /// Ticks (≈250 ms) before it disappears.
    pub ticks_left: u16,
}

const TOAST_TICKS: u16 = 16;
/// A refusal or error stays longer (≈10 s): it carries a reason to read, often a sentence.
const BAD_TOAST_TICKS: u16 = 40;

pub struct App {
    pub shared: Shared,
    screens: Vec<Box<dyn Screen>>,
    /// Screens whose data changed since they last reloaded.
    stale: Vec<bool>,
    active: usize,
    history: Vec<usize>,
    overlay: Option<Overlay>,
    pub toast: Option<Toast>,
    quit: bool,
    data_version: i64,
    /// The search index being built in the background, if any.
    loading: Option<index_loader::Loading>,
    /// What the search index was built from (to notice other processes' changes).
    fingerprint: index_loader::Fingerprint,
    /// Where each tab label was drawn (for mouse clicks).
    tab_hits: Vec<(Rect, usize)>,
    body: Rect,
    /// Writes waiting for another process's write lock.
    waiting: waiting::WaitingWrites,
}

impl App {
    /// Opens the application on `db`: loads settings, builds the search index, loads the
    /// dashboard. Everything is ready when it returns (tests use this).
    pub fn new(db: Db, opts: &Options, now: NaiveDateTime) -> Result<App> {
        let index = index_loader::build(&db.conn)?;
        let mut app = App::with_index(db, opts, now, index)?;
        app.refresh();
        Ok(app)
    }

    /// Opens the application without waiting: the search index is built in a background
    /// thread and no screen has loaded yet, so the first frame can be drawn at once; the loop
    /// then calls `refresh` and `poll_background`.
    pub fn start(db: Db, opts: &Options, now: NaiveDateTime) -> Result<App> {
        match index_loader::Loading::start(&db.path) {
            Some(loading) => {
                let mut app = App::with_index(db, opts, now, Index::new(Vec::new()))?;
                app.loading = Some(loading);
                Ok(app)
            }
            None => App::new(db, opts, now),
        }
    }

    fn with_index(db: Db, opts: &Options, now: NaiveDateTime, index: Index) -> Result<App> {
        // A write never blocks the desk for long: it waits for the lock a moment, then queues.
        db.conn.busy_timeout(waiting::BUSY_ATTEMPT)?;
        let settings = crate::store::settings::load(&db.conn)?;
        let theme = Theme::load(opts.theme.as_deref(), opts.no_color)?.for_depth(opts.colors);
        let data_version = db.data_version()?;
        let fingerprint = index_loader::Fingerprint::of(&db.conn);
        let screens: Vec<Box<dyn Screen>> = TabId::ALL.iter().map(|t| make_screen(*t)).collect();
        Ok(App {
            shared: Shared {
                db,
                settings,
                lang: opts.lang,
                theme,
                index,
                now,
                no_color: opts.no_color,
                colors: opts.colors,
                actor: opts.actor.clone(),
            },
            stale: vec![true; screens.len()],
            screens,
            active: 0,
            history: Vec::new(),
            overlay: None,
            toast: None,
            quit: false,
            data_version,
            loading: None,
            fingerprint,
            tab_hits: Vec::new(),
            body: Rect::default(),
            waiting: waiting::WaitingWrites::default(),
        })
    }

    /// True while the search index is being built.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes the background index when it is ready; true when something changed on screen.
    pub fn poll_background(&mut self) -> bool {
        let Some(result) = self.loading.as_ref().and_then(|l| l.poll()) else {
            return false;
        };
        self.loading = None;
        match result {
            Ok(index) => {
                self.shared.index = index;
                self.data_changed();
            }
            Err(e) => {
                let text = self
                    .shared
                    .ctx()
                    .tf(i18n::ERROR_PREFIX, &[&e.text(self.shared.lang)]);
                self.set_toast(text, true);
            }
        }
        true
    }

    /// Reloads the active screen when its data changed; true when it did.
    pub fn refresh(&mut self) -> bool {
        let was_stale = self.stale[self.active];
        self.refresh_active();
        was_stale
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }
    pub fn active_tab(&self) -> TabId {
        TabId::ALL[self.active]
    }
    pub fn has_overlay(&self) -> bool {
        self.overlay.is_some()
    }
    /// Sets "now" (the loop calls it with crate::clock::now before each event).
    pub fn set_now(&mut self, now: NaiveDateTime) {
        self.shared.now = now;
    }

    /// Reloads the active screen if stale; errors become a toast.
    fn refresh_active(&mut self) {
        if !self.stale[self.active] {
            return;
        }
        let ctx = self.shared.ctx();
        let res = self.screens[self.active].reload(&ctx);
        self.stale[self.active] = false;
        if let Err(e) = res {
            let text = ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]);
            self.set_toast(text, true);
        }
    }

    /// Marks every screen stale and reloads the active one.
    fn data_changed(&mut self) {
        self.stale.iter_mut().for_each(|s| *s = true);
        self.refresh_active();
    }

    fn set_toast(&mut self, text: String, bad: bool) {
        self.toast = Some(Toast {
            text,
            bad,
            ticks_left: if bad { BAD_TOAST_TICKS } else { TOAST_TICKS },
        });
    }

    /// Called about every 250 ms: expires the toast, tries the writes that wait for the lock
    /// again, and notices other processes' commits.
    pub fn tick(&mut self) {
        if let Some(t) = &mut self.toast {
            t.ticks_left = t.ticks_left.saturating_sub(1);
            if t.ticks_left == 0 {
                self.toast = None;
            }
        }
        self.retry_waiting_writes();
        self.check_external_changes();
    }

    /// When another process committed (PRAGMA data_version changed), reload.
    pub fn check_external_changes(&mut self) {
        let Ok(v) = self.shared.db.data_version() else {
            return;
        };
        if v != self.data_version {
            self.data_version = v;
            if let Ok(s) = crate::store::settings::load(&self.shared.db.conn) {
                self.shared.settings = s;
            }
            self.refresh_index_if_teachers_changed();
            self.data_changed();
        }
    }

    /// Rebuilds the search index (in the background when possible) when another process
    /// changed what it shows: teachers added or removed, a teacher or school edited.
    fn refresh_index_if_teachers_changed(&mut self) {
        if !self.fingerprint.refresh(&self.shared.db.conn) {
            return;
        }
        match index_loader::Loading::start(&self.shared.db.path) {
            Some(l) => self.loading = Some(l),
            None => {
                if let Ok(index) = index_loader::build(&self.shared.db.conn) {
                    self.shared.index = index;
                }
            }
        }
    }

    /// Draws one frame: tab bar, the active screen, status bar, overlay (or "too small").
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let ctx = self.shared.ctx();
        if area.width < chrome::MIN_WIDTH || area.height < chrome::MIN_HEIGHT {
            self.tab_hits.clear();
            self.body = Rect::default();
            chrome::too_small(frame, area, &ctx);
            return;
        }
        let (tabs, body, status) = chrome::split(area);
        self.tab_hits = chrome::tab_bar(frame, tabs, self.active, &ctx);
        self.body = body;
        self.screens[self.active].render(frame, body, &ctx);
        let waiting = self.waiting_line();
        let message = match (&waiting, &self.toast) {
            (Some(text), _) => Some((text.as_str(), ctx.theme.warn())),
            (None, Some(t)) if t.bad => Some((t.text.as_str(), ctx.theme.bad())),
            (None, Some(t)) => Some((t.text.as_str(), ctx.theme.ok())),
            (None, None) => None,
        };
        chrome::status_bar(frame, status, message, &ctx);
        if let Some(ov) = &mut self.overlay {
            ov.render(frame, body, &ctx);
        }
    }
}
