//! Text measured by display width: CJK characters take two columns. Cells are cut with "…"
//! and padded so that a column never breaks.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` cut to at most `max` columns, ending in "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` broken into lines of at most `w` columns (by display width). A Latin word is not
/// split when it can move whole to the next line: lines break after a space or a
/// double-width character (CJK text has no spaces), else anywhere.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if used + cw > w {
            // Carry the unfinished Latin word over, if the line has an earlier break.
            let cut = line
                .char_indices()
                .filter(|(_, ch)| ch.is_whitespace() || char_width(*ch) > 1)
                .map(|(i, ch)| i + ch.len_utf8())
                .next_back()
                .filter(|i| *i < line.len() && !c.is_whitespace() && char_width(c) == 1);
            let carry = match cut {
                Some(i) => line.split_off(i),
                None => String::new(),
            };
            out.push(std::mem::replace(&mut line, carry));
            used = width(&line);
        }
        if !(used == 0 && c == ' ') {
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// `s` cut and padded with spaces to exactly `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut t = truncate(s, w);
    let used = width(&t);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    t
}

/// `s` right-aligned in exactly `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let used = width(&t);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(used)).collect();
    out.push_str(&t);
    out
}

/// A cell of exactly `w` columns whose characters at `positions` (char indices, sorted or not)
/// are drawn with `hl`, the rest with `base`.
pub fn highlighted(
    s: &str,
    positions: &[usize],
    w: usize,
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let cut = truncate(s, w);
    let keep = cut.chars().count() - usize::from(cut.ends_with('…') && cut != s);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for (i, c) in cut.chars().enumerate() {
        let is_hl = i < keep && positions.contains(&i);
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    let used = width(&cut);
    if used < w {
        spans.push(Span::styled(" ".repeat(w - used), base));
    }
    spans
}

/// Column widths: each column gets its minimum, then the spare room goes to the flexible
/// columns in proportion to their weights. Columns that do not fit at all get width 0.
pub fn layout_columns(total: usize, cols: &[(usize, usize)], gap: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::with_capacity(cols.len());
    let mut used = 0;
    for (i, (min, _)) in cols.iter().enumerate() {
        let need = min + if i > 0 { gap } else { 0 };
        if used + need <= total {
            widths.push(*min);
            used += need;
        } else {
            widths.push(0);
        }
    }
    let spare = total.saturating_sub(used);
    let weight: usize = cols
        .iter()
        .zip(&widths)
        .filter(|(_, w)| **w > 0)
        .map(|((_, wt), _)| wt)
        .sum();
    let mut given = 0;
    for (i, (_, wt)) in cols.iter().enumerate() {
        if widths[i] > 0 && *wt > 0 {
            let extra = (spare * wt).checked_div(weight).unwrap_or(0);
            widths[i] += extra;
            given += extra;
        }
    }
    // The rounding remainder goes to the last flexible column.
    if let Some(i) = (0..cols.len())
        .rev()
        .find(|i| widths[*i] > 0 && cols[*i].1 > 0)
    {
        widths[i] += spare - given;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_by_display_width() {
        assert_eq!(wrap("导入文件abc", 5), vec!["导入", "文件", "abc"]);
        assert_eq!(
            wrap("trainers、projects、marks", 12),
            vec!["trainers、", "projects、", "marks"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("go to the place", 6), vec!["go to ", "the ", "place"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert!(wrap("导入文件：import 类型", 8)
            .iter()
            .all(|l| width(l) <= 8));
    }

    #[test]
    fn cjk_is_two_columns_and_cut_with_ellipsis() {
        assert_eq!(width("张伟"), 4);
        assert_eq!(truncate("实验小学附属幼儿园", 7), "实验小…");
        assert_eq!(width(&truncate("实验小学附属幼儿园", 7)), 7);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
        assert_eq!(pad("张伟", 6), "张伟  ");
        assert_eq!(width(&pad("实验小学附属幼儿园", 8)), 8);
        assert_eq!(pad_left("7", 3), "  7");
    }

    #[test]
    fn highlight_marks_only_matched_chars() {
        let spans = highlighted("张伟", &[0], 6, Style::default(), Style::default().bold());
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "张伟  ");
        assert_eq!(spans[0].content, "张");
        assert_eq!(spans.len(), 3);
    }

    #[test]
    fn columns_share_spare_room() {
        assert_eq!(layout_columns(20, &[(4, 0), (4, 1)], 1), vec![4, 15]);
        assert_eq!(layout_columns(6, &[(4, 0), (4, 1)], 1), vec![4, 0]);
    }
}
