//! Strings of "after the training" (issue 12): feedback at the desk, the credit registration
//! form, Starlight assessments.

use super::Msg;

pub const KEY_DESK_CHECK_OUT: Msg = Msg::new(
    "签退（按时离开；随后可填学员反馈）",
    "Check out (leaving on time; feedback follows)",
);
pub const KEY_DESK_FEEDBACK_OFFER: Msg = Msg::new(
    "签退后是否提示学员反馈（本台开/关）",
    "Offer feedback after check-out (on/off at this desk)",
);
pub const FB_DESK_TITLE: Msg = Msg::new("学员反馈", "Trainee feedback");
pub const FB_CONTENT: Msg = Msg::new("培训内容", "Content");
pub const FB_TRAINER: Msg = Msg::new("培训者", "Trainer");
pub const FB_ORGANISATION: Msg = Msg::new("组织管理", "Organisation");
pub const FB_COMMENT: Msg = Msg::new("意见建议", "Comment");
pub const FB_DESK_KEYS: Msg = Msg::new(
    "1–5 评分并下一项 · Tab 移动 · Enter 保存",
    "1–5 rate and move on · Tab move · Enter save",
);
pub const FB_DESK_KEYS_2: Msg = Msg::new(
    "Esc 跳过 · Ctrl-F 本台不再提示",
    "Esc skip · Ctrl-F stop offering at this desk",
);
pub const FB_OFFER_OFF: Msg = Msg::new(
    "本台签退后不再提示学员反馈（Ctrl-F 重新开启）",
    "Feedback no longer offered after check-out at this desk (Ctrl-F: offer again)",
);
pub const FB_OFFER_ON: Msg = Msg::new(
    "签退后将提示学员反馈",
    "Feedback is offered after each check-out",
);
pub const FB_SAVED: Msg = Msg::new("已记录 {} 的反馈", "Feedback from {} recorded");
pub const CR_F_CATEGORY: Msg = Msg::new("类别", "Category");
pub const CR_F_HOURS: Msg = Msg::new("学时", "Hours");
pub const CR_F_EVIDENCE: Msg = Msg::new("证书编号", "Certificate no.");
pub const CR_NOTE_EVIDENCE: Msg = Msg::new("证明材料，可空", "evidence; may be empty");
pub const CR_NOTE_BY_RULE: Msg = Msg::new(
    "学分按类别规则由学时计算",
    "credits follow from the hours by the category's rule",
);
pub const CR_BY_RULE: Msg = Msg::new(
    "= {} 学分（每学时 {}，上限 {}{}）",
    "= {} credits ({} a hour, cap {}{})",
);
pub const CR_RULE_CONCENTRATED: Msg = Msg::new("，集中", ", concentrated");
pub const CR_NO_CATEGORY: Msg = Msg::new(
    "没有学分类别：先用 :set credit_categories 设置",
    "no credit category: set credit_categories first",
);
pub const CR_BAD_HOURS: Msg = Msg::new(
    "学时应为大于 0、不超过 1000 的数",
    "hours: a number more than 0, at most 1000",
);
pub const CR_REGISTERED: Msg = Msg::new(
    "已为 {} 登记 {} 学分（{}），待审核",
    "{}: {} credits registered ({}), pending review",
);
pub const SL_KEY_ASSESS: Msg = Msg::new(
    "记录能力考核（等级、考核人、依据）",
    "Record an assessment (level, assessor, evidence)",
);
pub const AS_TITLE: Msg = Msg::new("能力考核", "Assess a competency");
pub const AS_F_COMPETENCY: Msg = Msg::new("能力", "Competency");
pub const AS_F_LEVEL: Msg = Msg::new("等级", "Level");
pub const AS_F_DATE: Msg = Msg::new("考核日期", "Assessed on");
pub const AS_F_ASSESSOR: Msg = Msg::new("考核人", "Assessor");
pub const AS_F_KIND: Msg = Msg::new("依据", "Evidence");
pub const AS_F_SESSION: Msg = Msg::new("授课场次", "Session taught");
pub const AS_F_NOTE: Msg = Msg::new("备注", "Note");
pub const AS_LEVEL: Msg = Msg::new("{} 级", "level {}");
pub const AS_NO_SESSION: Msg = Msg::new("（尚无已授课场次）", "(no session held yet)");
pub const AS_KIND_SESSION: Msg = Msg::new("在下一项选择授课场次", "choose the session below");
pub const AS_KIND_OBSERVATION: Msg =
    Msg::new("在备注中写听课观察", "write the observation in the note");
