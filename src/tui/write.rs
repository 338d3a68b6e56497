//! Executes write intents: each in ONE transaction together with its audit entry
//! (`store::Write::audit`, stamped with the App's now and actor). A failure leaves nothing
//! behind.
//! To add a write: add the `Intent` variant in `action.rs` and its arm in `execute`, calling a
//! use-case in `crate::ops` (shared with the CLI) where one exists.

use super::action::Intent;
use super::i18n::{self, Lang};
use super::outcome::Changed;
use crate::domain::Settings;
use crate::error::Result;
use crate::store::{self, Db, Stamp};

/// What a successful write changed, so that the App can refresh what depends on it.
#[derive(Debug, Default)]
pub struct Done {
    /// Shown in the status bar.
    pub message: Option<String>,
    /// Teachers whose search entry must be refreshed.
    pub teachers_changed: Vec<i64>,
    /// New settings, when they changed.
    pub settings: Option<Settings>,
    /// What the screen that asked may need (outcome::Written::Done).
    pub changed: Changed,
}

pub fn execute(
    db: &mut Db,
    intent: &Intent,
    reason: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    match intent {
        Intent::SetSetting { key, value } => set_setting(db, key, value, reason, stamp, lang),
        i @ (Intent::SetTarget { .. } | Intent::AddTierStep { .. }) => {
            super::write_tiers::execute(db, i, stamp, lang)
        }
        i @ (Intent::SelectCandidate { .. }
        | Intent::PromoteTrainer { .. }
        | Intent::ExitTrainer { .. }
        | Intent::AssignTrainer { .. }) => {
            super::write_starlight::execute(db, i, reason, stamp, lang)
        }
        i @ (Intent::UpdateTrainer { .. }
        | Intent::SetTeacherStatus { .. }
        | Intent::SetTeacherRole { .. }
        | Intent::RecordFollowUp { .. }) => people_write(db, i, reason, stamp, lang),
        Intent::MarkAttendance {
            session_id,
            teacher_id,
            status,
            checked_out_at,
            walk_in,
        } => {
            let req = crate::ops::check_in::CheckIn {
                session_id: *session_id,
                teacher_id: *teacher_id,
                at: stamp.now,
                status: *status,
                reason: reason.map(str::to_string),
                checked_out_at: *checked_out_at,
                ..Default::default()
            };
            desk_mark(db, stamp, &req, *walk_in, lang)
        }
        Intent::UndoMark { record } => desk_undo(db, stamp, record, lang),
        Intent::CloseSession {
            session_id,
            reviewed,
        } => desk_close(db, *session_id, reviewed, stamp, lang),
        Intent::ReopenSession {
            session_id,
            remove_close_absences,
        } => desk_reopen(db, stamp, *session_id, *remove_close_absences, reason, lang),
        Intent::ChangeMark { mark_id, status } => {
            change_mark(db, stamp, *mark_id, *status, reason, lang)
        }
        i @ (Intent::SaveProject { .. }
        | Intent::AddSession { .. }
        | Intent::EditSession { .. }
        | Intent::DeleteSession { .. }
        | Intent::ScheduleSessions { .. }
        | Intent::RemoveEnrolment { .. }) => projects_write(db, stamp, i, reason, lang),
        i @ (Intent::EnrolTeachers { .. }
        | Intent::EnrolSchool { .. }
        | Intent::SaveAllotments { .. }) => places_write(db, stamp, i, lang),
        Intent::ImportFile(request) => {
            super::screens::import_preview::execute(db, stamp, request, lang)
        }
        i @ (Intent::CompleteProject { .. }
        | Intent::DeleteCreditEntry { .. }
        | Intent::ApproveCredits { .. }
        | Intent::ReturnCredit { .. }) => credits_write(db, i, reason, stamp, lang),
        i @ (Intent::GiveFeedback { .. }
        | Intent::GiveFeedbackBatch { .. }
        | Intent::RegisterCredit { .. }
        | Intent::RecordAssessment { .. }) => super::write_after::execute(db, i, stamp, lang),
        Intent::DraftProjectFromSurvey {
            survey_id,
            topic,
            filter,
        } => draft_from_survey(db, stamp, *survey_id, topic, filter, lang),
    }
}

