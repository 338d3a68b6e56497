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
