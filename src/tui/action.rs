//! The one vocabulary of the TUI: everything a key, a click or a palette command can ask for.
//!
//! Screens never change the database: they return an `Action`, and `App::update` (app/update.rs) is
//! the only place that acts on it. Database changes are `Action::Write(Intent)`; each `Intent`
//! variant is executed in `write.rs` through `crate::ops` / `crate::store` in ONE transaction
//! with its audit entry. To add a write: add an `Intent` variant here (named as a verb phrase:
//! `MarkPresent`, `CloseSession`) and its arm in `write.rs::execute`.

use super::i18n::Lang;
use super::screens::TabId;

/// Something to show or go to in another screen (`Screen::open`).
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Teacher(i64),
    Project(i64),
    Session(i64),
    Trainer(i64),
    School(i64),
    /// The Teachers tab with this text in its search box, typing (the quick lookup).
    TeacherSearch(String),
    /// The manual credit entry form (`:credit add`; shown over the Projects tab).
    NewCreditEntry,
}

/// A change of the database, executed by `write::execute` in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// The registrar approves credit registrations (已认定), all or none (Reports › `g`).
    ApproveCredits {
        ids: Vec<i64>,
    },
    /// The registrar returns a pending credit registration (退回; needs the reason).
    ReturnCredit {
        entry_id: i64,
    },
    /// Change one setting (`:set KEY VALUE`), audit-logged.
    SetSetting {
        key: String,
        value: String,
    },
    /// Set a target's number for a year (`:target WHAT YEAR NUMBER`, read by the write).
    SetTarget {
        text: String,
    },
    /// Add a step to a teacher's tier history (Teachers tab, `t`).
    AddTierStep {
        teacher_id: i64,
        step: crate::store::tier_steps::TierStep,
    },
    /// Set a teacher's employment status (Teachers tab; needs the reason).
    SetTeacherStatus {
        teacher_id: i64,
        status: crate::domain::TeacherStatus,
    },
    /// Starlight life cycle (docs/rules.md §4.8): select a teacher as a candidate (Teachers
    /// tab `S`; the reason is the selection criteria), promote a trainer one step, let a
    /// trainer exit (needs the reason), assign a trainer to a session.
    SelectCandidate {
        teacher_id: i64,
    },
    PromoteTrainer {
        trainer_id: i64,
    },
    ExitTrainer {
        trainer_id: i64,
    },
    AssignTrainer {
        session_id: i64,
        trainer_id: i64,
    },
    /// Set (or with None clear) a teacher's role (Teachers tab); the appointment date comes
    /// as the prompt's answer (YYYY-MM-DD, blank: unknown).
    SetTeacherRole {
        teacher_id: i64,
        role: Option<crate::domain::principals::Role>,
    },
    /// Set a Starlight trainer's status and six competency levels (Starlight tab; a change
    /// of level needs the reason).
    UpdateTrainer {
        trainer_id: i64,
        status: crate::domain::TrainerStatus,
        levels: [u8; 6],
    },
    /// Record a follow-up: held date, title, place, observer, rating, notes, status
    /// (Follow-ups tab). Moving it back needs the reason.
    RecordFollowUp {
        follow_up_id: i64,
        record: crate::ops::follow_ups::FollowUpRecord,
    },
    /// The desk: check a teacher in (`status: None`: present or late by the clock, an existing
    /// mark is kept) or set a status (late, left early with `checked_out_at`, absent, excused).
    /// `walk_in`: enrol the teacher in the session's project in the same transaction
    /// (`ops::check_in::check_in_walk_in`; undo removes that enrolment). The undo record comes
    /// back to the desk in the write's outcome (`outcome::Changed::Mark`).
    MarkAttendance {
        session_id: i64,
        teacher_id: i64,
        status: Option<crate::domain::Status>,
        checked_out_at: Option<chrono::NaiveDateTime>,
        walk_in: bool,
    },
    /// Undo a mark the desk wrote (the newest record of its undo stack).
    UndoMark {
        record: Box<crate::ops::check_in::UndoMark>,
    },
    /// Close a session as `reviewed`: unmarked enrolled teachers become absent (refused when
    /// more would than the review showed); the session is locked.
    CloseSession {
        session_id: i64,
        reviewed: Box<crate::ops::close_session::CloseReview>,
    },
    /// Reopen a closed session (needs the reason). With `remove_close_absences` the absences
    /// its close wrote that nobody changed since are removed; else every mark stays.
    ReopenSession {
        session_id: i64,
        remove_close_absences: bool,
    },
    /// Change the status of an existing mark (Vetoes tab).
    ChangeMark {
        mark_id: i64,
        status: crate::domain::Status,
    },
    /// Projects tab: create (`id: None`) or edit a project with its required follow-ups.
    SaveProject {
        id: Option<i64>,
        fields: Box<crate::store::projects::ProjectFields>,
        follow_ups: Vec<(crate::domain::FollowUpKind, i64)>,
    },
    /// Projects tab: add one session to a project.
    AddSession {
        project_id: i64,
        fields: Box<crate::store::sessions::SessionFields>,
    },
    /// Projects tab: edit a session (a closed one needs the reason).
    EditSession {
        session_id: i64,
        fields: Box<crate::store::sessions::SessionFields>,
    },
    /// Projects tab: delete a session (refused by ops when it has marks).
    DeleteSession {
        session_id: i64,
    },
    /// Projects tab: bulk-create N days × parts of the day.
    ScheduleSessions {
        project_id: i64,
        schedule: Box<crate::ops::sessions::Schedule>,
    },
    /// Projects tab: enrol the picked teachers. `over_capacity`: the user confirmed going
    /// beyond a school's places or the project's capacity (asked when the write was refused).
    EnrolTeachers {
        project_id: i64,
        teacher_ids: Vec<i64>,
        over_capacity: bool,
    },
    /// Projects tab: enrol every teacher of a school.
    EnrolSchool {
        project_id: i64,
        school_id: i64,
        over_capacity: bool,
    },
    /// Projects tab: set the places of schools in a project (the allotment grid's save).
    SaveAllotments {
        project_id: i64,
        places: Vec<(i64, Option<i64>)>,
    },
    /// Projects tab: remove one enrolment (refused while the teacher has marks in it).
    RemoveEnrolment {
        project_id: i64,
        teacher_id: i64,
    },
    /// Import a file after its preview (`:import KIND PATH`; screens/import_preview.rs).
    ImportFile(crate::tui::screens::import_preview::ImportRequest),
    /// Projects tab: complete a project after its review: credits and follow-ups for the
    /// completers, `completed_at` set (ops::completion).
    CompleteProject {
        project_id: i64,
    },
    /// Register a credit entry (学分登记; category, hours, certificate no.): it arrives 待审核
    /// in the registrar's queue (ops::credit_registration::register).
    RegisterCredit {
        entry: crate::ops::credit_registration::Registering,
    },
    /// Delete a manual credit entry (needs the reason).
    DeleteCreditEntry {
        entry_id: i64,
    },
    /// Record a Starlight assessment of one competency (the Starlight pane, `r`); the
    /// trainer's level of it becomes the assessed level (ops::starlight::record_assessment).
    RecordAssessment {
        assessment: Box<crate::store::trainer_life::Assessment>,
    },
    /// The paper forms of a project entered in the bulk grid (Projects › `R` › `e`): every
    /// row in one transaction, or none with each refused row named
    /// (ops::feedback::give_many).
    GiveFeedbackBatch {
        project_id: i64,
        answers: Vec<crate::ops::feedback::Answers>,
    },
    /// A trainee's feedback (the desk after check-out; ops::feedback::give, which refuses a
    /// teacher who did not attend, saying why).
    GiveFeedback {
        answers: crate::ops::feedback::Answers,
        source: crate::store::feedback::Source,
    },
    /// Reports › needs survey: a draft project from a topic under the filter shown
    /// (ops::survey_draft); it then opens in the Projects tab.
    DraftProjectFromSurvey {
        survey_id: i64,
        topic: String,
        filter: crate::store::surveys::SurveyFilter,
    },
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the application (asks first when a screen has unsaved input).
    Quit,
    /// Leave without asking.
    ForceQuit,
    /// Go back to the previously shown tab (Esc when the screen has nothing to clear).
    Back,
    GoToTab(TabId),
    NextTab,
    PrevTab,
    /// Switch to the tab showing the target and let its screen select it.
    Open(Target),
    OpenHelp,
    OpenPalette,
    SetTheme(String),
    SetLanguage(Lang),
    /// Re-read every screen from the database.
    Reload,
    /// A short message in the status bar.
    Toast(String),
    /// An error message in the status bar.
    Fail(String),
    /// Ask "yes/no" first; run `then` on yes.
    Confirm {
        question: String,
        then: Box<Action>,
    },
    /// Ask for a non-empty reason first; then run the intent with it (veto lifting, locked sessions).
    AskReason {
        prompt: String,
        intent: Intent,
    },
    /// Change the database. `reason` is filled by `AskReason`, else `None`.
    Write {
        intent: Intent,
        reason: Option<String>,
    },
    /// Several actions in order.
    Batch(Vec<Action>),
    /// Dry-run an import and show its preview dialog (screens/import_preview.rs).
    PreviewImport(crate::tui::screens::import_preview::ImportRequest),
}

