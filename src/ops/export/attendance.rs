//! The attendance list and the veto list.

use super::sheet::{col, Cell, Col, Sheet};
use super::{Export, Scope};
use crate::domain::DATE_FMT;
use crate::error::Result;
use crate::store::{export_rows, vetoes};
use rusqlite::Connection;
use serde_json::json;

const ATTENDANCE: &[Col] = &[
    col("project", "项目编号"),
    col("session", "场次"),
    col("date", "日期"),
    col("start", "开始"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("status", "出勤状态"),
    col("minutes_late", "迟到分钟"),
    col("minutes_early", "早退分钟"),
    col("checked_in_at", "签到时间"),
    col("checked_out_at", "签退时间"),
    col("reason", "事由"),
];

/// Every mark in the scope. JSON: `{project, session, date, staff_no, name, school, status, checked_in_at}`.
pub(super) fn attendance(conn: &Connection, scope: &Scope) -> Result<Export> {
    let rows = export_rows::attendance(conn, scope.project_id(), scope.from, scope.to)?;
    let mut sheet = Sheet::new("出勤记录", ATTENDANCE);
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        json.push(json!({
            "project": r.project, "session": r.session, "date": r.date,
            "staff_no": r.staff_no, "name": r.name, "school": r.school,
            "status": r.status.code(), "checked_in_at": r.checked_in_at,
        }));
        sheet.rows.push(vec![
            Cell::Text(r.project),
            Cell::Int(r.session),
            Cell::Text(r.date),
            Cell::Text(r.start),
            Cell::Text(r.staff_no),
            Cell::Text(r.name),
            Cell::Text(r.school),
            Cell::Code(r.status.code(), r.status.zh()),
            Cell::Int(r.minutes_late),
            Cell::Int(r.minutes_early),
            Cell::opt(r.checked_in_at),
            Cell::opt(r.checked_out_at),
            Cell::Text(r.reason),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}

const VETOES: &[Col] = &[
    col("year", "年度"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("count", "次数"),
    col("reasons", "否决事由"),
];

/// Teachers with a one-vote veto in the year, by school and name (marks of projects in veto
/// scope only). JSON: `{year, staff_no, name, school, reasons: [{date, project, status,
/// scope}]}`, `scope` naming why the project counts (`concentrated`, `project_setting`).
pub(super) fn vetoes(conn: &Connection, scope: &Scope) -> Result<Export> {
    let schools = vetoes::vetoes_between(conn, scope.from, scope.to)?;
    let mut sheet = Sheet::new(format!("{}年度一票否决", scope.year), VETOES);
    let mut json = Vec::new();
    for school in schools {
        for t in school.teachers {
            let evidence: Vec<_> = t
                .evidence
                .iter()
                .filter(|m| {
                    scope
                        .project
                        .as_ref()
                        .is_none_or(|p| p.code == m.project_code)
                })
                .collect();
            if evidence.is_empty() {
                continue;
            }
            let reasons: Vec<serde_json::Value> = evidence
                .iter()
                .map(|m| {
                    json!({
                        "date": m.date.format(DATE_FMT).to_string(),
                        "project": m.project_code,
                        "status": m.status.code(),
                        "scope": m.scope(),
                    })
                })
                .collect();
            let text: Vec<String> = evidence
                .iter()
                .map(|m| {
                    format!(
                        "{} {} {}（{}）",
                        m.date.format(DATE_FMT),
                        m.project_code,
                        m.status.zh(),
                        m.scope().label(true)
                    )
                })
                .collect();
            json.push(json!({
                "year": scope.year, "staff_no": t.staff_no, "name": t.name,
                "school": t.school, "reasons": reasons,
            }));
            sheet.rows.push(vec![
                Cell::Int(scope.year as i64),
                Cell::Text(t.staff_no.clone()),
                Cell::Text(t.name.clone()),
                Cell::Text(t.school.clone()),
                Cell::Int(evidence.len() as i64),
                Cell::Text(text.join("；")),
            ]);
        }
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}
