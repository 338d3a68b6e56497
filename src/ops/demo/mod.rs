//! The demo district (`liaoyuan demo`, `liaoyuan --demo`): a realistic,
//! deterministic 潼南区 written in one transaction. The same seed on the same
//! day (the stamp's date; the CLI's clock is pinned by LIAOYUAN_NOW) gives the same rows.

mod aftercare;
mod attendance;
mod catalog;
mod credit_registrations;
mod feedback;
mod names;
mod people;
mod principals;
mod progress;
mod projects;
mod rng;
mod run;
mod schools;
mod staff_changes;
mod starlight;
mod survey;
mod tier_levels;
mod timing;

use crate::error::{Error, Result};
use crate::lang::{pick, Lang};
use crate::store::bulk::{self, BulkWriter};
use crate::store::{Db, OpenMode, Stamp};
use chrono::NaiveDate;
use people::{SchoolInfo, TeacherInfo};
use rng::Rng;
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub teachers: usize,
    pub seed: u64,
    /// Show a progress bar on stderr (the caller decides: large N, stderr a terminal).
    pub progress: bool,
}

/// Smallest district the generator makes (the fixed same-name teachers and
/// a few projects need room).
pub const MIN_TEACHERS: usize = 50;
/// Teachers of the `--demo` district.
pub const DEMO_TEACHERS: usize = 2000;

/// Row counts of a generated district.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub schools: usize,
    pub teachers: usize,
    pub trainers: usize,
    pub projects: usize,
    pub sessions: usize,
    pub enrolments: usize,
    pub marks: usize,
    pub follow_ups: usize,
    pub credit_entries: usize,
    pub feedback: usize,
}

/// The generator's state while it writes.
pub(crate) struct Gen<'c> {
    w: BulkWriter,
    rng: Rng,
    today: NaiveDate,
    teachers: usize,
    schools: Vec<SchoolInfo>,
    teacher_info: Vec<TeacherInfo>,
    teacher_names: Vec<String>,
    active_trainers: Vec<i64>,
    certified_trainer: Option<i64>,
    /// Teachers by (stage, subject) and by stage; backbone and above.
    pools: HashMap<(String, String), Vec<i64>>,
    stage_pools: HashMap<String, Vec<i64>>,
    strong: Vec<i64>,
    session_id: i64,
    /// The veto scope of the project being written (its marks copy it).
    veto_scope: bool,
    /// Today's desk: indices into its enrolled teachers (leaves first).
    desk_order: Vec<usize>,
    register_not_taken: bool,
    corrected_mark: Option<(i64, i64, String)>,
    counts: Summary,
    /// The file's presence share (`min_presence_pct`), for each mark's presence.
    min_presence_pct: i64,
    /// The marks' derived counts, written once after the load.
    tally: bulk::MarkTally,
    /// The school report's derived counts, written once after the load.
    report: bulk::ReportTally,
    progress: &'c progress::Progress,
}

impl Gen<'_> {
    /// `n` more rows written (for the progress bar).
    fn tick(&self, n: u64) {
        self.progress.rows(n);
    }
}

/// Writes a demo district into `path`. Refuses a file that already holds data;
/// a failure leaves no partial district behind.
pub fn generate(path: &Path, opts: &DemoOptions, stamp: &Stamp) -> Result<Summary> {
    generate_for(path, opts, stamp, Lang::Zh)
}

/// `generate`, with the progress bar (when `opts.progress`) in `lang`.
pub fn generate_for(path: &Path, opts: &DemoOptions, stamp: &Stamp, lang: Lang) -> Result<Summary> {
    if opts.teachers < MIN_TEACHERS {
        return Err(Error::invalid(pick(
            format!("--teachers 至少为 {MIN_TEACHERS}"),
            format!("--teachers must be at least {MIN_TEACHERS}"),
        )));
    }
    let mut time = timing::Timing::from_env();
    let mut db = Db::open(path, OpenMode::Create)?;
    time.lap("open");
    if bulk::data_rows(&db.conn)? > 0 {
        let p = path.display();
        return Err(Error::invalid(pick(
            format!("{p} 中已有数据；演示数据只写入新的或空的数据库（请换一个 --db PATH）"),
            format!("{p} already holds data; demo writes only into a new or empty database (choose another --db PATH)"),
        )));
    }
    let progress = progress::Progress::new(opts.progress, opts.teachers, lang);
    // One big transaction into a new file.
    let summary = db.in_bulk_mode(cache_kib(opts.teachers), |db| {
        let tx = db.write(stamp)?;
        time.lap("begin");
        let summary = run::write_district(&tx, opts, stamp.now.date(), &progress, &mut time)?;
        crate::store::search_keys::refresh(&tx)?;
        time.lap("search keys");
        progress.closing(0.83);
        tx.commit()?;
        time.lap("commit");
        progress.closing(0.96);
        Ok(summary)
    });
    progress.finish();
    summary.inspect(|_| {
        time.lap("back to WAL");
        time.total("total");
    })
}

/// The page cache for writing a district of `teachers`: the whole file stays in memory
/// (about 4 KiB a teacher), from 128 MiB up to 1.5 GiB.
fn cache_kib(teachers: usize) -> i64 {
    (teachers as i64 * 4).clamp(128 << 10, 1536 << 10)
}

/// Creates the `--demo` database (2,000 teachers, seed 1) when it is absent or empty.
pub fn ensure_demo(path: &Path, stamp: &Stamp) -> Result<()> {
    if path.exists() {
        let db = Db::open(path, OpenMode::Create)?;
        if bulk::data_rows(&db.conn)? > 0 {
            return Ok(());
        }
    }
    generate(
        path,
        &DemoOptions {
            teachers: DEMO_TEACHERS,
            seed: 1,
            progress: false,
        },
        stamp,
    )
    .map(|_| ())
}

/// Writes the district through `conn` (inside the caller's transaction).
pub fn generate_into(conn: &Connection, opts: &DemoOptions, today: NaiveDate) -> Result<Summary> {
    let progress = progress::Progress::new(opts.progress, opts.teachers, Lang::Zh);
    let summary = run::write_district(
        conn,
        opts,
        today,
        &progress,
        &mut timing::Timing::from_env(),
    );
    progress.finish();
    summary
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} schools, {} teachers, {} trainers, {} projects, {} sessions, {} enrolments, {} marks, {} follow-ups, {} credit entries, {} feedback",
            self.schools,
            self.teachers,
            self.trainers,
            self.projects,
            self.sessions,
            self.enrolments,
            self.marks,
            self.follow_ups,
            self.credit_entries,
            self.feedback
        )
    }
}

#[cfg(test)]
mod derived_tests;
#[cfg(test)]
mod tests;
