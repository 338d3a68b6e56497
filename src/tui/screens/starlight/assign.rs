//! The trainer's pane's session picker (`a`): the sessions not closed from today on; `Enter`
//! assigns the selected trainer to the highlighted one (`Intent::AssignTrainer`, which refuses
//! an exited trainer and a double booking, docs/rules.md §4.7). A refusal stays shown.

use crate::store::trainer_life::OpenSession;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::window::window;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Sessions offered.
pub const OFFERED: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct AssignPicker {
    pub trainer_id: i64,
    pub name: String,
    pub sessions: Vec<OpenSession>,
    pub cursor: usize,
    /// Why the last assignment was refused.
    pub refused: Option<String>,
}

pub enum Picked {
    Keep,
    Close,
    Run(Action),
}

impl AssignPicker {
    pub fn handle(&mut self, key: &KeyEvent) -> Picked {
        self.refused = None;
        match key.code {
            KeyCode::Esc => return Picked::Close,
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(self.sessions.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Enter => {
                if let Some(s) = self.sessions.get(self.cursor) {
                    return Picked::Run(Action::write(Intent::AssignTrainer {
                        session_id: s.id,
                        trainer_id: self.trainer_id,
                    }));
                }
            }
            _ => {}
        }
        Picked::Keep
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        crate::tui::overlays::clear(frame, area);
        let title = Span::styled(ctx.tf(i18n::SL_ASSIGN_TITLE, &[&self.name]), th.title());
        let inner = window(frame, area, title, th.accent());
        let w = inner.width as usize;
        let rows = (inner.height as usize).saturating_sub(1);
        let first = self.cursor.saturating_sub(rows.saturating_sub(1));
        let mut lines: Vec<Line> = self
            .sessions
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, s)| {
                let (mark, style) = if i == self.cursor {
                    ("▶ ", th.selected())
                } else {
                    ("  ", th.base())
                };
                Line::from(Span::styled(
                    truncate(&format!("{mark}{}", s.line), w),
                    style,
                ))
            })
            .collect();
        if self.sessions.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::SL_ASSIGN_NONE),
                th.muted(),
            )));
        }
        lines.push(Line::from(match &self.refused {
            Some(why) => Span::styled(truncate(&format!("✗ {why}"), w), th.bad()),
            None => Span::styled(ctx.t(i18n::SL_ASSIGN_KEYS), th.muted()),
        }));
        frame.render_widget(Paragraph::new(lines).style(th.base()), inner);
    }
}
