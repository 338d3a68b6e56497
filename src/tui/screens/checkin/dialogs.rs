//! Drawing the desk's other faces: the session picker, the check-out time prompt and the
//! close-session review (each with why its write was refused, when it was).

use super::desk::DeskRow;
use super::modes::Mode;
use super::render::{line_at, session_line};
use super::CheckInScreen;
use crate::domain::Status;
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::width;
use crate::tui::widgets::text_input::TextInput;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

pub(super) fn checkout(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    row: DeskRow,
    input: &TextInput,
    (error, refused): (bool, Option<&str>),
) {
    let r = centred(frame, area, 50, if refused.is_some() { 8 } else { 6 });
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t(i18n::KEY_DESK_LEFT_EARLY)),
            ctx.theme.title(),
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height < 3 {
        return;
    }
    let name = CheckInScreen::teacher_name(ctx, row.teacher_id);
    let ask = ctx.tf(i18n::DESK_CHECKOUT_ASK, &[&name]);
    frame.render_widget(
        Paragraph::new(Span::styled(ask, ctx.theme.base())),
        line_at(inner, 0),
    );
    input.render(
        frame,
        line_at(inner, 1),
        Span::styled("> ", ctx.theme.accent()),
        ctx.theme.base(),
        true,
    );
    let (t, st) = match refused {
        Some(why) => (format!("✗ {why}"), ctx.theme.bad()),
        None if error => (ctx.t(i18n::DESK_BAD_TIME).into(), ctx.theme.bad()),
        None => (ctx.t(i18n::DESK_PROMPT_KEYS).into(), ctx.theme.muted()),
    };
    let rest = Rect {
        height: inner.height.saturating_sub(2),
        ..line_at(inner, 2)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(t, st)).wrap(Wrap { trim: false }),
        rest,
    );
}

/// Enrolled, each status, and unmarked, with their numbers right-aligned.
fn review_counts(r: &crate::ops::close_session::CloseReview, ctx: &Ctx) -> Vec<Line<'static>> {
    let cols = Columns::fit(36, &[Column::fixed(29), Column::fixed(6).right()]);
    let row = |label: &str, n: i64, st: Style| {
        let cells = vec![Cell::text(label), Cell::styled(n.to_string(), st)];
        cols.line(cells, ctx.theme.base(), ctx.theme.base())
    };
    let mut lines = vec![row(
        ctx.t(i18n::DESK_REVIEW_ENROLLED),
        r.enrolled,
        ctx.theme.base(),
    )];
    for st in Status::ALL {
        let (_, style) = marks_strip::glyph(*st, ctx.lang, ctx.theme);
        lines.push(row(st.label(ctx.zh()), r.counts.get(*st), style));
    }
    lines.push(row(
        ctx.t(i18n::DESK_REVIEW_UNMARKED),
        r.unmarked,
        ctx.theme.bad(),
    ));
    if r.not_in_service > 0 {
        lines.push(row(
            ctx.t(i18n::DESK_REVIEW_NOT_IN_SERVICE),
            r.not_in_service,
            ctx.theme.muted(),
        ));
    }
    lines
}

/// The review of `mode` (a `Mode::Review`).
pub(super) fn review(frame: &mut Frame, area: Rect, ctx: &Ctx, mode: &Mode) {
    let Mode::Review {
        review: r,
        not_before,
        typed,
        wrong,
        refused,
    } = mode
    else {
        return;
    };
    let (not_before, wrong) = (*not_before, *wrong);
    let untaken = not_before.is_none() && r.register_untaken();
    let extra = if refused.is_some() { 3 } else { 0 } + u16::from(r.not_in_service > 0);
    let box_area = centred(frame, area, 50, if untaken { 15 } else { 12 } + extra);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t(i18n::DESK_REVIEW_TITLE)),
            ctx.theme.title(),
        ));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let mut lines = review_counts(r, ctx);
    let text = |t: String, st: Style| Line::from(Span::styled(t, st));
    match not_before {
        None if untaken => {
            let n = r.unmarked;
            lines.push(Line::from(""));
            lines.push(text(
                ctx.t(i18n::DESK_REVIEW_UNTAKEN).into(),
                ctx.theme.bad(),
            ));
            lines.push(text(
                ctx.tf(i18n::DESK_REVIEW_VETOES, &[&n, &n]),
                ctx.theme.bad(),
            ));
            let (ask, st) = if wrong {
                (i18n::DESK_REVIEW_WRONG, ctx.theme.bad())
            } else {
                (i18n::DESK_REVIEW_TYPE, ctx.theme.accent())
            };
            lines.push(text(ctx.tf(ask, &[&n]), st));
        }
        None => {
            lines.push(Line::from(""));
            lines.push(text(
                ctx.t(i18n::DESK_REVIEW_KEYS).into(),
                ctx.theme.accent(),
            ));
        }
        Some(start) => {
            let when = start.format("%H:%M");
            lines.push(text(
                ctx.tf(i18n::DESK_REVIEW_NOT_STARTED, &[&when]),
                ctx.theme.bad(),
            ));
            lines.push(text(
                ctx.t(i18n::DESK_REVIEW_BACK).into(),
                ctx.theme.accent(),
            ));
        }
    }
    if let Some(why) = refused {
        lines.push(text(format!("✗ {why}"), ctx.theme.bad()));
    }
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if untaken && inner.height > used {
        typed.render(
            frame,
            line_at(inner, used),
            Span::styled("> ", ctx.theme.accent()),
            ctx.theme.base(),
            true,
        );
    }
}

