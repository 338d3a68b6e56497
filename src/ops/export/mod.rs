//! Exports (docs/rules.md §6): vetoes, credits, attendance and the school report,
//! plus the completion list of a project and the follow-up status list, as
//! CSV (code-name headers), XLSX (Chinese headers) or JSON (stable keys).
//! Exports only read: callers open the database read-only.

mod attendance;
mod feedback;
mod people;
mod principals;
mod schools;
pub mod sheet;
mod survey;
mod targets;
mod trainers;

pub use trainers::trainers;

use crate::domain::veto::{veto_year, veto_year_range};
use crate::domain::{Project, Settings};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::ops::output_file::OutputFile;
use crate::store::{projects, settings};
use chrono::NaiveDate;
use rusqlite::Connection;
use sheet::Sheet;
use std::io::Write;
use std::path::Path;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Vetoes,
    Credits,
    /// `export credits --short`: only the teachers short of the cycle's credits (behind, or
    /// 未达标 once the cycle has ended), by school.
    CreditsShort,
    Attendance,
    Schools,
    /// Extra: who completed a project (needs a project).
    Completion,
    /// Extra: follow-up tasks and their status.
    FollowUps,
    /// The plan's targets against their counts (now, per year end, by school and subject).
    Targets,
    /// Teachers with a role: training hours in the cycle against 240, qualification flag.
    Principals,
    /// The seven plans' projects, participants, hours and spend by year.
    Plans,
    /// Extra: trainees' feedback (all, or one project's).
    Feedback,
    /// Extra: the needs surveys' answers (训前调研), one row each.
    Survey,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    /// The format a file name implies (`.xlsx`, `.json`, else CSV).
    pub fn of_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Format::Xlsx,
            Some("json") => Format::Json,
            _ => Format::Csv,
        }
    }

    /// The format of an export: `--format`, else the file's extension, else
    /// CSV. A flag that contradicts the file's extension (`--format csv -o
    /// x.xlsx`, a file Excel would refuse to open) is refused.
    pub fn choose(flag: Option<Format>, out: Option<&Path>) -> Result<Format> {
        let named = out.filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "xlsx" | "json"))
        });
        match (flag, named) {
            (Some(f), Some(path)) if f != Format::of_path(path) => {
                let p = path.display();
                Err(Error::invalid(pick(
                    format!("--format 与文件名 {p} 的扩展名不一致"),
                    format!("--format does not match the extension of {p}"),
                )))
            }
            (Some(f), _) => Ok(f),
            (None, Some(path)) => Ok(Format::of_path(path)),
            (None, None) => Ok(Format::Csv),
        }
    }
}

/// Filters of an export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// The (veto) year; default the current one.
    pub year: Option<i32>,
    /// A project code: only that project.
    pub project: Option<String>,
}

/// An export's table (CSV/XLSX) and JSON document.
#[derive(Debug, Clone)]
pub struct Export {
    pub sheet: Sheet,
    pub json: serde_json::Value,
}

/// The scope an export covers.
pub(crate) struct Scope {
    pub settings: Settings,
    pub today: NaiveDate,
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub project: Option<Project>,
}

impl Scope {
    fn new(
        conn: &Connection,
        opts: &ExportOptions,
        today: NaiveDate,
        whole_when_project: bool,
    ) -> Result<Scope> {
        let settings = settings::load(conn)?;
        let project = match &opts.project {
            None => None,
            Some(code) => Some(projects::project_by_code(conn, code)?.ok_or_else(|| {
                Error::invalid(pick(
                    format!("--project {code}：没有这个编号的培训项目"),
                    format!("--project {code}: no project has this code"),
                ))
            })?),
        };
        let year = opts
            .year
            .unwrap_or_else(|| veto_year(today, settings.veto_year_start_month));
        let (from, to) = if opts.year.is_none() && whole_when_project && project.is_some() {
            // Bounds that compare correctly as ISO text in SQL.
            (
                NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default(),
                NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            )
        } else {
            veto_year_range(year, settings.veto_year_start_month)
        };
        Ok(Scope {
            settings,
            today,
            year,
            from,
            to,
            project,
        })
    }
    /// With `--project` and no `--year`: the veto year the project starts
    /// in (a past project's vetoes, not this year's empty list).
    fn in_project_year(mut self, opts: &ExportOptions) -> Scope {
        if let (None, Some(p)) = (opts.year, &self.project) {
            let start_month = self.settings.veto_year_start_month;
            self.year = veto_year(p.start_date, start_month);
            (self.from, self.to) = veto_year_range(self.year, start_month);
        }
        self
    }

