//! Drawing the desk: session line, counter, search box, the chosen teacher's line (school, staff
//! number, "already in at …", strip of recent marks), then while typing the best 4 candidates
//! (enrolled first, walk-ins tagged) above the session's latest marks, or after Esc the whole
//! list with strips; a key hint. Typing a letter repaints a few lines only (docs/rules.md §8).
//! The picker, the check-out prompt and the close-session review are in dialogs.rs.
//! Fits 80×24; CJK measured by display width.

use super::desk::{DeskRow, SessionChoice};
use super::modes::Mode;
use super::rows::{recent_marks, row_line, walk_in_label, Look, CANDIDATES};
use super::{dialogs, CheckInScreen};
use crate::domain::{Mark, Status};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::text::{layout_columns, pad, width};
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
        Mode::Review {
            review,
            not_before,
            typed,
            wrong,
        } => dialogs::review(frame, area, ctx, review, *not_before, typed, *wrong),
        Mode::Reopen { removable } => dialogs::reopen(frame, area, ctx, *removable),
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
pub(super) fn mark_cell(m: Option<&Mark>, ctx: &Ctx) -> (String, Style) {
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
        &[&c.arrived(), &s.data.enrolled.len(), &c.late],
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
        // Out of the box (after Esc): say so, never look like the box waiting for a name.
        let (hint, style) = if s.mode == Mode::List {
            (i18n::DESK_HINT_LEFT, th.warn())
        } else {
            (i18n::DESK_HINT, th.muted())
        };
        let hint = format!("> {}", ctx.t(hint));
        frame.render_widget(Paragraph::new(Span::styled(hint, style)), search_area);
    } else {
        s.search.render(
            frame,
            search_area,
            Span::styled("> ", th.accent()),
            th.base(),
            typing,
        );
        // The hint stays at the right end while typing: the first letter repaints one cell.
        let hint = ctx.t(i18n::DESK_HINT);
        let hw = width(hint) as u16;
        if search_area.width >= hw + 2 + width(s.search.text()) as u16 + 2 {
            let hint_area = Rect {
                x: search_area.x + search_area.width - hw,
                width: hw,
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
    // While typing, the list is the best few candidates (the strip is on the ▶ line) and the
    // rest of the screen holds the session's latest marks, which typing leaves alone: one
    // letter changes a handful of lines, not the whole screen (docs/rules.md §8: ≤ 1 KB).
    let list_mode = s.mode != Mode::Typing;
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
        .take(if list_mode { 4 } else { 3 })
        .filter(|(_, w)| **w > 0)
        .map(|(h, w)| Span::styled(format!("{} ", pad(ctx.t(*h), *w)), th.accent()))
        .collect();
    frame.render_widget(Paragraph::new(Line::from(header)), line_at(area, 4));
    let hint_y = area.height - 1;
    frame.render_widget(
        Paragraph::new(Span::styled(ctx.t(i18n::DESK_KEYS_HINT), th.muted())),
        line_at(area, hint_y),
    );
    let avail = hint_y.saturating_sub(5);
    let list_h = if list_mode {
        avail
    } else {
        CANDIDATES.min(avail)
    };
    let rows_area = Rect {
        y: area.y + 5,
        height: list_h,
        ..area
    };
    s.page = (list_h as usize).max(1);
    let query = s.search.text().to_string();
    let mut lines: Vec<Line> = Vec::new();
    let mut hits = Vec::new();
    let show_rows = list_mode || show_cursor || !query.trim().is_empty();
    if s.rows.is_empty() && show_rows {
        let t = if query.trim().is_empty() {
            ctx.t(i18n::NO_ROWS).to_string()
        } else {
            s.nobody(ctx)
        };
        lines.push(Line::from(Span::styled(t, th.muted())));
    }
    let first = if show_rows {
        first_visible(s.cursor, s.page)
    } else {
        s.rows.len()
    };
    for (i, row) in s.rows.iter().enumerate().skip(first).take(s.page) {
        hits.push((rows_area.y + lines.len() as u16, i));
        let selected = show_cursor && i == s.cursor;
        let name_hl = if query.trim().is_empty() {
            Vec::new()
        } else {
            ctx.index.highlight(row.teacher_id, &query).name
        };
        let strip = if list_mode {
            s.strips.get(&row.teacher_id).map(Vec::as_slice)
        } else {
            None
        };
        let mark = s.data.marks.get(&row.teacher_id);
        // While typing, the best match is named on the ▶ line: its row only gets a bold
        // name (a full-width bar would repaint the whole row at every letter).
        let look = match (selected, list_mode) {
            (false, _) => Look::Plain,
            (true, true) => Look::Bar,
            (true, false) => Look::Name,
        };
        lines.push(row_line(ctx, *row, mark, &widths, &name_hl, look, strip));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base()), rows_area);
    s.row_hits = hits;
    if !list_mode && avail > list_h + 1 {
        let y = 5 + list_h;
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(i18n::DESK_RECENT_IN), th.muted())),
            line_at(area, y),
        );
        let room = (hint_y - y - 1) as usize;
        let lines: Vec<Line> = recent_marks(&s.data, room)
            .into_iter()
            .map(|m| {
                let row = DeskRow {
                    teacher_id: m.teacher_id,
                    walk_in: false,
                };
                row_line(ctx, row, Some(m), &widths, &[], Look::Plain, None)
            })
            .collect();
        let recent_area = Rect {
            y: area.y + y + 1,
            height: room as u16,
            ..area
        };
        frame.render_widget(Paragraph::new(lines).style(th.base()), recent_area);
    }
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
            spans.push(Span::styled(walk_in_label(ctx), th.warn()));
        }
        None => {}
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used > w {
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        return Line::from(Span::styled(pad(&text, w), th.base()));
    }
    // The teacher's strip of recent marks, at the right edge.
    let strip = s
        .strips
        .get(&row.teacher_id)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let strip_spans = marks_strip::strip(strip, ctx.lang, th);
    let sw: usize = strip_spans.iter().map(|s| width(&s.content)).sum();
    if sw > 0 && used + sw + 2 <= w {
        spans.push(Span::raw(" ".repeat(w - used - sw)));
        spans.extend(strip_spans);
    }
    Line::from(spans)
}
