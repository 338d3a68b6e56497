//! `liaoyuan checkin --project CODE [--session N] QUERY [--status S]
//! [--at "YYYY-MM-DD HH:MM"] [--reason TEXT]`: marks one teacher (docs/rules.md §6).

use super::args::Lang;
use crate::domain::{Session, Status, TIME_FMT};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::ops::check_in::{check_in, CheckIn, CheckInOutcome};
use crate::ops::lookup::{
    ambiguous, best_matches, briefs, index_of, no_match, teacher_index, teacher_list,
};
use crate::store::{enrolments, projects, sessions, Db, OpenMode};
use chrono::NaiveDateTime;
use rusqlite::Connection;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// Project code
    #[arg(long, value_name = "CODE")]
    pub project: String,
    /// Session number, 1-based in date and time order (default: the session running now)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub session: Option<u32>,
    /// Name, pinyin, initials, staff number or phone tail (as the TUI search)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// present, late, left_early, absent, excused (or 出勤, 迟到, 早退, 旷课, 请假)
    #[arg(long, value_name = "S", value_parser = parse_status)]
    pub status: Option<Status>,
    /// Time of the check-in, for entering a paper sign-in sheet later
    #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = parse_at)]
    pub at: Option<NaiveDateTime>,
    /// Leave reason, or why a mark is changed (needed to lift a veto)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

fn parse_status(text: &str) -> std::result::Result<Status, String> {
    Status::parse(text).ok_or_else(|| format!("unknown status; use one of {}", Status::choices()))
}

fn parse_at(text: &str) -> std::result::Result<NaiveDateTime, String> {
    crate::domain::parse_datetime(text)
        .ok_or_else(|| "expected a time like \"2026-03-02 08:42\"".to_string())
}

/// Marks the teacher and prints what was recorded.
pub fn run(
    path: &Path,
    read_only: bool,
    lang: Lang,
    args: &CheckinArgs,
    stamp: &crate::store::Stamp,
) -> Result<()> {
    let zh = lang == Lang::Zh;
    let mode = if read_only {
        OpenMode::ReadOnly
    } else {
        OpenMode::Create
    };
    let mut db = Db::open(path, mode)?;
    let settings = crate::store::settings::load(&db.conn)?;
    let project = projects::project_by_code(&db.conn, &args.project)?.ok_or_else(|| {
        let code = args.project.trim();
        Error::invalid(pick(
            format!("没有编号为“{code}”的培训项目"),
            format!("no project has the code '{code}'"),
        ))
    })?;
    let at = args.at.unwrap_or(stamp.now);
    let leaving = args.status == Some(Status::LeftEarly);
    let session = match args.session {
        Some(n) => numbered_session(&db.conn, project.id, &project.code, n)?,
        None if leaving => running_session(&db.conn, project.id, &project.code, at)?,
        None => choose_session(&db.conn, project.id, &project.code, at)?,
    };
    let query = args.query.join(" ");
    let teacher_id = find_enrolled(&db.conn, project.id, &project.code, &query)?;
    let req = CheckIn {
        session_id: session.id,
        teacher_id,
        at,
        status: args.status,
        reason: args.reason.clone(),
        minutes_late: None,
        // A stated --at is the arrival time, except for a check-out (without
        // --at, leaving now while the session runs, else at an unknown time).
        arrived_at: args.at.filter(|_| !leaving),
        minutes_early: None,
        checked_out_at: args.at.filter(|_| leaving),
        entered_by_hand: true,
    };
    let outcome = check_in(&mut db, stamp, &req, &settings)?;
    let t = enrolments::teacher_brief(&db.conn, teacher_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {teacher_id} 的教师"),
            format!("teacher {teacher_id}"),
        ))
    })?;
    super::lookup::emit(&format!(
        "{} ({}) {}",
        t.name,
        t.school,
        describe(&outcome, zh)
    ))
}

