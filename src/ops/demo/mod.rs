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
mod projects;
mod rng;
mod schools;
mod staff_changes;
mod starlight;
mod survey;
mod tier_levels;

use crate::error::{Error, Result};
use crate::lang::pick;
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
    w: BulkWriter<'c>,
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
    /// Today's desk: indices into its enrolled teachers (leaves first).
    desk_order: Vec<usize>,
    register_not_taken: bool,
    corrected_mark: Option<(i64, i64, String)>,
    counts: Summary,
    progress: Option<indicatif::ProgressBar>,
}

impl Gen<'_> {
    fn tick(&self, n: u64) {
        if let Some(p) = &self.progress {
            p.inc(n);
        }
    }
}

/// Writes a demo district into `path`. Refuses a file that already holds data;
/// a failure leaves no partial district behind.
pub fn generate(path: &Path, opts: &DemoOptions, stamp: &Stamp) -> Result<Summary> {
    if opts.teachers < MIN_TEACHERS {
        return Err(Error::invalid(pick(
            format!("--teachers 至少为 {MIN_TEACHERS}"),
            format!("--teachers must be at least {MIN_TEACHERS}"),
        )));
    }
    let mut db = Db::open(path, OpenMode::Create)?;
    if bulk::data_rows(&db.conn)? > 0 {
        let p = path.display();
        return Err(Error::invalid(pick(
            format!("{p} 中已有数据；演示数据只写入新的或空的数据库（请换一个 --db PATH）"),
            format!("{p} already holds data; demo writes only into a new or empty database (choose another --db PATH)"),
        )));
    }
    // One big transaction into a new file.
    db.in_bulk_mode(|db| {
        let tx = db.write(stamp)?;
        let summary = generate_into(&tx, opts, stamp.now.date())?;
        crate::store::search_keys::refresh(&tx)?;
        tx.commit()?;
        Ok(summary)
    })
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
    let project_count = projects::count_for(opts.teachers);
    let progress = opts.progress.then(|| {
        let bar = indicatif::ProgressBar::new((opts.teachers + project_count) as u64);
        if let Ok(style) =
            // Elapsed / the estimate of what is left (language-neutral: the bar has no --lang).
            indicatif::ProgressStyle::with_template(
                "{msg:8} [{bar:40}] {percent:>3}% {elapsed} / ~{eta}",
            )
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    });
    // Indexes, the mark triggers and the report counts' triggers are rebuilt once at the end.
    let dropped = bulk::drop_indexes(conn, bulk::BULK_TABLES)?;
    let mut triggers = bulk::drop_triggers(conn, "marks")?;
    triggers.extend(bulk::drop_count_triggers(conn)?);
    let mut g = Gen {
        w: BulkWriter::new(conn)?,
        rng: Rng::new(opts.seed),
        today,
        teachers: opts.teachers,
        schools: Vec::new(),
        teacher_info: Vec::with_capacity(opts.teachers),
        teacher_names: Vec::with_capacity(opts.teachers),
        active_trainers: Vec::new(),
        certified_trainer: None,
        pools: HashMap::new(),
        stage_pools: HashMap::new(),
        strong: Vec::new(),
        session_id: 0,
        desk_order: Vec::new(),
        register_not_taken: false,
        corrected_mark: None,
        counts: Summary::default(),
        progress,
    };
    if let Some(p) = &g.progress {
        p.set_message("教师");
    }
    people::write_schools(&mut g)?;
    people::write_teachers(&mut g)?;
    build_pools(&mut g);
    people::write_trainers(&mut g)?;
    if let Some(p) = &g.progress {
        p.set_message("培训项目");
    }
    let plans = projects::plan_all(&mut g);
    let mut seq = HashMap::new();
    for (i, plan) in plans.iter().enumerate() {
        let code = projects::code(&mut seq, plan);
        let written = attendance::write_project(&mut g, plan, i as i64 + 1, &code)?;
        aftercare::complete_project(&mut g, &written)?;
        g.tick(1);
    }
    aftercare::manual_credits(&mut g)?;
    credit_registrations::write(&mut g)?;
    aftercare::audit_rows(&mut g)?;
    staff_changes::write(&mut g)?;
    tier_levels::write(&mut g)?;
    starlight::write(&mut g)?;
    principals::write(&mut g)?;
    feedback::write(&mut g)?;
    survey::write(&mut g)?;
    if let Some(p) = &g.progress {
        p.set_message("索引");
    }
    drop(g.w);
    bulk::recreate_indexes(conn, &dropped)?;
    bulk::rebuild_mark_counts(conn)?;
    bulk::rebuild_report_counts(conn)?;
    bulk::recreate_triggers(conn, &triggers)?;
    if let Some(p) = &g.progress {
        p.finish_and_clear();
    }
    g.counts.schools = g.schools.len();
    g.counts.teachers = g.teachers;
    Ok(g.counts)
}

fn build_pools(g: &mut Gen) {
    for (i, t) in g.teacher_info.iter().enumerate() {
        let id = i as i64 + 1;
        let stage = g.schools[t.school].stage.clone();
        g.pools
            .entry((stage.clone(), t.subject.to_string()))
            .or_default()
            .push(id);
        g.stage_pools.entry(stage).or_default().push(id);
        if t.tier >= 2 {
            g.strong.push(id);
        }
    }
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
mod tests;
