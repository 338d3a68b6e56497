//! The attendance matrix of a project: teachers × sessions, one coloured glyph per mark
//! (the desk's glyphs, widgets::marks_strip), per-teacher totals at the right, per-session
//! totals by status at the bottom. `o` sorts by school or by name; ←/→ (h/l) move across
//! sessions and scroll when they exceed the width.

use crate::domain::{DayPart, Status, TIME_FMT};
use crate::error::Result;
use crate::store::attendance_matrix::{self, AttendanceMatrix, MatrixOrder};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::marks_strip::glyph;
use crate::tui::widgets::text::{pad, pad_left, truncate};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const NAME_W: usize = 8;
const SCHOOL_W: usize = 10;
/// Rows of totals at the bottom: one per status and "no mark".
const TOTAL_ROWS: u16 = 6;

#[derive(Default)]
pub struct MatrixView {
    pub matrix: AttendanceMatrix,
    pub order: MatrixOrder,
    pub row: usize,
    pub col: usize,
    first_col: usize,
    page: usize,
}

impl MatrixView {
    pub fn reload(&mut self, ctx: &Ctx, project_id: i64) -> Result<()> {
        let keep = self.matrix.rows.get(self.row).map(|r| r.teacher_id);
        self.matrix = attendance_matrix::load(ctx.conn(), project_id, self.order)?;
        self.row = keep
            .and_then(|id| self.matrix.rows.iter().position(|r| r.teacher_id == id))
            .unwrap_or(0)
            .min(self.matrix.rows.len().saturating_sub(1));
        self.col = self.col.min(self.matrix.sessions.len().saturating_sub(1));
        Ok(())
    }

    pub fn toggle_order(&mut self) {
        let keep = self.matrix.rows.get(self.row).map(|r| r.teacher_id);
        self.order = match self.order {
            MatrixOrder::School => MatrixOrder::Name,
            MatrixOrder::Name => MatrixOrder::School,
        };
        self.matrix.sort(self.order);
        if let Some(id) = keep {
            self.row = self
                .matrix
                .rows
                .iter()
                .position(|r| r.teacher_id == id)
                .unwrap_or(0);
        }
    }

    pub fn moved(&mut self, m: Move) {
        self.row = keymap::apply_move(self.row, self.matrix.rows.len(), self.page.max(1), m);
    }

