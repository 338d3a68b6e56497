//! A plain table with a search line: columns measured by display width, a cursor row,
//! scrolling that keeps the cursor visible. Used by the overview lists.

use super::text::{layout_columns, pad, pad_left};
use super::text_input::TextInput;
use crate::tui::i18n::{self, Msg};
use crate::tui::screen::Ctx;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// How a cell is shown.
#[derive(Clone, Copy)]
pub enum Kind {
    Text,
    /// Right-aligned.
    Number,
    /// A stored code translated by the function (`(code, chinese) -> label`).
    Code(fn(&str, bool) -> Option<&'static str>),
}

#[derive(Clone, Copy)]
pub struct Column {
    pub header: Msg,
    pub min: usize,
    /// Share of the spare width (0 = fixed).
    pub weight: usize,
    pub kind: Kind,
}

pub struct Table<'a> {
    pub columns: &'a [Column],
    pub rows: &'a [&'a Vec<String>],
    pub cursor: usize,
    pub search: &'a TextInput,
    pub typing: bool,
    /// Rows before filtering (for the count).
    pub total: usize,
}

/// First visible row so that `cursor` is on screen with `page` rows.
pub fn first_visible(cursor: usize, page: usize) -> usize {
    if page == 0 {
        0
    } else {
        cursor.saturating_sub(page - 1)
    }
}

/// A column header line: each shown column's title (`widths[i] > 0`) padded to its width,
/// right-aligned where `right_aligned(i)`, one space after each, in the accent style.
pub fn header_line(
    ctx: &Ctx,
    titles: &[Msg],
    widths: &[usize],
    right_aligned: impl Fn(usize) -> bool,
) -> Line<'static> {
    let spans: Vec<Span> = titles
        .iter()
        .zip(widths)
        .enumerate()
        .filter(|(_, (_, w))| **w > 0)
        .map(|(i, (title, w))| {
            let text = if right_aligned(i) {
                pad_left(ctx.t(*title), *w)
            } else {
                pad(ctx.t(*title), *w)
            };
            Span::styled(format!("{text} "), ctx.theme.accent())
        })
        .collect();
    Line::from(spans)
}

/// Draws `header` on line `row` of `area`; returns the area under it, where the rows go.
pub fn header_row<'a>(
    frame: &mut Frame,
    area: Rect,
    row: u16,
    header: impl Into<Text<'a>>,
) -> Rect {
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            y: area.y + row,
            height: 1,
            ..area
        },
    );
    Rect {
        y: area.y + row + 1,
        height: area.height.saturating_sub(row + 1),
        ..area
    }
}

/// Draws the table; returns the number of visible rows (the page size for PgUp/PgDn).
pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, t: &Table) -> usize {
    if area.height < 3 || area.width < 4 {
        return 1;
    }
    let w = area.width as usize;
    let th = ctx.theme;
    // Search line with the count on the right.
    let count = format!("{}/{} ", t.rows.len(), t.total);
    let search_area = Rect {
        height: 1,
        width: area.width.saturating_sub(count.len() as u16),
        ..area
    };
    let hint = format!("/ {}", ctx.t(i18n::SEARCH_PROMPT));
    t.search.render_search(
        frame,
        search_area,
        th,
        t.typing,
        Span::styled(hint, th.muted()),
    );
    let count_area = Rect {
        x: area.right().saturating_sub(count.len() as u16),
        width: count.len() as u16,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(Span::styled(count, th.muted())), count_area);

    let widths = layout_columns(
        w,
        &t.columns
            .iter()
            .map(|c| (c.min, c.weight))
            .collect::<Vec<_>>(),
        1,
    );
    let mut lines = Vec::new();
    let titles: Vec<Msg> = t.columns.iter().map(|c| c.header).collect();
    lines.push(header_line(ctx, &titles, &widths, |i| {
        t.columns
            .get(i)
            .is_some_and(|c| matches!(c.kind, Kind::Number))
    }));
    let page = (area.height as usize).saturating_sub(2);
    if t.rows.is_empty() {
        lines.push(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())));
    }
    let first = first_visible(t.cursor, page);
    for (i, row) in t.rows.iter().enumerate().skip(first).take(page) {
        let style = if i == t.cursor {
            th.selected()
        } else {
            th.base()
        };
        let mut text = String::new();
        for ((c, w), cell) in t.columns.iter().zip(&widths).zip(row.iter()) {
            if *w == 0 {
                continue;
            }
            let shown = match c.kind {
                Kind::Code(f) => f(cell, ctx.zh()).unwrap_or(cell).to_string(),
                _ => cell.clone(),
            };
            match c.kind {
                Kind::Number => text.push_str(&pad_left(&shown, *w)),
                _ => text.push_str(&pad(&shown, *w)),
            }
            text.push(' ');
        }
        if text.ends_with(' ') {
            text.pop();
        }
        lines.push(Line::from(Span::styled(pad(&text, w), style)));
    }
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).style(th.base()), body);
    page.max(1)
}
