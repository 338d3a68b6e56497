//! `import survey FILE [--title T] [--map TEXT=ROLE]…`: a needs-survey export (问卷星 style,
//! see `ops::questionnaire`): per teacher the subject, the stage, the topics wanted (a
//! multi-choice answer) and the preferred training form. Every row is checked first — the
//! teacher found by staff number or by name and school, the stage and the form readable — and
//! every problem is listed as `line N: column: problem`; then all rows are written in one
//! transaction, or none. A teacher who answers again (a later export of the same survey, or
//! a second answer sheet in the file) keeps only the latest answer: importing the same file
//! twice changes nothing but the count of answers replaced.

use super::questionnaire::{respondent, submitted_at, Sheet};
use super::survey_columns::{Columns, MAPPING_KEY};
use crate::domain::survey::{parse_form, split_topics};
use crate::domain::Stage;
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::audit::{AuditAction, Entity};
use crate::store::questionnaires::save_column_mapping;
use crate::store::surveys::{self, Response};
use crate::store::{Audit, Db, Stamp};
use rusqlite::Connection;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct SurveyImport {
    /// The survey's title; else the file's title row; else the file's name.
    pub title: Option<String>,
    /// `question text=role` pairs to save into the mapping before reading.
    pub map: Vec<String>,
    pub dry_run: bool,
}

/// What an import did (or would do).
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyReport {
    pub survey: String,
    /// Answers of teachers new to the survey, and answers that replaced an earlier one.
    pub added: usize,
    pub replaced: usize,
    /// Questions no role was found for: ignored, listed.
    pub ignored: Vec<String>,
    pub dry_run: bool,
}

