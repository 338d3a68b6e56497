//! Per-teacher lists: credit standing, completion of a project, follow-ups.

use super::sheet::{col, Cell, Col, Sheet};
use super::{Export, Scope};
use crate::domain::credits::{completes, cycle_of, Compliance, CreditStanding};
use crate::domain::follow_up::is_overdue;
use crate::domain::{Project, DATE_FMT};
use crate::error::Result;
use crate::store::{export_rows, sessions};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

const CREDITS: &[Col] = &[
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("cycle", "周期"),
    col("total", "总学分"),
    col("concentrated", "集中培训学分"),
    col("required_total", "应修总学分"),
    col("required_concentrated", "应修集中学分"),
    col("compliance", "达标情况"),
];

fn compliance_zh(c: Compliance) -> (&'static str, &'static str) {
    (c.code(), c.zh())
}

/// Each teacher's credits in the cycle containing the year (as of today, or
/// the cycle's end for a past cycle).
/// With `short`, only the teachers behind or (in an ended cycle) not met.
pub(super) fn credits(conn: &Connection, scope: &Scope, short: bool) -> Result<Export> {
    let mid_year = NaiveDate::from_ymd_opt(scope.year, 7, 1).unwrap_or(scope.today);
    let cycle = cycle_of(mid_year, &scope.settings);
    let as_of = scope.today.max(cycle.start());
    let rows = export_rows::credits(conn, scope.project_id(), cycle.start(), cycle.end())?;
    let title = if short && cycle.ended(as_of) {
        format!("未达标教师 {}", cycle.label())
    } else if short {
        format!("学分进度落后教师 {}", cycle.label())
    } else {
        format!("继续教育学分 {}", cycle.label())
    };
    let mut sheet = Sheet::new(title, CREDITS);
    let mut json = Vec::with_capacity(rows.len());
    let s = &scope.settings;
    for r in rows {
        let standing = CreditStanding {
            total: r.total,
            concentrated: r.concentrated,
            required_total: s.required_total,
            required_concentrated: s.required_concentrated,
            offer_total: s.yearly_offer_total,
            offer_concentrated: s.yearly_offer_concentrated,
        };
        let compliance = standing.compliance(&cycle, as_of);
        if short && !compliance.is_short() {
            continue;
        }
        let (code, zh) = compliance_zh(compliance);
        json.push(json!({
            "staff_no": r.staff_no, "name": r.name, "school": r.school, "cycle": cycle.label(),
            "total": r.total, "concentrated": r.concentrated,
            "required_total": s.required_total, "required_concentrated": s.required_concentrated,
            "compliance": code,
        }));
        sheet.rows.push(vec![
            Cell::Text(r.staff_no),
            Cell::Text(r.name),
            Cell::Text(r.school),
            Cell::text(cycle.label()),
            Cell::Num(r.total),
            Cell::Num(r.concentrated),
            Cell::Num(s.required_total),
            Cell::Num(s.required_concentrated),
            Cell::Code(code, zh),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}

const COMPLETION: &[Col] = &[
    col("project", "项目编号"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("sessions", "场次数"),
    col("attended", "出勤场次"),
    col("excused", "请假"),
    col("absent", "旷课"),
    col("attendance_pct", "出勤率"),
    col("completed", "是否结业"),
    col("credits", "获得学分"),
];

/// The completion list of one project (§4.3 threshold).
pub(super) fn completion(conn: &Connection, project: &Project, _scope: &Scope) -> Result<Export> {
    let sessions = sessions::sessions_of_project(conn, project.id)?.len() as i64;
    let rows = export_rows::completion(conn, project.id)?;
    let mut sheet = Sheet::new(format!("{} 结业名单", project.code), COMPLETION);
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        let done = completes(r.attended, sessions, project.threshold_pct);
        let share = (sessions > 0).then(|| r.attended as f64 / sessions as f64);
        json.push(json!({
            "project": project.code, "staff_no": r.staff_no, "name": r.name, "school": r.school,
            "sessions": sessions, "attended": r.attended, "excused": r.excused, "absent": r.absent,
            "attendance_pct": share.map(|s| (s * 1000.0).round() / 10.0),
            "completed": done, "credits": r.credits,
        }));
        sheet.rows.push(vec![
            Cell::text(project.code.clone()),
            Cell::Text(r.staff_no),
            Cell::Text(r.name),
            Cell::Text(r.school),
            Cell::Int(sessions),
            Cell::Int(r.attended),
            Cell::Int(r.excused),
            Cell::Int(r.absent),
            Cell::Share(share),
            if done {
                Cell::Code("yes", "是")
            } else {
                Cell::Code("no", "否")
            },
            r.credits.map(Cell::Num).unwrap_or(Cell::Empty),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}

const FOLLOW_UPS: &[Col] = &[
    col("project", "项目编号"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("kind", "类型"),
    col("due_date", "截止日期"),
    col("held_date", "完成日期"),
    col("status", "状态"),
    col("overdue", "是否逾期"),
    col("rating", "评价"),
    col("title", "题目"),
];

/// Follow-up tasks due in the scope, with their status and whether overdue today.
pub(super) fn follow_ups(conn: &Connection, scope: &Scope) -> Result<Export> {
    let rows = export_rows::follow_ups(conn, scope.project_id(), scope.from, scope.to)?;
    let mut sheet = Sheet::new("培训后续跟踪", FOLLOW_UPS);
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        let overdue = is_overdue(r.status, r.due_date, scope.today);
        let due = r.due_date.format(DATE_FMT).to_string();
        json.push(json!({
            "project": r.project, "staff_no": r.staff_no, "name": r.name, "school": r.school,
            "kind": r.kind.code(), "due_date": due, "held_date": r.held_date,
            "status": r.status.code(), "overdue": overdue,
            "rating": r.rating.map(|x| x.code()), "title": r.title,
        }));
        sheet.rows.push(vec![
            Cell::Text(r.project),
            Cell::Text(r.staff_no),
            Cell::Text(r.name),
            Cell::Text(r.school),
            Cell::Code(r.kind.code(), r.kind.zh()),
            Cell::Text(due),
            Cell::opt(r.held_date),
            Cell::Code(r.status.code(), r.status.zh()),
            if overdue {
                Cell::Code("yes", "是")
            } else {
                Cell::Code("no", "否")
            },
            r.rating
                .map(|x| Cell::Code(x.code(), x.zh()))
                .unwrap_or(Cell::Empty),
            Cell::Text(r.title),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}
