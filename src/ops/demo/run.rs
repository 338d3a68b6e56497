//! The generator's stages in order, inside the caller's transaction: the load drops the
//! secondary indexes and the counting triggers, writes the rows (most of them in batches,
//! generated on a second thread while this one inserts them), then builds the indexes and
//! writes the derived counts once, and puts the triggers back.

use super::progress::{Progress, Stage};
use super::timing::Timing;
use super::*;

pub(super) fn write_district(
    conn: &Connection,
    opts: &DemoOptions,
    today: NaiveDate,
    progress: &Progress,
    time: &mut Timing,
) -> Result<Summary> {
    // Indexes and the triggers that count or forget rows row by row (marks' and the report's
    // counts, cycle totals, search keys) are put back once at the end, their tables'
    // contents recomputed.
    let dropped = bulk::drop_indexes(conn, bulk::BULK_TABLES)?;
    let mut triggers = bulk::drop_triggers(conn, "marks")?;
    triggers.extend(bulk::drop_count_triggers(conn)?);
    triggers.extend(bulk::drop_triggers(conn, "teachers")?);
    triggers.extend(bulk::drop_triggers(conn, "credit_entries")?);
    // Marks without their virtual columns while they are written (none of the load's
    // statements reads them before `restore`).
    let plain_marks = bulk::strip_virtual_columns(conn, "marks")?;
    let (writer, inserter) = BulkWriter::new(conn)?;
    let g = Gen {
        w: writer,
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
        veto_scope: false,
        desk_order: Vec::new(),
        register_not_taken: false,
        corrected_mark: None,
        counts: Summary::default(),
        min_presence_pct: crate::store::settings::load(conn)?.min_presence_pct,
        tally: bulk::MarkTally::default(),
        report: bulk::ReportTally::default(),
        progress,
    };
    time.lap("drop indexes, triggers");
    let mut g = generate_rows(g, inserter, time)?;
    g.w.verify(conn)?;
    time.lap("inserts after generation");
    if let Some(plain) = plain_marks {
        plain.restore(conn)?;
    }
    write_details(&mut g, conn, time)?;
    let Gen {
        tally,
        report,
        mut counts,
        schools,
        teachers,
        ..
    } = g;
    progress.rows_done();
    progress.stage(Stage::Indexes);
    for (i, index) in dropped.iter().enumerate() {
        bulk::recreate_indexes(conn, std::slice::from_ref(index))?;
        time.lap(&format!("index {}", index.0));
        progress.closing(0.71 * (i + 1) as f64 / dropped.len() as f64);
    }
    tally.write(conn)?;
    time.lap("mark counts");
    report.write(conn, &tally)?;
    time.lap("report counts");
    bulk::rebuild_cycle_credits(conn)?;
    bulk::forget_search_keys(conn)?;
    time.lap("cycle credits, search keys");
    bulk::recreate_triggers(conn, &triggers)?;
    time.lap("triggers");
    progress.closing(0.79);
    counts.schools = schools.len();
    counts.teachers = teachers;
    Ok(counts)
}

/// Rows written so far (for the progress bar): those the summary counts.
fn rows(c: &Summary) -> u64 {
    (c.sessions + c.enrolments + c.marks + c.follow_ups + c.credit_entries + c.feedback) as u64
}

/// Generates the rows on a second thread, which hands them over in chunks to this one (the
/// connection's) to insert; returns the generator once every row is in its table. The
/// generator's stages are timed as it sees them (waiting for the inserts included).
fn generate_rows<'p>(
    g: Gen<'p>,
    inserter: bulk::Inserter<'_>,
    time: &mut Timing,
) -> Result<Gen<'p>> {
    std::thread::scope(|s| {
        let worker = s.spawn(move || -> Result<Gen<'p>> {
            let mut g = g;
            write_rows(&mut g, time)?;
            g.w.close()?;
            Ok(g)
        });
        // On an error the inserter drops its end of the channel, which stops the generator.
        let inserted = inserter.run();
        let generated = worker.join().map_err(|_| {
            Error::invalid(pick(
                "演示数据的生成线程意外中止",
                "the demo's generator thread stopped unexpectedly",
            ))
        });
        inserted?;
        generated?
    })
}

fn write_rows(g: &mut Gen, time: &mut Timing) -> Result<()> {
    g.progress.stage(Stage::Teachers);
    people::write_schools(g)?;
    time.lap("schools");
    people::write_teachers(g)?;
    time.lap("teachers");
    build_pools(g);
    people::write_trainers(g)?;
    time.lap("trainers");
    g.progress.stage(Stage::Projects);
    let plans = projects::plan_all(g);
    time.lap("plan projects");
    let mut seq = HashMap::new();
    for (i, plan) in plans.iter().enumerate() {
        let before = rows(&g.counts);
        let code = projects::code(&mut seq, plan);
        let written = attendance::write_project(g, plan, i as i64 + 1, &code)?;
        time.add("projects: sessions, marks");
        aftercare::complete_project(g, &written)?;
        time.add("projects: credits, follow-ups");
        g.tick(rows(&g.counts) - before);
    }
    time.report_sums();
    g.progress.stage(Stage::Details);
    let before = rows(&g.counts);
    aftercare::manual_credits(g)?;
    time.lap("manual credits");
    g.tick(rows(&g.counts) - before);
    Ok(())
}

/// The parts that read the rows written (every batched row must be in the tables).
fn write_details(g: &mut Gen, conn: &Connection, time: &mut Timing) -> Result<()> {
    let before = rows(&g.counts);
    credit_registrations::write(g, conn)?;
    time.lap("credit registrations");
    aftercare::audit_rows(g, conn)?;
    staff_changes::write(g, conn)?;
    time.lap("staff changes");
    starlight::write(g, conn)?;
    time.lap("starlight");
    principals::write(g, conn)?;
    time.lap("principals");
    feedback::write(g, conn)?;
    time.lap("feedback");
    survey::write(g, conn)?;
    time.lap("survey");
    g.tick(rows(&g.counts) - before);
    Ok(())
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
