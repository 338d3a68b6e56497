//! The school report over millions of marks, and a large teacher import.

use super::waits::Desk;
use super::{line, ms, spread, Res};
use chrono::Datelike;
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{settings, Db, OpenMode};
use std::path::Path;
use std::time::Instant;

pub fn school_report(path: &Path) -> Res<()> {
    let db = Db::open(path, OpenMode::ReadOnly)?;
    let s = settings::load(&db.conn)?;
    let today = liaoyuan::clock::today();
    let marks: i64 = db
        .conn
        .query_row("SELECT count(*) FROM marks", [], |r| r.get(0))?;
    // The last full year has the most marks.
    let year = today.year() - 1;
    let (from, to) = liaoyuan::domain::veto::veto_year_range(year, s.veto_year_start_month);
    let cycle = liaoyuan::domain::credits::cycle_of(today, &s);
    let t = Instant::now();
    let rows = liaoyuan::store::reports::school_attendance(&db.conn, from, to)?;
    let took = ms(t.elapsed());
    line(
        &format!("school report {year}, attendance/vetoes, {marks} marks"),
        format!("{took:.0} ms"),
        "≤ 50 ms",
        Some(took <= 50.0),
    );
    let t = Instant::now();
    let whole = liaoyuan::store::reports::school_report(&db.conn, from, to, &cycle, today, &s)?;
    println!(
        "  ({} schools; whole report with sending, follow-ups and credit pace: {:.0} ms)",
        rows.len().max(whole.len()),
        ms(t.elapsed())
    );
    Ok(())
}

/// 100,000 teacher rows from CSV into a small district, first as a dry run,
/// then for real, each with a desk committing beside it.
pub fn import_teachers(dir: &Path) -> Res<()> {
    let path = dir.join("import.db");
    let opts = liaoyuan::ops::demo::DemoOptions {
        teachers: 60,
        seed: 2,
        progress: false,
    };
    liaoyuan::ops::demo::generate(&path, &opts, &crate::stamp())?;
    let mut db = Db::open(&path, OpenMode::Existing)?;
    let schools: Vec<(String, String)> = db
        .conn
        .prepare("SELECT name, stage FROM schools ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut csv = String::from("staff_no,name,gender,school,subject,stage,phone,tier\n");
    let names = [
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "陈静",
        "杨磊",
        "黄丽",
        "赵强",
        "曾小红",
        "谭文斌",
    ];
    for i in 0..100_000usize {
        let (school, stage) = &schools[i % schools.len()];
        let gender = if i % 3 == 0 { "男" } else { "女" };
        csv.push_str(&format!(
            "S{:06},{},{gender},{school},语文,{stage},139{:08},合格教师\n",
            i + 1,
            names[i % names.len()],
            i * 37 % 100_000_000
        ));
    }
    let file = dir.join("teachers.csv");
    std::fs::write(&file, csv)?;
    let dry = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let desk = Desk::start(&path)?;
    let t = Instant::now();
    import_file(&mut db, &crate::stamp(), Kind::Teachers, &file, &dry)?;
    let dry_secs = t.elapsed().as_secs_f64();
    let dry_waits = desk.stop()?;
    let desk = Desk::start(&path)?;
    let t = Instant::now();
    let report = import_file(
        &mut db,
        &crate::stamp(),
        Kind::Teachers,
        &file,
        &ImportOptions::default(),
    )?;
    let secs = t.elapsed().as_secs_f64();
    let waits = desk.stop()?;
    line(
        &format!("import {} teacher rows (CSV)", report.added),
        format!("{secs:.2} s"),
        "≤ 1.5 s",
        Some(secs <= 1.5),
    );
    let commits = waits.len();
    let (median, _, _, longest) = spread(waits);
    line(
        "longest desk wait for the write lock during that import",
        format!("{longest:.0} ms"),
        "< 1 s",
        Some(longest < 1000.0),
    );
    let (_, _, _, dry_longest) = spread(dry_waits);
    println!(
        "  ({commits} desk commits during the import, median wait {median:.2} ms; \
         dry run {dry_secs:.2} s, longest desk wait {dry_longest:.1} ms)"
    );
    Ok(())
}
