//! Training projects of the demo district: dates, titles, codes, follow-up
//! kinds, enrolments and allotments. Sessions and marks: `attendance.rs`.

use super::catalog::*;
use super::people::{date_str, days_before};
use super::rng::Rng;
use super::Gen;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::HashMap;

/// Who may be enrolled in a project.
#[derive(Clone, PartialEq)]
pub enum Pool {
    All,
    /// Teachers of a stage teaching a subject.
    Subject(&'static str, &'static str),
    Stage(&'static str),
    /// Backbone teachers and above.
    Strong,
    /// One school's teachers (index into `Gen::schools`).
    School(usize),
}

/// A project before it is written.
pub struct ProjectPlan {
    pub start: NaiveDate,
    pub dates: Vec<NaiveDate>,
    pub both_parts: bool,
    pub level: usize,
    pub plan: usize,
    pub title: String,
    pub enrol: usize,
    pub pool: Pool,
    /// The registration-desk project with sessions today.
    pub today: bool,
}

impl ProjectPlan {
    pub fn end(&self) -> NaiveDate {
        *self.dates.last().unwrap_or(&self.start)
    }
}

const STAGE_NAMES: &[(&str, &str)] = &[("primary", "小学"), ("junior", "初中"), ("senior", "高中")];

fn weekday_on_or_after(mut d: NaiveDate) -> NaiveDate {
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = days_before(d, -1);
    }
    d
}

/// The number of projects for a district of `teachers` teachers.
/// About thirty for a county-size demo; a municipal-size one (docs/rules.md §8)
/// gets one per eighteen teachers so marks scale with the teachers
/// (200,000 teachers → about 2,000,000 marks).
pub fn count_for(teachers: usize) -> usize {
    if teachers <= 10_000 {
        30
    } else {
        teachers / 18
    }
}

/// Plans every project, sorted by start date (stable), the registration-desk project included.
pub fn plan_all(g: &mut Gen) -> Vec<ProjectPlan> {
    let total = count_for(g.teachers);
    let mut plans = Vec::with_capacity(total);
    plans.push(ProjectPlan {
        start: g.today,
        dates: vec![g.today, days_before(g.today, -1)],
        both_parts: true,
        level: 2,
        plan: 0,
        title: format!("潼南区{}年教师数字素养提升专题培训", g.today.year()),
        enrol: 300.min(g.teachers),
        pool: Pool::All,
        today: true,
    });
    // A small training held on the last weekday: one of its registers was
    // never taken, so the dashboard has something to show.
    let mut last = days_before(g.today, 1);
    while matches!(last.weekday(), Weekday::Sat | Weekday::Sun) {
        last = days_before(last, 1);
    }
    plans.push(ProjectPlan {
        start: last,
        dates: vec![last],
        both_parts: true,
        level: 2,
        plan: 3,
        title: format!("潼南区{}年心理健康教育教师专项培训", last.year()),
        enrol: 60.min(g.teachers),
        pool: Pool::All,
        today: false,
    });
    while plans.len() < total {
        let p = plan_one(g);
        plans.push(p);
    }
    plans.sort_by_key(|p| p.start);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in plans.iter_mut() {
        let n = seen.entry(p.title.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            p.title = format!("{}（第{}期）", p.title, super::schools::chinese_number(*n));
        }
    }
    plans
}

