//! The refusals of a check-in, each naming the teacher and what to do, in the
//! user's language (`crate::lang::pick`).

use crate::domain::veto::{lifts_veto, veto_year, VetoChange};
use crate::domain::{Session, Settings, Status, TeacherStatus};
use crate::error::Error;
use crate::lang::pick;
use crate::ops::mark_effect::MarkEffect;
use crate::store::enrolments::TeacherBrief;
use chrono::NaiveDateTime;

pub(crate) fn who(teacher: &TeacherBrief) -> String {
    format!(
        "{} ({}, {})",
        teacher.name, teacher.school, teacher.staff_no
    )
}

/// The session or teacher named by a request does not exist.
pub(super) fn no_session(id: i64) -> Error {
    Error::NotFound(pick(format!("场次 {id}"), format!("session {id}")))
}

/// See `no_session`.
pub(super) fn no_teacher(id: i64) -> Error {
    Error::NotFound(pick(format!("教师 {id}"), format!("teacher {id}")))
}

/// The teacher is not enrolled in the session's project.
pub(super) fn not_enrolled(teacher: &TeacherBrief) -> Error {
    let who = who(teacher);
    Error::invalid(pick(
        format!("{who} 未报名本项目"),
        format!("{who} is not enrolled in this project"),
    ))
}

/// How an inactive teacher's status reads in a sentence: "已调离（状态：调离）" /
/// "not in service (status: Transferred out)".
pub(crate) fn out_of_service(status: TeacherStatus) -> (String, String) {
    (
        format!("已{}（状态：{}）", status.zh(), status.zh()),
        format!("not in service (status: {})", status.en()),
    )
}

/// The teacher is not in service (transferred, retired, left): not checked in.
pub(crate) fn inactive(teacher: &TeacherBrief) -> Error {
    let (who, (zh, en)) = (who(teacher), out_of_service(teacher.status));
    Error::invalid(pick(
        format!("{who} {zh}，不在签到名单中；如已回岗，请先在教师页（4）把状态改为在职"),
        format!(
            "{who} is {en} and cannot be checked in; if they are back, set their status to \
             Active on the Teachers tab (4) first"
        ),
    ))
}

/// The teacher is not in service: not enrolled.
pub(crate) fn inactive_not_enrolled(teacher: &TeacherBrief) -> Error {
    let (who, (zh, en)) = (who(teacher), out_of_service(teacher.status));
    Error::invalid(pick(
        format!("{who} {zh}，不能报名；如已回岗，请先在教师页（4）把状态改为在职"),
        format!(
            "{who} is {en} and cannot be enrolled; if they are back, set their status to \
             Active on the Teachers tab (4) first"
        ),
    ))
}

/// Before the session's day only leave (excused) can be registered: any other
/// mark would say how the teacher attended a session still to come.
pub(super) fn not_yet(teacher: &TeacherBrief, session: &Session) -> Error {
    let (who, date) = (who(teacher), session.date);
    Error::invalid(pick(
        format!("{who}：{date} 的场次尚未到来，只能提前登记请假（须填写请假事由）"),
        format!(
            "{who}: the session of {date} has not come yet; only leave (请假, with its reason) \
             can be registered ahead"
        ),
    ))
}

/// The refusal of a time on another day than the session's: it cannot say
/// present or late (entering a register days later would make everyone late).
pub(super) fn other_day(teacher: &TeacherBrief, session: &Session, t: NaiveDateTime) -> Error {
    let (who, date, t) = (who(teacher), session.date, t.format("%Y-%m-%d %H:%M"));
    Error::invalid(pick(
        format!(
            "{who}：场次在 {date}，而时间是 {t}；请填写签到表上当天的时间\
             （checkin --at \"{date} HH:MM\"）或直接给出状态"
        ),
        format!(
            "{who}: the session is on {date} but the time is {t}; give the time from the \
             sign-in sheet on the session's day (checkin --at \"{date} HH:MM\") or a status"
        ),
    ))
}

