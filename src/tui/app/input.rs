//! Keys and mouse → actions: overlays first, then Esc when writes wait (it cancels them), then
//! F1/Ctrl-P/Ctrl-C, then the other global keys (unless the screen takes text), then the
//! active screen. Ctrl-X is Esc, and an Alt-key is Esc then the key (`keymap::ESC_TOO`,
//! `keymap::held_escape`: a terminal multiplexer may hold Esc back and glue it to the next key).

use super::App;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Global};
use crate::tui::overlays::Outcome;
use crate::tui::screens::TabId;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

impl App {
    /// One terminal event.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => match keymap::held_escape(&k) {
                Some([esc, key]) => {
                    self.handle_key(esc);
                    if !self.should_quit() {
                        self.handle_key(key);
                    }
                }
                None => self.handle_key(k),
            },
            Event::Mouse(m) => self.handle_mouse(m),
            _ => {}
        }
    }

    /// One key press: overlay, else global keys (unless typing), else the screen.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let key = keymap::esc_too(key);
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
        // Esc while writes wait for another computer's lock cancels them (the status bar says so).
        if key.code == KeyCode::Esc && self.waiting_writes() > 0 {
            return self.cancel_waiting_writes();
        }
        let screen = &mut self.screens[self.active];
        // These work even while a text box has the focus: they cannot be typed text.
        if let Some(a) = keymap::lookup(keymap::ALWAYS_KEYS, &key) {
            return self.update(match a {
                Global::Help => Action::OpenHelp,
                Global::Palette => Action::OpenPalette,
                _ => Action::Quit,
            });
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

    pub(super) fn handle_mouse(&mut self, m: MouseEvent) {
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
}
