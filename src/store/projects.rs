//! Training projects (培训项目) and the follow-up kinds each requires.

use super::sessions::{date_col, datetime_col};
use crate::domain::principals::{TrainingForm, TrainingMeta};
use crate::domain::{FollowUpKind, Level, Plan, Project, DATE_FMT};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

/// The editable fields of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectFields {
    pub code: String,
    pub title: String,
    pub level: Level,
    pub plan: Plan,
    pub concentrated: bool,
    pub credits: f64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub venue: String,
    pub capacity: Option<i64>,
    pub threshold_pct: i64,
    /// Can the project's marks cause a one-vote veto? (`domain::veto::default_veto_scope`)
    pub veto_scope: bool,
    /// Hours, training form, budget, qualification flag.
    pub meta: TrainingMeta,
}

/// Where a project stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectState {
    /// Starts after today.
    Upcoming,
    /// Today is within its dates.
    Running,
    /// Ended, completion not yet computed.
    Ended,
    /// Completion computed and credits granted.
    Completed,
}

impl ProjectState {
    pub const ALL: &'static [ProjectState] = &[
        ProjectState::Upcoming,
        ProjectState::Running,
        ProjectState::Ended,
        ProjectState::Completed,
    ];

    /// The state of `p` on `today`.
    pub fn of(p: &Project, today: NaiveDate) -> ProjectState {
        if p.completed_at.is_some() {
            ProjectState::Completed
        } else if today < p.start_date {
            ProjectState::Upcoming
        } else if today <= p.end_date {
            ProjectState::Running
        } else {
            ProjectState::Ended
        }
    }

    pub fn label(self, chinese: bool) -> &'static str {
        match (self, chinese) {
            (ProjectState::Upcoming, true) => "未开始",
            (ProjectState::Running, true) => "进行中",
            (ProjectState::Ended, true) => "已结束",
            (ProjectState::Completed, true) => "已结业",
            (ProjectState::Upcoming, false) => "Upcoming",
            (ProjectState::Running, false) => "Running",
            (ProjectState::Ended, false) => "Ended",
            (ProjectState::Completed, false) => "Completed",
        }
    }
}

/// Filters of the project list; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFilter {
    pub level: Option<Level>,
    pub plan: Option<Plan>,
    pub state: Option<ProjectState>,
    /// Projects with any day in this calendar year.
    pub year: Option<i32>,
}

const COLUMNS: &str = "id, code, title, level, plan, concentrated, credits, start_date, end_date, \
                       venue, capacity, threshold_pct, completed_at, coalesce(veto_scope, concentrated), \
                       hours, form, budget_planned, budget_spent, qualification";

fn from_row(r: &Row) -> rusqlite::Result<Project> {
    let level: String = r.get(3)?;
    let plan: String = r.get(4)?;
    Ok(Project {
        id: r.get(0)?,
        code: r.get(1)?,
        title: r.get(2)?,
        level: Level::parse(&level)
            .ok_or_else(|| super::sessions::conversion_error(3, &level, "level"))?,
        plan: Plan::parse(&plan)
            .ok_or_else(|| super::sessions::conversion_error(4, &plan, "plan"))?,
        concentrated: r.get::<_, i64>(5)? != 0,
        credits: r.get(6)?,
        start_date: date_col(r, 7)?,
        end_date: date_col(r, 8)?,
        venue: r.get(9)?,
        capacity: r.get(10)?,
        threshold_pct: r.get(11)?,
        completed_at: datetime_col(r, 12)?,
        veto_scope: r.get::<_, i64>(13)? != 0,
        meta: TrainingMeta {
            hours: r.get(14)?,
            form: match r.get::<_, Option<String>>(15)? {
                None => None,
                Some(f) => Some(
                    TrainingForm::parse(&f)
                        .ok_or_else(|| super::sessions::conversion_error(15, &f, "form"))?,
                ),
            },
            budget_planned: r.get(16)?,
            budget_spent: r.get(17)?,
            qualification: r.get::<_, i64>(18)? != 0,
        },
    })
}

