//! `export trainers`: the Starlight corps, one row per trainer — status, the six levels,
//! selection and exit, sessions delivered (held by now, docs/rules.md §4.8) and the load of
//! the current term and year.

use super::sheet::{col, Cell, Col, Sheet};
use super::Export;
use crate::domain::starlight::term_of;
use crate::domain::{Competency, DATE_FMT};
use crate::error::Result;
use crate::store::{trainer_life, trainer_list};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde_json::json;

const TRAINERS: &[Col] = &[
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校/单位"),
    col("status", "状态"),
    col("design", "能设计"),
    col("organize", "能组织"),
    col("teach", "能教学"),
    col("guide", "能指导"),
    col("evaluate", "能评价"),
    col("research", "能研究"),
    col("selected_on", "遴选日期"),
    col("selection_note", "遴选依据"),
    col("joined_on", "认定日期"),
    col("exited_on", "退出日期"),
    col("exit_reason", "退出原因"),
    col("sessions_delivered", "已授课场次"),
    col("term_sessions", "本学期场次"),
    col("term_hours", "本学期课时"),
    col("year_sessions", "本年场次"),
    col("year_hours", "本年课时"),
];

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format(DATE_FMT).to_string())
        .unwrap_or_default()
}

/// Every trainer as of `now`.
pub fn trainers(conn: &Connection, now: NaiveDateTime) -> Result<Export> {
    let today = now.date();
    let (term_from, term_to) = term_of(today);
    let year_from = today.with_ordinal(1).unwrap_or(today);
    let year_to = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let mut sheet = Sheet::new("星光讲师团".to_string(), TRAINERS);
    let mut json = Vec::new();
    for l in trainer_list::trainer_lines(conn, now)? {
        let t = &l.trainer;
        let life = trainer_life::life_cycle(conn, t.id)?.unwrap_or_default();
        let term = trainer_life::load(conn, t.id, term_from, term_to)?;
        let year = trainer_life::load(conn, t.id, year_from, year_to)?;
        let levels: serde_json::Map<String, serde_json::Value> = Competency::ALL
            .iter()
            .zip(t.levels)
            .map(|(c, l)| (c.code().to_string(), l.into()))
            .collect();
        json.push(json!({
            "staff_no": l.staff_no, "name": t.name, "school": l.school, "status": t.status.code(),
            "levels": levels, "selected_on": life.selected_on.map(|d| day(Some(d))),
            "selection_note": life.selection_note, "joined_on": t.joined_on.map(|d| day(Some(d))),
            "exited_on": life.exited_on.map(|d| day(Some(d))), "exit_reason": life.exit_reason,
            "sessions_delivered": l.sessions_taught,
            "term": {"sessions": term.sessions, "hours": term.hours},
            "year": {"sessions": year.sessions, "hours": year.hours},
        }));
        let mut row = vec![
            Cell::Text(l.staff_no.clone().unwrap_or_default()),
            Cell::Text(t.name.clone()),
            Cell::Text(l.school.clone()),
            Cell::Code(t.status.code(), t.status.zh()),
        ];
        row.extend(t.levels.iter().map(|l| Cell::Int(i64::from(*l))));
        row.extend([
            Cell::Text(day(life.selected_on)),
            Cell::Text(life.selection_note),
            Cell::Text(day(t.joined_on)),
            Cell::Text(day(life.exited_on)),
            Cell::Text(life.exit_reason),
            Cell::Int(l.sessions_taught),
            Cell::Int(term.sessions),
            Cell::Num(term.hours),
            Cell::Int(year.sessions),
            Cell::Num(year.hours),
        ]);
        sheet.rows.push(row);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}
