//! The refusals of a check-in, each naming the teacher and what to do.

use crate::domain::veto::veto_year;
use crate::domain::{Session, Settings, Status};
use crate::error::Error;
use crate::store::enrolments::TeacherBrief;
use chrono::NaiveDateTime;

fn who(teacher: &TeacherBrief) -> String {
    format!(
        "{} ({}, {})",
        teacher.name, teacher.school, teacher.staff_no
    )
}

/// The teacher is not enrolled in the session's project.
pub(super) fn not_enrolled(teacher: &TeacherBrief) -> Error {
    Error::invalid(format!("{} is not enrolled in this project", who(teacher)))
}

/// Before the session's day only leave (excused) can be registered: any other
/// mark would say how the teacher attended a session still to come.
pub(super) fn not_yet(teacher: &TeacherBrief, session: &Session) -> Error {
    Error::invalid(format!(
        "{}: the session of {} has not come yet; only leave (请假, with its reason) \
         can be registered ahead",
        who(teacher),
        session.date
    ))
}

/// The refusal of a time on another day than the session's: it cannot say
/// present or late (entering a register days later would make everyone late).
pub(super) fn other_day(teacher: &TeacherBrief, session: &Session, t: NaiveDateTime) -> Error {
    Error::invalid(format!(
        "{}: the session is on {} but the time is {}; give the time from the \
         sign-in sheet on the session's day (checkin --at \"{} HH:MM\") or a status",
        who(teacher),
        session.date,
        t.format("%Y-%m-%d %H:%M"),
        session.date
    ))
}

/// The refusal of a change that needs a reason, naming the teacher and why.
pub(super) fn refusal(
    teacher: &TeacherBrief,
    session: &Session,
    before: Option<Status>,
    after: Status,
    settings: &Settings,
) -> Error {
    let who = who(teacher);
    let lifts = before.is_some_and(|b| b.causes_veto()) && !after.causes_veto();
    if lifts {
        let b = before.unwrap_or(after);
        let year = veto_year(session.date, settings.veto_year_start_month);
        Error::invalid(format!(
            "{who}: changing {} ({}) to {} ({}) lifts the one-vote veto (一票否决) for {year}; \
             a reason is required",
            b.zh(),
            b.code(),
            after.zh(),
            after.code()
        ))
    } else if after == Status::Excused {
        Error::invalid(format!("{who}: leave (请假) needs a reason (请假事由)"))
    } else {
        Error::invalid(format!(
            "{who}: the session of {} is closed; changing a mark needs a reason",
            session.date
        ))
    }
}
