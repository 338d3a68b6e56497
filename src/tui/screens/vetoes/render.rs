//! Drawing the Vetoes tab: the year line with the filter, schools → teachers → evidence, and the
//! status picker / audit history dialogs. Fits 80×24; CJK measured by display width.

use super::{Dialog, Row, VetoesScreen};
use crate::domain::veto::ScopeBasis;
use crate::domain::Status;
use crate::store::audit::AuditRow;
use crate::store::marks::TeacherMark;
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::table::{Cell, Column, Columns, ListTable};
use crate::tui::widgets::text::{pad, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

fn line_at(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

/// "迟到 12 分钟" for a piece of evidence.
fn evidence_status(ev: &TeacherMark, ctx: &Ctx) -> String {
    let label = ev.status.label(ctx.zh());
    let minutes = match ev.status {
        Status::Late => ev.minutes_late,
        Status::LeftEarly => ev.minutes_early,
        _ => 0,
    };
    if minutes > 0 {
        ctx.tf(i18n::DESK_MINUTES, &[&label, &minutes])
    } else {
        label.to_string()
    }
}

pub(super) fn render(s: &mut VetoesScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    if area.height < 4 || area.width < 20 {
        return;
    }
    title_line(s, frame, area, ctx);
    let rows_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let w = area.width as usize;
    let scope_w = [ScopeBasis::Concentrated, ScopeBasis::ProjectSetting]
        .iter()
        .map(|b| width(b.label(ctx.zh())))
        .max()
        .unwrap_or(8);
    let cols = Columns::fit(
        w.saturating_sub(4),
        &[
            Column::fixed(10),
            Column::flex(16, 1),
            Column::fixed(12),
            Column::fixed(scope_w),
        ],
    );
    let mut list = s.list;
    let screen: &VetoesScreen = s;
    let table = ListTable::new(screen.rows.len(), |i| row_line(screen, i, &cols, w, ctx))
        .empty(Line::from(Span::styled(
            ctx.t(i18n::NO_ROWS),
            ctx.theme.muted(),
        )))
        .style(ctx.theme.base());
    frame.render_stateful_widget(table, rows_area, &mut list);
    s.list = list;
    match &s.dialog {
        Some(Dialog::Pick {
            who,
            cursor,
            current,
            ..
        }) => {
            pick_dialog(frame, area, ctx, who, *cursor, *current);
        }
        Some(Dialog::History { title, rows }) => history_dialog(frame, area, ctx, title, rows),
        None => {}
    }
}

/// Line 0: the year and how many teachers, the keys, and the filter at the right.
fn title_line(s: &mut VetoesScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let th = ctx.theme;
    let w = area.width as usize;
    let year = s.year.unwrap_or_default();
    let teachers: usize = s.groups.iter().map(|g| g.teachers.len()).sum();
    let title = if teachers == 0 {
        ctx.tf(i18n::VETO_NONE, &[&year])
    } else {
        ctx.tf(i18n::VETO_TITLE, &[&year, &teachers])
    };
    let keys = ctx.t(i18n::VETO_YEAR_KEYS);
    let filter_w = w.saturating_sub(width(&title) + width(keys) + 4);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{title}  "), th.title()),
            Span::styled(format!("{keys}  "), th.muted()),
        ])),
        line_at(area, 0),
    );
    let filter_area = Rect {
        x: area.right().saturating_sub(filter_w as u16),
        width: filter_w as u16,
        ..line_at(area, 0)
    };
    if s.typing || !s.filter.is_empty() {
        s.filter.render(
            frame,
            filter_area,
            Span::styled("/ ", th.accent()),
            th.base(),
            s.typing,
        );
    } else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("/ {}", ctx.t(i18n::SEARCH_PROMPT)),
                th.muted(),
            )),
            filter_area,
        );
    }
}

