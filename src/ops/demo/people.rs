//! Teachers (with tier history) and Starlight trainers of the demo district.

use super::names;
use super::schools;
use super::tier_levels;
use super::Gen;
use crate::error::Result;
use crate::store::bulk::{NewSchool, NewTeacher, NewTrainer};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};
use std::collections::HashMap;

/// What the rest of the generator needs to know about a teacher.
#[derive(Clone, Copy)]
pub struct TeacherInfo {
    pub school_id: i64,
    /// Index into `Gen::schools`.
    pub school: usize,
    pub tier: usize,
    pub subject: &'static str,
}

pub struct SchoolInfo {
    pub id: i64,
    pub name: String,
    pub stage: String,
    /// Teacher ids, ascending.
    pub teachers: Vec<i64>,
}

const TIERS: &[&str] = &["rising", "qualified", "backbone", "renowned", "eminent"];
/// The pyramid: rising ~15%, qualified ~55%, backbone ~22%, renowned ~7%, eminent ~1%.
const TIER_WEIGHTS: &[u32] = &[150, 550, 220, 70, 10];
const TIER_NOTES: &[&str] = &[
    "入职认定",
    "区级考核认定",
    "区级骨干教师认定",
    "市级名优教师认定",
    "卓越型教师认定",
];

const PHONE_PREFIXES: &[&str] = &[
    "138", "139", "135", "136", "150", "151", "152", "158", "159", "187", "188", "182", "183",
    "133", "153", "180", "189", "177", "199", "166",
];

/// Teachers placed on purpose: same-name pairs (张伟 twice) and the
/// two-reading surnames, so search can show them. (name, gender, school, subject)
const FIXED: &[(&str, &str, &str, &str)] = &[
    ("张伟", "male", "潼南区实验小学", "数学"),
    ("张伟", "male", "潼南区柏梓中学", "物理"),
    ("王芳", "female", "潼南区东升小学", "语文"),
    ("王芳", "female", "潼南区第一中学", "英语"),
    ("曾小红", "female", "潼南区实验中学", "语文"),
    ("单丽娟", "female", "双江镇中心小学", "英语"),
    ("解志强", "male", "潼南区双江中学", "数学"),
    ("区海燕", "female", "潼南区实验幼儿园", "学前教育"),
    ("仇建华", "male", "潼南职业教育中心", "机电技术应用"),
    ("李娜", "female", "塘坝镇中心小学", "数学"),
    ("李娜", "female", "潼南区塘坝中学", "化学"),
];

fn female_share(stage: &str) -> f64 {
    match stage {
        "kindergarten" => 0.97,
        "primary" | "special" => 0.76,
        "junior" => 0.6,
        _ => 0.5,
    }
}

/// `d` as `domain::DATE_FMT` writes it (YYYY-MM-DD), without parsing the format each time.
pub fn date_str(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

/// `t` as `domain::DATETIME_FMT` writes it (YYYY-MM-DD HH:MM:SS).
pub fn datetime_str(t: NaiveDateTime) -> String {
    let mut s = String::with_capacity(19);
    push_date(&mut s, t.date());
    s.push(' ');
    for (i, n) in [t.hour(), t.minute(), t.second()].into_iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        push_two(&mut s, n);
    }
    s
}

fn push_date(s: &mut String, d: NaiveDate) {
    let y = d.year();
    if (0..=9999).contains(&y) {
        push_two(s, (y / 100) as u32);
        push_two(s, (y % 100) as u32);
    } else {
        s.push_str(&d.format("%Y").to_string());
    }
    s.push('-');
    push_two(s, d.month());
    s.push('-');
    push_two(s, d.day());
}

fn push_two(s: &mut String, n: u32) {
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
}

pub fn days_before(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_sub_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_add_days(Days::new((-n) as u64)).unwrap_or(d)
    }
}

/// Writes the schools.
pub fn write_schools(g: &mut Gen) -> Result<()> {
    let list = schools::all(g.teachers, &mut g.rng);
    for (i, (name, township, stage)) in list.into_iter().enumerate() {
        let id = i as i64 + 1;
        g.w.school(&NewSchool {
            id,
            name: &name,
            township: &township,
            stage: &stage,
        })?;
        g.schools.push(SchoolInfo {
            id,
            name,
            stage,
            teachers: Vec::new(),
        });
    }
    Ok(())
}

