//! Import of Starlight trainers: a district teacher by `staff_no`, or an
//! external expert by `name`; `status` and the six competency levels 0–3.
//! Matched by teacher (staff number) or, for externals, by name.

use super::phases::{self, Stale, Written};
use super::table::{Column, Problems, Table};
use super::values::Cells;
use super::{audit_update, Context, Counts};
use crate::domain::{Competency, Trainer, TrainerStatus};
use crate::error::Result;
use crate::lang::pick;
use crate::store::teachers;
use crate::store::trainers::{self, TrainerInput};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("staff_no", "工号", &["教师编号", "编号", "职工号"]),
    Column::new("name", "姓名", &["讲师", "讲师姓名", "专家"]),
    Column::new("affiliation", "单位", &["工作单位", "所在单位", "学校"]),
    Column::new("status", "状态", &["讲师状态"]),
    Column::new("design", "设计", &["能设计"]),
    Column::new("organize", "组织", &["能组织", "organise"]),
    Column::new("teach", "教学", &["能教学"]),
    Column::new("guide", "指导", &["能指导"]),
    Column::new("evaluate", "评价", &["能评价"]),
    Column::new("research", "研究", &["能研究"]),
    Column::new("joined_on", "加入日期", &["入库日期", "认定日期", "joined"]),
];

enum Key {
    Teacher(i64, String),
    External(String),
}

struct Row {
    line: usize,
    key: Key,
    affiliation: Option<String>,
    status: Option<TrainerStatus>,
    levels: [Option<u8>; 6],
    joined_on: Option<NaiveDate>,
}

/// What a trainers file will write.
pub(crate) struct Plan {
    steps: Vec<Step>,
    unchanged: usize,
}

struct Step {
    line: usize,
    /// The trainer as the snapshot showed it; None to add one.
    before: Option<Trainer>,
    input: TrainerInput,
}