    pub fn left(&mut self) {
        self.col = self.col.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.col = (self.col + 1).min(self.matrix.sessions.len().saturating_sub(1));
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        if area.height < TOTAL_ROWS + 3 || area.width < 40 {
            return;
        }
        let m = &self.matrix;
        let n = m.sessions.len();
        let w = area.width as usize;
        // The widest number shown decides the cell width (at least 3: a glyph and a gap).
        let biggest = m.rows.len().max(n);
        let cell = (biggest.to_string().len() + 1).max(3);
        let left = NAME_W + 1 + SCHOOL_W + 1;
        let right = 1 + Status::ALL.len() * cell;
        let fit = (w.saturating_sub(left + right) / cell).max(1);
        if self.col < self.first_col {
            self.first_col = self.col;
        } else if self.col >= self.first_col + fit {
            self.first_col = self.col + 1 - fit;
        }
        self.first_col = self.first_col.min(n.saturating_sub(fit.min(n)));
        let cols: Vec<usize> = (self.first_col..n).take(fit).collect();
        let gap = " ".repeat(w.saturating_sub(left + cols.len() * cell + right));
        let line_at = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        let status_glyph = |s: Status| glyph(s, ctx.lang, th);
        // Header: session numbers, then the status glyphs of the totals.
        let order_label = match self.order {
            MatrixOrder::School => ctx.t(i18n::PJ_SORTED_SCHOOL),
            MatrixOrder::Name => ctx.t(i18n::PJ_SORTED_NAME),
        };
        let mut head = vec![Span::styled(pad(order_label, left), th.muted())];
        for c in &cols {
            let style = if *c == self.col {
                th.selected()
            } else {
                th.accent()
            };
            head.push(Span::styled(pad_left(&(c + 1).to_string(), cell), style));
        }
        head.push(Span::raw(gap.clone()));
        head.push(Span::raw(" "));
        for s in Status::ALL {
            let (g, style) = status_glyph(*s);
            head.push(Span::styled(pad_left(g, cell), style));
        }
        frame.render_widget(Paragraph::new(Line::from(head)), line_at(0));
        // Teacher rows.
        let rows_h = area.height - 2 - TOTAL_ROWS;
        self.page = rows_h as usize;
        let first = first_visible(self.row, self.page);
        let mut lines = Vec::new();
        if m.rows.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_ENROLMENTS),
                th.muted(),
            )));
        }
        for (i, r) in m.rows.iter().enumerate().skip(first).take(self.page) {
            let sel = i == self.row;
            let base = if sel { th.selected() } else { th.base() };
            let mut spans = vec![
                Span::styled(pad(&r.name, NAME_W), base),
                Span::styled(" ", base),
                Span::styled(pad(&r.school, SCHOOL_W), base),
                Span::styled(" ", base),
            ];
            for c in &cols {
                let (g, style) = match r.cells.get(*c).copied().flatten() {
                    Some(s) => status_glyph(s),
                    None => ("·", th.muted()),
                };
                let style = if sel || *c == self.col {
                    match th.selected().bg {
                        Some(bg) => style.bg(bg),
                        None => style.patch(th.selected()),
                    }
                } else {
                    style
                };
                spans.push(Span::styled(pad_left(g, cell), style));
            }
            spans.push(Span::styled(gap.clone(), base));
            spans.push(Span::styled(" ", base));
            let t = m.teacher_totals(i);
            for s in Status::ALL {
                let v = t.get(*s);
                let style = if v > 0 {
                    status_glyph(*s).1
                } else {
                    th.muted()
                };
                spans.push(Span::styled(pad_left(&v.to_string(), cell), style));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(
            Paragraph::new(lines).style(th.base()),
            Rect {
                y: area.y + 1,
                height: rows_h,
                ..area
            },
        );
        // Totals per session, one line per status, and the teachers without a mark.
        let totals: Vec<_> = cols.iter().map(|c| m.session_totals(*c)).collect();
        let all: Vec<_> = (0..n).map(|c| m.session_totals(c)).collect();
        let mut kinds: Vec<(String, Style, Option<Status>)> = Status::ALL
            .iter()
            .map(|s| {
                let (g, style) = status_glyph(*s);
                (format!("{g} {}", s.label(ctx.zh())), style, Some(*s))
            })
            .collect();
        kinds.push((format!("· {}", ctx.t(i18n::PJ_NO_MARK)), th.muted(), None));
        for (k, (label, style, s)) in kinds.iter().enumerate() {
            let pick = |t: &(crate::domain::attendance::StatusCounts, i64)| match s {
                Some(s) => t.0.get(*s),
                None => t.1,
            };
            let mut spans = vec![Span::styled(pad(label, left), *style)];
            for t in &totals {
                let v = pick(t);
                let st = if v > 0 { *style } else { th.muted() };
                spans.push(Span::styled(pad_left(&v.to_string(), cell), st));
            }
            spans.push(Span::raw(gap.clone()));
            let sum: i64 = all.iter().map(pick).sum();
            spans.push(Span::styled(
                pad_left(&format!("Σ{sum}"), right),
                th.muted(),
            ));
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                line_at(1 + rows_h + k as u16),
            );
        }
        // Info line: the selected session and the selected teacher's mark there.
        let info = match m.sessions.get(self.col) {
            Some(s) => {
                let mark = m
                    .rows
                    .get(self.row)
                    .map(|r| {
                        let st = r.cells.get(self.col).copied().flatten();
                        format!(
                            " · {} {}",
                            r.name,
                            st.map(|s| s.label(ctx.zh()))
                                .unwrap_or(ctx.t(i18n::PJ_NO_MARK))
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "#{}/{} {} {} {}–{} {}{}",
                    self.col + 1,
                    n,
                    s.date,
                    DayPart::of_start(s.start).label(ctx.zh()),
                    s.start.format(TIME_FMT),
                    s.end.format(TIME_FMT),
                    s.topic,
                    mark
                )
            }
            None => ctx.t(i18n::PJ_NO_SESSIONS).to_string(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&info, w), th.muted())),
            line_at(area.height - 1),
        );
    }
}
