//! Issue 11's figures held against what SQLite alone does on the same machine in the same
//! run: each row is measured with its anchor back to back and printed as figure, ours,
//! anchor, ratio, goal, verdict. Rows are added with `Ratios::push` by whichever part of
//! the benchmark measures them (the lookup, search and redraw rows come from their own
//! functions) and the table is printed once at the end.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// What a row is held to.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    /// ours / anchor at most this.
    Ratio(f64),
    /// ours at most this many milliseconds (no anchor, or the anchor only shown).
    Millis(f64),
    /// ours at most this many bytes (the Teachers search redraw, `redraw`).
    Bytes(f64),
}

/// One measured figure.
#[derive(Debug, Clone)]
pub struct Row {
    pub figure: String,
    /// Milliseconds, or bytes for `Goal::Bytes`.
    pub ours: f64,
    /// The anchor's value (same unit) and what it was.
    pub anchor: Option<(f64, String)>,
    pub goal: Goal,
}

impl Row {
    pub fn ratio(&self) -> Option<f64> {
        let (a, _) = self.anchor.as_ref()?;
        (*a > 0.0).then(|| self.ours / a)
    }

    pub fn met(&self) -> Option<bool> {
        match self.goal {
            Goal::Ratio(max) => self.ratio().map(|r| r <= max),
            Goal::Millis(max) | Goal::Bytes(max) => Some(self.ours <= max),
        }
    }

    fn unit(&self, v: f64) -> String {
        match self.goal {
            Goal::Bytes(_) => format!("{v:.0} B"),
            _ if v >= 1000.0 => format!("{:.2} s", v / 1000.0),
            _ => format!("{v:.1} ms"),
        }
    }
}

/// The table of ratios, printed at the end of the run.
#[derive(Default)]
pub struct Ratios {
    pub rows: Vec<Row>,
    /// Notes printed under the table (which anchor was used, …).
    pub notes: Vec<String>,
}

impl Ratios {
    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    pub fn print(&self) {
        println!();
        println!("Issue 11: each figure beside SQLite alone, measured back to back in this run");
        println!(
            "{:<46} {:>10} {:>10} {:>7} {:>9}  verdict   (anchor)",
            "figure", "ours", "anchor", "ratio", "goal"
        );
        for r in &self.rows {
            let anchor = r
                .anchor
                .as_ref()
                .map_or("—".to_string(), |(a, _)| r.unit(*a));
            let ratio = r.ratio().map_or("—".to_string(), |x| format!("{x:.2}×"));
            let goal = match r.goal {
                Goal::Ratio(x) => format!("≤ {x}×"),
                Goal::Millis(ms) if ms >= 1000.0 => format!("≤ {} s", ms / 1000.0),
                Goal::Millis(ms) => format!("≤ {ms} ms"),
                Goal::Bytes(b) => format!("≤ {b} B"),
            };
            let verdict = match r.met() {
                Some(true) => "ok",
                Some(false) => "MISSED",
                None => "",
            };
            let what = r.anchor.as_ref().map_or("", |(_, w)| w.as_str());
            println!(
                "{:<46} {:>10} {:>10} {:>7} {:>9}  {:<8}  {what}",
                r.figure,
                r.unit(r.ours),
                anchor,
                ratio,
                goal,
                verdict
            );
        }
        for n in &self.notes {
            println!("  ({n})");
        }
        println!("  (machine: {})", machine());
    }
}

/// Whether the `sqlite3` command-line shell can be run.
pub fn sqlite3_cli() -> bool {
    Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `cmd` to completion and returns its wall time; its failure is the benchmark's.
pub fn timed(cmd: &mut Command) -> Result<Duration, Box<dyn std::error::Error>> {
    let t = Instant::now();
    let out = cmd.output()?;
    let took = t.elapsed();
    if !out.status.success() {
        return Err(format!(
            "{:?} failed: {}",
            cmd,
            String::from_utf8_lossy(&out.stderr).trim()
        )
        .into());
    }
    Ok(took)
}

/// `sqlite3 DB ".import --csv FILE t"` into a fresh database, or (without the CLI) the
/// same rows through one prepared INSERT in one rusqlite transaction.
pub fn sqlite_import_csv(
    dir: &Path,
    csv: &Path,
    cli: bool,
) -> Result<Duration, Box<dyn std::error::Error>> {
    let db = dir.join(format!("anchor-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&db);
    let took = if cli {
        timed(
            Command::new("sqlite3")
                .arg(&db)
                .arg(format!(".import --csv {} t", csv.display())),
        )?
    } else {
        let t = Instant::now();
        raw_import(&db, csv)?;
        t.elapsed()
    };
    let _ = std::fs::remove_file(&db);
    Ok(took)
}

/// What `.import --csv` does, with rusqlite: a table of the header's columns, one INSERT
/// per record in one transaction.
fn raw_import(db: &Path, csv: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = rusqlite::Connection::open(db)?;
    let mut reader = csv::Reader::from_path(csv)?;
    let header: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect();
    conn.execute_batch(&format!("CREATE TABLE t ({})", header.join(", ")))?;
    let tx = conn.transaction()?;
    {
        let marks = vec!["?"; header.len()].join(", ");
        let mut st = tx.prepare(&format!("INSERT INTO t VALUES ({marks})"))?;
        for rec in reader.records() {
            let rec = rec?;
            st.execute(rusqlite::params_from_iter(rec.iter()))?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The CPU model and core count, and the load while the benchmark ran.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, load average {load}")
}
