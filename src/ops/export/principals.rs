//! `export principals` (each teacher with a role: hours in the cycle against 240, the
//! qualification flag) and `export plans` (the per-plan summary by year).

use super::sheet::{col, Cell, Col, Sheet};
use super::{Export, Scope};
use crate::error::Result;
use crate::ops::principals::principals as principal_lines;
use crate::store::principals::plan_summary;
use rusqlite::Connection;
use serde_json::json;

const PRINCIPALS: &[Col] = &[
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("role", "职务"),
    col("role_since", "任职时间"),
    col("cycle", "周期"),
    col("hours", "培训学时"),
    col("required_hours", "应修学时"),
    col("qualified", "任职资格培训"),
    col("qualification_overdue", "任职满一年未取得资格"),
];

fn yes_no(b: bool) -> Cell {
    if b {
        Cell::Code("yes", "是")
    } else {
        Cell::Code("no", "否")
    }
}

/// Every active teacher with a role, as of the scope's today.
pub(super) fn principals(conn: &Connection, scope: &Scope) -> Result<Export> {
    let lines = principal_lines(conn, scope.today)?;
    let mut sheet = Sheet::new("校长（干部）培训学时", PRINCIPALS);
    let mut json = Vec::with_capacity(lines.len());
    for l in lines {
        let h = &l.holder;
        let since = h.role_since.map(|d| d.to_string());
        json.push(json!({
            "staff_no": h.staff_no, "name": h.name, "school": h.school, "role": h.role.code(),
            "role_since": since, "cycle": l.cycle.label(), "hours": l.hours,
            "required_hours": l.required_hours, "qualified": l.qualified,
            "qualification_overdue": l.qualification_overdue,
        }));
        sheet.rows.push(vec![
            Cell::text(h.staff_no.clone()),
            Cell::text(h.name.clone()),
            Cell::text(h.school.clone()),
            Cell::Code(h.role.code(), h.role.zh()),
            Cell::opt(since),
            Cell::text(l.cycle.label()),
            Cell::Num(l.hours),
            Cell::Num(l.required_hours),
            yes_no(l.qualified),
            yes_no(l.qualification_overdue),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}

const PLANS: &[Col] = &[
    col("year", "年度"),
    col("plan", "计划"),
    col("projects", "项目数"),
    col("participants", "参训人次"),
    col("hours", "学时"),
    col("budget_planned", "预算"),
    col("budget_spent", "支出"),
];

/// The seven plans' projects by year (of the project's start): `--year` or every year.
pub(super) fn plans(conn: &Connection, year: Option<i32>) -> Result<Export> {
    let rows = plan_summary(conn, year)?;
    let mut sheet = Sheet::new("七项计划汇总", PLANS);
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        json.push(json!({
            "year": r.year, "plan": r.plan.code(), "projects": r.projects,
            "participants": r.participants, "hours": r.hours,
            "budget_planned": r.budget_planned, "budget_spent": r.budget_spent,
        }));
        sheet.rows.push(vec![
            Cell::Int(r.year.into()),
            Cell::Code(r.plan.code(), r.plan.zh()),
            Cell::Int(r.projects),
            Cell::Int(r.participants),
            Cell::Num(r.hours),
            Cell::Num(r.budget_planned),
            Cell::Num(r.budget_spent),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}