/// A draft project from a survey topic (ops::survey_draft); the toast names its code.
fn draft_from_survey(
    db: &mut Db,
    stamp: &Stamp,
    survey_id: i64,
    topic: &str,
    filter: &crate::store::surveys::SurveyFilter,
    lang: Lang,
) -> Result<Done> {
    let id = crate::ops::survey_draft::draft_project(db, stamp, survey_id, topic, filter)?;
    let code = crate::store::projects::get_project(&db.conn, id)?
        .map(|p| p.code)
        .unwrap_or_default();
    let asked = crate::store::survey_drafts::draft_of(&db.conn, id)?.map_or(0, |d| d.asked);
    Ok(Done {
        message: Some(i18n::fill(i18n::SV_DONE_DRAFT.get(lang), &[&code, &asked])),
        teachers_changed: Vec::new(),
        settings: None,
        changed: Changed::Project(id),
    })
}

/// Writes about people: a trainer's standing, a teacher's status, a follow-up's record.
fn people_write(
    db: &mut Db,
    intent: &Intent,
    reason: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    match intent {
        Intent::UpdateTrainer {
            trainer_id,
            status,
            levels,
        } => {
            let (t, changed) = crate::ops::trainers::update_standing(
                db,
                *trainer_id,
                *status,
                *levels,
                reason.unwrap_or(""),
                stamp,
            )?;
            let message = if changed {
                i18n::fill(i18n::STAR_SAVED.get(lang), &[&t.name])
            } else {
                i18n::UNCHANGED.get(lang).to_string()
            };
            Ok(Done {
                message: Some(message),
                ..Done::default()
            })
        }
        Intent::SetTeacherRole { teacher_id, role } => {
            set_teacher_role(db, *teacher_id, *role, reason, stamp, lang)
        }
        Intent::SetTeacherStatus { teacher_id, status } => {
            let (t, changed) =
                crate::ops::teachers::set_teacher_status(db, *teacher_id, *status, reason, stamp)?;
            let message = if changed {
                let label = status.label(lang == Lang::Zh);
                i18n::fill(i18n::TEACHERS_STATUS_SAVED.get(lang), &[&t.name, &label])
            } else {
                i18n::UNCHANGED.get(lang).to_string()
            };
            Ok(Done {
                message: Some(message),
                teachers_changed: vec![t.id],
                ..Done::default()
            })
        }
        Intent::RecordFollowUp {
            follow_up_id,
            record,
        } => {
            let f =
                crate::ops::follow_ups::record_follow_up(db, *follow_up_id, record, reason, stamp)?;
            let zh = lang == Lang::Zh;
            let message = i18n::fill(
                i18n::FU_SAVED.get(lang),
                &[&f.kind.label(zh), &f.status.label(zh)],
            );
            Ok(Done {
                message: Some(message),
                ..Done::default()
            })
        }
        // Only the intents above are routed here.
        _ => Ok(Done::default()),
    }
}

/// The Projects tab's writes, each one ops call (one transaction with its audit entry).
fn projects_write(
    db: &mut Db,
    stamp: &Stamp,
    intent: &Intent,
    reason: Option<&str>,
    lang: Lang,
) -> Result<Done> {
    use crate::ops::{projects, sessions, unenrol};
    let say = |m: i18n::Msg, args: &[&dyn std::fmt::Display]| Some(i18n::fill(m.get(lang), args));
    let mut changed = Changed::Nothing;
    let message = match intent {
        Intent::SaveProject {
            id: None,
            fields,
            follow_ups,
        } => {
            changed = Changed::Project(projects::create_project(db, stamp, fields, follow_ups)?);
            say(i18n::PJ_DONE_PROJECT_CREATED, &[&fields.code])
        }
        Intent::SaveProject {
            id: Some(id),
            fields,
            follow_ups,
        } => {
            projects::edit_project(db, stamp, *id, fields, follow_ups)?;
            changed = Changed::Project(*id);
            say(i18n::PJ_DONE_PROJECT_SAVED, &[&fields.code])
        }
        Intent::AddSession { project_id, fields } => {
            sessions::add_session(db, stamp, *project_id, fields)?;
            say(i18n::PJ_DONE_SESSION_ADDED, &[&fields.date])
        }
        Intent::EditSession { session_id, fields } => {
            sessions::edit_session(db, stamp, *session_id, fields, reason)?;
            say(i18n::PJ_DONE_SESSION_SAVED, &[&fields.date])
        }
        Intent::DeleteSession { session_id } => {
            sessions::delete_session(db, stamp, *session_id)?;
            say(i18n::PJ_DONE_SESSION_DELETED, &[])
        }
        Intent::ScheduleSessions {
            project_id,
            schedule,
        } => {
            let ids = sessions::schedule_sessions(db, stamp, *project_id, schedule)?;
            say(i18n::PJ_DONE_SCHEDULED, &[&ids.len()])
        }
        Intent::RemoveEnrolment {
            project_id,
            teacher_id,
        } => {
            unenrol::remove_enrolment(db, stamp, *project_id, *teacher_id)?;
            say(i18n::PJ_DONE_UNENROLLED, &[])
        }
        _ => None,
    };
    Ok(Done {
        message,
        changed,
        ..Done::default()
    })
}

