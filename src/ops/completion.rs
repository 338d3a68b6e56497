//! Completing a project (docs/rules.md §4.3–4.4): a review of who completes (attended share ≥ the
//! project's threshold) with the warnings a coordinator needs first, then ONE transaction that
//! grants each completer the project's credits, creates the project's follow-ups for them and
//! marks the project completed, with an audit entry for every row it writes.

use crate::domain::attendance::StatusCounts;
use crate::domain::credits::completes;
use crate::domain::follow_up::due_date;
use crate::domain::{FollowUpKind, Project, DATE_FMT, TIME_FMT};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::credits::{self as ledger, NewEntry};
use crate::store::{completion, enrolments, projects, sessions, Db};
use crate::store::{Audit, Stamp, Write};
use chrono::NaiveDateTime;
use rusqlite::Connection;

/// One enrolled teacher's attendance in the project.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherCompletion {
    pub teacher_id: i64,
    pub staff_no: String,
    pub name: String,
    /// The sending school.
    pub school: String,
    /// Marks by status in the project's sessions.
    pub counts: StatusCounts,
    /// Sessions attended: present, or late or left early and there for at least the
    /// setting `min_presence_pct` of the session (`domain::attendance::Presence::attended`).
    pub attended: i64,
    /// Sessions of the project without a mark for this teacher.
    pub unmarked: i64,
    pub completes: bool,
}

impl TeacherCompletion {
    /// Attended share in percent (0 when the project has no sessions).
    pub fn share_pct(&self, sessions: i64) -> f64 {
        if sessions <= 0 {
            0.0
        } else {
            self.attended as f64 * 100.0 / sessions as f64
        }
    }
}

/// Something to look at before completing.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Already completed at this time (completing again is refused).
    AlreadyCompleted(NaiveDateTime),
    /// The project has no sessions (refused: nobody could complete).
    NoSessions,
    /// Nobody is enrolled (refused).
    NoEnrolments,
    /// Sessions not over yet: (count, first such date "2026-05-04 08:30"). Refused.
    SessionsNotOver(i64, String),
    /// Sessions not closed: their unmarked teachers are not yet absent. Allowed.
    SessionsOpen(i64),
    /// Teachers with no mark in at least one session, and the marks missing. Allowed.
    TeachersUnmarked { teachers: i64, marks: i64 },
}

impl Warning {
    /// True when the warning stops completion.
    pub fn blocks(&self) -> bool {
        !matches!(
            self,
            Warning::SessionsOpen(_) | Warning::TeachersUnmarked { .. }
        )
    }

    /// The refusal in a sentence for a coordinator, in both languages (the TUI shows its own
    /// text).
    pub fn sentence(&self, p: &Project) -> crate::lang::Text {
        let code = &p.code;
        match self {
            Warning::AlreadyCompleted(at) => {
                let on = at.format(DATE_FMT);
                pick(
                    format!("培训项目 {code} 已于 {on} 结业，学分只发放一次"),
                    format!(
                        "project {code} was already completed on {on}; credits are granted only once"
                    ),
                )
            }
            Warning::NoSessions => pick(
                format!("培训项目 {code} 没有场次，无人能结业"),
                format!("project {code} has no sessions; nobody can complete it"),
            ),
            Warning::NoEnrolments => pick(
                format!("培训项目 {code} 没有人报名"),
                format!("nobody is enrolled in project {code}"),
            ),
            Warning::SessionsNotOver(n, first) => pick(
                format!("培训项目 {code} 还有 {n} 场未结束（最早 {first}），请在最后一场后再结业"),
                format!(
                    "project {code} has {n} session(s) not over yet (the first on {first}); \
                     complete it after its last session"
                ),
            ),
            Warning::SessionsOpen(n) => pick(
                format!("培训项目 {code} 有 {n} 场未关闭"),
                format!("{n} session(s) of project {code} are not closed"),
            ),
            Warning::TeachersUnmarked { teachers, marks } => pick(
                format!("{teachers} 位教师在某些场次没有签到记录（缺 {marks} 条）"),
                format!(
                    "{teachers} teacher(s) have no mark in some session ({marks} mark(s) missing)"
                ),
            ),
        }
    }
}

/// What completing a project would do.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletionReview {
    pub project: Project,
    /// Sessions of the project (the denominator of the share).
    pub sessions: i64,
    /// Every enrolled teacher, by school then name.
    pub teachers: Vec<TeacherCompletion>,
    pub completers: i64,
    pub non_completers: i64,
    /// Follow-ups each completer will owe: (kind, days after the end).
    pub follow_up_kinds: Vec<(FollowUpKind, i64)>,
    pub warnings: Vec<Warning>,
}

impl CompletionReview {
    /// The first warning that stops completion, if any.
    pub fn refusal(&self) -> Option<&Warning> {
        self.warnings.iter().find(|w| w.blocks())
    }
}