fn plan_one(g: &mut Gen) -> ProjectPlan {
    let today = g.today;
    let rng = &mut g.rng;
    let level = rng.weighted(LEVEL_WEIGHTS);
    // School-based training (校本研修) belongs to continuing education.
    let plan = if level == 3 {
        0
    } else {
        rng.weighted(PLAN_WEIGHTS)
    };
    // Four in five projects lie in the last two years, the rest in the coming four months.
    let offset = if rng.chance(0.8) {
        rng.range(1, 730)
    } else {
        -rng.range(1, 120)
    };
    let start = weekday_on_or_after(days_before(today, offset));
    let days = if level == 0 {
        5
    } else {
        1 + rng.weighted(&[50, 35, 15])
    };
    let mut dates = Vec::with_capacity(days);
    let mut d = start;
    while dates.len() < days {
        if d != today && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            dates.push(d);
        }
        d = days_before(d, -1);
    }
    let both_parts = rng.chance(0.8);
    let enrol = 20 + (280.0 * rng.unit().powi(4)) as usize;
    let theme = *rng.pick(themes(plan));
    let (stage_code, stage_name) = *rng.pick(STAGE_NAMES);
    let subject = *rng.pick(super::schools::subjects(stage_code));
    let theme_text = theme.replace("{s}", stage_name).replace("{k}", subject);
    let mut pool = match plan {
        0 if theme.contains("{k}") => Pool::Subject(stage_code, subject),
        1 | 2 => Pool::Strong,
        4 => Pool::Stage("vocational"),
        5 => Pool::Stage("special"),
        _ => Pool::All,
    };
    let year = start.year();
    let title = match level {
        0 => format!("“国培计划（{year}）”——{theme_text}"),
        3 => {
            let school = pick_school(rng, &g.schools);
            pool = Pool::School(school);
            let topic = rng.pick(topics(plan));
            format!("{}{year}年校本研修：{topic}", g.schools[school].name)
        }
        _ => format!("{}{year}年{theme_text}", LEVEL_PREFIX[level]),
    };
    ProjectPlan {
        start,
        dates,
        both_parts,
        level,
        plan,
        title,
        enrol,
        pool,
        today: false,
    }
}

fn pick_school(rng: &mut Rng, schools: &[super::people::SchoolInfo]) -> usize {
    for _ in 0..20 {
        let i = rng.index(schools.len());
        if schools[i].teachers.len() >= 10 {
            return i;
        }
    }
    (0..schools.len())
        .max_by_key(|&i| schools[i].teachers.len())
        .unwrap_or(0)
}

/// The enrolled teachers' ids (ascending) for a plan.
pub fn choose_teachers(g: &mut Gen, p: &ProjectPlan) -> Vec<i64> {
    let candidates: Option<&Vec<i64>> = match &p.pool {
        Pool::All => None,
        Pool::Subject(stage, subject) => g.pools.get(&(stage.to_string(), subject.to_string())),
        Pool::Stage(stage) => g.stage_pools.get(*stage),
        Pool::Strong => Some(&g.strong),
        Pool::School(i) => Some(&g.schools[*i].teachers),
    };
    match candidates {
        Some(c) if c.len() >= 20 || matches!(p.pool, Pool::School(_)) => {
            let k = p.enrol.min(c.len());
            let idx = g.rng.sample(c.len(), k);
            let mut ids: Vec<i64> = idx.into_iter().map(|i| c[i]).collect();
            ids.sort_unstable();
            ids
        }
        _ => {
            let k = p.enrol.min(g.teachers);
            g.rng
                .sample(g.teachers, k)
                .into_iter()
                .map(|i| i as i64 + 1)
                .collect()
        }
    }
}

/// Project code like 2025-QP-007: year, level, sequence within year and level.
pub fn code(seq: &mut HashMap<(i32, usize), usize>, p: &ProjectPlan) -> String {
    let n = seq.entry((p.start.year(), p.level)).or_insert(0);
    *n += 1;
    format!("{}-{}-{:03}", p.start.year(), LEVEL_CODES[p.level], n)
}

pub fn venue(g: &mut Gen, p: &ProjectPlan) -> String {
    match p.pool {
        Pool::School(i) => format!("{}会议室", g.schools[i].name),
        Pool::Stage("vocational") => "潼南职业教育中心实训楼".to_string(),
        _ => g.rng.pick(VENUES).to_string(),
    }
}

/// Enrolment time: one to four weeks before the start.
pub fn enrolled_at(rng: &mut Rng, start: NaiveDate) -> String {
    let d = days_before(start, rng.range(7, 28));
    format!(
        "{} {:02}:{:02}:00",
        date_str(d),
        rng.range(8, 17),
        rng.range(0, 59)
    )
}
