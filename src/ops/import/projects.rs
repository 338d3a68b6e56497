//! Import of projects:
//! `code,title,level,plan,concentrated,credits,start_date,end_date,venue,capacity`
//! (and `threshold_pct`, `veto_scope`, and the training metadata of `project_meta`), matched
//! by code.

use super::driver::Importer;
use super::phases::{self, Stale, Written};
use super::project_meta;
use super::table::{Column, Table};
use super::values::Cells;
use super::{audit_update, Context, Counts};
use crate::domain::veto::default_veto_scope;
use crate::domain::{Level, Plan, Project};
use crate::error::Result;
use crate::lang::pick;
use crate::store::projects::{self, ProjectFields};
use crate::store::settings;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("code", "项目编号", &["编号", "项目代码", "代码", "project"]).required(),
    Column::new("title", "项目名称", &["名称", "项目", "培训项目"]).required(),
    Column::new("level", "级别", &["培训级别", "项目级别"]).required(),
    Column::new("plan", "计划", &["所属计划", "行动计划", "七项计划"]).required(),
    Column::new(
        "concentrated",
        "集中培训",
        &["是否集中培训", "集中", "脱产"],
    ),
    Column::new("credits", "学分", &[]),
    Column::new("start_date", "开始日期", &["开始", "起始日期"]).required(),
    Column::new("end_date", "结束日期", &["结束", "截止日期"]).required(),
    Column::new("venue", "地点", &["培训地点", "场地"]),
    Column::new("capacity", "容量", &["名额", "人数", "计划人数"]),
    Column::new("threshold_pct", "完成标准", &["出勤要求", "threshold"]),
    Column::new("veto_scope", "计入一票否决", &["一票否决", "否决范围"]),
    project_meta::COLUMNS[0],
    project_meta::COLUMNS[1],
    project_meta::COLUMNS[2],
    project_meta::COLUMNS[3],
    project_meta::COLUMNS[4],
];

/// What a projects file will write.
pub(crate) struct ProjectPlan {
    steps: Vec<Step>,
    unchanged: usize,
}

struct Step {
    line: usize,
    /// The project as the snapshot showed it; None to add one.
    before: Option<Project>,
    fields: ProjectFields,
}

/// A valid row: the fields it gives, and which optional cells were filled in
/// (concentrated, credits, capacity, threshold, veto scope).
pub(crate) type Row = (usize, ProjectFields, [bool; 5], project_meta::MetaCells);

/// The projects kind: codes seen so far in the file.
pub(crate) struct Projects {
    default_threshold: i64,
    seen: HashMap<String, usize>,
}

impl<'t> Importer<'t> for Projects {
    type Row = Row;
    type Plan = ProjectPlan;

    fn start(conn: &Connection, table: &'t Table, _ctx: &Context) -> Result<Projects> {
        table.check_required(&[])?;
        Ok(Projects {
            default_threshold: settings::load(conn)?.default_threshold_pct,
            seen: HashMap::new(),
        })
    }

    fn row(&mut self, _conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        let code = c.identifier("code");
        if let Some(code) = code {
            if let Some(first) = self.seen.insert(code.to_lowercase(), c.line()) {
                c.problem(
                    "code",
                    pick(
                        format!("项目编号 {code} 重复出现（第 {first} 行已有）"),
                        format!("{code} appears again (first on line {first})"),
                    ),
                );
            }
        }
        let title = c.required("title");
        let level = required_choice(c, "level", "level", Level::parse, Level::choices);
        let plan = required_choice(c, "plan", "plan", Plan::parse, Plan::choices);
        let concentrated = c.boolean("concentrated");
        let credits = c.amount("credits");
        let Some((start, end)) = dates(c) else {
            return Ok(None);
        };
        let capacity = c.integer("capacity", 0, 1_000_000);
        let threshold = c.integer("threshold_pct", 1, 100);
        let veto_scope = c.boolean("veto_scope");
        let meta = project_meta::read(c);
        let (
            Some(code),
            Some(title),
            Some(level),
            Some(plan),
            Ok(concentrated),
            Ok(credits),
            Some(start),
            Some(end),
            Ok(capacity),
            Ok(threshold),
            Ok(veto_scope),
            Ok(meta),
        ) = (
            code,
            title,
            level,
            plan,
            concentrated,
            credits,
            start,
            end,
            capacity,
            threshold,
            veto_scope,
            meta,
        )
        else {
            return Ok(None);
        };
        let given = [
            concentrated.is_some(),
            credits.is_some(),
            capacity.is_some(),
            threshold.is_some(),
            veto_scope.is_some(),
        ];
        let concentrated = concentrated.unwrap_or(true);
        let fields = ProjectFields {
            code: code.to_string(),
            title: title.to_string(),
            level,
            plan,
            concentrated,
            credits: credits.unwrap_or(0.0),
            start_date: start,
            end_date: end,
            venue: c.text("venue").to_string(),
            capacity,
            threshold_pct: threshold.unwrap_or(self.default_threshold),
            veto_scope: veto_scope.unwrap_or(default_veto_scope(concentrated)),
            meta: project_meta::merge(Default::default(), meta),
        };
        Ok(Some((c.line(), fields, given, meta)))
    }

