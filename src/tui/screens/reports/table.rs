//! Drawing of the Reports tab's table: one row per school with sent/places, an attendance-rate
//! bar, vetoes, follow-up completion and credit pace; and the district's credit-cycle gauge.

use crate::store::district_charts::CycleStanding;
use crate::store::reports::SchoolReport;
use crate::tui::i18n::{self, Msg};
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::{bar, percent, stacked};
use crate::tui::widgets::table::{self, Cell, Columns};
use crate::tui::widgets::text::{layout_columns, pad_left, width};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The columns, in order; also the sort keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    School,
    Township,
    #[default]
    Sent,
    Attendance,
    Vetoes,
    FollowUps,
    CreditsMet,
    CreditsBehind,
}

impl Column {
    pub const ALL: &'static [Column] = &[
        Column::School,
        Column::Township,
        Column::Sent,
        Column::Attendance,
        Column::Vetoes,
        Column::FollowUps,
        Column::CreditsMet,
        Column::CreditsBehind,
    ];

    pub fn header(self) -> Msg {
        match self {
            Column::School => i18n::COL_SCHOOL,
            Column::Township => i18n::COL_TOWNSHIP,
            Column::Sent => i18n::COL_PLACES,
            Column::Attendance => i18n::COL_ATTENDANCE_RATE,
            Column::Vetoes => i18n::COL_VETO_COUNT,
            Column::FollowUps => i18n::COL_FOLLOW_RATE,
            Column::CreditsMet => i18n::COL_CREDITS_MET,
            Column::CreditsBehind => i18n::COL_CREDITS_BEHIND,
        }
    }

    /// (minimum width, weight) of the column; the township only on wide screens. A header
    /// keeps room for the ▲/▼ of the sorted column, so it is never cut.
    fn size(self, ctx: &Ctx) -> (usize, usize) {
        let h = width(ctx.t(self.header())) + 1;
        match self {
            Column::School => (12, 3),
            Column::Township => (8, 1),
            Column::Sent => (h.max(7), 0),
            Column::Attendance => (h.max(12), 2),
            Column::Vetoes => (h.max(4), 0),
            Column::FollowUps | Column::CreditsMet | Column::CreditsBehind => (h.max(5), 0),
        }
    }
}

/// The columns shown at `total` width (the township is left out below 120 columns) and their
/// widths.
pub fn layout(total: usize, ctx: &Ctx) -> Vec<(Column, usize)> {
    let cols: Vec<Column> = Column::ALL
        .iter()
        .copied()
        .filter(|c| *c != Column::Township || total >= 120)
        .collect();
    let sizes: Vec<(usize, usize)> = cols.iter().map(|c| c.size(ctx)).collect();
    cols.into_iter()
        .zip(layout_columns(total, &sizes, 1))
        .filter(|(_, w)| *w > 0)
        .collect()
}

impl Column {
    /// Numbers are right-aligned; names and the attendance bar are not.
    fn right(self) -> bool {
        !matches!(self, Column::School | Column::Township | Column::Attendance)
    }
}

/// The shown columns as the table widget's columns (their widths already fit `total`).
fn widget_columns(cols: &[(Column, usize)], total: usize) -> Columns {
    let specs: Vec<table::Column> = cols
        .iter()
        .map(|(c, w)| table::Column {
            min: *w,
            weight: 0,
            right: c.right(),
        })
        .collect();
    Columns::fit(total, &specs)
}

/// The header line, with ▲/▼ on the sorted column; the figure Enter opens highlighted.
pub fn header(
    cols: &[(Column, usize)],
    (sort, descending): (Column, bool),
    chosen: Column,
    total: usize,
    ctx: &Ctx,
) -> Line<'static> {
    let th = ctx.theme;
    let cells = cols
        .iter()
        .map(|(c, _)| {
            let mut text = ctx.t(c.header()).to_string();
            if *c == sort {
                text.push(if descending { '▼' } else { '▲' });
            }
            let style = if *c == chosen {
                th.selected()
            } else if *c == sort {
                th.title()
            } else {
                th.accent()
            };
            Cell::styled(text, style)
        })
        .collect();
    widget_columns(cols, total).line(cells, th.accent(), th.accent())
}

