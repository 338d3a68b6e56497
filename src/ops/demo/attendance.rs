//! Writing one project: its row, follow-up kinds, enrolments, allotments,
//! sessions and the marks of sessions already held.

use super::catalog::*;
use super::names::{COORDINATORS, LEAVE_REASONS};
use super::people::{date_str, datetime_str, days_before};
use super::projects::{self, ProjectPlan};
use super::Gen;
use crate::domain::attendance::Presence;
use crate::domain::Status;
use crate::error::Result;
use crate::store::bulk::{NewMark, NewProject, NewSession};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// What the after-care step needs about a written project.
pub struct Written {
    pub id: i64,
    pub end: NaiveDate,
    pub credits: f64,
    pub concentrated: bool,
    pub completed: bool,
    pub kinds: Vec<usize>,
    /// (teacher id, sessions attended)
    pub trainees: Vec<(i64, usize)>,
    pub sessions: usize,
    pub threshold: i64,
    pub topic: &'static str,
}

const PARTS: &[(&str, &str)] = &[("08:30", "11:30"), ("14:00", "17:00")];

pub fn write_project(g: &mut Gen, p: &ProjectPlan, id: i64, code: &str) -> Result<Written> {
    let today = g.today;
    let end = p.end();
    let parts = if p.both_parts { 2 } else { 1 };
    let session_count = p.dates.len() * parts;
    let concentrated = if p.level == 3 {
        g.rng.chance(0.4)
    } else {
        g.rng.chance(0.9) || p.today
    };
    let credits = session_count as f64 * if concentrated { 1.5 } else { 1.0 };
    let threshold = [80, 80, 80, 80, 80, 80, 80, 80, 75, 90][g.rng.index(10)];
    let completed = end <= days_before(today, 7);
    // The scope the project takes (projects_veto_scope_default), copied to each mark.
    g.veto_scope = crate::domain::veto::default_veto_scope(concentrated);
    let completed_at = completed.then(|| format!("{} 10:00:00", date_str(days_before(end, -3))));
    let teachers = projects::choose_teachers(g, p);
    let venue = projects::venue(g, p);
    let capacity = (p.level != 3).then_some(((teachers.len() as i64 + 9) / 10) * 10 + 10);
    g.w.project(&NewProject {
        id,
        code,
        title: &p.title,
        level: LEVELS[p.level],
        plan: PLANS[p.plan],
        concentrated,
        credits,
        start_date: &date_str(p.start),
        end_date: &date_str(end),
        venue: &venue,
        capacity,
        threshold_pct: threshold,
        completed_at: completed_at.as_deref(),
    })?;
    g.counts.projects += 1;

    let kinds = follow_up_kinds(g, p, id)?;

    enrol(g, p, id, &teachers)?;

    let topics_list = topics(p.plan);
    let mut attended = vec![0usize; teachers.len()];
    let mut first_topic = topics_list[0];
    let mut n = 0;
    for &date in &p.dates {
        for &(start, finish) in PARTS.iter().take(parts) {
            let topic = topics_list[n % topics_list.len()];
            if n == 0 {
                first_topic = topic;
            }
            n += 1;
            let (slot, closed) = write_session(g, id, date, (start, finish), topic, &venue)?;
            if closed {
                for (i, &t) in teachers.iter().enumerate() {
                    if held_mark(g, &slot, t)? {
                        attended[i] += 1;
                    }
                }
            } else if p.today && date == today {
                desk_marks(g, &slot, &teachers, start == "08:30")?;
            }
        }
    }
    Ok(Written {
        id,
        end,
        credits,
        concentrated,
        completed,
        kinds,
        trainees: teachers.into_iter().zip(attended).collect(),
        sessions: session_count,
        threshold,
        topic: first_topic,
    })
}

/// The follow-ups the project's completers will owe (most district and school projects).
fn follow_up_kinds(g: &mut Gen, p: &ProjectPlan, id: i64) -> Result<Vec<usize>> {
    let mut kinds = Vec::new();
    if p.level != 3 && g.rng.chance(0.6) {
        let how_many = g.rng.range(1, 2) as usize;
        kinds = g.rng.sample(FOLLOW_UP_KINDS.len(), how_many);
        for &k in &kinds {
            g.w.follow_up_kind(id, FOLLOW_UP_KINDS[k], FOLLOW_UP_DUE[k])?;
        }
    }

    Ok(kinds)
}

