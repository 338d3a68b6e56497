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
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::text::{pad, pad_left, width};
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
    let extra = if refused.is_some() { 3 } else { 0 };
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
    let row = |label: &str, n: i64, st: Style| {
        Line::from(vec![
            Span::styled(pad(label, 30), ctx.theme.base()),
            Span::styled(pad_left(&n.to_string(), 6), st),
        ])
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
    s.page = rows.height as usize;
    let first = first_visible(s.picker_cursor, s.page);
    let w = area.width as usize;
    // Fixed columns at the right (display width): "today", "in n/m", "[closed]"; the
    // session line is cut before them, so they line up from row to row.
    let today_w = width(ctx.t(i18n::DESK_TODAY));
    let lock_w = width(ctx.t(i18n::DESK_LOCKED));
    let checked =
        |c: &super::desk::SessionChoice| ctx.tf(i18n::DASH_CHECKED, &[&c.checked, &c.enrolled]);
    let checked_w = s
        .choices
        .iter()
        .map(|c| width(&checked(c)))
        .max()
        .unwrap_or(0);
    let tail_w = 1 + today_w + 1 + checked_w + 1 + lock_w;
    let mut lines = Vec::new();
    s.row_hits.clear();
    for (i, c) in s.choices.iter().enumerate().skip(first).take(s.page) {
        s.row_hits.push((rows.y + lines.len() as u16, i));
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
        let mut spans = vec![Span::styled(
            pad(&session_line(c, ctx), w.saturating_sub(tail_w)),
            base,
        )];
        if w > tail_w {
            spans.push(Span::styled(format!(" {} ", pad(today, today_w)), muted));
            spans.push(Span::styled(pad_left(&checked(c), checked_w), muted));
            spans.push(Span::styled(
                format!(" {}", pad(lock, lock_w)),
                if selected { base } else { th.warn() },
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base()), rows);
}