/// The question before reopening a session whose close wrote `removable` untouched absences.
pub(super) fn reopen(frame: &mut Frame, area: Rect, ctx: &Ctx, removable: usize) {
    let box_area = centred(frame, area, 50, 7);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t(i18n::DESK_REOPEN_TITLE)),
            ctx.theme.title(),
        ));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let (base, accent) = (ctx.theme.base(), ctx.theme.accent());
    let lines = vec![
        Line::from(Span::styled(
            ctx.tf(i18n::DESK_REOPEN_FOUND, &[&removable]),
            base,
        )),
        Line::from(Span::styled(
            ctx.t(i18n::DESK_REOPEN_HAND),
            ctx.theme.muted(),
        )),
        Line::from(Span::styled(
            ctx.tf(i18n::DESK_REOPEN_REMOVE, &[&removable]),
            accent,
        )),
        Line::from(Span::styled(ctx.t(i18n::DESK_REOPEN_KEEP), accent)),
        Line::from(Span::styled(ctx.t(i18n::DESK_REOPEN_CANCEL), accent)),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

pub(super) fn picker(s: &mut CheckInScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let th = ctx.theme;
    frame.render_widget(
        Paragraph::new(Span::styled(ctx.t(i18n::DESK_CHOOSE), th.title())),
        line_at(area, 0),
    );
    let rows = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if s.choices.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(i18n::DESK_NO_SESSIONS), th.muted())),
            line_at(rows, 0),
        );
        return;
    }
    let cols = picker_columns(s, area.width as usize, ctx);
    let mut list = ListState {
        cursor: s.picker_cursor,
        page: s.list.page,
    };
    let screen: &CheckInScreen = s;
    let table = ListTable::new(screen.choices.len(), |i| picker_row(screen, i, &cols, ctx))
        .style(th.base());
    frame.render_stateful_widget(table, rows, &mut list);
    s.list.page = list.page;
    let first = list.first();
    s.row_hits = (first..s.choices.len())
        .take(list.page)
        .enumerate()
        .map(|(k, i)| (rows.y + k as u16, i))
        .collect();
}

/// The session line, then fixed columns at the right (display width): "today", "in n/m",
/// "[closed]"; the session line is cut before them, so they line up from row to row.
fn picker_columns(s: &CheckInScreen, w: usize, ctx: &Ctx) -> Columns {
    let today_w = width(ctx.t(i18n::DESK_TODAY));
    let lock_w = width(ctx.t(i18n::DESK_LOCKED));
    let checked_w = s
        .choices
        .iter()
        .map(|c| width(&checked(c, ctx)))
        .max()
        .unwrap_or(0);
    let tail_w = 1 + today_w + 1 + checked_w + 1 + lock_w;
    Columns::fit(
        w,
        &[
            Column::fixed(w.saturating_sub(tail_w)),
            Column::fixed(today_w),
            Column::fixed(checked_w).right(),
            Column::fixed(lock_w),
        ],
    )
}

/// "in n/m": how many of the session's enrolled teachers are in.
fn checked(c: &super::desk::SessionChoice, ctx: &Ctx) -> String {
    ctx.tf(i18n::DASH_CHECKED, &[&c.checked, &c.enrolled])
}

/// Session choice `i` of the picker.
fn picker_row(s: &CheckInScreen, i: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
    let th = ctx.theme;
    let Some(c) = s.choices.get(i) else {
        return Line::default();
    };
    let selected = i == s.picker_cursor;
    let base = if selected { th.selected() } else { th.base() };
    let muted = if selected { base } else { th.muted() };
    let today = if c.session.date == ctx.today() {
        ctx.t(i18n::DESK_TODAY)
    } else {
        ""
    };
    let lock = if c.session.is_closed() {
        ctx.t(i18n::DESK_LOCKED)
    } else {
        ""
    };
    let cells = vec![
        Cell::text(session_line(c, ctx)),
        Cell::styled(today, muted),
        Cell::styled(checked(c, ctx), muted),
        Cell::styled(lock, if selected { base } else { th.warn() }),
    ];
    cols.line(cells, base, muted)
}