/// Enrolments, and the places allotted to each sending school.
fn enrol(g: &mut Gen, p: &ProjectPlan, id: i64, teachers: &[i64]) -> Result<()> {
    let mut per_school: BTreeMap<i64, i64> = BTreeMap::new();
    let start = date_str(p.start);
    for &t in teachers {
        let school_id = g.teacher_info[(t - 1) as usize].school_id;
        let at = projects::enrolled_at(&mut g.rng, p.start);
        g.w.enrolment(id, t, school_id, &at)?;
        g.report.enrolment(school_id, t, &start);
        *per_school.entry(school_id).or_insert(0) += 1;
    }
    g.counts.enrolments += teachers.len();
    for (&school_id, &sent) in &per_school {
        let extra = if g.rng.chance(0.2) {
            g.rng.range(1, 2)
        } else {
            0
        };
        g.w.allotment(id, school_id, sent + extra)?;
        g.report.places(school_id, &start, sent + extra);
    }

    Ok(())
}

/// One session of the project: closed (a while after its end) when it is past, except the
/// one recent register left untaken on purpose; the slot and whether it is closed.
fn write_session(
    g: &mut Gen,
    id: i64,
    date: NaiveDate,
    (start, finish): (&'static str, &'static str),
    topic: &'static str,
    venue: &str,
) -> Result<(Slot, bool)> {
    let today = g.today;
    let trainer = pick_trainer(g);
    let past = date < today;
    let skip = past && !g.register_not_taken && date >= days_before(today, 3);
    if skip {
        g.register_not_taken = true;
    }
    let closed = past && !skip;
    let closed_at = closed.then(|| {
        format!(
            "{} {}:{:02}:00",
            date_str(date),
            &finish[..2],
            g.rng.range(5, 40)
        )
    });
    let closed_by = closed.then(|| *g.rng.pick(COORDINATORS));
    g.session_id += 1;
    let sid = g.session_id;
    g.w.session(&NewSession {
        id: sid,
        project_id: id,
        date: &date_str(date),
        start_time: start,
        end_time: finish,
        topic,
        trainer_id: trainer,
        venue,
        closed_at: closed_at.as_deref(),
        closed_by,
    })?;
    g.counts.sessions += 1;
    let on_day = |hhmm: &str| date.and_time(crate::domain::parse_time(hhmm).unwrap_or_default());
    let slot = Slot {
        id: sid,
        date,
        date_str: date_str(date),
        starts: on_day(start),
        ends: on_day(finish),
        closed_at: closed_at.unwrap_or_default(),
    };
    Ok((slot, closed))
}

fn pick_trainer(g: &mut Gen) -> Option<i64> {
    if g.rng.chance(0.1) || g.active_trainers.is_empty() {
        return None;
    }
    Some(*g.rng.pick(&g.active_trainers))
}

struct Slot {
    id: i64,
    date: NaiveDate,
    /// The session's date as stored (YYYY-MM-DD).
    date_str: String,
    /// The start and the end, on the session's day.
    starts: NaiveDateTime,
    ends: NaiveDateTime,
    closed_at: String,
}

impl Slot {
    fn minutes(&self) -> i64 {
        (self.ends - self.starts).num_minutes()
    }
}

/// `offset_minutes` after `base`, as stored.
fn at(base: NaiveDateTime, offset_minutes: i64) -> String {
    datetime_str(base + chrono::Duration::minutes(offset_minutes))
}

