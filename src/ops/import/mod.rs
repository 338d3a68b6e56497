//! Importing the files schools send (docs/rules.md §6): every row is validated
//! before anything is written; any bad row refuses the whole file with every
//! problem listed as `line N: column: problem`. The file is checked in a
//! snapshot without the write lock and written in one short transaction
//! (`phases`), with one audit entry summarising it (and one per updated row);
//! a dry run never takes the write lock. Re-importing
//! a file is idempotent: rows are matched by their natural key and updated;
//! a file that changes nothing writes nothing, not even an audit entry.

pub mod limits;
mod phases;
pub mod reader;
pub mod suggest;
pub mod table;

mod allotments;
mod credits;
mod driver;
mod enrolments;
mod marks;
mod marks_plan;
mod place_limits;
mod project_meta;
mod project_ref;
mod projects;
mod school_ref;
mod schools;
mod session_booking;
mod sessions;
mod spreadsheet;
mod teacher_ref;
mod teacher_roles;
mod teachers;
mod teachers_check;
mod teachers_plan;
mod teachers_row;
mod tier_cells;
mod trainer_ref;
mod trainers;
mod values;
mod xlsx_fast;
#[cfg(test)]
mod xlsx_hostile_tests;
mod xlsx_rows;
mod xlsx_scan;

use crate::error::{Error, Result};
use crate::store::{self, audit, Db};
use std::path::Path;
use table::{Column, Table};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Schools,
    Teachers,
    Trainers,
    Projects,
    Sessions,
    Enrolments,
    Marks,
    Allotments,
    /// Credit registrations from the provincial platform (学分登记; arrive 待审核).
    Credits,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Schools,
        Kind::Teachers,
        Kind::Trainers,
        Kind::Projects,
        Kind::Sessions,
        Kind::Enrolments,
        Kind::Marks,
        Kind::Allotments,
        Kind::Credits,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Schools => "schools",
            Kind::Teachers => "teachers",
            Kind::Trainers => "trainers",
            Kind::Projects => "projects",
            Kind::Sessions => "sessions",
            Kind::Enrolments => "enrolments",
            Kind::Marks => "marks",
            Kind::Allotments => "allotments",
            Kind::Credits => "credits",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Kind::Schools => "学校",
            Kind::Teachers => "教师",
            Kind::Trainers => "讲师",
            Kind::Projects => "培训项目",
            Kind::Sessions => "培训场次",
            Kind::Enrolments => "报名",
            Kind::Marks => "签到记录",
            Kind::Allotments => "名额分配",
            Kind::Credits => "学分登记",
        }
    }

    /// Accepts the code name (singular too) or the Chinese name.
    pub fn parse(text: &str) -> Option<Kind> {
        let t = text.trim().to_ascii_lowercase();
        Kind::ALL
            .iter()
            .copied()
            .find(|k| t == k.code() || t == k.code().trim_end_matches('s') || t == k.zh())
    }

    /// The columns this kind understands (for header detection and the README).
    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Schools => schools::COLUMNS,
            Kind::Teachers => teachers::COLUMNS,
            Kind::Trainers => trainers::COLUMNS,
            Kind::Projects => projects::COLUMNS,
            Kind::Sessions => sessions::COLUMNS,
            Kind::Enrolments => enrolments::COLUMNS,
            Kind::Marks => marks::COLUMNS,
            Kind::Allotments => allotments::COLUMNS,
            Kind::Credits => credits::COLUMNS,
        }
    }
}

/// Options of one import.
#[derive(Default)]
pub struct ImportOptions {
    /// `--project CODE`: the project of enrolments/marks rows without a project column.
    pub project: Option<String>,
    /// `--session N`: the session of marks rows without a session column.
    pub session: Option<usize>,
    /// Validate and count, write nothing.
    pub dry_run: bool,
    /// `--over-capacity`: enrolments may go beyond a school's places or a project's capacity.
    pub over_capacity: bool,
    /// Called with (rows done, rows in all) while writing; for a progress bar.
    pub progress: Option<Box<dyn Fn(u64, u64)>>,
    /// The largest file and row read (the documented limits by default).
    pub limits: limits::Limits,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub kind: &'static str,
    pub file: String,
    /// Data rows read (blank rows and the header not counted).
    pub rows: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
    /// Teachers added or updated (for refreshing a search index).
    #[serde(skip)]
    pub changed_teachers: Vec<i64>,
}

impl ImportReport {
    /// One line saying what an import did (or would do).
    pub fn summary(&self, chinese: bool) -> String {
        let r = self;
        let kind_zh = Kind::parse(r.kind).map_or(r.kind, Kind::zh);
        match (chinese, r.dry_run) {
            (true, false) => format!(
                "{}：读取 {} 行，新增 {}，更新 {}，未变 {}（{}）",
                kind_zh, r.rows, r.added, r.updated, r.unchanged, r.file
            ),
            (true, true) => format!(
                "{}：试运行，读取 {} 行，将新增 {}，将更新 {}，未变 {}；未写入任何数据（{}）",
                kind_zh, r.rows, r.added, r.updated, r.unchanged, r.file
            ),
            (false, false) => format!(
                "{}: {} rows read, {} added, {} updated, {} unchanged ({})",
                r.kind, r.rows, r.added, r.updated, r.unchanged, r.file
            ),
            (false, true) => format!(
                "{}: dry run, {} rows read, would add {}, would update {}, {} unchanged; nothing written ({})",
                r.kind, r.rows, r.added, r.updated, r.unchanged, r.file
            ),
        }
    }
}