/// "; completion of P goes from met to not met" when the change alters a completion.
fn completion_note(effect: Option<&MarkEffect>) -> crate::lang::Text {
    effect
        .and_then(|e| e.completion.as_ref())
        .map(|c| {
            let met = |m: bool| {
                if m {
                    ("达标", "met")
                } else {
                    ("未达标", "not met")
                }
            };
            let (code, b, a) = (&c.project_code, met(c.before), met(c.after));
            pick(
                format!("；{code} 结业将从{}变为{}", b.0, a.0),
                format!("; completion of {code} goes from {} to {}", b.1, a.1),
            )
        })
        .unwrap_or_default()
}

/// The refusal of a change (before → after) that needs a reason, naming the teacher and why;
/// a change that removes a veto cause says what it really does to the year's veto (`effect`:
/// lifts it, or other marks keep it) and to completion when that changes. `in_scope`: the
/// project's marks can cause a veto (else correcting a late, left-early or absent mark still
/// needs a reason, but lifts no veto, and the message says so).
pub(super) fn refusal(
    teacher: &TeacherBrief,
    session: &Session,
    (before, after): (Option<Status>, Status),
    in_scope: bool,
    settings: &Settings,
    effect: Option<&MarkEffect>,
) -> Error {
    let who = who(teacher);
    let completion = completion_note(effect);
    let (completion_zh, completion_en) = (&completion.zh, &completion.en);
    // A change that would lift a veto in scope: it needs a reason in or out of scope.
    let corrects = lifts_veto(before, after, true);
    if corrects && !lifts_veto(before, after, in_scope) {
        let b = before.unwrap_or(after);
        return Error::invalid(pick(
            format!(
                "{who}：把{}改为{}须填写原因（本项目不计入一票否决，不涉及否决{completion_zh}）",
                b.zh(),
                after.zh()
            ),
            format!(
                "{who}: changing {} ({}) to {} ({}) needs a reason (the project is out of the \
                 one-vote veto's scope, so no veto is lifted{completion_en})",
                b.zh(),
                b.code(),
                after.zh(),
                after.code()
            ),
        ));
    }
    if corrects {
        let b = before.unwrap_or(after);
        let year = effect.map_or_else(
            || veto_year(session.date, settings.veto_year_start_month),
            |e| e.year,
        );
        match effect.map(|e| e.veto) {
            Some(VetoChange::KeptByOthers { others }) => Error::invalid(pick(
                format!(
                    "{who}：把{}改为{}须填写原因（{year} 年度仍有 {others} 条其他一票否决记录，\
                     一票否决不变{completion_zh}）",
                    b.zh(),
                    after.zh()
                ),
                format!(
                    "{who}: changing {} ({}) to {} ({}) needs a reason (the teacher still has \
                     {others} other veto mark(s) in {year}: the one-vote veto (一票否决) stays\
                     {completion_en})",
                    b.zh(),
                    b.code(),
                    after.zh(),
                    after.code()
                ),
            )),
            _ => Error::invalid(pick(
                format!(
                    "{who}：把{}改为{}会撤销 {year} 年度的一票否决{completion_zh}，须填写原因",
                    b.zh(),
                    after.zh()
                ),
                format!(
                    "{who}: changing {} ({}) to {} ({}) lifts the one-vote veto (一票否决) for \
                     {year}{completion_en}; a reason is required",
                    b.zh(),
                    b.code(),
                    after.zh(),
                    after.code()
                ),
            )),
        }
    } else if after.is_leave() {
        Error::invalid(pick(
            format!("{who}：请假须填写请假事由{completion_zh}"),
            format!("{who}: leave (请假) needs a reason (请假事由){completion_en}"),
        ))
    } else {
        let date = session.date;
        Error::invalid(pick(
            format!("{who}：{date} 的场次已关闭，修改签到记录须填写原因{completion_zh}"),
            format!(
                "{who}: the session of {date} is closed; changing a mark needs a reason{completion_en}"
            ),
        ))
    }
}
