//! The Follow-ups tab's form: record what was held (date, title, place), who observed it (a
//! Starlight trainer picked by search, or a staff name), the rating, notes and the status.
//! Rules are checked with `ops::follow_ups::validate` before the intent leaves the screen, so
//! a mistake keeps the form open with its text.

use crate::domain::{FollowUpStatus, Rating};
use crate::ops::follow_ups::{moves_back, validate, FollowUpRecord};
use crate::store::follow_ups::FollowUpLine;
use crate::store::trainer_list::TrainerLine;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{Key, KeyBinding};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, truncate, width};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormCmd {
    Save,
    Cancel,
    Next,
    Prev,
    Less,
    More,
    PickNext,
}

pub const FORM_KEYS: &[KeyBinding<FormCmd>] = &[
    KeyBinding {
        keys: &[Key::Ctrl('s')],
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
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::Tab),
            Key::Code(KeyCode::Enter),
        ],
        command: FormCmd::Next,
        help: i18n::KEY_FORM_FIELD,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Up), Key::Code(KeyCode::BackTab)],
        command: FormCmd::Prev,
        help: i18n::KEY_FORM_FIELD,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Left)],
        command: FormCmd::Less,
        help: i18n::KEY_FORM_CHANGE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Right)],
        command: FormCmd::More,
        help: i18n::KEY_FORM_CHANGE,
    },
    KeyBinding {
        keys: &[Key::Ctrl('n')],
        command: FormCmd::PickNext,
        help: i18n::KEY_FORM_PICK,
    },
];

const HELD: usize = 0;
const TITLE: usize = 1;
const PLACE: usize = 2;
const OBSERVER: usize = 3;
const RATING: usize = 4;
const NOTES: usize = 5;
const STATUS: usize = 6;
const FIELDS: usize = 7;

/// Lines the form needs, borders included.
pub const HEIGHT: u16 = FIELDS as u16 + 5;

pub enum FormOutcome {
    Keep,
    Close,
    Run(Action),
}

pub struct FollowUpForm {
    pub id: i64,
    heading: String,
    original: FollowUpStatus,
    held: TextInput,
    title: TextInput,
    place: TextInput,
    observer: TextInput,
    /// The trainer picked for the observer field (id, name).
    picked: Option<(i64, String)>,
    /// Which trainer match Ctrl-N has reached.
    candidate: usize,
    rating: Option<Rating>,
    notes: TextInput,
    status: FollowUpStatus,
    field: usize,
    error: Option<String>,
    dirty: bool,
}

fn input(text: &str) -> TextInput {
    let mut t = TextInput::new();
    t.set(text);
    t
}

impl FollowUpForm {
    /// A form for `line`. Recording a pending follow-up proposes today and "done".
    pub fn new(line: &FollowUpLine, ctx: &Ctx) -> Self {
        let f = &line.follow_up;
        let pending = f.status == FollowUpStatus::Pending;
        let held = match f.held_date {
            Some(d) => d.to_string(),
            None if pending => ctx.today().to_string(),
            None => String::new(),
        };
        let picked = f.observer_trainer_id.zip(line.observer_name.clone());
        let observer = match &picked {
            Some((_, name)) => name.clone(),
            None => f.observer_staff.clone(),
        };
        FollowUpForm {
            id: f.id,
            heading: format!(
                "{} · {} · {}",
                line.teacher_name,
                line.project_code,
                f.kind.label(ctx.zh())
            ),
            original: f.status,
            held: input(&held),
            title: input(&f.title),
            place: input(&f.place),
            observer: input(&observer),
            picked,
            candidate: 0,
            rating: f.rating,
            notes: input(&f.notes),
            status: if pending {
                FollowUpStatus::Done
            } else {
                f.status
            },
            field: HELD,
            error: None,
            dirty: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    fn text_mut(&mut self) -> Option<&mut TextInput> {
        match self.field {
            HELD => Some(&mut self.held),
            TITLE => Some(&mut self.title),
            PLACE => Some(&mut self.place),
            OBSERVER => Some(&mut self.observer),
            NOTES => Some(&mut self.notes),
            _ => None,
        }
    }

    /// Trainers whose name, pinyin or school match the observer text.
    fn matches<'a>(&self, trainers: &'a [(TrainerLine, (String, String))]) -> Vec<&'a TrainerLine> {
        let needle = self.observer.text().trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        trainers
            .iter()
            .filter(|(l, keys)| super::starlight::trainer_matches(l, keys, &needle))
            .map(|(l, _)| l)
            .take(20)
            .collect()
    }

