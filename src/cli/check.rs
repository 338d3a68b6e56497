//! `liaoyuan check`: prints a summary to stdout; exit 1 listing problems.

use super::args::Lang;
use crate::error::{Error, Result};
use crate::ops::check::{check_file, CheckReport};
use std::path::Path;

pub fn run(path: &Path, lang: Lang, today: chrono::NaiveDate) -> Result<()> {
    let zh = lang == Lang::Zh;
    let report = check_file(path, today)?;
    let text = render(path, &report, zh); // problems quote stored data
    print!("{}", crate::text::printable_lines(&text));
    if report.is_clean() {
        Ok(())
    } else {
        Err(Error::invalid(if zh {
            format!("检查发现 {} 个问题", report.problem_count())
        } else {
            format!("check found {} problem(s)", report.problem_count())
        }))
    }
}

/// The report as text (Chinese when `zh`).
pub fn render(path: &Path, r: &CheckReport, zh: bool) -> String {
    let mut out = String::new();
    let colon = if zh { "：" } else { ": " };
    out.push_str(&format!(
        "{}{colon}{}\n",
        if zh { "数据库" } else { "database" },
        path.display()
    ));
    let counts: Vec<String> = r
        .counts
        .iter()
        .map(|(t, n)| format!("{} {n}", table_name(t, zh)))
        .collect();
    out.push_str(&format!("  {}\n", counts.join(" · ")));
    let verdict = |ok: bool| match (ok, zh) {
        (true, true) => "通过",
        (true, false) => "ok",
        (false, true) => "有问题",
        (false, false) => "PROBLEMS",
    };
    let (integrity, fks, rules) = if zh {
        ("完整性检查", "外键检查", "一致性检查")
    } else {
        ("integrity check", "foreign keys", "consistency")
    };
    out.push_str(&format!(
        "{integrity}{colon}{}\n",
        verdict(r.integrity.is_empty())
    ));
    for line in &r.integrity {
        out.push_str(&format!("  - {line}\n"));
    }
    out.push_str(&format!(
        "{fks}{colon}{}\n",
        verdict(r.foreign_keys.is_empty())
    ));
    for line in &r.foreign_keys {
        let line = line.get(if zh { Lang::Zh } else { Lang::En });
        out.push_str(&format!("  - {line}\n"));
    }
    out.push_str(&format!(
        "{rules} ({} {}){colon}{}\n",
        r.rules_checked,
        if zh { "项规则" } else { "rules" },
        verdict(r.findings.is_empty())
    ));
    for f in &r.findings {
        let ids: Vec<String> = f.examples.iter().map(|i| i.to_string()).collect();
        let more = if f.count as usize > f.examples.len() {
            ", …"
        } else {
            ""
        };
        out.push_str(&format!(
            "  - {} ({}: {}; id {}{more})\n",
            rule_text(f.rule, zh),
            if zh { "条数" } else { "rows" },
            f.count,
            ids.join(", ")
        ));
    }
    out
}

fn table_name(table: &str, zh: bool) -> &str {
    if !zh {
        return table;
    }
    match table {
        "schools" => "学校",
        "teachers" => "教师",
        "trainers" => "星光讲师",
        "projects" => "培训项目",
        "sessions" => "场次",
        "enrolments" => "报名",
        "marks" => "考勤",
        "follow_ups" => "跟踪任务",
        "feedback" => "反馈",
        "credit_entries" => "学分记录",
        "audit_log" => "操作记录",
        other => other,
    }
}

/// What each broken rule means, for a coordinator: (rule, Chinese, English).
const RULE_TEXTS: &[(&str, &str, &str)] = &[
    ("mark_date", "考勤记录的日期与场次日期不一致", "a mark's date differs from its session's date"),
    ("mark_not_enrolled", "考勤记录的教师未报名该项目", "a mark belongs to a teacher not enrolled in the project"),
    ("mark_school", "考勤记录的学校与报名时的送培学校不一致", "a mark's school differs from the teacher's sending school at enrolment"),
    ("excused_without_reason", "请假记录没有请假事由", "an excused mark has no reason"),
    ("mark_in_future", "尚未举行的场次已有非请假考勤", "a session that has not happened yet has a mark other than excused"),
    ("mark_time_in_future", "考勤记录的签到或离开时间晚于今天", "a mark's check-in or check-out time is after today"),
    ("mark_outside_session", "考勤记录的签到或离开时间不在场次之内（在另一天、结束后到达、开始前或结束后离开，或离开早于到达）", "a mark's check-in or check-out time lies outside its session (another day, arriving after the end, leaving before the start or after the end, or leaving before arriving)"),
    ("session_outside_project", "场次日期不在项目起止日期内", "a session lies outside its project's dates"),
    ("bad_project_date", "项目起止日期格式错误", "a project has a malformed start or end date"),
    ("bad_session_time", "场次日期或时间格式错误", "a session has a malformed date or time"),
    ("credit_not_enrolled", "项目学分记给了未报名的教师", "project credits were given to a teacher not enrolled"),
    ("follow_up_not_enrolled", "跟踪任务的教师未报名该项目", "a follow-up belongs to a teacher not enrolled in the project"),
    ("follow_up_held_missing", "已完成的跟踪任务没有实施日期", "a done follow-up has no held date"),
    ("project_veto_scope", "项目没有设定是否计入一票否决", "a project has no veto scope"),
    ("mark_veto_scope", "考勤记录的否决范围与其项目的设定不一致", "a mark's veto scope differs from its project's"),
    ("mark_presence", "考勤记录的在场时长判定与“最低在场比例”设置不一致", "a mark's stored presence disagrees with the setting min_presence_pct"),
    ("school_month_marks", "学校月度考勤汇总与考勤记录不一致（列出学校 id）", "the per-school monthly mark (and attended) counts disagree with the marks (school ids listed)"),
    ("school_month_vetoes", "学校月度否决汇总与考勤记录不一致（列出学校 id）", "the per-school monthly veto counts disagree with the marks (school ids listed)"),
    ("school_report_counts", "学校考核汇总（教师数、名额、跟踪、送培）与原始记录不一致（列出学校 id）", "the school report's kept counts (teachers, places, follow-ups, sending) disagree with the records (school ids listed)"),
    ("school_distinct_teachers", "学校考核的送培/否决人数汇总与原始记录不一致（列出学校 id）", "the school report's kept sent/vetoed teacher counts disagree with the records (school ids listed)"),
    ("teacher_cycle_credits", "教师学分周期汇总与学分记录不一致（列出教师 id）", "a teacher's kept cycle credit totals disagree with the credit entries (teacher ids listed)"),
    ("follow_up_rating_missing", "已评价的跟踪任务没有评价等级", "an evaluated follow-up has no rating"),
    ("follow_up_pending_recorded", "待完成的跟踪任务已有实施日期或评价", "a pending follow-up already has a held date or rating"),
    ("follow_up_held_in_future", "跟踪任务的实施日期晚于今天", "a follow-up's held date is after today"),
    ("tier_latest_step", "教师当前的层级或级别与其最近一次层级变动不一致（列出教师 id）", "a teacher's current tier or level differs from their latest tier step (teacher ids listed)"),
    ("audit_json", "操作记录的前后内容不是有效的 JSON", "an audit entry's before/after is not valid JSON"),
];

/// What a broken rule means, for a coordinator (the rule's own name when it has no text).
fn rule_text(rule: &str, zh: bool) -> &str {
    match RULE_TEXTS.iter().find(|(r, ..)| *r == rule) {
        Some((_, c, _)) if zh => c,
        Some((_, _, e)) => e,
        None => rule,
    }
}