/// Session N of the project (1-based, in date and time order).
fn numbered_session(conn: &Connection, project_id: i64, code: &str, n: u32) -> Result<Session> {
    let all = sessions::sessions_of_project(conn, project_id)?;
    let index = (n as usize).checked_sub(1);
    index.and_then(|i| all.get(i)).cloned().ok_or_else(|| {
        let count = all.len();
        Error::invalid(pick(
            format!("培训项目 {code} 共有 {count} 场，没有第 {n} 场"),
            format!("project {code} has {count} session(s); there is no session {n}"),
        ))
    })
}

/// The sessions of the project on `at`'s day, one `--session N: date start–end` line each.
fn day_listing(conn: &Connection, project_id: i64, at: NaiveDateTime) -> Result<Vec<String>> {
    let all = sessions::sessions_of_project(conn, project_id)?;
    Ok(all
        .iter()
        .enumerate()
        .filter(|(_, s)| s.date == at.date())
        .map(|(i, s)| {
            format!(
                "  --session {}: {} {}–{}",
                i + 1,
                s.date,
                s.start.format(TIME_FMT),
                s.end.format(TIME_FMT)
            )
        })
        .collect())
}

/// The session a leaving time `at` falls in (started, not yet ended); a time
/// between sessions belongs to none and is refused with that day's sessions.
fn running_session(
    conn: &Connection,
    project_id: i64,
    code: &str,
    at: NaiveDateTime,
) -> Result<Session> {
    let all = sessions::sessions_of_project(conn, project_id)?;
    let time = at.time();
    if let Some(s) = all
        .into_iter()
        .find(|s| s.date == at.date() && s.start <= time && time <= s.end)
    {
        return Ok(s);
    }
    let (date, time) = (at.date(), at.format(TIME_FMT));
    let listing = day_listing(conn, project_id, at)?;
    let list = if listing.is_empty() {
        pick("  （当天没有场次）", "  (none that day)")
    } else {
        crate::lang::Text::plain(listing.join("\n"))
    };
    Err(Error::invalid(pick(
        format!(
            "离开时间 {date} {time} 不在培训项目 {code} 的任何场次之内；当天的场次：\n{}",
            list.zh
        ),
        format!(
            "the leaving time {date} {time} falls in no session of project {code}; \
             that day's sessions:\n{}",
            list.en
        ),
    )))
}

/// The session running at `at`, else the next one that day.
fn choose_session(
    conn: &Connection,
    project_id: i64,
    code: &str,
    at: NaiveDateTime,
) -> Result<Session> {
    let all = sessions::sessions_of_project(conn, project_id)?;
    if let Some(s) = sessions::current_session_of_project(conn, project_id, at)? {
        return Ok(s);
    }
    let listing = day_listing(conn, project_id, at)?;
    if listing.is_empty() {
        let (date, time, count) = (at.date(), at.format(TIME_FMT), all.len());
        Err(Error::invalid(pick(
            format!(
                "培训项目 {code} 在 {date} {time} 及以后没有场次；请用 --session N（1–{count}）指定"
            ),
            format!(
                "project {code} has no session on {date} at or after {time}; \
                 choose one with --session N (1–{count})"
            ),
        )))
    } else {
        let (time, list) = (at.format(TIME_FMT), listing.join("\n"));
        Err(Error::invalid(pick(
            format!("培训项目 {code} 今天 {time} 及以后没有进行中的场次；今天的场次：\n{list}"),
            format!(
                "no session of project {code} is running at {time} or later today; \
                 today's sessions:\n{list}"
            ),
        )))
    }
}

