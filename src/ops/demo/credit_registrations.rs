//! Credit registrations (学分登记) in the demo district: about one teacher in twelve registered
//! an online course, a school-based programme, a degree course or other training this year —
//! most already recognised, the recent ones waiting in the registrar's queue, a few returned
//! with a reason.

use super::names::COORDINATORS;
use super::people::{date_str, days_before};
use super::Gen;
use crate::domain::credit_registration::{credits_for, parse_rules, DEFAULT_RULES};
use crate::error::Result;
use rusqlite::params;

/// (category, course or programme, typical hours).
const COURSES: &[(&str, &str, f64)] = &[
    ("网络研修", "国家智慧教育平台·暑期教师研修", 10.0),
    ("网络研修", "重庆市中小学教师信息技术应用能力提升", 30.0),
    ("网络研修", "“双减”背景下的作业设计（网络课程）", 12.0),
    ("校本研修", "校本研修：大单元教学设计", 16.0),
    ("校本研修", "校本研修：课堂观察与评课", 8.0),
    ("学历提升", "教育硕士（在职）·课程模块", 48.0),
    ("集中培训", "市级骨干教师集中研修", 24.0),
    ("其他", "教研论文获奖认定", 6.0),
];

const RETURN_REASONS: &[&str] = &[
    "证书编号与平台记录不符",
    "学时证明未盖学校公章",
    "同一课程已在本周期登记",
];

pub fn write(g: &mut Gen, conn: &rusqlite::Connection) -> Result<()> {
    let rules = parse_rules(DEFAULT_RULES).unwrap_or_default();
    let mut st = conn.prepare_cached(
        "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source, note,
             recorded_by, category, hours, evidence, status, reviewed_by, reviewed_at, return_reason)
         VALUES (?1, ?2, ?3, ?4, 'manual', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut serial = 0;
    for teacher in 1..=g.teachers as i64 {
        if g.rng.below(12) != 0 {
            continue;
        }
        let &(category, course, hours) = g.rng.pick(COURSES);
        let Some(rule) = rules.iter().find(|r| r.name == category) else {
            continue;
        };
        let hours = hours + (g.rng.range(0, 4) * 2) as f64;
        // Recent registrations wait for the registrar; older ones were decided.
        let days = g.rng.range(1, 300);
        let status = match (days, g.rng.below(10)) {
            (1..=45, _) => "pending",
            (_, 0) => "returned",
            _ => "recognised",
        };
        let earned = days_before(g.today, days);
        let reviewed = (status != "pending").then(|| {
            let at = days_before(g.today, (days - 7).max(1));
            format!("{} 15:30:00", date_str(at))
        });
        let reason = if status == "returned" {
            *g.rng.pick(RETURN_REASONS)
        } else {
            ""
        };
        serial += 1;
        st.execute(params![
            teacher,
            credits_for(hours, rule),
            rule.concentrated as i64,
            date_str(earned),
            course,
            COORDINATORS[2],
            category,
            hours,
            format!("CQJS{}{:06}", earned.format("%Y"), serial),
            status,
            if reviewed.is_some() {
                COORDINATORS[1]
            } else {
                ""
            },
            reviewed,
            reason,
        ])?;
        g.counts.credit_entries += 1;
    }
    Ok(())
}
