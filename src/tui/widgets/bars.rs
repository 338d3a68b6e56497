//! Horizontal bar charts drawn with block characters: one bar per value (attendance rate per
//! school, a trainer's six competency levels) and a stacked bar of shares (the district's
//! credit-cycle gauge). Pure text; no database access.

use ratatui::style::Style;
use ratatui::text::Span;

/// Partial blocks by eighths of a cell (index 1–7).
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// The length of a bar of `value / max` in `cells` cells, in eighths of a cell (rounded).
/// `max <= 0` or a negative value gives 0; values above `max` fill the bar.
pub fn bar_eighths(value: f64, max: f64, cells: usize) -> usize {
    if max <= 0.0 || value.is_nan() || value <= 0.0 {
        return 0;
    }
    let share = (value / max).min(1.0);
    (share * (cells * 8) as f64).round() as usize
}

/// A bar of exactly `cells` columns: full blocks, one partial block, then `rest` characters.
pub fn bar(value: f64, max: f64, cells: usize, rest: char) -> String {
    let eighths = bar_eighths(value, max, cells);
    let full = eighths / 8;
    let part = eighths % 8;
    let mut s = String::with_capacity(cells * 3);
    s.extend(std::iter::repeat_n('█', full));
    let mut used = full;
    if part > 0 && used < cells {
        s.push(EIGHTHS[part]);
        used += 1;
    }
    s.extend(std::iter::repeat_n(rest, cells.saturating_sub(used)));
    s
}

/// Splits `cells` columns among `counts` in proportion (largest remainder), so that the parts
/// always add up to `cells` when any count is positive; a non-zero count gets at least one cell
/// when there is room.
pub fn split_cells(counts: &[i64], cells: usize) -> Vec<usize> {
    let total: i64 = counts.iter().map(|c| (*c).max(0)).sum();
    if total == 0 || cells == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<f64> = counts
        .iter()
        .map(|c| (*c).max(0) as f64 * cells as f64 / total as f64)
        .collect();
    let mut parts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut left = cells - parts.iter().sum::<usize>();
    // Give the remaining cells to the largest remainders.
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|a, b| {
        let ra = exact[*a] - exact[*a].floor();
        let rb = exact[*b] - exact[*b].floor();
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    for i in order {
        if left == 0 {
            break;
        }
        if exact[i] > parts[i] as f64 {
            parts[i] += 1;
            left -= 1;
        }
    }
    // Make every non-zero count visible, taking the cell from the largest part.
    for i in 0..counts.len() {
        if counts[i] > 0 && parts[i] == 0 {
            if let Some(big) = (0..parts.len()).max_by_key(|j| parts[*j]) {
                if parts[big] > 1 {
                    parts[big] -= 1;
                    parts[i] = 1;
                }
            }
        }
    }
    parts
}

/// A stacked bar of `cells` columns: one run of `glyph` per part, in its style.
pub fn stacked(parts: &[(i64, char, Style)], cells: usize) -> Vec<Span<'static>> {
    let counts: Vec<i64> = parts.iter().map(|p| p.0).collect();
    let widths = split_cells(&counts, cells);
    parts
        .iter()
        .zip(widths)
        .filter(|(_, w)| *w > 0)
        .map(|((_, glyph, style), w)| Span::styled(glyph.to_string().repeat(w), *style))
        .collect()
}

/// A rate 0.0–1.0 as "95%" (or "-" when there is none: an em dash is two columns wide in
/// some CJK terminals).
pub fn percent(rate: Option<f64>) -> String {
    match rate {
        Some(r) => format!("{:.0}%", (r * 100.0).clamp(0.0, 100.0)),
        None => "-".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::width;

    #[test]
    fn bar_lengths_follow_the_share_in_eighths() {
        assert_eq!(bar_eighths(1.0, 3.0, 6), 16);
        assert_eq!(bar_eighths(3.0, 3.0, 6), 48);
        assert_eq!(bar_eighths(9.0, 3.0, 6), 48);
        assert_eq!(bar_eighths(0.0, 3.0, 6), 0);
        assert_eq!(bar_eighths(1.0, 0.0, 6), 0);
        assert_eq!(bar_eighths(-1.0, 3.0, 6), 0);
        assert_eq!(bar(2.0, 3.0, 6, '░'), "████░░");
        assert_eq!(bar(0.95, 1.0, 10, ' '), "█████████▌");
        assert_eq!(bar(0.0, 3.0, 4, '·'), "····");
        assert_eq!(bar(3.0, 3.0, 4, '·'), "████");
        for v in 0..=20 {
            assert_eq!(width(&bar(v as f64, 20.0, 7, ' ')), 7, "{v}");
        }
    }

    #[test]
    fn split_cells_adds_up_and_keeps_small_parts_visible() {
        assert_eq!(split_cells(&[1, 1, 2], 8), vec![2, 2, 4]);
        assert_eq!(split_cells(&[1, 1, 1], 10).iter().sum::<usize>(), 10);
        assert_eq!(split_cells(&[0, 0, 0], 10), vec![0, 0, 0]);
        let p = split_cells(&[1, 0, 999], 20);
        assert_eq!(p, vec![1, 0, 19]);
        assert_eq!(split_cells(&[5, 5], 0), vec![0, 0]);
    }

    #[test]
    fn percent_rounds_and_says_none() {
        assert_eq!(percent(Some(0.954)), "95%");
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(percent(None), "-");
    }
}
