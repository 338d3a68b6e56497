//! The escape sequences for a frame's changed cells, with fewer bytes than ratatui's crossterm
//! backend writes (it matters over SSH, docs/rules.md §8: ≤ 1 KB per keystroke; issue 11: a
//! search keystroke in the Teachers tab under 1 KB at 80×24):
//! - the cursor's real place is tracked by each symbol's width, so text after a double-width
//!   character needs no move, and a move is the shortest of CR, CR and line feeds, a column
//!   move, a relative move, the full `ESC[row;colH`, and tabs to a column on a tab stop (the
//!   backend sets the stops every 8 columns at each clear; `set_tab_stops`) (`moves`);
//! - a short gap between changed cells is printed from the copy of the frame (`screen`) when
//!   that is shorter than the move over it, and a row whose rest is blank is ended with one
//!   `ESC[K` (a long blank run inside a row with one `ESC[nX`);
//! - only the attributes and colours that changed are set, all in one SGR sequence (or from a
//!   reset when that is shorter), the 16 ANSI colours with their short codes (`ESC[31m`, not
//!   `ESC[38;5;1m`); a space is printed with whatever foreground is set;
//! - one `ESC[m` ends a frame that left a style set (ratatui sends four resets every frame).

mod moves;
pub mod screen;
mod sgr;

pub use moves::{cursor_move, TAB};
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use screen::{cell_width, is_blank, is_covered, Screen, VISIBLE_ON_BLANK};
pub use sgr::palette_index;
use sgr::{pen_of, set_pen, Pen, DEFAULT_PEN};
use std::io::{self, Write};

/// Blank runs inside a row at least this long are erased (`ESC[nX` and the move after it
/// cost about as much as printing nine spaces).
const ERASE_FROM: usize = 10;

/// Whether `c` printed with `pen` shows the same as printed with its own style: the same
/// style, or a space (neither reversed) whose background and visible-on-blank attributes
/// agree.
fn looks_same(c: &Cell, pen: Pen) -> bool {
    let own = pen_of(c);
    if own == pen {
        return true;
    }
    let shown = |m: Modifier| m & VISIBLE_ON_BLANK;
    let reversed = (own.modifier | pen.modifier).contains(Modifier::REVERSED);
    c.symbol() == " "
        && !reversed
        && own.bg == pen.bg
        && shown(own.modifier) == shown(pen.modifier)
        && (!own.modifier.contains(Modifier::UNDERLINED) || own.underline == pen.underline)
}

/// Sets the terminal's tab stops every `TAB` columns on a terminal `width` columns wide (all
/// cleared, then one set at each place; the cursor is left somewhere on its row), so that
/// moves right to those columns can be tabs: the defaults, but a user may have changed them.
pub fn set_tab_stops<W: Write>(mut w: W, width: u16) -> io::Result<()> {
    w.write_all(b"\x1b[3g")?;
    for x in (TAB..usize::from(width)).step_by(TAB) {
        write!(w, "\x1b[{}G\x1bH", x + 1)?;
    }
    Ok(())
}

/// Where the cursor is and the pen set while a frame is written.
struct Writer<'s, W: Write> {
    w: &'s mut W,
    screen: &'s Screen,
    pen: Pen,
    at: Option<(usize, usize)>,
}

