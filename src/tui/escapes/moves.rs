//! The shortest cursor move between two cells: none when the cursor is already there, a
//! carriage return, a column move (`ESC[nG`), a relative one (`ESC[nC`, `ESC[nD`,
//! `ESC[nA`, `ESC[nB`), CR LF to the next row, or the full `ESC[row;colH`.

/// The bytes that move the cursor from `from` (column, row; `None`: unknown) to `to` on a
/// terminal `width` columns wide (0: not known). A cursor at column `width` has just printed
/// in the last column (its wrap is pending): only absolute moves and CR are used from there.
pub fn cursor_move(from: Option<(usize, usize)>, to: (usize, usize), width: usize) -> String {
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
    if ay == y {
        consider(column(ax, x, column_known));
    } else {
        if y == ay + 1 {
            consider(format!("\r\n{}", column(0, x, true)));
        }
        if column_known {
            let vertical = if y > ay {
                relative(y - ay, 'B')
            } else {
                relative(ay - y, 'A')
            };
            consider(format!("{vertical}{}", column(ax, x, true)));
        }
    }
    best
}

/// Within the row, from column `ax` (known or not) to `x`.
fn column(ax: usize, x: usize, known: bool) -> String {
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
    best
}

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
        assert_eq!(cursor_move(Some((3, 2)), (3, 2), 80), "");
        assert_eq!(cursor_move(None, (0, 0), 80), "\x1b[H");
        assert_eq!(cursor_move(None, (4, 2), 80), "\x1b[3;5H");
        assert_eq!(cursor_move(Some((3, 2)), (4, 2), 80), "\x1b[C");
        assert_eq!(cursor_move(Some((3, 2)), (9, 2), 80), "\x1b[6C");
        assert_eq!(cursor_move(Some((30, 2)), (5, 2), 80), "\x1b[6G");
        assert_eq!(cursor_move(Some((30, 2)), (0, 3), 80), "\r\n");
        assert_eq!(cursor_move(Some((30, 9)), (2, 10), 80), "\r\n\x1b[3G");
        assert_eq!(cursor_move(Some((30, 2)), (2, 3), 80), "\x1b[4;3H");
        assert_eq!(cursor_move(Some((30, 2)), (30, 3), 80), "\x1b[B");
        assert_eq!(cursor_move(Some((30, 9)), (0, 9), 80), "\r");
    }

    #[test]
    fn after_the_last_column_only_absolute_moves_and_cr_are_used() {
        // The cursor sits on column 79 with its wrap pending: ESC[D would land on 78.
        assert_eq!(cursor_move(Some((80, 2)), (77, 2), 80), "\x1b[78G");
        assert_eq!(cursor_move(Some((80, 2)), (79, 3), 80), "\x1b[4;80H");
        assert_eq!(cursor_move(Some((80, 2)), (0, 3), 80), "\r\n");
        // A terminal of unknown width: every column might be the last.
        assert_eq!(cursor_move(Some((5, 2)), (6, 2), 0), "\x1b[7G");
    }
}
