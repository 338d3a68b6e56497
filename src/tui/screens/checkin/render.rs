//! Drawing the desk: session line, counter, search box, the highlighted teacher's line, the
//! rows (enrolled, then walk-ins), a key hint; and the picker, the check-out prompt and the
//! close-session review. Fits 80×24; CJK measured by display width.

use super::desk::{DeskRow, SessionChoice};
use super::{dialogs, CheckInScreen, Mode};
use crate::domain::{Mark, Status};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::text::{highlighted, layout_columns, pad, width};
use crate::tui::write::mark_summary;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub(super) fn line_at(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

pub(super) fn render(s: &mut CheckInScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    if area.height < 6 || area.width < 20 {
        return;
    }
    if s.mode == Mode::Picker {
        return dialogs::picker(s, frame, area, ctx);
    }
    desk(s, frame, area, ctx);
    match &s.mode {
        Mode::Checkout {
            row, input, error, ..
        } => dialogs::checkout(frame, area, ctx, *row, input, *error),
        Mode::Review { review, not_before } => {
            dialogs::review(frame, area, ctx, review, *not_before)
        }
        _ => {}
    }
}

pub(super) fn session_line(c: &SessionChoice, ctx: &Ctx) -> String {
    let s = &c.session;
    let wd = crate::tui::i18n::WEEKDAYS
        [chrono::Datelike::weekday(&s.date).num_days_from_monday() as usize]
        .get(ctx.lang);
    format!(
        "{} {} {}–{} {} {}",
        s.date,
        wd,
        s.start.format("%H:%M"),
        s.end.format("%H:%M"),
        c.project_code,
        c.project_title
    )
}

/// What the "this session" cell says about a mark.
fn mark_cell(m: Option<&Mark>, ctx: &Ctx) -> (String, Style) {
    match m {
        None => ("-".into(), ctx.theme.muted()),
        Some(m) => {
            let (_, st) = marks_strip::glyph(m.status, ctx.lang, ctx.theme);
            (mark_summary(m, ctx.lang), st)
        }
    }
}

fn desk(s: &mut CheckInScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let th = ctx.theme;
    let w = area.width as usize;
    // Line 0: the session.
    if let Some(c) = s
        .choices
        .iter()
        .find(|c| Some(c.session.id) == s.session_id)
    {
        let mut text = session_line(c, ctx);
        if !c.session.topic.is_empty() {
            text = format!("{text} · {}", c.session.topic);
        }
        let lock = if s.data.is_closed() {
            ctx.t(i18n::DESK_LOCKED)
        } else {
            ""
        };
        let lw = width(lock);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(pad(&text, w.saturating_sub(lw + 1)), th.title()),
                Span::styled(format!(" {lock}"), th.warn()),
            ])),
            line_at(area, 0),
        );
    }
    // Line 1: the counter.
    let c = s.data.counts;
    let counter = ctx.tf(
        i18n::DESK_COUNTER,
        &[&c.attended(), &s.data.enrolled.len(), &c.late],
    );
    let depth = super::undo::depth(s.desk);
    let right = if depth > 0 {
        ctx.tf(i18n::DESK_UNDO_DEPTH, &[&depth])
    } else {
        String::new()
    };
    let mut counter_spans = vec![Span::styled(
        pad(&counter, w.saturating_sub(width(&right))),
        th.accent(),
    )];
    counter_spans.push(Span::styled(right, th.muted()));
    frame.render_widget(Paragraph::new(Line::from(counter_spans)), line_at(area, 1));
    // Line 2: the search box.
    let typing = s.mode == Mode::Typing;
    let search_area = line_at(area, 2);
    if s.search.is_empty() && !typing {
        let hint = format!("> {}", ctx.t(i18n::DESK_HINT));
        frame.render_widget(Paragraph::new(Span::styled(hint, th.muted())), search_area);
    } else {
        s.search.render(
            frame,
            search_area,
            Span::styled("> ", th.accent()),
            th.base(),
            typing,
        );
        if s.search.is_empty() {
            let hint_area = Rect {
                x: search_area.x + 2,
                width: search_area.width.saturating_sub(2),
                ..search_area
            };
            frame.render_widget(
                Paragraph::new(Span::styled(ctx.t(i18n::DESK_HINT), th.muted())),
                hint_area,
            );
        }
    }
    // Line 3: the highlighted teacher.
    let show_cursor = s.chosen;
    if let Some(row) = s.selected().filter(|_| show_cursor) {
        frame.render_widget(
            Paragraph::new(selected_line(s, row, ctx, w)),
            line_at(area, 3),
        );
    } else if s.data.is_closed() {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(i18n::DESK_LOCKED_NOTE), th.warn())),
            line_at(area, 3),
        );
    }
    // Line 4: header; rows; the last line: key hint.
    let widths = layout_columns(w, &[(8, 1), (10, 2), (14, 1), (10, 0)], 1);
    let heads = [
        i18n::COL_NAME,
        i18n::COL_SCHOOL,
        i18n::COL_MARK,
        i18n::COL_RECENT,
    ];
    let header: Vec<Span> = heads
        .iter()
        .zip(&widths)
        .filter(|(_, w)| **w > 0)
        .map(|(h, w)| Span::styled(format!("{} ", pad(ctx.t(*h), *w)), th.accent()))
        .collect();
    frame.render_widget(Paragraph::new(Line::from(header)), line_at(area, 4));
    let hint_y = area.height - 1;
    frame.render_widget(
        Paragraph::new(Span::styled(ctx.t(i18n::DESK_KEYS_HINT), th.muted())),
        line_at(area, hint_y),
    );
    let rows_area = Rect {
        y: area.y + 5,
        height: hint_y.saturating_sub(5),
        ..area
    };
    s.page = (rows_area.height as usize).max(1);
    let first = first_visible(s.cursor, s.page.saturating_sub(1).max(1));
    let query = s.search.text().to_string();
    let mut lines: Vec<Line> = Vec::new();
    let mut hits = Vec::new();
    if s.rows.is_empty() {
        let t = if s.search.is_empty() {
            ctx.t(i18n::NO_ROWS)
        } else {
            ctx.t(i18n::DESK_NOBODY)
        };
        lines.push(Line::from(Span::styled(t, th.muted())));
    }
    for (i, row) in s.rows.iter().enumerate().skip(first) {
        if lines.len() >= s.page {
            break;
        }
        if row.walk_in && (i == 0 || !s.rows[i - 1].walk_in) {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::DESK_WALK_INS),
                th.muted(),
            )));
            if lines.len() >= s.page {
                break;
            }
        }
        let Some(e) = ctx.index.entry(row.teacher_id) else {
            continue;
        };
        hits.push((rows_area.y + lines.len() as u16, i));
        let selected = show_cursor && i == s.cursor;
        let base = if selected { th.selected() } else { th.base() };
        let hl = if selected {
            th.selected().patch(th.highlight())
        } else {
            th.highlight()
        };
        let name_hl = if query.trim().is_empty() {
            Vec::new()
        } else {
            ctx.index.highlight(row.teacher_id, &query).name
        };
        let (cell, cell_style) = mark_cell(s.data.marks.get(&row.teacher_id), ctx);
        let mut spans = Vec::new();
        let cells: [(&str, &[usize], Style); 3] = [
            (&e.name, &name_hl, base),
            (&e.school, &[], base),
            (&cell, &[], if selected { base } else { cell_style }),
        ];
        for ((text, pos, st), cw) in cells.iter().zip(&widths) {
            if *cw == 0 {
                continue;
            }
            spans.extend(highlighted(text, pos, *cw, *st, hl));
            spans.push(Span::styled(" ", base));
        }
        if widths[3] > 0 {
            let strip = s.strips.get(&row.teacher_id).cloned().unwrap_or_default();
            let keep = strip.len().saturating_sub(widths[3] / 2);
            spans.extend(marks_strip::strip(&strip[keep..], ctx.lang, th));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base()), rows_area);
    s.row_hits = hits;
}