/// Writes the teachers and their tier history.
pub fn write_teachers(g: &mut Gen) -> Result<()> {
    let weights: Vec<u32> = g
        .schools
        .iter()
        .map(|s| schools::size_weight(&s.stage))
        .collect();
    let by_name: HashMap<String, usize> = g
        .schools
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i))
        .collect();
    let mut keys: HashMap<String, (String, String)> = HashMap::new();
    let mut phone_seen = std::collections::HashSet::new();
    // Tier steps are written after every teacher (a step refers to its teacher).
    let mut steps: Vec<(i64, usize, String)> = Vec::with_capacity(g.teachers * 2);
    for n in 0..g.teachers {
        let id = n as i64 + 1;
        let rng = &mut g.rng;
        let (name, gender, school, subject) = match FIXED.get(n) {
            Some(&(name, gender, school, subject)) if by_name.contains_key(school) => {
                (name.to_string(), gender, by_name[school], subject)
            }
            _ => {
                let school = rng.weighted(&weights);
                let stage = g.schools[school].stage.as_str();
                let gender = if rng.chance(female_share(stage)) {
                    "female"
                } else {
                    "male"
                };
                let subject = *rng.pick(schools::subjects(stage));
                (names::person(rng, gender), gender, school, subject)
            }
        };
        let tier = rng.weighted(TIER_WEIGHTS);
        let phone = loop {
            let p = format!("{}{:08}", rng.pick(PHONE_PREFIXES), rng.below(100_000_000));
            if phone_seen.insert(p.clone()) {
                break p;
            }
        };
        let (pinyin, initials) = keys
            .entry(name.clone())
            .or_insert_with(|| crate::search::keys::pinyin_keys(&name))
            .clone();
        let s = &mut g.schools[school];
        s.teachers.push(id);
        g.report.teacher(s.id);
        let tier_level = tier_levels::teacher_level(id, TIERS[tier]);
        g.w.teacher(&NewTeacher {
            id,
            staff_no: &format!("T{id:06}"),
            name: &name,
            gender,
            school_id: s.id,
            subject,
            stage: &s.stage,
            phone: &phone,
            tier: TIERS[tier],
            pinyin: &pinyin,
            initials: &initials,
            tier_level,
        })?;
        // Tier history: the current tier, and the one before it.
        let since = days_before(g.today, g.rng.range(90, 6 * 365));
        if tier > 0 {
            let before = days_before(since, g.rng.range(2 * 365, 8 * 365));
            steps.push((id, tier - 1, date_str(before)));
        }
        steps.push((id, tier, date_str(since)));
        g.teacher_info.push(TeacherInfo {
            school_id: g.schools[school].id,
            school,
            tier,
            subject,
        });
        g.teacher_names.push(name);
        g.tick(3);
    }
    g.w.flush()?;
    write_tier_steps(g, steps)
}

/// The tier steps `(teacher id, tier, since)`, in order, with their levels and 文号 (which
/// the step's id spreads: the ids follow the table's highest).
fn write_tier_steps(g: &mut Gen, steps: Vec<(i64, usize, String)>) -> Result<()> {
    let mut doc_no = String::new();
    for (id, tier, since) in steps {
        let current = TIERS[g.teacher_info[(id - 1) as usize].tier];
        let level = tier_levels::step_level(
            TIERS[tier],
            current,
            tier_levels::teacher_level(id, current),
        );
        let step_id = g.w.next_tier_step_id();
        tier_levels::doc_no(&mut doc_no, step_id, TIERS[tier], &since);
        g.w.tier_history(id, TIERS[tier], &since, TIER_NOTES[tier], level, &doc_no)?;
    }
    g.w.flush()
}

/// Writes the Starlight trainers: strong teachers plus a few outside experts.
pub fn write_trainers(g: &mut Gen) -> Result<()> {
    let wanted = (g.teachers / 2500).max(40);
    let external = names::EXTERNAL_EXPERTS.len();
    let pool: Vec<usize> = (0..g.teacher_info.len())
        .filter(|&i| g.teacher_info[i].tier >= 2)
        .collect();
    let chosen = g.rng.sample(pool.len(), wanted.saturating_sub(external));
    let mut id = 0i64;
    for k in chosen {
        let t = pool[k];
        let teacher_id = t as i64 + 1;
        let name = g.teacher_names[t].clone();
        let affiliation = g.schools[g.teacher_info[t].school].name.clone();
        id += 1;
        trainer(g, id, Some(teacher_id), &name, &affiliation)?;
    }
    for (name, affiliation) in names::EXTERNAL_EXPERTS {
        id += 1;
        trainer(g, id, None, name, affiliation)?;
    }
    Ok(())
}

fn trainer(
    g: &mut Gen,
    id: i64,
    teacher_id: Option<i64>,
    name: &str,
    affiliation: &str,
) -> Result<()> {
    const STATUSES: &[&str] = &["candidate", "training", "certified", "retired"];
    let status = if teacher_id.is_none() {
        2
    } else {
        g.rng.weighted(&[20, 25, 50, 5])
    };
    let base: i64 = match status {
        0 => 0,
        1 => 1,
        _ => 2,
    };
    let mut levels = [0u8; 6];
    for l in levels.iter_mut() {
        *l = (base + g.rng.range(0, 1) - i64::from(g.rng.chance(0.15))).clamp(0, 3) as u8;
    }
    let joined = days_before(g.today, g.rng.range(60, 4 * 365));
    g.w.trainer(&NewTrainer {
        id,
        teacher_id,
        name,
        affiliation,
        status: STATUSES[status],
        levels,
        joined_on: &date_str(joined),
    })?;
    if STATUSES[status] != "retired" {
        g.active_trainers.push(id);
    }
    if STATUSES[status] == "certified" && teacher_id.is_some() && g.certified_trainer.is_none() {
        g.certified_trainer = Some(id);
    }
    g.counts.trainers += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_written_as_the_domain_formats_write_them() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for step in 0..400 {
            assert_eq!(date_str(d), d.format(crate::domain::DATE_FMT).to_string());
            let t = d
                .and_hms_opt(step % 24, (step * 7) % 60, (step * 13) % 60)
                .unwrap();
            assert_eq!(
                datetime_str(t),
                t.format(crate::domain::DATETIME_FMT).to_string()
            );
            d = days_before(d, -37);
        }
    }
}
