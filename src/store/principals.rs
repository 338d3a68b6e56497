//! Read-only queries of the principals' track (docs/rules.md §4.8): teachers with a role and
//! the hours of the projects they completed; the per-plan summary by year.

use crate::domain::parse_date;
use crate::domain::principals::Role;
use crate::domain::Plan;
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// A teacher with a role, and every project they completed: (date earned, hours, whether it
/// is a qualification training).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleHolder {
    pub teacher_id: i64,
    pub staff_no: String,
    pub name: String,
    pub school: String,
    pub role: Role,
    pub role_since: Option<NaiveDate>,
    pub completions: Vec<(NaiveDate, f64, bool)>,
}

/// Every teacher with a role (in service or not: the caller filters), by school and name.
pub fn role_holders(conn: &Connection) -> Result<Vec<RoleHolder>> {
    let row = Stored::new("teachers", 0);
    let entry = Stored::new("credit_entries", 7);
    let mut st = conn.prepare_cached(
        "SELECT t.id, t.staff_no, t.name, s.name, t.role, t.role_since,
                ce.earned_on, ce.id, p.hours, p.qualification
         FROM teachers t JOIN schools s ON s.id = t.school_id
         LEFT JOIN credit_entries ce ON ce.teacher_id = t.id AND ce.source = 'project'
         LEFT JOIN projects p ON p.id = ce.project_id
         WHERE t.role IS NOT NULL AND t.status = 'active'
         ORDER BY s.name, t.name, t.id, ce.earned_on",
    )?;
    let mut rows = st.query([])?;
    let mut out: Vec<RoleHolder> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().map(|h| h.teacher_id) != Some(id) {
            out.push(RoleHolder {
                teacher_id: id,
                staff_no: r.get(1)?,
                name: r.get(2)?,
                school: r.get(3)?,
                role: row.code(r, 4, Role::parse)?,
                role_since: row.optional(r, 5, parse_date)?,
                completions: Vec::new(),
            });
        }
        if let Some(earned) = entry.optional(r, 6, parse_date)? {
            let hours: Option<f64> = r.get(8)?;
            let qualification: Option<bool> = r.get(9)?;
            if let Some(holder) = out.last_mut() {
                holder.completions.push((
                    earned,
                    hours.unwrap_or(0.0),
                    qualification.unwrap_or(false),
                ));
            }
        }
    }
    Ok(out)
}

/// One plan's projects starting in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanYear {
    pub year: i32,
    pub plan: Plan,
    pub projects: i64,
    /// Enrolments in those projects.
    pub participants: i64,
    /// Sum of the projects' hours.
    pub hours: f64,
    /// Sums of the budgets entered (a project without one adds nothing).
    pub budget_planned: f64,
    pub budget_spent: f64,
}

/// Per plan and year (of a project's start date): `year` only, or every year; by year, then
/// the plans' order (Plan::ALL).
pub fn plan_summary(conn: &Connection, year: Option<i32>) -> Result<Vec<PlanYear>> {
    let row = Stored::new("projects", 0);
    let mut st = conn.prepare_cached(
        "SELECT min(p.id), CAST(substr(p.start_date, 1, 4) AS INTEGER) AS y, p.plan, count(*),
                coalesce(sum((SELECT count(*) FROM enrolments e WHERE e.project_id = p.id)), 0),
                coalesce(sum(p.hours), 0), coalesce(sum(p.budget_planned), 0),
                coalesce(sum(p.budget_spent), 0)
         FROM projects p
         WHERE ?1 IS NULL OR substr(p.start_date, 1, 4) = printf('%04d', ?1)
         GROUP BY y, p.plan",
    )?;
    let mut out = st
        .query_map(params![year], |r| {
            Ok(PlanYear {
                year: r.get(1)?,
                plan: row.code(r, 2, Plan::parse)?,
                projects: r.get(3)?,
                participants: r.get(4)?,
                hours: r.get(5)?,
                budget_planned: r.get(6)?,
                budget_spent: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    out.sort_by_key(|p| (p.year, p.plan));
    Ok(out)
}

/// A teacher's role and appointment date (None: the teacher has no role).
pub fn role_of(conn: &Connection, teacher_id: i64) -> Result<Option<(Role, Option<NaiveDate>)>> {
    let row = Stored::new("teachers", 0);
    let mut st = conn.prepare_cached("SELECT id, role, role_since FROM teachers WHERE id = ?1")?;
    let mut rows = st.query([teacher_id])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let role = row.optional(r, 1, Role::parse)?;
    let since = row.optional(r, 2, parse_date)?;
    Ok(role.map(|role| (role, since)))
}

/// Sets (or with None clears) a teacher's role and appointment date.
pub fn set_role(
    conn: &Connection,
    teacher_id: i64,
    role: Option<(Role, Option<NaiveDate>)>,
) -> Result<()> {
    let (code, since) = match role {
        Some((r, since)) => (Some(r.code()), since.map(|d| d.to_string())),
        None => (None, None),
    };
    conn.prepare_cached("UPDATE teachers SET role = ?2, role_since = ?3 WHERE id = ?1")?
        .execute(params![teacher_id, code, since])?;
    Ok(())
}