/// One project by id.
pub fn get_project(conn: &Connection, id: i64) -> Result<Option<Project>> {
    let sql = format!("SELECT {COLUMNS} FROM projects WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// One project by code (exact, then case-insensitive). Two queries: SQLite
/// folds `code = ?1 OR code = ?1 COLLATE NOCASE` into the exact lookup alone.
pub fn project_by_code(conn: &Connection, code: &str) -> Result<Option<Project>> {
    for sql in [
        format!("SELECT {COLUMNS} FROM projects WHERE code = ?1"),
        format!("SELECT {COLUMNS} FROM projects WHERE code = ?1 COLLATE NOCASE LIMIT 1"),
    ] {
        let found = conn
            .prepare_cached(&sql)?
            .query_row([code.trim()], from_row)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Projects matching `filter` on `today`, newest start first.
pub fn list_projects(
    conn: &Connection,
    filter: &ProjectFilter,
    today: NaiveDate,
) -> Result<Vec<Project>> {
    let (from, to) = match filter.year {
        Some(y) => (format!("{y:04}-01-01"), format!("{y:04}-12-31")),
        None => ("0000-01-01".to_string(), "9999-12-31".to_string()),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM projects
         WHERE start_date <= ?2 AND end_date >= ?1
           AND (?3 IS NULL OR level = ?3) AND (?4 IS NULL OR plan = ?4)
         ORDER BY start_date DESC, code"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(
        params![
            from,
            to,
            filter.level.map(|l| l.code()),
            filter.plan.map(|p| p.code())
        ],
        from_row,
    )?;
    let mut out = Vec::new();
    for p in rows {
        let p = p?;
        if filter
            .state
            .is_none_or(|s| ProjectState::of(&p, today) == s)
        {
            out.push(p);
        }
    }
    Ok(out)
}

/// Is `code` used by a project other than `except`?
pub fn code_taken(conn: &Connection, code: &str, except: Option<i64>) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM projects WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2 LIMIT 1",
        )?
        .query_row(params![code.trim(), except], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A project's column values, bound as ?1..?17 by both [`insert_project`] and
/// [`update_project`] (in the order their SQL names the columns).
fn project_values(f: &ProjectFields) -> [Value; 17] {
    [
        f.code.trim().to_owned().into(),
        f.title.trim().to_owned().into(),
        f.level.code().to_owned().into(),
        f.plan.code().to_owned().into(),
        i64::from(f.concentrated).into(),
        f.credits.into(),
        f.start_date.format(DATE_FMT).to_string().into(),
        f.end_date.format(DATE_FMT).to_string().into(),
        f.venue.trim().to_owned().into(),
        f.capacity.into(),
        f.threshold_pct.into(),
        i64::from(f.veto_scope).into(),
        f.meta.hours.into(),
        f.meta.form.map(|x| x.code().to_owned()).into(),
        f.meta.budget_planned.into(),
        f.meta.budget_spent.into(),
        i64::from(f.meta.qualification).into(),
    ]
}

/// Inserts a project; returns its id.
pub fn insert_project(conn: &Connection, f: &ProjectFields) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO projects (code, title, level, plan, concentrated, credits, start_date,
         end_date, venue, capacity, threshold_pct, veto_scope, hours, form, budget_planned,
         budget_spent, qualification)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params_from_iter(project_values(f)))?;
    Ok(conn.last_insert_rowid())
}

/// Updates a project's fields; a new veto scope reaches its marks (trigger
/// `projects_veto_scope_marks`), and with them the vetoes.
pub fn update_project(conn: &Connection, id: i64, f: &ProjectFields) -> Result<()> {
    conn.prepare_cached(
        "UPDATE projects SET code = ?1, title = ?2, level = ?3, plan = ?4, concentrated = ?5,
         credits = ?6, start_date = ?7, end_date = ?8, venue = ?9, capacity = ?10,
         threshold_pct = ?11, veto_scope = ?12, hours = ?13, form = ?14, budget_planned = ?15,
         budget_spent = ?16, qualification = ?17 WHERE id = ?18",
    )?
    .execute(params_from_iter(
        project_values(f).into_iter().chain([Value::from(id)]),
    ))?;
    Ok(())
}

/// Follow-up kinds a project requires, with their due offsets in days.
pub fn follow_up_kinds(conn: &Connection, project_id: i64) -> Result<Vec<(FollowUpKind, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT kind, due_days FROM project_follow_up_kinds WHERE project_id = ?1 ORDER BY kind",
    )?;
    let rows = st.query_map([project_id], |r| {
        let k: String = r.get(0)?;
        let kind = FollowUpKind::parse(&k)
            .ok_or_else(|| super::sessions::conversion_error(0, &k, "follow-up kind"))?;
        Ok((kind, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Replaces the follow-up kinds a project requires.
pub fn set_follow_up_kinds(
    conn: &Connection,
    project_id: i64,
    kinds: &[(FollowUpKind, i64)],
) -> Result<()> {
    conn.prepare_cached("DELETE FROM project_follow_up_kinds WHERE project_id = ?1")?
        .execute([project_id])?;
    let mut st = conn.prepare_cached(
        "INSERT INTO project_follow_up_kinds (project_id, kind, due_days) VALUES (?1, ?2, ?3)
         ON CONFLICT(project_id, kind) DO UPDATE SET due_days = excluded.due_days",
    )?;
    for (kind, days) in kinds {
        st.execute(params![project_id, kind.code(), days])?;
    }
    Ok(())
}

/// A project (with its follow-up kinds) as JSON for the audit log.
pub fn project_json(p: &ProjectFields, kinds: &[(FollowUpKind, i64)]) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = kinds
        .iter()
        .map(|(k, d)| (k.code().to_string(), serde_json::json!(d)))
        .collect();
    serde_json::json!({
        "code": p.code, "title": p.title, "level": p.level.code(), "plan": p.plan.code(),
        "concentrated": p.concentrated, "credits": p.credits,
        "start_date": p.start_date.format(DATE_FMT).to_string(),
        "end_date": p.end_date.format(DATE_FMT).to_string(),
        "venue": p.venue, "capacity": p.capacity, "threshold_pct": p.threshold_pct,
        "veto_scope": p.veto_scope, "follow_ups": kinds,
        "hours": p.meta.hours, "form": p.meta.form.map(|x| x.code()),
        "budget_planned": p.meta.budget_planned, "budget_spent": p.meta.budget_spent,
        "qualification": p.meta.qualification,
    })
}

impl From<&Project> for ProjectFields {
    fn from(p: &Project) -> Self {
        ProjectFields {
            code: p.code.clone(),
            title: p.title.clone(),
            level: p.level,
            plan: p.plan,
            concentrated: p.concentrated,
            credits: p.credits,
            start_date: p.start_date,
            end_date: p.end_date,
            venue: p.venue.clone(),
            capacity: p.capacity,
            threshold_pct: p.threshold_pct,
            veto_scope: p.veto_scope,
            meta: p.meta,
        }
    }
}
