//! What changing one mark would really do (docs/rules.md §4.2–4.3), for the reason prompt and the
//! refusal that asks for one: to the teacher's one-vote veto for the mark's year (lifts it, or
//! the teacher still has other veto marks that year, or creates it) and to the teacher's
//! completion of the project when the attended share crosses the threshold. The veto follows
//! the same marks and rule as `lookup` (`domain::veto`), completion the rule of
//! `ops::completion` (`domain::credits::completes`).

use crate::domain::attendance::Presence;
use crate::domain::credits::completes;
use crate::domain::veto::{veto_change, veto_reasons, veto_year, veto_year_range, VetoChange};
use crate::domain::{Mark, Project, Settings, Status};
use crate::error::Result;
use crate::store::{completion, marks, projects, sessions, teacher_marks};
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
    let Some(project) = projects::get_project(conn, session.project_id)? else {
        return Ok(None);
    };
    let before = marks::get_mark(conn, session_id, teacher_id)?;
    let start_month = settings.veto_year_start_month;
    let year = veto_year(session.date, start_month);
    let (from, to) = veto_year_range(year, start_month);
    let others: Vec<_> = teacher_marks::teacher_marks_between(conn, teacher_id, from, to)?
        .into_iter()
        .filter(|m| m.session_id != session_id)
        .collect();
    let other_causes = veto_reasons(others.iter().map(|m| m.veto_mark()), year, start_month).len();
    let minutes = (session.end - session.start).num_minutes();
    let presence = |status: Status, mark: Option<&Mark>| Presence {
        status,
        // A changed status keeps the minutes that belong to it (as the change writes them).
        minutes_late: mark
            .filter(|_| status == Status::Late)
            .map_or(0, |m| m.minutes_late),
        minutes_early: mark
            .filter(|_| status == Status::LeftEarly)
            .map_or(0, |m| m.minutes_early),
        session_minutes: minutes,
    };
    let pct = settings.min_presence_pct;
    let was = before
        .as_ref()
        .is_some_and(|m| presence(m.status, Some(m)).attended(pct));
    let will = presence(after, before.as_ref()).attended(pct);
    let completion = completion_change(conn, &project, teacher_id, was, will)?;
    Ok(Some(MarkEffect {
        year,
        veto: veto_change(
            before.map(|m| m.status),
            after,
            project.veto_scope,
            other_causes,
        ),
        completion,
    }))
}

/// The change of `project`'s completion result for the teacher when one mark goes from
/// counting as attended (`was`) to `will`.
fn completion_change(
    conn: &Connection,
    project: &Project,
    teacher_id: i64,
    was: bool,
    will: bool,
) -> Result<Option<CompletionChange>> {
    if project.completed_at.is_some() || was == will {
        return Ok(None);
    }
    let total = sessions::sessions_of_project(conn, project.id)?.len() as i64;
    let attended = completion::counts_by_teacher(conn, project.id)?
        .remove(&teacher_id)
        .unwrap_or_default()
        .attended;
    let (b, a) = (
        completes(attended, total, project.threshold_pct),
        completes(
            attended - i64::from(was) + i64::from(will),
            total,
            project.threshold_pct,
        ),
    );
    Ok((b != a).then(|| CompletionChange {
        project_code: project.code.clone(),
        before: b,
        after: a,
    }))
}
