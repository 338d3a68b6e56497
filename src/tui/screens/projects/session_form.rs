//! Add or edit one session: date, start, end, topic, trainer (picked by search over the
//! Starlight trainers: type, ↑/↓ among the candidates, Enter takes one), venue. Retired (退出)
//! trainers are not suggested; a line says how many match, and Ctrl-R lists them too (greyed,
//! with their status) for the rare session that needs one.

use super::fields::{Event, Field, Form};
use crate::domain::{parse_date, parse_time, Project, Session, Trainer, DATE_FMT, TIME_FMT};
use crate::search::{Entry, Index};
use crate::store::sessions::SessionFields;
use crate::tui::action::Intent;
use crate::tui::i18n::{self, Lang};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding};
use crate::tui::screen::Ctx;
use crate::tui::widgets::candidates::{CandidateKey, Candidates};
use crossterm::event::KeyEvent;

const DATE: usize = 0;
const START: usize = 1;
const END: usize = 2;
const TOPIC: usize = 3;
pub const TRAINER: usize = 4;
const VENUE: usize = 5;

/// The trainer field's own key, besides the form's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainerKey {
    ToggleRetired,
}

pub const TRAINER_KEYS: &[KeyBinding<TrainerKey>] = &[KeyBinding {
    keys: &[Key::Ctrl('r')],
    command: TrainerKey::ToggleRetired,
    help: i18n::PJ_KEY_RETIRED_TRAINERS,
}];

/// The session form's help: the form's keys, then the trainer field's.
pub fn help() -> Vec<HelpEntry> {
    let mut h = super::fields::help();
    h.extend(keymap::help(TRAINER_KEYS));
    h
}

pub struct SessionForm {
    pub project_id: i64,
    /// The session edited (None: a new one).
    pub id: Option<i64>,
    pub closed: bool,
    pub form: Form,
    trainers: Vec<Trainer>,
    index: Index,
    pub trainer_id: Option<i64>,
    /// Trainers matching the trainer field.
    pub candidates: Candidates,
    /// Ctrl-R: retired trainers are suggested too.
    pub include_retired: bool,
    /// Retired trainers matching the trainer field but not suggested.
    pub retired_hidden: usize,
}

