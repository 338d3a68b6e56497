//! `export survey`: every needs-survey answer, one row each (topics joined by ┋).

use super::sheet::{col, Cell, Col, Sheet};
use super::Export;
use crate::error::Result;
use crate::store::survey_rows::answers;
use rusqlite::Connection;
use serde_json::json;

const SURVEY: &[Col] = &[
    col("survey", "调研"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("school", "学校"),
    col("subject", "学科"),
    col("stage", "学段"),
    col("form", "培训形式"),
    col("topics", "希望的培训主题"),
    col("submitted_at", "提交时间"),
];

pub(super) fn survey(conn: &Connection) -> Result<Export> {
    let found = answers(conn)?;
    let mut sheet = Sheet::new("训前调研", SURVEY);
    let mut doc = Vec::with_capacity(found.len());
    for r in found {
        doc.push(json!({
            "survey": r.survey, "staff_no": r.staff_no, "name": r.name, "school": r.school,
            "subject": r.subject, "stage": r.stage, "form": r.form, "topics": r.topics,
            "submitted_at": r.submitted_at,
        }));
        sheet.rows.push(
            [
                r.survey,
                r.staff_no,
                r.name,
                r.school,
                r.subject,
                r.stage,
                r.form,
                r.topics,
                r.submitted_at,
            ]
            .into_iter()
            .map(Cell::Text)
            .collect(),
        );
    }
    Ok(Export {
        sheet,
        json: doc.into(),
    })
}
