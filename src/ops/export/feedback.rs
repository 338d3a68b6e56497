//! `export feedback [--project CODE]`: every trainee's feedback, one row each.

use super::sheet::{col, Cell, Col, Sheet};
use super::{Export, Scope};
use crate::error::Result;
use crate::store::feedback::rows;
use rusqlite::Connection;
use serde_json::json;

const FEEDBACK: &[Col] = &[
    col("project", "项目编号"),
    col("session", "场次"),
    col("staff_no", "工号"),
    col("name", "姓名"),
    col("trainer", "授课教师"),
    col("content", "内容评分"),
    col("trainer_rating", "授课评分"),
    col("organisation", "组织评分"),
    col("comment", "意见建议"),
    col("submitted_at", "提交时间"),
    col("source", "来源"),
];

pub(super) fn feedback(conn: &Connection, scope: &Scope) -> Result<Export> {
    let found = rows(conn, scope.project_id())?;
    let mut sheet = Sheet::new("培训反馈", FEEDBACK);
    let mut doc = Vec::with_capacity(found.len());
    let rating = |r: Option<u8>| r.map(|v| Cell::Int(i64::from(v))).unwrap_or(Cell::Empty);
    for r in found {
        doc.push(json!({
            "project": r.project, "session": r.session, "staff_no": r.staff_no,
            "name": r.teacher, "trainer": r.trainer, "content": r.ratings[0],
            "trainer_rating": r.ratings[1], "organisation": r.ratings[2],
            "comment": r.comment, "submitted_at": r.submitted_at, "source": r.source,
        }));
        sheet.rows.push(vec![
            Cell::Text(r.project),
            Cell::Text(r.session),
            Cell::Text(r.staff_no),
            Cell::Text(r.teacher),
            Cell::Text(r.trainer),
            rating(r.ratings[0]),
            rating(r.ratings[1]),
            rating(r.ratings[2]),
            Cell::Text(r.comment),
            Cell::Text(r.submitted_at),
            Cell::Text(r.source),
        ]);
    }
    Ok(Export {
        sheet,
        json: doc.into(),
    })
}
