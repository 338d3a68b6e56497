//! Operations: one user intent each, one transaction each (`db.write(stamp)`, a `store::Write`),
//! with its audit entry. Screens and CLI commands call these, never SQL.

pub mod allotments;
pub mod backup;
pub mod check;
pub mod check_in;
pub mod close_session;
pub mod completion;
pub mod credit_registration;
pub mod credits;
pub mod demo;
pub mod enrolments;
pub mod export;
pub mod feedback;
pub mod feedback_columns;
pub mod feedback_import;
pub mod follow_ups;
pub mod import;
pub mod lookup;
pub mod mark_effect;
pub mod output_file;
pub mod principals;
pub mod projects;
pub mod questionnaire;
pub mod reopen_session;
pub mod sessions;
pub mod settings;
pub mod sign_in_sheet;
pub mod starlight;
pub mod targets;
pub mod teachers;
pub mod tier_steps;
pub mod trainers;
pub mod undo;
pub mod unenrol;
pub mod vetoes;
