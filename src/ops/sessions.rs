//! Adding, editing, deleting and bulk-scheduling a project's sessions.

use crate::domain::booking::times_overlap;
use crate::domain::veto::veto_year;
use crate::domain::{DayPart, Session, TIME_FMT};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::ops::projects::{refuse_if_completed, Locked};
use crate::store::audit::{AuditAction, Entity};
use crate::store::sessions::{self, SessionFields};
use crate::store::{marks, projects, Db};
use crate::store::{Audit, Stamp, Write};
use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::Connection;

/// One block of a bulk schedule: a part of the day with its times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Block {
    pub part: DayPart,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Block {
    /// A part of the day at its default times (上午 08:30–11:30, …).
    pub fn default_for(part: DayPart) -> Block {
        let (s, e) = part.default_times();
        Block {
            part,
            start: crate::domain::parse_time(s).unwrap_or_default(),
            end: crate::domain::parse_time(e).unwrap_or_default(),
        }
    }
}

/// A bulk schedule: `days` consecutive days from `first_date`, each with `blocks`.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub first_date: NaiveDate,
    pub days: u32,
    pub blocks: Vec<Block>,
    pub topic: String,
    pub venue: String,
}

/// Refuses changing the sessions of a completed project (its completion counted them).
fn refuse_if_project_completed(conn: &Connection, project_id: i64) -> Result<()> {
    match projects::get_project(conn, project_id)? {
        Some(p) => refuse_if_completed(&p, Locked::Sessions),
        None => Ok(()),
    }
}

fn check_fields(conn: &Connection, project_id: i64, f: &SessionFields) -> Result<()> {
    let p = projects::get_project(conn, project_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {project_id} 的培训项目"),
            format!("project {project_id}"),
        ))
    })?;
    if f.end <= f.start {
        return Err({
            let (end, start) = (f.end.format(TIME_FMT), f.start.format(TIME_FMT));
            Error::invalid(pick(
                format!("结束时间 {end} 不晚于开始时间 {start}"),
                format!("the end time {end} is not after the start time {start}"),
            ))
        });
    }
    if f.date < p.start_date || f.date > p.end_date {
        return Err(Error::invalid(pick(
            format!(
                "{} 不在培训项目的日期内（{} 至 {}）",
                f.date, p.start_date, p.end_date
            ),
            format!(
                "{} is outside the project's dates ({} to {})",
                f.date, p.start_date, p.end_date
            ),
        )));
    }
    Ok(())
}

/// Refuses a session whose trainer already teaches another session (of any project) at an
/// overlapping time that day, naming the clash (`domain::booking`). `except`: the session
/// being edited.
pub(crate) fn refuse_double_booking(
    conn: &Connection,
    f: &SessionFields,
    except: Option<i64>,
) -> Result<()> {
    let Some(trainer_id) = f.trainer_id else {
        return Ok(());
    };
    let clash = sessions::trainer_sessions_on(conn, trainer_id, f.date, except)?
        .into_iter()
        .find(|(s, _)| times_overlap((f.start, f.end), (s.start, s.end)));
    let Some((other, code)) = clash else {
        return Ok(());
    };
    let name = crate::store::trainers::get(conn, trainer_id)?
        .map(|t| t.name)
        .unwrap_or_default();
    let (date, start, end) = (
        other.date,
        other.start.format(TIME_FMT),
        other.end.format(TIME_FMT),
    );
    let (new_start, new_end) = (f.start.format(TIME_FMT), f.end.format(TIME_FMT));
    let place = if other.venue.is_empty() {
        String::new()
    } else {
        format!(" @ {}", other.venue)
    };
    Err(Error::invalid(pick(
        format!(
            "讲师{name}在 {date} {start}–{end} 已有 {code} 的场次{place}，\
             与 {new_start}–{new_end} 冲突；请换讲师或时间"
        ),
        format!(
            "trainer {name} already teaches a session of {code} on {date} {start}–{end}{place}, \
             which clashes with {new_start}–{new_end}; choose another trainer or time"
        ),
    )))
}

pub(crate) fn record(
    tx: &Write,
    id: i64,
    action: AuditAction,
    before: Option<&Session>,
    after: Option<&Session>,
    reason: &str,
) -> Result<()> {
    tx.audit(Audit {
        entity: Entity::Session,
        entity_id: Some(id),
        action,
        before: before.map(sessions::session_json),
        after: after.map(sessions::session_json),
        reason,
    })
}

/// Adds one session to a project (date within the project, end after start, project not
/// completed).
pub fn add_session(db: &mut Db, stamp: &Stamp, project_id: i64, f: &SessionFields) -> Result<i64> {
    let tx = db.write(stamp)?;
    check_fields(&tx, project_id, f)?;
    refuse_double_booking(&tx, f, None)?;
    refuse_if_project_completed(&tx, project_id)?;
    let id = sessions::insert_session(&tx, project_id, f)?;
    let after = sessions::get_session(&tx, id)?;
    record(&tx, id, AuditAction::Create, None, after.as_ref(), "")?;
    tx.commit()?;
    Ok(id)
}

