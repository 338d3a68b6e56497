//! The frames around a window (a dialog or form: a full border with a title) and around a
//! detail pane (one line separating it from the list beside or above it).

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

/// Draws a full border in `border` style with `title` on it; returns the area inside.
pub fn window(frame: &mut Frame, area: Rect, title: Span, border: Style) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Draws a detail pane's separating line, on its left when it stands `beside` the list,
/// else on its top; returns the area inside.
pub fn pane(frame: &mut Frame, area: Rect, beside: bool, border: Style) -> Rect {
    let block = Block::default()
        .borders(if beside { Borders::LEFT } else { Borders::TOP })
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