impl SessionForm {
    pub fn new(ctx: &Ctx, p: &Project, s: Option<&Session>, trainers: Vec<Trainer>) -> Self {
        let date = s.map(|s| s.date).unwrap_or_else(|| {
            ctx.today()
                .clamp(p.start_date, p.end_date.max(p.start_date))
        });
        let (start, end) = match s {
            Some(s) => (
                s.start.format(TIME_FMT).to_string(),
                s.end.format(TIME_FMT).to_string(),
            ),
            None => ("08:30".to_string(), "11:30".to_string()),
        };
        let trainer_id = s.and_then(|s| s.trainer_id);
        let trainer_name = trainer_id
            .and_then(|id| trainers.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_default();
        let index = Index::new(
            trainers
                .iter()
                .map(|t| Entry {
                    school: t.affiliation.clone(),
                    ..Entry::named(t.id, &t.name, "")
                })
                .collect(),
        );
        let form = Form::new(vec![
            Field::text(i18n::PJ_F_DATE, &date.format(DATE_FMT).to_string()),
            Field::text(i18n::PJ_F_TIME_START, &start),
            Field::text(i18n::PJ_F_TIME_END, &end),
            Field::text(i18n::PJ_F_TOPIC, s.map(|s| s.topic.as_str()).unwrap_or("")),
            Field::text(i18n::PJ_F_TRAINER, &trainer_name)
                .with_note(ctx.t(i18n::PJ_NOTE_TRAINER).to_string()),
            Field::text(
                i18n::PJ_F_VENUE,
                s.map(|s| s.venue.as_str()).unwrap_or(p.venue.as_str()),
            ),
        ]);
        SessionForm {
            project_id: p.id,
            id: s.map(|s| s.id),
            closed: s.is_some_and(|s| s.is_closed()),
            form,
            trainers,
            index,
            trainer_id,
            candidates: Candidates::default(),
            include_retired: false,
            retired_hidden: 0,
        }
    }

    pub fn trainer(&self, id: i64) -> Option<&Trainer> {
        self.trainers.iter().find(|t| t.id == id)
    }

    /// Suggests the trainers matching the trainer field: not the retired ones, unless asked
    /// (then after the others, so the highlight starts on an active trainer).
    fn search_trainers(&mut self) {
        let include = self.include_retired;
        let trainers = &self.trainers;
        let group = |id: i64| {
            let status = trainers.iter().find(|t| t.id == id).map(|t| t.status);
            status.map_or(Some(0), |s| s.offered(include))
        };
        let text = self.form.text(TRAINER);
        self.retired_hidden = self.candidates.search_grouped(&self.index, text, group);
    }

    fn clear_candidates(&mut self) {
        self.candidates.clear();
        self.retired_hidden = 0;
    }

    /// Takes trainer `id` (a candidate).
    fn accept_candidate(&mut self, id: i64) {
        let name = self.trainer(id).map(|t| t.name.clone()).unwrap_or_default();
        self.trainer_id = Some(id);
        self.form.set_text(TRAINER, &name);
        self.clear_candidates();
    }

    /// A key; returns the form event (Save and Cancel are the owner's).
    pub fn handle_key(&mut self, key: &KeyEvent, project: &Project, lang: Lang) -> Event {
        if self.form.focus == TRAINER {
            if keymap::lookup(TRAINER_KEYS, key) == Some(TrainerKey::ToggleRetired) {
                self.include_retired = !self.include_retired;
                self.search_trainers();
                return Event::None;
            }
            match self.candidates.handle_key(key) {
                CandidateKey::Moved => return Event::None,
                CandidateKey::Take(id) => self.accept_candidate(id),
                CandidateKey::Other => {}
            }
        }
        let ev = self.form.handle_key(key);
        if ev == Event::Changed && self.form.focus == TRAINER {
            self.trainer_id = None;
            self.search_trainers();
        }
        if matches!(ev, Event::Left(_)) {
            self.clear_candidates();
        }
        if matches!(ev, Event::Changed | Event::Left(_)) {
            self.validate(project, lang);
        }
        ev
    }

    /// Parses and checks the fields (the problems show next to them); the values when fine.
    pub fn validate(&mut self, project: &Project, lang: Lang) -> Option<SessionFields> {
        let f = &mut self.form;
        f.clear_problems();
        let date = parse_date(f.text(DATE));
        let start = parse_time(f.text(START));
        let end = parse_time(f.text(END));
        let bad = |f: &mut Form, i: usize, m: i18n::Msg| f.set_problem(i, m.get(lang).to_string());
        match date {
            None => bad(f, DATE, i18n::PJ_BAD_DATE),
            Some(d) if d < project.start_date || d > project.end_date => {
                bad(f, DATE, i18n::PJ_DATE_OUTSIDE)
            }
            _ => {}
        }
        if start.is_none() {
            bad(f, START, i18n::PJ_BAD_TIME);
        }
        if end.is_none() {
            bad(f, END, i18n::PJ_BAD_TIME);
        }
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                bad(f, END, i18n::PJ_END_NOT_AFTER_START);
            }
        }
        if !f.text(TRAINER).trim().is_empty() && self.trainer_id.is_none() {
            bad(f, TRAINER, i18n::PJ_TRAINER_NOT_PICKED);
        }
        if f.has_problems() {
            return None;
        }
        Some(SessionFields {
            date: date?,
            start: start?,
            end: end?,
            topic: f.text(TOPIC).trim().to_string(),
            trainer_id: self.trainer_id,
            venue: f.text(VENUE).trim().to_string(),
        })
    }

    /// The save intent (an edit of a closed session asks for a reason first), or None with
    /// the focus on the first problem.
    pub fn save(&mut self, project: &Project, lang: Lang) -> Option<Intent> {
        let Some(fields) = self.validate(project, lang) else {
            if let Some(i) = self.form.first_problem() {
                self.form.focus = i;
            }
            return None;
        };
        Some(match self.id {
            Some(session_id) => Intent::EditSession {
                session_id,
                fields: Box::new(fields),
            },
            None => Intent::AddSession {
                project_id: self.project_id,
                fields: Box::new(fields),
            },
        })
    }
}

/// The question to ask before saving `intent`, when ops needs a reason for it: any edit
/// of a closed session, and a date change that moves veto-causing marks into another veto
/// year (decided by `ops::sessions::veto_marks_leaving_year`, as ops decides the refusal).
pub fn reason_prompt(ctx: &Ctx, intent: &Intent) -> Option<String> {
    let Intent::EditSession { session_id, fields } = intent else {
        return None;
    };
    let old = crate::store::sessions::get_session(ctx.conn(), *session_id).ok()??;
    if old.is_closed() {
        return Some(ctx.t(i18n::PJ_REASON_CLOSED_SESSION).to_string());
    }
    // On a read error, ask nothing here: ops decides again and says why.
    let (n, year) =
        crate::ops::sessions::veto_marks_leaving_year(ctx.conn(), &old, fields.date).ok()??;
    Some(ctx.tf(i18n::PJ_REASON_VETO_YEAR, &[&n, &year]))
}

/// Does the database now hold what `intent` saved?
pub fn landed(ctx: &Ctx, intent: &Intent) -> bool {
    use crate::store::sessions;
    match intent {
        Intent::EditSession { session_id, fields } => {
            matches!(sessions::get_session(ctx.conn(), *session_id),
                Ok(Some(s)) if same(&s, fields))
        }
        Intent::AddSession { project_id, fields } => {
            sessions::sessions_of_project(ctx.conn(), *project_id)
                .is_ok_and(|all| all.iter().any(|s| same(s, fields)))
        }
        _ => false,
    }
}

fn same(s: &Session, f: &SessionFields) -> bool {
    s.date == f.date
        && s.start == f.start
        && s.end == f.end
        && s.topic == f.topic
        && s.trainer_id == f.trainer_id
        && s.venue == f.venue
}
