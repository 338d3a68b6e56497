//! Drawing one opened project: its heading, the view tabs, then the shown view or form.

use super::detail::{Detail, Tab};
use super::session_form::{SessionForm, TRAINER};
use crate::domain::TrainerStatus;
use crate::store::projects::ProjectState;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl Detail {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 6 {
            return;
        }
        let line = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(self.heading(area.width as usize, ctx)),
            line(0),
        );
        frame.render_widget(Paragraph::new(self.tabs_line(ctx)), line(1));
        let body = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        if let Some(f) = &self.session_form {
            return render_session_form(frame, body, ctx, f);
        }
        if self.schedule.is_some() {
            return self.render_schedule(frame, body, ctx);
        }
        if self.tab == Tab::Sessions && self.sessions.rows.is_empty() && body.height > 4 {
            if let Some(d) = &self.draft {
                let subject = match d.subject.as_str() {
                    "" => ctx.t(i18n::SV_ANY_SUBJECT),
                    s => s,
                };
                let stage = d
                    .stage
                    .map_or(ctx.t(i18n::SV_ANY_STAGE), |s| s.label(ctx.zh()));
                let note = ctx.tf(i18n::SV_DRAFT_NOTE, &[&d.topic, &subject, &stage, &d.asked]);
                let at = Rect {
                    y: body.y + 3,
                    height: 1,
                    ..body
                };
                let text = truncate(&note, body.width as usize);
                frame.render_widget(
                    Paragraph::new(Line::from(Span::styled(text, ctx.theme.accent()))),
                    at,
                );
            }
        }
        match self.tab {
            Tab::Sessions => self.sessions.render(frame, body, ctx),
            Tab::Enrolled => self.enrol.render(frame, body, ctx),
            Tab::Matrix => self.matrix.render(frame, body, ctx),
            Tab::Places => self.places.render(frame, body, ctx, self.project.capacity),
        }
    }

    /// Code and title, then level, dates, state and enrolled/capacity, cut to `w`.
    fn heading(&self, w: usize, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let zh = ctx.zh();
        let p = &self.project;
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
        Line::from(vec![
            Span::styled(truncate(&head, head_w), th.title()),
            Span::styled(
                truncate(&facts, w.saturating_sub(width(&head).min(head_w))),
                th.muted(),
            ),
        ])
    }

    /// The view tabs, the shown one marked, and their keys.
    fn tabs_line(&self, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let labels = [
            ctx.tf(i18n::PJ_VIEW_SESSIONS, &[&self.sessions.rows.len()]),
            ctx.tf(i18n::PJ_VIEW_ENROLLED, &[&self.enrol.rows.len()]),
            ctx.t(i18n::PJ_VIEW_MATRIX).to_string(),
            ctx.t(i18n::PJ_VIEW_PLACES).to_string(),
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
        spans.push(Span::styled(
            format!("{} ", training_facts(&self.project.meta, ctx)),
            th.base(),
        ));
        spans.push(Span::styled(ctx.t(i18n::PJ_VIEW_KEYS), th.muted()));
        Line::from(spans)
    }

    /// The schedule form: its title, fields, how many sessions it makes, its footer.
    fn render_schedule(&self, frame: &mut Frame, body: Rect, ctx: &Ctx) {
        let Some(f) = &self.schedule else {
            return;
        };
        let th = ctx.theme;
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
    }
}

fn render_session_form(frame: &mut Frame, area: Rect, ctx: &Ctx, f: &SessionForm) {
    let th = ctx.theme;
    let title = if f.id.is_some() {
        i18n::PJ_EDIT_SESSION
    } else {
        i18n::PJ_NEW_SESSION
    };
    let (fields, used) = f.form.render_titled(frame, area, ctx, title, 28);
    // Trainer candidates under the form while the trainer field has the focus; retired ones
    // (listed only after Ctrl-R) greyed with their status, then a line about the retired.
    if f.form.focus != TRAINER {
        return;
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let cols = Columns::fit(
        area.width as usize,
        &[Column::fixed(1), Column::fixed(10), Column::flex(1, 1)],
    );
    for (id, highlighted) in f.candidates.shown() {
        let Some(t) = f.trainer(id) else { continue };
        let retired = t.status == TrainerStatus::Retired;
        let style = match (highlighted, retired) {
            (true, _) => th.selected(),
            (false, true) => th.muted(),
            (false, false) => th.base(),
        };
        let mark = if highlighted { "▶" } else { " " };
        let status = if retired {
            format!(" · {}", t.status.label(ctx.zh()))
        } else {
            String::new()
        };
        let cells = vec![
            Cell::text(mark),
            Cell::text(t.name.clone()),
            Cell::text(format!("{}{status}", t.affiliation)),
        ];
        lines.push(cols.line(cells, style, style));
    }
    let note = if f.retired_hidden > 0 {
        Some(ctx.tf(i18n::PJ_RETIRED_HIDDEN, &[&f.retired_hidden]))
    } else if f.include_retired && !f.candidates.is_empty() {
        Some(ctx.t(i18n::PJ_RETIRED_SHOWN).to_string())
    } else {
        None
    };
    if let Some(note) = note {
        lines.push(Line::from(Span::styled(
            truncate(&format!("  {note}"), area.width as usize),
            th.muted(),
        )));
    }
    let first = fields.y + used;
    // The last line of the area stays free (the form's problem line).
    let room = area.bottom().saturating_sub(first + 1);
    for (y, line) in (first..).zip(lines).take(usize::from(room)) {
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

/// "24学时 · 名校跟岗 · ¥5万/1.2万": hours, the form when set, the budget planned / spent
/// when entered.
fn training_facts(m: &crate::domain::principals::TrainingMeta, ctx: &Ctx) -> String {
    let zh = ctx.zh();
    let mut parts = vec![ctx.tf(i18n::PJ_HOURS_SHORT, &[&super::form::fmt_num(m.hours)])];
    if let Some(f) = m.form {
        parts.push(f.label(zh).to_string());
    }
    if let Some(planned) = m.budget_planned {
        let spent = m.budget_spent.unwrap_or(0.0);
        parts.push(format!("¥{}/{}", money(planned, zh), money(spent, zh)));
    }
    parts.join(" · ")
}

/// An amount in 万 (zh) or thousands (en), one decimal at most.
fn money(v: f64, zh: bool) -> String {
    let (scaled, unit) = if zh {
        (v / 10000.0, "万")
    } else {
        (v / 1000.0, "k")
    };
    format!(
        "{}{unit}",
        super::form::fmt_num((scaled * 10.0).round() / 10.0)
    )
}
