//! Windows drawn over the active screen: help, command palette, confirm and reason dialogs.
//! While one is open it receives every key.

pub mod dialog;
pub mod help;
pub mod palette;

use super::screen::Ctx;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;
use ratatui::Frame;

/// What an overlay did with a key (the one key outcome of the TUI, `outcome.rs`).
pub use super::outcome::Outcome;

pub enum Overlay {
    Help(help::HelpOverlay),
    Palette(palette::Palette),
    Confirm(dialog::Confirm),
    Reason(dialog::ReasonPrompt),
    ImportPreview(crate::tui::screens::import_preview::ImportPreview),
}

impl Overlay {
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Outcome {
        match self {
            Overlay::Help(h) => h.handle_key(key),
            Overlay::Palette(p) => p.handle_key(key, ctx),
            Overlay::Confirm(c) => c.handle_key(key),
            Overlay::Reason(r) => r.handle_key(key, ctx),
            Overlay::ImportPreview(p) => p.handle_key(key),
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        match self {
            Overlay::Help(h) => h.render(frame, area, ctx),
            Overlay::Palette(p) => p.render(frame, area, ctx),
            Overlay::Confirm(c) => c.render(frame, area, ctx),
            Overlay::Reason(r) => r.render(frame, area, ctx),
            Overlay::ImportPreview(p) => p.render(frame, area, ctx),
        }
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`, cleared.
pub fn centred(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    clear(frame, r);
    r
}

/// Clears `r` for a window drawn over the screen. A double-width character just left of `r`
/// would have its right half under the window's left border: it is blanked, else the
/// terminal keeps the character and loses the border (the buffer would not be well-formed).
pub fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    if r.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in r.top()..r.bottom() {
        if let Some(cell) = buf.cell_mut((r.x - 1, y)) {
            if crate::tui::widgets::text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}
