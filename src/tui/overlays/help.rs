//! The `?` overlay: global keys, then the current screen's keys, from their key tables.

use super::Outcome;
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, truncate, width};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub struct HelpOverlay {
    screen: Msg,
    global: Vec<HelpEntry>,
    local: Vec<HelpEntry>,
    scroll: usize,
}

impl HelpOverlay {
    pub fn new(screen: Msg, local: Vec<HelpEntry>) -> Self {
        HelpOverlay {
            screen,
            global: keymap::global_help(),
            local,
            scroll: 0,
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        if matches!(
            key.code,
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q')
        ) {
            return Outcome::Close;
        }
        if let Some(m) = keymap::lookup(keymap::MOVE_KEYS, key) {
            self.scroll = match m {
                Move::Up | Move::PageUp | Move::Top => self.scroll.saturating_sub(match m {
                    Move::Up => 1,
                    Move::PageUp => 10,
                    _ => usize::MAX,
                }),
                Move::Down => self.scroll + 1,
                Move::PageDown => self.scroll + 10,
                Move::Bottom => usize::MAX / 2,
            };
        }
        Outcome::Keep
    }

    /// Entries sharing a help text (j and k both "move") merged on one line.
    fn merged(entries: &[HelpEntry]) -> Vec<HelpEntry> {
        let mut out: Vec<HelpEntry> = Vec::new();
        for e in entries {
            match out.last_mut() {
                Some(last) if last.help == e.help => {
                    last.keys = format!("{} {}", last.keys, e.keys);
                }
                _ => out.push(e.clone()),
            }
        }
        out
    }

    /// The help lines for a window `inner_w` columns wide inside its borders; a line that does
    /// not fit is cut with "…" (by display width), never silently at the border.
    fn lines(&self, ctx: &Ctx, inner_w: usize) -> Vec<Line<'static>> {
        let global = Self::merged(&self.global);
        // A screen entry the global list already shows ("/ 搜索", "Esc 返回") is not repeated:
        // at 80×24 every line of the window counts.
        let mut local = Self::merged(&self.local);
        local.retain(|e| !global.iter().any(|g| g.keys == e.keys && g.help == e.help));
        let key_w = global
            .iter()
            .chain(&local)
            .map(|e| width(&e.keys))
            .max()
            .unwrap_or(4)
            .clamp(4, 28)
            + 2;
        let key_w = key_w.min(inner_w);
        let help_w = inner_w - key_w;
        let mut out = Vec::new();
        // The screen's own keys first: they are what `?` was pressed for, and at 80×24 the
        // global list would push them below the fold.
        for (title, entries) in [
            (i18n::HELP_THIS_SCREEN, &local),
            (i18n::HELP_EVERYWHERE, &global),
        ] {
            if entries.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(Line::from(""));
            }
            out.push(Line::from(Span::styled(
                truncate(ctx.t(title), inner_w),
                ctx.theme.accent(),
            )));
            for e in entries {
                out.push(Line::from(vec![
                    Span::styled(pad(&e.keys, key_w), ctx.theme.highlight()),
                    Span::styled(truncate(ctx.t(e.help), help_w), ctx.theme.base()),
                ]));
            }
        }
        out
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        // The window is 72 columns wide (less on a narrower terminal): its height depends on
        // the number of lines only, so the width is known before the lines are cut to it.
        let inner_w = usize::from(area.width.min(72)).saturating_sub(2);
        let lines = self.lines(ctx, inner_w);
        let h = (lines.len() as u16 + 2).min(area.height);
        let r = super::centred(frame, area, 72, h);
        let inner_h = r.height.saturating_sub(2) as usize;
        self.scroll = self.scroll.min(lines.len().saturating_sub(inner_h));
        let title = ctx.tf(i18n::HELP_TITLE, &[&ctx.t(self.screen)]);
        // The way out stays visible at the bottom; say so when there is more to scroll.
        let footer = if lines.len() > inner_h {
            let more = if self.scroll + inner_h < lines.len() {
                "↓"
            } else {
                "↑"
            };
            format!(" {} · j/k {more} ", ctx.t(i18n::HELP_CLOSE))
        } else {
            format!(" {} ", ctx.t(i18n::HELP_CLOSE))
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(format!(" {title} "), ctx.theme.title()))
            .title_bottom(Span::styled(footer, ctx.theme.muted()));
        let p = Paragraph::new(lines)
            .block(block)
            .style(ctx.theme.base())
            .scroll((self.scroll as u16, 0));
        frame.render_widget(p, r);
    }
}
