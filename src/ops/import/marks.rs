//! Import of a filled-in paper sign-in sheet (签到表):
//! `staff_no,session,time_in,time_out,status,reason` (+ `project` or `--project`,
//! `session` or `--session`), matched by (session, teacher). An empty status
//! is decided by the times: the §4.1 grace rule for time in, minutes early
//! for time out. Rows with no time, status or reason are skipped (the close
//! of the session marks them absent).

use super::driver::Importer;
use super::marks_plan::{MarkPlan, Step};
use super::project_ref::{fixed_project, no_project_column, project_of, session_of};
use super::table::{Column, Table};
use super::teacher_ref::teacher_of;
use super::values::Cells;
use super::Context;
use crate::domain::attendance::change_needs_reason;
use crate::domain::mark_rules::{compose_times, status_from_times, Stated};
use crate::domain::veto::removes_veto_status;
use crate::domain::{Mark, Project, Session, Status, Teacher};
use crate::error::Result;
use crate::lang::pick;
use crate::store::{enrolments, marks, projects, sessions, settings};
use chrono::{NaiveDateTime, NaiveTime};
use rusqlite::Connection;
use std::collections::hash_map::{Entry, HashMap};

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("project", "项目编号", &["项目", "code"]),
    Column::new("staff_no", "工号", &["教师编号", "编号"]).required(),
    Column::new("name", "姓名", &[]),
    Column::new("session", "场次", &["第几场", "session_no"]),
    Column::new(
        "time_in",
        "签到时间",
        &["签到", "到达时间", "checked_in_at"],
    ),
    Column::new(
        "time_out",
        "签退时间",
        &["签退", "离开时间", "checked_out_at"],
    ),
    Column::new("status", "状态", &["出勤状态", "出勤"]),
    Column::new("reason", "事由", &["原因", "请假事由", "说明"]),
];

/// The marks kind: the project and session a sheet is about when rows do not
/// say, the grace minutes, the projects and schedules rows name, and the marks
/// seen so far in the file.
pub(crate) struct Marks {
    fixed: Option<Project>,
    session_default: Option<usize>,
    grace: i64,
    actor: String,
    now: NaiveDateTime,
    projects: HashMap<String, Option<Project>>,
    schedules: HashMap<i64, Vec<Session>>,
    seen: HashMap<(i64, i64), usize>,
    unchanged: usize,
}

impl<'t> Importer<'t> for Marks {
    /// A mark to write, and its session as the snapshot showed it.
    type Row = (Step, Session);
    type Plan = MarkPlan;

    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Marks> {
        // A sheet printed by `export sign-in-sheet` names its project and session in its title.
        let (title_code, title_session) = crate::ops::sign_in_sheet::read_title(&table.title);
        let mut fixed = fixed_project(conn, ctx)?;
        if fixed.is_none() && !table.has("project") {
            if let Some(code) = &title_code {
                fixed = projects::project_by_code(conn, code)?;
            }
        }
        let session_default = ctx.opts.session.or(title_session);
        table.check_required(&[])?;
        if fixed.is_none() && !table.has("project") {
            return Err(no_project_column(table));
        }
        if session_default.is_none() && !table.has("session") {
            return Err(crate::Error::invalid(pick(
                format!(
                    "line {}: 表头没有场次（session）列；请加上该列，或用 --session 场次号 指定",
                    table.header_line
                ),
                format!(
                    "line {}: the header has no session (场次) column; give --session N",
                    table.header_line
                ),
            )));
        }
        Ok(Marks {
            fixed,
            session_default,
            grace: settings::load(conn)?.grace_minutes,
            actor: ctx.actor.clone(),
            now: ctx.now,
            projects: HashMap::new(),
            schedules: HashMap::new(),
            seen: HashMap::new(),
            unchanged: 0,
        })
    }

