//! Drawing the desk: session line, counter, search box, the chosen teacher's line (school, staff
//! number, "already in at …", strip of recent marks), then while typing the best 4 candidates
//! (enrolled first, walk-ins tagged) above the session's latest marks, or after Esc the whole
//! list with strips; a key hint. Typing a letter repaints a few lines only (docs/rules.md §8).
//! The picker, the check-out prompt and the close-session review are in dialogs.rs.
//! Fits 80×24; CJK measured by display width.

use super::desk::{DeskRow, SessionChoice};
use super::modes::Mode;
use super::rows::{columns, recent_marks, row_line, walk_in_label, Look, CANDIDATES};
use super::{dialogs, CheckInScreen};
use crate::domain::{Mark, Status};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::table::{Columns, ListTable};
use crate::tui::widgets::text::{pad, width};
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
            row,
            input,
            error,
            refused,
            ..
        } => dialogs::checkout(frame, area, ctx, *row, input, (*error, refused.as_deref())),
        Mode::Review { .. } => dialogs::review(frame, area, ctx, &s.mode),
        Mode::Reopen { removable } => dialogs::reopen(frame, area, ctx, *removable),
        Mode::Feedback(form) => super::feedback::render(frame, area, ctx, form),
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
    session_header(s, frame, line_at(area, 0), ctx);
    counter_line(s, frame, line_at(area, 1), ctx);
    search_line(s, frame, line_at(area, 2), ctx);
    // Line 3: the highlighted teacher.
    let th = ctx.theme;
    if let Some(row) = s.selected().filter(|_| s.chosen) {
        let line = selected_line(s, row, ctx, area.width as usize);
        frame.render_widget(Paragraph::new(line), line_at(area, 3));
    } else if s.data.is_closed() {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(i18n::DESK_LOCKED_NOTE), th.warn())),
            line_at(area, 3),
        );
    }
    // The last line: the key hint.
    let hint_y = area.height - 1;
    frame.render_widget(
        Paragraph::new(Span::styled(ctx.t(i18n::DESK_KEYS_HINT), th.muted())),
        line_at(area, hint_y),
    );
    // Line 4: header; rows.
    // While typing, the list is the best few candidates (the strip is on the ▶ line) and the
    // rest of the screen holds the session's latest marks, which typing leaves alone: one
    // letter changes a handful of lines, not the whole screen (docs/rules.md §8: ≤ 1 KB).
    let list_mode = s.mode != Mode::Typing;
    // While typing, a gutter at the left carries the digit that picks each candidate.
    let gutter = if list_mode { 0 } else { PICK_GUTTER };
    let body = Rect {
        x: area.x + gutter,
        width: area.width - gutter,
        ..area
    };
    let cols = columns(body.width as usize);
    let avail = hint_y.saturating_sub(5);
    let list_h = if list_mode {
        avail
    } else {
        CANDIDATES.min(avail)
    };
    let list_area = Rect {
        y: area.y + 4,
        height: list_h + 1,
        ..body
    };
    teacher_list(s, frame, list_area, &cols, ctx);
    if !list_mode {
        s.typing_rows = list_h;
        pick_labels(s, frame, area.x, ctx);
    }
    if !list_mode && avail > list_h + 1 {
        let y = 5 + list_h;
        let recent_area = Rect {
            y: area.y + y,
            height: hint_y - y,
            ..body
        };
        recent_list(s, frame, recent_area, &cols, ctx);
    }
}

/// The session, its topic, and 🔒 when it is closed.
fn session_header(s: &CheckInScreen, frame: &mut Frame, line: Rect, ctx: &Ctx) {
    let Some(c) = s
        .choices
        .iter()
        .find(|c| Some(c.session.id) == s.session_id)
    else {
        return;
    };
    let mut text = session_line(c, ctx);
    if !c.session.topic.is_empty() {
        text = format!("{text} · {}", c.session.topic);
    }
    let lock = if s.data.is_closed() {
        ctx.t(i18n::DESK_LOCKED)
    } else {
        ""
    };
    let w = line.width as usize;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                pad(&text, w.saturating_sub(width(lock) + 1)),
                ctx.theme.title(),
            ),
            Span::styled(format!(" {lock}"), ctx.theme.warn()),
        ])),
        line,
    );
}

/// Arrived / enrolled / late, and the undo depth at the right.
fn counter_line(s: &CheckInScreen, frame: &mut Frame, line: Rect, ctx: &Ctx) {
    let c = s.data.counts;
    // Enrolled teachers no longer in service count only when they have a mark here.
    let expected = s
        .data
        .enrolled
        .iter()
        .filter(|id| ctx.index.is_active(**id) || s.data.marks.contains_key(id))
        .count();
    let counter = ctx.tf(i18n::DESK_COUNTER, &[&c.arrived(), &expected, &c.late]);
    let depth = s.undo.depth();
    let right = if depth > 0 {
        ctx.tf(i18n::DESK_UNDO_DEPTH, &[&depth])
    } else {
        String::new()
    };
    let w = line.width as usize;
    let spans = vec![
        Span::styled(
            pad(&counter, w.saturating_sub(width(&right))),
            ctx.theme.accent(),
        ),
        Span::styled(right, ctx.theme.muted()),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), line);
}

