//! `import feedback FILE --project CODE`: a questionnaire export (问卷星 style, see
//! `ops::questionnaire`) of one project's (or one session's) feedback. Every row is checked
//! first — the teacher found by staff number or by name and school, each answer a rating,
//! the teacher attended — and every problem is listed as `line N: column: problem`; then all
//! rows are written in one transaction, or none.

use super::feedback::{check, save_checked, Answers};
use super::feedback_columns::{merged_mapping, Columns, MAPPING_KEY};
use super::questionnaire::{respondent, submitted_at, Sheet};
use crate::domain::feedback::parse_rating;
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::audit::{AuditAction, Entity};
use crate::store::feedback::Source;
use crate::store::questionnaires::save_column_mapping;
use crate::store::{projects, sessions, Audit, Db, Stamp};
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct FeedbackImport {
    pub project: String,
    /// Session number (1-based, date order); project feedback without it.
    pub session: Option<usize>,
    /// `question text=role` pairs to save into the mapping before reading.
    pub map: Vec<String>,
    pub dry_run: bool,
}

/// What an import did (or would do).
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackReport {
    pub written: usize,
    /// Questions no role was found for: ignored, listed.
    pub ignored: Vec<String>,
    pub dry_run: bool,
}

impl FeedbackReport {
    pub fn summary(&self) -> Text {
        let n = self.written;
        let mut t = if self.dry_run {
            pick(
                format!("检查通过：可导入 {n} 条反馈（试运行，未写入）"),
                format!("checked: {n} feedback rows can be imported (dry run, nothing written)"),
            )
        } else {
            pick(
                format!("已导入 {n} 条反馈"),
                format!("imported {n} feedback rows"),
            )
        };
        if !self.ignored.is_empty() {
            let list = self.ignored.join("、");
            t.zh.push_str(&format!("\n忽略的列（未对应到任何项）：{list}"));
            t.en.push_str(&format!(
                "\nignored columns (no role; map them with --map \"TEXT=ROLE\"): {}",
                self.ignored.join(", ")
            ));
        }
        t
    }
}

/// Imports a feedback questionnaire export into `opts.project`.
pub fn import_feedback(
    db: &mut Db,
    stamp: &Stamp,
    path: &Path,
    opts: &FeedbackImport,
) -> Result<FeedbackReport> {
    super::import::refuse_the_database(db, path)?;
    let sheet = Sheet::read(path)?;
    if opts.dry_run {
        // Read only: a dry run never takes the write lock.
        let planned = plan(&db.conn, stamp, &sheet, opts)?;
        return Ok(FeedbackReport {
            written: planned.ready.len(),
            ignored: planned.ignored,
            dry_run: true,
        });
    }
    let tx = db.write(stamp)?;
    // Checked again under the write lock: another desk may have changed a mark meanwhile.
    let planned = plan(&tx, stamp, &sheet, opts)?;
    for (answers, at) in &planned.ready {
        save_checked(&tx, answers, Source::Import, at)?;
    }
    if !opts.map.is_empty() {
        save_column_mapping(&tx, MAPPING_KEY, &planned.mapping)?;
    }
    let report = FeedbackReport {
        written: planned.ready.len(),
        ignored: planned.ignored,
        dry_run: false,
    };
    tx.audit(Audit {
        entity: Entity::Import,
        entity_id: None,
        action: AuditAction::Import("feedback"),
        before: None,
        after: Some(json!({ "project": opts.project, "feedback": report.written })),
        reason: "",
    })?;
    tx.commit()?;
    Ok(report)
}

/// The checked rows of an import, or every problem.
struct Planned {
    ready: Vec<(Answers, String)>,
    ignored: Vec<String>,
    mapping: BTreeMap<String, String>,
}

fn plan(
    tx: &rusqlite::Connection,
    stamp: &Stamp,
    sheet: &Sheet,
    opts: &FeedbackImport,
) -> Result<Planned> {
    let mapping = merged_mapping(tx, &opts.map)?;
    let (project, session_id) = target(tx, opts)?;
    let Columns {
        staff,
        name,
        school,
        rated,
        comment,
        submitted,
        ignored,
    } = Columns::locate(sheet, &mapping)?;
    let now = stamp.now.format(crate::domain::DATETIME_FMT).to_string();
    let mut problems: Vec<Text> = Vec::new();
    let mut ready = Vec::new();
    for row in &sheet.rows {
        let line = row.line;
        let before = problems.len();
        let at = |column: Option<usize>, p: Text| {
            let label = column
                .and_then(|i| sheet.header.get(i))
                .cloned()
                .unwrap_or_default();
            p.map(|p| format!("line {line}: {label}: {p}"))
        };
        let teacher = match respondent(tx, row, staff, name, school) {
            Ok(id) => Some(id),
            Err((c, p)) => {
                problems.push(at(c, p));
                None
            }
        };
        let mut ratings = [None; 3];
        for (slot, column) in ratings.iter_mut().zip(rated) {
            let answer = Sheet::cell(row, column);
            match parse_rating(answer) {
                Ok(r) => *slot = r,
                Err(()) => problems.push(at(
                    column,
                    pick(
                        format!("“{answer}”不是评分（1–5，或 非常满意…非常不满意）"),
                        format!("'{answer}' is not a rating (1–5, or 非常满意 … 非常不满意)"),
                    ),
                )),
            }
        }
        let Some(teacher_id) = teacher.filter(|_| problems.len() == before) else {
            continue;
        };
        let answers = Answers {
            project_id: project.id,
            session_id,
            teacher_id,
            content: ratings[0],
            trainer: ratings[1],
            organisation: ratings[2],
            comment: Sheet::cell(row, comment).to_string(),
        };
        if let Err(e) = check(tx, &answers) {
            problems.push(at(staff.or(name), e.message()));
            continue;
        }
        let at = submitted_at(Sheet::cell(row, submitted)).unwrap_or_else(|| now.clone());
        ready.push((answers, at));
    }
    if !problems.is_empty() {
        return Err(Error::Rows(problems));
    }
    Ok(Planned {
        ready,
        ignored,
        mapping,
    })
}

/// The project named, and the session when a number is given.
fn target(
    tx: &rusqlite::Connection,
    opts: &FeedbackImport,
) -> Result<(crate::domain::Project, Option<i64>)> {
    let project = projects::project_by_code(tx, &opts.project)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("代码为 {} 的项目", opts.project),
            format!("project {}", opts.project),
        ))
    })?;
    let session_id = match opts.session {
        Some(n) => Some(
            sessions::session_number_of(tx, project.id, n)?
                .ok_or_else(|| {
                    Error::NotFound(pick(
                        format!("项目 {} 的第 {n} 场", project.code),
                        format!("session {n} of project {}", project.code),
                    ))
                })?
                .id,
        ),
        None => None,
    };
    Ok((project, session_id))
}
