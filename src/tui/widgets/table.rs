//! The table every list screen draws: a header line, then the rows that keep the cursor on
//! screen (`ListState`). Columns are measured by display width and every cell is cut to its
//! column here, in one place (`fit`): a CJK character is never split, a cut ends in "…", and a
//! cell is padded (or right-aligned) to exactly its width, one space between columns.

use super::text::{highlighted, layout_columns, truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

/// Where the cursor of a list is, and how many rows the last drawing showed (a page, for
/// PgUp/PgDn).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ListState {
    pub cursor: usize,
    pub page: usize,
}

impl ListState {
    /// The first row shown so that the cursor is on screen.
    pub fn first(&self) -> usize {
        if self.page == 0 {
            0
        } else {
            self.cursor.saturating_sub(self.page - 1)
        }
    }
}

/// How a column is sized: at least `min` columns, plus a share of the spare room in
/// proportion to `weight` (0: never wider than `min`); right-aligned for numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub min: usize,
    pub weight: usize,
    pub right: bool,
}

impl Column {
    /// A column of exactly `w` display columns.
    pub const fn fixed(w: usize) -> Column {
        Column {
            min: w,
            weight: 0,
            right: false,
        }
    }

    /// A column of at least `min` columns that takes `weight` shares of the spare room.
    pub const fn flex(min: usize, weight: usize) -> Column {
        Column {
            min,
            weight,
            right: false,
        }
    }

    /// The same column, right-aligned.
    pub const fn right(self) -> Column {
        Column {
            right: true,
            ..self
        }
    }
}

/// What goes in a cell.
pub enum Cell {
    /// Plain text, in the row's style or its own.
    Text(String, Option<Style>),
    /// Text whose characters at the positions (char indices) are drawn in the last style;
    /// the rest in its own style or the row's.
    Marked(String, Vec<usize>, Option<Style>, Style),
    /// Spans already styled (a marks strip): cut and padded as one piece of text.
    Spans(Vec<Span<'static>>),
}

impl Cell {
    /// Text in the row's style.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into(), None)
    }

    /// Text in its own style.
    pub fn styled(s: impl Into<String>, style: Style) -> Cell {
        Cell::Text(s.into(), Some(style))
    }
}

/// The widths of a table's columns at one screen width; a column that does not fit gets
/// width 0 and is left out of every line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    widths: Vec<usize>,
    right: Vec<bool>,
    total: usize,
}

impl Columns {
    /// Lays `columns` out in `total` display columns, one space between them.
    pub fn fit(total: usize, columns: &[Column]) -> Columns {
        let sizes: Vec<(usize, usize)> = columns.iter().map(|c| (c.min, c.weight)).collect();
        Columns {
            widths: layout_columns(total, &sizes, 1),
            right: columns.iter().map(|c| c.right).collect(),
            total,
        }
    }

    /// The width of column `i` (0 when it is not shown).
    pub fn width(&self, i: usize) -> usize {
        self.widths.get(i).copied().unwrap_or(0)
    }

    /// The widths of all columns.
    pub fn widths(&self) -> &[usize] {
        &self.widths
    }

    /// The header line: each shown column's title, in `style`.
    pub fn header(&self, titles: &[&str], style: Style) -> Line<'static> {
        self.line(
            titles.iter().map(|t| Cell::text(*t)).collect(),
            style,
            style,
        )
    }

    /// One row: cell `i` in column `i`, each followed by a space in `gap` style; text cells
    /// without a style of their own take `base`.
    pub fn line(&self, cells: Vec<Cell>, base: Style, gap: Style) -> Line<'static> {
        let mut spans = Vec::new();
        for (i, cell) in cells.into_iter().enumerate() {
            let w = self.width(i);
            if w == 0 {
                continue;
            }
            let right = self.right.get(i).copied().unwrap_or(false);
            spans.extend(fit(cell, w, right, base));
            spans.push(Span::styled(" ", gap));
        }
        Line::from(spans)
    }
}

