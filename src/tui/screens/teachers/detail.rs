//! The Teachers tab's detail pane: record, tier history, the credit-cycle gauges, the strip of
//! recent marks, and this year's attendance and veto with its evidence.

use crate::domain::credits::Compliance;
use crate::domain::tiers::tier_label;
use crate::domain::{Stage, Status};
use crate::store::teacher_detail::TeacherDetail;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip::{gauge, strip};
use crate::tui::widgets::text::{truncate, width};
use crate::tui::widgets::window::pane;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The lines of a usual teacher's pane: the record with a tier history (3), the credit cycle
/// (2), recent marks, this year's attendance, a veto with one piece of evidence (2).
/// The pane below the list keeps at least this height.
pub const USUAL_LINES: usize = 10;

/// Lines of the pane for `d`, at most `w` columns wide each (about ten lines). The veto, whose
/// evidence takes zero to three lines, comes last: the lines above it stay where they are
/// from one teacher to the next (only what differs is written to the terminal).
pub fn lines(d: &TeacherDetail, w: usize, phone_hl: &[usize], ctx: &Ctx) -> Vec<Line<'static>> {
    let mut out = record(d, w, phone_hl, ctx);
    credits(&mut out, d, w, ctx);
    recent(&mut out, d, ctx);
    attendance(&mut out, d, w, ctx);
    veto(&mut out, d, w, ctx);
    out
}

/// Who (name, staff no, tier, phone with its matched digits highlighted), where (school,
/// subject, stage), and the tier history.
fn record(d: &TeacherDetail, w: usize, phone_hl: &[usize], ctx: &Ctx) -> Vec<Line<'static>> {
    let th = ctx.theme;
    let zh = ctx.zh();
    let t = &d.teacher;
    let mut out = Vec::new();
    let sep = || Span::styled(" · ", th.muted());
    // Who: name, staff no, tier, phone (its matched digits highlighted).
    let mut who = vec![
        Span::styled(t.name.clone(), th.title()),
        sep(),
        Span::styled(t.staff_no.clone(), th.base()),
        sep(),
        Span::styled(t.tier.label(zh), th.accent()),
        sep(),
        Span::styled(
            t.status.label(zh),
            if t.status.is_active() {
                th.muted()
            } else {
                th.warn()
            },
        ),
        sep(),
        Span::styled(format!("{} ", ctx.t(i18n::DETAIL_PHONE)), th.muted()),
    ];
    for (i, c) in t.phone.chars().enumerate() {
        let style = if phone_hl.contains(&i) {
            th.highlight()
        } else {
            th.base()
        };
        who.push(Span::styled(c.to_string(), style));
    }
    out.push(Line::from(who));
    // Where: school, subject, stage.
    let mut place = vec![Span::styled(
        truncate(&t.school, w.saturating_sub(16)),
        th.base(),
    )];
    for part in [
        t.subject.as_str(),
        t.stage.map(|s: Stage| s.label(zh)).unwrap_or(""),
    ] {
        if !part.is_empty() {
            place.push(sep());
            place.push(Span::styled(part.to_string(), th.base()));
        }
    }
    if let Some((role, since)) = d.role {
        place.push(sep());
        let since = since.map(|d| format!(" {d}")).unwrap_or_default();
        place.push(Span::styled(
            format!("{}{since}", role.label(zh)),
            th.accent(),
        ));
    }
    out.push(Line::from(place));
    if !d.tier_history.is_empty() {
        let hist: Vec<String> = d
            .tier_history
            .iter()
            .map(|s| format!("{} {}", tier_label(s.tier, s.level, zh), s.since))
            .collect();
        let label = format!("{} ", ctx.t(i18n::DETAIL_TIER_HISTORY));
        // Cut with "…" inside the pane (the English label is wider than the Chinese).
        let room = w.saturating_sub(width(&label));
        out.push(Line::from(vec![
            Span::styled(label, th.muted()),
            Span::styled(truncate(&hist.join(" → "), room), th.base()),
        ]));
    }
    out
}

/// This year's attendance counts.
fn attendance(out: &mut Vec<Line<'static>>, d: &TeacherDetail, w: usize, ctx: &Ctx) {
    let th = ctx.theme;
    let zh = ctx.zh();
    let mut att = vec![Span::styled(
        format!("{} ", ctx.tf(i18n::DETAIL_ATTENDANCE, &[&d.year])),
        th.muted(),
    )];
    for s in Status::ALL {
        let n = d.attendance.get(*s);
        let style = if n > 0 && s.causes_veto() {
            th.bad()
        } else {
            th.base()
        };
        // The count takes two places at least, so that the next ones stay where they are
        // from one teacher to the next.
        att.push(Span::styled(format!("{} {n:<2}  ", s.label(zh)), style));
    }
    // Too wide for the pane (a side pane, or English): the counts go on two lines rather
    // than losing the last ones at the edge.
    let att_w: usize = att.iter().map(|s| width(&s.content)).sum();
    if att_w > w && att.len() > 3 {
        let rest = att.split_off(3);
        out.push(Line::from(att));
        let mut second = vec![Span::raw("  ")];
        second.extend(rest);
        out.push(Line::from(second));
    } else {
        out.push(Line::from(att));
    }
}

