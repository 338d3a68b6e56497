//! Writing a checked marks file (`phases`): each mark re-checked against the
//! snapshot (session still as it was, teacher still enrolled, no mark recorded
//! meanwhile by a desk), then written with its audit entry.

use super::phases::{self, Stale, Written};
use super::table::Table;
use super::{Context, Counts};
use crate::domain::{Mark, Session};
use crate::error::Result;
use crate::store::audit::{self, AuditEntry};
use crate::store::{enrolments, marks, sessions};
use rusqlite::Connection;
use std::collections::hash_map::{Entry, HashMap};

/// What a marks file will write.
pub(crate) struct MarkPlan {
    pub steps: Vec<Step>,
    pub unchanged: usize,
    /// The sessions of the steps as the snapshot showed them (closing a
    /// session meanwhile changes which changes need a reason).
    pub sessions: HashMap<i64, Session>,
}

pub(crate) struct Step {
    pub line: usize,
    pub staff_no: String,
    pub project_id: i64,
    pub mark: Mark,
    /// The mark as the snapshot showed it; None to add one.
    pub before: Option<Mark>,
}

impl phases::Plan for MarkPlan {
    fn expected(&self) -> Counts {
        let added = self.steps.iter().filter(|s| s.before.is_none()).count();
        Counts::planned(added, self.steps.len(), self.unchanged)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        let mut checked: HashMap<i64, bool> = HashMap::new();
        for (i, step) in self.steps.iter().enumerate() {
            let m = &step.mark;
            let staff_no = &step.staff_no;
            if let Entry::Vacant(e) = checked.entry(m.session_id) {
                let now = sessions::get_session(conn, m.session_id)?;
                e.insert(now.as_ref() == self.sessions.get(&m.session_id));
            }
            if checked.get(&m.session_id) != Some(&true) {
                return Ok(Err(Stale::new(
                    table,
                    step.line,
                    "session",
                    format!("{} 的场次刚被关闭或修改", m.session_date),
                    format!(
                        "the session of {} was just closed or changed",
                        m.session_date
                    ),
                )));
            }
            if step.before.is_none()
                && enrolments::sending_school(conn, step.project_id, m.teacher_id)?.is_none()
            {
                return Ok(Err(Stale::new(
                    table,
                    step.line,
                    "staff_no",
                    format!("工号 {staff_no} 刚被取消报名"),
                    format!("{staff_no} was just removed from the project"),
                )));
            }
            let now = marks::get_mark(conn, m.session_id, m.teacher_id)?;
            if now != step.before {
                return Ok(Err(Stale::new(
                    table,
                    step.line,
                    "staff_no",
                    format!("工号 {staff_no} 在本场次的考勤刚被另一处记录"),
                    format!("the mark of {staff_no} at this session was just recorded elsewhere"),
                )));
            }
            match &step.before {
                Some(old) => {
                    marks::update_mark(conn, m)?;
                    log(conn, ctx, m, Some(old), audit::AuditAction::Update)?;
                    counts.updated += 1;
                }
                None => {
                    let Some(id) = marks::insert_mark_if_absent(conn, m)? else {
                        return Ok(Err(Stale::new(
                            table,
                            step.line,
                            "staff_no",
                            format!("工号 {staff_no} 在本场次的考勤刚被另一处记录"),
                            format!("the mark of {staff_no} at this session was just recorded elsewhere"),
                        )));
                    };
                    log(
                        conn,
                        ctx,
                        &Mark { id, ..m.clone() },
                        None,
                        audit::AuditAction::Create,
                    )?;
                    counts.added += 1;
                }
            }
            ctx.tick(i + 1, self.steps.len());
        }
        Ok(Ok(counts))
    }
}

fn log(
    conn: &Connection,
    ctx: &Context,
    m: &Mark,
    before: Option<&Mark>,
    action: audit::AuditAction,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at: ctx.now,
            actor: &ctx.actor,
            entity: audit::Entity::Mark,
            entity_id: Some(m.id),
            action,
            before: before.map(marks::mark_json),
            after: Some(marks::mark_json(m)),
            reason: &m.reason,
        },
    )
}
