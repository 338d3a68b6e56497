//! What changing one mark would really do (DESIGN.md §4.2–4.3), for the reason prompt and the
//! refusal that asks for one: to the teacher's one-vote veto for the mark's year (lifts it, or
//! the teacher still has other veto marks that year, or creates it) and to the teacher's
//! completion of the project when the attended share crosses the threshold. The veto follows
//! the same marks and rule as `lookup` (`domain::veto`), completion the rule of
//! `ops::completion` (`domain::credits::completes`).

use crate::domain::credits::completes;
use crate::domain::veto::{veto_change, veto_reasons, veto_year, veto_year_range, VetoChange};
use crate::domain::{Settings, Status};
use crate::error::Result;
use crate::store::{completion, marks, projects, sessions};
use rusqlite::Connection;

/// A change of the project's completion result for the teacher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionChange {
    pub project_code: String,
    /// Completes with the mark as it is.
    pub before: bool,
    /// Completes after the change.
    pub after: bool,
}

/// What setting a teacher's mark at a session to a status does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkEffect {
    /// The veto year of the session's date.
    pub year: i32,
    pub veto: VetoChange,
    /// Only when the completion result changes (and the project is not completed yet: a
    /// completed project's credits are granted once).
    pub completion: Option<CompletionChange>,
}

/// The effect of setting `teacher_id`'s mark at `session_id` to `after` (the mark may not
/// exist yet). Reads only; None when the session does not exist.
pub fn effect_of_change(
    conn: &Connection,
    session_id: i64,
    teacher_id: i64,
    after: Status,
    settings: &Settings,
) -> Result<Option<MarkEffect>> {
    let Some(session) = sessions::get_session(conn, session_id)? else {
        return Ok(None);
    };
    let before = marks::get_mark(conn, session_id, teacher_id)?.map(|m| m.status);
    let start_month = settings.veto_year_start_month;
    let year = veto_year(session.date, start_month);
    let (from, to) = veto_year_range(year, start_month);
    let others: Vec<_> = marks::teacher_marks_between(conn, teacher_id, from, to)?
        .into_iter()
        .filter(|m| m.session_id != session_id)
        .collect();
    let other_causes = veto_reasons(
        others
            .iter()
            .map(|m| (m.date, m.project_code.as_str(), m.status)),
        year,
        start_month,
    )
    .len();
    let completion = completion_change(conn, session.project_id, teacher_id, before, after)?;
    Ok(Some(MarkEffect {
        year,
        veto: veto_change(before, after, other_causes),
        completion,
    }))
}

fn completion_change(
    conn: &Connection,
    project_id: i64,
    teacher_id: i64,
    before: Option<Status>,
    after: Status,
) -> Result<Option<CompletionChange>> {
    let Some(project) = projects::get_project(conn, project_id)? else {
        return Ok(None);
    };
    if project.completed_at.is_some() {
        return Ok(None);
    }
    let total = sessions::sessions_of_project(conn, project_id)?.len() as i64;
    let counts = completion::counts_by_teacher(conn, project_id)?
        .remove(&teacher_id)
        .unwrap_or_default();
    let attended: i64 = Status::ALL
        .iter()
        .filter(|s| s.counts_as_attended())
        .map(|s| counts.get(*s))
        .sum();
    let was = i64::from(before.is_some_and(Status::counts_as_attended));
    let will = i64::from(after.counts_as_attended());
    let (b, a) = (
        completes(attended, total, project.threshold_pct),
        completes(attended - was + will, total, project.threshold_pct),
    );
    Ok((b != a).then_some(CompletionChange {
        project_code: project.code,
        before: b,
        after: a,
    }))
}