/// This year's veto, with its evidence.
fn veto(out: &mut Vec<Line<'static>>, d: &TeacherDetail, w: usize, ctx: &Ctx) {
    let th = ctx.theme;
    let zh = ctx.zh();
    let veto_label = Span::styled(
        format!("{} ", ctx.tf(i18n::DETAIL_VETO, &[&d.year])),
        th.muted(),
    );
    if d.has_veto() {
        out.push(Line::from(vec![
            veto_label,
            Span::styled(ctx.t(i18n::YES), th.bad()),
        ]));
        for m in d.veto_evidence.iter().take(2) {
            // The evidence names why its project counts (the project's veto scope).
            let text = format!(
                "  {} {} {} {} · {}",
                m.date,
                m.project_code,
                m.project_title,
                m.status.label(zh),
                m.scope().label(zh)
            );
            out.push(Line::from(Span::styled(truncate(&text, w), th.bad())));
        }
        if d.veto_evidence.len() > 2 {
            out.push(Line::from(Span::styled(
                format!("  … +{}", d.veto_evidence.len() - 2),
                th.muted(),
            )));
        }
    } else {
        out.push(Line::from(vec![
            veto_label,
            Span::styled(ctx.t(i18n::NO), th.ok()),
        ]));
    }
}

/// The credit cycle: its status, then both gauges on one line.
fn credits(out: &mut Vec<Line<'static>>, d: &TeacherDetail, w: usize, ctx: &Ctx) {
    let th = ctx.theme;
    let (status_text, status_style) = match d.compliance {
        Compliance::Met => (ctx.t(i18n::DETAIL_MET), th.ok()),
        Compliance::OnPace => (ctx.t(i18n::DETAIL_ON_PACE), th.ok()),
        Compliance::Behind => (ctx.t(i18n::DETAIL_BEHIND), th.bad()),
        Compliance::NotMet => (ctx.t(i18n::DETAIL_NOT_MET), th.bad()),
    };
    out.push(Line::from(vec![
        Span::styled(
            format!("{} ", ctx.tf(i18n::DETAIL_CREDITS, &[&d.cycle.label()])),
            th.muted(),
        ),
        Span::styled(status_text, status_style),
    ]));
    let c = &d.credits;
    let gauges = [
        (i18n::DETAIL_TOTAL, c.total, c.required_total),
        (
            i18n::DETAIL_CONCENTRATED,
            c.concentrated,
            c.required_concentrated,
        ),
    ];
    // Each value keeps the room of a half credit over its goal ("120.5/120"), so that the
    // second gauge stays in its place from one teacher to the next; the gauges share what
    // is left of the line.
    let room = |max: f64| 1 + 2 * width(&fmt_credits(max)) + 3;
    let fixed: usize = gauges
        .iter()
        .map(|(label, _, max)| 2 + width(ctx.t(*label)) + 1 + 2 + room(*max))
        .sum();
    let cells = (w.saturating_sub(fixed) / 2).clamp(4, 20);
    let mut spans = Vec::new();
    for (i, (label, value, max)) in gauges.into_iter().enumerate() {
        let style = if value >= max { th.ok() } else { status_style };
        spans.push(Span::styled(format!("  {} ", ctx.t(label)), th.muted()));
        spans.push(Span::styled(gauge(value, max, cells), style));
        let text = format!(" {}/{}", fmt_credits(value), fmt_credits(max));
        let text = if i == 0 {
            format!("{text:<0$}", room(max))
        } else {
            text
        };
        spans.push(Span::styled(text, th.base()));
    }
    out.push(Line::from(spans));
}

/// Recent marks, oldest first.
fn recent(out: &mut Vec<Line<'static>>, d: &TeacherDetail, ctx: &Ctx) {
    let th = ctx.theme;
    let mut recent: Vec<Status> = d.recent.iter().map(|m| m.status).collect();
    recent.reverse();
    let mut strip_line = vec![Span::styled(
        format!("{} ", ctx.t(i18n::DETAIL_RECENT)),
        th.muted(),
    )];
    if recent.is_empty() {
        strip_line.push(Span::styled(ctx.t(i18n::NO_ROWS), th.muted()));
    }
    strip_line.extend(strip(&recent, ctx.lang, th));
    out.push(Line::from(strip_line));
}

fn fmt_credits(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Draws the pane into `area`, with a rule on its left (`beside` the list) or on top.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    d: Option<&TeacherDetail>,
    phone_hl: &[usize],
    ctx: &Ctx,
    beside: bool,
) {
    let inner = pane(frame, area, beside, ctx.theme.border());
    let text = match d {
        Some(d) => lines(d, inner.width as usize, phone_hl, ctx),
        None => vec![Line::from(Span::styled(
            ctx.t(i18n::DETAIL_NONE_SELECTED),
            ctx.theme.muted(),
        ))],
    };
    frame.render_widget(Paragraph::new(text).style(ctx.theme.base()), inner);
}
