//! A copy of the frame the terminal is meant to show (ratatui's last buffer), kept from the
//! changes the backend is given, so that a frame's changes can be written with what lies
//! between them (a short gap printed instead of a cursor move) and a blank rest of a row
//! erased with one sequence.
//!
//! A cell is known or unknown (`None`): unknown before the terminal was cleared, outside the
//! terminal's size, and wherever the terminal's content cannot be told from what was sent
//! (a wide character cut in half by an odd write). Only known cells are ever printed from the
//! copy or counted as blank. The right half of a double-width character is a known cell with
//! an empty symbol ("covered"): it is never printed on its own.
//!
//! A shadow-screen writer once printed stale text: it did not record that a wide character
//! covers the next cell, so after the wide character went, the copy still held what had been
//! under it. Here, printing a cell of width `w` marks the next `w - 1` cells covered, and a
//! covered cell whose wide character was replaced is blank — what the terminal shows (it
//! erases both halves of a wide character when one is overwritten) and what ratatui's diff
//! assumes (a double-width cell is followed by blank cells, which it does not send again).

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Modifiers a blank cell shows.
pub const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK);

/// A space on the default background that no modifier makes visible: what an erase leaves.
pub fn is_blank(c: &Cell) -> bool {
    c.symbol() == " " && c.bg == Color::Reset && !c.modifier.intersects(VISIBLE_ON_BLANK)
}

/// The right half of a double-width character.
pub fn is_covered(c: &Cell) -> bool {
    c.symbol().is_empty()
}

fn covered() -> Cell {
    let mut c = Cell::EMPTY;
    c.set_symbol("");
    c
}

/// The display width of a cell's symbol (at least 1 for a printable symbol).
pub fn cell_width(c: &Cell) -> usize {
    let s = c.symbol();
    if s.is_empty() {
        0
    } else {
        s.width().max(1)
    }
}

#[derive(Debug, Default)]
pub struct Screen {
    width: u16,
    height: u16,
    cells: Vec<Option<Cell>>,
    /// Whether the terminal's tab stops are every 8 columns (`escapes::TAB_STOPS` was sent
    /// when it was cleared at this size).
    tabs: bool,
}

impl Screen {
    /// A copy of a `width`×`height` terminal whose content is not known.
    pub fn unknown(width: u16, height: u16) -> Screen {
        Screen {
            width,
            height,
            cells: vec![None; usize::from(width) * usize::from(height)],
            tabs: false,
        }
    }

    /// A copy of a `width`×`height` terminal that was just cleared (`tabs`: and its tab
    /// stops set every 8 columns).
    pub fn blank(width: u16, height: u16, tabs: bool) -> Screen {
        Screen {
            width,
            height,
            cells: vec![Some(Cell::EMPTY); usize::from(width) * usize::from(height)],
            tabs,
        }
    }

    /// Whether the terminal's tab stops are known to be every 8 columns.
    pub fn tabs(&self) -> bool {
        self.tabs
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// Forgets every cell (the terminal's content can no longer be told).
    pub fn forget(&mut self) {
        self.cells.iter_mut().for_each(|c| *c = None);
    }

    fn index(&self, x: usize, y: usize) -> Option<usize> {
        (x < usize::from(self.width) && y < usize::from(self.height))
            .then(|| y * usize::from(self.width) + x)
    }

    /// The cell at (x, y), when known.
    pub fn get(&self, x: usize, y: usize) -> Option<&Cell> {
        self.index(x, y).and_then(|i| self.cells[i].as_ref())
    }

    fn set(&mut self, x: usize, y: usize, c: Option<Cell>) {
        if let Some(i) = self.index(x, y) {
            self.cells[i] = c;
        }
    }

    /// Forgets the cell at (x, y).
    pub fn forget_cell(&mut self, x: u16, y: u16) {
        self.set(usize::from(x), usize::from(y), None);
    }

    /// Records that the frame has `c` at (x, y) (a cell of ratatui's diff, in row order).
    /// The cells where this erases the right half of a wide character are added to
    /// `orphans` (and blank until told otherwise): a terminal may show them in the style `c`
    /// is printed with, and the frame may have anything there (ratatui's diff leaves them
    /// out, assuming blanks).
    pub fn put(&mut self, x: u16, y: u16, c: &Cell, orphans: &mut Vec<(u16, u16)>) {
        let (x, y) = (usize::from(x), usize::from(y));
        let w = cell_width(c);
        let cols = usize::from(self.width);
        if self.index(x, y).is_none() {
            return;
        }
        // Writing over the right half of a wide character erases the character: unknown.
        if self.get(x, y).is_some_and(is_covered) && x > 0 {
            self.set(x - 1, y, None);
        }
        if x + w > cols {
            // A wide character that does not fit may wrap onto the next row.
            self.forget();
            return;
        }
        if w == 0 {
            // Prints nothing: the terminal keeps what it had.
            self.set(x, y, None);
            return;
        }
        self.set(x, y, Some(c.clone()));
        for k in 1..w {
            self.set(x + k, y, Some(covered()));
        }
        // The halves of wide characters this cell overwrote are blank now (the terminal
        // erases them; ratatui's diff sends them only when the frame has something there).
        let mut end = x + w;
        while end < cols && self.get(end, y).is_some_and(is_covered) {
            self.set(end, y, Some(Cell::EMPTY));
            if let (Ok(ox), Ok(oy)) = (u16::try_from(end), u16::try_from(y)) {
                orphans.push((ox, oy));
            }
            end += 1;
        }
    }

    /// Records an erase of `n` cells from (x, y) (`n` to the end of the row for EL).
    pub fn erase(&mut self, x: usize, y: usize, n: usize) {
        for k in x..(x + n).min(usize::from(self.width)) {
            self.set(k, y, Some(Cell::EMPTY));
        }
    }

    /// How many cells from (x, y) to the end of the row are known and blank.
    pub fn blank_run(&self, x: usize, y: usize) -> usize {
        (x..usize::from(self.width))
            .take_while(|&k| self.get(k, y).is_some_and(is_blank))
            .count()
    }
}
