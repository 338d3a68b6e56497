//! The Starlight tab's detail pane: who the trainer is, a bar chart of the six competencies
//! (六能, levels 0–3) and the sessions they taught.

use crate::domain::starlight::Load;
use crate::domain::{Competency, TrainerStatus};
use crate::store::trainer_life::{Assessment, LifeCycle};
use crate::store::trainer_list::{TaughtSession, TrainerLine};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::bar;
use crate::tui::widgets::text::{pad, truncate, width};
use crate::tui::widgets::window::pane;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The style of a trainer status.
pub fn status_style(s: TrainerStatus, ctx: &Ctx) -> Style {
    match s {
        TrainerStatus::Certified => ctx.theme.ok(),
        TrainerStatus::Training => ctx.theme.accent(),
        TrainerStatus::Candidate => ctx.theme.base(),
        TrainerStatus::Retired => ctx.theme.muted(),
    }
}

/// The competency chart: one labelled bar per competency, `w` columns wide.
pub fn competency_lines(levels: &[u8; 6], w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
    let th = ctx.theme;
    let zh = ctx.zh();
    let label_w = Competency::ALL
        .iter()
        .map(|c| width(c.label(zh)))
        .max()
        .unwrap_or(6);
    // Whole cells per level so that equal levels draw equal bars.
    let cells = (w.saturating_sub(label_w + 4).min(24) / 3 * 3).max(3);
    Competency::ALL
        .iter()
        .zip(levels)
        .map(|(c, l)| {
            Line::from(vec![
                Span::styled(format!("{} ", pad(c.label(zh), label_w)), th.muted()),
                Span::styled(bar(f64::from(*l), 3.0, cells, '░'), th.accent()),
                Span::styled(format!(" {l}"), th.base()),
            ])
        })
        .collect()
}

fn session_line(s: &TaughtSession, w: usize, ctx: &Ctx) -> Line<'static> {
    let text = format!(
        "{} {} {} · {}",
        s.date, s.project_code, s.project_title, s.topic
    );
    Line::from(Span::styled(truncate(&text, w), ctx.theme.base()))
}

/// What the pane shows beside the trainer's row: the load this term and year, selection and
/// exit, assessments newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    pub term: Load,
    pub year: Load,
    pub life: LifeCycle,
    pub assessments: Vec<Assessment>,
    /// Trainees' average trainer rating and how many rated, when anyone did.
    pub feedback: Option<(f64, i64)>,
}

fn hours(h: f64) -> String {
    format!("{h:.1}")
}

/// The facts under the trainer's name and school: the term and year load.
fn fact_lines(x: &Extras, w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
    let load = ctx.tf(
        i18n::SL_LOAD,
        &[
            &x.term.sessions,
            &hours(x.term.hours),
            &x.year.sessions,
            &hours(x.year.hours),
        ],
    );
    vec![Line::from(Span::styled(
        truncate(&load, w),
        ctx.theme.accent(),
    ))]
}

/// Selection or exit, one line (none for a trainer recorded before either was kept).
fn life_line(x: &Extras, w: usize, ctx: &Ctx) -> Option<Line<'static>> {
    let life = match (x.life.exited_on, x.life.selected_on) {
        (Some(d), _) => Some((
            ctx.tf(i18n::SL_EXITED_ON, &[&d, &x.life.exit_reason]),
            ctx.theme.bad(),
        )),
        (None, Some(d)) => Some((
            ctx.tf(i18n::SL_SELECTED_ON, &[&d, &x.life.selection_note]),
            ctx.theme.muted(),
        )),
        (None, None) => None,
    };
    life.map(|(text, style)| Line::from(Span::styled(truncate(&text, w), style)))
}

/// The assessments' title and one line each (none without assessments).
fn assessment_lines(x: &Extras, w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
    let zh = ctx.zh();
    let mut lines = Vec::new();
    if !x.assessments.is_empty() {
        lines.push(Line::from(Span::styled(
            ctx.t(i18n::SL_ASSESSMENTS),
            ctx.theme.accent(),
        )));
    }
    for a in &x.assessments {
        let text = ctx.tf(
            i18n::SL_ASSESSMENT,
            &[
                &a.assessed_on,
                &a.competency.label(zh),
                &a.level,
                &format!("{} {}", a.evidence_kind.label(zh), a.evidence),
                &a.assessor,
            ],
        );
        lines.push(Line::from(Span::styled(
            truncate(&text, w),
            ctx.theme.base(),
        )));
    }
    lines
}

/// Draws the pane into `area`: a rule on its left when `beside` the list, else on top.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    line: Option<&TrainerLine>,
    sessions: &[TaughtSession],
    extras: Option<&Extras>,
    ctx: &Ctx,
    beside: bool,
) {
    let th = ctx.theme;
    let inner = pane(frame, area, beside, th.border());
    let Some(l) = line else {
        let none = Span::styled(ctx.t(i18n::STAR_NONE_SELECTED), th.muted());
        frame.render_widget(Paragraph::new(Line::from(none)), inner);
        return;
    };
    let t = &l.trainer;
    let zh = ctx.zh();
    let w = inner.width as usize;
    let sep = Span::styled(" · ", th.muted());
    let mut head = vec![
        Span::styled(t.name.clone(), th.title()),
        sep.clone(),
        Span::styled(t.status.label(zh), status_style(t.status, ctx)),
    ];
    if let Some(j) = t.joined_on {
        head.push(sep.clone());
        head.push(Span::styled(
            ctx.tf(i18n::STAR_JOINED, &[&j.format("%Y-%m")]),
            th.muted(),
        ));
    }
    let who = match &l.staff_no {
        Some(no) => no.clone(),
        None => ctx.t(i18n::STAR_EXTERNAL).to_string(),
    };
    let mut second = vec![
        Span::styled(truncate(&l.school, w.saturating_sub(14)), th.base()),
        sep.clone(),
        Span::styled(who, th.muted()),
    ];
    // Trainees' average trainer rating, when there is one (read with the other extras).
    if let Some((avg, n)) = extras.and_then(|x| x.feedback) {
        second.push(sep);
        second.push(Span::styled(
            ctx.tf(i18n::STAR_FEEDBACK, &[&format!("{avg:.1}"), &n]),
            th.accent(),
        ));
    }
    let mut lines = vec![Line::from(head), Line::from(second)];
    if let Some(x) = extras {
        lines.extend(fact_lines(x, w, ctx));
        lines.extend(life_line(x, w, ctx));
    }
    lines.extend(competency_lines(&t.levels, w, ctx));
    lines.push(Line::from(Span::styled(
        ctx.tf(i18n::STAR_SESSIONS, &[&l.sessions_taught]),
        th.accent(),
    )));
    if sessions.is_empty() {
        lines.push(Line::from(Span::styled(
            ctx.t(i18n::STAR_NO_SESSIONS),
            th.muted(),
        )));
    }
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(sessions.iter().take(room).map(|s| session_line(s, w, ctx)));
    // The assessments below the sessions, as far as the room goes.
    if let Some(x) = extras {
        lines.extend(assessment_lines(x, w, ctx));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base()), inner);
}
