//! Import of schools: `name,township,stage`, matched by name.

use super::driver::Importer;
use super::phases::{self, Stale, Written};
use super::school_ref::{squeeze, SchoolNames};
use super::table::{Column, Table};
use super::values::Cells;
use super::{audit_update, Context, Counts};
use crate::domain::{School, Stage};
use crate::error::Result;
use crate::lang::pick;
use crate::store::schools::{self, SchoolInput};
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("name", "学校", &["学校名称", "名称", "校名", "school"]).required(),
    Column::new(
        "township",
        "乡镇",
        &["街道", "乡镇/街道", "乡镇街道", "所在乡镇", "镇街"],
    ),
    Column::new("stage", "学段", &["类别", "学校类别"]).required(),
];

/// What a schools file will write.
pub(crate) struct Plan {
    steps: Vec<Step>,
    unchanged: usize,
}

enum Step {
    Add {
        line: usize,
        input: SchoolInput,
    },
    Update {
        line: usize,
        before: School,
        input: SchoolInput,
    },
}

/// The schools kind: names seen so far in the file.
pub(crate) struct Schools {
    seen: HashMap<String, usize>,
    keep_township: bool,
}

impl<'t> Importer<'t> for Schools {
    type Row = (usize, SchoolInput);
    type Plan = Plan;

    fn start(_conn: &Connection, table: &'t Table, _ctx: &Context) -> Result<Schools> {
        table.check_required(&[])?;
        Ok(Schools {
            seen: HashMap::new(),
            keep_township: !table.has("township"),
        })
    }

    fn row(&mut self, _conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Self::Row>> {
        let name = c.required("name");
        let stage = c.choice("stage", "stage", Stage::parse, Stage::choices);
        if let Ok(None) = stage {
            c.problem(
                "stage",
                pick(
                    format!("为空（必填；可填：{}）", Stage::choices()),
                    format!("is empty (required; accepted: {})", Stage::choices()),
                ),
            );
        }
        if let Some(n) = name {
            if let Some(first) = self.seen.insert(squeeze(n), c.line()) {
                c.problem(
                    "name",
                    pick(
                        format!("学校“{n}”重复出现（第 {first} 行已有）"),
                        format!("{n} appears again (first on line {first})"),
                    ),
                );
                return Ok(None);
            }
        }
        let (Some(name), Ok(Some(stage))) = (name, stage) else {
            return Ok(None);
        };
        let input = SchoolInput {
            name: name.to_string(),
            township: c.text("township").to_string(),
            stage,
        };
        Ok(Some((c.line(), input)))
    }

    fn plan(self, conn: &Connection, rows: Vec<Self::Row>) -> Result<Plan> {
        let known = SchoolNames::load(conn)?;
        let mut plan = Plan {
            steps: Vec::new(),
            unchanged: 0,
        };
        for (line, mut input) in rows {
            let Some(before) = known.find(&input.name) else {
                plan.steps.push(Step::Add { line, input });
                continue;
            };
            // The stored name stays (a stray space in the file renames nothing).
            input.name = before.name.clone();
            if self.keep_township || input.township.is_empty() {
                input.township = before.township.clone();
            }
            if input.township == before.township && input.stage == before.stage {
                plan.unchanged += 1;
            } else {
                plan.steps.push(Step::Update {
                    line,
                    before: School::clone(before),
                    input,
                });
            }
        }
        Ok(plan)
    }
}

impl phases::Plan for Plan {
    fn expected(&self) -> Counts {
        let added = self
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Add { .. }))
            .count();
        Counts::planned(added, self.steps.len(), self.unchanged)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        // Schools are few: the names are read once, as the check read them.
        let known = SchoolNames::load(conn)?;
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Add { line, input } => {
                    if let Some(s) = known.find(&input.name) {
                        return Ok(Err(Stale::new(
                            table,
                            *line,
                            "name",
                            format!("学校“{}”刚被添加", s.name),
                            format!("{} was just added", s.name),
                        )));
                    }
                    schools::insert(conn, input)?;
                    counts.added += 1;
                }
                Step::Update {
                    line,
                    before,
                    input,
                } => {
                    if known.find(&before.name).map(|s| &**s) != Some(before) {
                        return Ok(Err(Stale::new(
                            table,
                            *line,
                            "name",
                            format!("学校“{}”刚被修改", before.name),
                            format!("{} was just changed", before.name),
                        )));
                    }
                    schools::update(conn, before.id, input)?;
                    let after = schools::get(conn, before.id)?.unwrap_or(before.clone());
                    audit_update(
                        conn,
                        ctx,
                        crate::store::audit::Entity::School,
                        before.id,
                        before.audit_json(),
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