/// The style of an attendance rate: good from 95 %, a warning from 85 %, bad below.
pub fn rate_style(rate: Option<f64>, ctx: &Ctx) -> Style {
    match rate {
        Some(r) if r >= 0.95 => ctx.theme.ok(),
        Some(r) if r >= 0.85 => ctx.theme.warn(),
        Some(_) => ctx.theme.bad(),
        None => ctx.theme.muted(),
    }
}

/// One school's line.
pub fn row(
    r: &SchoolReport,
    cols: &[(Column, usize)],
    selected: bool,
    total: usize,
    ctx: &Ctx,
) -> Line<'static> {
    let th = ctx.theme;
    let base = if selected { th.selected() } else { th.base() };
    let cells = cols
        .iter()
        .map(|(c, w)| match c {
            Column::School => Cell::text(r.school.clone()),
            Column::Township => Cell::text(r.township.clone()),
            Column::Sent if r.places_allotted > 0 => {
                Cell::text(format!("{}/{}", r.teachers_sent, r.places_allotted))
            }
            Column::Sent => Cell::text(r.teachers_sent.to_string()),
            Column::Attendance => {
                let rate = r.attendance_rate();
                let style = if selected {
                    base
                } else {
                    rate_style(rate, ctx)
                };
                Cell::Spans(vec![
                    Span::styled(format!("{} ", pad_left(&percent(rate), 4)), base),
                    Span::styled(
                        bar(rate.unwrap_or(0.0), 1.0, w.saturating_sub(5), ' '),
                        style,
                    ),
                ])
            }
            Column::Vetoes if r.vetoed_teachers > 0 && !selected => {
                Cell::styled(r.vetoed_teachers.to_string(), th.bad())
            }
            Column::Vetoes => Cell::text(r.vetoed_teachers.to_string()),
            Column::FollowUps => Cell::text(percent(r.follow_up_rate())),
            Column::CreditsMet => Cell::text(percent(r.met_share())),
            Column::CreditsBehind if r.teachers_behind > 0 && !selected => {
                Cell::styled(percent(r.behind_share()), th.bad())
            }
            Column::CreditsBehind => Cell::text(percent(r.behind_share())),
        })
        .collect();
    widget_columns(cols, total).bar(cells, base)
}

/// The district's credit-cycle gauge: a stacked bar of met / on pace / behind with shares.
pub fn cycle_gauge(s: &CycleStanding, cycle: &str, total: usize, ctx: &Ctx) -> Line<'static> {
    let th = ctx.theme;
    let n = s.teachers().max(1) as f64;
    let parts = [
        (i18n::DETAIL_MET, s.met, '█', th.ok()),
        (i18n::DETAIL_ON_PACE, s.on_pace, '▓', th.accent()),
        (i18n::DETAIL_BEHIND, s.short, '░', th.bad()),
    ];
    let label = format!("{} ", ctx.tf(i18n::REP_CYCLE, &[&cycle]));
    let legend: Vec<(String, char, Style)> = parts
        .iter()
        .map(|(m, count, g, style)| {
            let share = percent(Some(*count as f64 / n));
            (format!(" {g}{} {share}", ctx.t(*m)), *g, *style)
        })
        .collect();
    let legend_w: usize = legend.iter().map(|(t, _, _)| width(t)).sum();
    let cells = total
        .saturating_sub(width(&label) + legend_w + 1)
        .clamp(6, 40);
    let mut spans = vec![Span::styled(label, th.muted())];
    let bars: Vec<(i64, char, Style)> = parts.iter().map(|p| (p.1, p.2, p.3)).collect();
    spans.extend(stacked(&bars, cells));
    for (text, _, style) in legend {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}
