//! `liaoyuan import KIND FILE [--project CODE] [--session N] [--dry-run]`.

use super::args::Lang;
use crate::error::Result;
use crate::ops::feedback_import::{import_feedback, FeedbackImport};
use crate::ops::import::{self, ImportOptions, Kind};
use crate::ops::survey_import::{import_survey, SurveyImport};
use crate::store::{Db, OpenMode};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the file holds
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// A CSV (UTF-8 or GBK) or XLSX file
    pub file: PathBuf,
    /// Project code, for enrolments and marks files without a project column
    #[arg(long, value_name = "CODE")]
    pub project: Option<String>,
    /// Session number (1-based, date order), for marks files without a session column
    #[arg(long, value_name = "N")]
    pub session: Option<usize>,
    /// Validate and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Enrolments: allow going beyond a school's allotted places or the project's capacity
    #[arg(long)]
    pub over_capacity: bool,
    /// For feedback: map a question to a role, "question text=ROLE" (staff_no, name, school,
    /// content, trainer, organisation, comment, ignore); for a needs survey: staff_no, name,
    /// school, subject, stage, topics, form, ignore. Saved for later imports
    #[arg(long, value_name = "TEXT=ROLE")]
    pub map: Vec<String>,
    /// For a needs survey: its title (default: the file's title row, else the file name);
    /// importing again under the same title replaces each teacher's earlier answer
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Schools,
    Teachers,
    Trainers,
    Projects,
    Sessions,
    Enrolments,
    Marks,
    Allotments,
    /// Credit registrations (学分登记) from the provincial platform's course exports
    Credits,
    /// A questionnaire export of trainees' feedback (needs --project)
    Feedback,
    /// A needs-survey export (训前调研): subject, stage, topics wanted, preferred form
    Survey,
}

impl ImportKind {
    /// The table import this kind runs; questionnaires (feedback) have their own.
    fn table_kind(self) -> Option<Kind> {
        Some(match self {
            ImportKind::Schools => Kind::Schools,
            ImportKind::Teachers => Kind::Teachers,
            ImportKind::Trainers => Kind::Trainers,
            ImportKind::Projects => Kind::Projects,
            ImportKind::Sessions => Kind::Sessions,
            ImportKind::Enrolments => Kind::Enrolments,
            ImportKind::Credits => Kind::Credits,
            ImportKind::Marks => Kind::Marks,
            ImportKind::Allotments => Kind::Allotments,
            ImportKind::Feedback | ImportKind::Survey => return None,
        })
    }
}

pub fn run(
    db_path: &Path,
    read_only: bool,
    lang: Lang,
    args: &ImportArgs,
    stamp: &crate::store::Stamp,
) -> Result<()> {
    let mode = if read_only {
        OpenMode::ReadOnly
    } else {
        OpenMode::Create
    };
    let mut db = if args.dry_run {
        open_for_dry_run(db_path)?
    } else {
        Db::open(db_path, mode)?
    };
    if args.kind == ImportKind::Survey {
        return survey(&mut db, lang, args, stamp);
    }
    let Some(kind) = args.kind.table_kind() else {
        return feedback(&mut db, lang, args, stamp);
    };
    let opts = ImportOptions {
        project: args.project.clone(),
        session: args.session,
        dry_run: args.dry_run,
        over_capacity: args.over_capacity,
        progress: progress_bar(),
        ..ImportOptions::default()
    };
    let report = import::import_file(&mut db, stamp, kind, &args.file, &opts)?;
    let summary = report.summary(lang == Lang::Zh);
    println!("{}", crate::text::printable_lines(&summary));
    Ok(())
}

/// `import feedback FILE --project CODE [--session N] [--map TEXT=ROLE]…`.
fn feedback(db: &mut Db, lang: Lang, args: &ImportArgs, stamp: &crate::store::Stamp) -> Result<()> {
    let Some(project) = args.project.clone() else {
        return Err(crate::error::Error::invalid(crate::lang::pick(
            "导入反馈需要 --project CODE",
            "import feedback needs --project CODE",
        )));
    };
    let opts = FeedbackImport {
        project,
        session: args.session,
        map: args.map.clone(),
        dry_run: args.dry_run,
    };
    let report = import_feedback(db, stamp, &args.file, &opts)?;
    let summary = report.summary();
    println!("{}", crate::text::printable_lines(summary.get(lang)));
    Ok(())
}

/// `import survey FILE [--title TITLE] [--map TEXT=ROLE]…`.
fn survey(db: &mut Db, lang: Lang, args: &ImportArgs, stamp: &crate::store::Stamp) -> Result<()> {
    let opts = SurveyImport {
        title: args.title.clone(),
        map: args.map.clone(),
        dry_run: args.dry_run,
    };
    let report = import_survey(db, stamp, &args.file, &opts)?;
    println!(
        "{}",
        crate::text::printable_lines(report.summary().get(lang))
    );
    Ok(())
}

/// A dry run opens the database read-only: it never takes the write lock and
/// never upgrades, converts or fills the file. A database that does not exist
/// yet, or an empty (0-byte) file, is checked as an empty district in memory,
/// and no file is created.
fn open_for_dry_run(path: &Path) -> Result<Db> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Db::open_in_memory(),
        Ok(meta) if meta.is_file() && meta.len() == 0 => Db::open_in_memory(),
        _ => Db::open(path, OpenMode::ReadOnly),
    }
}

/// A progress bar on stderr for large files, only when stderr is a terminal.
fn progress_bar() -> Option<Box<dyn Fn(u64, u64)>> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = std::cell::OnceCell::new();
    Some(Box::new(move |done: u64, total: u64| {
        if total < 5000 {
            return;
        }
        let bar = bar.get_or_init(|| indicatif::ProgressBar::new(total));
        bar.set_position(done);
        if done >= total {
            bar.finish_and_clear();
        }
    }))
}
