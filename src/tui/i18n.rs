//! Every user-facing string of the TUI, in Simplified Chinese (default) and English (`--lang en`).
//!
//! HOW TO ADD A STRING (one line, in the section of your screen below):
//!
//! ```ignore
//! pub const CHECKED_IN: Msg = Msg::new("已签到", "Checked in");
//! ```
//!
//! Show it with `ctx.t(i18n::CHECKED_IN)`. For values, put `{}` placeholders in both texts and
//! use `ctx.tf(i18n::COUNTER, &[&done, &total])` (arguments fill the `{}` in order).
//! Labels of domain codes (status, tier, level …) are not repeated here: use
//! `status.label(ctx.zh())` from `crate::domain::codes`.
//! Keep each screen's strings in its own section so that parallel edits do not collide.

pub use crate::lang::Lang;
pub use after::*;
pub use starlight::*;
#[path = "i18n_after.rs"]
mod after;
pub use survey::*;
#[path = "i18n_starlight.rs"]
mod starlight;
#[path = "i18n_survey.rs"]
mod survey;
use std::fmt::Display;

/// One message in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Msg {
    pub const fn new(zh: &'static str, en: &'static str) -> Msg {
        Msg { zh, en }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Replaces each `{}` of `template` by the next argument (missing arguments leave `{}`).
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        match args.next() {
            Some(a) => out.push_str(&a.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

// ── Shell: tabs ─────────────────────────────────────────────────────────────
pub const TAB_DASHBOARD: Msg = Msg::new("总览", "Dashboard");
pub const TAB_PROJECTS: Msg = Msg::new("项目", "Projects");
pub const TAB_CHECK_IN: Msg = Msg::new("签到", "Check-in");
pub const TAB_TEACHERS: Msg = Msg::new("教师", "Teachers");
pub const TAB_STARLIGHT: Msg = Msg::new("星光", "Starlight");
pub const TAB_FOLLOW_UPS: Msg = Msg::new("跟踪", "Follow-ups");
pub const TAB_VETOES: Msg = Msg::new("否决", "Vetoes");
pub const TAB_REPORTS: Msg = Msg::new("报表", "Reports");
pub const TAB_DASHBOARD_SHORT: Msg = Msg::new("总览", "Home");
pub const TAB_PROJECTS_SHORT: Msg = Msg::new("项目", "Proj");
pub const TAB_CHECK_IN_SHORT: Msg = Msg::new("签到", "Check");
pub const TAB_TEACHERS_SHORT: Msg = Msg::new("教师", "Teach");
pub const TAB_STARLIGHT_SHORT: Msg = Msg::new("星光", "Star");
pub const TAB_FOLLOW_UPS_SHORT: Msg = Msg::new("跟踪", "Follow");
pub const TAB_VETOES_SHORT: Msg = Msg::new("否决", "Veto");
pub const TAB_REPORTS_SHORT: Msg = Msg::new("报表", "Report");

// ── Shell: chrome, status bar, dialogs ─────────────────────────────────────
pub const APP_NAME: Msg = Msg::new("燎原", "Liaoyuan");
pub const READ_ONLY: Msg = Msg::new("只读", "read-only");
pub const STATUS_HELP_HINT: Msg = Msg::new("? 帮助", "? help");
pub const READ_ONLY_REFUSED: Msg = Msg::new(
    "只读模式（--read-only）：不能修改数据",
    "Read-only mode (--read-only): changes are not allowed",
);
pub const TOO_SMALL: Msg = Msg::new("终端太小", "terminal too small");
pub const TOO_SMALL_NEED: Msg = Msg::new("需要 {}×{}（现在 {}×{}）", "need {}×{} (now {}×{})");
pub const WEEKDAYS: [Msg; 7] = [
    Msg::new("周一", "Mon"),
    Msg::new("周二", "Tue"),
    Msg::new("周三", "Wed"),
    Msg::new("周四", "Thu"),
    Msg::new("周五", "Fri"),
    Msg::new("周六", "Sat"),
    Msg::new("周日", "Sun"),
];
pub const HELP_TITLE: Msg = Msg::new("帮助：{}", "Help: {}");
pub const HELP_EVERYWHERE: Msg = Msg::new("全局按键", "Everywhere");
pub const HELP_THIS_SCREEN: Msg = Msg::new("本页按键", "This screen");
pub const HELP_CLOSE: Msg = Msg::new("Esc 或 ? 关闭", "Esc or ? to close");
pub const PALETTE_TITLE: Msg = Msg::new("命令", "Commands");
pub const PALETTE_NO_MATCH: Msg = Msg::new("没有匹配的命令", "No matching command");
pub const CONFIRM_TITLE: Msg = Msg::new("确认", "Confirm");
pub const CONFIRM_KEYS: Msg = Msg::new("y 确定 · n/Esc 取消", "y yes · n/Esc no");
pub const REASON_TITLE: Msg = Msg::new("需要填写原因", "A reason is required");
pub const REASON_KEYS: Msg = Msg::new("Enter 确定 · Esc 取消", "Enter to confirm · Esc to cancel");
pub const REASON_EMPTY: Msg = Msg::new("原因不能为空", "The reason cannot be empty");
pub const QUIT_UNSAVED: Msg = Msg::new(
    "有未保存的内容，仍要退出吗？",
    "Something is not saved. Quit anyway?",
);
pub const SAVED: Msg = Msg::new("已保存", "Saved");
pub const ERROR_PREFIX: Msg = Msg::new("出错：{}", "Error: {}");
pub const RELOADED_EXTERNAL: Msg =
    Msg::new("已刷新（其他终端有更新）", "Refreshed (changed elsewhere)");
pub const SEARCH_PROMPT: Msg = Msg::new("搜索", "Search");
pub const NO_ROWS: Msg = Msg::new("（无记录）", "(none)");
pub const YES: Msg = Msg::new("是", "yes");
pub const NO: Msg = Msg::new("否", "no");

// ── Shell: global key help ─────────────────────────────────────────────────
pub const KEY_HELP: Msg = Msg::new("本页帮助", "Help for this screen");
pub const KEY_SEARCH: Msg = Msg::new("搜索", "Search");
pub const KEY_PALETTE: Msg = Msg::new("命令面板", "Command palette");
pub const KEY_BACK: Msg = Msg::new("返回 / 清除", "Back / clear");
pub const KEY_QUIT: Msg = Msg::new("退出", "Quit");
pub const KEY_NEXT_TAB: Msg = Msg::new("下一个标签页", "Next tab");
pub const KEY_PREV_TAB: Msg = Msg::new("上一个标签页", "Previous tab");
pub const KEY_TAB_N: Msg = Msg::new("跳到第 N 个标签页", "Go to tab N");
pub const KEY_UP_DOWN: Msg = Msg::new("上下移动", "Move up / down");
pub const KEY_PAGE: Msg = Msg::new("翻页", "Page up / down");
pub const KEY_TOP_BOTTOM: Msg = Msg::new("到顶 / 到底", "Top / bottom");
pub const KEY_OPEN: Msg = Msg::new("打开", "Open");
pub const KEY_FOCUS: Msg = Msg::new("切换左右窗格", "Switch pane");

// ── Shell: palette commands ────────────────────────────────────────────────
pub const CMD_GO_TO: Msg = Msg::new("转到：{}", "Go to: {}");
pub const CMD_THEME: Msg = Msg::new("主题：{}", "Theme: {}");
pub const CMD_LANG_ZH: Msg = Msg::new("界面语言：中文", "Language: Chinese (中文)");
pub const CMD_LANG_EN: Msg = Msg::new("界面语言：英文", "Language: English");
pub const CMD_QUIT: Msg = Msg::new("退出", "Quit");
pub const CMD_HELP: Msg = Msg::new("帮助", "Help");
pub const CMD_RELOAD: Msg = Msg::new("刷新", "Reload");
pub const CMD_SET: Msg = Msg::new("设置：set 键 值", "Setting: set KEY VALUE");
pub const THEME_SET: Msg = Msg::new("主题：{}", "Theme: {}");
pub const SETTING_SAVED: Msg = Msg::new("设置已保存：{} = {}", "Setting saved: {} = {}");
pub const COMMAND_NEEDS_ARG: Msg = Msg::new("命令“{}”需要参数", "Command '{}' needs an argument");

// ── Dashboard (dashboard.rs) ───────────────────────────────────────────────
pub const DASH_SCHOOLS: Msg = Msg::new("学校", "Schools");
pub const DASH_TEACHERS: Msg = Msg::new("教师", "Teachers");
pub const DASH_TRAINERS: Msg = Msg::new("星光讲师", "Trainers");
pub const DASH_RUNNING: Msg = Msg::new("进行中项目", "Running projects");
pub const DASH_UPCOMING: Msg = Msg::new("即将开始", "Upcoming projects");
pub const DASH_VETOES: Msg = Msg::new("{}年一票否决", "Vetoes {}");
pub const DASH_OVERDUE: Msg = Msg::new("逾期跟踪任务", "Overdue follow-ups");
pub const DASH_FIRST_RUN: Msg = Msg::new(
    "新数据库：先按 : 输入 import schools 路径 导入学校，再导入教师名册",
    "New database: press : and type import schools PATH, then import teachers",
);
pub const DASH_FIRST_RUN_DEMO: Msg = Msg::new(
    "想先看看？运行 liaoyuan --demo 打开示例区县",
    "Just looking? Run liaoyuan --demo to open a sample district",
);
pub const DASH_TODAY: Msg = Msg::new("今日场次", "Today's sessions");
pub const DASH_NO_SESSIONS: Msg = Msg::new("今天没有培训场次", "No sessions today");
pub const DASH_NOT_TAKEN: Msg = Msg::new("未点名场次", "Registers not taken");
pub const DASH_ALL_TAKEN: Msg = Msg::new(
    "所有已开始的场次都已点名",
    "Every started session has marks",
);
pub const DASH_CHECKED: Msg = Msg::new("已签 {}/{}", "in {}/{}");
pub const DASH_COMING: Msg = Msg::new("未来 7 天的场次", "Sessions in the next 7 days");
pub const DASH_NONE_COMING: Msg = Msg::new("未来 7 天没有场次", "No sessions in the next 7 days");
pub const DASH_KEY_FIND: Msg = Msg::new(
    "查找教师（出勤、否决、学分）",
    "Find a teacher (attendance, veto, credits)",
);
pub const DASH_KEY_OPEN: Msg = Msg::new("在签到页打开该场次", "Open the session in Check-in");
pub const DASH_FIGURES: Msg = Msg::new("概况", "Figures");

// ── Teachers (teachers.rs) ─────────────────────────────────────────────────
pub const COL_NAME: Msg = Msg::new("姓名", "Name");
pub const COL_SCHOOL: Msg = Msg::new("学校", "School");
pub const COL_SUBJECT: Msg = Msg::new("学科", "Subject");
pub const COL_TIER: Msg = Msg::new("层级", "Tier");
pub const COL_STAFF_NO: Msg = Msg::new("工号", "Staff no");
pub const TEACHERS_COUNT: Msg = Msg::new("{} 位教师", "{} teachers");
pub const TEACHERS_KEY_PRINCIPALS: Msg = Msg::new(
    "校长（干部）名单：学时与任职资格",
    "principals' list: hours and qualification",
);
pub const PR_TITLE: Msg = Msg::new(
    "校长（干部）{} 位 · 未取得资格 {} · {}",
    "Leaders {} · unqualified {} · {}",
);
pub const PR_KEYS: Msg = Msg::new("p/Esc 返回", "p/Esc back");
pub const PR_COL_ROLE: Msg = Msg::new("职务", "Role");
pub const PR_COL_SINCE: Msg = Msg::new("任职时间", "Since");
pub const PR_COL_HOURS: Msg = Msg::new("学时/应修", "Hours");
pub const PR_COL_FLAG: Msg = Msg::new("任职资格", "Qualification");
pub const PR_FLAG_OVERDUE: Msg = Msg::new("满一年未取得", "overdue");
pub const PR_FLAG_QUALIFIED: Msg = Msg::new("已取得", "held");
pub const PR_NONE: Msg = Msg::new(
    "还没有教师登记职务（导入教师时填写“职务”“任职时间”列）",
    "no teacher has a role yet (import teachers with role and role_since)",
);
pub const TEACHERS_MATCHES: Msg = Msg::new("{} 条匹配", "{} matches");
pub const TEACHERS_FOUND: Msg = Msg::new("{} 位", "{} teachers");
pub const TEACHERS_NO_MATCH: Msg = Msg::new(
    "没有匹配的教师（Esc 清除搜索）",
    "No teacher matches (Esc clears the search)",
);
pub const TEACHERS_NONE_YET: Msg = Msg::new(
    "还没有教师：按 : 输入 import teachers 文件路径 导入名册",
    "No teachers yet: press : and type import teachers PATH to import a roster",
);
pub const INDEX_LOADING: Msg = Msg::new("正在建立搜索索引…", "Building the search index…");
pub const TEACHERS_FILTERS: Msg = Msg::new(
    "按字段筛选：school: tier: subject: stage: status:（如 status:退休）",
    "Narrow by field: school: tier: subject: stage: status: (e.g. status:retired)",
);
pub const TEACHERS_KEY_STATUS: Msg = Msg::new(
    "改在职状态（在职/调离/退休/离职，需填原因）",
    "Change the employment status (active/transferred/retired/left, with a reason)",
);
pub const TEACHERS_STATUS_CHOOSE: Msg = Msg::new(
    "{} 的状态改为：1 在职  2 调离  3 退休  4 离职  （Esc 取消）",
    "{}'s status: 1 Active  2 Transferred  3 Retired  4 Left  (Esc cancels)",
);
pub const TEACHERS_STATUS_REASON: Msg = Msg::new(
    "{} 的状态：{} → {}。原因：",
    "{}'s status: {} → {}. Reason:",
);
pub const TEACHERS_KEY_ROLE: Msg = Msg::new(
    "设职务（校长/副校长/园长/书记/中层/后备干部）与任职时间",
    "Set the role (principal … reserve cadre) and appointment date",
);
pub const TEACHERS_ROLE_CHOOSE: Msg = Msg::new(
    "{} 的职务：1校长 2副校长 3园长 4书记 5中层 6后备 0无",
    "{}'s role: 1 Principal 2 Vice 3 KG head 4 Secretary 5 Middle 6 Reserve 0 none",
);
pub const TEACHERS_ROLE_SINCE: Msg = Msg::new(
    "{} 任{}，任职时间（YYYY-MM-DD，可空）：",
    "{} as {}, appointed on (YYYY-MM-DD, may be blank):",
);
pub const TEACHERS_ROLE_SAVED: Msg = Msg::new("职务已改为{}", "Role set: {}");
pub const TEACHERS_ROLE_NONE: Msg = Msg::new("无", "none");
pub const TEACHERS_STATUS_SAVED: Msg = Msg::new("{} 的状态改为{}", "{}'s status is now {}");
pub const TEACHERS_STATUS_NOTE: Msg =
    Msg::new("{}：不在签到名单中", "{}: not offered at the check-in desk");
pub const TEACHERS_HINT: Msg = Msg::new(
    "输入姓名、拼音、首字母、工号或手机尾号",
    "Type a name, pinyin, initials, staff no or phone tail",
);
pub const DETAIL_STAGE: Msg = Msg::new("学段", "Stage");
pub const DETAIL_PHONE: Msg = Msg::new("电话", "Phone");
pub const DETAIL_TIER_HISTORY: Msg = Msg::new("层级变化", "Tier history");
pub const DETAIL_ATTENDANCE: Msg = Msg::new("{}年出勤", "Attendance {}");
pub const DETAIL_VETO: Msg = Msg::new("{}年一票否决", "Veto {}");
pub const DETAIL_CREDITS: Msg = Msg::new("学分周期 {}", "Credit cycle {}");
pub const DETAIL_TOTAL: Msg = Msg::new("总学分", "Total");
pub const DETAIL_CONCENTRATED: Msg = Msg::new("集中培训", "Concentrated");
pub const DETAIL_MET: Msg = Msg::new("已达标", "met");
pub const DETAIL_ON_PACE: Msg = Msg::new("进度正常", "on pace");
pub const DETAIL_BEHIND: Msg = Msg::new("进度落后", "behind");
pub const DETAIL_NOT_MET: Msg = Msg::new("未达标", "not met");
pub const DETAIL_RECENT: Msg = Msg::new("最近出勤", "Recent marks");
pub const DETAIL_NONE_SELECTED: Msg = Msg::new("未选择教师", "No teacher selected");

// ── Projects (projects.rs) ─────────────────────────────────────────────────
pub const COL_CODE: Msg = Msg::new("编号", "Code");
pub const COL_TITLE: Msg = Msg::new("项目名称", "Title");
pub const COL_LEVEL: Msg = Msg::new("级别", "Level");
pub const COL_DATES: Msg = Msg::new("日期", "Dates");
pub const COL_START: Msg = Msg::new("开始", "Start");
pub const COL_END: Msg = Msg::new("结束", "End");
pub const COL_ENROLLED: Msg = Msg::new("报名", "Enrolled");
// ── Projects tab (screens/projects/) ───────────────────────────────────────
pub const PJ_ANY: Msg = Msg::new("全部", "any");
pub const PJ_FILTER_LEVEL: Msg = Msg::new("级别", "Level");
pub const PJ_FILTER_PLAN: Msg = Msg::new("计划", "Plan");
pub const PJ_FILTER_STATUS: Msg = Msg::new("状态", "Status");
pub const PJ_FILTER_YEAR: Msg = Msg::new("年度", "Year");
pub const PJ_COUNT: Msg = Msg::new("{}/{} 个项目", "{}/{} projects");
pub const PJ_SEARCH_HINT: Msg = Msg::new(
    "按编号、名称或拼音搜索项目",
    "Search projects by code, title or pinyin",
);
pub const PJ_COL_PLAN: Msg = Msg::new("计划", "Plan");
pub const PJ_COL_NO: Msg = Msg::new("#", "#");
pub const PJ_COL_DATE: Msg = Msg::new("日期", "Date");
pub const PJ_COL_PART: Msg = Msg::new("时段", "Part");
pub const PJ_COL_TOPIC: Msg = Msg::new("主题", "Topic");
pub const PJ_COL_TRAINER: Msg = Msg::new("讲师", "Trainer");
pub const PJ_COL_VENUE: Msg = Msg::new("地点", "Venue");
pub const PJ_COL_MARKS: Msg = Msg::new("签到", "Marks");
pub const PJ_COL_CLOSED: Msg = Msg::new("锁定", "Closed");
pub const PJ_COL_WALK_IN: Msg = Msg::new("现场", "Walk-in");
pub const PJ_CLOSED: Msg = Msg::new("已锁", "closed");
pub const PJ_WALK_IN: Msg = Msg::new("现场报名", "walk-in");
pub const PJ_NO_SESSIONS: Msg = Msg::new(
    "（还没有场次：a 添加，b 批量排课）",
    "(no sessions yet: a to add, b to schedule)",
);
pub const PJ_NO_ENROLMENTS: Msg = Msg::new(
    "（还没有报名：a 添加教师，s 整校报名）",
    "(nobody enrolled: a to add teachers, s for a school)",
);
pub const PJ_NO_MARK: Msg = Msg::new("未签", "no mark");
pub const PJ_ENROLLED_OF: Msg = Msg::new("报名 {}/{}", "enrolled {}/{}");
pub const PJ_VIEW_SESSIONS: Msg = Msg::new("场次 {}", "Sessions {}");
pub const PJ_VIEW_ENROLLED: Msg = Msg::new("报名 {}", "Enrolled {}");
pub const PJ_VIEW_MATRIX: Msg = Msg::new("出勤表", "Attendance");
pub const PJ_VIEW_PLACES: Msg = Msg::new("名额", "Places");
pub const PL_TOTALS: Msg = Msg::new(
    "名额合计 {} · 容量 {} · 已报名 {}",
    "Places {} · capacity {} · enrolled {}",
);
pub const PL_UNSAVED: Msg = Msg::new(" · 未保存（w 保存）", " · unsaved (w saves)");
pub const PL_KEYS: Msg = Msg::new(
    "数字 名额 · x 不限 · l 沿用去年 · n 按教师数分 · w 保存",
    "digits places · x no limit · l last year · n split · w save",
);
pub const PL_COL_TEACHERS: Msg = Msg::new("在职教师", "Teachers");
pub const PL_COL_PLACES: Msg = Msg::new("名额", "Places");
pub const PL_COL_ENROLLED: Msg = Msg::new("已报名", "Enrolled");
pub const PL_FILLED_FROM: Msg = Msg::new(
    "已按去年的 {} 填入（w 保存）",
    "Filled from last year's {} (w saves)",
);
pub const PL_NO_LAST_YEAR: Msg = Msg::new(
    "去年没有同计划同级别且分配过名额的项目",
    "No project of the same plan and level last year has places",
);
pub const PL_SPLIT_NEEDS_N: Msg = Msg::new(
    "先输入总名额再按 n（项目没有容量）",
    "Type the number of places, then n (the project has no capacity)",
);
pub const PL_SPLIT_DONE: Msg = Msg::new(
    "已按在职教师数分配 {} 个名额（w 保存）",
    "{} places split by teacher count (w saves)",
);
pub const PJ_KEY_PLACES_UNLIMITED: Msg = Msg::new(
    "名额：此校不限（只看容量）",
    "Places: no limit for the school",
);
pub const PJ_KEY_PLACES_LAST_YEAR: Msg = Msg::new("名额：沿用去年", "Places: fill from last year");
pub const PJ_KEY_PLACES_SPLIT: Msg = Msg::new(
    "名额：按教师数分配（先输入总数，否则按容量）",
    "Places: split N (typed, else capacity) by teachers",
);
pub const PJ_KEY_PLACES_SAVE: Msg = Msg::new("名额：保存", "Places: save");
pub const PJ_VIEW_KEYS: Msg = Msg::new(
    "[ ] 切换 · Esc 返回 · ? 帮助",
    "[ ] switch · Esc back · ? help",
);
pub const PJ_SORTED_SCHOOL: Msg = Msg::new("按学校排序 (o)", "by school (o)");
pub const PJ_SORTED_NAME: Msg = Msg::new("按姓名排序 (o)", "by name (o)");
pub const PJ_NEW_PROJECT: Msg = Msg::new("新建项目", "New project");
pub const PJ_EDIT_PROJECT: Msg = Msg::new("编辑项目", "Edit project");
pub const PJ_NEW_SESSION: Msg = Msg::new("添加场次", "Add a session");
pub const PJ_EDIT_SESSION: Msg = Msg::new("编辑场次", "Edit session");
pub const PJ_FORM_KEYS: Msg = Msg::new(
    "Tab/↓ 下一项 · ↑ 上一项 · ←→/空格 选择 · Ctrl-S 保存 · Esc 取消",
    "Tab/↓ next · ↑ previous · ←→/Space choose · Ctrl-S save · Esc cancel",
);
pub const PJ_DISCARD_AGAIN: Msg = Msg::new(
    "有未保存的修改：再按 Esc 放弃",
    "Unsaved changes: press Esc again to discard",
);
pub const PJ_F_CODE: Msg = Msg::new("项目编号", "Code");
pub const PJ_F_TITLE: Msg = Msg::new("项目名称", "Title");
pub const PJ_F_LEVEL: Msg = Msg::new("级别", "Level");
pub const PJ_F_PLAN: Msg = Msg::new("所属计划", "Plan");
pub const PJ_F_CONCENTRATED: Msg = Msg::new("集中培训", "Concentrated");
pub const PJ_F_VETO_SCOPE: Msg = Msg::new("计入一票否决", "Veto scope");
pub const PJ_NOTE_VETO_SCOPE: Msg = Msg::new(
    "迟到/早退/旷课计入当年度一票否决",
    "late/left early/absent give that year's veto",
);
pub const PJ_F_CREDITS: Msg = Msg::new("学分", "Credits");
pub const PJ_F_START: Msg = Msg::new("开始日期", "Start date");
pub const PJ_F_END: Msg = Msg::new("结束日期", "End date");
pub const PJ_F_VENUE: Msg = Msg::new("地点", "Venue");
pub const PJ_F_CAPACITY: Msg = Msg::new("名额", "Capacity");
pub const PJ_F_THRESHOLD: Msg = Msg::new("结业出勤率", "Completion at");
pub const PJ_F_HOURS: Msg = Msg::new("学时", "Hours");
pub const PJ_HOURS_SHORT: Msg = Msg::new("{}学时", "{} h");
pub const PJ_F_FORM: Msg = Msg::new("培训形式", "Form");
pub const PJ_F_QUALIFICATION: Msg = Msg::new("任职资格培训", "Qualification");
pub const PJ_F_BUDGET_PLANNED: Msg = Msg::new("预算（元）", "Budget (yuan)");
pub const PJ_F_BUDGET_SPENT: Msg = Msg::new("已支出（元）", "Spent (yuan)");
pub const PJ_FORM_NONE: Msg = Msg::new("未填", "not set");
pub const PJ_NOTE_QUALIFICATION: Msg = Msg::new("校长任职资格", "principals' entry course");
pub const PJ_NOTE_EMPTY_NOT_ENTERED: Msg = Msg::new("空 = 未填", "empty = not entered");
pub const PJ_HOURS_NEGATIVE: Msg = Msg::new("学时不能为负", "hours must be 0 or more");
pub const PJ_F_REPORT_BACK: Msg = Msg::new("汇报分享(天)", "Report-back (days)");
pub const PJ_F_FORUM: Msg = Msg::new("论坛交流(天)", "Forum (days)");
pub const PJ_F_TRANSPLANT: Msg = Msg::new("移植课(天)", "Transplant (days)");
pub const PJ_F_OBSERVATION: Msg = Msg::new("听评课(天)", "Observation (days)");
pub const PJ_F_DATE: Msg = Msg::new("日期", "Date");
pub const PJ_F_TIME_START: Msg = Msg::new("开始时间", "Start");
pub const PJ_F_TIME_END: Msg = Msg::new("结束时间", "End");
pub const PJ_F_TOPIC: Msg = Msg::new("主题", "Topic");
pub const PJ_F_TRAINER: Msg = Msg::new("讲师", "Trainer");
pub const PJ_F_FIRST_DATE: Msg = Msg::new("首日", "First day");
pub const PJ_F_DAYS: Msg = Msg::new("天数", "Days");
pub const PJ_F_MORNING: Msg = Msg::new("上午", "Morning");
pub const PJ_F_MORNING_TIME: Msg = Msg::new("  上午时间", "  morning times");
pub const PJ_F_AFTERNOON: Msg = Msg::new("下午", "Afternoon");
pub const PJ_F_AFTERNOON_TIME: Msg = Msg::new("  下午时间", "  afternoon times");
pub const PJ_F_EVENING: Msg = Msg::new("晚上", "Evening");
pub const PJ_F_EVENING_TIME: Msg = Msg::new("  晚上时间", "  evening times");
pub const PJ_NOTE_EMPTY_NO_LIMIT: Msg = Msg::new("空 = 不限", "empty = no limit");
pub const PJ_NOTE_DUE_DAYS: Msg = Msg::new(
    "结束后天数；空 = 不要求（常用 {}）",
    "days after the end; empty = not required (usual {})",
);
pub const PJ_NOTE_TRAINER: Msg = Msg::new(
    "输入姓名或拼音，↑↓ 选，Enter 确定",
    "type a name or pinyin, ↑↓, Enter",
);
pub const PJ_RETIRED_HIDDEN: Msg = Msg::new(
    "另有 {} 位已退出的讲师匹配 · Ctrl-R 显示",
    "{} retired trainer(s) also match · Ctrl-R shows them",
);
pub const PJ_RETIRED_SHOWN: Msg = Msg::new(
    "已列出退出的讲师（灰色）· Ctrl-R 隐藏",
    "Retired trainers listed (greyed) · Ctrl-R hides them",
);
pub const PJ_KEY_RETIRED_TRAINERS: Msg = Msg::new(
    "讲师栏：列出 / 隐藏已退出的讲师",
    "Trainer field: list / hide retired trainers",
);
pub const PJ_BAD_DATE: Msg = Msg::new("日期格式应为 2026-03-01", "a date like 2026-03-01");
pub const PJ_BAD_TIME: Msg = Msg::new("时间格式应为 08:30", "a time like 08:30");
pub const PJ_BAD_RANGE: Msg = Msg::new("时间段格式应为 08:30-11:30", "times like 08:30-11:30");
pub const PJ_BAD_NUMBER: Msg = Msg::new("应为数字", "must be a number");
pub const PJ_BAD_WHOLE_NUMBER: Msg = Msg::new("应为整数", "must be a whole number");
pub const PJ_BAD_DAYS: Msg = Msg::new("天数应为 1–366", "days must be 1–366");
pub const PJ_CODE_REQUIRED: Msg = Msg::new("必须填写项目编号", "a project code is required");
pub const PJ_CODE_TAKEN: Msg = Msg::new(
    "编号“{}”已被其他项目使用",
    "code '{}' is already used by another project",
);
pub const PJ_TITLE_REQUIRED: Msg = Msg::new("必须填写项目名称", "a title is required");
pub const PJ_END_BEFORE_START: Msg = Msg::new(
    "结束日期早于开始日期",
    "the end date is before the start date",
);
pub const PJ_CREDITS_NEGATIVE: Msg = Msg::new("学分不能为负", "credits must be 0 or more");
pub const PJ_THRESHOLD_RANGE: Msg = Msg::new("应在 1–100 之间", "must be 1–100 %");
pub const PJ_CAPACITY_NEGATIVE: Msg = Msg::new("名额不能为负", "capacity must be 0 or more");
pub const PJ_DAYS_NEGATIVE: Msg = Msg::new("天数不能为负", "days must be 0 or more");
pub const PJ_DATE_OUTSIDE: Msg = Msg::new("不在项目日期内", "outside the project's dates");
pub const PJ_END_NOT_AFTER_START: Msg =
    Msg::new("结束时间须晚于开始时间", "the end must be after the start");
pub const PJ_TRAINER_NOT_PICKED: Msg = Msg::new(
    "请从候选中选定讲师（或清空）",
    "pick a trainer from the list (or clear it)",
);
pub const PJ_SCHEDULE_OUTSIDE: Msg = Msg::new(
    "排课超出项目日期",
    "the schedule runs outside the project's dates",
);
pub const PJ_NO_PARTS: Msg = Msg::new("至少勾选一个时段", "tick at least one part of the day");
pub const PJ_SCHEDULE_TITLE: Msg = Msg::new("批量排课", "Bulk schedule");
pub const PJ_SCHEDULE_PREVIEW: Msg = Msg::new(
    "将新建 {} 个场次（已有的跳过）",
    "{} sessions will be created (existing ones are skipped)",
);
pub const PJ_SCHEDULE_NOTHING_NEW: Msg = Msg::new(
    "这些场次都已存在",
    "Every one of these sessions exists already",
);
pub const PJ_REASON_CLOSED_SESSION: Msg = Msg::new(
    "该场次已锁定，修改原因：",
    "This session is closed. Reason for the change:",
);
pub const PJ_REASON_VETO_YEAR: Msg = Msg::new(
    "改期会撤销 {} 条 {} 年度的一票否决记录，原因：",
    "The new date lifts {} veto mark(s) of {}. Reason:",
);
pub const PJ_CONFIRM_DELETE_SESSION: Msg =
    Msg::new("删除第 {} 场（{}）？", "Delete session {} ({})?");
pub const PJ_CONFIRM_REMOVE: Msg = Msg::new("把 {}（{}）移出 {}？", "Remove {} ({}) from {}?");
pub const PJ_CONFIRM_SCHOOL: Msg = Msg::new(
    "把{}的 {} 位教师全部报名到 {}？",
    "Enrol all teachers of {} ({}) in {}?",
);
pub const PJ_PICK_TEACHERS: Msg = Msg::new(
    "添加教师：空格勾选，Enter 报名",
    "Add teachers: Space ticks, Enter enrols",
);
pub const PJ_PICK_SCHOOL: Msg = Msg::new(
    "整校报名：选学校后 Enter",
    "Enrol a school: pick it, then Enter",
);
pub const PJ_TICKED: Msg = Msg::new("已选 {} 人", "{} ticked");
pub const PJ_ALREADY_ENROLLED: Msg = Msg::new("已报名", "enrolled");
pub const PJ_DONE_PROJECT_CREATED: Msg = Msg::new("已创建项目 {}", "Project {} created");
pub const PJ_DONE_PROJECT_SAVED: Msg = Msg::new("已保存项目 {}", "Project {} saved");
pub const PJ_DONE_SESSION_ADDED: Msg = Msg::new("已添加场次 {}", "Session added on {}");
pub const PJ_DONE_SESSION_SAVED: Msg = Msg::new("已保存场次 {}", "Session of {} saved");
pub const PJ_DONE_SESSION_DELETED: Msg = Msg::new("已删除场次", "Session deleted");
pub const PJ_DONE_SCHEDULED: Msg = Msg::new("已新建 {} 个场次", "{} sessions created");
pub const PJ_DONE_ENROLLED: Msg = Msg::new(
    "已报名 {} 人（{} 人原已报名）",
    "{} enrolled ({} were already)",
);
pub const PJ_DONE_UNENROLLED: Msg = Msg::new("已移出报名", "Enrolment removed");
pub const PJ_CONFIRM_OVER_CAPACITY: Msg =
    Msg::new("{}。仍要超额报名？", "{}. Enrol beyond the places anyway?");
pub const PJ_DONE_ALLOTMENTS: Msg = Msg::new(
    "已保存名额（{} 所学校有变动）",
    "Places saved ({} schools changed)",
);
pub const PJ_KEY_SEARCH: Msg = Msg::new("搜索项目", "Search projects");
pub const PJ_KEY_OPEN_SESSIONS: Msg = Msg::new("打开项目：场次", "Open: sessions");
pub const PJ_KEY_OPEN_ENROLLED: Msg = Msg::new("打开项目：报名名单", "Open: enrolled teachers");
pub const PJ_KEY_OPEN_MATRIX: Msg = Msg::new("打开项目：出勤表", "Open: attendance matrix");
pub const PJ_KEY_NEW: Msg = Msg::new("新建项目", "New project");
pub const PJ_KEY_EDIT: Msg = Msg::new("编辑项目", "Edit project");
pub const PJ_KEY_FILTER_LEVEL: Msg = Msg::new("切换级别筛选", "Cycle the level filter");
pub const PJ_KEY_FILTER_PLAN: Msg = Msg::new("切换计划筛选", "Cycle the plan filter");
pub const PJ_KEY_FILTER_STATUS: Msg = Msg::new("切换状态筛选", "Cycle the status filter");
pub const PJ_KEY_FILTER_YEAR: Msg = Msg::new("切换年度筛选", "Cycle the year filter");
pub const PJ_KEY_FILTER_CLEAR: Msg = Msg::new("清除筛选", "Clear the filters");
pub const PJ_KEY_NEXT_VIEW: Msg = Msg::new(
    "下一视图（场次/报名/出勤表）",
    "Next view (sessions/enrolled/attendance)",
);
pub const PJ_KEY_PREV_VIEW: Msg = Msg::new("上一视图", "Previous view");
pub const PJ_KEY_BACK_TO_LIST: Msg = Msg::new("返回项目列表", "Back to the project list");
pub const PJ_KEY_ADD_SESSION: Msg = Msg::new("添加场次", "Add a session");
pub const PJ_KEY_EDIT_SESSION: Msg = Msg::new("编辑场次", "Edit the session");
pub const PJ_KEY_DELETE_SESSION: Msg = Msg::new(
    "删除场次（有签到记录时拒绝）",
    "Delete the session (refused when it has marks)",
);
pub const PJ_KEY_SCHEDULE: Msg = Msg::new("批量排课", "Bulk schedule");
pub const PJ_KEY_ENROL_TEACHERS: Msg = Msg::new(
    "添加教师（搜索多选）",
    "Add teachers (search, multi-select)",
);
pub const PJ_KEY_ENROL_SCHOOL: Msg = Msg::new("整校报名", "Enrol a whole school");
pub const PJ_KEY_REMOVE_ENROLMENT: Msg = Msg::new("移出报名", "Remove from the project");
pub const PJ_KEY_SESSION_LEFT_RIGHT: Msg = Msg::new("左右切换场次", "Previous / next session");
pub const PJ_KEY_SORT: Msg = Msg::new("按学校/姓名排序", "Sort by school / name");
pub const PJ_KEY_TOGGLE: Msg = Msg::new("勾选 / 取消", "Tick / untick");
pub const PJ_KEY_ENROL_PICKED: Msg = Msg::new(
    "报名所选（未勾选时报名当前行）",
    "Enrol the ticked (or the highlighted)",
);
pub const PJ_KEY_CLOSE_PICKER: Msg = Msg::new("关闭", "Close");
pub const PJ_KEY_NEXT_FIELD: Msg = Msg::new("下一项", "Next field");
pub const PJ_KEY_PREV_FIELD: Msg = Msg::new("上一项", "Previous field");
pub const PJ_KEY_SAVE: Msg = Msg::new("保存", "Save");
pub const PJ_KEY_CANCEL: Msg = Msg::new("取消（有修改时按两次）", "Cancel (twice when changed)");
pub const PJ_KEY_CHOICE: Msg = Msg::new("切换选项 / 勾选", "Change a choice / tick");
pub const PJ_REFUSE_DELETE_SESSION: Msg = Msg::new(
    "第 {} 场已有 {} 条签到记录，不能删除",
    "Session {} has {} marks: not deleted",
);
pub const PJ_REFUSE_REMOVE: Msg = Msg::new(
    "{} 在本项目有 {} 条签到记录，不能移出",
    "{} has {} marks here: not removed",
);

// ── Check-in (checkin.rs) ──────────────────────────────────────────────────
pub const COL_SESSION: Msg = Msg::new("场次", "Session");
pub const COL_TIME: Msg = Msg::new("时间", "Time");
pub const COL_PROJECT: Msg = Msg::new("项目", "Project");
pub const COL_CHECKED: Msg = Msg::new("签到", "Checked in");
pub const DESK_WHO: Msg = Msg::new("{}（{}）", "{} ({})");
pub const DESK_MINUTES: Msg = Msg::new("{} {} 分钟", "{} {} min");
pub const DESK_ALREADY_IN: Msg = Msg::new("{} 已于 {} 签到", "{} already in at {}");
pub const DESK_IN_AT: Msg = Msg::new("已于 {} 签到", "already in at {}");
pub const DESK_UNCHANGED: Msg = Msg::new("{}：保持 {}", "{}: kept as {}");
pub const DESK_NOTHING_TO_UNDO: Msg =
    Msg::new("本签到台没有可撤销的记录", "Nothing to undo at this desk");
pub const DESK_UNDONE: Msg = Msg::new("已撤销 {} {} → {}", "Undone: {} {} → {}");
pub const DESK_UNMARKED: Msg = Msg::new("未签到", "not marked");
pub const DESK_CLOSED_DONE: Msg = Msg::new(
    "场次已关闭，{} 人记为旷课",
    "Session closed; {} marked absent",
);
pub const DESK_COUNTER: Msg = Msg::new("已签到 {} / {}，迟到 {}", "Checked in {} / {}, late {}");
pub const DESK_CHOOSE: Msg = Msg::new("选择场次（Enter 确定）", "Choose a session (Enter)");
pub const DESK_NO_SESSIONS: Msg = Msg::new(
    "还没有培训场次：先在“项目”页添加",
    "No sessions yet: add them in the Projects tab",
);
pub const DESK_NO_SESSION_CHOSEN: Msg = Msg::new("先选择场次（s）", "Choose a session first (s)");
pub const DESK_TODAY: Msg = Msg::new("今天", "today");
pub const DESK_LOCKED: Msg = Msg::new("［已关闭］", "[closed]");
pub const DESK_KEYS_HINT: Msg = Msg::new(
    "Enter签到 F2迟到 F3早退 F4旷课 F5请假 F6出勤 ^Z撤销 F7场次 F8关闭 ?帮助",
    "Enter in F2 late F3 left F4 absent F5 leave F6 present ^Z undo F7 sess F8 close",
);
pub const DESK_LOCKED_NOTE: Msg = Msg::new(
    "场次已关闭：任何修改都要填写原因",
    "Session closed: any change needs a reason",
);
pub const DESK_HINT: Msg = Msg::new(
    "输入姓名/拼音首字母/工号，Enter 签到",
    "Type name/initials/staff no, Enter checks in",
);
pub const DESK_WALK_INS: Msg = Msg::new("── 未报名（现场报名）──", "── Not enrolled (walk-ins) ──");
pub const DESK_WALK_IN_ASK: Msg = Msg::new(
    "{} 未报名本项目，现场报名并签到？",
    "{} is not enrolled in this project. Enrol on the spot and mark?",
);
pub const DESK_TYPE_FIRST: Msg =
    Msg::new("先输入姓名或拼音首字母", "Type a name or initials first");
pub const DESK_NOBODY: Msg = Msg::new("没有匹配的教师", "No matching teacher");
pub const DESK_INACTIVE: Msg = Msg::new(
    "{} {}，不在签到名单中",
    "{} is {} and not on the check-in list",
);
pub const DESK_CHOOSE_FIRST: Msg = Msg::new(
    "输入姓名或选择一行（j/k）",
    "Type a name or choose a row (j/k)",
);
pub const DESK_RECENT_IN: Msg = Msg::new("── 本场最近记录 ──", "── Latest marks here ──");
pub const MARK_CHANGE: Msg = Msg::new("{}：{} → {}", "{}: {} → {}");
pub const MARK_VETO_LIFTS: Msg = Msg::new(
    "撤销该教师 {} 年度的一票否决",
    "Lifts the teacher's {} one-vote veto",
);
pub const MARK_VETO_KEPT: Msg = Msg::new(
    "{} 年度仍有 {} 条其他一票否决记录：一票否决不变",
    "In {} the teacher still has {} other veto mark(s): the veto stays",
);
pub const MARK_VETO_CREATES: Msg = Msg::new(
    "将造成该教师 {} 年度的一票否决",
    "Gives the teacher a one-vote veto for {}",
);
pub const MARK_VETO_STAYS: Msg = Msg::new(
    "该教师 {} 年度的一票否决不变",
    "The teacher's {} one-vote veto stays",
);
pub const MARK_COMPLETION: Msg = Msg::new(
    "{} 结业将从 {} 变为 {}",
    "{}: completion goes from {} to {}",
);
pub const MARK_MET: Msg = Msg::new("达标", "met");
pub const MARK_NOT_MET: Msg = Msg::new("未达标", "not met");
pub const MARK_ASK_REASON: Msg = Msg::new("请填写原因：", "Give the reason:");
pub const MARK_ASK_LEAVE: Msg = Msg::new("请假事由：", "Reason for leave:");
pub const MARK_ASK_LOCKED: Msg = Msg::new(
    "场次已关闭，请填写修改原因：",
    "The session is closed; reason for the change:",
);
pub const DESK_CHECKOUT_ASK: Msg = Msg::new("{} 签退时间（HH:MM）：", "{} left at (HH:MM):");
pub const DESK_BAD_TIME: Msg = Msg::new("时间格式应为 HH:MM", "The time must be HH:MM");
pub const DESK_PROMPT_KEYS: Msg =
    Msg::new("Enter 确定 · Esc 取消", "Enter to confirm · Esc to cancel");
pub const DESK_REVIEW_TITLE: Msg = Msg::new("关闭场次：核对", "Close session: review");
pub const DESK_REVIEW_ENROLLED: Msg = Msg::new("报名人数", "Enrolled");
pub const DESK_REVIEW_UNMARKED: Msg = Msg::new("未签到 → 记为旷课", "Not marked → absent");
pub const DESK_REVIEW_NOT_IN_SERVICE: Msg = Msg::new(
    "未签到但已不在职（不记旷课）",
    "Not marked, not in service (no mark)",
);
pub const DESK_REVIEW_KEYS: Msg = Msg::new(
    "y 关闭并锁定 · n/Esc 取消",
    "y close and lock · n/Esc cancel",
);
pub const DESK_REVIEW_NOT_STARTED: Msg = Msg::new(
    "场次尚未开始：{} 开始后才能关闭",
    "Not started: it can be closed after {}",
);
pub const DESK_REVIEW_BACK: Msg = Msg::new("n/Esc 返回", "n/Esc back");
pub const DESK_ALREADY_CLOSED: Msg = Msg::new("该场次已关闭", "This session is already closed");
pub const DESK_NOT_CLOSED: Msg = Msg::new("该场次未关闭", "This session is not closed");
pub const DESK_REOPEN_ASK: Msg =
    Msg::new("重新开放场次的原因：", "Reason for reopening the session:");
pub const DESK_REOPENED: Msg = Msg::new("场次已重新开放", "Session reopened");
pub const DESK_REOPENED_REMOVED: Msg = Msg::new(
    "场次已重新开放，删除了关闭时记的 {} 条旷课",
    "Session reopened; {} absences of the close removed",
);
pub const DESK_REOPEN_TITLE: Msg = Msg::new("重新开放场次", "Reopen the session");
pub const DESK_REOPEN_FOUND: Msg = Msg::new(
    "关闭时记为旷课、之后未改动的有 {} 条",
    "{} absences were written by the close",
);
pub const DESK_REOPEN_HAND: Msg = Msg::new(
    "手工签到或改过的记录都不动",
    "(not changed since; marks by hand stay)",
);
pub const DESK_REOPEN_REMOVE: Msg =
    Msg::new("y 删除这 {} 条并重新开放", "y remove these {} and reopen");
pub const DESK_REOPEN_KEEP: Msg = Msg::new("n 保留并重新开放", "n keep them and reopen");
pub const DESK_REOPEN_CANCEL: Msg = Msg::new("Esc 取消", "Esc cancel");
pub const DESK_REOPEN_REMOVE_ASK: Msg = Msg::new(
    "重新开放并删除 {} 条关闭时记的旷课，原因：",
    "Reopen and remove {} absences of the close; reason:",
);
pub const DESK_REVIEW_UNTAKEN: Msg = Msg::new(
    "这一场还没有任何签到记录",
    "Nobody is marked in this session yet",
);
pub const DESK_REVIEW_VETOES: Msg = Msg::new(
    "关闭将把 {} 人全部记为旷课：{} 个一票否决",
    "Closing marks all {} absent: {} new vetoes",
);
pub const DESK_REVIEW_TYPE: Msg = Msg::new(
    "输入 {} 或“关闭”后按 Enter · Esc 取消",
    "Type {} or close, then Enter · Esc cancels",
);
pub const DESK_REVIEW_WRONG: Msg = Msg::new("请输入 {} 或“关闭”", "Type {} or close to confirm");
pub const KEY_DESK_REOPEN: Msg = Msg::new(
    "重新开放已关闭的场次（可删除关闭时记的旷课，填原因）",
    "Reopen (may remove the close's absences; asks why)",
);
pub const DESK_UNDO_DEPTH: Msg = Msg::new("可撤销 {}", "undo {}");
pub const COL_MARK: Msg = Msg::new("本场", "This session");
pub const COL_RECENT: Msg = Msg::new("近期出勤", "Recent");
pub const KEY_DESK_CHECK_IN: Msg = Msg::new(
    "签到（按时钟判出勤/迟到）",
    "Check in (present or late by the clock)",
);
pub const KEY_DESK_PRESENT: Msg = Msg::new("改为出勤", "Mark present");
pub const KEY_DESK_LATE: Msg = Msg::new("迟到", "Mark late");
pub const KEY_DESK_LEFT_EARLY: Msg = Msg::new("早退（填签退时间）", "Left early (asks the time)");
pub const KEY_DESK_ABSENT: Msg = Msg::new("旷课", "Mark absent");
pub const KEY_DESK_EXCUSED: Msg = Msg::new("请假（填事由）", "Excused (asks the reason)");
pub const KEY_DESK_UNDO: Msg = Msg::new("撤销本台上一条", "Undo this desk's last mark");
pub const KEY_DESK_SESSION: Msg = Msg::new("选择场次", "Choose the session");
pub const KEY_DESK_CLOSE: Msg =
    Msg::new("关闭场次（核对后）", "Close the session (after a review)");
pub const KEY_DESK_SEARCH: Msg = Msg::new("回到搜索框", "Back to the search box");
pub const KEY_DESK_LEAVE: Msg = Msg::new(
    "清空搜索框，空时离开：之后 j/k 选行，1–8 换标签页",
    "Clear the box, or leave it: then j/k rows, 1–8 tabs",
);
pub const KEY_DESK_TABS: Msg = Msg::new(
    "离开签到台：下一个 / 上一个标签页",
    "Leave the desk: next / previous tab",
);
pub const KEY_DESK_PICK: Msg = Msg::new(
    "拼写姓名时：按候选人左侧的数字直接签到",
    "Spelling a name: a candidate's digit checks it in",
);
pub const KEY_DESK_TYPE: Msg = Msg::new(
    "数字和字母输入搜索框（工号、拼音、姓名）",
    "Digits and letters go into the search box",
);
pub const DESK_HINT_LEFT: Msg = Msg::new(
    "（不在搜索框：/ 输入 · j/k 选行 · 1–8 换标签页）",
    "(not in the box: / to type · j/k rows · 1–8 tabs)",
);

// ── Starlight (starlight.rs) ───────────────────────────────────────────────
pub const COL_AFFILIATION: Msg = Msg::new("单位", "Affiliation");
pub const COL_STATUS: Msg = Msg::new("状态", "Status");
pub const COL_COMPETENCIES: Msg = Msg::new("六能", "Competencies");
pub const COL_TAUGHT: Msg = Msg::new("授课", "Taught");
pub const COL_SIX_LEVELS: Msg = Msg::new("六能", "6 levels");
pub const STAR_COUNT: Msg = Msg::new("{} 位讲师", "{} trainers");
pub const STAR_HINT: Msg = Msg::new(
    "输入姓名、拼音、首字母或单位",
    "Type a name, pinyin, initials or school",
);
pub const FILTER_ALL: Msg = Msg::new("全部", "all");
pub const FILTER_STATUS: Msg = Msg::new("状态：{}", "Status: {}");
pub const FILTER_KIND: Msg = Msg::new("类型：{}", "Kind: {}");
pub const FILTER_PROJECT: Msg = Msg::new("项目：{}", "Project: {}");
pub const STAR_SESSIONS: Msg = Msg::new("授课场次（{}）", "Sessions taught ({})");
pub const STAR_NO_SESSIONS: Msg = Msg::new("还没有授课记录", "No sessions taught yet");
pub const STAR_JOINED: Msg = Msg::new("{} 加入", "joined {}");
pub const STAR_EXTERNAL: Msg = Msg::new("外聘专家", "external expert");
pub const STAR_NONE_SELECTED: Msg = Msg::new("未选择讲师", "No trainer selected");
pub const STAR_EDIT_TITLE: Msg = Msg::new("修改讲师：{}", "Edit trainer: {}");
pub const STAR_FORM_KEYS: Msg = Msg::new(
    "↑↓ 选择 · ←→ 或 0–3 修改 · Enter 保存 · Esc 取消",
    "↑↓ field · ←→ or 0–3 change · Enter save · Esc cancel",
);
pub const STAR_SAVED: Msg = Msg::new("已保存讲师：{}", "Trainer saved: {}");
pub const UNCHANGED: Msg = Msg::new("没有改动", "Nothing changed");
pub const FORM_DISCARD_AGAIN: Msg = Msg::new(
    "有未保存的修改：再按 Esc 放弃",
    "Unsaved changes: press Esc again to discard",
);
pub const KEY_FILTER_STATUS: Msg = Msg::new("按状态筛选", "Filter by status");
pub const KEY_EDIT: Msg = Msg::new("修改", "Edit");
pub const KEY_FORM_SAVE: Msg = Msg::new("表单：保存", "Form: save");
pub const KEY_FORM_CANCEL: Msg = Msg::new("表单：取消", "Form: cancel");
pub const KEY_FORM_FIELD: Msg = Msg::new("表单：上一项 / 下一项", "Form: previous / next field");
pub const KEY_FORM_CHANGE: Msg = Msg::new("表单：修改取值", "Form: change the value");
pub const KEY_FORM_LEVEL: Msg = Msg::new("表单：设为该等级", "Form: set this level");

// ── Follow-ups (follow_ups.rs) ─────────────────────────────────────────────
pub const COL_KIND: Msg = Msg::new("类型", "Kind");
pub const COL_DUE: Msg = Msg::new("截止", "Due");
pub const OVERDUE: Msg = Msg::new("逾期", "Overdue");
pub const COL_HELD: Msg = Msg::new("开展", "Held");
pub const COL_TEACHER: Msg = Msg::new("教师", "Teacher");
pub const FU_HINT: Msg = Msg::new(
    "输入教师姓名、拼音、工号或项目",
    "Type a teacher, pinyin, staff no or project",
);
pub const FU_SHOWN: Msg = Msg::new("{} 条", "{} shown");
pub const FU_FORM_TITLE: Msg = Msg::new("记录跟踪任务：{}", "Record follow-up: {}");
pub const FU_FORM_KEYS: Msg = Msg::new(
    "↑↓ Enter 换项 · ←→ 修改 · Ctrl-S 保存 · Esc 取消",
    "↑↓ Enter field · ←→ change · Ctrl-S save · Esc cancel",
);
pub const FIELD_HELD: Msg = Msg::new("开展日期", "Held on");
pub const FIELD_TITLE: Msg = Msg::new("题目", "Title");
pub const FIELD_PLACE: Msg = Msg::new("地点", "Place");
pub const FIELD_OBSERVER: Msg = Msg::new("听评人", "Observer");
pub const FIELD_RATING: Msg = Msg::new("评价", "Rating");
pub const FIELD_NOTES: Msg = Msg::new("备注", "Notes");
pub const FIELD_STATUS: Msg = Msg::new("状态", "Status");
pub const FU_OBSERVER_TRAINER: Msg = Msg::new("星光讲师", "trainer");
pub const FU_OBSERVER_STAFF: Msg = Msg::new("按工作人员记录", "recorded as staff");
pub const FU_OBSERVER_EMPTY: Msg = Msg::new(
    "输入星光讲师的姓名或拼音选定，或填写其他听评人姓名",
    "Type a trainer's name or pinyin to pick, or any other observer's name",
);
pub const FU_OBSERVER_PICK: Msg = Msg::new(
    "讲师：{} · Enter 选定 · Ctrl-N 下一个",
    "Trainer: {} · Enter picks · Ctrl-N next",
);
pub const FU_OBSERVER_PICK_HIDDEN: Msg = Msg::new(
    "讲师：{} · Ctrl-N 下一个 · 另 {} 位已退出（Ctrl-R）",
    "Trainer: {} · Ctrl-N next · +{} retired (Ctrl-R)",
);
pub const FU_KEY_RETIRED_TRAINERS: Msg = Msg::new(
    "听评人栏：列出 / 隐藏已退出的讲师",
    "Observer field: list / hide retired trainers",
);
pub const FU_NO_RATING: Msg = Msg::new("（未评）", "(none)");
pub const FU_BAD_DATE: Msg = Msg::new(
    "开展日期应写成 YYYY-MM-DD：{}",
    "Write the held date as YYYY-MM-DD: {}",
);
pub const FU_SAVED: Msg = Msg::new("已记录：{} · {}", "Recorded: {} · {}");
pub const FU_BACK_REASON: Msg = Msg::new(
    "把这条跟踪任务退回到“{}”的原因",
    "Why move this follow-up back to '{}'?",
);
pub const FU_NONE_SELECTED: Msg = Msg::new("未选择跟踪任务", "No follow-up selected");
pub const FU_NONE_YET: Msg = Msg::new(
    "还没有跟踪任务：项目结业时按项目要求生成",
    "No follow-ups yet: completing a project creates the ones it requires",
);
pub const FU_NO_MATCH: Msg = Msg::new(
    "没有符合搜索或筛选的跟踪任务（Esc 清除）",
    "No follow-up matches the search or filters (Esc clears)",
);
pub const SL_NONE_YET: Msg = Msg::new(
    "还没有星光讲师：按 : 输入 import trainers 文件路径 导入",
    "No trainers yet: press : and type import trainers PATH to import them",
);
pub const SL_NO_MATCH: Msg = Msg::new(
    "没有符合搜索或筛选的讲师（Esc 清除）",
    "No trainer matches the search or filter (Esc clears)",
);
pub const KEY_FILTER_KIND: Msg = Msg::new("按类型筛选", "Filter by kind");
pub const KEY_FILTER_PROJECT: Msg = Msg::new("依次按各项目筛选", "Filter by the next project");
pub const KEY_FILTER_ROW_PROJECT: Msg = Msg::new(
    "只看本行的项目 / 取消",
    "Only this row's project / all projects",
);
pub const KEY_RECORD: Msg = Msg::new("记录 / 评价", "Record / evaluate");
pub const KEY_FORM_PICK: Msg = Msg::new("表单：换一个讲师", "Form: next trainer match");

// ── Vetoes (vetoes.rs) ─────────────────────────────────────────────────────
pub const COL_REASONS: Msg = Msg::new("原因", "Reasons");
pub const VETO_TITLE: Msg = Msg::new("{}年一票否决：{} 人", "Vetoes {}: {} teachers");
pub const VETO_NONE: Msg = Msg::new("{}年没有一票否决", "No vetoes in {}");
pub const VETO_YEAR_KEYS: Msg = Msg::new("[ ] 换年份", "[ ] year");
pub const VETO_TEACHERS: Msg = Msg::new("{} 人", "{} teachers");
pub const VETO_PICK_TITLE: Msg = Msg::new("修改出勤记录", "Change the mark");
pub const VETO_PICK_KEYS: Msg = Msg::new(
    "↑↓ 选择 · Enter 确定 · Esc 取消",
    "↑↓ choose · Enter ok · Esc cancel",
);
pub const VETO_REASON_NO_ARRIVAL: Msg = Msg::new(
    "{}：没有签到记录，记为早退须说明原因：",
    "{}: no arrival on record; reason for marking them as leaving early:",
);
pub const VETO_HISTORY_TITLE: Msg = Msg::new("修改记录", "History of the mark");
pub const VETO_HISTORY_EMPTY: Msg = Msg::new("（没有记录）", "(no entries)");
pub const VETO_HISTORY_KEYS: Msg = Msg::new("Esc 关闭", "Esc to close");
pub const KEY_VETO_YEAR: Msg = Msg::new("上一年 / 下一年", "Previous / next year");
pub const KEY_VETO_CHANGE: Msg = Msg::new("修改这条记录", "Change this mark");
pub const KEY_VETO_HISTORY: Msg = Msg::new("这条记录的修改历史", "History of this mark");
pub const KEY_VETO_OPEN_TEACHER: Msg = Msg::new("在教师页打开", "Open in Teachers");

// ── Reports (reports.rs) ───────────────────────────────────────────────────
pub const COL_SENT: Msg = Msg::new("送培人次", "Sent");
pub const COL_ATTENDANCE_RATE: Msg = Msg::new("出勤率", "Attendance");
pub const COL_VETO_COUNT: Msg = Msg::new("否决人数", "Vetoes");
pub const COL_PLACES: Msg = Msg::new("送培/名额", "Sent/places");
pub const COL_FOLLOW_RATE: Msg = Msg::new("跟踪完成", "Follow-ups");
/// Teachers who met the cycle's credits, and those behind (未达标 once the cycle ended).
pub const COL_CREDITS_MET: Msg = Msg::new("已达标", "Met");
pub const COL_CREDITS_BEHIND: Msg = Msg::new("落后", "Behind");
pub const COL_TOWNSHIP: Msg = Msg::new("镇街", "Township");
pub const REP_EVIDENCE_TITLE: Msg = Msg::new("{} · {}：{} 条", "{} · {}: {} rows");
pub const REP_EV_KEYS: Msg = Msg::new("Esc 返回", "Esc back");
pub const REP_EV_PROJECT: Msg = Msg::new("项目", "Project");
pub const REP_EV_START: Msg = Msg::new("开始", "Starts");
pub const REP_EV_DATE: Msg = Msg::new("日期", "Date");
pub const REP_EV_TIME: Msg = Msg::new("时间", "Time");
pub const REP_EV_ATTENDED: Msg = Msg::new("出勤/签到", "Att./marks");
pub const REP_EV_BLANK: Msg = Msg::new("", "");
pub const REP_EV_STATUS: Msg = Msg::new("状态", "Status");
pub const REP_EV_DUE: Msg = Msg::new("截止", "Due");
pub const REP_EV_KIND: Msg = Msg::new("类型", "Kind");
pub const REP_EV_NO_LIST: Msg = Msg::new(
    "此列没有明细（←/→ 选择 送培、出勤、否决、跟踪 列）",
    "No list for this column (←/→ picks sent, attendance, vetoes, follow-ups)",
);
pub const KEY_FIGURE: Msg = Msg::new("选择数字列（←/→）", "Pick a figure column (←/→)");
pub const KEY_EVIDENCE: Msg = Msg::new(
    "打开该数字的明细（哪些教师、哪些场次）",
    "Open the figure's evidence (teachers, sessions)",
);
pub const REP_TITLE: Msg = Msg::new("{}年 学校考核 · {} 所学校", "School report {} · {} schools");
pub const REP_CYCLE: Msg = Msg::new("学分周期 {}", "Credits {}");
pub const REP_CALENDAR: Msg = Msg::new("{}年培训日历 · {} 场", "Sessions in {} · {}");
pub const REP_SORTED: Msg = Msg::new("排序：{}", "Sorted by {}");
pub const REP_FEWER_MORE: Msg = Msg::new("少→多", "fewer→more");
pub const KEY_YEAR: Msg = Msg::new("上一年 / 下一年", "Previous / next year");
pub const KEY_SORT: Msg = Msg::new("换排序列", "Sort by the next column");
pub const KEY_REVERSE: Msg = Msg::new("倒序", "Reverse the order");
pub const KEY_CALENDAR: Msg = Msg::new("日历 / 报表", "Calendar / table");
pub const KEY_TARGETS: Msg = Msg::new("目标任务 / 报表", "Targets / table");
pub const KEY_TARGETS_BY: Msg = Msg::new("目标：按学校 / 按学科", "Targets: by school / subject");

// ── Targets (reports/targets.rs) ───────────────────────────────────────────
pub const TGT_TITLE: Msg = Msg::new("目标任务 · 人数/目标", "Targets · count/target");
pub const TGT_HINT: Msg = Msg::new(
    "b 学校/学科 · :target 目标 年份 人数",
    "b school/subject · :target WHAT YEAR N",
);
pub const TGT_OF: Msg = Msg::new("{} / {}（{}）", "{} / {} ({})");
pub const TGT_BY_ROLE: Msg = Msg::new("按职务统计，尚无职务", "by role: no roles yet");
pub const TGT_YEAR_END: Msg = Msg::new("年末人数", "Year end");
pub const TGT_BY_SCHOOL: Msg = Msg::new("按学校", "By school");
pub const TGT_BY_SUBJECT: Msg = Msg::new("按学科", "By subject");
pub const TGT_SHORT_DISTRICT_BACKBONE: Msg = Msg::new("区级骨干", "Dist. bb.");
pub const TGT_SHORT_DISTRICT_RENOWNED: Msg = Msg::new("区级名师", "Dist. ren.");
pub const TGT_SHORT_MUNICIPAL: Msg = Msg::new("市级及以上", "Municipal+");
pub const CMD_TARGET: Msg = Msg::new(
    "设置目标：target 目标 年份 人数（如 target 区级骨干教师 2025 520）",
    "Set a target: target WHAT YEAR N (e.g. target district_backbone 2025 520)",
);
pub const TGT_SAVED: Msg = Msg::new("{} {} 年目标：{} 人", "{} {} target: {}");
pub const TIER_TITLE: Msg = Msg::new("层级变动：{}", "Tier step: {}");
pub const TIER_F_TIER: Msg = Msg::new("层级", "Tier");
pub const TIER_F_LEVEL: Msg = Msg::new("级别", "Level");
pub const TIER_F_DATE: Msg = Msg::new("日期", "Date");
pub const TIER_F_DOC_NO: Msg = Msg::new("文号", "Document no.");
pub const TIER_F_NOTE: Msg = Msg::new("备注", "Note");
pub const TIER_NO_LEVEL: Msg = Msg::new("无级别", "none");
pub const TIER_BAD_DATE: Msg = Msg::new("日期格式：2025-09-01", "date as 2025-09-01");
pub const TIER_NO_LEVELS: Msg = Msg::new(
    "只有骨干教师、名优教师分区级/市级/国家级",
    "only backbone and renowned teachers have a level",
);
pub const TEACHERS_KEY_TIER: Msg = Msg::new(
    "层级变动（层级、级别、日期、文号）",
    "Tier step (tier, level, date, doc no.)",
);
pub const TIER_SAVED: Msg = Msg::new("{}：{}（{}起）", "{}: {} (from {})");
pub const KEY_PLANS: Msg = Msg::new("七项计划汇总 / 报表", "Seven plans' summary / table");
pub const REP_PLANS_TITLE: Msg = Msg::new("{} 年七项计划汇总", "The seven plans in {}");
pub const REP_PLANS_KEYS: Msg = Msg::new("[ ] 年份 · p 返回", "[ ] year · p back");
pub const REP_PLANS_PLAN: Msg = Msg::new("计划", "Plan");
pub const REP_PLANS_PROJECTS: Msg = Msg::new("项目", "Proj.");
pub const REP_PLANS_PEOPLE: Msg = Msg::new("参训人次", "Trainees");
pub const REP_PLANS_HOURS: Msg = Msg::new("学时", "Hours");
pub const REP_PLANS_BUDGET: Msg = Msg::new("预算（元）", "Budget");
pub const REP_PLANS_SPENT: Msg = Msg::new("支出（元）", "Spent");
pub const REP_PLANS_TOTAL: Msg = Msg::new("合计", "Total");

// ── Import (import*.rs) ────────────────────────────────────────────────────
pub const CMD_IMPORT: Msg = Msg::new(
    "导入文件：import 类型 路径（teachers、schools、trainers、projects、sessions、enrolments、marks、allotments、credits、survey；feedback 另加 --project 项目代码）",
    "Import a file: import KIND PATH (teachers, schools, trainers, projects, sessions, enrolments, marks, allotments, credits, survey; feedback with --project CODE)",
);
pub const IMPORT_TITLE: Msg = Msg::new("导入预览", "Import preview");
pub const IMPORT_FILE: Msg = Msg::new("导入{}：{}", "Import {}: {}");
pub const IMPORT_COUNTS: Msg = Msg::new(
    "读取 {} 行：将新增 {}，更新 {}，未变 {}",
    "{} rows: would add {}, update {}, {} unchanged",
);
pub const IMPORT_ASK: Msg = Msg::new("y/回车 导入 · n/Esc 取消", "y/Enter import · n/Esc cancel");
pub const IMPORT_PROBLEMS: Msg = Msg::new(
    "发现 {} 个问题，未导入任何数据：",
    "{} problem(s) found; nothing can be imported:",
);
pub const IMPORT_MORE: Msg = Msg::new("……另有 {} 个问题", "… and {} more");
pub const IMPORT_CLOSE: Msg = Msg::new(
    "Esc 关闭（改正文件后再导入）",
    "Esc close (fix the file, then import again)",
);

// ── Completion and credits (screens/projects/completion*.rs, credit_form*.rs) ─
pub const CP_KEY_REVIEW: Msg =
    Msg::new("结业审核（发放学分）", "Completion review (grant credits)");
pub const CP_KEY_CONFIRM: Msg = Msg::new("确认结业并发放学分", "Complete and grant credits");
pub const CP_KEY_CLOSE: Msg = Msg::new("关闭，不结业", "Close without completing");
pub const CP_TITLE: Msg = Msg::new("结业审核 {} {}", "Completion review {} {}");
pub const CP_FACTS: Msg = Msg::new(
    "场次 {} · 结业线 {}% · 学分 {}{}",
    "{} sessions · threshold {}% · {} credits{}",
);
pub const CP_CONCENTRATED_TAG: Msg = Msg::new("（集中）", " (concentrated)");
pub const CP_COUNTS: Msg = Msg::new(
    "结业 {} 人 · 未结业 {} 人",
    "Complete: {} · not complete: {}",
);
pub const CP_FOLLOW_UPS: Msg = Msg::new("结业者跟踪任务：{}", "Follow-ups for completers: {}");
pub const CP_FOLLOW_UP_ITEM: Msg = Msg::new("{}（{} 天内）", "{} (within {} d)");
pub const CP_NO_FOLLOW_UPS: Msg = Msg::new("无", "none");
pub const CP_W_ALREADY: Msg = Msg::new(
    "已于 {} 结业；学分只发放一次",
    "Already completed on {}; credits are granted once",
);
pub const CP_W_NO_SESSIONS: Msg =
    Msg::new("没有场次，无人能结业", "No sessions: nobody can complete");
pub const CP_W_NO_ENROLMENTS: Msg = Msg::new("无人报名", "Nobody is enrolled");
pub const CP_W_NOT_OVER: Msg = Msg::new(
    "{} 个场次尚未结束（最早 {}），暂不能结业",
    "{} session(s) not over yet (first {}): cannot complete yet",
);
pub const CP_W_OPEN: Msg = Msg::new(
    "{} 个场次未关闭（未签到者尚未记为旷课）",
    "{} session(s) not closed (unmarked teachers not yet absent)",
);
pub const CP_W_UNMARKED: Msg = Msg::new(
    "{} 名教师共缺 {} 条考勤记录（按未出勤计）",
    "{} teacher(s) miss {} mark(s) (counted as not attended)",
);
pub const CP_COL_NAME: Msg = Msg::new("姓名", "Name");
pub const CP_COL_SCHOOL: Msg = Msg::new("学校", "School");
pub const CP_COL_ATTENDED: Msg = Msg::new("出勤", "Attended");
pub const CP_COL_SHARE: Msg = Msg::new("比例", "Share");
pub const CP_COL_RESULT: Msg = Msg::new("结果", "Result");
pub const CP_COMPLETES: Msg = Msg::new("结业", "completes");
pub const CP_NOT_COMPLETE: Msg = Msg::new("未结业", "not complete");
pub const CP_FOOTER: Msg = Msg::new(
    "Enter 确认结业并发放学分 · Esc 取消",
    "Enter complete and grant credits · Esc cancel",
);
pub const CP_FOOTER_BLOCKED: Msg = Msg::new("不能结业 · Esc 关闭", "Cannot complete · Esc close");
pub const CP_DONE: Msg = Msg::new(
    "{} 已结业：{} 人获得学分，{} 人未结业，生成跟踪任务 {} 项",
    "{} completed: {} credited, {} not complete, {} follow-ups created",
);
pub const CMD_CREDIT_ADD: Msg = Msg::new(
    "登记学分（类别、学时、证书编号）",
    "Register credits (category, hours, certificate no.)",
);
pub const CR_TITLE: Msg = Msg::new("登记学分（待审核）", "Register credits (pending review)");
pub const CR_F_TEACHER: Msg = Msg::new("教师", "Teacher");
pub const CR_F_CREDITS: Msg = Msg::new("学分", "Credits");
pub const CR_F_CONCENTRATED: Msg = Msg::new("集中培训", "Concentrated");
pub const CR_F_DATE: Msg = Msg::new("获得日期", "Earned on");
pub const CR_F_NOTE: Msg = Msg::new("说明", "Note");
pub const CR_NOTE_TEACHER: Msg = Msg::new(
    "姓名/拼音/工号，↑↓ 回车选定",
    "name/pinyin/staff no, ↑↓ Enter",
);
pub const CR_NOTE_NOTE: Msg = Msg::new("如：国家智慧教育平台研修", "e.g. national online course");
pub const CR_TEACHER_NOT_PICKED: Msg =
    Msg::new("请从候选中选定教师", "pick a teacher from the list");
pub const CR_BAD_CREDITS: Msg = Msg::new("学分应大于 0 且不超过 200", "more than 0, at most 200");
pub const CR_DATE_FUTURE: Msg = Msg::new("日期不能晚于今天", "not after today");
pub const CR_NOTE_REQUIRED: Msg = Msg::new("请写明学分来源", "say where the credits come from");
pub const CR_STANDING: Msg = Msg::new(
    "{} 周期：已获 {} 学分（集中 {}），要求 {}（集中 {}）",
    "Cycle {}: {} credits ({} concentrated) of {} ({})",
);
pub const CR_LEDGER: Msg = Msg::new(
    "学分记录（最近在前；PgUp/PgDn 选择，Ctrl-D 删除手工记录）",
    "Ledger, newest first (PgUp/PgDn choose, Ctrl-D delete a manual entry)",
);
pub const CR_MANUAL: Msg = Msg::new("手工", "manual");
pub const CR_CONC_SHORT: Msg = Msg::new("集中", "conc.");
pub const CR_DONE: Msg = Msg::new("已为 {} 添加 {} 学分", "{}: {} credits added");
pub const CR_KEY_LEDGER_MOVE: Msg = Msg::new("在学分记录中选择", "Choose a ledger entry");
pub const CR_KEY_DELETE: Msg = Msg::new(
    "删除所选手工记录（需说明原因）",
    "Delete the chosen manual entry (needs a reason)",
);
pub const CR_CHOOSE_ENTRY: Msg = Msg::new(
    "先用 PgUp/PgDn 选择一条学分记录",
    "Choose an entry with PgUp/PgDn first",
);
pub const CR_ONLY_MANUAL: Msg = Msg::new(
    "项目结业所得学分不能删除，只能删除手工记录",
    "Credits from a completed project cannot be deleted; only manual entries",
);
pub const CR_DELETE_REASON: Msg = Msg::new(
    "删除这条学分记录的原因：",
    "Reason for deleting this credit entry:",
);
pub const CR_DELETED: Msg = Msg::new(
    "已删除 {} 的 {} 学分记录",
    "{}: entry of {} credits deleted",
);

// The registrar's queue (学分登记审核), from the Reports tab.
pub const KEY_CREDIT_QUEUE: Msg = Msg::new("学分登记审核", "Credit registrations to review");
pub const CQ_TITLE: Msg = Msg::new(
    "学分登记审核 · 待审核 {} 条 · 已选 {}",
    "Credit registrations · {} pending · {} marked",
);
pub const CQ_KEYS: Msg = Msg::new(
    "空格 选中 · a 认定 · A 全部认定 · x 退回 · Esc 返回",
    "Space mark · a approve · A approve all · x return · Esc back",
);
pub const CQ_COL_TEACHER: Msg = Msg::new("教师", "Teacher");
pub const CQ_COL_SCHOOL: Msg = Msg::new("学校", "School");
pub const CQ_COL_CATEGORY: Msg = Msg::new("类别", "Category");
pub const CQ_COL_HOURS: Msg = Msg::new("学时", "Hours");
pub const CQ_COL_CREDITS: Msg = Msg::new("学分", "Creds");
pub const CQ_COL_EVIDENCE: Msg = Msg::new("证书编号", "Certificate");
pub const CQ_COL_DATE: Msg = Msg::new("完成日期", "Completed");
pub const CQ_EMPTY: Msg = Msg::new("没有待审核的学分登记", "No credit registrations waiting");
pub const CQ_RETURN_PROMPT: Msg = Msg::new(
    "退回 {} 的学分登记，原因：",
    "Return the registration of {}; reason:",
);
pub const CQ_APPROVED: Msg = Msg::new("已认定 {} 条学分登记", "{} credit registrations recognised");
pub const KEY_SHORT_LIST: Msg = Msg::new("学分未达标名单", "Teachers short of credits");
pub const SL_TITLE_ENDED: Msg = Msg::new(
    "学分周期 {} 已结束 · 未达标 {} 人",
    "Credit cycle {} ended · {} not met",
);
pub const SL_TITLE_RUNNING: Msg = Msg::new(
    "学分周期 {} · 进度落后 {} 人",
    "Credit cycle {} · {} behind",
);
pub const SL_COL_STAFF_NO: Msg = Msg::new("工号", "Staff no.");
pub const SL_COL_TOTAL: Msg = Msg::new("总学分", "Total");
pub const SL_COL_CONCENTRATED: Msg = Msg::new("集中", "Conc.");
pub const SL_COL_STATUS: Msg = Msg::new("情况", "Status");
pub const SL_EMPTY: Msg = Msg::new("没有学分不足的教师", "No teacher is short of credits");
pub const CQ_RETURNED: Msg = Msg::new("已退回学分登记 {}", "Credit registration {} returned");
// The project's Feedback window (screens/projects/feedback.rs).
pub const STAR_FEEDBACK: Msg = Msg::new(
    "学员评价 {} 分（{} 条）",
    "Trainees' rating {} ({} answers)",
);
pub const FB_KEY_OPEN: Msg = Msg::new("培训反馈（评分与意见）", "Feedback (ratings and comments)");
pub const FB_KEY_CLOSE: Msg = Msg::new("关闭", "Close");
pub const FB_TITLE: Msg = Msg::new("培训反馈 {} {}", "Feedback {} {}");
pub const FB_RATE: Msg = Msg::new(
    "回复率 {}（{} 人反馈 / {} 人出席）",
    "Response rate {} ({} answered / {} attended)",
);
pub const FB_COL_QUESTION: Msg = Msg::new("题目", "Question");
pub const FB_COL_AVERAGE: Msg = Msg::new("平均", "Avg");
pub const FB_COL_SPREAD: Msg = Msg::new("分布（5→1）", "Spread (5→1)");
pub const FB_COL_COUNTS: Msg = Msg::new("人数", "Answers");
pub const FB_TRAINERS: Msg = Msg::new("授课教师平均分：{}", "Trainers' averages: {}");
pub const FB_NO_TRAINERS: Msg = Msg::new("暂无", "none yet");
pub const FB_COMMENTS: Msg = Msg::new("意见建议（{} 条）", "Comments ({})");
pub const FB_NO_COMMENTS: Msg = Msg::new("暂无意见", "No comments yet");
pub const FB_FOOTER: Msg = Msg::new(
    "↑↓ 翻看意见 · Esc 关闭 · 导入：liaoyuan import feedback",
    "↑↓ scroll comments · Esc close · import: liaoyuan import feedback",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order_and_keeps_extra_placeholders() {
        assert_eq!(fill("{}/{}", &[&3, &"x"]), "3/x");
        assert_eq!(fill("a {} b {}", &[&1]), "a 1 b {}");
        assert_eq!(fill("none", &[&1]), "none");
    }

    #[test]
    fn msg_picks_language() {
        assert_eq!(TAB_TEACHERS.get(Lang::Zh), "教师");
        assert_eq!(TAB_TEACHERS.get(Lang::En), "Teachers");
    }
}