impl<W: Write> Writer<'_, W> {
    /// Puts the cursor at (x, y): the shortest move, or the cells between printed again
    /// from the copy when that is shorter.
    fn go(&mut self, x: usize, y: usize) -> io::Result<()> {
        let width = usize::from(self.screen.width());
        let tabs = self.screen.tabs();
        let mut best = cursor_move(self.at, (x, y), width, tabs);
        if let Some((ax, ay)) = self.at {
            if ay == y && ax < x && best.len() > 1 {
                if let Some(gap) = self.gap(ax, x, y, best.len()) {
                    best = gap;
                }
            }
            // Tabs to the stop before `x`, and the cells from there printed again.
            let stop = x / TAB * TAB;
            let after = (ay == y && ax < stop) || ay + 1 == y;
            if tabs && after && stop < x && best.len() > 2 {
                let to_stop = cursor_move(self.at, (stop, y), width, tabs);
                let room = best.len().saturating_sub(to_stop.len());
                if let Some(gap) = self.gap(stop, x, y, room) {
                    best = to_stop + &gap;
                }
            }
        }
        self.at = Some((x, y));
        self.w.write_all(best.as_bytes())
    }

    /// The cells `from..to` of row `y` as text, when they are known, whole, show the same
    /// with the current pen, and take fewer than `limit` bytes.
    fn gap(&self, from: usize, to: usize, y: usize, limit: usize) -> Option<String> {
        let mut out = String::new();
        let mut x = from;
        while x < to {
            let c = self.screen.get(x, y)?;
            let w = cell_width(c);
            if is_covered(c) || x + w > to || !looks_same(c, self.pen) {
                return None;
            }
            out.push_str(c.symbol());
            if out.len() >= limit {
                return None;
            }
            x += w;
        }
        Some(out)
    }

    /// Sets the pen to show cells like `want` (and an erase blank when `erase`).
    fn pen(&mut self, want: Pen) -> io::Result<()> {
        set_pen(&mut self.w, &mut self.pen, want)
    }
}

/// Writes the changed `cells` (in row order, as `Buffer::diff` gives them) after recording
/// them in `screen`. `frame`: the whole frame they come from, when known. `cursor`: where
/// the terminal's cursor is, when known (column, row).
/// Returns whether anything was written and where the cursor is afterwards (when known).
pub fn write_frame<W: Write>(
    mut w: W,
    screen: &mut Screen,
    cells: &[(u16, u16, &Cell)],
    frame: Option<&Buffer>,
    cursor: Option<(u16, u16)>,
) -> io::Result<(bool, Option<(u16, u16)>)> {
    let mut orphans = Vec::new();
    for (x, y, c) in cells {
        screen.put(*x, *y, c, &mut orphans);
    }
    // The right halves of wide characters the frame replaced, which ratatui's diff leaves
    // out: written again from the frame when it is known, else unknown from now on.
    let mut extra: Vec<(u16, u16, &Cell)> = Vec::new();
    while let Some((x, y)) = orphans.pop() {
        if cells
            .binary_search_by_key(&(y, x), |(cx, cy, _)| (*cy, *cx))
            .is_ok()
        {
            continue;
        }
        match frame.and_then(|f| f.cell((x, y))) {
            Some(c) => {
                screen.put(x, y, c, &mut orphans);
                extra.push((x, y, c));
            }
            None => screen.forget_cell(x, y),
        }
    }
    let merged;
    let cells = if extra.is_empty() {
        cells
    } else {
        let mut all: Vec<(u16, u16, &Cell)> = cells.iter().copied().chain(extra).collect();
        all.sort_by_key(|(x, y, _)| (*y, *x));
        all.dedup_by_key(|(x, y, _)| (*x, *y));
        merged = all;
        &merged
    };
    // The cells in row order, and grouped by style (each style's cells in row order, a
    // blank with the cell before it): fewer style changes for more moves. The shorter wins.
    let rows: Vec<usize> = (0..cells.len()).collect();
    let mut first_of: Vec<Pen> = Vec::new();
    let mut group = Vec::with_capacity(cells.len());
    for (_, _, c) in cells {
        let pen = pen_of(c);
        let key = if is_blank(c) && !group.is_empty() {
            group[group.len() - 1]
        } else {
            first_of.iter().position(|p| *p == pen).unwrap_or_else(|| {
                first_of.push(pen);
                first_of.len() - 1
            })
        };
        group.push(key);
    }
    let mut grouped = rows.clone();
    grouped.sort_by_key(|i| group[*i]);
    let cursor = cursor.map(|(x, y)| (usize::from(x), usize::from(y)));
    let mut by_rows = Vec::new();
    let (wrote, mut at) = render(&mut by_rows, screen, cells, &rows, cursor)?;
    let mut by_style = Vec::new();
    if first_of.len() > 1 {
        let (_, style_at) = render(&mut by_style, screen, cells, &grouped, cursor)?;
        if by_style.len() < by_rows.len() {
            by_rows = by_style;
            at = style_at;
        }
    }
    w.write_all(&by_rows)?;
    let width = usize::from(screen.width());
    let at = at
        .filter(|(x, _)| *x < width)
        .and_then(|(x, y)| Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?)));
    Ok((wrote, at))
}

