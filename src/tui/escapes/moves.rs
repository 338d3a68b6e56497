//! The shortest cursor move between two cells: none when the cursor is already there, a
//! carriage return, a column move (`ESC[nG`), a relative one (`ESC[nC`, `ESC[nD`,
//! `ESC[nA`, `ESC[nB`), CR LF to the next row, or the full `ESC[row;colH`.

/// The bytes that move the cursor from `from` (column, row; `None`: unknown) to `to` on a
/// terminal `width` columns wide (0: not known). A cursor at column `width` has just printed
/// in the last column (its wrap is pending): only absolute moves and CR are used from there.
/// `tabs`: the terminal's tab stops are every 8 columns (set so when it was cleared), and a
/// move right to one of them may be tabs (HT, one byte each).
pub fn cursor_move(
    from: Option<(usize, usize)>,
    to: (usize, usize),
    width: usize,
    tabs: bool,
) -> String {
    let (x, y) = to;
    let absolute = if x == 0 {
        if y == 0 {
            "\x1b[H".to_string()
        } else {
            format!("\x1b[{}H", y + 1)
        }
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let Some((ax, ay)) = from else {
        return absolute;
    };
    if (ax, ay) == (x, y) {
        return String::new();
    }
    let column_known = ax < width;
    let mut best = absolute;
    let mut consider = |s: String| {
        if s.len() < best.len() {
            best = s;
        }
    };
    let tabs = tabs && x < width;
    if ay == y {
        consider(column(ax, x, column_known, tabs));
    } else {
        if y > ay && y - ay <= 3 {
            // CR then line feeds (each keeps the column, and none scrolls: `y` is on the
            // screen); CR first, so that a terminal that adds a CR to each LF lands the same.
            let feeds = "\n".repeat(y - ay);
            consider(format!("\r{feeds}{}", column(0, x, true, tabs)));
        }
        if column_known {
            let vertical = if y > ay {
                relative(y - ay, 'B')
            } else {
                relative(ay - y, 'A')
            };
            consider(format!("{vertical}{}", column(ax, x, true, tabs)));
        }
    }
    best
}

/// Within the row, from column `ax` (known or not) to `x`; with tabs to a tab stop when
/// `tabs` (and the column is known).
fn column(ax: usize, x: usize, known: bool, tabs: bool) -> String {
    if known && ax == x {
        return String::new();
    }
    let mut best = if x == 0 {
        "\r".to_string()
    } else {
        format!("\x1b[{}G", x + 1)
    };
    if known && x > 0 {
        let rel = if x > ax {
            relative(x - ax, 'C')
        } else {
            relative(ax - x, 'D')
        };
        if rel.len() < best.len() {
            best = rel;
        }
    }
    if known && tabs && x > ax && x.is_multiple_of(TAB) && x / TAB - ax / TAB < best.len() {
        best = "\t".repeat(x / TAB - ax / TAB);
    }
    best
}

/// The distance between the tab stops the backend sets.
pub const TAB: usize = 8;

fn relative(n: usize, dir: char) -> String {
    if n == 1 {
        format!("\x1b[{dir}")
    } else {
        format!("\x1b[{n}{dir}")
    }
}

#[cfg(test)]
mod tests {
    use super::cursor_move;

    #[test]
    fn the_shortest_move_is_chosen() {
        assert_eq!(cursor_move(Some((3, 2)), (3, 2), 80, false), "");
        assert_eq!(cursor_move(None, (0, 0), 80, false), "\x1b[H");
        assert_eq!(cursor_move(None, (4, 2), 80, false), "\x1b[3;5H");
        assert_eq!(cursor_move(Some((3, 2)), (4, 2), 80, false), "\x1b[C");
        assert_eq!(cursor_move(Some((3, 2)), (9, 2), 80, false), "\x1b[6C");
        assert_eq!(cursor_move(Some((30, 2)), (5, 2), 80, false), "\x1b[6G");
        assert_eq!(cursor_move(Some((30, 2)), (0, 3), 80, false), "\r\n");
        assert_eq!(
            cursor_move(Some((30, 9)), (2, 10), 80, false),
            "\r\n\x1b[3G"
        );
        assert_eq!(cursor_move(Some((30, 2)), (2, 3), 80, false), "\x1b[4;3H");
        assert_eq!(cursor_move(Some((80, 2)), (0, 4), 80, false), "\r\n\n");
        assert_eq!(cursor_move(Some((80, 2)), (16, 4), 80, true), "\r\n\n\t\t");
        assert_eq!(cursor_move(Some((30, 2)), (30, 3), 80, false), "\x1b[B");
        assert_eq!(cursor_move(Some((30, 9)), (0, 9), 80, false), "\r");
    }

    #[test]
    fn after_the_last_column_only_absolute_moves_and_cr_are_used() {
        // The cursor sits on column 79 with its wrap pending: ESC[D would land on 78.
        assert_eq!(cursor_move(Some((80, 2)), (77, 2), 80, false), "\x1b[78G");
        assert_eq!(cursor_move(Some((80, 2)), (79, 3), 80, false), "\x1b[4;80H");
        assert_eq!(cursor_move(Some((80, 2)), (0, 3), 80, false), "\r\n");
        // A terminal of unknown width: every column might be the last.
        assert_eq!(cursor_move(Some((5, 2)), (6, 2), 0, false), "\x1b[7G");
    }

    #[test]
    fn with_tab_stops_every_8_columns_a_move_right_to_one_is_tabs() {
        assert_eq!(cursor_move(Some((3, 2)), (16, 2), 80, true), "\t\t");
        assert_eq!(cursor_move(Some((8, 2)), (16, 2), 80, true), "\t");
        assert_eq!(cursor_move(Some((30, 2)), (16, 3), 80, true), "\r\n\t\t");
        // Not a stop, to the left, too far, or tab stops not known: no tabs.
        assert_eq!(cursor_move(Some((3, 2)), (17, 2), 80, true), "\x1b[18G");
        assert_eq!(cursor_move(Some((30, 2)), (16, 2), 80, true), "\x1b[17G");
        assert_eq!(cursor_move(Some((0, 2)), (32, 2), 80, true), "\t\t\t\t");
        assert_eq!(cursor_move(Some((0, 2)), (40, 2), 80, true), "\x1b[41G");
        assert_eq!(cursor_move(Some((3, 2)), (16, 2), 80, false), "\x1b[17G");
        // From a pending wrap (column 80) only CR and absolute moves.
        assert_eq!(cursor_move(Some((80, 2)), (72, 2), 80, true), "\x1b[73G");
    }
}
