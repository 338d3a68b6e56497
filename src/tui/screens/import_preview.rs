//! `:import KIND PATH` in the command palette: a dry run of the import shown
//! in a dialog (rows, what would be added and updated, the first problems),
//! and the real import only after `y`. The import itself is `ops::import` (or, for
//! questionnaire exports, `ops::feedback_import` / `ops::survey_import`), the same as
//! `liaoyuan import`.

pub use super::import_source::{Report, Source};
use crate::error::{Error, Result};
use crate::store::{Db, Stamp};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n::{self, Lang};
use crate::tui::overlays::{centred, Outcome};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::width;
use crate::tui::write::Done;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;
use std::path::PathBuf;

/// Problems listed in the dialog before "… and N more".
const SHOWN_PROBLEMS: usize = 8;

/// What the palette's `import` command asked for: the same choices as
/// `liaoyuan import KIND FILE [--project CODE] [--session N]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub kind: Source,
    pub path: String,
    /// `--project CODE` for enrolments and marks files without a project column, and for
    /// feedback questionnaires (required).
    pub project: Option<String>,
    /// `--session N` for marks files without a session column (and feedback on one session).
    pub session: Option<usize>,
}

impl ImportRequest {
    fn run(&self, db: &mut Db, stamp: &Stamp, dry_run: bool) -> Result<Report> {
        let path = expand(&self.path);
        let project = self.project.as_deref();
        self.kind
            .run(db, stamp, &path, project, self.session, dry_run)
    }
}

/// The palette's `import` command: "teachers ~/t.csv" or
/// "marks ~/sheet.csv --project 2026-QP-005 --session 2" → a preview of that import.
pub fn palette_command(arg: &str) -> Action {
    match parse_request(arg) {
        Some(request) => Action::PreviewImport(request),
        None if arg.split_whitespace().next().and_then(Source::parse) == Some(Source::Feedback) => {
            Action::Fail("import feedback PATH --project CODE [--session N]".to_string())
        }
        None => Action::Fail(format!(
            "import KIND PATH [--project CODE] [--session N] — KIND: {}",
            Source::codes().join(", ")
        )),
    }
}

/// Splits "KIND PATH [--project CODE] [--session N]"; the path may contain spaces.
fn parse_request(arg: &str) -> Option<ImportRequest> {
    let arg = arg.trim();
    let (kind, rest) = arg.split_once(char::is_whitespace)?;
    let kind = Source::parse(kind)?;
    let mut path: Vec<&str> = Vec::new();
    let mut project = None;
    let mut session = None;
    let mut words = rest.split_whitespace();
    while let Some(word) = words.next() {
        match word {
            "--project" => project = Some(words.next()?.to_string()),
            "--session" => session = Some(words.next()?.parse::<usize>().ok().filter(|n| *n > 0)?),
            _ => path.push(word),
        }
    }
    if path.is_empty() || (kind == Source::Feedback && project.is_none()) {
        return None;
    }
    Some(ImportRequest {
        kind,
        path: path.join(" "),
        project,
        session,
    })
}

/// `~/x.csv` → the home folder's x.csv; surrounding quotes dropped.
fn expand(path: &str) -> PathBuf {
    let p = path.trim().trim_matches(|c| c == '"' || c == '\'');
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    }
}

/// The preview dialog.
pub struct ImportPreview {
    request: ImportRequest,
    /// The dry run's counts, or the problems that refuse the file.
    outcome: std::result::Result<Report, Vec<crate::lang::Text>>,
}

impl ImportPreview {
    /// Runs the import as a dry run (validated and counted, nothing written).
    pub fn compute(db: &mut Db, stamp: &Stamp, request: ImportRequest) -> ImportPreview {
        let outcome = match request.run(db, stamp, true) {
            Ok(report) => Ok(report),
            Err(Error::Rows(rows)) => Err(rows),
            Err(e) => Err(vec![e.message()]),
        };
        ImportPreview { request, outcome }
    }

    /// True when the file can be imported.
    pub fn is_importable(&self) -> bool {
        self.outcome.is_ok()
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter if self.is_importable() => {
                Outcome::Run(Action::write(Intent::ImportFile(self.request.clone())))
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc | KeyCode::Char('q') => {
                Outcome::Close
            }
            KeyCode::Enter => Outcome::Close,
            _ => Outcome::Keep,
        }
    }

