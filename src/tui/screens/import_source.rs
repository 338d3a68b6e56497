//! What the palette's `:import` reads: one of the table imports (`ops::import::Kind`) or a
//! questionnaire export — trainees' feedback for a project (`feedback PATH --project CODE
//! [--session N]`) or a needs survey (`survey PATH`), read with their saved column
//! mappings (`liaoyuan import … --map` changes a mapping).

use crate::error::Result;
use crate::lang::Text;
use crate::ops::feedback_import::{import_feedback, FeedbackImport};
use crate::ops::import::{self, ImportOptions, ImportReport, Kind};
use crate::ops::survey_import::{import_survey, SurveyImport};
use crate::store::{Db, Stamp};
use std::path::Path;

/// A kind of file `:import` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Table(Kind),
    /// A questionnaire export of trainees' feedback (needs a project).
    Feedback,
    /// A needs-survey export (训前调研).
    Survey,
}

/// What a run (dry or real) found.
#[derive(Debug, Clone)]
pub enum Report {
    Table(ImportReport),
    /// The questionnaire import's own summary (counts and ignored columns).
    Answers(Text),
}

impl Source {
    pub fn parse(word: &str) -> Option<Source> {
        match word.trim().to_ascii_lowercase().as_str() {
            "feedback" | "反馈" => Some(Source::Feedback),
            "survey" | "调研" | "训前调研" => Some(Source::Survey),
            other => Kind::parse(other).map(Source::Table),
        }
    }

    /// Every code the palette accepts, for its usage line.
    pub fn codes() -> Vec<&'static str> {
        let mut codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        codes.extend(["feedback", "survey"]);
        codes
    }

    pub fn code(self) -> &'static str {
        match self {
            Source::Table(k) => k.code(),
            Source::Feedback => "feedback",
            Source::Survey => "survey",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Source::Table(k) => k.zh(),
            Source::Feedback => "培训反馈问卷",
            Source::Survey => "训前调研问卷",
        }
    }

    /// Runs the import of `path` (a dry run writes nothing).
    pub fn run(
        self,
        db: &mut Db,
        stamp: &Stamp,
        path: &Path,
        project: Option<&str>,
        session: Option<usize>,
        dry_run: bool,
    ) -> Result<Report> {
        match self {
            Source::Table(kind) => {
                let opts = ImportOptions {
                    project: project.map(str::to_string),
                    session,
                    dry_run,
                    ..ImportOptions::default()
                };
                import::import_file(db, stamp, kind, path, &opts).map(Report::Table)
            }
            Source::Feedback => {
                let opts = FeedbackImport {
                    project: project.unwrap_or_default().to_string(),
                    session,
                    map: Vec::new(),
                    dry_run,
                };
                import_feedback(db, stamp, path, &opts).map(|r| Report::Answers(r.summary()))
            }
            Source::Survey => {
                let opts = SurveyImport {
                    dry_run,
                    ..SurveyImport::default()
                };
                import_survey(db, stamp, path, &opts).map(|r| Report::Answers(r.summary()))
            }
        }
    }
}