/// The review of project `project_id` at `now`.
pub fn review(conn: &Connection, project_id: i64, now: NaiveDateTime) -> Result<CompletionReview> {
    let project = projects::get_project(conn, project_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {project_id} 的培训项目"),
            format!("project {project_id}"),
        ))
    })?;
    let all_sessions = sessions::sessions_of_project(conn, project_id)?;
    let total = all_sessions.len() as i64;
    let counts = completion::counts_by_teacher(conn, project_id)?;
    let mut teachers = Vec::new();
    for e in enrolments::enrolled_teachers(conn, project_id)? {
        let marks = counts.get(&e.teacher_id).copied().unwrap_or_default();
        let (c, attended) = (marks.counts, marks.attended);
        teachers.push(TeacherCompletion {
            teacher_id: e.teacher_id,
            staff_no: e.staff_no,
            name: e.name,
            school: e.school,
            counts: c,
            attended,
            unmarked: (total - c.total()).max(0),
            completes: completes(attended, total, project.threshold_pct),
        });
    }
    let completers = teachers.iter().filter(|t| t.completes).count() as i64;
    let mut warnings = Vec::new();
    if let Some(at) = project.completed_at {
        warnings.push(Warning::AlreadyCompleted(at));
    }
    if total == 0 {
        warnings.push(Warning::NoSessions);
    }
    if teachers.is_empty() {
        warnings.push(Warning::NoEnrolments);
    }
    let not_over: Vec<_> = all_sessions.iter().filter(|s| s.ends_at() > now).collect();
    if let Some(first) = not_over.first() {
        let when = format!(
            "{} {}",
            first.date.format(DATE_FMT),
            first.start.format(TIME_FMT)
        );
        warnings.push(Warning::SessionsNotOver(not_over.len() as i64, when));
    }
    let open = all_sessions.iter().filter(|s| !s.is_closed()).count() as i64;
    if open > 0 {
        warnings.push(Warning::SessionsOpen(open));
    }
    let unmarked: Vec<i64> = teachers
        .iter()
        .map(|t| t.unmarked)
        .filter(|n| *n > 0)
        .collect();
    if !unmarked.is_empty() {
        warnings.push(Warning::TeachersUnmarked {
            teachers: unmarked.len() as i64,
            marks: unmarked.iter().sum(),
        });
    }
    Ok(CompletionReview {
        follow_up_kinds: projects::follow_up_kinds(conn, project_id)?,
        non_completers: teachers.len() as i64 - completers,
        completers,
        sessions: total,
        teachers,
        warnings,
        project,
    })
}

/// What completing did.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletionOutcome {
    pub completers: i64,
    pub non_completers: i64,
    /// Ledger entries written (completers already credited for this project are skipped).
    pub credit_entries: i64,
    pub follow_ups: i64,
}

/// The project's audit entry: what its completion decided and wrote (`written`: credit
/// entries and follow-ups).
fn audit_completion(
    tx: &Write,
    r: &CompletionReview,
    (credit_entries, follow_ups): (i64, i64),
) -> Result<()> {
    let p = &r.project;
    tx.audit(Audit {
        entity: Entity::Project,
        entity_id: Some(p.id),
        action: AuditAction::Complete,
        before: Some(serde_json::json!({ "completed_at": null })),
        after: Some(serde_json::json!({
            "completed_at": tx.now().format(crate::domain::DATETIME_FMT).to_string(),
            "sessions": r.sessions,
            "threshold_pct": p.threshold_pct,
            "completers": r.completers,
            "non_completers": r.non_completers,
            "credit_entries": credit_entries,
            "follow_ups": follow_ups,
        })),
        reason: "",
    })
}

/// Completes project `project_id` at `now` in ONE transaction: a credit entry for each
/// completer (source 'project', the project's credits and concentrated flag, earned on its end
/// date), the project's follow-ups for each completer (pending, due `due_days` after the end),
/// and `completed_at`; an audit entry for each row. Refused when already completed, when a
/// session is not over yet, or when there are no sessions or no enrolments.
pub fn complete_project(db: &mut Db, stamp: &Stamp, project_id: i64) -> Result<CompletionOutcome> {
    let tx = db.write(stamp)?;
    let now = tx.now();
    let r = review(&tx, project_id, now)?;
    if let Some(w) = r.refusal() {
        return Err(Error::invalid(w.sentence(&r.project)));
    }
    let p = &r.project;
    let entry = |entity: Entity, id: i64, after: serde_json::Value| Audit {
        entity,
        entity_id: Some(id),
        action: AuditAction::Create,
        before: None,
        after: Some(after),
        reason: "project completed",
    };
    let mut credit_entries = 0;
    let mut follow_ups = 0;
    for t in r.teachers.iter().filter(|t| t.completes) {
        let new = NewEntry {
            teacher_id: t.teacher_id,
            project_id: Some(p.id),
            credits: p.credits,
            concentrated: p.concentrated,
            earned_on: p.end_date,
            note: "",
            recorded_by: tx.actor(),
        };
        if let Some(id) = ledger::insert_entry(&tx, &new)? {
            if let Some(row) = ledger::get_entry(&tx, id)? {
                tx.audit(entry(
                    Entity::CreditEntry,
                    id,
                    ledger::entry_json(&row.entry),
                ))?;
            }
            credit_entries += 1;
        }
        for (kind, days) in &r.follow_up_kinds {
            let due = due_date(p.end_date, *days);
            if let Some(id) = completion::insert_follow_up(&tx, p.id, t.teacher_id, *kind, due)? {
                let after = serde_json::json!({
                    "project_id": p.id,
                    "teacher_id": t.teacher_id,
                    "kind": kind.code(),
                    "due_date": due.format(DATE_FMT).to_string(),
                    "status": "pending",
                });
                tx.audit(entry(Entity::FollowUp, id, after))?;
                follow_ups += 1;
            }
        }
    }
    if !completion::set_completed(&tx, p.id, now)? {
        return Err({
            let code = &p.code;
            Error::invalid(pick(
                format!("培训项目 {code} 已被他人先行结业"),
                format!("project {code} was completed by someone else meanwhile"),
            ))
        });
    }
    audit_completion(&tx, &r, (credit_entries, follow_ups))?;
    tx.commit()?;
    Ok(CompletionOutcome {
        completers: r.completers,
        non_completers: r.non_completers,
        credit_entries,
        follow_ups,
    })
}