    /// The dialog's lines, in the UI language.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let kind = if lang == Lang::Zh {
            self.request.kind.zh()
        } else {
            self.request.kind.code()
        };
        let mut out = vec![i18n::fill(
            i18n::IMPORT_FILE.get(lang),
            &[&kind, &self.request.path],
        )];
        match &self.outcome {
            Ok(Report::Table(r)) => {
                out.push(i18n::fill(
                    i18n::IMPORT_COUNTS.get(lang),
                    &[&r.rows, &r.added, &r.updated, &r.unchanged],
                ));
                out.push(String::new());
                out.push(i18n::IMPORT_ASK.get(lang).to_string());
            }
            Ok(Report::Answers(summary)) => {
                out.extend(summary.get(lang).lines().map(str::to_string));
                out.push(String::new());
                out.push(i18n::IMPORT_ASK.get(lang).to_string());
            }
            Err(problems) => {
                out.push(i18n::fill(
                    i18n::IMPORT_PROBLEMS.get(lang),
                    &[&problems.len()],
                ));
                out.extend(
                    problems
                        .iter()
                        .take(SHOWN_PROBLEMS)
                        .map(|p| p.get(lang).to_string()),
                );
                if problems.len() > SHOWN_PROBLEMS {
                    out.push(i18n::fill(
                        i18n::IMPORT_MORE.get(lang),
                        &[&(problems.len() - SHOWN_PROBLEMS)],
                    ));
                }
                out.push(String::new());
                out.push(i18n::IMPORT_CLOSE.get(lang).to_string());
            }
        }
        out
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let lines = self.lines(ctx.lang);
        let w = 76.min(area.width);
        let inner = w.saturating_sub(2).max(1) as usize;
        // Long problems wrap: count the rows each line takes.
        let rows: usize = lines.iter().map(|l| width(l).div_ceil(inner).max(1)).sum();
        let r = centred(frame, area, w, (rows as u16).saturating_add(2));
        let style = |i: usize| {
            if i == 1 && !self.is_importable() {
                ctx.theme.bad()
            } else if i + 1 == lines.len() {
                ctx.theme.muted()
            } else {
                ctx.theme.base()
            }
        };
        let text: Vec<Line> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| Line::from(Span::styled(l.clone(), style(i))))
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(
                format!(" {} ", ctx.t(i18n::IMPORT_TITLE)),
                ctx.theme.title(),
            ));
        let p = Paragraph::new(text).wrap(Wrap { trim: false }).block(block);
        frame.render_widget(p, r);
    }
}

/// Runs the confirmed import (one transaction, audit entry included).
pub fn execute(db: &mut Db, stamp: &Stamp, request: &ImportRequest, lang: Lang) -> Result<Done> {
    match request.run(db, stamp, false)? {
        Report::Table(report) => Ok(Done {
            message: Some(report.summary(lang == Lang::Zh)),
            teachers_changed: report.changed_teachers,
            ..Done::default()
        }),
        Report::Answers(summary) => Ok(Done {
            // the status bar has one line: the counts (ignored columns were in the preview)
            message: summary.get(lang).lines().next().map(str::to_string),
            ..Done::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::import::{ImportOptions, Kind};
    use std::path::Path;

    fn fixture(name: &str) -> String {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
            .display()
            .to_string()
    }

    fn request(kind: Kind, name: &str) -> ImportRequest {
        ImportRequest {
            kind: Source::Table(kind),
            path: fixture(name),
            project: None,
            session: None,
        }
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::from(KeyCode::Char(c))
    }

    #[test]
    fn palette_argument_names_kind_and_path() {
        assert_eq!(
            palette_command("teachers  ~/t.csv"),
            Action::PreviewImport(ImportRequest {
                kind: Source::Table(Kind::Teachers),
                path: "~/t.csv".into(),
                project: None,
                session: None,
            })
        );
        assert_eq!(
            palette_command("marks ~/签到 表.csv --project 2026-QP-005 --session 2"),
            Action::PreviewImport(ImportRequest {
                kind: Source::Table(Kind::Marks),
                path: "~/签到 表.csv".into(),
                project: Some("2026-QP-005".into()),
                session: Some(2),
            })
        );
        assert!(matches!(
            palette_command("marks a.csv --session 0"),
            Action::Fail(_)
        ));
        assert!(matches!(
            palette_command("marks a.csv --project"),
            Action::Fail(_)
        ));
        assert!(matches!(palette_command("teachers"), Action::Fail(_)));
        assert!(matches!(palette_command("pets a.csv"), Action::Fail(_)));
    }

    #[test]
    fn preview_counts_then_asks_and_writes_nothing() {
        let mut db = Db::open_in_memory().unwrap();
        let p = ImportPreview::compute(
            &mut db,
            &crate::store::test_stamp("2026-03-02 09:00"),
            request(Kind::Schools, "schools.csv"),
        );
        let lines = p.lines(Lang::En);
        assert!(
            lines[1].contains("14") && lines[1].contains("add 14"),
            "{lines:?}"
        );
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM schools", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        let mut p = p;
        assert!(matches!(
            p.handle_key(&key('y')),
            Outcome::Run(Action::Write { .. })
        ));
    }

    #[test]
    fn preview_lists_first_problems_and_refuses_yes() {
        let mut db = Db::open_in_memory().unwrap();
        crate::ops::import::import_file(
            &mut db,
            &crate::store::test_stamp("2026-03-02 09:00"),
            Kind::Schools,
            Path::new(&fixture("schools.csv")),
            &ImportOptions::default(),
        )
        .unwrap();
        let mut p = ImportPreview::compute(
            &mut db,
            &crate::store::test_stamp("2026-03-02 09:00"),
            request(Kind::Teachers, "teachers-with-errors.csv"),
        );
        let lines = p.lines(Lang::Zh);
        assert!(lines[1].contains('6'), "{lines:?}");
        assert!(lines[2].starts_with("line 3: name:"), "{lines:?}");
        assert_eq!(p.handle_key(&key('y')), Outcome::Keep);
        assert_eq!(p.handle_key(&KeyEvent::from(KeyCode::Esc)), Outcome::Close);
    }

    #[test]
    fn confirmed_import_writes_and_reports() {
        let mut db = Db::open_in_memory().unwrap();
        let done = execute(
            &mut db,
            &crate::store::test_stamp("2026-03-02 09:00"),
            &request(Kind::Schools, "schools.csv"),
            Lang::En,
        )
        .unwrap();
        assert!(done.message.unwrap().contains("14 added"));
    }
}