    pub fn project_id(&self) -> Option<i64> {
        self.project.as_ref().map(|p| p.id)
    }
}

/// Builds an export from the database as of `today`.
pub fn build(
    conn: &Connection,
    kind: ExportKind,
    opts: &ExportOptions,
    today: NaiveDate,
) -> Result<Export> {
    match kind {
        ExportKind::Vetoes => {
            let scope = Scope::new(conn, opts, today, false)?.in_project_year(opts);
            attendance::vetoes(conn, &scope)
        }
        ExportKind::Attendance => {
            attendance::attendance(conn, &Scope::new(conn, opts, today, true)?)
        }
        ExportKind::Credits => people::credits(conn, &Scope::new(conn, opts, today, false)?, false),
        ExportKind::CreditsShort => {
            people::credits(conn, &Scope::new(conn, opts, today, false)?, true)
        }
        ExportKind::Completion => {
            let scope = Scope::new(conn, opts, today, true)?;
            let Some(project) = &scope.project else {
                return Err(Error::invalid(pick(
                    "导出结业情况需要 --project CODE",
                    "export completion needs --project CODE",
                )));
            };
            people::completion(conn, project, &scope)
        }
        ExportKind::FollowUps => people::follow_ups(conn, &Scope::new(conn, opts, today, true)?),
        ExportKind::Feedback => feedback::feedback(conn, &Scope::new(conn, opts, today, true)?),
        ExportKind::Schools => schools::school_report(conn, &Scope::new(conn, opts, today, false)?),
        ExportKind::Targets => targets::targets(conn, today),
        ExportKind::Principals => {
            principals::principals(conn, &Scope::new(conn, opts, today, false)?)
        }
        ExportKind::Plans => principals::plans(conn, opts.year),
        ExportKind::Survey => survey::survey(conn),
    }
}

/// Writes an export in `format` to the checked file `out`, or to `stdout` when none (CSV and
/// JSON only: a workbook needs a file). CSV neutralises formulas either way; on stdout it also
/// drops control characters from text and JSON escapes the ones serde leaves raw, so that
/// nothing a roster holds can drive the terminal.
pub fn write(
    export: &Export,
    format: Format,
    out: Option<&OutputFile>,
    stdout: &mut dyn Write,
) -> Result<()> {
    let bytes = match format {
        Format::Xlsx => export.sheet.xlsx_bytes()?,
        Format::Csv if out.is_some() => {
            // A file is for Excel, which reads BOM-less UTF-8 as GBK on a
            // Chinese Windows: give it the byte-order mark. Stdout is for
            // scripts: plain UTF-8.
            let mut buf = UTF8_BOM.to_vec();
            export.sheet.write_csv(&mut buf)?;
            buf
        }
        Format::Csv => {
            let mut buf = Vec::new();
            export.sheet.write_csv_printable(&mut buf)?;
            buf
        }
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&export.json).map_err(|e| {
                Error::Io(pick(
                    format!("无法写出 JSON：{e}"),
                    format!("cannot write JSON: {e}"),
                ))
            })?;
            if out.is_none() {
                s = crate::text::escape_json_controls(&s).into_owned();
            }
            s.push('\n');
            s.into_bytes()
        }
    };
    match out {
        Some(file) => file.write(&bytes),
        None if format == Format::Xlsx => Err(Error::invalid(pick(
            "导出 xlsx 需要输出文件：请加 -o FILE.xlsx",
            "an xlsx export needs an output file: add -o FILE.xlsx",
        ))),
        None => {
            // A reader that stops early (`| head`) is not an error.
            match stdout.write_all(&bytes).and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(()),
            }
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