/// Row `i`: a school heading, a teacher with the strip of their evidence, or one piece of
/// evidence in columns (date, project, mark, the veto scope that makes it count).
fn row_line(s: &VetoesScreen, i: usize, cols: &Columns, w: usize, ctx: &Ctx) -> Line<'static> {
    let th = ctx.theme;
    let Some(row) = s.rows.get(i).copied() else {
        return Line::default();
    };
    let selected = i == s.list.cursor;
    let base = if selected { th.selected() } else { th.base() };
    match row {
        Row::School(si) => {
            let Some(g) = s.groups.get(si) else {
                return Line::default();
            };
            let n = ctx.tf(i18n::VETO_TEACHERS, &[&g.teachers.len()]);
            Line::from(Span::styled(
                pad(&format!("{}（{n}）", g.school), w),
                th.accent(),
            ))
        }
        Row::Teacher(..) => {
            let Some(t) = s.teacher_at(row) else {
                return Line::default();
            };
            let mut spans = vec![Span::styled(
                format!("  {} {} ", t.name, t.staff_no),
                if selected { base } else { th.title() },
            )];
            let statuses: Vec<Status> = t.evidence.iter().map(|e| e.status).collect();
            spans.extend(marks_strip::strip(&statuses, ctx.lang, th));
            Line::from(spans)
        }
        Row::Evidence(..) => {
            let Some(ev) = s.evidence_at(row) else {
                return Line::default();
            };
            let (_, st) = marks_strip::glyph(ev.status, ctx.lang, th);
            let own = |style| if selected { base } else { style };
            let cells = vec![
                Cell::text(ev.date.to_string()),
                Cell::text(format!("{} {}", ev.project_code, ev.project_title)),
                Cell::styled(evidence_status(ev, ctx), own(st)),
                // The project's veto scope: why this mark counts.
                Cell::styled(ev.scope().label(ctx.zh()), own(th.muted())),
            ];
            let mut line = cols.line(cells, base, base);
            line.spans.insert(0, Span::styled("    ", base));
            line
        }
    }
}

/// The status picker: every status with its glyph, the current one marked.
fn pick_dialog(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    who: &str,
    cursor: usize,
    current: Status,
) {
    let th = ctx.theme;
    let r = centred(frame, area, 40, Status::ALL.len() as u16 + 4);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border())
        .title(Span::styled(
            format!(" {} ", ctx.t(i18n::VETO_PICK_TITLE)),
            th.title(),
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut lines = vec![Line::from(Span::styled(
        truncate(who, inner.width as usize),
        th.base(),
    ))];
    for (i, st) in Status::ALL.iter().enumerate() {
        let (g, style) = marks_strip::glyph(*st, ctx.lang, th);
        let mark = if *st == current { "•" } else { " " };
        let base = if i == cursor {
            th.selected()
        } else {
            th.base()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} "), base),
            Span::styled(g.to_string(), style),
            Span::styled(format!(" {}", st.label(ctx.zh())), base),
        ]));
    }
    lines.push(Line::from(Span::styled(
        ctx.t(i18n::VETO_PICK_KEYS),
        th.muted(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A mark's audit history, the latest entries that fit.
fn history_dialog(frame: &mut Frame, area: Rect, ctx: &Ctx, title: &str, rows: &[AuditRow]) {
    let th = ctx.theme;
    let h = (rows.len() as u16 + 4).clamp(6, area.height);
    let r = centred(frame, area, area.width.min(78), h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border())
        .title(Span::styled(
            format!(" {}：{title} ", ctx.t(i18n::VETO_HISTORY_TITLE)),
            th.title(),
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let iw = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            ctx.t(i18n::VETO_HISTORY_EMPTY),
            th.muted(),
        )));
    }
    let room = (inner.height as usize).saturating_sub(1);
    let skip = rows.len().saturating_sub(room);
    for row in rows.iter().skip(skip) {
        lines.push(Line::from(Span::styled(
            pad(&history_line(row, ctx), iw),
            th.base(),
        )));
    }
    lines.push(Line::from(Span::styled(
        ctx.t(i18n::VETO_HISTORY_KEYS),
        th.muted(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The status recorded in an audit JSON snapshot of a mark.
fn status_in(json: Option<&str>, ctx: &Ctx) -> String {
    json.and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
        .and_then(|v| v.get("status").and_then(|s| s.as_str()).map(str::to_string))
        .map(|code| {
            Status::parse(&code)
                .map(|s| s.label(ctx.zh()).to_string())
                .unwrap_or(code)
        })
        .unwrap_or_else(|| "-".into())
}

/// "2026-03-02 09:00 张三 update 迟到 → 出勤 「核实后更正」".
fn history_line(r: &AuditRow, ctx: &Ctx) -> String {
    let at: String = r.at.chars().take(16).collect();
    let mut s = format!(
        "{at} {} {} {} → {}",
        r.actor,
        r.action,
        status_in(r.before.as_deref(), ctx),
        status_in(r.after.as_deref(), ctx)
    );
    if !r.reason.is_empty() {
        s.push_str(&format!(" 「{}」", r.reason));
    }
    s
}
