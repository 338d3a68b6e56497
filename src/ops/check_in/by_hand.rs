//! The rules of the times a check-in states, on top of the desk's rules. Some hold for every
//! check-in, at the desk too:
//! - a time after now is refused (a mark records what has happened; at the desk "now" is the
//!   desk's own clock, `CheckIn::at`);
//! - a left-early mark needs an arrival on record, or a reason saying why it is entered by
//!   hand without one (`domain::attendance::left_early_without_arrival`).
//!
//! Others hold for a check-in entered by hand after the fact (`liaoyuan checkin`, often from
//! a paper sign-in sheet):
//! - an arrival belongs to its session: on the session's day, not after the end (arriving
//!   early is normal);
//! - a leaving time (left early) lies within the session, beyond the grace before the end,
//!   and not before the arrival.
//!
//! Each refusal names the teacher and the session's times, in the user's language.

use super::refusal::who;
use super::CheckIn;
use crate::domain::attendance::{
    arrival_fits, leaving, left_early_without_arrival, time_after_now, Leaving,
};
use crate::domain::{Mark, Session, Status, TIME_FMT};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::enrolments::TeacherBrief;
use chrono::NaiveDateTime;

const MINUTE_FMT: &str = "%Y-%m-%d %H:%M";

/// "2026-03-02 08:30–11:30".
fn span(session: &Session) -> String {
    format!(
        "{} {}–{}",
        session.date,
        session.start.format(TIME_FMT),
        session.end.format(TIME_FMT)
    )
}

/// Refuses a request whose stated time (the arrival, the check-out, or — entered by hand —
/// the moment it names) is after now: `clock_now` for a check-in entered by hand, the desk's
/// own clock (`req.at`) at the desk.
pub(super) fn refuse_times_after_now(
    teacher: &TeacherBrief,
    req: &CheckIn,
    clock_now: NaiveDateTime,
) -> Result<()> {
    let (now, named) = if req.entered_by_hand {
        (clock_now, Some(req.at))
    } else {
        (req.at, None)
    };
    let Some(t) = time_after_now([named, req.arrived_at, req.checked_out_at], now) else {
        return Ok(());
    };
    let (who, t, now) = (who(teacher), t.format(MINUTE_FMT), now.format(MINUTE_FMT));
    Err(Error::invalid(pick(
        format!("{who}：时间 {t} 晚于现在（{now}）；只能登记已经发生的签到或离开"),
        format!(
            "{who}: {t} is after now ({now}); only an arrival or a departure that has \
             happened can be entered"
        ),
    )))
}

/// Refuses a new arrival or leaving time of `new` that does not fall in the
/// session (times kept from the existing mark are not re-judged).
pub(super) fn refuse_times_outside(
    teacher: &TeacherBrief,
    session: &Session,
    existing: Option<&Mark>,
    new: &Mark,
    grace_minutes: i64,
) -> Result<()> {
    let (start, end) = (session.starts_at(), session.ends_at());
    let kept_in = existing.and_then(|m| m.checked_in_at);
    if let Some(t) = new.checked_in_at.filter(|t| Some(*t) != kept_in) {
        if !arrival_fits(start, end, t) {
            let (who, t, span) = (who(teacher), t.format(MINUTE_FMT), span(session));
            return Err(Error::invalid(pick(
                format!(
                    "{who}：到达时间 {t} 不在场次 {span} 之内（可以提前到达，但不能在结束之后或在另一天）；\
                     请核对签到表上的时间和场次（--session N）"
                ),
                format!(
                    "{who}: the arrival time {t} does not fall in the session {span} (arriving \
                     early is fine, after the end or on another day is not); check the time and \
                     the session (--session N) on the sheet"
                ),
            )));
        }
    }
    if new.status != Status::LeftEarly {
        return Ok(());
    }
    let kept_out = existing.and_then(|m| m.checked_out_at);
    let Some(out) = new.checked_out_at.filter(|t| Some(*t) != kept_out) else {
        return Ok(());
    };
    let (who, t, span) = (who(teacher), out.format(MINUTE_FMT), span(session));
    match leaving(start, end, out, grace_minutes) {
        Leaving::Outside => Err(Error::invalid(pick(
            format!("{who}：离开时间 {t} 不在场次 {span} 之内；请核对签到表上的时间和场次（--session N）"),
            format!(
                "{who}: the leaving time {t} does not fall in the session {span}; check the \
                 time and the session (--session N) on the sheet"
            ),
        ))),
        Leaving::NotEarly => Err(Error::invalid(pick(
            format!(
                "{who}：{t} 离开时距场次 {span} 结束不到 {grace_minutes} 分钟（宽限时间），不算早退"
            ),
            format!(
                "{who}: leaving at {t} is within the {grace_minutes}-minute grace before the end \
                 of the session {span}; that is not leaving early"
            ),
        ))),
        Leaving::Early(_) => match new.checked_in_at.filter(|arrived| *arrived > out) {
            Some(arrived) => {
                let arrived = arrived.format(TIME_FMT);
                Err(Error::invalid(pick(
                    format!("{who}：离开时间 {t} 早于到达时间 {arrived}"),
                    format!("{who}: the leaving time {t} is before the arrival at {arrived}"),
                )))
            }
            None => Ok(()),
        },
    }
}

/// Refuses a new left-early mark for a teacher with no arrival at the session
/// (no mark, absent or excused) unless a reason says why it is entered so.
pub(super) fn refuse_left_early_without_arrival(
    teacher: &TeacherBrief,
    session: &Session,
    existing: Option<&Mark>,
    new: &Mark,
    entered_by_hand: bool,
) -> Result<()> {
    let earlier = existing.map(|m| m.status);
    let checked_in = existing.and_then(|m| m.checked_in_at);
    if !left_early_without_arrival(new.status, earlier, checked_in) || !new.reason.trim().is_empty()
    {
        return Ok(());
    }
    let (who, date) = (who(teacher), session.date);
    Err(Error::invalid(if entered_by_hand {
        pick(
            format!(
                "{who}：在 {date} 的场次没有签到记录，早退须先有到达时间（先用 checkin --at \"{date} HH:MM\" \
                 登记到达），或用 --reason 说明为何手工补录"
            ),
            format!(
                "{who}: has no arrival at the session of {date}; a left-early mark needs one (enter \
                 it first with checkin --at \"{date} HH:MM\") or a --reason saying why it is entered \
                 by hand"
            ),
        )
    } else {
        pick(
            format!(
                "{who}：在 {date} 的场次还没有签到，不能记早退；请先签到，或填写原因说明为何补录早退"
            ),
            format!(
                "{who}: has not checked in at the session of {date}; a left-early mark needs the \
                 arrival first, or a reason saying why it is entered without one"
            ),
        )
    }))
}