impl SurveyReport {
    pub fn summary(&self) -> Text {
        let (title, added, replaced) = (&self.survey, self.added, self.replaced);
        let mut t = if self.dry_run {
            pick(
                format!("检查通过：调研“{title}”可导入 {added} 份新答卷，替换 {replaced} 份旧答卷（试运行，未写入）"),
                format!("checked: survey '{title}' would get {added} new answers and {replaced} replaced (dry run, nothing written)"),
            )
        } else {
            pick(
                format!("已导入调研“{title}”：新答卷 {added} 份，替换旧答卷 {replaced} 份"),
                format!("imported survey '{title}': {added} new answers, {replaced} replaced"),
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

/// Imports a needs-survey export.
pub fn import_survey(
    db: &mut Db,
    stamp: &Stamp,
    path: &Path,
    opts: &SurveyImport,
) -> Result<SurveyReport> {
    super::import::refuse_the_database(db, path)?;
    let sheet = Sheet::read(path)?;
    let title = opts
        .title
        .clone()
        .or(sheet.title.clone())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "needs survey".into())
        });
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if opts.dry_run {
        // Read only: a dry run never takes the write lock.
        let planned = plan(&db.conn, stamp, &sheet, opts)?;
        let survey = surveys::survey_by_title(&db.conn, &title)?;
        let replaced = match survey {
            Some(id) => count_answered(&db.conn, id, &planned.ready)?,
            None => 0,
        };
        return Ok(SurveyReport {
            survey: title.trim().to_string(),
            added: planned.ready.len() - replaced,
            replaced,
            ignored: planned.columns.ignored,
            dry_run: true,
        });
    }
    let tx = db.write(stamp)?;
    let planned = plan(&tx, stamp, &sheet, opts)?;
    let held_on = planned
        .ready
        .iter()
        .map(|r| r.submitted_at.get(..10).unwrap_or_default())
        .max()
        .map(str::to_string)
        .unwrap_or_else(|| stamp.now.date().format(crate::domain::DATE_FMT).to_string());
    let now = stamp.now.format(crate::domain::DATETIME_FMT).to_string();
    let survey_id = surveys::upsert_survey(&tx, &title, &held_on, &file, &now)?;
    let mut replaced = 0;
    for r in &planned.ready {
        if surveys::save_response(&tx, survey_id, r)? {
            replaced += 1;
        }
    }
    if !opts.map.is_empty() {
        save_column_mapping(&tx, MAPPING_KEY, &planned.columns.mapping)?;
    }
    let report = SurveyReport {
        survey: title.trim().to_string(),
        added: planned.ready.len() - replaced,
        replaced,
        ignored: planned.columns.ignored,
        dry_run: false,
    };
    tx.audit(Audit {
        entity: Entity::Import,
        entity_id: Some(survey_id),
        action: AuditAction::Import("survey"),
        before: None,
        after: Some(json!({
            "survey": report.survey, "file": file,
            "added": report.added, "replaced": report.replaced,
        })),
        reason: "",
    })?;
    tx.commit()?;
    Ok(report)
}

/// How many of `ready` answer survey `survey_id` again.
fn count_answered(conn: &Connection, survey_id: i64, ready: &[Response]) -> Result<usize> {
    let mut st = conn.prepare(
        "SELECT count(*) FROM survey_responses WHERE survey_id = ?1 AND teacher_id = ?2",
    )?;
    let mut n = 0;
    for r in ready {
        let found: i64 =
            st.query_row(rusqlite::params![survey_id, r.teacher_id], |row| row.get(0))?;
        n += found as usize;
    }
    Ok(n)
}

/// The checked answers (one per teacher, the latest), or every problem.
struct Planned {
    ready: Vec<Response>,
    columns: Columns,
}

fn plan(conn: &Connection, stamp: &Stamp, sheet: &Sheet, opts: &SurveyImport) -> Result<Planned> {
    let columns = Columns::locate(conn, sheet, &opts.map)?;
    let c = &columns;
    let now = stamp.now.format(crate::domain::DATETIME_FMT).to_string();
    let mut problems: Vec<Text> = Vec::new();
    // Per teacher, the latest answer sheet.
    let mut latest: BTreeMap<i64, Response> = BTreeMap::new();
    for row in &sheet.rows {
        let line = row.line;
        let at = |column: Option<usize>, p: Text| {
            let label = column
                .and_then(|i| sheet.header.get(i))
                .cloned()
                .unwrap_or_default();
            p.map(|p| format!("line {line}: {label}: {p}"))
        };
        let before = problems.len();
        let teacher = match respondent(conn, row, c.staff, c.name, c.school) {
            Ok(id) => Some(id),
            Err((col, p)) => {
                problems.push(at(col, p));
                None
            }
        };
        let (stage, form) = stage_and_form(row, c, &mut |col, p| problems.push(at(col, p)));
        let topics = split_topics(Sheet::cell(row, Some(c.topics)));
        let Some(teacher_id) = teacher.filter(|_| problems.len() == before) else {
            continue;
        };
        let (own_subject, own_stage) = surveys::teacher_subject_stage(conn, teacher_id)?;
        let subject = match Sheet::cell(row, c.subject) {
            "" => own_subject,
            s => s.to_string(),
        };
        let submitted = submitted_at(Sheet::cell(row, c.submitted)).unwrap_or_else(|| now.clone());
        let answer = Response {
            teacher_id,
            subject,
            stage: stage.or(own_stage),
            form,
            topics,
            submitted_at: submitted,
        };
        match latest.get(&teacher_id) {
            Some(earlier) if earlier.submitted_at > answer.submitted_at => {}
            _ => {
                latest.insert(teacher_id, answer);
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Rows(problems));
    }
    Ok(Planned {
        ready: latest.into_values().collect(),
        columns,
    })
}

/// The stage and form of an answer; an unreadable one is told to `bad` (column, problem).
fn stage_and_form(
    row: &super::import::reader::RawRow,
    c: &Columns,
    bad: &mut dyn FnMut(Option<usize>, Text),
) -> (
    Option<Stage>,
    Option<crate::domain::principals::TrainingForm>,
) {
    use crate::domain::principals::TrainingForm;
    let stage_text = Sheet::cell(row, c.stage);
    let stage = match Stage::parse(stage_text) {
        Some(s) => Some(s),
        None if stage_text.is_empty() => None,
        None => {
            bad(
                c.stage,
                pick(
                    format!("“{stage_text}”不是学段（{}）", Stage::choices()),
                    format!("'{stage_text}' is not a stage ({})", Stage::choices()),
                ),
            );
            None
        }
    };
    let form_text = Sheet::cell(row, c.form);
    let form = parse_form(form_text).unwrap_or_else(|()| {
        bad(
            c.form,
            pick(
                format!("“{form_text}”不是培训形式（{}）", TrainingForm::choices()),
                format!(
                    "'{form_text}' is not a training form ({})",
                    TrainingForm::choices()
                ),
            ),
        );
        None
    });
    (stage, form)
}
