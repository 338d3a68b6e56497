//! A draft project from a needs survey's topic (训前调研 → 下学期的培训设计): named after the
//! topic, for the audience that asked (the filter shown, else the subject — and then the stage
//! — shared by more than half of those who asked), sized by how many of them asked (at most
//! `domain::survey::MAX_SUGGESTED_SIZE`), in the form most of them preferred, over the term
//! after the survey. Projects have no status: a draft is a project without sessions, its
//! origin and audience kept in `survey_drafts`; the coordinator finishes it in the Projects
//! tab. One transaction with its audit entry.

use crate::domain::principals::{TrainingForm, TrainingMeta};
use crate::domain::starlight::term_of;
use crate::domain::survey::{draft_title, majority, most_preferred, suggested_size};
use crate::domain::{veto::default_veto_scope, Level, Plan};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::projects::{self, ProjectFields};
use crate::store::survey_drafts::{self, Draft};
use crate::store::surveys::{self, SurveyFilter};
use crate::store::{Audit, Db, Stamp};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;

/// Creates the draft project for `topic` of survey `survey_id` under the summary's `filter`;
/// returns its id.
pub fn draft_project(
    db: &mut Db,
    stamp: &Stamp,
    survey_id: i64,
    topic: &str,
    filter: &SurveyFilter,
) -> Result<i64> {
    let tx = db.write(stamp)?;
    let held_on = surveys::held_on(&tx, survey_id)?
        .and_then(|d| NaiveDate::parse_from_str(&d, crate::domain::DATE_FMT).ok())
        .ok_or_else(|| {
            Error::NotFound(pick(
                format!("编号 {survey_id} 的调研"),
                format!("survey {survey_id}"),
            ))
        })?;
    let audience = audience(&tx, survey_id, topic, filter)?;
    let asked = surveys::topic_asked(&tx, survey_id, topic, &audience)?;
    if asked.asked == 0 {
        return Err(Error::invalid(pick(
            format!("没有人（在当前筛选下）希望培训“{topic}”"),
            format!("nobody (under the filter shown) asked for '{topic}'"),
        )));
    }
    let subject = audience.subject.clone().unwrap_or_default();
    if let Some(code) =
        survey_drafts::drafted_code(&tx, survey_id, topic, &subject, audience.stage)?
    {
        return Err(Error::invalid(pick(
            format!("已为这一主题和对象建立草稿项目 {code}，请在培训项目中完善它"),
            format!("project {code} is already the draft of this topic and audience; finish it in Projects"),
        )));
    }
    let form = most_preferred(&asked.forms);
    let (start, end) = next_term(held_on);
    let concentrated = form != Some(TrainingForm::Online);
    let fields = ProjectFields {
        code: free_code(&tx, start.year())?,
        title: draft_title(topic),
        level: Level::District,
        plan: Plan::ContinuingEducation,
        concentrated,
        credits: 0.0,
        start_date: start,
        end_date: end,
        venue: String::new(),
        capacity: Some(suggested_size(asked.asked)),
        threshold_pct: 80,
        veto_scope: default_veto_scope(concentrated),
        meta: TrainingMeta {
            form,
            ..TrainingMeta::default()
        },
    };
    let id = projects::insert_project(&tx, &fields)?;
    let draft = Draft {
        project_id: id,
        survey_id,
        topic: topic.to_string(),
        subject,
        stage: audience.stage,
        asked: asked.asked,
    };
    survey_drafts::insert_draft(&tx, &draft)?;
    let mut after = projects::project_json(&fields, &[]);
    after["draft_from_survey"] = serde_json::json!({
        "survey": survey_id, "topic": draft.topic, "subject": draft.subject,
        "stage": draft.stage.map(|s| s.code()), "asked": draft.asked,
    });
    tx.audit(Audit {
        entity: Entity::Project,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(after),
        reason: "",
    })?;
    tx.commit()?;
    Ok(id)
}

/// The audience of a draft: the filter's subject and stage where set; else the subject shared
/// by more than half of those who asked, then the stage shared by more than half of those.
fn audience(
    conn: &Connection,
    survey_id: i64,
    topic: &str,
    filter: &SurveyFilter,
) -> Result<SurveyFilter> {
    let mut a = filter.clone();
    if a.subject.is_none() {
        let asked = surveys::topic_asked(conn, survey_id, topic, &a)?;
        a.subject = majority(&asked.subjects, asked.asked).filter(|s| !s.is_empty());
    }
    if a.stage.is_none() {
        let asked = surveys::topic_asked(conn, survey_id, topic, &a)?;
        a.stage = majority(&asked.stages, asked.asked).flatten();
    }
    Ok(a)
}

/// The term after the one `day` is in (`domain::starlight::term_of`).
fn next_term(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (_, end) = term_of(day);
    term_of(end.checked_add_days(Days::new(1)).unwrap_or(end))
}

/// The first free code "YYYY-DY-NN" (调研草稿) of the year.
fn free_code(conn: &Connection, year: i32) -> Result<String> {
    let mut n = 1;
    loop {
        let code = format!("{year}-DY-{n:02}");
        if !projects::code_taken(conn, &code, None)? {
            return Ok(code);
        }
        n += 1;
    }
}
