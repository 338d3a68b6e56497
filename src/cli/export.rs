//! `liaoyuan export KIND [--year Y] [--project CODE] [--format csv|xlsx|json] [-o FILE]`
//! and `liaoyuan export sign-in-sheet --project CODE --session N -o FILE.xlsx`.
//! Opens the database read-only.

use crate::error::{Error, Result};
use crate::lang::{pick, Lang};
use crate::ops::export::{self, ExportKind, ExportOptions, Format};
use crate::ops::output_file::OutputFile;
use crate::ops::sign_in_sheet;
use crate::store::{Db, OpenMode};
use crate::text::printable;
use chrono::NaiveDateTime;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export (completion, follow-ups, sign-in-sheet, principals, plans and feedback are extras)
    #[arg(value_enum)]
    pub kind: ExportWhat,
    /// Year (the veto year; default the current one, for vetoes with --project the project's)
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this project (required for completion and sign-in-sheet)
    #[arg(long, value_name = "CODE")]
    pub project: Option<String>,
    /// Session number, 1-based in date order (sign-in-sheet)
    #[arg(long, value_name = "N")]
    pub session: Option<usize>,
    /// credits: only the teachers short of the cycle's credits (behind; 未达标 once the cycle
    /// of --year has ended), by school
    #[arg(long)]
    pub short: bool,
    /// Output format (default: from the -o file's extension, else csv)
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Output file (default: stdout; xlsx needs a file)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    Vetoes,
    Credits,
    Attendance,
    Schools,
    Completion,
    FollowUps,
    Targets,
    Feedback,
    SignInSheet,
    /// The Starlight corps (sessions delivered as of now)
    Trainers,
    Principals,
    Plans,
    /// The needs surveys' answers (训前调研)
    Survey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Json,
}

pub fn run(db_path: &Path, lang: Lang, args: &ExportArgs, now: NaiveDateTime) -> Result<()> {
    let today = now.date();
    // Checked before anything else: never the database, a link, a folder or a device.
    let output = match &args.output {
        Some(path) => Some(OutputFile::new(path, db_path)?),
        None => None,
    };
    if args.short && args.kind != ExportWhat::Credits {
        return Err(Error::invalid(pick(
            "--short 只用于 export credits（学分未达标名单）",
            "--short applies only to export credits (the list of teachers short of credits)",
        )));
    }
    let db = Db::open(db_path, OpenMode::ReadOnly)?;
    let kind = match args.kind {
        ExportWhat::SignInSheet => return sign_in(&db, lang, args, output.as_ref()),
        ExportWhat::Trainers => None,
        ExportWhat::Vetoes => Some(ExportKind::Vetoes),
        ExportWhat::Credits if args.short => Some(ExportKind::CreditsShort),
        ExportWhat::Credits => Some(ExportKind::Credits),
        ExportWhat::Attendance => Some(ExportKind::Attendance),
        ExportWhat::Schools => Some(ExportKind::Schools),
        ExportWhat::Completion => Some(ExportKind::Completion),
        ExportWhat::FollowUps => Some(ExportKind::FollowUps),
        ExportWhat::Targets => Some(ExportKind::Targets),
        ExportWhat::Principals => Some(ExportKind::Principals),
        ExportWhat::Plans => Some(ExportKind::Plans),
        ExportWhat::Feedback => Some(ExportKind::Feedback),
        ExportWhat::Survey => Some(ExportKind::Survey),
    };
    let flag = args.format.map(|f| match f {
        FormatArg::Csv => Format::Csv,
        FormatArg::Xlsx => Format::Xlsx,
        FormatArg::Json => Format::Json,
    });
    let format = Format::choose(flag, args.output.as_deref())?;
    let opts = ExportOptions {
        year: args.year,
        project: args.project.clone(),
    };
    if format == Format::Xlsx && args.output.is_none() {
        return Err(Error::invalid(pick(
            "导出 xlsx 需要输出文件：请加 -o FILE.xlsx",
            "an xlsx export needs an output file: add -o FILE.xlsx",
        )));
    }
    let built = match kind {
        Some(kind) => export::build(&db.conn, kind, &opts, today)?,
        None => export::trainers(&db.conn, now)?,
    };
    let mut stdout = std::io::stdout().lock();
    export::write(&built, format, output.as_ref(), &mut stdout)?;
    if let Some(out) = &output {
        let n = built.sheet.rows.len();
        let p = printable(&out.path().to_string_lossy()).into_owned();
        eprintln!(
            "{}",
            pick(format!("{n} 行 → {p}"), format!("{n} rows → {p}")).get(lang)
        );
    }
    Ok(())
}

fn sign_in(db: &Db, lang: Lang, args: &ExportArgs, output: Option<&OutputFile>) -> Result<()> {
    let (Some(code), Some(n), Some(out)) = (&args.project, args.session, output) else {
        return Err(Error::invalid(pick(
            "导出签到表需要 --project CODE --session N -o FILE.xlsx",
            "export sign-in-sheet needs --project CODE --session N -o FILE.xlsx",
        )));
    };
    if matches!(args.format, Some(FormatArg::Csv | FormatArg::Json))
        || Format::choose(Some(Format::Xlsx), Some(out.path())).is_err()
    {
        return Err(Error::invalid(pick(
            "签到表只能导出为 xlsx",
            "the sign-in sheet is written as xlsx only",
        )));
    }
    let sheet = sign_in_sheet::build(&db.conn, code, n)?;
    sheet.save(out)?;
    let n = sheet.teachers.len();
    let p = printable(&out.path().to_string_lossy()).into_owned();
    eprintln!(
        "{}",
        pick(format!("{n} 位教师 → {p}"), format!("{n} teachers → {p}")).get(lang)
    );
    Ok(())
}
