//! The plan's targets as an export, one row per figure (a long table for pivots): the
//! district's count against each target, the count at each year's end (trend), and the counts
//! by school and by subject (`ops::targets::report`).

use super::sheet::{col, Cell, Col};
use super::{Export, Sheet};
use crate::domain::TargetKind;
use crate::error::Result;
use crate::ops::targets::{counted_kinds, report, GroupLine};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

const COLUMNS: &[Col] = &[
    col("what", "目标"),
    col("scope", "范围"),
    col("name", "学校/学科"),
    col("year", "年份"),
    col("target", "目标人数"),
    col("count", "人数"),
];

/// (code, Chinese) of each scope.
const DISTRICT: (&str, &str) = ("district", "全区");
const YEAR_END: (&str, &str) = ("year_end", "年末");
const SCHOOL: (&str, &str) = ("school", "学校");
const SUBJECT: (&str, &str) = ("subject", "学科");

struct Rows {
    sheet: Sheet,
    json: Vec<serde_json::Value>,
}

impl Rows {
    fn push(
        &mut self,
        what: TargetKind,
        scope: (&'static str, &'static str),
        name: &str,
        year: Option<i32>,
        target: Option<i64>,
        count: Option<i64>,
    ) {
        self.json.push(json!({
            "what": what.code(), "scope": scope.0, "name": name, "year": year,
            "target": target, "count": count,
        }));
        let int = |v: Option<i64>| v.map_or(Cell::Empty, Cell::Int);
        self.sheet.rows.push(vec![
            Cell::Code(what.code(), what.zh()),
            Cell::Code(scope.0, scope.1),
            Cell::text(name.to_string()),
            int(year.map(i64::from)),
            int(target),
            int(count),
        ]);
    }

    fn groups(&mut self, scope: (&'static str, &'static str), groups: &[GroupLine], year: i32) {
        for g in groups {
            for (what, n) in counted_kinds().into_iter().zip(&g.counts) {
                self.push(what, scope, &g.name, Some(year), None, Some(*n));
            }
        }
    }
}

pub(super) fn targets(conn: &Connection, today: NaiveDate) -> Result<Export> {
    let r = report(conn, today)?;
    let mut rows = Rows {
        sheet: Sheet::new("目标任务".to_string(), COLUMNS),
        json: Vec::new(),
    };
    for l in &r.lines {
        let (year, target) = (l.target.map(|t| t.0), l.target.map(|t| t.1));
        rows.push(l.what, DISTRICT, "", year, target, l.count);
    }
    for (year, counts) in &r.trend {
        for (what, n) in counted_kinds().into_iter().zip(counts) {
            rows.push(what, YEAR_END, "", Some(*year), None, Some(*n));
        }
    }
    rows.groups(SCHOOL, &r.by_school, today.year());
    rows.groups(SUBJECT, &r.by_subject, today.year());
    Ok(Export {
        sheet: rows.sheet,
        json: rows.json.into(),
    })
}
