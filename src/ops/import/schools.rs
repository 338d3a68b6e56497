//! Import of schools: `name,township,stage`, matched by name.

use super::school_ref::{squeeze, SchoolNames};
use super::table::{Column, Problems, Table};
use super::values::Cells;
use super::{audit_update, Context, Counts, Outcome};
use crate::domain::Stage;
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

pub(crate) fn run(conn: &Connection, table: &Table, ctx: &Context) -> Result<Counts> {
    table.check_required(&[])?;
    let mut problems = Problems::default();
    let mut rows: Vec<SchoolInput> = Vec::with_capacity(table.records.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in &table.records {
        let mut c = Cells {
            table,
            record,
            problems: &mut problems,
        };
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
            if let Some(first) = seen.insert(squeeze(n), c.line()) {
                c.problem(
                    "name",
                    pick(
                        format!("学校“{n}”重复出现（第 {first} 行已有）"),
                        format!("{n} appears again (first on line {first})"),
                    ),
                );
                continue;
            }
        }
        if let (Some(name), Ok(Some(stage))) = (name, stage) {
            rows.push(SchoolInput {
                name: name.to_string(),
                township: c.text("township").to_string(),
                stage,
            });
        }
    }
    problems.into_result()?;
    let known = SchoolNames::load(conn)?;
    let mut counts = Counts::default();
    let keep_township = !table.has("township");
    for (i, row) in rows.iter().enumerate() {
        let outcome = match known.find(&row.name) {
            None => {
                schools::insert(conn, row)?;
                Outcome::Added
            }
            Some(before) => {
                let mut row = row.clone();
                // The stored name stays (a stray space in the file renames nothing).
                row.name = before.name.clone();
                if keep_township || row.township.is_empty() {
                    row.township = before.township.clone();
                }
                if row.township == before.township && row.stage == before.stage {
                    Outcome::Unchanged
                } else {
                    schools::update(conn, before.id, &row)?;
                    let after = schools::get(conn, before.id)?.unwrap_or(before.clone());
                    audit_update(
                        conn,
                        ctx,
                        "school",
                        before.id,
                        before.audit_json(),
                        after.audit_json(),
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
