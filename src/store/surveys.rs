//! Needs surveys (训前调研): the surveys, each teacher's answer with its topics, and the summary
//! by subject, stage, topic and form (the drafts made from a topic: `survey_drafts.rs`).

use crate::domain::principals::TrainingForm;
use crate::domain::Stage;
use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

/// A survey with its number of respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub id: i64,
    pub title: String,
    pub held_on: String,
    pub source_file: String,
    pub respondents: i64,
}

/// One teacher's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub teacher_id: i64,
    pub subject: String,
    pub stage: Option<Stage>,
    pub form: Option<TrainingForm>,
    pub topics: Vec<String>,
    pub submitted_at: String,
}

/// The surveys, newest first.
pub fn surveys(conn: &Connection) -> Result<Vec<Survey>> {
    Ok(conn
        .prepare(
            "SELECT s.id, s.title, s.held_on, s.source_file,
                    (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id)
             FROM surveys s ORDER BY s.held_on DESC, s.id DESC",
        )?
        .query_map([], |r| {
            Ok(Survey {
                id: r.get(0)?,
                title: r.get(1)?,
                held_on: r.get(2)?,
                source_file: r.get(3)?,
                respondents: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The id of the survey titled `title`.
pub fn survey_by_title(conn: &Connection, title: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM surveys WHERE title = ?1",
            [title.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Adds a survey, or for a title already there records the newer date and file; its id.
pub fn upsert_survey(
    conn: &Connection,
    title: &str,
    held_on: &str,
    source_file: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO surveys (title, held_on, source_file, imported_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(title) DO UPDATE SET held_on = max(held_on, excluded.held_on),
             source_file = excluded.source_file, imported_at = excluded.imported_at",
        params![title.trim(), held_on, source_file, now],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM surveys WHERE title = ?1",
        [title.trim()],
        |r| r.get(0),
    )?)
}

/// Writes a teacher's answer, replacing an earlier one to the same survey; true when it
/// replaced one.
pub fn save_response(conn: &Connection, survey_id: i64, r: &Response) -> Result<bool> {
    let earlier: Option<i64> = conn
        .prepare_cached("SELECT id FROM survey_responses WHERE survey_id = ?1 AND teacher_id = ?2")?
        .query_row(params![survey_id, r.teacher_id], |row| row.get(0))
        .optional()?;
    if let Some(id) = earlier {
        conn.prepare_cached("DELETE FROM survey_responses WHERE id = ?1")?
            .execute([id])?;
    }
    conn.prepare_cached(
        "INSERT INTO survey_responses (survey_id, teacher_id, subject, stage, form, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        survey_id,
        r.teacher_id,
        r.subject,
        r.stage.map(Stage::code),
        r.form.map(TrainingForm::code),
        r.submitted_at
    ])?;
    let id = conn.last_insert_rowid();
    let mut topic =
        conn.prepare_cached("INSERT INTO survey_topics (response_id, topic) VALUES (?1, ?2)")?;
    for t in &r.topics {
        topic.execute(params![id, t])?;
    }
    Ok(earlier.is_some())
}

/// Narrows a summary to one subject and/or stage (of the answer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyFilter {
    pub subject: Option<String>,
    pub stage: Option<Stage>,
}

impl SurveyFilter {
    /// The SQL condition on `survey_responses r` and its values.
    fn sql(&self) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(s) = &self.subject {
            sql.push_str(" AND r.subject = ?");
            values.push(Value::Text(s.clone()));
        }
        if let Some(s) = self.stage {
            sql.push_str(" AND r.stage = ?");
            values.push(Value::Text(s.code().into()));
        }
        (sql, values)
    }
}

/// What a survey's answers add up to (under a filter).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveySummary {
    pub respondents: i64,
    /// Teachers in service (of the filter's subject and stage).
    pub in_service: i64,
    /// Most respondents first; "" for answers without a subject.
    pub by_subject: Vec<(String, i64)>,
    /// In stage order; None for answers without a stage.
    pub by_stage: Vec<(Option<Stage>, i64)>,
    /// Most asked first, then by name.
    pub by_topic: Vec<(String, i64)>,
    /// Most preferred first.
    pub by_form: Vec<(TrainingForm, i64)>,
}

fn counts(conn: &Connection, sql: &str, values: &[Value]) -> Result<Vec<(Option<String>, i64)>> {
    Ok(conn
        .prepare(sql)?
        .query_map(params_from_iter(values), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The summary of survey `survey_id` under `filter`. Unknown stored codes are an error.
pub fn summary(conn: &Connection, survey_id: i64, filter: &SurveyFilter) -> Result<SurveySummary> {
    let (cond, mut values) = filter.sql();
    values.insert(0, Value::Integer(survey_id));
    let from = format!("FROM survey_responses r WHERE r.survey_id = ?{cond}");
    let respondents: i64 = conn.query_row(
        &format!("SELECT count(*) {from}"),
        params_from_iter(&values),
        |r| r.get(0),
    )?;
    let group = |col: &str| format!("SELECT {col}, count(*) {from} GROUP BY 1 ORDER BY 2 DESC, 1");
    let by_subject = counts(conn, &group("r.subject"), &values)?
        .into_iter()
        .map(|(s, n)| (s.unwrap_or_default(), n))
        .collect();
    let mut by_stage = Vec::new();
    for (code, n) in counts(conn, &group("r.stage"), &values)? {
        by_stage.push((decode(code, Stage::parse, "stage")?, n));
    }
    by_stage.sort_by_key(|(s, _)| s.map_or(usize::MAX, |s| s as usize));
    let mut by_form = Vec::new();
    for (code, n) in counts(conn, &group("r.form"), &values)? {
        if let Some(f) = decode(code, TrainingForm::parse, "form")? {
            by_form.push((f, n));
        }
    }
    by_form.sort_by_key(|(f, n)| (-n, *f));
    let by_topic = counts(
        conn,
        &format!(
            "SELECT t.topic, count(*) FROM survey_topics t JOIN survey_responses r
               ON r.id = t.response_id WHERE r.survey_id = ?{cond}
             GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        &values,
    )?
    .into_iter()
    .map(|(t, n)| (t.unwrap_or_default(), n))
    .collect();
    Ok(SurveySummary {
        respondents,
        in_service: in_service(conn, filter)?,
        by_subject,
        by_stage,
        by_topic,
        by_form,
    })
}

/// Teachers in service of the filter's subject and stage (a teacher's own stage, else their
/// school's).
fn in_service(conn: &Connection, filter: &SurveyFilter) -> Result<i64> {
    let mut sql = String::from(
        "SELECT count(*) FROM teachers t JOIN schools s ON s.id = t.school_id
         WHERE t.status = 'active'",
    );
    let mut values = Vec::new();
    if let Some(s) = &filter.subject {
        sql.push_str(" AND t.subject = ?");
        values.push(Value::Text(s.clone()));
    }
    if let Some(s) = filter.stage {
        sql.push_str(" AND coalesce(t.stage, s.stage) = ?");
        values.push(Value::Text(s.code().into()));
    }
    Ok(conn.query_row(&sql, params_from_iter(values), |r| r.get(0))?)
}

/// A stored code decoded strictly: an unknown one names the table and column.
pub(crate) fn decode<T>(
    code: Option<String>,
    parse: fn(&str) -> Option<T>,
    column: &str,
) -> Result<Option<T>> {
    match code {
        None => Ok(None),
        Some(c) => parse(&c).map(Some).ok_or_else(|| {
            crate::error::Error::invalid(crate::lang::pick(
                format!("survey_responses.{column} 中有未知的代码“{c}”"),
                format!("survey_responses.{column} holds an unknown code '{c}'"),
            ))
        }),
    }
}

/// Who asked for `topic` under `filter`: their subjects, stages and forms, most first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicAsked {
    pub asked: i64,
    pub subjects: Vec<(String, i64)>,
    pub stages: Vec<(Option<Stage>, i64)>,
    pub forms: Vec<(TrainingForm, i64)>,
}

/// Those who asked for `topic` in survey `survey_id` under `filter`.
pub fn topic_asked(
    conn: &Connection,
    survey_id: i64,
    topic: &str,
    filter: &SurveyFilter,
) -> Result<TopicAsked> {
    let (cond, mut values) = filter.sql();
    values.insert(0, Value::Text(topic.to_string()));
    values.insert(0, Value::Integer(survey_id));
    let from = format!(
        "FROM survey_responses r JOIN survey_topics t ON t.response_id = r.id
         WHERE r.survey_id = ? AND t.topic = ?{cond}"
    );
    let group = |col: &str| format!("SELECT {col}, count(*) {from} GROUP BY 1 ORDER BY 2 DESC, 1");
    let subjects: Vec<(String, i64)> = counts(conn, &group("r.subject"), &values)?
        .into_iter()
        .map(|(s, n)| (s.unwrap_or_default(), n))
        .collect();
    let mut stages = Vec::new();
    for (code, n) in counts(conn, &group("r.stage"), &values)? {
        stages.push((decode(code, Stage::parse, "stage")?, n));
    }
    let mut forms = Vec::new();
    for (code, n) in counts(conn, &group("r.form"), &values)? {
        if let Some(f) = decode(code, TrainingForm::parse, "form")? {
            forms.push((f, n));
        }
    }
    Ok(TopicAsked {
        asked: subjects.iter().map(|(_, n)| n).sum(),
        subjects,
        stages,
        forms,
    })
}

/// A teacher's own subject and stage (the school's when the teacher has none): what an
/// answer that leaves them blank is counted under.
pub fn teacher_subject_stage(
    conn: &Connection,
    teacher_id: i64,
) -> Result<(String, Option<Stage>)> {
    let (subject, stage): (String, Option<String>) = conn
        .prepare_cached(
            "SELECT t.subject, coalesce(t.stage, s.stage) FROM teachers t
             JOIN schools s ON s.id = t.school_id WHERE t.id = ?1",
        )?
        .query_row([teacher_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((subject, stage.as_deref().and_then(Stage::parse)))
}

/// The day survey `survey_id` was held.
pub fn held_on(conn: &Connection, survey_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT held_on FROM surveys WHERE id = ?1",
            [survey_id],
            |r| r.get(0),
        )
        .optional()?)
}
