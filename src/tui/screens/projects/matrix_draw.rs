//! Drawing the attendance matrix: the header of session numbers and status glyphs, the
//! teacher rows (a `ListTable`), the totals per session and status, and the info line.

use super::MatrixView;
use crate::domain::attendance::StatusCounts;
use crate::domain::{DayPart, Status, TIME_FMT};
use crate::store::attendance_matrix::{AttendanceMatrix, MatrixOrder};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip::glyph;
use crate::tui::widgets::table::{ListState, ListTable};
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

/// Where things go across the screen: name and school, the sessions shown, a gap, the totals.
struct Grid<'a> {
    ctx: &'a Ctx<'a>,
    /// Columns of one session (a glyph and the gap before it; wider for big numbers).
    cell: usize,
    /// Name and school.
    left: usize,
    /// The per-teacher totals.
    right: usize,
    /// The sessions shown.
    cols: Vec<usize>,
    gap: String,
    /// The selected session and teacher.
    col: usize,
    row: usize,
}

impl MatrixView {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < TOTAL_ROWS + 3 || area.width < 40 {
            return;
        }
        let grid = self.grid(area.width as usize, ctx);
        let rows_h = area.height - 2 - TOTAL_ROWS;
        let m = &self.matrix;
        let th = ctx.theme;
        let header = grid.header(self.order);
        let table = ListTable::new(m.rows.len(), |i| grid.teacher_row(m, i))
            .header(header)
            .empty(Line::from(Span::styled(
                ctx.t(i18n::PJ_NO_ENROLMENTS),
                th.muted(),
            )))
            .style(th.base());
        let mut list = ListState {
            cursor: self.row,
            page: self.page,
        };
        let rows_area = Rect {
            height: rows_h + 1,
            ..area
        };
        frame.render_stateful_widget(table, rows_area, &mut list);
        self.page = list.page;
        for (k, line) in grid.totals(&self.matrix).into_iter().enumerate() {
            let y = area.y + 1 + rows_h + k as u16;
            frame.render_widget(
                Paragraph::new(line),
                Rect {
                    y,
                    height: 1,
                    ..area
                },
            );
        }
        let info = grid.info(&self.matrix);
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&info, area.width as usize),
                th.muted(),
            )),
            Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            },
        );
    }

    /// The layout at width `w`, scrolled so that the selected session is shown.
    fn grid<'a>(&mut self, w: usize, ctx: &'a Ctx<'a>) -> Grid<'a> {
        let n = self.matrix.sessions.len();
        // The widest number shown decides the cell width (at least 3: a glyph and a gap).
        let biggest = self.matrix.rows.len().max(n);
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
        Grid {
            ctx,
            cell,
            left,
            right,
            cols,
            gap,
            col: self.col,
            row: self.row,
        }
    }
}

impl Grid<'_> {
    /// The sort order, the session numbers (the selected one highlighted), the status glyphs.
    fn header(&self, order: MatrixOrder) -> Line<'static> {
        let th = self.ctx.theme;
        let order_label = match order {
            MatrixOrder::School => self.ctx.t(i18n::PJ_SORTED_SCHOOL),
            MatrixOrder::Name => self.ctx.t(i18n::PJ_SORTED_NAME),
        };
        let mut head = vec![Span::styled(pad(order_label, self.left), th.muted())];
        for c in &self.cols {
            let style = if *c == self.col {
                th.selected()
            } else {
                th.accent()
            };
            head.push(Span::styled(
                pad_left(&(c + 1).to_string(), self.cell),
                style,
            ));
        }
        head.push(Span::raw(self.gap.clone()));
        head.push(Span::raw(" "));
        for s in Status::ALL {
            let (g, style) = glyph(*s, self.ctx.lang, th);
            head.push(Span::styled(pad_left(g, self.cell), style));
        }
        Line::from(head)
    }

    /// Teacher `i`: name, school, a glyph per session shown, totals per status.
    fn teacher_row(&self, m: &AttendanceMatrix, i: usize) -> Line<'static> {
        let th = self.ctx.theme;
        let Some(r) = m.rows.get(i) else {
            return Line::default();
        };
        let sel = i == self.row;
        let base = if sel { th.selected() } else { th.base() };
        let mut spans = vec![
            Span::styled(pad(&r.name, NAME_W), base),
            Span::styled(" ", base),
            Span::styled(pad(&r.school, SCHOOL_W), base),
            Span::styled(" ", base),
        ];
        for c in &self.cols {
            let (g, style) = match r.cells.get(*c).copied().flatten() {
                Some(s) => glyph(s, self.ctx.lang, th),
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
            spans.push(Span::styled(pad_left(g, self.cell), style));
        }
        spans.push(Span::styled(self.gap.clone(), base));
        spans.push(Span::styled(" ", base));
        let t = m.teacher_totals(i);
        for s in Status::ALL {
            let v = t.get(*s);
            let style = if v > 0 {
                glyph(*s, self.ctx.lang, th).1
            } else {
                th.muted()
            };
            spans.push(Span::styled(pad_left(&v.to_string(), self.cell), style));
        }
        Line::from(spans)
    }

    /// Totals per session shown, one line per status and one for the teachers without a
    /// mark, each with the sum over all sessions at the right.
    fn totals(&self, m: &AttendanceMatrix) -> Vec<Line<'static>> {
        let th = self.ctx.theme;
        let n = m.sessions.len();
        let totals: Vec<_> = self.cols.iter().map(|c| m.session_totals(*c)).collect();
        let all: Vec<_> = (0..n).map(|c| m.session_totals(c)).collect();
        let mut kinds: Vec<(String, Style, Option<Status>)> = Status::ALL
            .iter()
            .map(|s| {
                let (g, style) = glyph(*s, self.ctx.lang, th);
                (format!("{g} {}", s.label(self.ctx.zh())), style, Some(*s))
            })
            .collect();
        kinds.push((
            format!("· {}", self.ctx.t(i18n::PJ_NO_MARK)),
            th.muted(),
            None,
        ));
        let mut lines = Vec::new();
        for (label, style, s) in &kinds {
            let pick = |t: &(StatusCounts, i64)| match s {
                Some(s) => t.0.get(*s),
                None => t.1,
            };
            let mut spans = vec![Span::styled(pad(label, self.left), *style)];
            for t in &totals {
                let v = pick(t);
                let st = if v > 0 { *style } else { th.muted() };
                spans.push(Span::styled(pad_left(&v.to_string(), self.cell), st));
            }
            spans.push(Span::raw(self.gap.clone()));
            let sum: i64 = all.iter().map(pick).sum();
            spans.push(Span::styled(
                pad_left(&format!("Σ{sum}"), self.right),
                th.muted(),
            ));
            lines.push(Line::from(spans));
        }
        lines
    }

    /// The selected session and the selected teacher's mark there.
    fn info(&self, m: &AttendanceMatrix) -> String {
        let ctx = self.ctx;
        let Some(s) = m.sessions.get(self.col) else {
            return ctx.t(i18n::PJ_NO_SESSIONS).to_string();
        };
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
            m.sessions.len(),
            s.date,
            DayPart::of_start(s.start).label(ctx.zh()),
            s.start.format(TIME_FMT),
            s.end.format(TIME_FMT),
            s.topic,
            mark
        )
    }
}