    fn plan(self, conn: &Connection, rows: Vec<Row>) -> Result<ProjectPlan> {
        let mut plan = ProjectPlan {
            steps: Vec::new(),
            unchanged: 0,
        };
        for (line, fields, given, meta) in rows {
            let Some(p) = projects::project_by_code(conn, &fields.code)? else {
                plan.steps.push(Step {
                    line,
                    before: None,
                    fields,
                });
                continue;
            };
            let mut after = merged(&p, fields, given);
            after.meta = project_meta::merge(p.meta, meta);
            if after == ProjectFields::from(&p) {
                plan.unchanged += 1;
                continue;
            }
            // A completed project keeps the facts its credits were granted on.
            crate::ops::projects::refuse_locked_fields(&p, &after, false)?;
            plan.steps.push(Step {
                line,
                before: Some(p),
                fields: after,
            });
        }
        Ok(plan)
    }
}

/// The start and end dates of a row (each None when blank or unreadable, a
/// problem either way); None for the whole row when the end is before the start.
fn dates(c: &mut Cells) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let start = c.date("start_date");
    let end = c.date("end_date");
    if let Ok(None) = start {
        c.problem("start_date", pick("为空（必填）", "is empty (required)"));
    }
    if let Ok(None) = end {
        c.problem("end_date", pick("为空（必填）", "is empty (required)"));
    }
    if let (Ok(Some(s)), Ok(Some(e))) = (start, end) {
        if e < s {
            c.problem(
                "end_date",
                pick(
                    format!("{e} 早于开始日期 {s}"),
                    format!("{e} is before the start date {s}"),
                ),
            );
            return None;
        }
    }
    Some((start.ok().flatten(), end.ok().flatten()))
}

/// The stored project `p` with a row's fields over it: cells left blank keep
/// the stored value, and the stored code stays.
fn merged(p: &Project, fields: ProjectFields, given: [bool; 5]) -> ProjectFields {
    let before = ProjectFields::from(p);
    let mut after = fields;
    after.code = p.code.clone();
    if !given[0] {
        after.concentrated = before.concentrated;
    }
    if !given[1] {
        after.credits = before.credits;
    }
    if !given[2] {
        after.capacity = before.capacity;
    }
    if !given[3] {
        after.threshold_pct = before.threshold_pct;
    }
    if !given[4] {
        after.veto_scope = before.veto_scope;
    }
    if after.venue.is_empty() {
        after.venue = before.venue;
    }
    after
}

impl phases::Plan for ProjectPlan {
    fn expected(&self) -> Counts {
        let added = self.steps.iter().filter(|s| s.before.is_none()).count();
        Counts::planned(added, self.steps.len(), self.unchanged)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        for (i, step) in self.steps.iter().enumerate() {
            let code = step.before.as_ref().map_or(&step.fields.code, |p| &p.code);
            if projects::project_by_code(conn, code)? != step.before {
                let (zh, en) = match step.before {
                    None => (
                        format!("项目 {code} 刚被添加"),
                        format!("{code} was just added"),
                    ),
                    Some(_) => (
                        format!("项目 {code} 刚被修改"),
                        format!("{code} was just changed"),
                    ),
                };
                return Ok(Err(Stale::new(table, step.line, "code", zh, en)));
            }
            match &step.before {
                None => {
                    projects::insert_project(conn, &step.fields)?;
                    counts.added += 1;
                }
                Some(p) => {
                    projects::update_project(conn, p.id, &step.fields)?;
                    audit_update(
                        conn,
                        ctx,
                        crate::store::audit::Entity::Project,
                        p.id,
                        fields_json(&ProjectFields::from(p)),
                        fields_json(&step.fields),
                    )?;
                    counts.updated += 1;
                }
            }
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}

fn required_choice<T>(
    c: &mut Cells,
    column: &str,
    what: &str,
    parse: fn(&str) -> Option<T>,
    choices: fn() -> String,
) -> Option<T> {
    match c.choice(column, what, parse, choices) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            c.problem(
                column,
                pick(
                    format!("为空（必填；可填：{}）", choices()),
                    format!("is empty (required; accepted: {})", choices()),
                ),
            );
            None
        }
        Err(()) => None,
    }
}

fn fields_json(f: &ProjectFields) -> serde_json::Value {
    projects::project_json(f, &[])
}
