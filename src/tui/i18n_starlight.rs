//! The Starlight life cycle's strings (Teachers tab `S`, the Starlight pane and its keys).

use super::Msg;

pub const SL_SELECTED: Msg = Msg::new("已遴选为培养对象：{}", "Selected as a candidate: {}");
pub const SL_PROMOTED: Msg = Msg::new("{} 晋升为{}", "{} is now {}");
pub const SL_EXITED: Msg = Msg::new(
    "{} 已退出讲师团（历史记录保留）",
    "{} has left the corps (history kept)",
);
pub const SL_ASSIGNED: Msg = Msg::new("已安排 {} 授课", "{} assigned to the session");
pub const TEACHERS_KEY_SELECT: Msg = Msg::new(
    "遴选为星光讲师培养对象（需填遴选依据）",
    "Select as a Starlight candidate (with the selection criteria)",
);
pub const TEACHERS_SELECT_REASON: Msg = Msg::new(
    "遴选 {} 为星光培养对象。遴选依据：",
    "Select {} as a Starlight candidate. Criteria met:",
);
pub const SL_KEY_PROMOTE: Msg = Msg::new(
    "晋升一级（培养对象→培养中→认定讲师）",
    "Promote one step (candidate → in training → certified)",
);
pub const SL_KEY_EXIT: Msg = Msg::new(
    "退出讲师团（需填原因，保留历史）",
    "Exit the corps (with a reason; history kept)",
);
pub const SL_EXIT_REASON: Msg = Msg::new("{} 退出讲师团。原因：", "{} leaves the corps. Reason:");
pub const SL_LEVELS_REASON: Msg = Msg::new(
    "修改 {} 的能力等级。依据（听课观察，或学员反馈均分如 4.6）：",
    "Change {}'s competency levels. Evidence (an observation, or a feedback average such as 4.6):",
);
pub const SL_LOAD: Msg = Msg::new(
    "本学期 {} 场 {} 小时 · 本年 {} 场 {} 小时",
    "Term {} sessions {} h · year {} sessions {} h",
);
pub const SL_SELECTED_ON: Msg = Msg::new("{} 遴选：{}", "selected {}: {}");
pub const SL_EXITED_ON: Msg = Msg::new("{} 退出：{}", "left {}: {}");
pub const SL_ASSESSMENT: Msg = Msg::new("{} {} {}级 · {} · {}", "{} {} level {} · {} · {}");
pub const SL_ASSESSMENTS: Msg = Msg::new("考核记录", "Assessments");
pub const SL_KEY_ASSIGN: Msg = Msg::new(
    "安排该讲师授课（选场次）",
    "Assign this trainer to a session",
);
pub const SL_ASSIGN_TITLE: Msg = Msg::new("安排 {} 授课", "Assign {} to a session");
pub const SL_ASSIGN_NONE: Msg =
    Msg::new("今天起没有未关闭的场次", "No open sessions from today on");
pub const SL_ASSIGN_KEYS: Msg = Msg::new(
    "↑↓ 选择 · Enter 安排 · Esc 关闭",
    "↑↓ choose · Enter assign · Esc close",
);
