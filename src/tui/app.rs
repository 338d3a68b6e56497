//! The router: owns the database, the screens and the overlays; maps events to actions and
//! `update` is the only place that acts on them (and the only writer, through `write.rs`).

use super::action::{Action, Target};
use super::chrome;
use super::commands;
use super::i18n::{self, Lang};
use super::index_loader;
use super::keymap::{self, Global};
use super::overlays::{dialog, help::HelpOverlay, palette::Palette, Outcome, Overlay};
use super::screen::{Ctx, Screen};
use super::screens::{make_screen, TabId};
use super::theme::Theme;
use super::write;
use crate::domain::Settings;
use crate::error::Result;
use crate::search::Index;
use crate::store::Db;
use chrono::NaiveDateTime;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::Frame;

/// Start-up options of the TUI.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Option<String>,
    /// `NO_COLOR` is set: mono theme, no colours.
    pub no_color: bool,
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
}

impl Shared {
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            db: &self.db,
            settings: &self.settings,
            lang: self.lang,
            theme: &self.theme,
            now: self.now,
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
    /// Teachers' (count, max id) when the index was built.
    teachers_fingerprint: (i64, i64),
    /// Where each tab label was drawn (for mouse clicks).
    tab_hits: Vec<(Rect, usize)>,
    body: Rect,
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
        let settings = crate::store::settings::load(&db.conn)?;
        let theme = Theme::load(opts.theme.as_deref(), opts.no_color)?;
        let data_version = db.data_version()?;
        let teachers_fingerprint = index_loader::fingerprint(&db.conn);
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
            teachers_fingerprint,
            tab_hits: Vec::new(),
            body: Rect::default(),
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
                let text = self.shared.ctx().tf(i18n::ERROR_PREFIX, &[&e]);
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
            let text = ctx.tf(i18n::ERROR_PREFIX, &[&e]);
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
            ticks_left: TOAST_TICKS,
        });
    }

    /// Called about every 250 ms: expires the toast and notices other processes' commits.
    pub fn tick(&mut self) {
        if let Some(t) = &mut self.toast {
            t.ticks_left = t.ticks_left.saturating_sub(1);
            if t.ticks_left == 0 {
                self.toast = None;
            }
        }
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
    /// added or removed teachers.
    fn refresh_index_if_teachers_changed(&mut self) {
        let fp = index_loader::fingerprint(&self.shared.db.conn);
        if fp == self.teachers_fingerprint {
            return;
        }
        self.teachers_fingerprint = fp;
        match index_loader::Loading::start(&self.shared.db.path) {
            Some(l) => self.loading = Some(l),
            None => {
                if let Ok(index) = index_loader::build(&self.shared.db.conn) {
                    self.shared.index = index;
                }
            }
        }
    }

    /// One terminal event.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(k),
            Event::Mouse(m) => self.handle_mouse(m),
            _ => {}
        }
    }

    /// One key press: overlay, else global keys (unless typing), else the screen.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let ctx = self.shared.ctx();
        if let Some(ov) = &mut self.overlay {
            match ov.handle_key(&key, &ctx) {
                Outcome::Keep => {}
                Outcome::Close => self.overlay = None,
                Outcome::Run(a) => {
                    self.overlay = None;
                    self.update(a);
                }
            }
            return;
        }
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        let screen = &mut self.screens[self.active];
        if ctrl_c {
            return self.update(Action::Quit);
        }
        if !screen.wants_text_input() {
            if let Some(g) = keymap::lookup(keymap::GLOBAL_KEYS, &key) {
                let a = match g {
                    Global::Help => Action::OpenHelp,
                    Global::Palette => Action::OpenPalette,
                    Global::Quit => Action::Quit,
                    Global::NextTab => Action::NextTab,
                    Global::PrevTab => Action::PrevTab,
                };
                return self.update(a);
            }
            if let KeyCode::Char(c @ '1'..='8') = key.code {
                if key.modifiers.difference(KeyModifiers::SHIFT).is_empty() {
                    let i = c as usize - '1' as usize;
                    return self.update(Action::GoToTab(TabId::ALL[i]));
                }
            }
        }
        if let Some(a) = screen.handle_key(key, &ctx) {
            self.update(a);
        }
    }

    fn handle_mouse(&mut self, m: MouseEvent) {
        if self.overlay.is_some() {
            return;
        }
        if let MouseEventKind::Down(_) = m.kind {
            let hit = self
                .tab_hits
                .iter()
                .find(|(r, _)| r.contains((m.column, m.row).into()))
                .map(|(_, i)| *i);
            if let Some(i) = hit {
                return self.update(Action::GoToTab(TabId::ALL[i]));
            }
        }
        if self.body.contains((m.column, m.row).into()) {
            let ctx = self.shared.ctx();
            if let Some(a) = self.screens[self.active].handle_mouse(m, self.body, &ctx) {
                self.update(a);
            }
        }
    }

    fn go_to(&mut self, i: usize) {
        if i != self.active {
            self.history.push(self.active);
            if self.history.len() > 32 {
                self.history.remove(0);
            }
            self.active = i;
        }
        self.refresh_active();
    }

    /// The only place that acts on an action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                if self.screens.iter().any(|s| s.has_unsaved()) {
                    self.overlay = Some(Overlay::Confirm(dialog::Confirm {
                        question: self.shared.ctx().t(i18n::QUIT_UNSAVED).to_string(),
                        then: Action::ForceQuit,
                    }));
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Back => {
                if let Some(i) = self.history.pop() {
                    self.active = i;
                    self.refresh_active();
                }
            }
            Action::GoToTab(t) => self.go_to(t.index()),
            Action::NextTab => self.go_to((self.active + 1) % self.screens.len()),
            Action::PrevTab => {
                let n = self.screens.len();
                self.go_to((self.active + n - 1) % n)
            }
            Action::Open(target) => self.open(target),
            Action::OpenHelp => {
                let s = &self.screens[self.active];
                self.overlay = Some(Overlay::Help(HelpOverlay::new(s.title(), s.help())));
            }
            Action::OpenPalette => {
                let mut cmds = commands::global(self.shared.lang);
                for s in &self.screens {
                    cmds.extend(s.commands());
                }
                self.overlay = Some(Overlay::Palette(Palette::new(cmds)));
            }
            Action::SetTheme(name) => match Theme::load(Some(&name), self.shared.no_color) {
                Ok(t) => {
                    let text = self.shared.ctx().tf(i18n::THEME_SET, &[&t.name]);
                    self.shared.theme = t;
                    self.set_toast(text, false);
                }
                Err(e) => self.set_toast(e.to_string(), true),
            },
            Action::SetLanguage(lang) => {
                self.shared.lang = lang;
                self.data_changed();
            }
            Action::Reload => self.data_changed(),
            Action::Toast(text) => self.set_toast(text, false),
            Action::Fail(text) => self.set_toast(text, true),
            Action::Confirm { question, then } => {
                self.overlay = Some(Overlay::Confirm(dialog::Confirm {
                    question,
                    then: *then,
                }));
            }
            Action::AskReason { prompt, intent } => {
                self.overlay = Some(Overlay::Reason(dialog::ReasonPrompt::new(prompt, intent)));
            }
            Action::Write { intent, reason } => self.write(intent, reason),
            Action::Batch(list) => list.into_iter().for_each(|a| self.update(a)),
            Action::PreviewImport { kind, path } => {
                let p = super::screens::import_preview::ImportPreview::compute(
                    &mut self.shared.db,
                    kind,
                    &path,
                );
                self.overlay = Some(Overlay::ImportPreview(p));
            }
        }
    }

    fn open(&mut self, target: Target) {
        let tab = match target {
            Target::Teacher(_) => TabId::Teachers,
            Target::Project(_) => TabId::Projects,
            Target::Session(_) => TabId::CheckIn,
            Target::Trainer(_) => TabId::Starlight,
            Target::School(_) => TabId::Reports,
        };
        self.go_to(tab.index());
        let ctx = self.shared.ctx();
        self.screens[self.active].open(&target, &ctx);
    }

    fn write(&mut self, intent: super::action::Intent, reason: Option<String>) {
        if self.shared.db.read_only {
            let text = self.shared.ctx().t(i18n::READ_ONLY_REFUSED).to_string();
            return self.set_toast(text, true);
        }
        let lang = self.shared.lang;
        let now = self.shared.now;
        match write::execute(&mut self.shared.db, &intent, reason.as_deref(), now, lang) {
            Ok(done) => {
                if let Some(s) = done.settings {
                    self.shared.settings = s;
                }
                if !done.teachers_changed.is_empty() {
                    for id in done.teachers_changed {
                        self.upsert_teacher(id);
                    }
                    self.teachers_fingerprint = index_loader::fingerprint(&self.shared.db.conn);
                }
                // Our own commit does not change our data_version; keep it in step anyway.
                if let Ok(v) = self.shared.db.data_version() {
                    self.data_version = v;
                }
                if let Some(text) = done.message {
                    self.set_toast(text, false);
                }
                self.data_changed();
            }
            Err(e) => {
                let text = self.shared.ctx().tf(i18n::ERROR_PREFIX, &[&e]);
                self.set_toast(text, true);
            }
        }
    }

    fn upsert_teacher(&mut self, id: i64) {
        if let Ok(entry) = crate::store::search_source::teacher_entry(&self.shared.db.conn, id) {
            match entry {
                Some(e) => self.shared.index.upsert(e),
                None => self.shared.index.remove(id),
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
        chrome::status_bar(frame, status, self.toast.as_ref(), &ctx);
        if let Some(ov) = &mut self.overlay {
            ov.render(frame, body, &ctx);
        }
    }
}