/// Enrolments (within places and capacity unless confirmed) and the allotment grid's save.
fn places_write(db: &mut Db, stamp: &Stamp, intent: &Intent, lang: Lang) -> Result<Done> {
    use crate::ops::enrolments;
    let say = |m: i18n::Msg, args: &[&dyn std::fmt::Display]| Some(i18n::fill(m.get(lang), args));
    let message = match intent {
        Intent::EnrolTeachers {
            project_id,
            teacher_ids,
            over_capacity,
        } => {
            let e = enrolments::enrol_teachers(
                db,
                stamp,
                *project_id,
                teacher_ids,
                limits(*over_capacity),
            )?;
            say(i18n::PJ_DONE_ENROLLED, &[&e.added, &e.already])
        }
        Intent::EnrolSchool {
            project_id,
            school_id,
            over_capacity,
        } => {
            let e = enrolments::enrol_school(
                db,
                stamp,
                *project_id,
                *school_id,
                limits(*over_capacity),
            )?;
            say(i18n::PJ_DONE_ENROLLED, &[&e.added, &e.already])
        }
        Intent::SaveAllotments { project_id, places } => {
            let n = crate::ops::allotments::save_allotments(db, stamp, *project_id, places)?;
            say(i18n::PJ_DONE_ALLOTMENTS, &[&n])
        }
        _ => None,
    };
    Ok(Done {
        message,
        ..Done::default()
    })
}

/// The TUI's enrolment limits: kept unless the user confirmed going beyond them.
fn limits(over_capacity: bool) -> crate::ops::enrolments::Limits {
    if over_capacity {
        crate::ops::enrolments::Limits::Exceed
    } else {
        crate::ops::enrolments::Limits::Keep
    }
}

/// Completion and the credit ledger (ops::completion, ops::credits), one transaction each.
fn credits_write(
    db: &mut Db,
    intent: &Intent,
    reason: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    let message = match intent {
        Intent::CompleteProject { project_id } => {
            let out = crate::ops::completion::complete_project(db, stamp, *project_id)?;
            let code = store::projects::get_project(&db.conn, *project_id)?
                .map(|p| p.code)
                .unwrap_or_default();
            i18n::fill(
                i18n::CP_DONE.get(lang),
                &[
                    &code,
                    &out.credit_entries,
                    &out.non_completers,
                    &out.follow_ups,
                ],
            )
        }
        Intent::ApproveCredits { ids } => {
            let n = crate::ops::credit_registration::approve(db, stamp, ids)?;
            i18n::fill(i18n::CQ_APPROVED.get(lang), &[&n])
        }
        Intent::ReturnCredit { entry_id } => {
            crate::ops::credit_registration::return_entry(
                db,
                stamp,
                *entry_id,
                reason.unwrap_or(""),
            )?;
            i18n::fill(i18n::CQ_RETURNED.get(lang), &[entry_id])
        }
        Intent::DeleteCreditEntry { entry_id } => {
            let e = crate::ops::credits::delete_manual_entry(
                db,
                stamp,
                *entry_id,
                reason.unwrap_or(""),
            )?;
            i18n::fill(
                i18n::CR_DELETED.get(lang),
                &[&who(db, e.teacher_id, lang), &e.credits],
            )
        }
        _ => return Ok(Done::default()),
    };
    Ok(Done {
        message: Some(message),
        ..Done::default()
    })
}

