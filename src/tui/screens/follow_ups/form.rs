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
use crate::tui::screens::form_outcome::FormOutcome;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormCmd {
    Save,
    Cancel,
    Next,
    Prev,
    Less,
    More,
    PickNext,
    ToggleRetired,
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
    KeyBinding {
        keys: &[Key::Ctrl('r')],
        command: FormCmd::ToggleRetired,
        help: i18n::FU_KEY_RETIRED_TRAINERS,
    },
];

pub(super) const HELD: usize = 0;
pub(super) const TITLE: usize = 1;
pub(super) const PLACE: usize = 2;
pub(super) const OBSERVER: usize = 3;
pub(super) const RATING: usize = 4;
pub(super) const NOTES: usize = 5;
pub(super) const STATUS: usize = 6;
pub(super) const FIELDS: usize = 7;

/// Lines the form needs, borders included.
pub const HEIGHT: u16 = FIELDS as u16 + 5;

pub struct FollowUpForm {
    pub id: i64,
    pub(super) heading: String,
    pub(super) original: FollowUpStatus,
    pub(super) held: TextInput,
    pub(super) title: TextInput,
    pub(super) place: TextInput,
    pub(super) observer: TextInput,
    /// The trainer picked for the observer field (id, name).
    pub(super) picked: Option<(i64, String)>,
    /// Which trainer match Ctrl-N has reached.
    pub(super) candidate: usize,
    /// Ctrl-R: retired trainers are offered too (after the others).
    pub(super) include_retired: bool,
    pub(super) rating: Option<Rating>,
    pub(super) notes: TextInput,
    pub(super) status: FollowUpStatus,
    pub(super) field: usize,
    pub(super) error: Option<String>,
    pub(super) dirty: bool,
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
            include_retired: false,
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
        validate(&r, ctx.today()).map_err(|e| e.text(ctx.lang))?;
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
        let m = self.matches(trainers).lines;
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
            Some(FormCmd::Cancel) => {
                // Changes are discarded only by a second Esc.
                if !self.dirty || self.error.as_deref() == Some(ctx.t(i18n::FORM_DISCARD_AGAIN)) {
                    return FormOutcome::Close;
                }
                self.error = Some(ctx.t(i18n::FORM_DISCARD_AGAIN).to_string());
                return FormOutcome::Keep;
            }
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
            Some(FormCmd::ToggleRetired) if self.field == OBSERVER => {
                self.include_retired = !self.include_retired;
                self.candidate = 0;
            }
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
}
