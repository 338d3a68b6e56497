//! The credit registration form (`:credit add`, 登记学分, docs/rules.md §4.3.4): a teacher
//! picked by search over the teacher index (type, ↑/↓ among the candidates, Enter takes one),
//! the category (←/→ among the setting `credit_categories`), hours, the credits the category's
//! rule gives (shown beside the hours: no rule lets them be typed), the date earned (today by
//! default), the certificate no. and a note. Once a teacher is picked, their cycle standing
//! and newest ledger entries show under the form. Saving sends `Intent::RegisterCredit`; the
//! entry arrives 待审核 in the registrar's queue (Reports › `g`) and the form closes.

use super::fields::{Event, Field, Form};
use crate::domain::credit_registration::{credits_for, CategoryRule};
use crate::domain::credits::{CreditStanding, Cycle};
use crate::domain::{parse_date, DATE_FMT};
use crate::ops::credit_registration::{Registering, MAX_HOURS};
use crate::store::credits::{self as ledger, LedgerRow};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding};
use crate::tui::screen::Ctx;
use crate::tui::widgets::candidates::{CandidateKey, Candidates};
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerCmd {
    Up,
    Down,
    Delete,
}

/// The ledger keys of the window (besides the form's own keys).
pub const LEDGER_KEYS: &[KeyBinding<LedgerCmd>] = &[
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageUp)],
        command: LedgerCmd::Up,
        help: i18n::CR_KEY_LEDGER_MOVE,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::PageDown)],
        command: LedgerCmd::Down,
        help: i18n::CR_KEY_LEDGER_MOVE,
    },
    KeyBinding {
        keys: &[Key::Ctrl('d')],
        command: LedgerCmd::Delete,
        help: i18n::CR_KEY_DELETE,
    },
];

/// The window's help: the form keys, then the ledger keys.
pub fn help() -> Vec<HelpEntry> {
    let mut h = super::fields::help();
    h.extend(keymap::help(LEDGER_KEYS));
    h
}

pub const TEACHER: usize = 0;
const CATEGORY: usize = 1;
const HOURS: usize = 2;
const DATE: usize = 3;
const EVIDENCE: usize = 4;
const NOTE: usize = 5;

pub struct CreditForm {
    pub form: Form,
    pub teacher_id: Option<i64>,
    /// Teachers matching the teacher field.
    pub candidates: Candidates,
    /// The picked teacher's ledger, newest first, and cycle standing.
    pub ledger: Vec<LedgerRow>,
    pub standing: Option<(Cycle, CreditStanding)>,
    /// The ledger row chosen with PgUp/PgDn (for Ctrl-D), if any.
    pub ledger_cursor: Option<usize>,
}

impl CreditForm {
    pub fn new(ctx: &Ctx) -> CreditForm {
        let categories = ctx
            .settings
            .credit_categories
            .iter()
            .map(|r| r.name.clone().into())
            .collect();
        let form = Form::new(vec![
            Field::text(i18n::CR_F_TEACHER, "").with_note(ctx.t(i18n::CR_NOTE_TEACHER).to_string()),
            Field::choice_of(i18n::CR_F_CATEGORY, categories, 0),
            Field::text(i18n::CR_F_HOURS, "").with_note(ctx.t(i18n::CR_NOTE_BY_RULE).to_string()),
            Field::text(i18n::CR_F_DATE, &ctx.today().format(DATE_FMT).to_string()),
            Field::text(i18n::CR_F_EVIDENCE, "")
                .with_note(ctx.t(i18n::CR_NOTE_EVIDENCE).to_string()),
            Field::text(i18n::CR_F_NOTE, "").with_note(ctx.t(i18n::CR_NOTE_NOTE).to_string()),
        ]);
        CreditForm {
            form,
            teacher_id: None,
            candidates: Candidates::default(),
            ledger: Vec::new(),
            standing: None,
            ledger_cursor: None,
        }
    }

    /// Takes teacher `id` (a candidate) and reads their ledger.
    fn accept_candidate(&mut self, id: i64, ctx: &Ctx) {
        let name = ctx
            .index
            .entry(id)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        self.teacher_id = Some(id);
        self.form.set_text(TEACHER, &name);
        self.load_ledger(ctx);
        self.candidates.clear();
    }

    /// Re-reads the picked teacher's ledger and standing.
    pub fn load_ledger(&mut self, ctx: &Ctx) {
        match self.teacher_id {
            Some(id) => {
                self.ledger = ledger::entries_of_teacher(ctx.conn(), id).unwrap_or_default();
                self.standing =
                    ledger::cycle_standing(ctx.conn(), id, ctx.today(), ctx.settings).ok();
            }
            None => {
                self.ledger.clear();
                self.standing = None;
            }
        }
        if let Some(c) = self.ledger_cursor {
            self.ledger_cursor = (!self.ledger.is_empty()).then(|| c.min(self.ledger.len() - 1));
        }
    }

