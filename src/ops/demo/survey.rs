//! The needs survey for the coming term (训前调研): a few per cent of the teachers answer,
//! each asking for one to three topics (the stage leans the choice) and a preferred form.
//! Fills Reports › `n` with real-looking figures; bulk inserts inside the demo's transaction.

use super::Gen;
use crate::domain::starlight::term_of;
use crate::error::Result;
use chrono::{Datelike, Days};
use rusqlite::params;

/// The share of teachers who answer.
const ANSWERING: f64 = 0.04;

/// Topics every stage asks for, most wanted first (earlier ones are picked more often).
const TOPICS: &[&str] = &[
    "大单元教学设计",
    "作业设计与减负",
    "课堂评价与反馈",
    "信息技术与学科融合",
    "跨学科主题学习",
    "学生心理健康教育",
    "班主任工作与家校沟通",
    "命题与考试评价",
    "课题研究方法",
    "AI 辅助教学",
];

/// Topics a stage adds, asked for as often as the first common ones.
fn stage_topics(stage: &str) -> &'static [&'static str] {
    match stage {
        "kindergarten" => &["游戏化教学", "幼小衔接"],
        "primary" => &["幼小衔接", "整本书阅读"],
        "junior" => &["中考复习策略", "实验教学"],
        "senior" => &["新高考选科指导", "生涯规划教育"],
        "vocational" => &["产教融合", "技能大赛指导"],
        _ => &["个别化教育计划", "融合教育"],
    }
}

/// Preferred forms, weighted (workshops and blended training are the most asked for).
const FORMS: &[&str] = &[
    "workshop",
    "workshop",
    "workshop",
    "blended",
    "blended",
    "offline",
    "online",
    "online",
    "shadowing",
    "send_teaching",
];

/// Writes the survey and its answers.
pub fn write(g: &mut Gen, conn: &rusqlite::Connection) -> Result<()> {
    let held_on = g.today.checked_sub_days(Days::new(10)).unwrap_or(g.today);
    let (_, term_end) = term_of(held_on);
    let (next, _) = term_of(term_end.checked_add_days(Days::new(1)).unwrap_or(term_end));
    let season = if next.month() == 2 {
        "春季"
    } else {
        "秋季"
    };
    let title = format!("{}年{season}学期教师培训需求调研", next.year());
    let day = held_on.format(crate::domain::DATE_FMT).to_string();
    conn.execute(
        "INSERT INTO surveys (title, held_on, source_file, imported_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            title,
            day,
            "需求调研_问卷星导出.xlsx",
            format!("{day} 17:30:00")
        ],
    )?;
    let survey = conn.last_insert_rowid();
    let mut answer = conn.prepare(
        "INSERT INTO survey_responses (survey_id, teacher_id, subject, stage, form, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut topic =
        conn.prepare("INSERT INTO survey_topics (response_id, topic) VALUES (?1, ?2)")?;
    for i in 0..g.teacher_info.len() {
        if !g.rng.chance(ANSWERING) {
            continue;
        }
        let t = &g.teacher_info[i];
        let stage = g.schools[t.school].stage.clone();
        let subject = t.subject;
        let form = *g.rng.pick(FORMS);
        let minute = g.rng.index(600);
        let at = format!("{day} {:02}:{:02}:00", 8 + minute / 60, minute % 60);
        answer.execute(params![survey, i as i64 + 1, subject, stage, form, at])?;
        let response = conn.last_insert_rowid();
        let mut chosen: Vec<&str> = Vec::new();
        for _ in 0..1 + g.rng.index(3) {
            // Earlier topics more often: the smaller of two draws.
            let extra = stage_topics(&stage);
            let pick = if g.rng.chance(0.25) {
                *g.rng.pick(extra)
            } else {
                TOPICS[g.rng.index(TOPICS.len()).min(g.rng.index(TOPICS.len()))]
            };
            if !chosen.contains(&pick) {
                chosen.push(pick);
                topic.execute(params![response, pick])?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{generate_into, DemoOptions};
    use crate::store::surveys::{summary, surveys, SurveyFilter};
    use crate::store::Db;
    use chrono::NaiveDate;

    #[test]
    fn a_few_per_cent_answer_the_coming_term_s_survey_with_topics_and_forms() {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db
            .write(&crate::store::test_stamp("2026-11-28 09:00"))
            .unwrap();
        let opts = DemoOptions {
            teachers: 2000,
            seed: 7,
            progress: false,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        generate_into(&tx, &opts, today).unwrap();
        tx.commit().unwrap();
        let list = surveys(&db.conn).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title, "2027年春季学期教师培训需求调研");
        let s = summary(&db.conn, list[0].id, &SurveyFilter::default()).unwrap();
        assert!((40..=130).contains(&s.respondents), "{}", s.respondents);
        assert!(s.by_topic.len() >= 8 && s.by_form.len() >= 4, "{s:?}");
        assert!(s.by_subject.len() >= 3 && s.by_stage.len() >= 2, "{s:?}");
    }
}