/// Counts of one kind's writes.
#[derive(Debug, Default, Clone)]
pub(crate) struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub changed_teachers: Vec<i64>,
}

impl Counts {
    /// What a plan of `steps` writes will do, `added` of them additions.
    pub(crate) fn planned(added: usize, steps: usize, unchanged: usize) -> Counts {
        Counts {
            added,
            updated: steps - added,
            unchanged,
            changed_teachers: Vec::new(),
        }
    }
}

/// Everything a kind's import needs besides the table.
pub(crate) struct Context<'a> {
    pub opts: &'a ImportOptions,
    pub now: chrono::NaiveDateTime,
    pub actor: String,
}

impl Context<'_> {
    pub(crate) fn tick(&self, done: usize, total: usize) {
        if let Some(p) = &self.opts.progress {
            if done.is_multiple_of(1000) || done == total {
                p(done as u64, total as u64);
            }
        }
    }
}

/// Imports `path` as `kind` into `db` (one transaction; nothing written on any problem).
pub fn import_file(
    db: &mut Db,
    stamp: &store::Stamp,
    kind: Kind,
    path: &Path,
    opts: &ImportOptions,
) -> Result<ImportReport> {
    let file = file_name(path);
    refuse_the_database(db, path)?;
    let rows = reader::read_rows_within(path, &opts.limits)?;
    import_rows(db, stamp, kind, rows, &file, opts)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Refuses `path` when it is the database `db` has open (or its -wal, -shm or -journal file,
/// however spelled): reading it outside SQLite would drop this process's POSIX locks on it.
/// Every import that reads a file calls this before opening it.
pub fn refuse_the_database(db: &Db, path: &Path) -> Result<()> {
    if db.holds_file(path) {
        let file = file_name(path);
        return Err(Error::invalid(crate::lang::pick(
            format!("{file} 是正在使用的数据库本身，不能作为导入文件"),
            format!("{file} is the database in use itself, not a file to import"),
        )));
    }
    Ok(())
}

/// Imports already-read rows (the TUI preview and tests use this too): the
/// rows are checked in a snapshot, then written in one short transaction
/// (`phases`); a dry run only checks.
pub fn import_rows(
    db: &mut Db,
    stamp: &store::Stamp,
    kind: Kind,
    rows: Vec<reader::RawRow>,
    file: &str,
    opts: &ImportOptions,
) -> Result<ImportReport> {
    if rows.is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            format!("{file}：文件是空的（没有任何有文字的行）"),
            format!("{file}: the file is empty (no rows with any text)"),
        )));
    }
    let table = Table::locate(rows, kind.columns())?;
    if table.records.is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            format!("{file}：表头下面没有数据行"),
            format!("{file}: no data rows under the header"),
        )));
    }
    let ctx = Context {
        opts,
        now: stamp.now,
        actor: stamp.actor.clone(),
    };
    let report = |counts: Counts| ImportReport {
        kind: kind.code(),
        file: file.to_string(),
        rows: table.records.len(),
        added: counts.added,
        updated: counts.updated,
        unchanged: counts.unchanged,
        dry_run: opts.dry_run,
        changed_teachers: counts.changed_teachers,
    };
    let mut stale = Vec::new();
    for _ in 0..phases::ATTEMPTS {
        let plan = phases::check(db, kind, &table, &ctx)?;
        let expected = plan.expected();
        // A dry run writes nothing; a file that changes nothing leaves no audit
        // entry either (the log records changes, and re-imports are routine).
        if opts.dry_run || (expected.added == 0 && expected.updated == 0) {
            return Ok(report(expected));
        }
        let summary = |conn: &rusqlite::Connection, counts: &Counts| {
            audit::record(
                conn,
                &audit::AuditEntry {
                    at: ctx.now,
                    actor: &ctx.actor,
                    entity: audit::Entity::Import,
                    entity_id: None,
                    action: audit::AuditAction::Import(kind.code()),
                    before: None,
                    after: Some(serde_json::to_value(report(counts.clone())).unwrap_or_default()),
                    reason: "",
                },
            )
        };
        match phases::write(db, &*plan, &table, &ctx, summary)? {
            Ok(counts) => {
                let done = report(counts);
                // a big file's cells and plan are freed beside the caller, not before it goes on
                set_aside((table, plan));
                return Ok(done);
            }
            Err(s) => stale.push(s),
        }
    }
    Err(phases::gave_up(stale))
}

/// Drops `value` on a thread of its own (or here, when no thread can be started).
fn set_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("import-free".into())
        .spawn(move || drop(value));
}

/// Writes one audit entry for a row the import changed (updates only: the
/// summary entry covers additions).
pub(crate) fn audit_update(
    conn: &rusqlite::Connection,
    ctx: &Context,
    entity: audit::Entity,
    id: i64,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<()> {
    audit::record(
        conn,
        &audit::AuditEntry {
            at: ctx.now,
            actor: &ctx.actor,
            entity,
            entity_id: Some(id),
            action: audit::AuditAction::ImportUpdate,
            before: Some(before),
            after: Some(after),
            reason: "",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names_the_kind_in_the_users_language() {
        let r = ImportReport {
            kind: "teachers",
            file: "t.csv".into(),
            rows: 3,
            added: 2,
            updated: 1,
            unchanged: 0,
            dry_run: false,
            changed_teachers: Vec::new(),
        };
        assert_eq!(
            r.summary(true),
            "教师：读取 3 行，新增 2，更新 1，未变 0（t.csv）"
        );
        assert!(r.summary(false).starts_with("teachers: 3 rows read"));
    }
}
