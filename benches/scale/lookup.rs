//! `liaoyuan lookup` as a user runs it (a whole process) beside the `sqlite3` CLI selecting
//! the same name in the same run (issue 11: ratio ≤ 5×).

use super::ratios::{Goal, Ratios, Row};
use super::{line, ms, spread, Res};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 15;

/// Median wall time of `RUNS` runs of a command (after one warm-up run); `None` when it
/// cannot run or fails.
fn median_ms(mut make: impl FnMut() -> Command) -> Option<f64> {
    let mut times = Vec::new();
    for i in 0..=RUNS {
        let t = Instant::now();
        let out = make().output().ok()?;
        if !out.status.success() {
            return None;
        }
        if i > 0 {
            times.push(ms(t.elapsed()));
        }
    }
    Some(spread(times).0)
}

/// The lookup of a name (Han and pinyin) and its anchor.
pub fn lookup_process(path: &Path, ratios: &mut Ratios) -> Res<()> {
    for query in ["杨俊", "yangjun"] {
        let ours = median_ms(|| {
            let mut c = Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
            c.args(["lookup", query, "--json", "--db"]).arg(path);
            c
        });
        let anchor = median_ms(|| {
            let mut c = Command::new("sqlite3");
            c.arg(path)
                .arg("SELECT * FROM teachers WHERE name = '杨俊'");
            c
        });
        match (ours, anchor) {
            (Some(ours), Some(anchor)) => {
                let ratio = ours / anchor.max(0.001);
                line(
                    &format!("lookup {query} --json (process) / sqlite3 by name"),
                    format!("{ours:.1} ms / {anchor:.1} ms = {ratio:.1}×"),
                    "≤ 5×",
                    Some(ratio <= 5.0),
                );
                ratios.push(Row {
                    figure: format!("lookup {query} --json, 200k teachers (process)"),
                    ours,
                    anchor: Some((anchor, "sqlite3 select by name".into())),
                    goal: Goal::Ratio(5.0),
                });
            }
            (Some(ours), None) => line(
                &format!("lookup {query} --json (process; sqlite3 CLI not installed)"),
                format!("{ours:.1} ms"),
                "≤ 5× sqlite3",
                None,
            ),
            _ => println!("  (lookup {query}: the command failed)"),
        }
    }
    Ok(())
}