pub(crate) fn check(conn: &Connection, table: &Table, ctx: &Context) -> Result<Plan> {
    if !table.has("staff_no") && !table.has("name") {
        table.check_required(&[])?;
        return Err(crate::Error::invalid(pick(
            format!(
                "line {}: 表头需要有工号（staff_no）列或姓名（name）列",
                table.header_line
            ),
            format!(
                "line {}: the header needs a staff_no (工号) or a name (姓名) column",
                table.header_line
            ),
        )));
    }
    let mut problems = Problems::default();
    let mut rows = Vec::with_capacity(table.records.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in &table.records {
        let mut c = Cells {
            table,
            record,
            problems: &mut problems,
        };
        let staff_no = c.text("staff_no");
        let name = c.text("name");
        let key = if !staff_no.is_empty() {
            match teachers::by_staff_no(conn, staff_no)? {
                Some(t) => Some(Key::Teacher(t.id, t.name)),
                None => {
                    c.problem(
                        "staff_no",
                        pick(
                            format!("工号 {staff_no} 不是已有教师（请先导入教师；外聘专家请留空）"),
                            format!("{staff_no} is not a known teacher (import teachers first, or leave it blank for an external expert)"),
                        ),
                    );
                    None
                }
            }
        } else if !name.is_empty() {
            Some(Key::External(name.to_string()))
        } else {
            c.problem(
                "name",
                pick(
                    "为空（区内教师请填工号，外聘专家请填姓名）",
                    "is empty (give a staff_no for a district teacher or a name for an external expert)",
                ),
            );
            None
        };
        let seen_key = if staff_no.is_empty() {
            format!("name:{name}")
        } else {
            format!("staff_no:{}", crate::domain::canonical_staff_no(staff_no))
        };
        if key.is_some() {
            if let Some(first) = seen.insert(seen_key, c.line()) {
                let column = if staff_no.is_empty() {
                    "name"
                } else {
                    "staff_no"
                };
                c.problem(
                    column,
                    pick(
                        format!("该讲师重复出现（第 {first} 行已有）"),
                        format!("this trainer appears again (first on line {first})"),
                    ),
                );
            }
        }
        let status = c.choice(
            "status",
            "trainer status",
            TrainerStatus::parse,
            TrainerStatus::choices,
        );
        let mut levels = [None; 6];
        let mut levels_ok = true;
        for (slot, competency) in levels.iter_mut().zip(Competency::ALL) {
            match c.integer(competency.code(), 0, 3) {
                Ok(v) => *slot = v.map(|v| v as u8),
                Err(()) => levels_ok = false,
            }
        }
        let joined_on = c.date("joined_on");
        let affiliation = c.text("affiliation");
        if let (Some(key), Ok(status), true, Ok(joined_on)) = (key, status, levels_ok, joined_on) {
            rows.push(Row {
                line: c.line(),
                key,
                affiliation: (!affiliation.is_empty()).then(|| affiliation.to_string()),
                status,
                levels,
                joined_on,
            });
        }
    }
    problems.into_result()?;

    let mut plan = Plan {
        steps: Vec::new(),
        unchanged: 0,
    };
    for row in rows {
        let (teacher_id, name) = match &row.key {
            Key::Teacher(id, name) => (Some(*id), name.clone()),
            Key::External(name) => (None, name.clone()),
        };
        let before = match teacher_id {
            Some(id) => trainers::by_teacher(conn, id)?,
            None => trainers::external_by_name(conn, &name)?,
        };
        let mut input = match &before {
            Some(b) => TrainerInput::from_trainer(b),
            None => TrainerInput {
                teacher_id,
                name: name.clone(),
                affiliation: String::new(),
                status: TrainerStatus::Candidate,
                levels: [0; 6],
                joined_on: Some(ctx.now.date()),
            },
        };
        input.name = name;
        if let Some(a) = &row.affiliation {
            input.affiliation = a.clone();
        }
        if let Some(s) = row.status {
            input.status = s;
        }
        for (slot, level) in input.levels.iter_mut().zip(row.levels) {
            if let Some(l) = level {
                *slot = l;
            }
        }
        if row.joined_on.is_some() {
            input.joined_on = row.joined_on;
        }
        if before
            .as_ref()
            .is_some_and(|b| TrainerInput::from_trainer(b) == input)
        {
            plan.unchanged += 1;
        } else {
            plan.steps.push(Step {
                line: row.line,
                before,
                input,
            });
        }
    }
    Ok(plan)
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
        for (i, step) in self.steps.iter().enumerate() {
            let now = match (step.input.teacher_id, &step.before) {
                (_, Some(b)) => trainers::get(conn, b.id)?,
                (Some(id), None) => trainers::by_teacher(conn, id)?,
                (None, None) => trainers::external_by_name(conn, &step.input.name)?,
            };
            if now != step.before {
                let column = if table.has("staff_no") && step.input.teacher_id.is_some() {
                    "staff_no"
                } else {
                    "name"
                };
                let name = &step.input.name;
                let (zh, en) = match step.before {
                    None => (
                        format!("讲师 {name} 刚被添加"),
                        format!("trainer {name} was just added"),
                    ),
                    Some(_) => (
                        format!("讲师 {name} 刚被修改"),
                        format!("trainer {name} was just changed"),
                    ),
                };
                return Ok(Err(Stale::new(table, step.line, column, zh, en)));
            }
            match &step.before {
                None => {
                    trainers::insert(conn, &step.input)?;
                    counts.added += 1;
                }
                Some(b) => {
                    trainers::update(conn, b, &step.input)?;
                    let after = trainers::get(conn, b.id)?.unwrap_or(b.clone());
                    audit_update(
                        conn,
                        ctx,
                        crate::store::audit::Entity::Trainer,
                        b.id,
                        b.audit_json(),
                        after.audit_json(),
                    )?;
                    counts.updated += 1;
                }
            }
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}
