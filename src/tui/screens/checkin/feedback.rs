//! Feedback at the desk right after check-out (issue 12): once a check-out is written, a
//! compact form asks the teacher's three ratings (content, trainer, organisation; a digit 1–5
//! rates and moves on) and an optional comment. Enter saves (`Intent::GiveFeedback`, the
//! form stays open with the reason when it is refused), Esc skips without a word, a letter
//! typed while a rating waits skips too and goes into the search box (the next teacher), and
//! Ctrl-F stops the offer at this desk (the desk's `f` / Ctrl-F turns it back on). The
//! check-out never waits on the form: it is written first.

use super::modes::Mode;
use super::render::line_at;
use super::CheckInScreen;
use crate::ops::feedback::Answers;
use crate::store::feedback::Source;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n::{self, Msg};
use crate::tui::outcome::{Changed, Written};
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::pad;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

/// The three questions, in the order the digits fill them.
const QUESTIONS: [Msg; 3] = [i18n::FB_CONTENT, i18n::FB_TRAINER, i18n::FB_ORGANISATION];
/// The focus on the comment (after the three ratings).
const COMMENT: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DeskFeedback {
    teacher_id: i64,
    session_id: i64,
    project_id: i64,
    ratings: [Option<u8>; 3],
    focus: usize,
    comment: TextInput,
    refused: Option<String>,
    back_to: Box<Mode>,
}

impl DeskFeedback {
    fn answers(&self) -> Answers {
        Answers {
            project_id: self.project_id,
            session_id: Some(self.session_id),
            teacher_id: self.teacher_id,
            content: self.ratings[0],
            trainer: self.ratings[1],
            organisation: self.ratings[2],
            comment: self.comment.text().trim().to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        self.ratings.iter().all(Option::is_none) && self.comment.text().trim().is_empty()
    }
}

impl CheckInScreen {
    /// After a write: a check-out written (the desk's `o`; not a left-early mark, whose
    /// teacher is on the way out) offers the form; the form's own save closes it or
    /// shows why it was refused.
    pub(super) fn feedback_after(&mut self, intent: &Intent, written: &Written) {
        match (intent, written) {
            (
                Intent::MarkAttendance {
                    session_id,
                    teacher_id,
                    status: None,
                    checked_out_at: Some(_),
                    ..
                },
                Written::Done(Changed::Mark(Some(_))),
            ) => self.offer_feedback(*session_id, *teacher_id),
            (Intent::GiveFeedback { answers, .. }, _) => {
                let Mode::Feedback(form) = &mut self.mode else {
                    return;
                };
                if form.teacher_id != answers.teacher_id {
                    return;
                }
                match written {
                    Written::Done(_) => self.mode = (*form.back_to).clone(),
                    Written::Refused(why) => form.refused = Some(why.clone()),
                    Written::Waiting | Written::Cancelled => {}
                }
            }
            _ => {}
        }
    }

    fn offer_feedback(&mut self, session_id: i64, teacher_id: i64) {
        let Some(session) = self.data.session.as_ref().filter(|s| s.id == session_id) else {
            return;
        };
        if !self.feedback_offer || !matches!(self.mode, Mode::Typing | Mode::List) {
            return;
        }
        self.mode = Mode::Feedback(Box::new(DeskFeedback {
            teacher_id,
            session_id,
            project_id: session.project_id,
            ratings: [None; 3],
            focus: 0,
            comment: TextInput::new(),
            refused: None,
            back_to: Box::new(self.mode.clone()),
        }));
    }

    /// The desk's `f` / Ctrl-F: the offer off or on, said in the status bar.
    pub(super) fn toggle_feedback_offer(&mut self, ctx: &Ctx) -> Action {
        self.feedback_offer = !self.feedback_offer;
        let msg = if self.feedback_offer {
            i18n::FB_OFFER_ON
        } else {
            i18n::FB_OFFER_OFF
        };
        Action::Toast(ctx.t(msg).to_string())
    }

