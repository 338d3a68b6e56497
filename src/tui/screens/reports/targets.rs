//! The Reports tab's Targets view (`t`): the plan's targets, count vs number as bars; the
//! count at each year's end (the trend); the counts by school or by subject (`b`). Figures
//! come from `ops::targets::report`; `:target WHAT YEAR NUMBER` edits a number.

use super::keys::Cmd;
use crate::domain::TargetKind;
use crate::error::Result;
use crate::ops::targets::{self, GroupLine, TargetsReport};
use crate::tui::i18n;
use crate::tui::keymap::Move;
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::{bar, percent};
use crate::tui::widgets::table::{Cell, Column, Columns};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Default)]
pub(super) struct TargetsView {
    pub report: Option<TargetsReport>,
    /// The last table shows subjects instead of schools.
    pub by_subject: bool,
    /// The first row shown of the last table.
    pub first: usize,
}

/// The short column title of a target counted by tier (the trend and group tables).
fn short(kind: TargetKind, ctx: &Ctx) -> &'static str {
    match kind {
        TargetKind::DistrictBackbone => ctx.t(i18n::TGT_SHORT_DISTRICT_BACKBONE),
        TargetKind::DistrictRenowned => ctx.t(i18n::TGT_SHORT_DISTRICT_RENOWNED),
        TargetKind::MunicipalTeachers => ctx.t(i18n::TGT_SHORT_MUNICIPAL),
        TargetKind::MunicipalPrincipals | TargetKind::PrincipalReserve => kind.label(ctx.zh()),
    }
}

fn num(n: i64) -> Cell {
    Cell::text(n.to_string())
}

impl TargetsView {
    pub fn load(&mut self, ctx: &Ctx) -> Result<()> {
        self.report = Some(targets::report(ctx.conn(), ctx.today())?);
        Ok(())
    }

    /// A key of the Reports tab while the view is shown; false when it closes the view.
    pub fn handle(&mut self, cmd: Cmd) -> bool {
        match cmd {
            Cmd::Move(m) => self.scroll(match m {
                Move::Up => -1,
                Move::Down => 1,
                Move::PageUp => -10,
                Move::PageDown => 10,
                Move::Top => isize::MIN / 2,
                Move::Bottom => isize::MAX / 2,
            }),
            Cmd::TargetsBy => {
                self.by_subject = !self.by_subject;
                self.first = 0;
            }
            Cmd::Targets | Cmd::Back => return false,
            _ => {}
        }
        true
    }

    /// Moves the last table by `step` rows.
    pub fn scroll(&mut self, step: isize) {
        let len = self.groups().len();
        self.first = self
            .first
            .saturating_add_signed(step)
            .min(len.saturating_sub(1));
    }

    fn groups(&self) -> &[GroupLine] {
        match &self.report {
            Some(r) if self.by_subject => &r.by_subject,
            Some(r) => &r.by_school,
            None => &[],
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let Some(r) = &self.report else {
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(ctx.t(i18n::TGT_TITLE), th.title()),
            Span::styled(format!("  {}", ctx.t(i18n::TGT_HINT)), th.muted()),
        ])];
        target_lines(&mut lines, r, area.width as usize, ctx);
        self.tables(&mut lines, r, area, ctx);
        frame.render_widget(Paragraph::new(lines).style(th.base()), area);
    }

    /// The trend, then the counts by school or subject in the rows left.
    fn tables(&self, lines: &mut Vec<Line<'static>>, r: &TargetsReport, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let kinds = targets::counted_kinds();
        let mut spec = vec![Column {
            min: 10,
            weight: 1,
            right: false,
        }];
        spec.extend(kinds.iter().map(|_| Column {
            min: 10,
            weight: 1,
            right: true,
        }));
        let tcols = Columns::fit(area.width as usize, &spec);
        let mut titles = vec![ctx.t(i18n::TGT_YEAR_END)];
        titles.extend(kinds.iter().map(|k| short(*k, ctx)));
        lines.push(tcols.header(&titles, th.muted()));
        for (year, counts) in &r.trend {
            let mut cells = vec![Cell::text(year.to_string())];
            cells.extend(counts.iter().map(|n| num(*n)));
            lines.push(tcols.line(cells, th.base(), th.base()));
        }
        let mut titles = vec![ctx.t(if self.by_subject {
            i18n::TGT_BY_SUBJECT
        } else {
            i18n::TGT_BY_SCHOOL
        })];
        titles.extend(kinds.iter().map(|k| short(*k, ctx)));
        lines.push(tcols.header(&titles, th.muted()));
        let room = (area.height as usize).saturating_sub(lines.len());
        let groups = self.groups();
        if groups.is_empty() {
            lines.push(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())));
        }
        for g in groups.iter().skip(self.first).take(room) {
            let mut cells = vec![Cell::text(g.name.clone())];
            cells.extend(g.counts.iter().map(|n| num(*n)));
            lines.push(tcols.line(cells, th.base(), th.base()));
        }
    }
}

/// Each target: label, bar, count / number (year), share; a target counted by role says so.
fn target_lines(lines: &mut Vec<Line<'static>>, r: &TargetsReport, total: usize, ctx: &Ctx) {
    let th = ctx.theme;
    let cols = Columns::fit(
        total,
        &[
            Column {
                min: 14,
                weight: 2,
                right: false,
            },
            Column {
                min: 10,
                weight: 3,
                right: false,
            },
            Column {
                min: 18,
                weight: 0,
                right: true,
            },
            Column {
                min: 4,
                weight: 0,
                right: true,
            },
        ],
    );
    for l in &r.lines {
        let label = Cell::text(l.what.label(ctx.zh()));
        let (year, number) = match l.target {
            Some((y, n)) => (y.to_string(), n.to_string()),
            None => ("-".into(), "-".into()),
        };
        let cells = match l.count {
            Some(count) => {
                let goal = l.target.map(|t| t.1).unwrap_or(0);
                let share = (goal > 0).then(|| (count as f64 / goal as f64).min(1.0));
                vec![
                    label,
                    Cell::styled(
                        bar(count as f64, goal as f64, cols.width(1), '░'),
                        th.accent(),
                    ),
                    Cell::text(ctx.tf(i18n::TGT_OF, &[&count, &number, &year])),
                    Cell::text(percent(share)),
                ]
            }
            None => vec![
                label,
                Cell::styled(ctx.t(i18n::TGT_BY_ROLE), th.muted()),
                Cell::text(ctx.tf(i18n::TGT_OF, &[&"-", &number, &year])),
                Cell::text("-"),
            ],
        };
        lines.push(cols.line(cells, th.base(), th.base()));
    }
}
