//! Import of sessions: `project,date,start,end,topic,trainer,venue`
//! (project by code or `--project`; trainer by staff_no or name),
//! matched by (project, date, start).

use super::driver::Importer;
use super::phases::{self, Stale, Written};
use super::project_ref::{fixed_project, project_of};
use super::session_booking::Bookings;
use super::suggest;
use super::table::{Column, Table};
use super::trainer_ref::trainer_of;
use super::values::Cells;
use super::{audit_update, Context, Counts};
use crate::domain::{parse_time, DayPart, Project, Session};
use crate::error::Result;
use crate::lang::pick;
use crate::store::projects;
use crate::store::sessions::{self, session_json, SessionFields};
use crate::store::trainers;
use chrono::NaiveTime;
use rusqlite::Connection;
use std::collections::hash_map::{Entry, HashMap};

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("project", "项目编号", &["项目", "编号", "code"]).required(),
    Column::new("date", "日期", &["培训日期"]).required(),
    Column::new("start", "开始", &["开始时间", "start_time", "时段"]).required(),
    Column::new("end", "结束", &["结束时间", "end_time"]),
    Column::new("topic", "主题", &["内容", "培训内容", "课程"]),
    Column::new("trainer", "讲师", &["主讲", "主讲人", "授课教师"]),
    Column::new("venue", "地点", &["培训地点", "教室", "场地"]),
];

/// What a sessions file will write.
pub(crate) struct SessionPlan {
    steps: Vec<Step>,
    unchanged: usize,
    /// The projects of the steps as the snapshot showed them (a project
    /// completed meanwhile locks its sessions).
    projects: HashMap<i64, Project>,
}

struct Step {
    line: usize,
    project_id: i64,
    /// The session as the snapshot showed it; None to add one.
    before: Option<Session>,
    fields: SessionFields,
}

/// A valid row: its line, project and the session it gives.
pub(crate) type Row = (usize, Project, SessionFields);

/// The sessions kind: `--project`, trainers' names for hints, projects by
/// code, and the sessions seen so far in the file.
pub(crate) struct Sessions {
    fixed: Option<Project>,
    trainer_names: Vec<String>,
    cache: HashMap<String, Option<Project>>,
    hints: suggest::Hints,
    seen: HashMap<(i64, String, String), usize>,
    bookings: Bookings,
}

impl<'t> Importer<'t> for Sessions {
    type Row = Row;
    type Plan = SessionPlan;

    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Sessions> {
        let fixed = fixed_project(conn, ctx)?;
        table.check_required(if fixed.is_some() { &["project"] } else { &[] })?;
        Ok(Sessions {
            fixed,
            trainer_names: trainers::list(conn)?.into_iter().map(|t| t.name).collect(),
            cache: HashMap::new(),
            hints: suggest::Hints::default(),
            seen: HashMap::new(),
            bookings: Bookings::default(),
        })
    }

    fn row(&mut self, conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        let project = project_of(conn, c, self.fixed.as_ref(), &mut self.cache)?;
        let date = c.date("date");
        if let Ok(None) = date {
            c.problem("date", pick("为空（必填）", "is empty (required)"));
        }
        let Some((start, end)) = times(c) else {
            return Ok(None);
        };
        let trainer = trainer_of(conn, c, &self.trainer_names, &mut self.hints)?;
        let (Some(project), Ok(Some(date)), Some(start), Some(end), Ok(trainer_id)) =
            (project, date, start, end, trainer)
        else {
            return Ok(None);
        };
        let key = (
            project.id,
            date.to_string(),
            start.format("%H:%M").to_string(),
        );
        if let Some(first) = self.seen.insert(key, c.line()) {
            c.problem(
                "start",
                pick(
                    format!("该场次重复出现（第 {first} 行已有）"),
                    format!("this session appears again (first on line {first})"),
                ),
            );
            return Ok(None);
        }
        let fields = SessionFields {
            date,
            start,
            end,
            topic: c.text("topic").to_string(),
            trainer_id,
            venue: c.text("venue").to_string(),
        };
        if !may_restate(conn, c, &project, &fields)? {
            return Ok(None);
        }
        if !self.bookings.check(conn, c, project.id, &fields)? {
            return Ok(None);
        }
        Ok(Some((c.line(), project, fields)))
    }

    fn plan(self, conn: &Connection, rows: Vec<Row>) -> Result<SessionPlan> {
        let mut plan = SessionPlan {
            steps: Vec::new(),
            unchanged: 0,
            projects: HashMap::new(),
        };
        let mut by_project: HashMap<i64, Vec<Session>> = HashMap::new();
        for (line, project, fields) in rows {
            let project_id = project.id;
            if let Entry::Vacant(e) = by_project.entry(project_id) {
                e.insert(sessions::sessions_of_project(conn, project_id)?);
            }
            let existing = by_project.get(&project_id).and_then(|list| {
                list.iter()
                    .find(|s| s.date == fields.date && s.start == fields.start)
            });
            let (before, fields) = match existing {
                None => (None, fields),
                Some(s) => match merged(s, fields) {
                    Some(after) => (Some(s.clone()), after),
                    None => {
                        plan.unchanged += 1;
                        continue;
                    }
                },
            };
            plan.projects.insert(project_id, project);
            plan.steps.push(Step {
                line,
                project_id,
                before,
                fields,
            });
        }
        Ok(plan)
    }
}