pub const AS_KIND_FEEDBACK: Msg = Msg::new("学员均分 {}（{} 人次）", "{} ({} ratings)");
pub const AS_NO_FEEDBACK: Msg = Msg::new("尚无学员评分", "no trainee ratings yet");
pub const AS_NEED_ASSESSOR: Msg = Msg::new("请填写考核人", "who assessed?");
pub const AS_NEED_SESSION: Msg = Msg::new(
    "该讲师还没有已授课的场次",
    "the trainer has held no session yet",
);
pub const AS_NEED_OBSERVATION: Msg = Msg::new(
    "请在备注中写下听课观察",
    "write what was observed in the note",
);
pub const AS_NEED_FEEDBACK: Msg = Msg::new(
    "尚无学员评分，不能以反馈均分为依据",
    "no trainee ratings yet to rest on",
);
pub const AS_SAVED: Msg = Msg::new("已记录 {} {}考核：{} 级", "{}: {} assessed at level {}");
pub const FB_KEY_ENTER_FORMS: Msg = Msg::new(
    "录入纸质反馈（每位出席教师一行）",
    "Enter paper forms (a row per teacher who attended)",
);
pub const FG_TITLE: Msg = Msg::new("录入纸质反馈 · {} {}", "Enter paper forms · {} {}");
pub const FG_NAME: Msg = Msg::new("姓名", "Name");
pub const FG_SCHOOL: Msg = Msg::new("学校", "School");
pub const FG_CONTENT: Msg = Msg::new("内容", "Cont.");
pub const FG_TRAINER: Msg = Msg::new("培训者", "Trainer");
pub const FG_ORGANISATION: Msg = Msg::new("组织", "Org.");
pub const FG_COMMENT: Msg = Msg::new("意见建议", "Comment");
pub const FG_KEYS: Msg = Msg::new(
    "1–5 评分并右移 · Enter 下一位 · ←→↑↓ 移动 · Ctrl-S 保存 · Esc 关闭",
    "1–5 rate, move on · Enter next · arrows move · Ctrl-S save · Esc close",
);
pub const FG_NOBODY: Msg = Msg::new(
    "该项目还没有出席的教师：缺勤和请假的教师不能评价",
    "Nobody has attended this project yet: absent teachers give no feedback",
);
pub const FG_NOTHING: Msg = Msg::new("没有填写任何反馈", "Nothing entered");
pub const FG_DISCARD: Msg = Msg::new(
    "有未保存的反馈：再按 Esc 放弃",
    "Unsaved feedback: Esc again discards it",
);
pub const FG_SAVED: Msg = Msg::new("已保存 {} 份反馈", "{} feedback forms saved");
pub const FG_SCOPE: Msg = Msg::new("范围：{}（[ ] 切换场次）", "For: {} ([ ] switch session)");
pub const FG_WHOLE_PROJECT: Msg = Msg::new("整个项目", "the whole project");
pub const FG_SAVE_FIRST: Msg = Msg::new(
    "先保存已填写的反馈（Ctrl-S；或 Esc 放弃并关闭），再切换场次",
    "Save the rows entered first (Ctrl-S; or Esc to discard and close), then switch",
);
pub const DESK_CHECKOUT_NOT_IN: Msg = Msg::new(
    "{} 还没有签到，不能签退：先签到（Enter）",
    "{} is not checked in, so cannot check out: check in first (Enter)",
);
