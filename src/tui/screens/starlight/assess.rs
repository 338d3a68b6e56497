//! The assessment form of the Starlight pane (`r`, 能力考核; issue 12): the competency (its
//! level starts at the trainer's current one), the level, the date (today), the assessor and
//! the evidence: a session the trainer has held (picked below), an observation (written in
//! the note) or the trainees' average rating (shown beside the choice). Ctrl-S sends
//! `Intent::RecordAssessment`; the form closes once it is written and keeps everything with
//! the reason when it is refused (an exit by another desk, say).

use crate::domain::starlight::EvidenceKind;
use crate::domain::{parse_date, Competency, DATE_FMT};
use crate::store::trainer_life::Assessment;
use crate::store::trainer_list::HeldSession;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::screens::projects::fields::{Event, Field, Form, Kind};
use crate::tui::widgets::window::window;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Held sessions offered as evidence.
pub(super) const SESSIONS_OFFERED: usize = 30;

const COMPETENCY: usize = 0;
const LEVEL: usize = 1;
const DATE: usize = 2;
const ASSESSOR: usize = 3;
const KIND: usize = 4;
const SESSION: usize = 5;
const NOTE: usize = 6;

pub(super) struct AssessForm {
    pub trainer_id: i64,
    name: String,
    levels: [u8; 6],
    sessions: Vec<HeldSession>,
    feedback: Option<(f64, i64)>,
    pub form: Form,
}

impl AssessForm {
    pub fn new(
        trainer: &crate::domain::Trainer,
        sessions: Vec<HeldSession>,
        feedback: Option<(f64, i64)>,
        ctx: &Ctx,
    ) -> AssessForm {
        let zh = ctx.zh();
        let levels = (0..=3)
            .map(|l| ctx.tf(i18n::AS_LEVEL, &[&l]).into())
            .collect();
        let mut held: Vec<_> = sessions
            .iter()
            .map(|s| format!("{} {} {}", s.date, s.project_code, s.topic).into())
            .collect();
        if held.is_empty() {
            held.push(ctx.t(i18n::AS_NO_SESSION).into());
        }
        let form = Form::new(vec![
            Field::choice(
                i18n::AS_F_COMPETENCY,
                Competency::ALL.iter().map(|c| c.label(zh)).collect(),
                0,
            ),
            Field::choice_of(i18n::AS_F_LEVEL, levels, usize::from(trainer.levels[0])),
            Field::text(i18n::AS_F_DATE, &ctx.today().format(DATE_FMT).to_string()),
            Field::text(i18n::AS_F_ASSESSOR, ""),
            Field::choice(
                i18n::AS_F_KIND,
                EvidenceKind::ALL.iter().map(|k| k.label(zh)).collect(),
                0,
            ),
            Field::choice_of(i18n::AS_F_SESSION, held, 0),
            Field::text(i18n::AS_F_NOTE, ""),
        ]);
        let mut f = AssessForm {
            trainer_id: trainer.id,
            name: trainer.name.clone(),
            levels: trainer.levels,
            sessions,
            feedback,
            form,
        };
        f.show_kind(ctx);
        f
    }

    fn competency(&self) -> Competency {
        let i = self.form.choice(COMPETENCY);
        Competency::ALL
            .get(i)
            .copied()
            .unwrap_or(Competency::Design)
    }

    fn kind(&self) -> EvidenceKind {
        let i = self.form.choice(KIND);
        EvidenceKind::ALL
            .get(i)
            .copied()
            .unwrap_or(EvidenceKind::Observation)
    }

    /// Beside the evidence kind: what it rests on (the trainees' average, when it is that).
    fn show_kind(&mut self, ctx: &Ctx) {
        let note = match self.kind() {
            EvidenceKind::Session => ctx.t(i18n::AS_KIND_SESSION).to_string(),
            EvidenceKind::Observation => ctx.t(i18n::AS_KIND_OBSERVATION).to_string(),
            EvidenceKind::Feedback => match self.feedback {
                Some((avg, n)) => ctx.tf(i18n::AS_KIND_FEEDBACK, &[&format!("{avg:.1}"), &n]),
                None => ctx.t(i18n::AS_NO_FEEDBACK).to_string(),
            },
        };
        self.form.fields[KIND].note = Some(note);
    }