/// The start and end of a row (each None when blank or unreadable, a problem
/// either way; 上午/下午/晚上 give both); None for the whole row when the end
/// is not after the start.
fn times(c: &mut Cells) -> Option<(Option<NaiveTime>, Option<NaiveTime>)> {
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
    if let (Ok(Some(_)), Ok(None)) = (start, end) {
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
            return None;
        }
    }
    Some((start.ok().flatten(), end.ok().flatten()))
}

/// A completed project's sessions are locked: a row may only restate an
/// existing session (same date, start and end); topic, trainer and venue may
/// change. False (a problem of the row) when the row would change the schedule.
fn may_restate(
    conn: &Connection,
    c: &mut Cells,
    project: &Project,
    f: &SessionFields,
) -> Result<bool> {
    if project.completed_at.is_none() {
        return Ok(true);
    }
    let same_times = sessions::sessions_of_project(conn, project.id)?
        .iter()
        .any(|s| s.date == f.date && s.start == f.start && s.end == f.end);
    if same_times {
        return Ok(true);
    }
    match crate::ops::projects::refuse_if_completed(project, crate::ops::projects::Locked::Sessions)
    {
        Ok(()) => Ok(true),
        Err(e) => {
            c.problem("project", e.to_string());
            Ok(false)
        }
    }
}

/// The stored session `s` with a row over it (blank topic, venue and trainer
/// keep the stored ones); None when the row changes nothing.
fn merged(s: &Session, mut after: SessionFields) -> Option<SessionFields> {
    if after.topic.is_empty() {
        after.topic = s.topic.clone();
    }
    if after.venue.is_empty() {
        after.venue = s.venue.clone();
    }
    after.trainer_id = after.trainer_id.or(s.trainer_id);
    let same = s.end == after.end
        && s.topic == after.topic
        && s.venue == after.venue
        && s.trainer_id == after.trainer_id;
    (!same).then_some(after)
}

impl phases::Plan for SessionPlan {
    fn expected(&self) -> Counts {
        let added = self.steps.iter().filter(|s| s.before.is_none()).count();
        Counts::planned(added, self.steps.len(), self.unchanged)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        let mut now: HashMap<i64, Vec<Session>> = HashMap::new();
        for (i, step) in self.steps.iter().enumerate() {
            if let Entry::Vacant(e) = now.entry(step.project_id) {
                let snapshot = self.projects.get(&step.project_id);
                let current = projects::get_project(conn, step.project_id)?;
                if current.as_ref().map(|p| p.completed_at) != snapshot.map(|p| p.completed_at) {
                    let code = snapshot.map_or("", |p| p.code.as_str());
                    return Ok(Err(Stale::new(
                        table,
                        step.line,
                        "project",
                        format!("项目 {code} 刚结业或被删除"),
                        format!("{code} was just completed or deleted"),
                    )));
                }
                e.insert(sessions::sessions_of_project(conn, step.project_id)?);
            }
            let f = &step.fields;
            let current = now
                .get(&step.project_id)
                .and_then(|list| list.iter().find(|s| s.date == f.date && s.start == f.start));
            if current != step.before.as_ref() {
                let when = format!("{} {}", f.date, f.start.format("%H:%M"));
                return Ok(Err(Stale::new(
                    table,
                    step.line,
                    "start",
                    format!("{when} 的场次刚被添加或修改"),
                    format!("the session of {when} was just added or changed"),
                )));
            }
            if let Some(stale) = booked_meanwhile(conn, table, step)? {
                return Ok(Err(stale));
            }
            match &step.before {
                None => {
                    sessions::insert_session(conn, step.project_id, f)?;
                    counts.added += 1;
                }
                Some(s) => {
                    sessions::update_session(conn, s.id, f)?;
                    let after = sessions::get_session(conn, s.id)?.unwrap_or(s.clone());
                    audit_update(
                        conn,
                        ctx,
                        crate::store::audit::Entity::Session,
                        s.id,
                        session_json(s),
                        session_json(&after),
                    )?;
                    counts.updated += 1;
                }
            }
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}

/// The check looked for the trainer's clashes in its snapshot; another desk may have booked
/// the trainer since. Checked again in the write transaction: a session of the trainer that
/// day overlapping the row's (other than the row's own) makes the row stale, so the import
/// starts again from a new snapshot and reports the clash by name.
fn booked_meanwhile(conn: &Connection, table: &Table, step: &Step) -> Result<Option<Stale>> {
    let f = &step.fields;
    let Some(trainer) = f.trainer_id else {
        return Ok(None);
    };
    let own = step.before.as_ref().map(|s| s.id);
    let clash = sessions::trainer_sessions_on(conn, trainer, f.date, own)?
        .into_iter()
        .find(|(o, _)| crate::domain::booking::times_overlap((f.start, f.end), (o.start, o.end)));
    Ok(clash.map(|(o, code)| {
        let (a, b) = (o.start.format("%H:%M"), o.end.format("%H:%M"));
        Stale::new(
            table,
            step.line,
            "trainer",
            format!("讲师刚被安排了 {code} {a}–{b} 的场次"),
            format!("the trainer was just booked for a session of {code} at {a}–{b}"),
        )
    }))
}
