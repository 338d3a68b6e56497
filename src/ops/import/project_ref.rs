//! A row's project (by code, or `--project`) and session (by number, date,
//! or date and start; or `--session`), for sessions, enrolments and marks files.

use super::table::Table;
use super::values::Cells;
use super::Context;
use crate::domain::{parse_date, parse_datetime, Project, Session};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::projects;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// The project named by a row's project cell or by `--project`.
pub(crate) fn project_of(
    conn: &Connection,
    c: &mut Cells,
    fixed: Option<&Project>,
    cache: &mut HashMap<String, Option<Project>>,
) -> Result<Option<Project>> {
    let code = c.text("project");
    if code.is_empty() {
        if let Some(p) = fixed {
            return Ok(Some(p.clone()));
        }
        c.problem(
            "project",
            pick(
                "为空（必填；或用 --project 项目编号 指定）",
                "is empty (required; or give --project CODE)",
            ),
        );
        return Ok(None);
    }
    if !cache.contains_key(code) {
        cache.insert(code.to_string(), projects::project_by_code(conn, code)?);
    }
    let found = cache.get(code).cloned().flatten();
    if found.is_none() {
        c.problem(
            "project",
            pick(
                format!("未知项目编号“{code}”"),
                format!("'{code}' is not a known project code"),
            ),
        );
    }
    Ok(found)
}

/// The project of `--project`, if given.
pub(crate) fn fixed_project(conn: &Connection, ctx: &Context) -> Result<Option<Project>> {
    match &ctx.opts.project {
        None => Ok(None),
        Some(code) => projects::project_by_code(conn, code)?
            .map(Some)
            .ok_or_else(|| {
                Error::invalid(pick(
                    format!("--project {code}：没有这个编号的培训项目"),
                    format!("--project {code}: no project has this code"),
                ))
            }),
    }
}

/// The refusal of a file that names no project (enrolments and marks files).
pub(crate) fn no_project_column(table: &Table) -> Error {
    Error::invalid(pick(
        format!(
            "line {}: 表头没有项目编号（project）列；请加上该列，或用 --project 项目编号 指定",
            table.header_line
        ),
        format!(
            "line {}: the header has no project (项目编号) column; give --project CODE",
            table.header_line
        ),
    ))
}

/// The session of a row: a number (1-based, date and time order), a date
/// and start time, or a date with one session; else `--session N`.
pub(crate) fn session_of(
    c: &mut Cells,
    project: &Project,
    list: &[Session],
    fixed: Option<usize>,
) -> Option<Session> {
    let text = c.text("session");
    let by_number = |n: usize| list.get(n.wrapping_sub(1)).cloned();
    if text.is_empty() {
        return session_of_option(c, project, list, fixed);
    }
    let digits = text.trim_start_matches('第').trim_end_matches('场');
    if let Ok(n) = digits.parse::<usize>() {
        let found = by_number(n);
        if found.is_none() {
            c.problem(
                "session",
                pick(
                    format!("{n}：培训项目 {} 只有 {} 个场次", project.code, list.len()),
                    format!("{n}: {} has {} session(s)", project.code, list.len()),
                ),
            );
        }
        return found;
    }
    if let Some(at) = parse_datetime(text) {
        let found = list.iter().find(|s| s.starts_at() == at).cloned();
        if found.is_none() {
            c.problem(
                "session",
                pick(
                    format!("培训项目 {} 没有在 {text} 开始的场次", project.code),
                    format!("{} has no session starting at {text}", project.code),
                ),
            );
        }
        return found;
    }
    if let Some(day) = parse_date(text) {
        return session_on_day(c, project, list, day);
    }
    c.problem(
        "session",
        pick(
            format!("“{text}”不是场次号，也不是日期（加开始时间）"),
            format!("'{text}' is not a session number or a date (and start time)"),
        ),
    );
    None
}

/// The session of `--session N` for a row without a session cell.
fn session_of_option(
    c: &mut Cells,
    project: &Project,
    list: &[Session],
    fixed: Option<usize>,
) -> Option<Session> {
    match fixed {
        Some(n) => match list.get(n.wrapping_sub(1)).cloned() {
            Some(s) => Some(s),
            None => {
                c.problem(
                    "session",
                    pick(
                        format!(
                            "--session {n}：培训项目 {} 只有 {} 个场次",
                            project.code,
                            list.len()
                        ),
                        format!(
                            "--session {n}: {} has {} session(s)",
                            project.code,
                            list.len()
                        ),
                    ),
                );
                None
            }
        },
        None => {
            c.problem(
                "session",
                pick(
                    "为空（必填；或用 --session 场次号 指定）",
                    "is empty (required; or give --session N)",
                ),
            );
            None
        }
    }
}

/// The one session of `project` on `day`; none or several is a problem of the row.
fn session_on_day(
    c: &mut Cells,
    project: &Project,
    list: &[Session],
    day: NaiveDate,
) -> Option<Session> {
    let same_day: Vec<&Session> = list.iter().filter(|s| s.date == day).collect();
    match same_day.as_slice() {
        [one] => Some((*one).clone()),
        [] => {
            c.problem(
                "session",
                pick(
                    format!("培训项目 {} 在 {day} 没有场次", project.code),
                    format!("{} has no session on {day}", project.code),
                ),
            );
            None
        }
        _ => {
            c.problem(
                "session",
                pick(
                    format!("培训项目 {} 在 {day} 有多个场次；请写场次号，或日期加开始时间", project.code),
                    format!("{} has several sessions on {day}; write the number or the date and start time", project.code),
                ),
            );
            None
        }
    }
}
