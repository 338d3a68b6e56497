//! Creating and editing projects, with the form's inline validation.
//! Sessions: `ops::sessions`; enrolments: `ops::enrolments`.

use crate::domain::{FollowUpKind, Project};
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::audit::{AuditAction, Entity};
use crate::store::projects::{self, ProjectFields};
use crate::store::Db;
use crate::store::{Audit, Stamp};
use rusqlite::Connection;

/// One problem of a project form: the field (column code name) and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub message: Text,
}

/// Problems of dates that leave out a session of the project being edited (`id`).
fn outside_sessions(
    conn: &Connection,
    id: Option<i64>,
    f: &ProjectFields,
    bad: &mut impl FnMut(&'static str, Text),
) -> Result<()> {
    if let Some((first, last)) = match id {
        Some(id) => crate::store::sessions::date_span(conn, id)?,
        None => None,
    } {
        if f.start_date > first {
            bad("start_date", {
                let start = f.start_date;
                pick(
                    format!("{first} 有场次，早于开始日期 {start}"),
                    format!("a session is on {first}, before the start date {start}"),
                )
            });
        }
        if f.end_date < last {
            bad("end_date", {
                let end = f.end_date;
                pick(
                    format!("{last} 有场次，晚于结束日期 {end}"),
                    format!("a session is on {last}, after the end date {end}"),
                )
            });
        }
    }
    Ok(())
}

/// Checks a project's fields (code unique, dates ordered, credits ≥ 0,
/// threshold 1–100 %, capacity ≥ 0, its sessions within its dates). `id` is
/// the project being edited, if any.
/// Returns every problem, for inline display in the form.
pub fn validate_project(
    conn: &Connection,
    id: Option<i64>,
    f: &ProjectFields,
    follow_ups: &[(FollowUpKind, i64)],
) -> Result<Vec<FieldProblem>> {
    let mut out = Vec::new();
    let mut bad = |field: &'static str, message: Text| out.push(FieldProblem { field, message });
    if f.code.trim().is_empty() {
        bad(
            "code",
            pick("必须填写项目编号", "a project code is required"),
        );
    } else if projects::code_taken(conn, &f.code, id)? {
        bad("code", {
            let code = f.code.trim();
            pick(
                format!("项目编号“{code}”已被其他培训项目使用"),
                format!("code '{code}' is already used by another project"),
            )
        });
    }
    if f.title.trim().is_empty() {
        bad("title", pick("必须填写项目名称", "a title is required"));
    }
    if f.end_date < f.start_date {
        bad("end_date", {
            let (end, start) = (f.end_date, f.start_date);
            pick(
                format!("结束日期 {end} 早于开始日期 {start}"),
                format!("the end date {end} is before the start date {start}"),
            )
        });
    }
    outside_sessions(conn, id, f, &mut bad)?;
    if !f.credits.is_finite() || f.credits < 0.0 {
        bad("credits", pick("学分不能为负", "credits must be 0 or more"));
    }
    if !f.meta.hours.is_finite() || f.meta.hours < 0.0 {
        bad("hours", pick("学时不能为负", "hours must be 0 or more"));
    }
    for (field, value) in [
        ("budget_planned", f.meta.budget_planned),
        ("budget_spent", f.meta.budget_spent),
    ] {
        if value.is_some_and(|v| !v.is_finite() || v < 0.0) {
            bad(field, pick("金额不能为负", "an amount must be 0 or more"));
        }
    }
    if !(1..=100).contains(&f.threshold_pct) {
        bad(
            "threshold_pct",
            pick(
                "结业出勤率应在 1–100 % 之间",
                "the completion threshold must be 1–100 %",
            ),
        );
    }
    if f.capacity.is_some_and(|c| c < 0) {
        bad(
            "capacity",
            pick("名额不能为负", "capacity must be 0 or more"),
        );
    }
    for (kind, days) in follow_ups {
        if *days < 0 {
            bad(
                "follow_ups",
                pick(
                    format!("{}：天数不能为负", kind.zh()),
                    format!("{}: due days must be 0 or more", kind.en()),
                ),
            );
        }
    }
    Ok(out)
}

/// One refusal listing every problem. Each Chinese message names its field;
/// the English one is prefixed with the field's code name.
fn refuse(problems: Vec<FieldProblem>) -> Error {
    let zh: Vec<&str> = problems.iter().map(|p| p.message.zh.as_str()).collect();
    let en: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.message.en))
        .collect();
    Error::Invalid(pick(zh.join("；"), en.join("; ")))
}