    /// The desk's `o` / Ctrl-O: the chosen teacher leaves now (early only when before the
    /// end beyond the grace; `ops::check_in` decides).
    pub(super) fn check_out(&mut self, ctx: &Ctx) -> Option<Action> {
        let row = match self.target_row() {
            Ok(r) => r,
            Err(msg) if msg == i18n::DESK_NOBODY => return Some(Action::Fail(self.nobody(ctx))),
            Err(msg) => return Some(Action::Fail(ctx.t(msg).into())),
        };
        // Only a teacher who is in leaves: a check-out never makes an arrival up.
        if !self
            .data
            .status_of(row.teacher_id)
            .is_some_and(|s| s.arrived())
        {
            let name = Self::teacher_name(ctx, row.teacher_id);
            return Some(Action::Fail(ctx.tf(i18n::DESK_CHECKOUT_NOT_IN, &[&name])));
        }
        let action = self.mark_action(row, None, Some(ctx.now), ctx);
        self.next_teacher(ctx);
        action
    }

    pub(super) fn handle_feedback(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let Mode::Feedback(form) = &mut self.mode else {
            return None;
        };
        form.refused = None;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.mode = (*form.back_to).clone();
                None
            }
            KeyCode::Char('f') if ctrl => {
                self.mode = (*form.back_to).clone();
                Some(self.toggle_feedback_offer(ctx))
            }
            KeyCode::Enter if form.is_empty() => {
                self.mode = (*form.back_to).clone();
                None
            }
            KeyCode::Enter => Some(Action::write(Intent::GiveFeedback {
                answers: form.answers(),
                source: Source::Desk,
            })),
            KeyCode::Tab | KeyCode::Down => {
                form.focus = (form.focus + 1).min(COMMENT);
                None
            }
            KeyCode::BackTab | KeyCode::Up => {
                form.focus = form.focus.saturating_sub(1);
                None
            }
            _ if form.focus == COMMENT => {
                form.comment.handle_key(&key);
                None
            }
            KeyCode::Char(c @ '1'..='5') if !ctrl => {
                form.ratings[form.focus] = c.to_digit(10).map(|d| d as u8);
                form.focus += 1;
                None
            }
            KeyCode::Backspace | KeyCode::Delete | KeyCode::Char('0') => {
                form.ratings[form.focus] = None;
                None
            }
            KeyCode::Char(_) if !ctrl => {
                // The next teacher's name: the form is skipped and the letter typed.
                self.mode = Mode::Typing;
                self.handle_typing(key, ctx)
            }
            _ => None,
        }
    }
}

/// The form over the desk.
pub(super) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, form: &DeskFeedback) {
    let refused_lines = if form.refused.is_some() { 4 } else { 0 };
    let r = centred(frame, area, 60, 10 + refused_lines);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t(i18n::FB_DESK_TITLE)),
            ctx.theme.title(),
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height < 7 {
        return;
    }
    let name = CheckInScreen::teacher_name(ctx, form.teacher_id);
    frame.render_widget(
        Paragraph::new(Span::styled(name, ctx.theme.base())),
        line_at(inner, 0),
    );
    let label_w = 10;
    let marker = |i: usize| if form.focus == i { "▶ " } else { "  " };
    for (i, q) in QUESTIONS.iter().enumerate() {
        let value = match form.ratings[i] {
            Some(v) => format!("{v} / 5"),
            None => "·".to_string(),
        };
        let style = if form.focus == i {
            ctx.theme.accent()
        } else {
            ctx.theme.base()
        };
        let line = Line::from(vec![
            Span::styled(format!("{}{}", marker(i), pad(ctx.t(*q), label_w)), style),
            Span::styled(value, ctx.theme.base()),
        ]);
        frame.render_widget(Paragraph::new(line), line_at(inner, 1 + i as u16));
    }
    let prefix = format!(
        "{}{}> ",
        marker(COMMENT),
        pad(ctx.t(i18n::FB_COMMENT), label_w)
    );
    form.comment.render(
        frame,
        line_at(inner, 4),
        Span::styled(prefix, ctx.theme.accent()),
        ctx.theme.base(),
        form.focus == COMMENT,
    );
    let hints = [i18n::FB_DESK_KEYS, i18n::FB_DESK_KEYS_2];
    for (k, h) in hints.iter().enumerate() {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(*h), ctx.theme.muted())),
            line_at(inner, 6 + k as u16),
        );
    }
    if let Some(why) = &form.refused {
        let rest = Rect {
            height: inner.height.saturating_sub(8),
            ..line_at(inner, 8)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("✗ {why}"), ctx.theme.bad()))
                .wrap(Wrap { trim: false }),
            rest,
        );
    }
}