/// Edits a session. A closed session needs a reason. Its marks follow a change of date.
/// A completed project's sessions keep their date and times (topic, trainer, venue may change).
pub fn edit_session(
    db: &mut Db,
    stamp: &Stamp,
    id: i64,
    f: &SessionFields,
    reason: Option<&str>,
) -> Result<()> {
    let reason = reason.map(str::trim).unwrap_or("");
    let tx = db.write(stamp)?;
    let old = sessions::get_session(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(format!("编号 {id} 的场次"), format!("session {id}")))
    })?;
    check_fields(&tx, old.project_id, f)?;
    refuse_double_booking(&tx, f, Some(id))?;
    if (old.date, old.start, old.end) != (f.date, f.start, f.end) {
        refuse_if_project_completed(&tx, old.project_id)?;
    }
    if old.is_closed() && reason.is_empty() {
        return Err(Error::invalid(pick(
            "该场次已关闭，修改需要填写原因",
            "this session is closed; changing it needs a reason",
        )));
    }
    if reason.is_empty() {
        leaves_veto_year(&tx, &old, f.date)?;
    }
    sessions::update_session(&tx, id, f)?;
    let after = sessions::get_session(&tx, id)?;
    record(
        &tx,
        id,
        AuditAction::Update,
        Some(&old),
        after.as_ref(),
        reason,
    )?;
    tx.commit()?;
    Ok(())
}

/// Does moving session `old` to `date` take veto-causing marks out of their veto
/// year (and so lift those vetoes, §4.2)? Some((how many marks, the old veto
/// year)) when it does: such an edit needs a reason (forms ask for it first).
pub fn veto_marks_leaving_year(
    conn: &Connection,
    old: &Session,
    date: NaiveDate,
) -> Result<Option<(i64, i32)>> {
    let start_month = crate::store::settings::load(conn)?.veto_year_start_month;
    let year = veto_year(old.date, start_month);
    if veto_year(date, start_month) == year {
        return Ok(None);
    }
    let n = marks::veto_causing_count(conn, old.id)?;
    Ok((n > 0).then_some((n, year)))
}

/// Refuses moving a session with veto-causing marks to a date in another veto
/// year without a reason: it lifts those vetoes of the old year (§4.2).
fn leaves_veto_year(conn: &Connection, old: &Session, date: NaiveDate) -> Result<()> {
    let Some((n, year)) = veto_marks_leaving_year(conn, old, date)? else {
        return Ok(());
    };
    let old_date = old.date;
    Err(Error::invalid(pick(
        format!(
            "需要填写原因：该场次有 {n} 条导致一票否决的记录（迟到、早退、旷课），\
             从 {old_date} 改到 {date} 会使其移出 {year} 否决年度，撤销这些一票否决"
        ),
        format!(
            "the session has {n} veto-causing mark(s) (late, left early, absent); moving it from \
             {old_date} to {date} takes them out of veto year {year}, lifting those one-vote vetoes \
             (一票否决); a reason is required"
        ),
    )))
}

/// Deletes a session; refused when it has marks (they are attendance records) or its
/// project is completed.
pub fn delete_session(db: &mut Db, stamp: &Stamp, id: i64) -> Result<()> {
    let tx = db.write(stamp)?;
    let old = sessions::get_session(&tx, id)?.ok_or_else(|| {
        Error::NotFound(pick(format!("编号 {id} 的场次"), format!("session {id}")))
    })?;
    refuse_if_project_completed(&tx, old.project_id)?;
    let n = marks::mark_count(&tx, id)?;
    if n > 0 {
        return Err({
            let (date, start) = (old.date, old.start.format(TIME_FMT));
            Error::invalid(pick(
                format!("{date} {start} 的场次已有 {n} 条签到记录，不能删除"),
                format!(
                    "the session of {date} {start} has {n} attendance mark(s); it cannot be deleted"
                ),
            ))
        });
    }
    sessions::delete_session(&tx, id)?;
    record(&tx, id, AuditAction::Delete, Some(&old), None, "")?;
    tx.commit()?;
    Ok(())
}

/// Creates a schedule of sessions (N days × blocks) in one transaction.
/// Blocks that already exist (same date and start time) are skipped.
/// Returns the ids of the new sessions.
pub fn schedule_sessions(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    s: &Schedule,
) -> Result<Vec<i64>> {
    if s.days == 0 || s.blocks.is_empty() {
        return Err(Error::invalid(pick(
            "排课至少需要一天和一个时段",
            "a schedule needs at least one day and one part of the day",
        )));
    }
    let tx = db.write(stamp)?;
    refuse_if_project_completed(&tx, project_id)?;
    let existing: Vec<(NaiveDate, NaiveTime)> = sessions::sessions_of_project(&tx, project_id)?
        .iter()
        .map(|x| (x.date, x.start))
        .collect();
    let mut ids = Vec::new();
    for day in 0..s.days {
        let date = s
            .first_date
            .checked_add_days(Days::new(u64::from(day)))
            .ok_or_else(|| {
                Error::invalid(pick(
                    "排课超出了日历范围",
                    "the schedule runs past the calendar",
                ))
            })?;
        for b in &s.blocks {
            if existing.contains(&(date, b.start)) {
                continue;
            }
            let f = SessionFields {
                date,
                start: b.start,
                end: b.end,
                topic: s.topic.clone(),
                trainer_id: None,
                venue: s.venue.clone(),
            };
            check_fields(&tx, project_id, &f).map_err(|e| {
                let m = e.message();
                Error::invalid(pick(
                    format!("{date} {}：{}", b.part.label(true), m.zh),
                    format!("{date} {}: {}", b.part.label(false), m.en),
                ))
            })?;
            let id = sessions::insert_session(&tx, project_id, &f)?;
            let after = sessions::get_session(&tx, id)?;
            record(
                &tx,
                id,
                AuditAction::Create,
                None,
                after.as_ref(),
                "bulk schedule",
            )?;
            ids.push(id);
        }
    }
    tx.commit()?;
    Ok(ids)
}
