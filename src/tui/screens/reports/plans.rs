//! The Reports tab's per-plan summary (`p`): for the report's year, each of the seven plans'
//! projects (by start date), enrolments, hours, budget planned and spent, and the total.

use crate::domain::Plan;
use crate::store::principals::PlanYear;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::screens::projects::form::fmt_num;
use crate::tui::widgets::table::{Cell, Column, Columns};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The seven plans of `year` in `Plan::ALL` order (zeros for a plan without projects), then
/// their total.
fn by_plan(rows: &[PlanYear], year: i32) -> (Vec<PlanYear>, PlanYear) {
    let none = |plan| PlanYear {
        year,
        plan,
        projects: 0,
        participants: 0,
        hours: 0.0,
        budget_planned: 0.0,
        budget_spent: 0.0,
    };
    let mut total = none(Plan::ContinuingEducation);
    let mut out = Vec::with_capacity(Plan::ALL.len());
    for plan in Plan::ALL {
        let r = rows
            .iter()
            .find(|r| r.plan == *plan && r.year == year)
            .cloned()
            .unwrap_or_else(|| none(*plan));
        total.projects += r.projects;
        total.participants += r.participants;
        total.hours += r.hours;
        total.budget_planned += r.budget_planned;
        total.budget_spent += r.budget_spent;
        out.push(r);
    }
    (out, total)
}

fn cells(label: String, r: &PlanYear) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::text(r.projects.to_string()),
        Cell::text(r.participants.to_string()),
        Cell::text(fmt_num(r.hours)),
        Cell::text(fmt_num(r.budget_planned)),
        Cell::text(fmt_num(r.budget_spent)),
    ]
}

/// Draws the summary of `year` from `rows`.
pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, year: i32, rows: &[PlanYear]) {
    let th = ctx.theme;
    let line = |dy: u16| Rect {
        y: area.y + dy,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(ctx.tf(i18n::REP_PLANS_TITLE, &[&year]), th.title()),
            Span::styled(format!("  {}", ctx.t(i18n::REP_PLANS_KEYS)), th.muted()),
        ])),
        line(0),
    );
    let cols = Columns::fit(
        area.width as usize,
        &[
            Column::flex(16, 1),
            Column::fixed(6).right(),
            Column::fixed(8).right(),
            Column::fixed(7).right(),
            Column::fixed(10).right(),
            Column::fixed(10).right(),
        ],
    );
    let titles = [
        i18n::REP_PLANS_PLAN,
        i18n::REP_PLANS_PROJECTS,
        i18n::REP_PLANS_PEOPLE,
        i18n::REP_PLANS_HOURS,
        i18n::REP_PLANS_BUDGET,
        i18n::REP_PLANS_SPENT,
    ]
    .map(|m| ctx.t(m));
    frame.render_widget(Paragraph::new(cols.header(&titles, th.accent())), line(1));
    let (plans, total) = by_plan(rows, year);
    let mut lines: Vec<Line> = plans
        .iter()
        .map(|r| {
            cols.line(
                cells(r.plan.label(ctx.zh()).into(), r),
                th.base(),
                th.base(),
            )
        })
        .collect();
    lines.push(cols.line(
        cells(ctx.t(i18n::REP_PLANS_TOTAL).into(), &total),
        th.title(),
        th.base(),
    ));
    for (i, l) in lines.into_iter().enumerate() {
        let y = 2 + i as u16;
        if y < area.height {
            frame.render_widget(Paragraph::new(l), line(y));
        }
    }
}
