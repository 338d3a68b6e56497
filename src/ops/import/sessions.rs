//! Import of sessions: `project,date,start,end,topic,trainer,venue`
//! (project by code or `--project`; trainer by staff_no or name),
//! matched by (project, date, start).

use super::suggest;
use super::table::{Column, Problems, Table};
use super::values::Cells;
use super::{audit_update, Context, Counts, Outcome};
use crate::domain::{parse_date, parse_datetime, parse_time, DayPart, Project, Session};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::projects;
use crate::store::sessions::{self, session_json, SessionFields};
use crate::store::{teachers, trainers};
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("project", "项目编号", &["项目", "编号", "code"]).required(),
    Column::new("date", "日期", &["培训日期"]).required(),
    Column::new("start", "开始", &["开始时间", "start_time", "时段"]).required(),
    Column::new("end", "结束", &["结束时间", "end_time"]),
    Column::new("topic", "主题", &["内容", "培训内容", "课程"]),
    Column::new("trainer", "讲师", &["主讲", "主讲人", "授课教师"]),
    Column::new("venue", "地点", &["培训地点", "教室", "场地"]),
];

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

pub(crate) fn run(conn: &Connection, table: &Table, ctx: &Context) -> Result<Counts> {
    let fixed = fixed_project(conn, ctx)?;
    table.check_required(if fixed.is_some() { &["project"] } else { &[] })?;
    let trainer_names: Vec<String> = trainers::list(conn)?.into_iter().map(|t| t.name).collect();
    let mut cache = HashMap::new();
    let mut problems = Problems::default();
    let mut hints = suggest::Hints::default();
    let mut rows: Vec<(i64, SessionFields)> = Vec::new();
    let mut seen: HashMap<(i64, String, String), usize> = HashMap::new();
    for record in &table.records {
        let mut c = Cells {
            table,
            record,
            problems: &mut problems,
        };
        let project = project_of(conn, &mut c, fixed.as_ref(), &mut cache)?;
        let date = c.date("date");
        if let Ok(None) = date {
            c.problem("date", pick("为空（必填）", "is empty (required)"));
        }
        let part = DayPart::parse(c.text("start"));
        let start = match part {
            Some(p) => Ok(parse_time(p.default_times().0)),
            None => c.time("start"),
        };
        if let Ok(None) = start {
            c.problem("start", pick("为空（必填）", "is empty (required)"));
        }
        let end = match c.time("end") {
            Ok(None) => Ok(part.and_then(|p| parse_time(p.default_times().1))),
            other => other,
        };
        if let (Ok(Some(s)), Ok(None)) = (start, end) {
            let _ = s;
            c.problem(
                "end",
                pick(
                    "为空（必填，除非开始时间写的是 上午/下午/晚上）",
                    "is empty (required unless start is 上午/下午/晚上)",
                ),
            );
        }
        if let (Ok(Some(s)), Ok(Some(e))) = (start, end) {
            if e <= s {
                c.problem(
                    "end",
                    pick(
                        format!("{} 不晚于开始时间 {}", e.format("%H:%M"), s.format("%H:%M")),
                        format!(
                            "{} is not after the start {}",
                            e.format("%H:%M"),
                            s.format("%H:%M")
                        ),
                    ),
                );
                continue;
            }
        }
        let trainer = trainer_of(conn, &mut c, &trainer_names, &mut hints)?;
        let (Some(project), Ok(Some(date)), Ok(Some(start)), Ok(Some(end)), Ok(trainer_id)) =
            (project, date, start, end, trainer)
        else {
            continue;
        };
        let key = (
            project.id,
            date.to_string(),
            start.format("%H:%M").to_string(),
        );
        if let Some(first) = seen.insert(key, c.line()) {
            c.problem(
                "start",
                pick(
                    format!("该场次重复出现（第 {first} 行已有）"),
                    format!("this session appears again (first on line {first})"),
                ),
            );
            continue;
        }
        if project.completed_at.is_some() {
            // A completed project's sessions are locked: a row may only restate an
            // existing session (same date, start and end); topic, trainer and venue may change.
            let same_times = sessions::sessions_of_project(conn, project.id)?
                .iter()
                .any(|s| s.date == date && s.start == start && s.end == end);
            if !same_times {
                if let Err(e) = crate::ops::projects::refuse_if_completed(
                    &project,
                    crate::ops::projects::Locked::Sessions,
                ) {
                    c.problem("project", e.to_string());
                    continue;
                }
            }
        }
        rows.push((
            project.id,
            SessionFields {
                date,
                start,
                end,
                topic: c.text("topic").to_string(),
                trainer_id,
                venue: c.text("venue").to_string(),
            },
        ));
    }
    problems.into_result()?;

    let mut counts = Counts::default();
    let mut by_project: HashMap<i64, Vec<crate::domain::Session>> = HashMap::new();
    for (i, (project_id, f)) in rows.iter().enumerate() {
        if !by_project.contains_key(project_id) {
            by_project.insert(
                *project_id,
                sessions::sessions_of_project(conn, *project_id)?,
            );
        }
        let existing = by_project
            .get(project_id)
            .and_then(|list| list.iter().find(|s| s.date == f.date && s.start == f.start));
        let outcome = match existing {
            None => {
                sessions::insert_session(conn, *project_id, f)?;
                Outcome::Added
            }
            Some(s) => {
                let mut after = f.clone();
                if after.topic.is_empty() {
                    after.topic = s.topic.clone();
                }
                if after.venue.is_empty() {
                    after.venue = s.venue.clone();
                }
                after.trainer_id = after.trainer_id.or(s.trainer_id);
                if s.end == after.end
                    && s.topic == after.topic
                    && s.venue == after.venue
                    && s.trainer_id == after.trainer_id
                {
                    Outcome::Unchanged
                } else {
                    sessions::update_session(conn, s.id, &after)?;
                    let now = sessions::get_session(conn, s.id)?.unwrap_or(s.clone());
                    audit_update(
                        conn,
                        ctx,
                        "session",
                        s.id,
                        session_json(s),
                        session_json(&now),
                    )?;
                    Outcome::Updated
                }
            }
        };
        counts.count(outcome);
        ctx.tick(i + 1, rows.len());
    }
    Ok(counts)
}

