//! The Vetoes tab's dialogs: the status picker of an evidence row (lifting a veto asks for the
//! reason) and the audit history of a mark.

use super::{Dialog, VetoesScreen};
use crate::domain::attendance::{change_needs_reason, left_early_without_arrival};
use crate::domain::Status;
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::screens::reason_prompt::mark_reason_prompt;
use crossterm::event::{KeyCode, KeyEvent};

impl VetoesScreen {
    pub(super) fn open_picker(&mut self, ctx: &Ctx) -> Option<Action> {
        let row = *self.rows.get(self.cursor)?;
        let (teacher, ev) = (self.teacher_at(row)?, self.evidence_at(row)?);
        let closed = match crate::store::sessions::get_session(ctx.conn(), ev.session_id) {
            Ok(Some(s)) => s.is_closed(),
            Ok(None) => false,
            Err(e) => {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ))
            }
        };
        let cursor = Status::ALL
            .iter()
            .position(|x| *x == ev.status)
            .unwrap_or(0);
        self.dialog = Some(Dialog::Pick {
            mark_id: ev.mark_id,
            session_id: ev.session_id,
            teacher_id: teacher.teacher_id,
            current: ev.status,
            closed,
            who: format!("{} {} {}", teacher.name, ev.date, ev.project_code),
            cursor,
        });
        None
    }

    pub(super) fn open_history(&mut self, ctx: &Ctx) -> Option<Action> {
        let row = *self.rows.get(self.cursor)?;
        let (teacher, ev) = (self.teacher_at(row)?, self.evidence_at(row)?);
        match crate::ops::vetoes::mark_history(ctx.conn(), ev.mark_id) {
            Ok(rows) => {
                self.dialog = Some(Dialog::History {
                    title: format!("{} {} {}", teacher.name, ev.date, ev.project_code),
                    rows,
                });
                None
            }
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    pub(super) fn handle_dialog(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let dialog = self.dialog.as_mut()?;
        match dialog {
            Dialog::History { .. } => {
                if matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('h') | KeyCode::Char('q')
                ) {
                    self.dialog = None;
                }
                None
            }
            Dialog::Pick {
                mark_id,
                session_id,
                teacher_id,
                current,
                closed,
                who,
                cursor,
            } => match key.code {
                KeyCode::Esc | KeyCode::Char('q') => {
                    self.dialog = None;
                    None
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    *cursor = cursor.saturating_sub(1);
                    None
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *cursor = (*cursor + 1).min(Status::ALL.len() - 1);
                    None
                }
                KeyCode::Enter => {
                    let after = Status::ALL[*cursor];
                    let before = *current;
                    let intent = Intent::ChangeMark {
                        mark_id: *mark_id,
                        status: after,
                    };
                    // Evidence marks are in veto scope (they cause the veto listed).
                    let no_arrival = left_early_without_arrival(after, Some(before), None);
                    // At a closed session every change needs a reason, even one keeping the
                    // status (ops may recompute its minutes, or the note is the correction).
                    // Leaving early without an arrival on record needs one too (§4.1).
                    let closed = *closed;
                    let needs = change_needs_reason(Some(before), after, closed) || no_arrival;
                    let (session_id, teacher_id) = (*session_id, *teacher_id);
                    let prompt = needs.then(|| {
                        let p = mark_reason_prompt(
                            ctx,
                            who,
                            session_id,
                            teacher_id,
                            Some(before),
                            after,
                        );
                        if no_arrival {
                            // The last line asks; leaving early with no arrival asks for that.
                            let effect = p.rsplit_once('\n').map_or("", |(e, _)| e);
                            let ask = ctx.tf(i18n::VETO_REASON_NO_ARRIVAL, &[&*who]);
                            if effect.is_empty() {
                                ask
                            } else {
                                format!("{effect}\n{ask}")
                            }
                        } else {
                            p
                        }
                    });
                    self.dialog = None;
                    if after == before && !closed {
                        None
                    } else if let Some(prompt) = prompt {
                        Some(Action::AskReason { prompt, intent })
                    } else {
                        Some(Action::write(intent))
                    }
                }
                _ => None,
            },
        }
    }
}
