//! The two dialogs every screen can ask for: a yes/no confirmation before a risky action, and
//! a required reason (lifting a veto, changing a locked session).

use super::Outcome;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

pub struct Confirm {
    pub question: String,
    pub then: Action,
}

impl Confirm {
    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                Outcome::Run(std::mem::replace(&mut self.then, Action::Reload))
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc | KeyCode::Char('q') => {
                Outcome::Close
            }
            _ => Outcome::Keep,
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let r = super::centred(frame, area, 50, 6);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(
                format!(" {} ", ctx.t(i18n::CONFIRM_TITLE)),
                ctx.theme.title(),
            ));
        let p = Paragraph::new(vec![
            Line::from(Span::styled(self.question.clone(), ctx.theme.base())),
            Line::from(""),
            Line::from(Span::styled(ctx.t(i18n::CONFIRM_KEYS), ctx.theme.muted())),
        ])
        .wrap(Wrap { trim: true })
        .block(block);
        frame.render_widget(p, r);
    }
}

pub struct ReasonPrompt {
    pub prompt: String,
    pub intent: Intent,
    pub input: TextInput,
    pub error: bool,
}

impl ReasonPrompt {
    pub fn new(prompt: String, intent: Intent) -> Self {
        ReasonPrompt {
            prompt,
            intent,
            input: TextInput::new(),
            error: false,
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent, _ctx: &Ctx) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Close,
            KeyCode::Enter => {
                let reason = self.input.text().trim().to_string();
                if reason.is_empty() {
                    self.error = true;
                    Outcome::Keep
                } else {
                    Outcome::Run(Action::Write {
                        intent: self.intent.clone(),
                        reason: Some(reason),
                    })
                }
            }
            _ => {
                if self.input.handle_key(key) {
                    self.error = false;
                }
                Outcome::Keep
            }
        }
    }

    /// The prompt (one or more lines, each wrapped to the window), the box, the keys.
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        const WIDTH: u16 = 60;
        let inner_w = usize::from(WIDTH - 2);
        let prompt: Vec<String> = self
            .prompt
            .lines()
            .flat_map(|l| crate::tui::widgets::text::wrap(l, inner_w))
            .collect();
        let h = (prompt.len() as u16).saturating_add(5).max(7);
        let r = super::centred(frame, area, WIDTH, h);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(
                format!(" {} ", ctx.t(i18n::REASON_TITLE)),
                ctx.theme.title(),
            ));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        if inner.height < 3 {
            return;
        }
        let line = |y: u16| Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        // When the window is short, the last prompt lines (the question) stay visible.
        let room = inner.height.saturating_sub(2) as usize;
        let shown = &prompt[prompt.len().saturating_sub(room.max(1))..];
        for (y, text) in shown.iter().enumerate() {
            frame.render_widget(
                Paragraph::new(Span::styled(text.clone(), ctx.theme.base())),
                line(y as u16),
            );
        }
        let y = shown.len() as u16;
        self.input.render(
            frame,
            line(y),
            Span::styled("> ", ctx.theme.accent()),
            ctx.theme.base(),
            true,
        );
        let (text, style) = if self.error {
            (ctx.t(i18n::REASON_EMPTY), ctx.theme.bad())
        } else {
            (ctx.t(i18n::REASON_KEYS), ctx.theme.muted())
        };
        frame.render_widget(Paragraph::new(Span::styled(text, style)), line(y + 1));
    }
}
