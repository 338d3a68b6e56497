//! Pieces every list screen shares: the column header line, the rows' area under it, and
//! scrolling that keeps the cursor visible.

use super::text::{pad, pad_left};
use crate::tui::i18n::Msg;
use crate::tui::screen::Ctx;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

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