/// The trainer of a row: by staff number of a district teacher, else by name.
fn trainer_of(
    conn: &Connection,
    c: &mut Cells,
    names: &[String],
    hints: &mut suggest::Hints,
) -> Result<Result<Option<i64>, ()>> {
    let text = c.text("trainer");
    if text.is_empty() {
        return Ok(Ok(None));
    }
    if let Some(t) = teachers::by_staff_no(conn, text)? {
        if let Some(tr) = trainers::by_teacher(conn, t.id)? {
            return Ok(Ok(Some(tr.id)));
        }
    }
    let found = trainers::by_name(conn, text)?;
    match found.len() {
        1 => Ok(Ok(Some(found[0].id))),
        0 => {
            let hint = hints.hint(text, names.iter().map(String::as_str));
            c.problem(
                "trainer",
                pick(
                    format!("未知讲师“{text}”{hint}"),
                    format!("'{text}' is not a known trainer{hint}"),
                ),
            );
            Ok(Err(()))
        }
        n => {
            c.problem(
                "trainer",
                pick(
                    format!("有 {n} 位讲师叫{text}；请改填工号"),
                    format!("{n} trainers are called {text}; give the staff number instead"),
                ),
            );
            Ok(Err(()))
        }
    }
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
        return match fixed {
            Some(n) => match by_number(n) {
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
        };
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
        let same_day: Vec<&Session> = list.iter().filter(|s| s.date == day).collect();
        return match same_day.as_slice() {
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
        };
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