impl Columns {
    /// `line`, filled to the whole width in `base` (the selected row's bar).
    pub fn bar(&self, cells: Vec<Cell>, base: Style) -> Line<'static> {
        let mut line = self.line(cells, base, base);
        let used = line.width();
        if used < self.total {
            line.spans
                .push(Span::styled(" ".repeat(self.total - used), base));
        }
        line
    }
}

/// A cell cut and padded to exactly `w` display columns: the one place where a column is cut.
/// The padding is in the row's style `base` (blanks that look like the blanks around them are
/// not written again when a row's text changes).
pub fn fit(cell: Cell, w: usize, right: bool, base: Style) -> Vec<Span<'static>> {
    let mut spans = match cell {
        Cell::Text(s, style) => vec![Span::styled(truncate(&s, w), style.unwrap_or(base))],
        Cell::Marked(s, positions, style, hl) => {
            let cut = truncate(&s, w);
            let used = width(&cut);
            // Cut to fit already: `highlighted` only styles it (its ellipsis included).
            highlighted(&s, &positions, used.min(w), style.unwrap_or(base), hl)
        }
        Cell::Spans(spans) => return fit_spans(spans, w, base),
    };
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used < w {
        let blank = Span::styled(" ".repeat(w - used), base);
        if right {
            spans.insert(0, blank);
        } else {
            spans.push(blank);
        }
    }
    spans
}

/// Styled spans cut to `w` columns as one text (the "…" in the style of the span it cuts),
/// then padded in `base`.
fn fit_spans(spans: Vec<Span<'static>>, w: usize, base: Style) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= w {
        let mut out = spans;
        if total < w {
            out.push(Span::styled(" ".repeat(w - total), base));
        }
        return out;
    }
    let mut out = Vec::new();
    let mut room = w.saturating_sub(1);
    for span in spans {
        let mut kept = String::new();
        let mut cut = false;
        for c in span.content.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if cw > room {
                cut = true;
                break;
            }
            kept.push(c);
            room -= cw;
        }
        if cut {
            kept.push('…');
            out.push(Span::styled(kept, span.style));
            room = w.saturating_sub(out.iter().map(|s| width(&s.content)).sum());
            break;
        }
        out.push(Span::styled(kept, span.style));
    }
    if room > 0 && w > 0 {
        out.push(Span::styled(" ".repeat(room), base));
    }
    out
}

/// A list drawn as a table: the header on the first line, the rows under it (only those on
/// screen are built), `empty` when there are none. Sets the state's page to the rows shown.
pub struct ListTable<F: Fn(usize) -> Line<'static>> {
    header: Option<Line<'static>>,
    len: usize,
    row: F,
    empty: Option<Line<'static>>,
    style: Style,
}

impl<F: Fn(usize) -> Line<'static>> ListTable<F> {
    /// A list of `len` rows; `row(i)` builds row `i` when it is on screen.
    pub fn new(len: usize, row: F) -> Self {
        ListTable {
            header: None,
            len,
            row,
            empty: None,
            style: Style::default(),
        }
    }

    pub fn header(mut self, header: Line<'static>) -> Self {
        self.header = Some(header);
        self
    }

    /// What the list says when it has no rows.
    pub fn empty(mut self, line: Line<'static>) -> Self {
        self.empty = Some(line);
        self
    }

    /// The style of the whole area (the rows' background).
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }
}

impl<F: Fn(usize) -> Line<'static>> StatefulWidget for ListTable<F> {
    type State = ListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let mut rows_area = area;
        if let Some(header) = self.header {
            if area.height == 0 {
                return;
            }
            Paragraph::new(header).render(Rect { height: 1, ..area }, buf);
            rows_area = Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            };
        }
        state.page = rows_area.height as usize;
        let mut lines: Vec<Line<'static>> = Vec::new();
        if self.len == 0 {
            lines.extend(self.empty);
        }
        let first = state.first();
        lines.extend((first..self.len).take(state.page).map(|i| (self.row)(i)));
        Paragraph::new(lines)
            .style(self.style)
            .render(rows_area, buf);
    }
}

#[path = "table_stops.rs"]
mod stops;

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
