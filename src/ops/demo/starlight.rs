//! The demo district's Starlight life cycle: every trainer from a district teacher has a
//! selection date and criteria, every retired trainer an exit date and reason (at least two
//! exits), and trainers past candidacy have one to three assessments of a competency each,
//! resting on a session they taught, an observation or a feedback average.

use super::people::{date_str, days_before};
use super::Gen;
use crate::domain::Competency;
use crate::error::Result;
use rusqlite::params;
use std::collections::{HashMap, HashSet};

const CRITERIA: &[&str] = &[
    "区级骨干教师，近三年区级公开课 2 节",
    "市级优质课一等奖，校本研修主持人",
    "名师工作室成员，主持区级课题 1 项",
    "教研组长，送教下乡 3 次，学员评价优秀",
    "县级学科带头人，指导青年教师 4 名",
];
const EXIT_REASONS: &[&str] = &[
    "调往外区任教",
    "退休",
    "连续两年未承担授课任务，按专家库动态调整退出",
    "本人申请退出（工作调整）",
];
const ASSESSORS: &[&str] = &["教研室 王主任", "培训部 陈老师", "进修学校 刘校长"];
const OBSERVATIONS: &[&str] = &[
    "听课：环节紧凑，互动充分",
    "听课：案例贴近一线，可再精炼",
    "工作坊观察：组织有序，成果可推广",
];

/// A session held: id, date, topic.
type Held = (i64, String, String);

/// One pass over the sessions (the demo writes its indexes at the end): each trainer's
/// latest session held before `today` (id, date, topic), and who has one `today` or later.
fn sessions_by_trainer(
    conn: &rusqlite::Connection,
    today: &str,
) -> Result<(HashMap<i64, Held>, HashSet<i64>)> {
    let mut last_held: HashMap<i64, Held> = HashMap::new();
    let mut scheduled: HashSet<i64> = HashSet::new();
    let mut st = conn
        .prepare("SELECT trainer_id, id, date, topic FROM sessions WHERE trainer_id IS NOT NULL")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (trainer, sid, date, topic): (i64, i64, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if date.as_str() >= today {
            scheduled.insert(trainer);
        } else if last_held.get(&trainer).is_none_or(|(_, d, _)| *d < date) {
            last_held.insert(trainer, (sid, date, topic));
        }
    }
    Ok((last_held, scheduled))
}

/// A trainer as written: id, from a district teacher, status, levels.
type Written = (i64, bool, String, [u8; 6]);

/// Every trainer written.
fn trainers(conn: &rusqlite::Connection) -> Result<Vec<Written>> {
    Ok(conn
        .prepare(
            "SELECT id, teacher_id IS NOT NULL, status, design, organize, teach, guide, evaluate,
                    research FROM trainers ORDER BY id",
        )?
        .query_map([], |r| {
            let mut levels = [0u8; 6];
            for (i, l) in levels.iter_mut().enumerate() {
                *l = r.get::<_, i64>(3 + i)?.clamp(0, 3) as u8;
            }
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, levels))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Writes the life cycle of the trainers already written; returns how many exits.
pub fn write(g: &mut Gen, conn: &rusqlite::Connection) -> Result<usize> {
    let today = g.today;
    let trainers = trainers(conn)?;
    let mut select =
        conn.prepare("UPDATE trainers SET selected_on = ?2, selection_note = ?3 WHERE id = ?1")?;
    let mut exit = conn.prepare(
        "UPDATE trainers SET status = 'retired', exited_on = ?2, exit_reason = ?3 WHERE id = ?1",
    )?;
    let mut assess = conn.prepare(
        "INSERT INTO trainer_assessments (trainer_id, competency, level, assessed_on, assessor,
                                          evidence_kind, evidence, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let today_s = date_str(today);
    let (last_held, scheduled) = sessions_by_trainer(conn, &today_s)?;
    let retired = trainers.iter().filter(|t| t.2 == "retired").count();
    let mut exits = 0;
    for (id, from_teacher, status, levels) in &trainers {
        if *from_teacher {
            let on = days_before(today, g.rng.range(90, 5 * 365));
            select.execute(params![id, date_str(on), g.rng.pick(CRITERIA)])?;
        }
        // A couple of exits at least: a candidate with nothing scheduled leaves too.
        let also_leaves = status == "candidate" && retired + exits < 2 && !scheduled.contains(id);
        if status == "retired" || also_leaves {
            let on = days_before(today, g.rng.range(10, 400));
            exit.execute(params![id, date_str(on), g.rng.pick(EXIT_REASONS)])?;
            exits += 1;
        }
        if status == "candidate" {
            continue;
        }
        let last = last_held.get(id);
        for _ in 0..g.rng.range(1, 3) {
            let c = g.rng.index(Competency::ALL.len());
            let assessor = *g.rng.pick(ASSESSORS);
            let (on, kind, evidence, session) = match (g.rng.index(3), last) {
                (0, Some((sid, date, topic))) => (
                    date.clone(),
                    "session",
                    format!("授课：{topic}"),
                    Some(*sid),
                ),
                (1, _) => {
                    let on = date_str(days_before(today, g.rng.range(20, 300)));
                    (on, "feedback", format!("{:.1}", 4.0 + g.rng.unit()), None)
                }
                _ => {
                    let on = date_str(days_before(today, g.rng.range(20, 300)));
                    (
                        on,
                        "observation",
                        g.rng.pick(OBSERVATIONS).to_string(),
                        None,
                    )
                }
            };
            assess.execute(params![
                id,
                Competency::ALL[c].code(),
                levels[c],
                on,
                assessor,
                kind,
                evidence,
                session
            ])?;
        }
    }
    Ok(exits)
}