    fn row(&mut self, conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Self::Row>> {
        let (time_in, time_out) = (c.time("time_in"), c.time("time_out"));
        let status = c.choice("status", "status", Status::parse, Status::choices);
        let reason = c.text("reason").to_string();
        if matches!((time_in, time_out, status), (Ok(None), Ok(None), Ok(None)))
            && reason.is_empty()
        {
            return Ok(None);
        }
        let target = self.target(conn, c)?;
        let (Some((project, session, teacher)), Ok(time_in), Ok(time_out), Ok(status)) =
            (target, time_in, time_out, status)
        else {
            return Ok(None);
        };
        let Some(sending_school) = sending_school(conn, c, &project, &teacher)? else {
            return Ok(None);
        };
        if let Some(first) = self.seen.insert((session.id, teacher.id), c.line()) {
            c.problem(
                "staff_no",
                pick(
                    format!(
                        "工号 {} 在本场次重复出现（第 {first} 行已有）",
                        teacher.staff_no
                    ),
                    format!(
                        "{} appears again for this session (first on line {first})",
                        teacher.staff_no
                    ),
                ),
            );
            return Ok(None);
        }
        let Some(mut mark) = desired(c, &session, time_in, time_out, status, self.grace) else {
            return Ok(None);
        };
        let existing = marks::get_mark(conn, session.id, teacher.id)?;
        mark.teacher_id = teacher.id;
        mark.school_id = existing.as_ref().map_or(sending_school, |m| m.school_id);
        mark.reason = reason;
        mark.recorded_by = self.actor.clone();
        mark.recorded_at = self.now;
        if let Some(why) = missing_reason(existing.as_ref(), &mark, &session) {
            c.problem("reason", why);
            return Ok(None);
        }
        if existing
            .as_ref()
            .is_some_and(|old| old.same_attendance(&mark))
        {
            self.unchanged += 1;
            return Ok(None);
        }
        if let Some(old) = &existing {
            mark.id = old.id;
        }
        let step = Step {
            line: c.line(),
            staff_no: teacher.staff_no.clone(),
            project_id: project.id,
            mark,
            before: existing,
        };
        Ok(Some((step, session)))
    }

    fn plan(self, _conn: &Connection, rows: Vec<Self::Row>) -> Result<MarkPlan> {
        let mut plan = MarkPlan {
            steps: Vec::with_capacity(rows.len()),
            unchanged: self.unchanged,
            sessions: HashMap::new(),
        };
        for (step, session) in rows {
            plan.steps.push(step);
            plan.sessions.insert(session.id, session);
        }
        Ok(plan)
    }
}

impl Marks {
    /// The project, session and teacher a row is about.
    fn target(
        &mut self,
        conn: &Connection,
        c: &mut Cells,
    ) -> Result<Option<(Project, Session, Teacher)>> {
        let project = project_of(conn, c, self.fixed.as_ref(), &mut self.projects)?;
        let session = match &project {
            Some(p) => {
                let list = match self.schedules.entry(p.id) {
                    Entry::Occupied(e) => e.into_mut(),
                    Entry::Vacant(e) => e.insert(sessions::sessions_of_project(conn, p.id)?),
                };
                session_of(c, p, list, self.session_default)
            }
            None => None,
        };
        let teacher = teacher_of(conn, c)?;
        let (Some(project), Some(session), Some(teacher)) = (project, session, teacher) else {
            return Ok(None);
        };
        Ok(Some((project, session, teacher)))
    }
}

/// The school that sent the teacher to the project (a mark carries it, as
/// check-in and closing do); not being enrolled is a problem of the row.
fn sending_school(
    conn: &Connection,
    c: &mut Cells,
    project: &Project,
    teacher: &Teacher,
) -> Result<Option<i64>> {
    let found = enrolments::sending_school(conn, project.id, teacher.id)?;
    if found.is_none() {
        c.problem(
            "staff_no",
            pick(
                format!(
                    "{}（{}）未报名培训项目 {}；请先报名",
                    teacher.staff_no, teacher.name, project.code
                ),
                format!(
                    "{} ({}) is not enrolled in {}; enrol them first",
                    teacher.staff_no, teacher.name, project.code
                ),
            ),
        );
    }
    Ok(found)
}

/// Why `mark` may not be written without a reason, if it may not: leave
/// always needs one, and so does a change that lifts a veto or alters a
/// closed session's mark.
fn missing_reason(
    existing: Option<&Mark>,
    mark: &Mark,
    session: &Session,
) -> Option<crate::lang::Text> {
    if !mark.reason.is_empty() {
        return None;
    }
    if mark.status.is_leave() {
        return Some(pick(
            "为空：请假需要填写事由",
            "is empty: leave (请假) needs a reason",
        ));
    }
    let before = existing.map(|m| m.status);
    let changes = existing.is_none_or(|m| !m.same_attendance(mark));
    if !(changes && change_needs_reason(before, mark.status, session.is_closed())) {
        return None;
    }
    Some(match before {
        Some(b) if removes_veto_status(before, mark.status) => pick(
            format!(
                "把“{}”改为“{}”会解除一票否决，必须填写事由",
                b.zh(),
                mark.status.zh()
            ),
            format!(
                "changing {} to {} lifts a one-vote veto; a reason is required",
                b.code(),
                mark.status.code()
            ),
        ),
        _ => pick(
            format!("{} 的场次已关闭，修改考勤记录必须填写事由", session.date),
            format!(
                "the session of {} is closed; changing a mark needs a reason",
                session.date
            ),
        ),
    })
}

/// The mark a row asks for (teacher, school and recorder filled in by the caller).
fn desired(
    c: &mut Cells,
    session: &Session,
    time_in: Option<NaiveTime>,
    time_out: Option<NaiveTime>,
    status: Option<Status>,
    grace: i64,
) -> Option<Mark> {
    let at = |t: NaiveTime| session.date.and_time(t);
    let stated = Stated {
        checked_in_at: time_in.map(at),
        checked_out_at: time_out.map(at),
        minutes_late: None,
        minutes_early: None,
    };
    let status = match status {
        Some(s) => s,
        None if stated.checked_in_at.is_none() => {
            c.problem(
                "time_in",
                pick(
                    "为空（需要签到时间来判定出勤，或填写出勤状态）",
                    "is empty (needed to decide the mark, or give a status)",
                ),
            );
            return None;
        }
        None => status_from_times(session, stated.checked_in_at, stated.checked_out_at, grace)?,
    };
    let mut mark = Mark {
        id: 0,
        session_id: session.id,
        teacher_id: 0,
        school_id: 0,
        session_date: session.date,
        status,
        minutes_late: 0,
        minutes_early: 0,
        checked_in_at: None,
        checked_out_at: None,
        reason: String::new(),
        recorded_by: String::new(),
        recorded_at: session.starts_at(),
    };
    mark.set_attendance(status, compose_times(status, session, stated, grace));
    Some(mark)
}
