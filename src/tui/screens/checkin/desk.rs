//! What the desk reads: the sessions to choose from (today's first) and, for the chosen session,
//! its enrolled teachers, marks and counts. Reads only, through `crate::store`.

use crate::domain::attendance::StatusCounts;
use crate::domain::{Mark, Session, Status};
use crate::error::Result;
use crate::store::projects::{self, ProjectFilter};
use crate::store::{enrolments, marks, sessions};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// One row of the session picker.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionChoice {
    pub session: Session,
    pub project_code: String,
    pub project_title: String,
    /// Checked in (present, late, left early).
    pub checked: i64,
    pub enrolled: i64,
}

/// Every session, today's first (by start time), then the others by how close their date is
/// to today (nearest first).
pub fn session_choices(conn: &Connection, today: NaiveDate) -> Result<Vec<SessionChoice>> {
    let mut out = Vec::new();
    for p in projects::list_projects(conn, &ProjectFilter::default(), today)? {
        let counts = marks::counts_by_session(conn, p.id)?;
        let enrolled = enrolments::enrolment_count(conn, p.id)?;
        for s in sessions::sessions_of_project(conn, p.id)? {
            let checked = counts.get(&s.id).map_or(0, StatusCounts::arrived);
            out.push(SessionChoice {
                session: s,
                project_code: p.code.clone(),
                project_title: p.title.clone(),
                checked,
                enrolled,
            });
        }
    }
    out.sort_by_key(|c| {
        let d = c.session.date;
        (
            d != today,
            (d - today).num_days().abs(),
            d,
            c.session.start,
            c.session.id,
        )
    });
    Ok(out)
}

/// The picker row to start on: today's session running at `now`, else today's next one,
/// else the first.
pub fn default_choice(choices: &[SessionChoice], now: NaiveDateTime) -> usize {
    let today = now.date();
    choices
        .iter()
        .position(|c| c.session.date == today && c.session.ends_at() >= now)
        .unwrap_or(0)
}

/// The chosen session as the desk shows it.
#[derive(Debug, Clone, Default)]
pub struct DeskData {
    pub session: Option<Session>,
    pub project_code: String,
    pub project_title: String,
    /// Enrolled teachers' ids (search_among runs over these).
    pub enrolled: Vec<i64>,
    pub enrolled_set: HashSet<i64>,
    /// Marks of the session by teacher id.
    pub marks: HashMap<i64, Mark>,
    pub counts: StatusCounts,
}

impl DeskData {
    pub fn load(conn: &Connection, session_id: i64) -> Result<Option<DeskData>> {
        let Some(session) = sessions::get_session(conn, session_id)? else {
            return Ok(None);
        };
        let project = projects::get_project(conn, session.project_id)?;
        let enrolled = enrolments::enrolled_teacher_ids(conn, session.project_id)?;
        let marks: HashMap<i64, Mark> = marks::marks_of_session(conn, session_id)?
            .into_iter()
            .map(|m| (m.teacher_id, m))
            .collect();
        let counts = marks::counts_of_session(conn, session_id)?;
        Ok(Some(DeskData {
            project_code: project.as_ref().map(|p| p.code.clone()).unwrap_or_default(),
            project_title: project.map(|p| p.title).unwrap_or_default(),
            enrolled_set: enrolled.iter().copied().collect(),
            enrolled,
            marks,
            counts,
            session: Some(session),
        }))
    }

    pub fn is_closed(&self) -> bool {
        self.session.as_ref().is_some_and(Session::is_closed)
    }

    pub fn status_of(&self, teacher_id: i64) -> Option<Status> {
        self.marks.get(&teacher_id).map(|m| m.status)
    }
}

/// One teacher row of the desk list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskRow {
    pub teacher_id: i64,
    /// Not enrolled: marking asks to enrol on the spot first.
    pub walk_in: bool,
}

/// Rows kept per search.
const LIMIT: usize = 200;
/// Walk-ins shown below the enrolled matches.
const WALK_IN_LIMIT: usize = 20;
/// Extra matches asked for, so that inactive teachers among them leave enough walk-ins.
const INACTIVE_SLACK: usize = 40;

/// The best match of `query` among teachers not in service, for a desk whose query offers
/// nobody: it says why that teacher is not offered rather than "no match".
pub fn inactive_match(index: &crate::search::Index, query: &str) -> Option<i64> {
    if query.trim().is_empty() {
        return None;
    }
    index
        .search(query, WALK_IN_LIMIT)
        .into_iter()
        .map(|h| h.id)
        .find(|&id| !index.is_active(id))
}

/// The rows for `query`: the session's enrolled teachers first (all of them, in enrolment
/// order, when the query is blank), then matching teachers who are not enrolled. Both parts
/// follow the one ranking rule; among equally good enrolled matches, those not yet marked in
/// the session come first (so the second 王艳 to arrive is the first 王艳 offered).
/// Teachers not in service (transferred, retired, left) are never offered.
pub fn rows_for(index: &crate::search::Index, data: &DeskData, query: &str) -> Vec<DeskRow> {
    let blank = query.trim().is_empty();
    let marked = |id: i64| data.marks.contains_key(&id);
    let enrolled: Vec<i64> = data
        .enrolled
        .iter()
        .copied()
        .filter(|&id| index.is_active(id))
        .collect();
    let mut rows: Vec<DeskRow> = if blank {
        enrolled
            .iter()
            .map(|&id| DeskRow {
                teacher_id: id,
                walk_in: false,
            })
            .collect()
    } else {
        index
            .search_at_desk(query, &enrolled, &marked, LIMIT)
            .into_iter()
            .map(|h| DeskRow {
                teacher_id: h.id,
                walk_in: false,
            })
            .collect()
    };
    if !blank {
        // Asked for more than shown: inactive teachers among the best are left out.
        let extra = index
            .search(query, 2 * (WALK_IN_LIMIT + rows.len()) + INACTIVE_SLACK)
            .into_iter()
            .filter(|h| !data.enrolled_set.contains(&h.id) && index.is_active(h.id))
            .take(WALK_IN_LIMIT)
            .map(|h| DeskRow {
                teacher_id: h.id,
                walk_in: true,
            });
        rows.extend(extra);
    }
    rows
}

/// Recent statuses (oldest first) of the given teachers, for their strips.
pub fn strips(conn: &Connection, ids: &[i64], n: usize) -> Result<HashMap<i64, Vec<Status>>> {
    let mut out = HashMap::with_capacity(ids.len());
    for &id in ids {
        let mut s: Vec<Status> = marks::recent_marks_of_teacher(conn, id, n)?
            .into_iter()
            .map(|m| m.status)
            .collect();
        s.reverse();
        out.insert(id, s);
    }
    Ok(out)
}