impl Intent {
    /// What to show once this write is done: the draft project made from a survey.
    pub fn opens_when_done(&self, changed: &crate::tui::outcome::Changed) -> Option<Target> {
        match (self, changed) {
            (Intent::DraftProjectFromSurvey { .. }, crate::tui::outcome::Changed::Project(id)) => {
                Some(Target::Project(*id))
            }
            _ => None,
        }
    }

    /// An enrolment refused for going beyond places or capacity, as the write that goes
    /// beyond them once the user confirms; None for every other intent.
    pub fn exceeding_places(&self) -> Option<Intent> {
        match self {
            Intent::EnrolTeachers {
                project_id,
                teacher_ids,
                over_capacity: false,
            } => Some(Intent::EnrolTeachers {
                project_id: *project_id,
                teacher_ids: teacher_ids.clone(),
                over_capacity: true,
            }),
            Intent::EnrolSchool {
                project_id,
                school_id,
                over_capacity: false,
            } => Some(Intent::EnrolSchool {
                project_id: *project_id,
                school_id: *school_id,
                over_capacity: true,
            }),
            _ => None,
        }
    }
}

impl Action {
    /// A write without a reason.
    pub fn write(intent: Intent) -> Action {
        Action::Write {
            intent,
            reason: None,
        }
    }
}
