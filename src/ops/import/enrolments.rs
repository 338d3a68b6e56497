//! Import of enrolments: `staff_no` (+ `project` column or `--project`),
//! matched by (project, teacher). Re-importing leaves existing enrolments.

use super::sessions::{fixed_project, project_of};
use super::table::{Column, Problems, Table};
use super::teacher_ref::teacher_of;
use super::values::Cells;
use super::{Context, Counts, Outcome};
use crate::error::Result;
use crate::lang::pick;
use crate::store::enrolments;
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("staff_no", "工号", &["教师编号", "编号", "职工号"]).required(),
    Column::new("project", "项目编号", &["项目", "code"]),
    Column::new("name", "姓名", &["教师姓名"]),
    Column::new("school", "学校", &["单位", "学校名称"]),
];

pub(crate) fn run(conn: &Connection, table: &Table, ctx: &Context) -> Result<Counts> {
    let fixed = fixed_project(conn, ctx)?;
    table.check_required(&[])?;
    if fixed.is_none() && !table.has("project") {
        return Err(crate::Error::invalid(pick(
            format!(
                "line {}: 表头没有项目编号（project）列；请加上该列，或用 --project 项目编号 指定",
                table.header_line
            ),
            format!(
                "line {}: the header has no project (项目编号) column; give --project CODE",
                table.header_line
            ),
        )));
    }
    let mut cache = HashMap::new();
    let mut problems = Problems::default();
    let mut rows: Vec<(i64, i64)> = Vec::new();
    let mut seen: HashMap<(i64, i64), usize> = HashMap::new();
    for record in &table.records {
        let mut c = Cells {
            table,
            record,
            problems: &mut problems,
        };
        let project = project_of(conn, &mut c, fixed.as_ref(), &mut cache)?;
        let teacher = teacher_of(conn, &mut c)?;
        let (Some(project), Some(teacher)) = (project, teacher) else {
            continue;
        };
        if let Some(first) = seen.insert((project.id, teacher.id), c.line()) {
            c.problem(
                "staff_no",
                pick(
                    format!("工号 {} 重复出现（第 {first} 行已有）", teacher.staff_no),
                    format!("{} appears again (first on line {first})", teacher.staff_no),
                ),
            );
            continue;
        }
        // A completed project's enrolment list is locked; restating an enrolment is fine.
        if project.completed_at.is_some() && !enrolments::is_enrolled(conn, project.id, teacher.id)?
        {
            if let Err(e) = crate::ops::projects::refuse_if_completed(
                &project,
                crate::ops::projects::Locked::Enrolments,
            ) {
                c.problem("project", e.to_string());
                continue;
            }
        }
        rows.push((project.id, teacher.id));
    }
    problems.into_result()?;

    let mut counts = Counts::default();
    for (i, (project_id, teacher_id)) in rows.iter().enumerate() {
        let added = enrolments::enrol(conn, *project_id, *teacher_id, ctx.now, false)?;
        counts.count(if added {
            Outcome::Added
        } else {
            Outcome::Unchanged
        });
        ctx.tick(i + 1, rows.len());
    }
    Ok(counts)
}
