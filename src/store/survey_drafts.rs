//! The draft projects made from a needs survey's topic (`survey_drafts`): the audience they
//! were made for, so that the project's page can show it and a topic is not drafted twice.

use super::surveys::decode;
use crate::domain::Stage;
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// A draft project made from a survey's topic, with the audience it was made for.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub project_id: i64,
    pub survey_id: i64,
    pub topic: String,
    pub subject: String,
    pub stage: Option<Stage>,
    pub asked: i64,
}

pub fn insert_draft(conn: &Connection, d: &Draft) -> Result<()> {
    conn.execute(
        "INSERT INTO survey_drafts (project_id, survey_id, topic, subject, stage, asked)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            d.project_id,
            d.survey_id,
            d.topic,
            d.subject,
            d.stage.map(Stage::code),
            d.asked
        ],
    )?;
    Ok(())
}

/// The draft record of project `project_id`, when it was made from a survey.
pub fn draft_of(conn: &Connection, project_id: i64) -> Result<Option<Draft>> {
    let row: Option<(i64, String, String, Option<String>, i64)> = conn
        .query_row(
            "SELECT survey_id, topic, subject, stage, asked FROM survey_drafts WHERE project_id = ?1",
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((survey_id, topic, subject, stage, asked)) = row else {
        return Ok(None);
    };
    Ok(Some(Draft {
        project_id,
        survey_id,
        topic,
        subject,
        stage: decode(stage, Stage::parse, "stage")?,
        asked,
    }))
}

/// The code of the project already drafted from `topic` of survey `survey_id` for this
/// audience, if any.
pub fn drafted_code(
    conn: &Connection,
    survey_id: i64,
    topic: &str,
    subject: &str,
    stage: Option<Stage>,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT p.code FROM survey_drafts d JOIN projects p ON p.id = d.project_id
             WHERE d.survey_id = ?1 AND d.topic = ?2 AND d.subject = ?3 AND d.stage IS ?4",
            params![survey_id, topic, subject, stage.map(Stage::code)],
            |r| r.get(0),
        )
        .optional()?)
}