/// One mark of a session already held: ~90% present, ~4% late, ~2% left
/// early, ~2% absent, ~2% excused. Returns whether it counts as attended (the presence rule
/// with the file's share).
fn held_mark(g: &mut Gen, s: &Slot, teacher: i64) -> Result<bool> {
    let info = g.teacher_info[(teacher - 1) as usize];
    let status = g.rng.weighted(&[900, 40, 20, 20, 20]);
    let by = *g.rng.pick(COORDINATORS);
    let (code, late, early, time_in, time_out, reason, recorded) = match status {
        0 => {
            let t = at(s.starts, -g.rng.range(-5, 25));
            (Status::Present, 0, 0, Some(t.clone()), None, "", t)
        }
        1 => {
            let m = 6 + (40.0 * g.rng.unit().powi(2)) as i64;
            let t = at(s.starts, m);
            (Status::Late, m, 0, Some(t.clone()), None, "", t)
        }
        2 => {
            let m = g.rng.range(10, 90);
            let out = at(s.ends, -m);
            let t = at(s.starts, -g.rng.range(0, 20));
            (Status::LeftEarly, 0, m, Some(t), Some(out.clone()), "", out)
        }
        3 => (Status::Absent, 0, 0, None, None, "", s.closed_at.clone()),
        _ => {
            let reason = *g.rng.pick(LEAVE_REASONS);
            let rec = format!(
                "{} 16:{:02}:00",
                date_str(days_before(s.date, 1)),
                g.rng.range(0, 59)
            );
            (Status::Excused, 0, 0, None, None, reason, rec)
        }
    };
    let presence = Presence {
        status: code,
        minutes_late: late,
        minutes_early: early,
        session_minutes: s.minutes(),
    };
    let mark_id = write_mark(
        g,
        s,
        teacher,
        info.school_id,
        (code, late, early, presence.short(g.min_presence_pct)),
        (time_in.as_deref(), time_out.as_deref()),
        (reason, by, &recorded),
    )?;
    if code == Status::Present && g.corrected_mark.is_none() && s.date <= days_before(g.today, 30) {
        g.corrected_mark = Some((mark_id, teacher, s.date_str.clone()));
    }
    Ok(presence.attended(g.min_presence_pct))
}

/// Writes a mark with the next id, counts it (and its veto) in the tally; returns its id.
fn write_mark(
    g: &mut Gen,
    s: &Slot,
    teacher: i64,
    school_id: i64,
    (status, minutes_late, minutes_early, presence_short): (Status, i64, i64, bool),
    (checked_in_at, checked_out_at): (Option<&str>, Option<&str>),
    (reason, recorded_by, recorded_at): (&str, &str, &str),
) -> Result<i64> {
    g.counts.marks += 1;
    let id = g.w.mark(&NewMark {
        session_id: s.id,
        teacher_id: teacher,
        school_id,
        session_date: &s.date_str,
        status: status.code(),
        minutes_late,
        minutes_early,
        checked_in_at,
        checked_out_at,
        reason,
        recorded_by,
        recorded_at,
        presence_short,
        in_veto_scope: g.veto_scope,
    })?;
    let attended = status.arrived() && !presence_short;
    g.tally.add(
        school_id,
        teacher,
        &s.date_str,
        status,
        attended,
        crate::domain::veto::causes_veto(status, g.veto_scope),
    );
    Ok(id)
}

/// Today's registration desk: three leaves phoned in yesterday, and in the
/// morning the first arrivals already checked in.
fn desk_marks(g: &mut Gen, s: &Slot, teachers: &[i64], morning: bool) -> Result<()> {
    let leaves = if morning { 3 } else { 1 };
    let arrived = if morning { teachers.len() / 7 } else { 0 };
    if morning {
        // Who phoned in leave and who is already in: random teachers; the
        // first leave stays away all day.
        let mut order = g.rng.sample(teachers.len(), leaves + arrived);
        g.rng.shuffle(&mut order);
        g.desk_order = order;
    }
    let chosen: Vec<usize> = g
        .desk_order
        .iter()
        .copied()
        .take(leaves + arrived)
        .collect();
    for (i, t) in chosen.into_iter().map(|k| teachers[k]).enumerate() {
        let info = g.teacher_info[(t - 1) as usize];
        let (status, reason, time_in, recorded) = if i < leaves {
            let rec = format!("{} 17:{:02}:00", date_str(days_before(s.date, 1)), 10 + i);
            let reason = LEAVE_REASONS[i % LEAVE_REASONS.len()];
            (Status::Excused, reason, None, rec)
        } else {
            let t_in = at(s.starts, -g.rng.range(2, 28));
            (Status::Present, "", Some(t_in.clone()), t_in)
        };
        write_mark(
            g,
            s,
            t,
            info.school_id,
            (status, 0, 0, false),
            (time_in.as_deref(), None),
            (reason, COORDINATORS[0], &recorded),
        )?;
    }
    Ok(())
}