    fn cycle_rating(&mut self, up: bool) {
        let mut all: Vec<Option<Rating>> = vec![None];
        all.extend(Rating::ALL.iter().copied().map(Some));
        let i = all.iter().position(|r| *r == self.rating).unwrap_or(0);
        let n = all.len();
        self.rating = all[if up { (i + 1) % n } else { (i + n - 1) % n }];
        // A rating means the follow-up was evaluated; no rating means it was not.
        match (self.rating, self.status) {
            (Some(_), FollowUpStatus::Done | FollowUpStatus::Pending) => {
                self.status = FollowUpStatus::Evaluated
            }
            (None, FollowUpStatus::Evaluated) => self.status = FollowUpStatus::Done,
            _ => {}
        }
    }

    fn cycle_status(&mut self, up: bool) {
        let all = FollowUpStatus::ALL;
        let i = all.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = all.len();
        self.status = all[if up { (i + 1) % n } else { (i + n - 1) % n }];
    }

    /// The record, or a message saying what to fix.
    fn record(&self, ctx: &Ctx) -> Result<FollowUpRecord, String> {
        let held = self.held.text().trim();
        let held_date = if held.is_empty() {
            None
        } else {
            Some(
                crate::domain::parse_date(held)
                    .ok_or_else(|| ctx.tf(i18n::FU_BAD_DATE, &[&held]))?,
            )
        };
        let picked = self
            .picked
            .as_ref()
            .filter(|(_, name)| name == self.observer.text().trim());
        let r = FollowUpRecord {
            held_date,
            title: self.title.text().to_string(),
            place: self.place.text().to_string(),
            observer_trainer_id: picked.map(|p| p.0),
            observer_staff: if picked.is_some() {
                String::new()
            } else {
                self.observer.text().to_string()
            },
            rating: self.rating,
            notes: self.notes.text().to_string(),
            status: self.status,
        };
        validate(&r, ctx.today()).map_err(|e| e.to_string())?;
        Ok(r)
    }

    fn submit(&mut self, ctx: &Ctx) -> FormOutcome {
        match self.record(ctx) {
            Err(e) => {
                self.error = Some(e);
                FormOutcome::Keep
            }
            Ok(record) => {
                let intent = Intent::RecordFollowUp {
                    follow_up_id: self.id,
                    record,
                };
                FormOutcome::Run(if moves_back(self.original, self.status) {
                    Action::AskReason {
                        prompt: ctx.tf(i18n::FU_BACK_REASON, &[&self.status.label(ctx.zh())]),
                        intent,
                    }
                } else {
                    Action::write(intent)
                })
            }
        }
    }

    fn pick(&mut self, trainers: &[(TrainerLine, (String, String))]) -> bool {
        let m = self.matches(trainers);
        if m.is_empty() {
            return false;
        }
        let t = m[self.candidate % m.len()];
        self.observer.set(&t.trainer.name);
        self.picked = Some((t.trainer.id, t.trainer.name.clone()));
        self.candidate = 0;
        true
    }

    pub fn handle_key(
        &mut self,
        key: &KeyEvent,
        cmd: Option<FormCmd>,
        trainers: &[(TrainerLine, (String, String))],
        ctx: &Ctx,
    ) -> FormOutcome {
        let text_field = matches!(self.field, HELD | TITLE | PLACE | OBSERVER | NOTES);
        match cmd {
            Some(FormCmd::Save) => return self.submit(ctx),
            Some(FormCmd::Cancel) => return FormOutcome::Close,
            Some(FormCmd::Next) => {
                let observer_unpicked = self.field == OBSERVER
                    && key.code == KeyCode::Enter
                    && self.picked.as_ref().map(|p| p.1.as_str()) != Some(self.observer.text());
                if observer_unpicked && self.pick(trainers) {
                    self.dirty = true;
                    return FormOutcome::Keep;
                }
                if key.code == KeyCode::Enter && self.field == FIELDS - 1 {
                    return self.submit(ctx);
                }
                self.field = (self.field + 1).min(FIELDS - 1);
            }
            Some(FormCmd::Prev) => self.field = self.field.saturating_sub(1),
            Some(FormCmd::PickNext) if self.field == OBSERVER => self.candidate += 1,
            Some(FormCmd::Less | FormCmd::More) if !text_field => {
                let up = cmd == Some(FormCmd::More);
                if self.field == RATING {
                    self.cycle_rating(up);
                } else {
                    self.cycle_status(up);
                }
                self.dirty = true;
            }
            _ => {
                let field = self.field;
                if let Some(t) = self.text_mut() {
                    if t.handle_key(key) {
                        self.dirty = true;
                        if field == OBSERVER {
                            self.candidate = 0;
                        }
                    }
                }
            }
        }
        self.error = None;
        FormOutcome::Keep
    }

