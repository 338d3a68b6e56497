//! Everything the Teachers tab's detail pane shows about one teacher, read in one go:
//! record, tier history, this year's attendance and veto evidence, credit-cycle standing,
//! and the recent marks strip. Rules come from `crate::domain` (veto year, credit cycle).

use super::marks::{recent_marks_of_teacher, teacher_marks_between, TeacherMark};
use super::tier_steps::TierStep;
use crate::domain::attendance::StatusCounts;
use crate::domain::credits::{cycle_of, standing, Compliance, CreditStanding, Cycle};
use crate::domain::veto::{veto_year, veto_year_range};
use crate::domain::{Settings, Teacher};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

/// How many recent marks the strip shows.
pub const RECENT_MARKS: usize = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct TeacherDetail {
    pub teacher: Teacher,
    /// Tier steps, oldest first.
    pub tier_history: Vec<TierStep>,
    /// The veto year containing today.
    pub year: i32,
    pub attendance: StatusCounts,
    /// This year's veto-causing marks, oldest first (empty: no veto).
    pub veto_evidence: Vec<TeacherMark>,
    pub cycle: Cycle,
    pub credits: CreditStanding,
    pub compliance: Compliance,
    /// Newest first.
    pub recent: Vec<TeacherMark>,
    /// The teacher's role (职务) and appointment date, if any.
    pub role: Option<(crate::domain::principals::Role, Option<chrono::NaiveDate>)>,
}

impl TeacherDetail {
    pub fn has_veto(&self) -> bool {
        !self.veto_evidence.is_empty()
    }
}

/// The detail of teacher `id`, or `None` when there is no such teacher.
pub fn load(
    conn: &Connection,
    id: i64,
    today: NaiveDate,
    s: &Settings,
) -> Result<Option<TeacherDetail>> {
    let Some(teacher) = super::teachers::get(conn, id)? else {
        return Ok(None);
    };
    let tier_history = super::tier_steps::history(conn, id)?;
    let year = veto_year(today, s.veto_year_start_month);
    let (from, to) = veto_year_range(year, s.veto_year_start_month);
    let marks = teacher_marks_between(conn, id, from, to)?;
    let mut attendance = StatusCounts::default();
    for m in &marks {
        attendance.add(m.status, 1);
    }
    let veto_evidence: Vec<TeacherMark> =
        marks.into_iter().filter(TeacherMark::causes_veto).collect();
    let cycle = cycle_of(today, s);
    let entries =
        super::teacher_record::credit_entries_between(conn, id, cycle.start(), cycle.end())?;
    let credits = standing(entries, &cycle, s);
    let compliance = credits.compliance(&cycle, today);
    let recent = recent_marks_of_teacher(conn, id, RECENT_MARKS)?;
    let role = super::principals::role_of(conn, id)?;
    Ok(Some(TeacherDetail {
        role,
        teacher,
        tier_history,
        year,
        attendance,
        veto_evidence,
        cycle,
        credits,
        compliance,
        recent,
    }))
}
