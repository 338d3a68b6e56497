//! Search per keystroke, and keystrokes per check-in at the desk.

use super::{line, ms, spread};
use liaoyuan::search::{shortest_unique_query, Index};
use std::time::Instant;

/// Queries typed one character at a time: Han (name, then school) and ASCII (pinyin).
pub fn search_per_keystroke(index: &Index) {
    let n = index.len() as i64;
    let samples: Vec<i64> = (0..80)
        .map(|k| 1 + (k * 2_654_435_761_i64).rem_euclid(n.max(1)))
        .collect();
    let mut worst = 0.0f64;
    for len in 1..=8usize {
        let mut cells = Vec::new();
        for han in [true, false] {
            let mut times = Vec::new();
            for &id in &samples {
                let Some(e) = index.entry(id) else { continue };
                let text: String = if han {
                    e.name.chars().chain(e.school.chars()).collect()
                } else {
                    let first = e.pinyin.split('|').next().unwrap_or("");
                    first
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .collect()
                };
                let q: String = text.chars().take(len).collect();
                if q.chars().count() < len {
                    continue;
                }
                let t = Instant::now();
                let hits = index.search(&q, 20);
                for h in &hits {
                    std::hint::black_box(index.highlight(h.id, &q));
                }
                times.push(ms(t.elapsed()));
            }
            let (median, p95, _, _) = spread(times);
            worst = worst.max(p95);
            cells.push(format!(
                "{} {median:5.2}/{p95:5.2}",
                if han { "Han" } else { "ASCII" }
            ));
        }
        println!(
            "  search, {len} char(s): median/p95 ms  {}",
            cells.join("   ")
        );
    }
    line(
        "search per keystroke, worst p95 (lengths 1–8)",
        format!("{worst:.2} ms"),
        "p95 ≤ 16 ms",
        Some(worst <= 16.0),
    );
}

/// Keys to check a teacher in at the desk: shortest query that puts them first, plus Enter.
pub fn keystrokes(index: &Index, among: &[i64]) {
    let mut keys = Vec::new();
    let mut not_found = 0;
    for &id in among {
        match shortest_unique_query(index, id, among) {
            Some(q) => keys.push(q.len() + 1),
            None => not_found += 1,
        }
    }
    let mean = keys.iter().sum::<usize>() as f64 / keys.len().max(1) as f64;
    let worst = keys.iter().copied().max().unwrap_or(0);
    line(
        &format!(
            "keystrokes per check-in, {}-teacher session (mean)",
            among.len()
        ),
        format!("{mean:.2}"),
        "≤ 4",
        Some(mean <= 4.0),
    );
    line(
        "keystrokes per check-in (worst)",
        format!("{worst}"),
        "≤ 8",
        Some(worst <= 8),
    );
    if not_found > 0 {
        println!(
            "  ({not_found} teacher(s) share a name in this session: picked from a list instead)"
        );
    }
}