fn set_setting(
    db: &mut Db,
    key: &str,
    value: &str,
    reason: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    let after = crate::ops::settings::set_setting(db, key, value, reason, stamp)?;
    let stored = after.value_of(key).unwrap_or_default();
    Ok(Done {
        message: Some(i18n::fill(i18n::SETTING_SAVED.get(lang), &[&key, &stored])),
        settings: Some(after),
        ..Done::default()
    })
}

// ── Check-in desk and Vetoes tab (screens/checkin, screens/vetoes) ─────────

/// "张伟（实验小学）" for toasts.
pub(super) fn who(db: &Db, teacher_id: i64, lang: Lang) -> String {
    match store::enrolments::teacher_brief(&db.conn, teacher_id) {
        Ok(Some(t)) => i18n::fill(i18n::DESK_WHO.get(lang), &[&t.name, &t.school]),
        _ => format!("#{teacher_id}"),
    }
}

/// "迟到 12 分钟", "出勤 08:42", "早退 20 分钟", "请假".
pub fn mark_summary(m: &crate::domain::Mark, lang: Lang) -> String {
    use crate::domain::Status;
    let label = m.status.label(lang == Lang::Zh);
    match m.status {
        Status::Late if m.minutes_late > 0 => {
            i18n::fill(i18n::DESK_MINUTES.get(lang), &[&label, &m.minutes_late])
        }
        Status::LeftEarly if m.minutes_early > 0 => {
            i18n::fill(i18n::DESK_MINUTES.get(lang), &[&label, &m.minutes_early])
        }
        Status::Present => match m.checked_in_at {
            Some(t) => format!("{label} {}", t.format("%H:%M")),
            None => label.to_string(),
        },
        _ => label.to_string(),
    }
}

fn desk_mark(
    db: &mut Db,
    stamp: &Stamp,
    req: &crate::ops::check_in::CheckIn,
    walk_in: bool,
    lang: Lang,
) -> Result<Done> {
    use crate::ops::check_in::{check_in, check_in_walk_in, CheckInOutcome};
    let settings = store::settings::load(&db.conn)?;
    // A walk-in is enrolled and checked in as one transaction: a refused mark
    // leaves no enrolment, and undoing the mark removes the enrolment.
    let outcome = if walk_in {
        check_in_walk_in(db, stamp, req, &settings)?
    } else {
        check_in(db, stamp, req, &settings)?
    };
    let name = who(db, req.teacher_id, lang);
    let mut undo_record = None;
    let text = match &outcome {
        CheckInOutcome::Recorded { mark, undo } => {
            undo_record = Some(undo.clone());
            format!("{name} {}", mark_summary(mark, lang))
        }
        CheckInOutcome::AlreadyIn { at, mark } => match at {
            Some(t) => i18n::fill(
                i18n::DESK_ALREADY_IN.get(lang),
                &[&name, &t.format("%H:%M")],
            ),
            None => format!("{name} {}", mark_summary(mark, lang)),
        },
        CheckInOutcome::Unchanged { mark } => i18n::fill(
            i18n::DESK_UNCHANGED.get(lang),
            &[&name, &mark_summary(mark, lang)],
        ),
    };
    Ok(Done {
        message: Some(text),
        changed: Changed::Mark(undo_record),
        ..Done::default()
    })
}

fn desk_undo(
    db: &mut Db,
    stamp: &Stamp,
    record: &crate::ops::check_in::UndoMark,
    lang: Lang,
) -> Result<Done> {
    let previous = crate::ops::check_in::undo_mark(db, stamp, record)?;
    let name = who(db, record.teacher_id, lang);
    let now = match previous {
        Some(m) => mark_summary(&m, lang),
        None => i18n::DESK_UNMARKED.get(lang).to_string(),
    };
    Ok(Done {
        message: Some(i18n::fill(
            i18n::DESK_UNDONE.get(lang),
            &[&name, &mark_summary(&record.written, lang), &now],
        )),
        ..Done::default()
    })
}