    /// PgUp/PgDn choose a ledger row; Ctrl-D asks for the reason to delete the chosen manual
    /// entry. `None` when the key is not a ledger key.
    pub fn ledger_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Option<Action>> {
        let cmd = keymap::lookup(LEDGER_KEYS, key)?;
        let last = self.ledger.len().checked_sub(1);
        match cmd {
            LedgerCmd::Up => {
                self.ledger_cursor =
                    last.map(|_| self.ledger_cursor.unwrap_or(0).saturating_sub(1));
            }
            LedgerCmd::Down => {
                self.ledger_cursor = last.map(|l| self.ledger_cursor.map_or(0, |c| (c + 1).min(l)));
            }
            LedgerCmd::Delete => {
                let Some(row) = self.ledger_cursor.and_then(|c| self.ledger.get(c)) else {
                    return Some(Some(Action::Fail(ctx.t(i18n::CR_CHOOSE_ENTRY).to_string())));
                };
                if !row.entry.manual {
                    return Some(Some(Action::Fail(ctx.t(i18n::CR_ONLY_MANUAL).to_string())));
                }
                return Some(Some(Action::AskReason {
                    prompt: ctx.t(i18n::CR_DELETE_REASON).to_string(),
                    intent: Intent::DeleteCreditEntry {
                        entry_id: row.entry.id,
                    },
                }));
            }
        }
        Some(None)
    }

    /// A key; returns the form event (Save and Cancel are the owner's).
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Event {
        if self.form.focus == TEACHER {
            match self.candidates.handle_key(key) {
                CandidateKey::Moved => return Event::None,
                CandidateKey::Take(id) => self.accept_candidate(id, ctx),
                CandidateKey::Other => {}
            }
        }
        let ev = self.form.handle_key(key);
        if ev == Event::Changed && self.form.focus == TEACHER {
            self.teacher_id = None;
            self.load_ledger(ctx);
            self.candidates.search(ctx.index, self.form.text(TEACHER));
        }
        if matches!(ev, Event::Left(_)) {
            self.candidates.clear();
        }
        if matches!(ev, Event::Changed | Event::Left(_)) {
            self.validate(ctx);
        }
        ev
    }

    /// The chosen category's rule.
    fn rule<'a>(&self, ctx: &Ctx<'a>) -> Option<&'a CategoryRule> {
        ctx.settings
            .credit_categories
            .get(self.form.choice(CATEGORY))
    }

    /// The hours typed, when they are a number the registration takes.
    fn hours(&self) -> Option<f64> {
        let h = self.form.text(HOURS).trim().parse::<f64>().ok()?;
        (h.is_finite() && h > 0.0 && h <= MAX_HOURS).then_some(h)
    }

    /// Beside the hours: the credits the category's rule gives for them.
    fn show_credits(&mut self, ctx: &Ctx) {
        let note = match (self.rule(ctx), self.hours()) {
            (Some(rule), Some(h)) => {
                let conc = if rule.concentrated {
                    ctx.t(i18n::CR_RULE_CONCENTRATED)
                } else {
                    ""
                };
                ctx.tf(
                    i18n::CR_BY_RULE,
                    &[
                        &credits_for(h, rule),
                        &rule.credits_per_hour,
                        &rule.cap,
                        &conc,
                    ],
                )
            }
            _ => ctx.t(i18n::CR_NOTE_BY_RULE).to_string(),
        };
        self.form.fields[HOURS].note = Some(note);
    }

    /// Checks the fields (problems show next to them); the intent when all are fine.
    pub fn validate(&mut self, ctx: &Ctx) -> Option<Intent> {
        self.show_credits(ctx);
        let lang = ctx.lang;
        let category = self.rule(ctx).map(|r| r.name.clone());
        let hours = self.hours();
        let f = &mut self.form;
        f.clear_problems();
        let bad = |f: &mut Form, i: usize, m: i18n::Msg| f.set_problem(i, m.get(lang).to_string());
        if self.teacher_id.is_none() {
            bad(f, TEACHER, i18n::CR_TEACHER_NOT_PICKED);
        }
        if category.is_none() {
            bad(f, CATEGORY, i18n::CR_NO_CATEGORY);
        }
        if hours.is_none() {
            bad(f, HOURS, i18n::CR_BAD_HOURS);
        }
        let date = parse_date(f.text(DATE));
        match date {
            None => bad(f, DATE, i18n::PJ_BAD_DATE),
            Some(d) if d > ctx.today() => bad(f, DATE, i18n::CR_DATE_FUTURE),
            _ => {}
        }
        if f.has_problems() {
            return None;
        }
        Some(Intent::RegisterCredit {
            entry: Registering {
                teacher_id: self.teacher_id?,
                category: category?,
                hours: hours?,
                earned_on: date?,
                evidence: f.text(EVIDENCE).trim().to_string(),
                note: f.text(NOTE).trim().to_string(),
            },
        })
    }

    /// The save intent, or None with the focus on the first problem.
    pub fn save(&mut self, ctx: &Ctx) -> Option<Intent> {
        let Some(intent) = self.validate(ctx) else {
            if let Some(i) = self.form.first_problem() {
                self.form.focus = i;
            }
            return None;
        };
        self.form.saving = true;
        Some(intent)
    }
}