/// Creates a project with the follow-up kinds it requires; returns its id. Audited.
pub fn create_project(
    db: &mut Db,
    stamp: &Stamp,
    f: &ProjectFields,
    follow_ups: &[(FollowUpKind, i64)],
) -> Result<i64> {
    let tx = db.write(stamp)?;
    let problems = validate_project(&tx, None, f, follow_ups)?;
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    let id = projects::insert_project(&tx, f)?;
    projects::set_follow_up_kinds(&tx, id, follow_ups)?;
    tx.audit(Audit {
        entity: Entity::Project,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(projects::project_json(f, follow_ups)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(id)
}

/// Edits a project and replaces its follow-up kinds. Audited with before/after (the veto
/// scope included: its marks follow it in the same transaction, `store::projects`).
pub fn edit_project(
    db: &mut Db,
    stamp: &Stamp,
    id: i64,
    f: &ProjectFields,
    follow_ups: &[(FollowUpKind, i64)],
) -> Result<()> {
    let tx = db.write(stamp)?;
    let old = projects::get_project(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {id} 的培训项目"),
            format!("project {id}"),
        ))
    })?;
    let old_kinds = projects::follow_up_kinds(&tx, id)?;
    refuse_locked_fields(&old, f, old_kinds != sorted(follow_ups))?;
    let problems = validate_project(&tx, Some(id), f, follow_ups)?;
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    let old_fields = ProjectFields::from(&old);
    if old_fields == *f && old_kinds == sorted(follow_ups) {
        return Ok(());
    }
    projects::update_project(&tx, id, f)?;
    projects::set_follow_up_kinds(&tx, id, follow_ups)?;
    tx.audit(Audit {
        entity: Entity::Project,
        entity_id: Some(id),
        action: AuditAction::Update,
        before: Some(projects::project_json(&old_fields, &old_kinds)),
        after: Some(projects::project_json(f, follow_ups)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(())
}

fn sorted(kinds: &[(FollowUpKind, i64)]) -> Vec<(FollowUpKind, i64)> {
    let mut v = kinds.to_vec();
    v.sort_by_key(|(k, _)| k.code());
    v
}

/// What a completed project's lock covers besides its own fields (§4.3: completion granted
/// credits and created follow-ups from them, so they stay as they were).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locked {
    /// Adding or deleting sessions, or moving one (date, start or end time).
    Sessions,
    /// Enrolling or removing teachers.
    Enrolments,
}

/// The refusal for project `p` once completed: "项目 P1 已结业（学分已发放），不能…".
fn completed_error(p: &Project, zh: &str, en: &str) -> Error {
    let code = &p.code;
    Error::invalid(pick(
        format!("项目 {code} 已结业（学分已发放），不能{zh}"),
        format!("project {code} is completed (its credits have been granted); {en}"),
    ))
}

/// Refuses `what` when project `p` is completed.
pub fn refuse_if_completed(p: &Project, what: Locked) -> Result<()> {
    if p.completed_at.is_none() {
        return Ok(());
    }
    Err(match what {
        Locked::Sessions => completed_error(
            p,
            "增加、删除场次或修改场次的日期和时间",
            "its sessions cannot be added, deleted or moved",
        ),
        Locked::Enrolments => completed_error(
            p,
            "报名或取消报名",
            "teachers cannot be enrolled or removed",
        ),
    })
}

/// Refuses changing what completion of project `old` rested on: credits, the concentrated
/// flag, the completion threshold, the veto scope (the year's vetoes were read from it), the
/// start and end dates (follow-ups are due from the end date, credits earned on it) and the
/// follow-ups required. Code, title, level, plan, venue and capacity stay editable. Does
/// nothing for a project not completed.
pub fn refuse_locked_fields(
    old: &Project,
    f: &ProjectFields,
    follow_ups_changed: bool,
) -> Result<()> {
    if old.completed_at.is_none() {
        return Ok(());
    }
    let changed = [
        ((old.credits - f.credits).abs() > 1e-9, "学分", "credits"),
        (
            old.concentrated != f.concentrated,
            "集中培训",
            "the concentrated flag",
        ),
        (
            old.threshold_pct != f.threshold_pct,
            "结业出勤率",
            "the completion threshold",
        ),
        (
            old.veto_scope != f.veto_scope,
            "是否计入一票否决",
            "the veto scope",
        ),
        (
            old.start_date != f.start_date || old.end_date != f.end_date,
            "开始或结束日期",
            "the start and end dates",
        ),
        (follow_ups_changed, "跟进要求", "the follow-ups required"),
    ];
    let (zh, en): (Vec<&str>, Vec<&str>) = changed
        .iter()
        .filter(|(c, _, _)| *c)
        .map(|(_, zh, en)| (*zh, *en))
        .unzip();
    if zh.is_empty() {
        return Ok(());
    }
    Err(completed_error(
        old,
        &format!("修改{}", zh.join("、")),
        &format!("{} cannot be changed", en.join(", ")),
    ))
}
