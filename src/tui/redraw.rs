//! Frames written from a copy of what the terminal shows (`Shadow`), so that a changed row
//! costs what changed in it (issue 11: a search keystroke under 1 KB at 80×24). Beyond
//! `escapes::write_cells`:
//! - a row whose rest is blank is ended with one `ESC[K` instead of a space per changed cell
//!   (and a cursor move after each erased double-width character);
//! - a long run of blanks inside a row is one `ESC[nX`;
//! - a short gap between changed cells is printed from the copy when that is shorter than
//!   the cursor move over it;
//! - a space is printed with whatever foreground is set (it shows only its background).

use super::escapes::{set_pen, Pen, DEFAULT_PEN};
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Modifiers a blank cell shows.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// Shorter runs of blanks are printed as spaces (an erase and the move after it cost ~9 B).
const ERASE_FROM: usize = 10;

/// The cells as last written; cells never written are blank (as after a clear).
#[derive(Debug, Default)]
pub struct Shadow {
    width: usize,
    rows: Vec<Vec<Cell>>,
}

impl Shadow {
    /// Forgets everything (the terminal was cleared).
    pub fn clear(&mut self) {
        self.rows.clear();
        self.width = 0;
    }

    fn set(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (x as usize, y as usize);
        if self.rows.len() <= y {
            self.rows.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.rows[y];
        if row.len() <= x {
            row.resize(x + 1, Cell::EMPTY);
        }
        row[x] = cell.clone();
        self.width = self.width.max(x + 1);
    }

    fn get(&self, x: usize, y: usize) -> &Cell {
        self.rows
            .get(y)
            .and_then(|r| r.get(x))
            .unwrap_or(&Cell::EMPTY)
    }

    /// Whether cells `x..` of row `y` are all blank.
    fn blank_from(&self, x: usize, y: usize) -> bool {
        self.rows
            .get(y)
            .is_none_or(|r| r.iter().skip(x).all(is_blank))
    }

    /// How many blank cells start at `x` in row `y` (within the written width).
    fn blank_run(&self, x: usize, y: usize) -> usize {
        (x..self.width)
            .take_while(|&i| is_blank(self.get(i, y)))
            .count()
    }
}

/// A space on the default background that no modifier makes visible.
fn is_blank(c: &Cell) -> bool {
    c.symbol() == " " && c.bg == Color::Reset && !c.modifier.intersects(VISIBLE_ON_BLANK)
}

fn pen_of(c: &Cell) -> Pen {
    Pen {
        fg: c.fg,
        bg: c.bg,
        underline: c.underline_color,
        modifier: c.modifier,
    }
}

/// The pen to print `c` with when `pen` is set: `pen` itself when it shows `c` the same.
fn pen_for(c: &Cell, pen: Pen) -> Pen {
    let space = c.symbol() == " "
        && !c.modifier.intersects(VISIBLE_ON_BLANK)
        && !pen.modifier.intersects(VISIBLE_ON_BLANK);
    if space {
        Pen { bg: c.bg, ..pen }
    } else {
        pen_of(c)
    }
}

/// The pen for erasing: the default background, nothing that shows on a blank.
fn erasing(pen: Pen) -> Pen {
    Pen {
        bg: Color::Reset,
        modifier: pen.modifier - VISIBLE_ON_BLANK,
        ..pen
    }
}

/// The shorter move from column `from` to `to` in a row: to the column (`ESC[nG`) or
/// forward by the difference (`ESC[nC`).
fn column_move(from: usize, to: usize) -> String {
    let absolute = format!("\x1b[{}G", to + 1);
    if to > from {
        let forward = format!("\x1b[{}C", to - from);
        if forward.len() < absolute.len() {
            return forward;
        }
    }
    absolute
}

/// The bytes that print the gap `from..to` of row `y` with `pen`, when its characters lie
/// wholly inside it and show the same with `pen`.
fn gap_text(shadow: &Shadow, y: usize, from: usize, to: usize, pen: Pen) -> Option<String> {
    let mut out = String::new();
    let mut x = from;
    while x < to {
        let c = shadow.get(x, y);
        let width = c.symbol().width();
        if width == 0 || x + width > to || pen_for(c, pen) != pen {
            return None;
        }
        out.push_str(c.symbol());
        x += width;
    }
    Some(out)
}

/// Writes the changed `cells` (in row order, as `Buffer::diff` gives them) after recording
/// them in `shadow`; false when there was nothing to write (and nothing was written).
/// `cursor`: where the terminal's cursor is, when known (column, row).
pub fn write_changes<W: Write>(
    w: &mut W,
    shadow: &mut Shadow,
    cells: &[(u16, u16, Cell)],
    cursor: Option<(u16, u16)>,
) -> io::Result<bool> {
    for (x, y, c) in cells {
        shadow.set(*x, *y, c);
    }
    let mut pen = DEFAULT_PEN;
    let mut at: Option<(usize, usize)> = cursor.map(|(x, y)| (x as usize, y as usize));
    let mut wrote = false;
    // (column, row): cells of this row before the column are already erased
    let mut done: (usize, usize) = (0, usize::MAX);
    for (x, y, _) in cells {
        let (x, y) = (*x as usize, *y as usize);
        if y == done.1 && x < done.0 {
            continue;
        }
        let cell = shadow.get(x, y);
        if cell.symbol().is_empty() {
            continue;
        }
        wrote = true;
        // to the cell: nothing, a gap printed, a column move, or a full move
        match at {
            Some(p) if p == (x, y) => {}
            Some((ax, ay)) if ay == y && ax < x => {
                let mv = column_move(ax, x);
                match gap_text(shadow, y, ax, x, pen) {
                    Some(gap) if gap.len() <= mv.len() => w.write_all(gap.as_bytes())?,
                    _ => w.write_all(mv.as_bytes())?,
                }
            }
            Some((ax, ay)) if ay == y => w.write_all(column_move(ax, x).as_bytes())?,
            // the next row: a line feed (the row exists, so it never scrolls)
            Some((_, ay)) if ay + 1 == y && x < 2 => {
                w.write_all(b"\r\n")?;
                if x == 1 {
                    w.write_all(b"\x1b[C")?;
                }
            }
            _ => write!(w, "\x1b[{};{}H", y + 1, x + 1)?,
        }
        if is_blank(cell) {
            let run = shadow.blank_run(x, y);
            let to_end = shadow.blank_from(x, y);
            if to_end || run >= ERASE_FROM {
                let want = erasing(pen);
                set_pen(w, &mut pen, want)?;
                if to_end {
                    w.write_all(b"\x1b[K")?;
                    done = (usize::MAX, y);
                } else {
                    write!(w, "\x1b[{run}X")?;
                    done = (x + run, y);
                }
                // erasing does not move the cursor
                at = Some((x, y));
                continue;
            }
        }
        let want = pen_for(cell, pen);
        set_pen(w, &mut pen, want)?;
        w.write_all(cell.symbol().as_bytes())?;
        at = Some((x + cell.symbol().width(), y));
    }
    if pen != DEFAULT_PEN {
        w.write_all(b"\x1b[0m")?;
    }
    Ok(wrote)
}

/// A colour as a terminal shows it: an RGB colour that is a palette entry is that entry.
#[cfg(test)]
fn colour(c: vt100::Color) -> vt100::Color {
    match c {
        vt100::Color::Rgb(r, g, b) => {
            super::escapes::palette_index(r, g, b).map_or(c, vt100::Color::Idx)
        }
        c => c,
    }
}

#[cfg(test)]
/// What a person sees, cell by cell: the text with its colours and attributes, and for a
/// blank cell only what shows on a blank (background, underline, reverse).
pub(crate) fn seen(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let Some(c) = screen.cell(row, col) else {
                continue;
            };
            let text = c.contents();
            let blank = text.trim().is_empty();
            out.push(if blank && !c.inverse() {
                format!(
                    "{row},{col} blank {:?} {}",
                    colour(c.bgcolor()),
                    c.underline()
                )
            } else {
                format!(
                    "{row},{col} {text:?} {:?} {:?} {} {} {} {}",
                    colour(c.fgcolor()),
                    colour(c.bgcolor()),
                    c.bold(),
                    c.italic(),
                    c.underline(),
                    c.inverse()
                )
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "redraw_tests.rs"]
mod tests;
