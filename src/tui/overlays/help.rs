//! The `?` overlay: global keys, then the current screen's keys, from their key tables.

use super::Outcome;
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, width};
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

    fn lines(&self, ctx: &Ctx, key_w: usize) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        let section = |title: Msg, entries: &[HelpEntry], out: &mut Vec<Line<'static>>| {
            out.push(Line::from(Span::styled(ctx.t(title), ctx.theme.accent())));
            let mut last = None;
            for e in entries {
                // Entries sharing a help text (j and k both "move") are merged on one line.
                if last == Some(e.help) {
                    if let Some(l) = out.last_mut() {
                        l.spans[0].content = pad(
                            &format!("{} {}", l.spans[0].content.trim_end(), e.keys),
                            key_w,
                        )
                        .into();
                    }
                    continue;
                }
                last = Some(e.help);
                out.push(Line::from(vec![
                    Span::styled(pad(&e.keys, key_w), ctx.theme.highlight()),
                    Span::styled(ctx.t(e.help), ctx.theme.base()),
                ]));
            }
            out.push(Line::from(""));
        };
        section(i18n::HELP_EVERYWHERE, &self.global, &mut out);
        section(i18n::HELP_THIS_SCREEN, &self.local, &mut out);
        out.push(Line::from(Span::styled(
            ctx.t(i18n::HELP_CLOSE),
            ctx.theme.muted(),
        )));
        out
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let key_w = self
            .global
            .iter()
            .chain(&self.local)
            .map(|e| width(&e.keys))
            .max()
            .unwrap_or(4)
            .clamp(4, 26)
            + 2;
        let lines = self.lines(ctx, key_w);
        let h = (lines.len() as u16 + 2).min(area.height);
        let r = super::centred(frame, area, 64, h);
        let inner_h = r.height.saturating_sub(2) as usize;
        self.scroll = self.scroll.min(lines.len().saturating_sub(inner_h));
        let title = ctx.tf(i18n::HELP_TITLE, &[&ctx.t(self.screen)]);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(format!(" {title} "), ctx.theme.title()));
        let p = Paragraph::new(lines)
            .block(block)
            .style(ctx.theme.base())
            .scroll((self.scroll as u16, 0));
        frame.render_widget(p, r);
    }
}
