//! Drawing the form: one line per field (label, value, its problem or note beside it) and
//! the footer line (the focused field's whole problem, the discard warning, or the keys).
//! A problem shows once its field was changed or a save was tried.

use super::fields::{Form, Kind};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl Form {
    /// Draws the fields from `area.y`, one per line (scrolled to keep the focused one in
    /// view); returns the rows used.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, value_w: usize) -> u16 {
        let th = ctx.theme;
        let label_w = self
            .fields
            .iter()
            .map(|f| width(ctx.t(f.label)))
            .max()
            .unwrap_or(4)
            + 1;
        let total = area.width as usize;
        let value_w = value_w.min(total.saturating_sub(label_w + 2)).max(4);
        let mut y = area.y;
        // A form taller than its area scrolls so that the focused field is on screen.
        let rows = (area.height as usize).max(1);
        let first = (self.focus + 1).saturating_sub(rows);
        for (i, f) in self.fields.iter().enumerate().skip(first) {
            if y >= area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            let label_style = if focused { th.accent() } else { th.muted() };
            let mark = if focused { "›" } else { " " };
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("{mark}{}", pad(ctx.t(f.label), label_w)),
                    label_style,
                )),
                row,
            );
            let vx = area.x + label_w as u16 + 1;
            let value_area = Rect {
                x: vx,
                width: value_w as u16,
                ..row
            };
            render_value(frame, value_area, &f.kind, focused, ctx);
            let after_x = vx + value_w as u16 + 1;
            let room = (area.right().saturating_sub(after_x)) as usize;
            if room > 2 {
                let (text, style) = match (self.shown_problem(i), &f.note) {
                    (Some(p), _) => (format!("✗ {p}"), th.bad()),
                    (None, Some(n)) => (n.clone(), th.muted()),
                    _ => (String::new(), th.base()),
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(truncate(&text, room), style)),
                    Rect {
                        x: after_x,
                        width: room as u16,
                        ..row
                    },
                );
            }
            y += 1;
        }
        y - area.y
    }

    /// Draws a form that fills `area`: `title` on the first line, the fields under it and the
    /// footer on the last line. Returns the fields' area and the rows the fields used (what
    /// is under them, down to the footer, is the caller's).
    pub fn render_titled(
        &self,
        frame: &mut Frame,
        area: Rect,
        ctx: &Ctx,
        title: i18n::Msg,
        value_w: usize,
    ) -> (Rect, u16) {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.t(title), ctx.theme.title())),
            Rect { height: 1, ..area },
        );
        let fields = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        let used = self.render(frame, fields, ctx, value_w);
        frame.render_widget(
            Paragraph::new(self.footer(ctx)),
            Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..area
            },
        );
        (fields, used)
    }

    /// The footer: why the last save was refused, the focused field's whole problem, else the
    /// keys (or the discard warning).
    pub fn footer(&self, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        if let Some(why) = &self.refused {
            return Line::from(Span::styled(format!("✗ {why}"), th.bad()));
        }
        if self.discard_armed {
            return Line::from(Span::styled(ctx.t(i18n::PJ_DISCARD_AGAIN), th.warn()));
        }
        if let Some(p) = self.shown_problem(self.focus) {
            return Line::from(Span::styled(format!("✗ {p}"), th.bad()));
        }
        Line::from(Span::styled(ctx.t(i18n::PJ_FORM_KEYS), th.muted()))
    }
}

/// A field's value: a text box, a choice between ‹ ›, or a check box.
fn render_value(frame: &mut Frame, area: Rect, kind: &Kind, focused: bool, ctx: &Ctx) {
    let th = ctx.theme;
    let value_w = area.width as usize;
    let value_style = if focused { th.selected() } else { th.base() };
    let text = match kind {
        Kind::Text(t) => {
            frame.render_widget(
                Paragraph::new(Span::styled(" ".repeat(value_w), value_style)),
                area,
            );
            t.render(frame, area, Span::raw(""), value_style, focused);
            return;
        }
        Kind::Choice { labels, index } => {
            let text = labels.get(*index).map(|l| l.as_ref()).unwrap_or("");
            format!("‹ {text} ›")
        }
        Kind::Check(true) => format!("[x] {}", ctx.t(i18n::YES)),
        Kind::Check(false) => format!("[ ] {}", ctx.t(i18n::NO)),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(pad(&text, value_w), value_style)),
        area,
    );
}