    /// A key: the form event (Save and Cancel are the owner's). A new competency starts its
    /// level at the trainer's current one.
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Event {
        let before = self.competency();
        let ev = self.form.handle_key(key);
        let now = self.competency();
        if now != before {
            let i = Competency::ALL.iter().position(|c| *c == now).unwrap_or(0);
            if let Some(Kind::Choice { index, .. }) =
                self.form.fields.get_mut(LEVEL).map(|f| &mut f.kind)
            {
                *index = usize::from(self.levels[i]);
            }
        }
        self.show_kind(ctx);
        ev
    }

    /// The save's intent, or None with the problems shown and the focus on the first.
    pub fn save(&mut self, ctx: &Ctx) -> Option<Action> {
        let lang = ctx.lang;
        let f = &mut self.form;
        f.clear_problems();
        let bad = |f: &mut Form, i: usize, m: i18n::Msg| f.set_problem(i, m.get(lang).to_string());
        let date = parse_date(f.text(DATE));
        match date {
            None => bad(f, DATE, i18n::PJ_BAD_DATE),
            Some(d) if d > ctx.today() => bad(f, DATE, i18n::CR_DATE_FUTURE),
            _ => {}
        }
        let assessor = f.text(ASSESSOR).trim().to_string();
        if assessor.is_empty() {
            bad(f, ASSESSOR, i18n::AS_NEED_ASSESSOR);
        }
        let note = f.text(NOTE).trim().to_string();
        let with_note = |base: String| match note.as_str() {
            "" => base,
            n => format!("{base}；{n}"),
        };
        let kind = EvidenceKind::ALL
            .get(f.choice(KIND))
            .copied()
            .unwrap_or(EvidenceKind::Observation);
        let (evidence, session_id) = match kind {
            EvidenceKind::Session => match self.sessions.get(f.choice(SESSION)) {
                Some(s) => (
                    with_note(format!("{} {} {}", s.date, s.project_code, s.topic)),
                    Some(s.id),
                ),
                None => {
                    bad(f, SESSION, i18n::AS_NEED_SESSION);
                    (String::new(), None)
                }
            },
            EvidenceKind::Observation => {
                if note.is_empty() {
                    bad(f, NOTE, i18n::AS_NEED_OBSERVATION);
                }
                (note.clone(), None)
            }
            EvidenceKind::Feedback => match self.feedback {
                Some((avg, _)) => (with_note(format!("{avg:.1}")), None),
                None => {
                    bad(f, KIND, i18n::AS_NEED_FEEDBACK);
                    (String::new(), None)
                }
            },
        };
        if f.has_problems() {
            if let Some(i) = f.first_problem() {
                f.focus = i;
            }
            return None;
        }
        f.saving = true;
        let level = u8::try_from(f.choice(LEVEL)).unwrap_or(0).min(3);
        Some(Action::write(Intent::RecordAssessment {
            assessment: Box::new(Assessment {
                trainer_id: self.trainer_id,
                competency: self.competency(),
                level,
                assessed_on: date?,
                assessor,
                evidence_kind: kind,
                evidence,
                session_id,
            }),
        }))
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let r = centred(frame, area, 76, 12);
        let title = format!(" {} · {} ", ctx.t(i18n::AS_TITLE), self.name);
        let inner = window(frame, r, Span::styled(title, th.title()), th.border());
        if inner.height < 9 || inner.width < 30 {
            return;
        }
        let fields = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        self.form.render(frame, fields, ctx, 30);
        frame.render_widget(
            Paragraph::new(self.form.footer(ctx)),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}

impl super::StarlightScreen {
    /// `r`: the assessment form for the selected trainer, with the sessions they have held
    /// and the trainees' average rating.
    pub(super) fn open_assess(&mut self, ctx: &Ctx) -> Option<Action> {
        let t = self.selected()?.trainer.clone();
        let held =
            crate::store::trainer_list::held_sessions(ctx.conn(), t.id, ctx.now, SESSIONS_OFFERED);
        let feedback = crate::store::feedback::trainer_feedback_average(ctx.conn(), t.id);
        match (held, feedback) {
            (Ok(held), Ok(feedback)) => {
                self.assess = Some(AssessForm::new(&t, held, feedback, ctx));
                None
            }
            (Err(e), _) | (_, Err(e)) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    pub(super) fn handle_assess_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        if key.code == KeyCode::F(1) {
            return Some(Action::OpenHelp);
        }
        let form = self.assess.as_mut()?;
        match form.handle_key(key, ctx) {
            Event::Cancel => {
                self.assess = None;
                None
            }
            Event::Save => form.save(ctx),
            _ => None,
        }
    }
}
