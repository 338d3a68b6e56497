//! The needs survey's strings (Reports › `n`, screens/reports/survey.rs).

use super::Msg;

pub const KEY_SURVEY: Msg = Msg::new("训前调研（需求汇总）", "Needs survey (summary)");
pub const SV_TITLE: Msg = Msg::new("训前调研 {} · {}", "Needs survey {} · {}");
pub const SV_FILTER: Msg = Msg::new(
    "答卷 {} / 在职 {}（{}） · 学科：{} · 学段：{}",
    "{} answers / {} in service ({}) · Subject: {} · Stage: {}",
);
pub const SV_ALL: Msg = Msg::new("全部", "all");
pub const SV_NONE: Msg = Msg::new("（未填）", "(blank)");
pub const SV_KEYS: Msg = Msg::new(
    "Enter 建草稿项目 · f 学科 · l 学段 · [ ] 调研 · 导入：liaoyuan import survey",
    "Enter draft · f subject · l stage · [ ] survey · liaoyuan import survey",
);
pub const SV_COL_TOPIC: Msg = Msg::new("希望的培训主题", "Topic wanted");
pub const SV_COL_ASKED: Msg = Msg::new("人数", "Asked");
pub const SV_STAGES: Msg = Msg::new("学段", "Stage");
pub const SV_FORMS: Msg = Msg::new("希望的培训形式", "Preferred form");
pub const SV_SUBJECTS: Msg = Msg::new("学科", "Subject");
pub const SV_NO_TOPICS: Msg = Msg::new("（没有答卷）", "(no answers)");
pub const SV_EMPTY: Msg = Msg::new(
    "还没有训前调研：用 liaoyuan import survey 文件 导入问卷答卷",
    "No needs survey yet: liaoyuan import survey FILE imports a questionnaire export",
);
pub const SV_DONE_DRAFT: Msg = Msg::new(
    "已建立草稿项目 {}（{} 人希望），请在培训项目中完善",
    "Draft project {} created ({} asked); finish it in Projects",
);
pub const SV_DRAFT_NOTE: Msg = Msg::new(
    "训前调研草稿：主题 {} · 对象 {} · {} · {} 人希望",
    "Drafted from the needs survey: {} · for {} · {} · {} asked",
);
pub const SV_ANY_SUBJECT: Msg = Msg::new("全部学科", "any subject");
pub const SV_ANY_STAGE: Msg = Msg::new("全部学段", "any stage");
