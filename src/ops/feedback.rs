//! Giving feedback (反馈意见): one trainee's ratings of a session or a project, at the desk
//! after check-out, from the project's bulk form, or from an import. Only a teacher who
//! attended may give it; one transaction with its audit entry.

use crate::domain::feedback::may_give_feedback;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::feedback::{self as store, NewFeedback, Source};
use crate::store::{projects, sessions, teachers, Audit, Db, Stamp};
use rusqlite::Connection;
use serde_json::json;

/// One trainee's answers, before they are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub project_id: i64,
    pub session_id: Option<i64>,
    pub teacher_id: i64,
    pub content: Option<u8>,
    pub trainer: Option<u8>,
    pub organisation: Option<u8>,
    pub comment: String,
}

/// Refuses feedback that is empty, out of range, or from a teacher who did not attend,
/// saying why. Reads only.
pub fn check(conn: &Connection, a: &Answers) -> Result<()> {
    let ratings = [a.content, a.trainer, a.organisation];
    if ratings.iter().flatten().any(|r| !(1..=5).contains(r)) {
        return Err(Error::invalid(pick(
            "评分只能是 1 到 5",
            "a rating is a whole number from 1 to 5",
        )));
    }
    if ratings.iter().all(Option::is_none) && a.comment.trim().is_empty() {
        return Err(Error::invalid(pick(
            "反馈是空的：至少填一项评分或意见",
            "the feedback is empty: give at least one rating or a comment",
        )));
    }
    let teacher = teachers::get(conn, a.teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {} 的教师", a.teacher_id),
            format!("teacher {}", a.teacher_id),
        ))
    })?;
    let project = projects::get_project(conn, a.project_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {} 的项目", a.project_id),
            format!("project {}", a.project_id),
        ))
    })?;
    let session = match a.session_id {
        Some(id) => Some(
            sessions::get_session(conn, id)?
                .filter(|s| s.project_id == project.id)
                .ok_or_else(|| {
                    Error::NotFound(pick(
                        format!("项目 {} 的场次 {id}", project.code),
                        format!("session {id} of project {}", project.code),
                    ))
                })?,
        ),
        None => None,
    };
    if !may_give_feedback(store::attended(
        conn,
        a.project_id,
        a.session_id,
        a.teacher_id,
    )?) {
        let name = &teacher.name;
        let code = &project.code;
        return Err(Error::invalid(match session {
            Some(s) => pick(
                format!(
                    "{name} 没有出席 {code} {} {} 的场次（缺勤、请假或在场不足），只有出席的教师可以评价",
                    s.date,
                    s.start.format("%H:%M")
                ),
                format!(
                    "{name} did not attend the {code} session of {} {} (absent, on leave or present too briefly); only teachers who attended may give feedback",
                    s.date,
                    s.start.format("%H:%M")
                ),
            ),
            None => pick(
                format!("{name} 没有出席项目 {code} 的任何场次，只有出席的教师可以评价"),
                format!(
                    "{name} attended no session of project {code}; only teachers who attended may give feedback"
                ),
            ),
        }));
    }
    Ok(())
}

/// Stores a trainee's feedback (replacing their earlier one for the same session or
/// project), audited; returns the row id. A refusal changes nothing.
pub fn give(db: &mut Db, stamp: &Stamp, a: &Answers, source: Source) -> Result<i64> {
    let tx = db.write(stamp)?;
    let id = save_checked(
        &tx,
        a,
        source,
        &stamp.now.format(crate::domain::DATETIME_FMT).to_string(),
    )?;
    tx.audit(Audit {
        entity: Entity::Feedback,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(answers_json(a, source)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(id)
}

/// Stores the answers of a bulk form (the paper forms of a project) in ONE transaction, each
/// audited; when any row is refused nothing is written and every refused row is named with
/// its reason. Returns how many were stored.
pub fn give_many(db: &mut Db, stamp: &Stamp, rows: &[Answers], source: Source) -> Result<usize> {
    let tx = db.write(stamp)?;
    let submitted_at = stamp.now.format(crate::domain::DATETIME_FMT).to_string();
    let mut refused = Vec::new();
    for (i, a) in rows.iter().enumerate() {
        if let Err(e) = check(&tx, a) {
            let name = teachers::get(&tx, a.teacher_id)?
                .map(|t| t.name)
                .unwrap_or_else(|| format!("#{}", a.teacher_id));
            refused.push((i + 1, name, e));
        }
    }
    if !refused.is_empty() {
        let lines = |zh: bool| {
            refused
                .iter()
                .map(|(n, name, e)| {
                    let why = e.text(if zh {
                        crate::lang::Lang::Zh
                    } else {
                        crate::lang::Lang::En
                    });
                    if zh {
                        format!("第 {n} 行 {name}：{why}")
                    } else {
                        format!("row {n} {name}: {why}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let n = refused.len();
        return Err(Error::invalid(pick(
            format!("{n} 行未通过，未保存任何反馈：\n{}", lines(true)),
            format!("{n} row(s) refused, no feedback saved:\n{}", lines(false)),
        )));
    }
    for a in rows {
        let id = save_checked(&tx, a, source, &submitted_at)?;
        tx.audit(Audit {
            entity: Entity::Feedback,
            entity_id: Some(id),
            action: AuditAction::Create,
            before: None,
            after: Some(answers_json(a, source)),
            reason: "",
        })?;
    }
    tx.commit()?;
    Ok(rows.len())
}

/// Checks and stores one trainee's answers inside a write in progress (the import's).
pub fn save_checked(
    conn: &Connection,
    a: &Answers,
    source: Source,
    submitted_at: &str,
) -> Result<i64> {
    check(conn, a)?;
    let (id, _) = store::save(
        conn,
        &NewFeedback {
            project_id: a.project_id,
            session_id: a.session_id,
            teacher_id: a.teacher_id,
            content: a.content,
            trainer: a.trainer,
            organisation: a.organisation,
            comment: a.comment.trim(),
            submitted_at,
            source,
        },
    )?;
    Ok(id)
}

pub fn answers_json(a: &Answers, source: Source) -> serde_json::Value {
    json!({
        "project_id": a.project_id,
        "session_id": a.session_id,
        "teacher_id": a.teacher_id,
        "content": a.content,
        "trainer": a.trainer,
        "organisation": a.organisation,
        "comment": a.comment.trim(),
        "source": source.code(),
    })
}
