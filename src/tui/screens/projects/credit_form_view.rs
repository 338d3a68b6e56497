//! Drawing the manual credit form in a box over the Projects tab: the fields, the teacher
//! candidates while the teacher field has the focus, else the picked teacher's cycle standing
//! and newest ledger entries, and the form's footer.

use super::completion_view::credits_text;
use super::credit_form::{CreditForm, TEACHER};
use crate::domain::credit_registration::EntryStatus;
use crate::domain::DATE_FMT;
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::window::window;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl CreditForm {
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let r = centred(frame, area, 76, area.height.min(20));
        let title = Span::styled(format!(" {} ", ctx.t(i18n::CR_TITLE)), th.title());
        let inner = window(frame, r, title, th.border());
        if inner.height < 7 || inner.width < 30 {
            return;
        }
        let w = inner.width as usize;
        let fields = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let used = self.form.render(frame, fields, ctx, 24);
        let lines = if self.form.focus == TEACHER && !self.candidates.is_empty() {
            self.candidate_lines(w, ctx)
        } else {
            self.standing_lines(w, ctx)
        };
        let list = Rect {
            y: fields.y + used,
            height: fields.height.saturating_sub(used),
            ..fields
        };
        frame.render_widget(Paragraph::new(lines), list);
        frame.render_widget(
            Paragraph::new(self.form.footer(ctx)),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }

    /// The teachers the typed text finds: name, staff number, school.
    fn candidate_lines(&self, w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
        let th = ctx.theme;
        let cols = Columns::fit(
            w.saturating_sub(2),
            &[Column::fixed(10), Column::fixed(10), Column::flex(1, 1)],
        );
        let mut lines = Vec::new();
        for (id, highlighted) in self.candidates.shown() {
            let Some(e) = ctx.index.entry(id) else {
                continue;
            };
            let style = if highlighted {
                th.selected()
            } else {
                th.base()
            };
            let cells = vec![
                Cell::text(e.name.clone()),
                Cell::text(e.staff_no.clone()),
                Cell::text(e.school.clone()),
            ];
            let mut line = cols.line(cells, style, style);
            line.spans.insert(0, Span::styled("  ", style));
            lines.push(line);
        }
        lines
    }

    /// The picked teacher's cycle standing and newest ledger entries.
    fn standing_lines(&self, w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
        let th = ctx.theme;
        let Some((cycle, s)) = &self.standing else {
            return Vec::new();
        };
        let text = ctx.tf(
            i18n::CR_STANDING,
            &[
                &cycle.label(),
                &credits_text(s.total),
                &credits_text(s.concentrated),
                &credits_text(s.required_total),
                &credits_text(s.required_concentrated),
            ],
        );
        let mut lines = vec![
            Line::from(Span::styled(truncate(&text, w), th.accent())),
            Line::from(Span::styled(
                truncate(ctx.t(i18n::CR_LEDGER), w),
                th.muted(),
            )),
        ];
        let cols = Columns::fit(
            w.saturating_sub(2),
            &[
                Column::fixed(10),
                Column::fixed(5).right(),
                Column::fixed(5),
                Column::flex(1, 1),
            ],
        );
        for (i, row) in self.ledger.iter().enumerate() {
            let e = &row.entry;
            let source = match (&row.project_code, &row.project_title) {
                (Some(code), Some(title)) => format!("{code} {title}"),
                _ if row.category.is_empty() => format!("{} {}", ctx.t(i18n::CR_MANUAL), e.note),
                _ => format!("{} {}", row.category, e.note),
            };
            let source = match row.status {
                EntryStatus::Recognised => source,
                s => format!("［{}］{source}", if ctx.zh() { s.zh() } else { s.en() }),
            };
            let conc = if e.concentrated {
                ctx.t(i18n::CR_CONC_SHORT)
            } else {
                ""
            };
            let style = if self.ledger_cursor == Some(i) {
                th.selected()
            } else {
                th.base()
            };
            let cells = vec![
                Cell::text(e.earned_on.format(DATE_FMT).to_string()),
                Cell::text(credits_text(e.credits)),
                Cell::text(conc),
                Cell::text(source),
            ];
            let mut line = cols.bar(cells, style);
            line.spans.insert(0, Span::styled("  ", style));
            lines.push(line);
        }
        lines
    }
}