/// The one enrolled teacher the query finds: enrolled teachers first, then
/// everyone (a match outside the enrolment is refused as not enrolled).
fn find_enrolled(conn: &Connection, project_id: i64, code: &str, query: &str) -> Result<i64> {
    if query.trim().is_empty() {
        return Err(no_match(query));
    }
    let enrolled = enrolments::enrolled_teacher_ids(conn, project_id)?;
    let exact = enrolments::teacher_id_by_staff_no(conn, query.trim())?;
    let others = match exact {
        Some(id) if enrolled.contains(&id) => return Ok(id),
        Some(id) => briefs(conn, &[id])?,
        None => {
            // Enrolled teachers first (a small index), then everyone.
            let mut ids = best_matches(conn, &index_of(conn, &enrolled)?, query, None)?;
            // As at the desk, teachers not in service are not offered: among equally good
            // matches the ones in service are chosen (one left alone is refused by check_in,
            // naming the status).
            let active: Vec<i64> = briefs(conn, &ids)?
                .into_iter()
                .filter(|t| t.status.is_active())
                .map(|t| t.id)
                .collect();
            if !active.is_empty() {
                ids = active;
            }
            match ids.len() {
                1 => return Ok(ids[0]),
                0 => {}
                _ => return Err(ambiguous(query, &briefs(conn, &ids)?)),
            }
            briefs(
                conn,
                &best_matches(conn, &teacher_index(conn)?, query, None)?,
            )?
        }
    };
    match others.len() {
        0 => Err(no_match(query)),
        1 => {
            let list = teacher_list(&others);
            let (list_zh, list_en) = (&list.zh, &list.en);
            Err(Error::invalid(pick(
                format!("未报名培训项目 {code}（现场报名请在界面的签到页办理）：\n{list_zh}"),
                format!(
                    "not enrolled in project {code} (enrol a walk-in in the TUI's Check-in tab):\n{list_en}"
                ),
            )))
        }
        n => {
            let (q, list) = (query.trim(), teacher_list(&others));
            let (list_zh, list_en) = (&list.zh, &list.en);
            Err(Error::invalid(pick(
                format!(
                    "“{q}”没有匹配培训项目 {code} 的报名教师；项目外有 {n} 位教师同样匹配\
                     （现场报名请在界面的签到页办理）：\n{list_zh}"
                ),
                format!(
                    "'{q}' matches no teacher enrolled in project {code}; {n} teachers outside it \
                     match equally well (a walk-in is enrolled in the TUI's Check-in tab):\n{list_en}"
                ),
            )))
        }
    }
}

/// "迟到 12 分钟（08:42）" / "late 12 min at 08:42".
fn describe(outcome: &CheckInOutcome, zh: bool) -> String {
    let m = outcome.mark();
    let mut what = m.status.label(zh).to_string();
    if m.status == Status::Late && m.minutes_late > 0 {
        what += &if zh {
            format!(" {} 分钟", m.minutes_late)
        } else {
            format!(" {} min", m.minutes_late)
        };
    }
    if m.status == Status::LeftEarly && m.minutes_early > 0 {
        what += &if zh {
            format!(" 提前 {} 分钟", m.minutes_early)
        } else {
            format!(" {} min early", m.minutes_early)
        };
    }
    let at = m
        .checked_out_at
        .filter(|_| m.status == Status::LeftEarly)
        .or(m.checked_in_at)
        .map(|t| t.format(TIME_FMT).to_string());
    let time = match (&at, zh) {
        (Some(t), true) => format!("（{t}）"),
        (Some(t), false) => format!(" at {t}"),
        (None, _) => String::new(),
    };
    match (outcome, zh) {
        (CheckInOutcome::Recorded { .. }, _) => format!("{what}{time}"),
        (CheckInOutcome::AlreadyIn { .. }, true) => match &at {
            Some(t) => format!("已签到（{t}，{what}），未重复记录"),
            None => format!("已签到（{what}），未重复记录"),
        },
        (CheckInOutcome::AlreadyIn { .. }, false) => {
            format!("already in{time} ({what}); nothing recorded")
        }
        (CheckInOutcome::Unchanged { .. }, true) => format!("已有记录：{what}，未改变"),
        (CheckInOutcome::Unchanged { .. }, false) => format!("already marked {what}; unchanged"),
    }
}
