//! One project opened: its sessions, its enrolled teachers and its attendance matrix
//! (`[` / `]` switch between them), with the session form, the schedule form and the pickers.

use super::enrol::EnrolView;
use super::fields::Event;
use super::matrix::MatrixView;
use super::picker::{Picked, Picker};
use super::schedule::ScheduleForm;
use super::session_form::{SessionForm, CANDIDATES, TRAINER};
use super::sessions::SessionsView;
use crate::domain::Project;
use crate::error::Result;
use crate::store::projects::{self, ProjectState};
use crate::store::{enrolments, project_roster, schools};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, truncate, width};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sessions,
    Enrolled,
    Matrix,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Sessions, Tab::Enrolled, Tab::Matrix];
    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Move(Move),
    PrevView,
    NextView,
    Back,
    Add,
    Edit,
    Delete,
    Schedule,
    School,
    Left,
    Right,
    Sort,
}

macro_rules! bind {
    ($cmd:expr, $help:expr, $($key:expr),+) => {
        KeyBinding { keys: &[$($key),+], command: $cmd, help: $help }
    };
}

const COMMON_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::NextView, i18n::PJ_KEY_NEXT_VIEW, Key::Char(']')),
    bind!(Cmd::PrevView, i18n::PJ_KEY_PREV_VIEW, Key::Char('[')),
    bind!(
        Cmd::Move(Move::Up),
        i18n::KEY_UP_DOWN,
        Key::Char('k'),
        Key::Code(KeyCode::Up)
    ),
    bind!(
        Cmd::Move(Move::Down),
        i18n::KEY_UP_DOWN,
        Key::Char('j'),
        Key::Code(KeyCode::Down)
    ),
    bind!(
        Cmd::Move(Move::PageUp),
        i18n::KEY_PAGE,
        Key::Code(KeyCode::PageUp),
        Key::Ctrl('u')
    ),
    bind!(
        Cmd::Move(Move::PageDown),
        i18n::KEY_PAGE,
        Key::Code(KeyCode::PageDown),
        Key::Ctrl('d')
    ),
    bind!(
        Cmd::Move(Move::Top),
        i18n::KEY_TOP_BOTTOM,
        Key::Char('g'),
        Key::Code(KeyCode::Home)
    ),
    bind!(
        Cmd::Move(Move::Bottom),
        i18n::KEY_TOP_BOTTOM,
        Key::Char('G'),
        Key::Code(KeyCode::End)
    ),
    bind!(
        Cmd::Back,
        i18n::PJ_KEY_BACK_TO_LIST,
        Key::Code(KeyCode::Esc)
    ),
];

const SESSION_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::Add, i18n::PJ_KEY_ADD_SESSION, Key::Char('a')),
    bind!(
        Cmd::Edit,
        i18n::PJ_KEY_EDIT_SESSION,
        Key::Char('e'),
        Key::Code(KeyCode::Enter)
    ),
    bind!(
        Cmd::Delete,
        i18n::PJ_KEY_DELETE_SESSION,
        Key::Char('d'),
        Key::Code(KeyCode::Delete)
    ),
    bind!(Cmd::Schedule, i18n::PJ_KEY_SCHEDULE, Key::Char('b')),
];

const ENROL_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(Cmd::Add, i18n::PJ_KEY_ENROL_TEACHERS, Key::Char('a')),
    bind!(Cmd::School, i18n::PJ_KEY_ENROL_SCHOOL, Key::Char('s')),
    bind!(
        Cmd::Delete,
        i18n::PJ_KEY_REMOVE_ENROLMENT,
        Key::Char('d'),
        Key::Code(KeyCode::Delete)
    ),
];

const MATRIX_KEYS: &[KeyBinding<Cmd>] = &[
    bind!(
        Cmd::Left,
        i18n::PJ_KEY_SESSION_LEFT_RIGHT,
        Key::Char('h'),
        Key::Code(KeyCode::Left)
    ),
    bind!(
        Cmd::Right,
        i18n::PJ_KEY_SESSION_LEFT_RIGHT,
        Key::Char('l'),
        Key::Code(KeyCode::Right)
    ),
    bind!(Cmd::Sort, i18n::PJ_KEY_SORT, Key::Char('o')),
];

