//! The Starlight tab's edit form: a trainer's status and six competency levels. The form only
//! holds the values; saving returns `Intent::UpdateTrainer` (executed in write.rs).

use crate::domain::starlight::levels_change_needs_reason;
use crate::domain::{Competency, Trainer, TrainerStatus};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding};
use crate::tui::outcome::Outcome;
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::bar;
use crate::tui::widgets::text::{pad, width};
use crate::tui::widgets::window::window;
use crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormCmd {
    Save,
    Cancel,
    Up,
    Down,
    Less,
    More,
    Level(u8),
}

/// The form's keys (shown in the `?` help below the list keys).
pub const FORM_KEYS: &[KeyBinding<FormCmd>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter), Key::Ctrl('s')],
        command: FormCmd::Save,
        help: i18n::KEY_FORM_SAVE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: FormCmd::Cancel,
        help: i18n::KEY_FORM_CANCEL,
    },
    KeyBinding {
        keys: &[
            Key::Char('k'),
            Key::Code(KeyCode::Up),
            Key::Code(KeyCode::BackTab),
        ],
        command: FormCmd::Up,
        help: i18n::KEY_FORM_FIELD,
    },
    KeyBinding {
        keys: &[
            Key::Char('j'),
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::Tab),
        ],
        command: FormCmd::Down,
        help: i18n::KEY_FORM_FIELD,
    },
    KeyBinding {
        keys: &[Key::Char('h'), Key::Code(KeyCode::Left)],
        command: FormCmd::Less,
        help: i18n::KEY_FORM_CHANGE,
    },
    KeyBinding {
        keys: &[Key::Char('l'), Key::Code(KeyCode::Right)],
        command: FormCmd::More,
        help: i18n::KEY_FORM_CHANGE,
    },
    KeyBinding {
        keys: &[Key::Char('0')],
        command: FormCmd::Level(0),
        help: i18n::KEY_FORM_LEVEL,
    },
    KeyBinding {
        keys: &[Key::Char('1')],
        command: FormCmd::Level(1),
        help: i18n::KEY_FORM_LEVEL,
    },
    KeyBinding {
        keys: &[Key::Char('2')],
        command: FormCmd::Level(2),
        help: i18n::KEY_FORM_LEVEL,
    },
    KeyBinding {
        keys: &[Key::Char('3')],
        command: FormCmd::Level(3),
        help: i18n::KEY_FORM_LEVEL,
    },
];

/// Field 0 is the status, fields 1–6 the competencies.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainerForm {
    pub trainer_id: i64,
    pub name: String,
    pub status: TrainerStatus,
    pub levels: [u8; 6],
    original: (TrainerStatus, [u8; 6]),
    pub field: usize,
    /// Esc was pressed once with changes: the next Esc discards them.
    warned: bool,
    /// Why the last save was refused (shown until the next key).
    pub refused: Option<String>,
}

impl TrainerForm {
    pub fn new(t: &Trainer) -> Self {
        TrainerForm {
            trainer_id: t.id,
            name: t.name.clone(),
            status: t.status,
            levels: t.levels,
            original: (t.status, t.levels),
            field: 0,
            warned: false,
            refused: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        (self.status, self.levels) != self.original
    }

    fn step(&mut self, up: bool) {
        if self.field == 0 {
            let all = TrainerStatus::ALL;
            let i = all.iter().position(|s| *s == self.status).unwrap_or(0);
            let n = all.len();
            self.status = all[if up { (i + 1) % n } else { (i + n - 1) % n }];
        } else {
            let l = &mut self.levels[self.field - 1];
            *l = if up {
                (*l + 1).min(3)
            } else {
                l.saturating_sub(1)
            };
        }
    }

    /// What `cmd` does; a save stays open until its outcome (`on_written`) closes it.
    /// A change of level asks `reason_prompt` first (docs/rules.md §4.8).
    pub fn handle(&mut self, cmd: FormCmd, reason_prompt: String) -> Outcome {
        self.refused = None;
        match cmd {
            FormCmd::Save => {
                let intent = Intent::UpdateTrainer {
                    trainer_id: self.trainer_id,
                    status: self.status,
                    levels: self.levels,
                };
                return Outcome::Run(
                    if levels_change_needs_reason(&self.original.1, &self.levels) {
                        Action::AskReason {
                            prompt: reason_prompt,
                            intent,
                        }
                    } else {
                        Action::write(intent)
                    },
                );
            }
            FormCmd::Cancel => {
                // Changes are discarded only by a second Esc.
                if !self.is_dirty() || self.warned {
                    return Outcome::Close;
                }
                self.warned = true;
                return Outcome::Keep;
            }
            FormCmd::Up => self.field = self.field.saturating_sub(1),
            FormCmd::Down => self.field = (self.field + 1).min(6),
            FormCmd::Less => self.step(false),
            FormCmd::More => self.step(true),
            FormCmd::Level(l) if self.field > 0 => self.levels[self.field - 1] = l.min(3),
            FormCmd::Level(_) => {}
        }
        self.warned = false;
        Outcome::Keep
    }

    /// Draws the form as a bordered box over `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let zh = ctx.zh();
        crate::tui::overlays::clear(frame, area);
        let title = Span::styled(ctx.tf(i18n::STAR_EDIT_TITLE, &[&self.name]), th.title());
        let inner = window(frame, area, title, th.accent());
        let labels: Vec<&str> = std::iter::once(ctx.t(i18n::COL_STATUS))
            .chain(Competency::ALL.iter().map(|c| c.label(zh)))
            .collect();
        let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(6);
        let cells = (inner.width as usize)
            .saturating_sub(label_w + 8)
            .clamp(3, 18)
            / 3
            * 3;
        let mut lines = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            let style = if i == self.field {
                th.selected()
            } else {
                th.base()
            };
            let mut spans = vec![Span::styled(
                format!("{} ", pad(label, label_w)),
                th.muted(),
            )];
            if i == 0 {
                spans.push(Span::styled(
                    format!("‹ {} ›", self.status.label(zh)),
                    style,
                ));
            } else {
                let l = self.levels[i - 1];
                spans.push(Span::styled(bar(l as f64, 3.0, cells, '░'), th.accent()));
                spans.push(Span::styled(format!(" ‹{l}›"), style));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::from(if let Some(why) = &self.refused {
            Span::styled(format!("✗ {why}"), th.bad())
        } else if self.warned {
            Span::styled(ctx.t(i18n::FORM_DISCARD_AGAIN), th.bad())
        } else {
            Span::styled(ctx.t(i18n::STAR_FORM_KEYS), th.muted())
        }));
        frame.render_widget(Paragraph::new(lines).style(th.base()), inner);
    }
}