/// Writes `cells` (in row order) in the order `order` gives: a move to each (or the cells
/// between printed again), an erase where the rest of a row or a long run is blank, the
/// style, the symbol. Returns whether anything was written and where the cursor is.
fn render(
    w: &mut Vec<u8>,
    screen: &Screen,
    cells: &[(u16, u16, &Cell)],
    order: &[usize],
    cursor: Option<(usize, usize)>,
) -> io::Result<(bool, Option<(usize, usize)>)> {
    let width = usize::from(screen.width());
    let mut out = Writer {
        w,
        screen,
        pen: DEFAULT_PEN,
        at: cursor,
    };
    let mut wrote = false;
    // Erased (row, from, to) ranges.
    let mut erased: Vec<(usize, usize, usize)> = Vec::new();
    for &i in order {
        let (x, y, cell) = cells[i];
        let (x, y) = (usize::from(x), usize::from(y));
        let symbol = cell.symbol();
        let gone = erased
            .iter()
            .any(|(ey, from, to)| *ey == y && (*from..*to).contains(&x));
        if symbol.is_empty() || gone {
            continue;
        }
        wrote = true;
        if out.screen.get(x, y).is_some_and(is_blank) {
            // An erase may start where the cursor is, when only blanks lie between.
            let x = match out.at {
                Some((ax, ay)) if ay == y && ax < x && out.screen.blank_run(ax, y) > x - ax => ax,
                _ => x,
            };
            let run = out.screen.blank_run(x, y);
            let to_end = width > 0 && x + run == width;
            // The changed cells the erase would cover (the last of them).
            let start = cells.partition_point(|(cx, cy, _)| (*cy, *cx) < (y as u16, x as u16));
            let last = cells[start..]
                .iter()
                .take_while(|(cx, cy, _)| usize::from(*cy) == y && usize::from(*cx) < x + run)
                .last()
                .map_or(x, |(cx, _, _)| usize::from(*cx));
            // One or two blanks at the end are printed (cheaper than `ESC[K`).
            let short = run < 3 && looks_same(cell, out.pen);
            if (to_end && !short) || (run >= ERASE_FROM && last + 1 - x >= ERASE_FROM) {
                out.go(x, y)?;
                let erasing = Pen {
                    bg: Color::Reset,
                    modifier: out.pen.modifier - VISIBLE_ON_BLANK,
                    ..out.pen
                };
                out.pen(erasing)?;
                if to_end {
                    out.w.write_all(b"\x1b[K")?;
                    erased.push((y, x, usize::MAX));
                } else {
                    write!(out.w, "\x1b[{run}X")?;
                    erased.push((y, x, x + run));
                }
                continue;
            }
        }
        out.go(x, y)?;
        let want = if looks_same(cell, out.pen) {
            out.pen
        } else {
            pen_of(cell)
        };
        out.pen(want)?;
        out.w.write_all(symbol.as_bytes())?;
        out.at = Some((x + cell_width(cell), y));
    }
    if out.pen != DEFAULT_PEN {
        out.w.write_all(b"\x1b[m")?;
    }
    Ok((wrote, out.at))
}

#[cfg(test)]
mod tests;