pub struct Detail {
    pub project: Project,
    pub tab: Tab,
    pub sessions: SessionsView,
    pub enrol: EnrolView,
    pub matrix: MatrixView,
    pub session_form: Option<SessionForm>,
    pub schedule: Option<ScheduleForm>,
}

impl Detail {
    pub fn new(project: Project, tab: Tab) -> Detail {
        Detail {
            project,
            tab,
            sessions: SessionsView::default(),
            enrol: EnrolView::default(),
            matrix: MatrixView::default(),
            session_form: None,
            schedule: None,
        }
    }

    fn table(&self) -> &'static [KeyBinding<Cmd>] {
        match self.tab {
            Tab::Sessions => SESSION_KEYS,
            Tab::Enrolled => ENROL_KEYS,
            Tab::Matrix => MATRIX_KEYS,
        }
    }

    pub fn help(&self) -> Vec<HelpEntry> {
        if self.session_form.is_some() || self.schedule.is_some() {
            return super::fields::help();
        }
        if self.enrol.picker.is_some() {
            return super::picker::help();
        }
        let mut h = keymap::help(self.table());
        h.extend(keymap::help(COMMON_KEYS));
        h
    }

    /// A form or a picker's search box has the keys.
    pub fn wants_text_input(&self) -> bool {
        self.session_form.is_some()
            || self.schedule.is_some()
            || self.enrol.picker.as_ref().is_some_and(|p| p.typing)
    }

    pub fn has_unsaved(&self) -> bool {
        self.session_form.as_ref().is_some_and(|f| f.form.dirty)
            || self.schedule.as_ref().is_some_and(|f| f.form.dirty)
            || self
                .enrol
                .picker
                .as_ref()
                .is_some_and(|p| !p.ticked.is_empty())
    }

    /// Re-reads the project and the shown view; false when the project is gone.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<bool> {
        let Some(p) = projects::get_project(ctx.conn(), self.project.id)? else {
            return Ok(false);
        };
        self.project = p;
        let id = self.project.id;
        self.sessions.reload(ctx, id)?;
        self.enrol.reload(ctx, id)?;
        if self.tab == Tab::Matrix {
            self.matrix.reload(ctx, id)?;
        }
        Ok(true)
    }

    pub fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let lang = ctx.lang;
        if let Some(f) = &mut self.session_form {
            return match f.handle_key(&key, &self.project, lang) {
                Event::Cancel => {
                    self.session_form = None;
                    None
                }
                Event::Save => {
                    let closed = f.closed;
                    let intent = f.save(&self.project, lang)?;
                    f.form.saving = true;
                    Some(if closed {
                        Action::AskReason {
                            prompt: ctx.t(i18n::PJ_REASON_CLOSED_SESSION).to_string(),
                            intent,
                        }
                    } else {
                        Action::write(intent)
                    })
                }
                _ => None,
            };
        }
        if let Some(f) = &mut self.schedule {
            return match f.handle_key(&key, &self.project, lang) {
                Event::Cancel => {
                    self.schedule = None;
                    None
                }
                Event::Save => match f.save(&self.project, lang) {
                    Some(intent) => {
                        f.form.saving = true;
                        Some(Action::write(intent))
                    }
                    None if f.preview == Some(0) => Some(Action::Fail(
                        ctx.t(i18n::PJ_SCHEDULE_NOTHING_NEW).to_string(),
                    )),
                    None => None,
                },
                _ => None,
            };
        }
        if let Some(p) = &mut self.enrol.picker {
            return match p.handle_key(&key, ctx)? {
                Picked::Close => {
                    self.enrol.picker = None;
                    None
                }
                Picked::Teachers(ids) => Some(Action::write(Intent::EnrolTeachers {
                    project_id: self.project.id,
                    teacher_ids: ids,
                })),
                Picked::School(s) => {
                    let n = enrolments::teacher_ids_of_school(ctx.conn(), s.id)
                        .map(|v| v.len())
                        .unwrap_or(0);
                    Some(Action::Confirm {
                        question: ctx
                            .tf(i18n::PJ_CONFIRM_SCHOOL, &[&s.name, &n, &self.project.code]),
                        then: Box::new(Action::write(Intent::EnrolSchool {
                            project_id: self.project.id,
                            school_id: s.id,
                        })),
                    })
                }
            };
        }
        let cmd =
            keymap::lookup(self.table(), &key).or_else(|| keymap::lookup(COMMON_KEYS, &key))?;
        match cmd {
            Cmd::Back => return Some(Action::Back),
            Cmd::NextView | Cmd::PrevView => {
                let i = self.tab.index();
                let n = Tab::ALL.len();
                let j = if cmd == Cmd::NextView {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                return self.show(Tab::ALL[j], ctx);
            }
            Cmd::Move(m) => match self.tab {
                Tab::Sessions => self.sessions.moved(m),
                Tab::Enrolled => self.enrol.moved(m),
                Tab::Matrix => self.matrix.moved(m),
            },
            Cmd::Left => self.matrix.left(),
            Cmd::Right => self.matrix.right(),
            Cmd::Sort => self.matrix.toggle_order(),
            Cmd::Add if self.tab == Tab::Sessions => {
                let trainers = self.sessions.trainers.clone();
                self.session_form = Some(SessionForm::new(ctx, &self.project, None, trainers));
            }
            Cmd::Edit => {
                let s = self.sessions.selected()?.clone();
                let trainers = self.sessions.trainers.clone();
                self.session_form = Some(SessionForm::new(ctx, &self.project, Some(&s), trainers));
            }
            Cmd::Schedule => {
                self.schedule = Some(ScheduleForm::new(ctx, &self.project, &self.sessions.rows));
            }
            Cmd::Delete if self.tab == Tab::Sessions => {
                let s = self.sessions.selected()?;
                let intent = Intent::DeleteSession { session_id: s.id };
                let no = self.sessions.cursor + 1;
                // Attendance records are never deleted with their session (ops refuses too,
                // should a mark arrive meanwhile); say so briefly instead of asking first.
                let marks = self.sessions.marks_of(s.id);
                if marks > 0 {
                    return Some(Action::Fail(
                        ctx.tf(i18n::PJ_REFUSE_DELETE_SESSION, &[&no, &marks]),
                    ));
                }
                return Some(Action::Confirm {
                    question: ctx.tf(i18n::PJ_CONFIRM_DELETE_SESSION, &[&no, &s.date]),
                    then: Box::new(Action::write(intent)),
                });
            }
            Cmd::Add => self.enrol.picker = Some(Picker::teachers(ctx)),
            Cmd::School => match schools::list(ctx.conn()) {
                Ok(list) => self.enrol.picker = Some(Picker::schools(ctx, list)),
                Err(e) => return Some(Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e]))),
            },
            Cmd::Delete => {
                let t = self.enrol.selected()?;
                let marks =
                    project_roster::marks_in_project(ctx.conn(), self.project.id, t.teacher_id)
                        .unwrap_or(0);
                let intent = Intent::RemoveEnrolment {
                    project_id: self.project.id,
                    teacher_id: t.teacher_id,
                };
                if marks > 0 {
                    return Some(Action::Fail(
                        ctx.tf(i18n::PJ_REFUSE_REMOVE, &[&t.name, &marks]),
                    ));
                }
                return Some(Action::Confirm {
                    question: ctx.tf(
                        i18n::PJ_CONFIRM_REMOVE,
                        &[&t.name, &t.school, &self.project.code],
                    ),
                    then: Box::new(Action::write(intent)),
                });
            }
        }
        None
    }

    /// Switches to `tab`, loading it.
    pub fn show(&mut self, tab: Tab, ctx: &Ctx) -> Option<Action> {
        self.tab = tab;
        if tab == Tab::Matrix {
            if let Err(e) = self.matrix.reload(ctx, self.project.id) {
                return Some(Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e])));
            }
        }
        None
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 6 {
            return;
        }
        let th = ctx.theme;
        let zh = ctx.zh();
        let w = area.width as usize;
        let p = &self.project;
        let line = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        let state = ProjectState::of(p, ctx.today());
        let facts = format!(
            " · {} · {}~{} · {} · {}",
            p.level.label(zh),
            p.start_date,
            p.end_date,
            state.label(zh),
            ctx.tf(
                i18n::PJ_ENROLLED_OF,
                &[
                    &self.enrol.rows.len(),
                    &p.capacity.map(|c| c.to_string()).unwrap_or("—".into())
                ]
            ),
        );
        let head = format!("{} {}", p.code, p.title);
        let head_w = w.saturating_sub(width(&facts)).max(10);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(truncate(&head, head_w), th.title()),
                Span::styled(
                    truncate(&facts, w.saturating_sub(width(&head).min(head_w))),
                    th.muted(),
                ),
            ])),
            line(0),
        );
        // View tabs.
        let labels = [
            ctx.tf(i18n::PJ_VIEW_SESSIONS, &[&self.sessions.rows.len()]),
            ctx.tf(i18n::PJ_VIEW_ENROLLED, &[&self.enrol.rows.len()]),
            ctx.t(i18n::PJ_VIEW_MATRIX).to_string(),
        ];
        let mut spans = Vec::new();
        for (i, l) in labels.iter().enumerate() {
            if Tab::ALL[i] == self.tab {
                spans.push(Span::styled(format!("[{l}]"), th.selected()));
            } else {
                spans.push(Span::styled(format!(" {l} "), th.muted()));
            }
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(ctx.t(i18n::PJ_VIEW_KEYS), th.muted()));
        frame.render_widget(Paragraph::new(Line::from(spans)), line(1));
        let body = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        if let Some(f) = &self.session_form {
            return render_session_form(frame, body, ctx, f);
        }
        if let Some(f) = &self.schedule {
            frame.render_widget(
                Paragraph::new(Span::styled(ctx.t(i18n::PJ_SCHEDULE_TITLE), th.title())),
                Rect { height: 1, ..body },
            );
            let body = Rect {
                y: body.y + 1,
                height: body.height - 1,
                ..body
            };
            let used = f.form.render(frame, body, ctx, 24);
            let preview = match f.preview {
                Some(n) => ctx.tf(i18n::PJ_SCHEDULE_PREVIEW, &[&n]),
                None => String::new(),
            };
            let y = body.y + used + 1;
            if y + 1 < body.bottom() {
                frame.render_widget(
                    Paragraph::new(Span::styled(preview, th.accent())),
                    Rect {
                        y,
                        height: 1,
                        ..body
                    },
                );
            }
            frame.render_widget(
                Paragraph::new(f.form.footer(ctx)),
                Rect {
                    y: body.bottom() - 1,
                    height: 1,
                    ..body
                },
            );
            return;
        }
        match self.tab {
            Tab::Sessions => self.sessions.render(frame, body, ctx),
            Tab::Enrolled => self.enrol.render(frame, body, ctx),
            Tab::Matrix => self.matrix.render(frame, body, ctx),
        }
    }
}

