//! The school report over millions of marks, and a large teacher import.

use super::ratios::{self, Goal, Ratios, Row};
use super::waits::Desk;
use super::{line, ms, spread, Res};
use chrono::Datelike;
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{settings, Db, OpenMode};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

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

/// The 100,000-row roster of the import figures.
pub const IMPORT_ROWS: usize = 100_000;

/// 100,000 teacher rows into a small district: as a new user would (the `liaoyuan import`
/// process, CSV and XLSX) beside `sqlite3 .import --csv` of the same file, in alternating
/// rounds; then in-process, first as a dry run and then for real, each with a desk
/// committing beside it.
pub fn import_teachers(dir: &Path, ratios: &mut Ratios) -> Res<()> {
    let base = dir.join("import-base.db");
    let opts = liaoyuan::ops::demo::DemoOptions {
        teachers: 60,
        seed: 2,
        progress: false,
    };
    liaoyuan::ops::demo::generate(&base, &opts, &crate::stamp())?;
    let schools: Vec<(String, String)> = {
        let db = Db::open(&base, OpenMode::Existing)?;
        let mut st = db
            .conn
            .prepare("SELECT name, stage FROM schools ORDER BY id")?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows
    };
    let rows = roster(&schools);
    let file = dir.join("teachers.csv");
    let mut csv = String::new();
    for r in &rows {
        csv.push_str(&r.join(","));
        csv.push('\n');
    }
    std::fs::write(&file, csv)?;
    let xlsx = dir.join("teachers.xlsx");
    write_xlsx(&xlsx, &rows)?;

    let cli = ratios::sqlite3_cli();
    let (mut anchor, mut ours_csv, mut ours_xlsx) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..3 {
        anchor.push(ms(ratios::sqlite_import_csv(dir, &file, cli)?));
        ours_csv.push(ms(import_process(dir, &base, &file, round)?));
        ours_xlsx.push(ms(import_process(dir, &base, &xlsx, round)?));
    }
    let (anchor, _, _, _) = spread(anchor);
    let (csv_ms, _, _, _) = spread(ours_csv);
    let (xlsx_ms, _, _, _) = spread(ours_xlsx);
    let what = if cli {
        "sqlite3 .import --csv, fresh file"
    } else {
        "raw rusqlite INSERTs (no sqlite3 CLI installed)"
    };
    ratios.push(Row {
        figure: format!("import teachers, {IMPORT_ROWS}-row CSV (process)"),
        ours: csv_ms,
        anchor: Some((anchor, what.into())),
        goal: Goal::Ratio(4.0),
    });
    ratios.push(Row {
        figure: format!("import teachers, {IMPORT_ROWS}-row XLSX (process)"),
        ours: xlsx_ms,
        anchor: Some((csv_ms, "our CSV import of the same rows".into())),
        goal: Goal::Ratio(1.3),
    });
    ratios.notes.push(format!(
        "imports: median of 3 alternating rounds, each into a fresh copy of a 60-teacher district{}",
        if cli {
            ""
        } else {
            "; the sqlite3 CLI is not installed (apt-get install sqlite3), so the anchor is rusqlite"
        }
    ));
    in_process(dir, &base, &file)
}

/// The roster: a header and `IMPORT_ROWS` teachers spread over `schools`.
fn roster(schools: &[(String, String)]) -> Vec<Vec<String>> {
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
    let header = "staff_no,name,gender,school,subject,stage,phone,tier";
    let mut rows = vec![header.split(',').map(String::from).collect::<Vec<_>>()];
    for i in 0..IMPORT_ROWS {
        let (school, stage) = &schools[i % schools.len()];
        let gender = if i % 3 == 0 { "男" } else { "女" };
        rows.push(vec![
            format!("S{:06}", i + 1),
            names[i % names.len()].to_string(),
            gender.to_string(),
            school.clone(),
            "语文".to_string(),
            stage.clone(),
            format!("139{:08}", i * 37 % 100_000_000),
            "合格教师".to_string(),
        ]);
    }
    rows
}

fn write_xlsx(path: &Path, rows: &[Vec<String>]) -> Res<()> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, cell)?;
        }
    }
    book.save(path)?;
    Ok(())
}

/// `liaoyuan import teachers FILE` into a fresh copy of `base`: the process's wall time.
fn import_process(dir: &Path, base: &Path, file: &Path, round: usize) -> Res<Duration> {
    let db = dir.join(format!("import-{round}.db"));
    let _ = std::fs::remove_file(&db);
    std::fs::copy(base, &db)?;
    let took = ratios::timed(
        Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
            .args(["--lang", "en", "import", "teachers"])
            .arg(file)
            .arg("--db")
            .arg(&db),
    )?;
    std::fs::remove_file(&db)?;
    Ok(took)
}

/// The same file imported in this process into a copy of `base`, first as a dry run, then
/// for real, each with a desk committing beside it.
fn in_process(dir: &Path, base: &Path, file: &Path) -> Res<()> {
    let path = dir.join("import.db");
    std::fs::copy(base, &path)?;
    let mut db = Db::open(&path, OpenMode::Existing)?;
    let dry = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let desk = Desk::start(&path)?;
    let t = Instant::now();
    import_file(&mut db, &crate::stamp(), Kind::Teachers, file, &dry)?;
    let dry_secs = t.elapsed().as_secs_f64();
    let dry_waits = desk.stop()?;
    let desk = Desk::start(&path)?;
    let t = Instant::now();
    let report = import_file(
        &mut db,
        &crate::stamp(),
        Kind::Teachers,
        file,
        &ImportOptions::default(),
    )?;
    let secs = t.elapsed().as_secs_f64();
    let waits = desk.stop()?;
    line(
        &format!("import {} teacher rows (CSV, in process)", report.added),
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