fn selected_line(s: &CheckInScreen, row: DeskRow, ctx: &Ctx, w: usize) -> Line<'static> {
    let th = ctx.theme;
    let Some(e) = ctx.index.entry(row.teacher_id) else {
        return Line::from("");
    };
    let mut spans = vec![Span::styled(format!("▶ {} ", e.name), th.title())];
    spans.push(Span::styled(
        format!("{} {} ", e.school, e.staff_no),
        th.base(),
    ));
    match s.data.marks.get(&row.teacher_id) {
        Some(m) => {
            let (_, st) = marks_strip::glyph(m.status, ctx.lang, th);
            let text = match (m.status, m.checked_in_at) {
                (Status::Present | Status::Late, Some(t)) => {
                    let at = ctx.tf(i18n::DESK_IN_AT, &[&t.format("%H:%M")]);
                    if m.status == Status::Late {
                        format!("{at} · {}", mark_summary(m, ctx.lang))
                    } else {
                        at
                    }
                }
                _ => mark_summary(m, ctx.lang),
            };
            spans.push(Span::styled(text, st));
        }
        None if row.walk_in => {
            spans.push(Span::styled(
                ctx.t(i18n::DESK_WALK_INS)
                    .trim_matches(|c| c == '─' || c == ' ')
                    .to_string(),
                th.warn(),
            ));
        }
        None => {}
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used > w {
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        return Line::from(Span::styled(pad(&text, w), th.base()));
    }
    Line::from(spans)
}