/// The search box, or what Esc left there.
fn search_line(s: &mut CheckInScreen, frame: &mut Frame, search_area: Rect, ctx: &Ctx) {
    let th = ctx.theme;
    let typing = s.mode == Mode::Typing;
    if s.search.is_empty() && !typing {
        // Out of the box (after Esc): say so, never look like the box waiting for a name.
        let (hint, style) = if s.mode == Mode::List {
            (i18n::DESK_HINT_LEFT, th.warn())
        } else {
            (i18n::DESK_HINT, th.muted())
        };
        let hint = format!("> {}", ctx.t(hint));
        frame.render_widget(Paragraph::new(Span::styled(hint, style)), search_area);
        return;
    }
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
        frame.render_widget(Paragraph::new(Span::styled(hint, th.muted())), hint_area);
    }
}

/// The header and the teachers: the whole list after Esc, the best candidates while typing.
fn teacher_list(s: &mut CheckInScreen, frame: &mut Frame, area: Rect, cols: &Columns, ctx: &Ctx) {
    let th = ctx.theme;
    let list_mode = s.mode != Mode::Typing;
    let heads = [
        i18n::COL_NAME,
        i18n::COL_SCHOOL,
        i18n::COL_MARK,
        i18n::COL_RECENT,
    ];
    let shown = if list_mode { 4 } else { 3 };
    let titles: Vec<&str> = heads.iter().take(shown).map(|h| ctx.t(*h)).collect();
    let query = s.search.text().to_string();
    let show_cursor = s.chosen;
    let show_rows = list_mode || show_cursor || !query.trim().is_empty();
    let empty = if query.trim().is_empty() {
        ctx.t(i18n::NO_ROWS).to_string()
    } else {
        s.nobody(ctx)
    };
    let mut list = s.list;
    let screen: &CheckInScreen = s;
    let row = |i: usize| {
        let Some(row) = screen.rows.get(i).copied() else {
            return Line::default();
        };
        let name_hl = if query.trim().is_empty() {
            Vec::new()
        } else {
            ctx.index.highlight(row.teacher_id, &query).name
        };
        let strip = if list_mode {
            screen.strips.get(&row.teacher_id).map(Vec::as_slice)
        } else {
            None
        };
        let mark = screen.data.marks.get(&row.teacher_id);
        // While typing, the best match is named on the ▶ line: its row only gets a bold
        // name (a full-width bar would repaint the whole row at every letter).
        let look = match (show_cursor && i == screen.list.cursor, list_mode) {
            (false, _) => Look::Plain,
            (true, true) => Look::Bar,
            (true, false) => Look::Name,
        };
        row_line(ctx, row, mark, cols, &name_hl, look, strip)
    };
    let len = if show_rows { screen.rows.len() } else { 0 };
    let mut table = ListTable::new(len, row)
        .header(cols.header(&titles, th.accent()))
        .style(th.base());
    if show_rows {
        table = table.empty(Line::from(Span::styled(empty, th.muted())));
    }
    frame.render_stateful_widget(table, area, &mut list);
    list.page = list.page.max(1);
    s.list = list;
    let first = list.first();
    s.row_hits = (first..len)
        .take(area.height.saturating_sub(1) as usize)
        .enumerate()
        .map(|(k, i)| (area.y + 1 + k as u16, i))
        .collect();
}

/// Columns left of the candidates for their digits.
const PICK_GUTTER: u16 = 2;

/// The digit each candidate on screen carries while a digit picks (`Index::digits_pick`):
/// 1 for the first row shown, 2 for the next… (`CheckInScreen::pick` works out the same rows).
fn pick_labels(s: &CheckInScreen, frame: &mut Frame, x: u16, ctx: &Ctx) {
    if !s.chosen || !ctx.index.digits_pick(s.search.text()) {
        return;
    }
    for (k, &(y, _)) in s.row_hits.iter().enumerate().take(9) {
        let at = Rect {
            x,
            y,
            width: 1,
            height: 1,
        };
        let label = Span::styled((k + 1).to_string(), ctx.theme.accent());
        frame.render_widget(Paragraph::new(label), at);
    }
}

/// While typing: the session's latest marks under the candidates.
fn recent_list(s: &CheckInScreen, frame: &mut Frame, area: Rect, cols: &Columns, ctx: &Ctx) {
    let th = ctx.theme;
    frame.render_widget(
        Paragraph::new(Span::styled(ctx.t(i18n::DESK_RECENT_IN), th.muted())),
        line_at(area, 0),
    );
    let room = area.height.saturating_sub(1) as usize;
    let lines: Vec<Line> = recent_marks(&s.data, room)
        .into_iter()
        .map(|m| {
            let row = DeskRow {
                teacher_id: m.teacher_id,
                walk_in: false,
            };
            row_line(ctx, row, Some(m), cols, &[], Look::Plain, None)
        })
        .collect();
    let recent_area = Rect {
        y: area.y + 1,
        height: room as u16,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).style(th.base()), recent_area);
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
