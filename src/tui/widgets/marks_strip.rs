//! A strip of coloured glyphs, one per attendance mark, oldest left: how a teacher has been
//! attending at a glance. Readable without colour too (each status has its own glyph).

use crate::domain::Status;
use crate::tui::i18n::Lang;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Span;

/// The glyph and style of one status.
pub fn glyph(status: Status, lang: Lang, theme: &Theme) -> (&'static str, Style) {
    let zh = lang == Lang::Zh;
    match status {
        Status::Present => (if zh { "勤" } else { "✓" }, theme.ok()),
        Status::Late => (if zh { "迟" } else { "L" }, theme.warn()),
        Status::LeftEarly => (if zh { "退" } else { "E" }, theme.warn()),
        Status::Absent => (if zh { "旷" } else { "A" }, theme.bad()),
        Status::Excused => (if zh { "假" } else { "x" }, theme.muted()),
    }
}

/// Spans for `statuses` (given oldest first), separated by a space.
pub fn strip(statuses: &[Status], lang: Lang, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(statuses.len() * 2);
    for (i, s) in statuses.iter().enumerate() {
        if i > 0 && lang == Lang::En {
            out.push(Span::raw(" "));
        }
        let (g, style) = glyph(*s, lang, theme);
        out.push(Span::styled(g, style));
    }
    out
}

/// A text gauge `[█████░░░░░]` of `value / max` in `cells` cells.
pub fn gauge(value: f64, max: f64, cells: usize) -> String {
    let share = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let full = (share * cells as f64).round() as usize;
    let mut s = String::with_capacity(cells * 3 + 2);
    s.push('[');
    s.extend(std::iter::repeat_n('█', full));
    s.extend(std::iter::repeat_n('░', cells - full.min(cells)));
    s.push(']');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauge_fills_by_share_and_clamps() {
        assert_eq!(gauge(60.0, 120.0, 4), "[██░░]");
        assert_eq!(gauge(500.0, 120.0, 4), "[████]");
        assert_eq!(gauge(0.0, 0.0, 2), "[██]");
    }

    #[test]
    fn every_status_has_a_distinct_glyph() {
        let t = Theme::built_in("mono");
        for lang in [Lang::Zh, Lang::En] {
            let mut seen: Vec<&str> = Status::ALL.iter().map(|s| glyph(*s, lang, &t).0).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), Status::ALL.len());
        }
    }
}