    /// Draws the form as a bordered box over `area`.
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        trainers: &[(TrainerLine, (String, String))],
        ctx: &Ctx,
    ) {
        let th = ctx.theme;
        let zh = ctx.zh();
        frame.render_widget(Clear, area);
        let title = ctx.tf(i18n::FU_FORM_TITLE, &[&self.heading]);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(th.accent())
            .title(Span::styled(
                truncate(&title, area.width as usize - 2),
                th.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let labels = [
            i18n::FIELD_HELD,
            i18n::FIELD_TITLE,
            i18n::FIELD_PLACE,
            i18n::FIELD_OBSERVER,
            i18n::FIELD_RATING,
            i18n::FIELD_NOTES,
            i18n::FIELD_STATUS,
        ];
        let label_w = labels.iter().map(|l| width(ctx.t(*l))).max().unwrap_or(8);
        let mut y = inner.y;
        for (i, label) in labels.iter().enumerate() {
            if y >= inner.bottom() {
                return;
            }
            let focused = i == self.field;
            let label_style = if focused { th.accent() } else { th.muted() };
            let row = Rect::new(inner.x, y, inner.width, 1);
            let value_area = Rect {
                x: inner.x + label_w as u16 + 1,
                width: inner.width.saturating_sub(label_w as u16 + 1),
                ..row
            };
            frame.render_widget(
                Paragraph::new(Span::styled(pad(ctx.t(*label), label_w), label_style)),
                row,
            );
            let style = if focused { th.selected() } else { th.base() };
            let choice = |text: &str| Paragraph::new(Span::styled(format!("‹ {text} ›"), style));
            match i {
                RATING => {
                    let r = self
                        .rating
                        .map_or(ctx.t(i18n::FU_NO_RATING), |r| r.label(zh));
                    frame.render_widget(choice(r), value_area);
                }
                STATUS => frame.render_widget(choice(self.status.label(zh)), value_area),
                _ => {
                    let t = match i {
                        HELD => &self.held,
                        TITLE => &self.title,
                        PLACE => &self.place,
                        OBSERVER => &self.observer,
                        _ => &self.notes,
                    };
                    t.render(frame, value_area, Span::raw(""), th.base(), focused);
                }
            }
            y += 1;
            if i == OBSERVER && y < inner.bottom() {
                let hint = self.observer_hint(trainers, ctx);
                let hint_area = Rect { y, ..value_area };
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        truncate(&hint, hint_area.width as usize),
                        th.muted(),
                    )),
                    hint_area,
                );
                y += 1;
            }
        }
        if y < inner.bottom() {
            let (text, style) = match &self.error {
                Some(e) => (e.clone(), th.bad()),
                None => (ctx.t(i18n::FU_FORM_KEYS).to_string(), th.muted()),
            };
            let last = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(truncate(&text, inner.width as usize), style)),
                last,
            );
        }
    }

    fn observer_hint(&self, trainers: &[(TrainerLine, (String, String))], ctx: &Ctx) -> String {
        let text = self.observer.text().trim();
        if let Some((_, name)) = &self.picked {
            if name == text {
                return format!("✓ {}", ctx.t(i18n::FU_OBSERVER_TRAINER));
            }
        }
        if text.is_empty() {
            return String::new();
        }
        let m = self.matches(trainers);
        if m.is_empty() {
            return ctx.t(i18n::FU_OBSERVER_STAFF).to_string();
        }
        let t = m[self.candidate % m.len()];
        let who = format!("{}（{}）", t.trainer.name, t.school);
        ctx.tf(i18n::FU_OBSERVER_PICK, &[&who])
    }
}