fn desk_close(
    db: &mut Db,
    session_id: i64,
    reviewed: &crate::ops::close_session::CloseReview,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    let review =
        crate::ops::close_session::close_session_as_reviewed(db, session_id, stamp, reviewed)?;
    Ok(Done {
        message: Some(i18n::fill(
            i18n::DESK_CLOSED_DONE.get(lang),
            &[&review.unmarked],
        )),
        ..Done::default()
    })
}

fn desk_reopen(
    db: &mut Db,
    stamp: &Stamp,
    session_id: i64,
    remove: bool,
    reason: Option<&str>,
    lang: Lang,
) -> Result<Done> {
    use crate::ops::close_session as ops;
    let reason = reason.unwrap_or("");
    let message = if remove {
        let done = ops::reopen_session_removing_close_absences(db, stamp, session_id, reason)?;
        i18n::fill(i18n::DESK_REOPENED_REMOVED.get(lang), &[&done.removed])
    } else {
        ops::reopen_session(db, stamp, session_id, reason)?;
        i18n::DESK_REOPENED.get(lang).to_string()
    };
    Ok(Done {
        message: Some(message),
        ..Done::default()
    })
}

fn change_mark(
    db: &mut Db,
    stamp: &Stamp,
    mark_id: i64,
    status: crate::domain::Status,
    reason: Option<&str>,
    lang: Lang,
) -> Result<Done> {
    let settings = store::settings::load(&db.conn)?;
    let outcome = crate::ops::vetoes::change_mark(db, stamp, mark_id, status, reason, &settings)?;
    let mark = outcome.mark();
    let name = who(db, mark.teacher_id, lang);
    Ok(Done {
        message: Some(format!(
            "{name} {} {}",
            mark.session_date,
            mark_summary(mark, lang)
        )),
        ..Done::default()
    })
}

/// Sets a teacher's role; `answer` is the appointment date typed at the prompt (blank: none).
fn set_teacher_role(
    db: &mut Db,
    teacher_id: i64,
    role: Option<crate::domain::principals::Role>,
    answer: Option<&str>,
    stamp: &Stamp,
    lang: Lang,
) -> Result<Done> {
    let answer = answer.map(str::trim).unwrap_or("");
    let since = match answer {
        "" => None,
        text => Some(crate::domain::parse_date(text).ok_or_else(|| {
            crate::error::Error::invalid(crate::lang::pick(
                format!("“{text}”不是日期（请写成 YYYY-MM-DD）"),
                format!("'{text}' is not a date (write YYYY-MM-DD)"),
            ))
        })?),
    };
    let changed =
        crate::ops::principals::set_role(db, teacher_id, role.map(|r| (r, since)), stamp)?;
    let message = if changed {
        let label = role.map_or(i18n::TEACHERS_ROLE_NONE.get(lang), |r| {
            r.label(lang == Lang::Zh)
        });
        i18n::fill(i18n::TEACHERS_ROLE_SAVED.get(lang), &[&label])
    } else {
        i18n::UNCHANGED.get(lang).to_string()
    };
    Ok(Done {
        message: Some(message),
        teachers_changed: vec![teacher_id],
        ..Done::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> chrono::NaiveDateTime {
        crate::domain::parse_datetime("2026-03-02 09:00").unwrap()
    }

    #[test]
    fn setting_is_saved_with_audit_entry() {
        let mut db = Db::open_in_memory().unwrap();
        let i = Intent::SetSetting {
            key: "grace_minutes".into(),
            value: "10".into(),
        };
        let done = execute(&mut db, &i, None, &Stamp::new(now(), "tester"), Lang::En).unwrap();
        assert_eq!(done.settings.unwrap().grace_minutes, 10);
        let n: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity='settings'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn bad_setting_changes_nothing() {
        let mut db = Db::open_in_memory().unwrap();
        for (k, v) in [
            ("grace_minutes", "abc"),
            ("grace_minutes", "500"),
            ("nope", "1"),
        ] {
            let i = Intent::SetSetting {
                key: k.into(),
                value: v.into(),
            };
            assert!(
                execute(&mut db, &i, None, &Stamp::new(now(), "tester"), Lang::En).is_err(),
                "{k}={v}"
            );
        }
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        assert_eq!(store::settings::load(&db.conn).unwrap().grace_minutes, 5);
    }
}
