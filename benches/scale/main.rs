//! The scale benchmark (docs/rules.md §8): builds a 200,000-teacher demo district
//! and prints each figure beside its target. `cargo bench --bench scale`. At the end, issue
//! 11's figures beside SQLite alone, measured in the same run (`ratios`).
//!
//! LIAOYUAN_BENCH_DB=PATH keeps the district in PATH and reuses it next time;
//! LIAOYUAN_BENCH_TEACHERS=N changes its size (default 200000);
//! LIAOYUAN_BENCH_SHOW=1 prints the Check-in desk screen that was measured.

mod contention;
mod data;
mod desk;
mod lookup;
mod ratios;
mod redraw;
mod search;
mod startup;
mod waits;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn line(figure: &str, value: String, target: &str, ok: Option<bool>) {
    let verdict = match ok {
        Some(true) => "ok",
        Some(false) => "MISSED",
        None => "",
    };
    println!("{figure:<54} {value:>12}   target {target:<14} {verdict}");
}

/// (median, p95, p99, max) in milliseconds.
pub fn spread(mut v: Vec<f64>) -> (f64, f64, f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0, 0.0, 0.0);
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), at(0.99), v[v.len() - 1])
}

pub fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Res<()> {
    let teachers: usize = std::env::var("LIAOYUAN_BENCH_TEACHERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let temp = tempfile::tempdir()?;
    let path = std::env::var_os("LIAOYUAN_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().join("scale.db"));
    println!(
        "Liaoyuan scale benchmark — docs/rules.md §8 ({teachers} teachers, {})",
        path.display()
    );
    println!("{:<54} {:>12}", "figure", "measured");
    let mut ratios = ratios::Ratios::default();
    generate(&path, teachers, &mut ratios)?;
    lookup::lookup_process(&path, &mut ratios)?;
    let index = startup::first_frame(&path, &mut ratios)?;
    search::search_per_keystroke(&index, &mut ratios);
    let desk = desk::desk_session(&path)?;
    let arrivals = desk::arrival_order(&path, desk.0, &desk.1)?;
    search::desk_simulation(&index, &desk.1, &arrivals);
    drop(index);
    let session = desk.0;
    desk::check_in_commits(&path, desk)?;
    contention::desks_and_writers(&path, session)?;
    data::school_report(&path)?;
    data::import_teachers(temp.path(), &mut ratios)?;
    ratios.print();
    Ok(())
}

/// Demo generation, in a child process so its memory does not count below.
fn generate(path: &Path, teachers: usize, ratios: &mut ratios::Ratios) -> Res<()> {
    if path.exists() {
        line("demo generation", "reused".into(), "≤ 20 s", None);
        return Ok(());
    }
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .args(["demo", "--teachers", &teachers.to_string(), "--db"])
        .arg(path)
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    let secs = t.elapsed().as_secs_f64();
    line(
        "demo generation",
        format!("{secs:.1} s"),
        "≤ 20 s",
        Some(secs <= 20.0),
    );
    ratios.push(ratios::Row {
        figure: format!("demo --teachers {teachers} (process)"),
        ours: secs * 1000.0,
        anchor: None,
        goal: ratios::Goal::Millis(20_000.0),
    });
    let mb = std::fs::metadata(path)?.len() as f64 / 1_048_576.0;
    println!("  (database {mb:.0} MB)");
    Ok(())
}

/// The time and actor of the benchmark's writes (the wall clock, or LIAOYUAN_NOW).
pub fn stamp() -> liaoyuan::store::Stamp {
    liaoyuan::clock::stamp()
}
