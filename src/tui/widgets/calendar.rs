//! A year calendar: twelve small months, Monday first, one two-column cell per day whose glyph
//! and colour say how many sessions were held that day. Pure layout maths plus drawing; the
//! counts come from the caller (no database access).

use crate::tui::i18n::Lang;
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::HashMap;

/// Columns of one month: seven days of two columns.
pub const MONTH_WIDTH: u16 = 14;
/// Columns between two months side by side.
pub const GAP: u16 = 2;
/// Lines of one month: its name and six weeks.
pub const MONTH_LINES: u16 = 7;

const MONTHS_ZH: [&str; 12] = [
    "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS_ZH: &str = "一二三四五六日";
const WEEKDAYS_EN: &str = "MoTuWeThFrSaSu";
/// Glyph per intensity 0–4 (readable without colour).
pub const GLYPHS: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// The name of month `m` (1–12).
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Zh => MONTHS_ZH[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// The weeks of a month, Monday first: each week holds the day numbers of its days in that
/// month (None outside it). Always 4–6 weeks.
pub fn month_weeks(year: i32, month: u32) -> Vec<[Option<u32>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let days = days_in_month(year, month);
    let offset = first.weekday().num_days_from_monday() as usize;
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    for day in 1..=days {
        let slot = (offset + day as usize - 1) % 7;
        week[slot] = Some(day);
        if slot == 6 {
            weeks.push(week);
            week = [None; 7];
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

/// Days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    match (NaiveDate::from_ymd_opt(year, month, 1), next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 0,
    }
}

/// Intensity 0–4 of a day with `count` sessions when the busiest day has `max`.
pub fn intensity(count: u32, max: u32) -> usize {
    if count == 0 || max == 0 {
        return 0;
    }
    let level = (count as u64 * 4).div_ceil(max as u64) as usize;
    level.clamp(1, 4)
}

/// Months side by side that fit in `width` columns (6, 4, 3, 2 or 1).
pub fn months_across(width: u16) -> u16 {
    [6u16, 4, 3, 2, 1]
        .into_iter()
        .find(|n| n * MONTH_WIDTH + (n - 1) * GAP <= width)
        .unwrap_or(1)
}

/// Lines one row of months takes (with a weekday line when `weekdays`).
pub fn row_lines(weekdays: bool) -> u16 {
    MONTH_LINES + u16::from(weekdays)
}

/// What to draw.
pub struct YearCalendar<'a> {
    pub year: i32,
    /// Sessions per day (days without sessions may be left out).
    pub counts: &'a [(NaiveDate, u32)],
    pub today: NaiveDate,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// First row of months shown (when they do not all fit).
    pub first_row: u16,
}

impl YearCalendar<'_> {
    /// Rows of months for `area`'s width.
    pub fn rows_for(width: u16) -> u16 {
        12u16.div_ceil(months_across(width))
    }

    fn style(&self, level: usize) -> Style {
        let th = self.theme;
        match level {
            0 => th.muted(),
            1 | 2 => th.ok(),
            3 => th.warn(),
            _ => th.accent(),
        }
    }

    /// The glyph legend "· ░ ▒ ▓ █" as spans.
    pub fn legend(&self) -> Vec<Span<'static>> {
        GLYPHS
            .iter()
            .enumerate()
            .map(|(i, g)| Span::styled(format!("{g} "), self.style(i)))
            .collect()
    }

    /// Draws the months that fit into `area`, starting at `first_row`.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        if area.width < MONTH_WIDTH || area.height < MONTH_LINES {
            return;
        }
        let across = months_across(area.width);
        let rows = 12u16.div_ceil(across);
        let weekdays = area.height >= rows * row_lines(true);
        let per_row = row_lines(weekdays);
        let max = self.counts.iter().map(|c| c.1).max().unwrap_or(0);
        let by_day: HashMap<NaiveDate, u32> = self.counts.iter().copied().collect();
        let first_row = self.first_row.min(rows.saturating_sub(1));
        for row in first_row..rows {
            let y = area.y + (row - first_row) * per_row;
            if y + per_row > area.bottom() {
                break;
            }
            for col in 0..across {
                let m = (row * across + col + 1) as u32;
                if m > 12 {
                    break;
                }
                let x = area.x + col * (MONTH_WIDTH + GAP);
                let rect = Rect::new(x, y, MONTH_WIDTH, per_row);
                let lines = self.month_lines(m, weekdays, &by_day, max);
                frame.render_widget(Paragraph::new(lines).style(self.theme.base()), rect);
            }
        }
    }

    fn month_lines(
        &self,
        m: u32,
        weekdays: bool,
        by_day: &HashMap<NaiveDate, u32>,
        max: u32,
    ) -> Vec<Line<'static>> {
        let th = self.theme;
        let mut out = Vec::with_capacity(8);
        let sessions: u32 = by_day
            .iter()
            .filter(|(d, _)| d.year() == self.year && d.month() == m)
            .map(|(_, n)| *n)
            .sum();
        let mut title = vec![Span::styled(month_name(m, self.lang), th.title())];
        if sessions > 0 {
            title.push(Span::styled(format!(" {sessions}"), th.muted()));
        }
        out.push(Line::from(title));
        if weekdays {
            let w = match self.lang {
                Lang::Zh => WEEKDAYS_ZH,
                Lang::En => WEEKDAYS_EN,
            };
            out.push(Line::from(Span::styled(w, th.muted())));
        }
        for week in month_weeks(self.year, m) {
            let mut spans = Vec::with_capacity(7);
            for day in week {
                let Some(day) = day else {
                    spans.push(Span::raw("  "));
                    continue;
                };
                let date = NaiveDate::from_ymd_opt(self.year, m, day);
                let count = date.and_then(|d| by_day.get(&d)).copied().unwrap_or(0);
                let level = intensity(count, max);
                let mut style = self.style(level);
                if date == Some(self.today) {
                    style = style
                        .patch(th.highlight())
                        .add_modifier(ratatui::style::Modifier::REVERSED);
                }
                spans.push(Span::styled(format!("{} ", GLYPHS[level]), style));
            }
            out.push(Line::from(spans));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_hold_every_day() {
        // 1 March 2026 is a Sunday: the first week has only day 1, in the last slot.
        let w = month_weeks(2026, 3);
        assert_eq!(w[0], [None, None, None, None, None, None, Some(1)]);
        assert_eq!(w[1][0], Some(2));
        assert_eq!(w.len(), 6);
        let days: Vec<u32> = w.iter().flatten().flatten().copied().collect();
        assert_eq!(days, (1..=31).collect::<Vec<_>>());
        // February 2021 starts on a Monday and fills exactly four weeks.
        assert_eq!(month_weeks(2021, 2).len(), 4);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2026, 12), 31);
        assert!(month_weeks(2026, 13).is_empty());
    }

    #[test]
    fn intensity_scales_to_the_busiest_day() {
        assert_eq!(intensity(0, 10), 0);
        assert_eq!(intensity(1, 10), 1);
        assert_eq!(intensity(10, 10), 4);
        assert_eq!(intensity(5, 10), 2);
        assert_eq!(intensity(6, 10), 3);
        assert_eq!(intensity(3, 0), 0);
        assert_eq!(
            (1..=4).map(|c| intensity(c, 4)).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
    }

    #[test]
    fn months_across_fit_the_width() {
        assert_eq!(months_across(80), 4);
        assert_eq!(months_across(93), 4);
        assert_eq!(months_across(94), 6);
        assert_eq!(months_across(60), 3);
        assert_eq!(months_across(14), 1);
        assert_eq!(months_across(5), 1);
        assert_eq!(YearCalendar::rows_for(80), 3);
        assert_eq!(YearCalendar::rows_for(120), 2);
    }

    #[test]
    fn month_names_in_both_languages() {
        assert_eq!(month_name(1, Lang::Zh), "1月");
        assert_eq!(month_name(12, Lang::En), "Dec");
        assert_eq!(month_name(0, Lang::En), "Jan");
    }
}
