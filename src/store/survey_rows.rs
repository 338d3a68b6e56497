//! The needs surveys' answers, one row each, for `export survey`.

use crate::error::Result;
use rusqlite::Connection;

/// One teacher's answer to one survey; stage and form are code names ("" when blank), the
/// topics joined by ┋ in name order.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub survey: String,
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub subject: String,
    pub stage: String,
    pub form: String,
    pub topics: String,
    pub submitted_at: String,
}

/// Every answer, newest survey first, then by staff number.
pub fn answers(conn: &Connection) -> Result<Vec<AnswerRow>> {
    Ok(conn
        .prepare(
            "SELECT v.title, t.staff_no, t.name, s.name, r.subject, ifnull(r.stage, ''),
                    ifnull(r.form, ''),
                    ifnull((SELECT group_concat(topic, '┋') FROM (SELECT topic FROM survey_topics
                              WHERE response_id = r.id ORDER BY topic)), ''),
                    r.submitted_at
             FROM survey_responses r JOIN surveys v ON v.id = r.survey_id
             JOIN teachers t ON t.id = r.teacher_id JOIN schools s ON s.id = t.school_id
             ORDER BY v.held_on DESC, v.id DESC, t.staff_no",
        )?
        .query_map([], |r| {
            Ok(AnswerRow {
                survey: r.get(0)?,
                staff_no: r.get(1)?,
                name: r.get(2)?,
                school: r.get(3)?,
                subject: r.get(4)?,
                stage: r.get(5)?,
                form: r.get(6)?,
                topics: r.get(7)?,
                submitted_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
