//! Columns moved onto the terminal's tab stops (every 8 columns), so that the backend can
//! reach each column of a row with a tab or two instead of a 5-byte cursor move: in a list
//! whose rows all change at each search keystroke, about 15 bytes a row.

use super::{Column, Columns};

impl Columns {
    /// The same columns with each one's start moved to a multiple of `stop` where the
    /// columns' least widths allow it: as many starts as possible, then the least narrowing
    /// (narrowing a wide, flexible column costs less than a narrow one). Columns that are not
    /// shown leave the layout as it is.
    pub fn on_tab_stops(self, columns: &[Column], stop: usize) -> Columns {
        let n = self.widths.len();
        if n < 2 || stop == 0 || self.widths.contains(&0) || columns.len() != n {
            return self;
        }
        let mut starts = vec![0];
        for w in &self.widths[..n - 1] {
            starts.push(starts[starts.len() - 1] + w + 1);
        }
        let end = starts[n - 1] + self.widths[n - 1];
        // Each start (after the first): as it is, or the stop before or after it.
        let choices: Vec<[usize; 3]> = starts
            .iter()
            .map(|s| [*s, s / stop * stop, s.div_ceil(stop) * stop])
            .collect();
        let mut best: Option<((usize, usize), Vec<usize>)> = None;
        let combos = 3usize.pow((n - 1) as u32);
        for mut k in 0..combos {
            let mut at = vec![0];
            for c in &choices[1..] {
                at.push(c[k % 3]);
                k /= 3;
            }
            let Some(widths) = widths_of(&at, end, columns) else {
                continue;
            };
            let aligned = at[1..].iter().filter(|s| s.is_multiple_of(stop)).count();
            let narrowing: usize = widths
                .iter()
                .zip(&self.widths)
                .zip(columns)
                .map(|((new, old), c)| old.saturating_sub(*new) * 12 / (1 + c.weight))
                .sum();
            let score = (n - aligned, narrowing);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, widths));
            }
        }
        match best {
            Some((_, widths)) => Columns { widths, ..self },
            None => self,
        }
    }
}

/// The widths of columns starting at `starts` and ending at `end`, when each keeps its
/// least width.
fn widths_of(starts: &[usize], end: usize, columns: &[Column]) -> Option<Vec<usize>> {
    let mut widths = Vec::with_capacity(starts.len());
    for (i, s) in starts.iter().enumerate() {
        let next = starts.get(i + 1).map_or(Some(end), |n| n.checked_sub(1))?;
        let w = next.checked_sub(*s)?;
        if w < columns[i].min.max(1) {
            return None;
        }
        widths.push(w);
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::{Column, Columns};

    #[test]
    fn the_teachers_list_at_80_columns_starts_each_column_on_a_tab_stop() {
        let cols = [
            Column::flex(8, 1),
            Column::flex(12, 3),
            Column::flex(6, 1),
            Column::fixed(10),
            Column::fixed(7),
        ];
        let fitted = Columns::fit(80, &cols);
        assert_eq!(fitted.widths(), &[14, 31, 14, 10, 7]);
        // Starts 0, 16, 40, 56, 72: the school column gives up what the others need.
        let snapped = fitted.on_tab_stops(&cols, 8);
        assert_eq!(snapped.widths(), &[15, 23, 15, 15, 8]);
    }

    #[test]
    fn columns_too_narrow_to_move_stay_as_they_are() {
        let cols = [Column::fixed(9), Column::fixed(9)];
        let fitted = Columns::fit(19, &cols);
        assert_eq!(fitted.clone().on_tab_stops(&cols, 8), fitted);
    }
}
