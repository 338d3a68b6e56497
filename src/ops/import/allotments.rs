//! Import of allotments (名额分配): `project,school,places`, matched by (project, school).
//! An unknown project or school refuses the file with its line; re-importing the same
//! places changes nothing.

use super::driver::Importer;
use super::phases::{self, Stale, Written};
use super::project_ref::project_of;
use super::school_ref::SchoolNames;
use super::table::{Column, Table};
use super::values::Cells;
use super::{audit_update, suggest, Context, Counts};
use crate::domain::Project;
use crate::error::Result;
use crate::lang::pick;
use crate::store::allotments;
use crate::store::audit::Entity;
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("project", "项目编号", &["项目", "code"]).required(),
    Column::new("school", "学校", &["学校名称", "单位", "送培学校"]).required(),
    Column::new("places", "名额", &["分配名额", "名额数", "人数"]).required(),
];

/// One school's places in one project: the line, the project, the school (id, name),
/// the places stored in the snapshot and the places of the file.
pub(crate) struct Row {
    line: usize,
    project: Project,
    school: (i64, String),
    before: Option<i64>,
    places: i64,
}

/// What an allotments file will write.
pub(crate) struct Plan {
    steps: Vec<Row>,
    unchanged: usize,
}

/// The allotments kind: projects by code, schools by name, pairs seen so far.
pub(crate) struct Allotments {
    projects: HashMap<String, Option<Project>>,
    schools: SchoolNames,
    hints: suggest::Hints,
    seen: HashMap<(i64, i64), usize>,
    unchanged: usize,
}

impl<'t> Importer<'t> for Allotments {
    type Row = Row;
    type Plan = Plan;

    fn start(conn: &Connection, table: &'t Table, _ctx: &Context) -> Result<Allotments> {
        table.check_required(&[])?;
        Ok(Allotments {
            projects: HashMap::new(),
            schools: SchoolNames::load(conn)?,
            hints: suggest::Hints::default(),
            seen: HashMap::new(),
            unchanged: 0,
        })
    }

    fn row(&mut self, conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        let project = project_of(conn, c, None, &mut self.projects)?;
        let school = c.required("school").and_then(|s| {
            if let Some(found) = self.schools.find(s) {
                return Some((found.id, found.name.clone()));
            }
            let hint = self
                .hints
                .hint(s, self.schools.exact.keys().map(String::as_str));
            c.problem(
                "school",
                pick(
                    format!("未知学校“{s}”{}", hint.zh),
                    format!("'{s}' is not a known school{}", hint.en),
                ),
            );
            None
        });
        let places = if c.text("places").is_empty() {
            c.problem("places", pick("为空（必填）", "is empty (required)"));
            None
        } else {
            c.integer("places", 0, 1_000_000).ok().flatten()
        };
        let (Some(project), Some(school), Some(places)) = (project, school, places) else {
            return Ok(None);
        };
        if let Some(first) = self.seen.insert((project.id, school.0), c.line()) {
            c.problem(
                "school",
                pick(
                    format!(
                        "{} 在 {} 重复出现（第 {first} 行已有）",
                        school.1, project.code
                    ),
                    format!(
                        "{} appears again for {} (first on line {first})",
                        school.1, project.code
                    ),
                ),
            );
            return Ok(None);
        }
        let before = allotments::places(conn, project.id, school.0)?;
        if before == Some(places) {
            self.unchanged += 1;
            return Ok(None);
        }
        Ok(Some(Row {
            line: c.line(),
            project,
            school,
            before,
            places,
        }))
    }

    fn plan(self, _conn: &Connection, steps: Vec<Row>) -> Result<Plan> {
        Ok(Plan {
            steps,
            unchanged: self.unchanged,
        })
    }
}

impl phases::Plan for Plan {
    fn expected(&self) -> Counts {
        let added = self.steps.iter().filter(|s| s.before.is_none()).count();
        Counts::planned(added, self.steps.len(), self.unchanged)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        for (i, s) in self.steps.iter().enumerate() {
            let (school_id, name) = (&s.school.0, &s.school.1);
            if allotments::places(conn, s.project.id, *school_id)? != s.before {
                return Ok(Err(Stale::new(
                    table,
                    s.line,
                    "places",
                    format!("{name} 在 {} 的名额刚被修改", s.project.code),
                    format!("{name}'s places in {} were just changed", s.project.code),
                )));
            }
            allotments::set(conn, s.project.id, *school_id, Some(s.places))?;
            if let Some(before) = s.before {
                counts.updated += 1;
                audit_update(
                    conn,
                    ctx,
                    Entity::Project,
                    s.project.id,
                    serde_json::json!({ "allotments": { school_id.to_string(): before } }),
                    serde_json::json!({ "code": s.project.code,
                                        "allotments": { school_id.to_string(): s.places } }),
                )?;
            } else {
                counts.added += 1;
            }
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}