fn render_session_form(frame: &mut Frame, area: Rect, ctx: &Ctx, f: &SessionForm) {
    let th = ctx.theme;
    let title = if f.id.is_some() {
        ctx.t(i18n::PJ_EDIT_SESSION)
    } else {
        ctx.t(i18n::PJ_NEW_SESSION)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(title, th.title())),
        Rect { height: 1, ..area },
    );
    let fields = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let used = f.form.render(frame, fields, ctx, 28);
    // Trainer candidates under the form while the trainer field has the focus.
    if f.form.focus == TRAINER {
        let mut y = fields.y + used;
        for (i, id) in f.candidates.iter().take(CANDIDATES).enumerate() {
            if y + 1 >= area.bottom() {
                break;
            }
            let Some(t) = f.trainer(*id) else { continue };
            let style = if i == f.candidate {
                th.selected()
            } else {
                th.base()
            };
            let text = format!("  {} {}", pad(&t.name, 10), t.affiliation);
            frame.render_widget(
                Paragraph::new(Span::styled(truncate(&text, area.width as usize), style)),
                Rect {
                    y,
                    height: 1,
                    ..area
                },
            );
            y += 1;
        }
    }
    frame.render_widget(
        Paragraph::new(f.form.footer(ctx)),
        Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
    );
}
