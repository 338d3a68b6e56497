//! Import of enrolments: `staff_no` (+ `project` column or `--project`),
//! matched by (project, teacher). Re-importing leaves existing enrolments.

use super::driver::Importer;
use super::phases::{self, Stale, Written};
use super::place_limits::PlaceLimits;
use super::project_ref::{fixed_project, no_project_column, project_of};
use super::table::{Column, Table};
use super::teacher_ref::teacher_of;
use super::values::Cells;
use super::{Context, Counts};
use crate::domain::Project;
use crate::error::Result;
use crate::lang::pick;
use crate::store::{enrolments, projects};
use rusqlite::{Connection, OptionalExtension};
use std::collections::hash_map::{Entry, HashMap};

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("staff_no", "工号", &["教师编号", "编号", "职工号"]).required(),
    Column::new("project", "项目编号", &["项目", "code"]),
    Column::new("name", "姓名", &["教师姓名"]),
    Column::new("school", "学校", &["单位", "学校名称"]),
];

/// What an enrolments file will write.
pub(crate) struct EnrolmentPlan {
    /// (line, project as the snapshot showed it, teacher id, staff number)
    steps: Vec<(usize, Project, i64, String)>,
    unchanged: usize,
}

/// A new enrolment: (line, project as the snapshot showed it, teacher id, staff number).
pub(crate) type Row = (usize, Project, i64, String);

/// The enrolments kind: `--project`, projects by code, the enrolments seen so
/// far in the file and how many rows restate one already stored.
pub(crate) struct Enrolments {
    fixed: Option<Project>,
    cache: HashMap<String, Option<Project>>,
    seen: HashMap<(i64, i64), usize>,
    unchanged: usize,
    /// None with `--over-capacity`.
    limits: Option<PlaceLimits>,
}

impl<'t> Importer<'t> for Enrolments {
    type Row = Row;
    type Plan = EnrolmentPlan;

    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Enrolments> {
        let fixed = fixed_project(conn, ctx)?;
        table.check_required(&[])?;
        if fixed.is_none() && !table.has("project") {
            return Err(no_project_column(table));
        }
        Ok(Enrolments {
            fixed,
            cache: HashMap::new(),
            seen: HashMap::new(),
            unchanged: 0,
            limits: (!ctx.opts.over_capacity).then(PlaceLimits::default),
        })
    }

    fn row(&mut self, conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        let project = project_of(conn, c, self.fixed.as_ref(), &mut self.cache)?;
        let teacher = teacher_of(conn, c)?;
        let (Some(project), Some(teacher)) = (project, teacher) else {
            return Ok(None);
        };
        if let Some(first) = self.seen.insert((project.id, teacher.id), c.line()) {
            c.problem(
                "staff_no",
                pick(
                    format!("工号 {} 重复出现（第 {first} 行已有）", teacher.staff_no),
                    format!("{} appears again (first on line {first})", teacher.staff_no),
                ),
            );
            return Ok(None);
        }
        if enrolments::is_enrolled(conn, project.id, teacher.id)? {
            self.unchanged += 1;
            return Ok(None);
        }
        if !teacher.status.is_active() {
            let (zh, en) = crate::ops::check_in::refusal::out_of_service(teacher.status);
            c.problem(
                "staff_no",
                pick(
                    format!("{} {} {zh}，不能报名", teacher.staff_no, teacher.name),
                    format!(
                        "{} {} is {en} and cannot be enrolled",
                        teacher.staff_no, teacher.name
                    ),
                ),
            );
            return Ok(None);
        }
        // A completed project's enrolment list is locked; restating an enrolment is fine.
        if let Err(e) = crate::ops::projects::refuse_if_completed(
            &project,
            crate::ops::projects::Locked::Enrolments,
        ) {
            c.problem("project", e.message());
            return Ok(None);
        }
        if let Some(limits) = &mut self.limits {
            limits.count(conn, c, &project, teacher.school_id)?;
        }
        Ok(Some((c.line(), project, teacher.id, teacher.staff_no)))
    }

    fn plan(self, _conn: &Connection, steps: Vec<Row>) -> Result<EnrolmentPlan> {
        Ok(EnrolmentPlan {
            steps,
            unchanged: self.unchanged,
        })
    }
}

impl phases::Plan for EnrolmentPlan {
    fn expected(&self) -> Counts {
        Counts {
            added: self.steps.len(),
            unchanged: self.unchanged,
            ..Counts::default()
        }
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        let mut open: HashMap<i64, bool> = HashMap::new();
        for (i, (line, project, teacher_id, staff_no)) in self.steps.iter().enumerate() {
            // A project completed meanwhile locks its list.
            if let Entry::Vacant(e) = open.entry(project.id) {
                let now = projects::get_project(conn, project.id)?;
                e.insert(now.is_some_and(|p| p.completed_at.is_none()));
            }
            let code = &project.code;
            if open.get(&project.id) != Some(&true) {
                return Ok(Err(Stale::new(
                    table,
                    *line,
                    "project",
                    format!("项目 {code} 刚结业"),
                    format!("{code} was just completed"),
                )));
            }
            if !enrolments::enrol(conn, project.id, *teacher_id, ctx.now, false)? {
                return Ok(Err(Stale::new(
                    table,
                    *line,
                    "staff_no",
                    format!("工号 {staff_no} 刚被报名 {code}"),
                    format!("{staff_no} was just enrolled in {code}"),
                )));
            }
            if !ctx.opts.over_capacity {
                if let Some(stale) =
                    places_taken_meanwhile(conn, table, *line, project.id, *teacher_id)?
                {
                    return Ok(Err(stale));
                }
            }
            counts.added += 1;
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}

/// The check counted places in its snapshot; another desk may have enrolled teachers (or
/// lowered the places) since. Checked again in the write transaction, after the row is
/// written: a school past its places or the project past its capacity now is a stale row,
/// so the import starts again from a new snapshot and reports the row as refused.
fn places_taken_meanwhile(
    conn: &Connection,
    table: &Table,
    line: usize,
    project_id: i64,
    teacher_id: i64,
) -> Result<Option<Stale>> {
    use crate::domain::allotment::beyond;
    use crate::store::allotments;
    let school: Option<i64> = conn
        .prepare_cached(
            "SELECT school_id FROM enrolments WHERE project_id = ?1 AND teacher_id = ?2",
        )?
        .query_row([project_id, teacher_id], |r| r.get(0))
        .optional()?;
    let capacity = projects::get_project(conn, project_id)?.and_then(|p| p.capacity);
    let total = allotments::enrolled_total(conn, project_id)?;
    let over_school = match school {
        Some(s) => beyond(
            allotments::places(conn, project_id, s)?,
            allotments::enrolled_from(conn, project_id, s)?,
        ),
        None => false,
    };
    if !over_school && !beyond(capacity, total) {
        return Ok(None);
    }
    Ok(Some(Stale::new(
        table,
        line,
        "staff_no",
        "名额刚被其他报名占满".into(),
        "the places were just taken by other enrolments".into(),
    )))
}
