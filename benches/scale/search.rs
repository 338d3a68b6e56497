//! Search per keystroke, and keystrokes per check-in at the desk.

use super::{line, ms, spread};
use liaoyuan::search::keystrokes::{fewest_desk_keys, VISIBLE_CANDIDATES};
use liaoyuan::search::Index;
use std::collections::HashSet;
use std::time::Instant;

/// Queries typed one character at a time: Han (name, then school) and ASCII (pinyin). Each
/// query is typed into an empty box letter by letter, as a user types it (each keystroke
/// searches among what the previous one kept, `search::narrow`): the figure held to the
/// goal. Beside it, every prefix searched fresh (nothing kept).
pub fn search_per_keystroke(index: &Index, ratios: &mut super::ratios::Ratios) {
    let n = index.len() as i64;
    let samples: Vec<i64> = (0..80)
        .map(|k| 1 + (k * 2_654_435_761_i64).rem_euclid(n.max(1)))
        .collect();
    let texts = |han: bool| -> Vec<Vec<char>> {
        samples
            .iter()
            .filter_map(|&id| index.entry(id))
            .map(|e| {
                if han {
                    e.name.chars().chain(e.school.chars()).collect()
                } else {
                    let first = e.pinyin.split('|').next().unwrap_or("");
                    first
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .collect()
                }
            })
            .collect()
    };
    let keystroke = |q: &str| {
        let t = Instant::now();
        let hits = index.search(q, 20);
        for h in &hits {
            std::hint::black_box(index.highlight(h.id, q));
        }
        ms(t.elapsed())
    };
    // [han][len - 1]: milliseconds per query
    let mut typed = vec![vec![Vec::new(); 8]; 2];
    let mut fresh = vec![vec![Vec::new(); 8]; 2];
    for han in [true, false] {
        let texts = texts(han);
        for text in &texts {
            index.forget_recent_searches();
            for len in 1..=text.len().min(8) {
                let q: String = text[..len].iter().collect();
                typed[han as usize][len - 1].push(keystroke(&q));
            }
        }
        for len in 1..=8usize {
            for text in texts.iter().filter(|t| t.len() >= len) {
                index.forget_recent_searches();
                let q: String = text[..len].iter().collect();
                fresh[han as usize][len - 1].push(keystroke(&q));
            }
        }
    }
    let (mut worst_typed, mut worst_fresh) = (0.0f64, 0.0f64);
    for len in 1..=8usize {
        let mut cells = Vec::new();
        for (what, times, worst) in [
            ("as typed", &typed, &mut worst_typed),
            ("fresh", &fresh, &mut worst_fresh),
        ] {
            for han in [true, false] {
                let (median, p95, _, _) = spread(times[han as usize][len - 1].clone());
                *worst = worst.max(p95);
                let kind = if han { "Han" } else { "ASCII" };
                cells.push(format!("{what} {kind} {median:5.2}/{p95:5.2}"));
            }
        }
        println!(
            "  search, {len} char(s): median/p95 ms  {}",
            cells.join("  ")
        );
    }
    line(
        "search per keystroke as typed, worst p95 (1–8)",
        format!("{worst_typed:.2} ms"),
        "p95 ≤ 16 ms",
        Some(worst_typed <= 16.0),
    );
    line(
        "search of a prefix fresh, worst p95 (1–8)",
        format!("{worst_fresh:.2} ms"),
        "",
        None,
    );
    ratios.push(super::ratios::Row {
        figure: "search per keystroke as typed, worst p95 (Han and ASCII, 1–8)".into(),
        ours: worst_typed,
        anchor: None,
        goal: super::ratios::Goal::Millis(8.0),
    });
}

/// The desk simulation: every teacher of the session, in arrival order, checked in with the
/// fewest keys: letters, then Enter for the first candidate or the digit a candidate on screen
/// carries (↓ and Enter where a digit would be typed); each is marked before the next
/// arrives, as at the desk. Beside it, the same with ↓ instead of digits, and by letters
/// alone (the teacher must come first), as the issue measured it.
pub fn desk_simulation(index: &Index, enrolled: &[i64], arrivals: &[i64]) {
    let mut marked: HashSet<i64> = HashSet::new();
    let mut keys: Vec<(usize, i64, String)> = Vec::new();
    let (mut letters, mut unreachable, mut letters_unreachable) = (Vec::new(), Vec::new(), 0);
    let mut downs_only = Vec::new();
    for &id in arrivals {
        let is_marked = |t: i64| marked.contains(&t);
        match fewest_desk_keys(index, id, enrolled, &is_marked, VISIBLE_CANDIDATES, true) {
            Some(k) => keys.push((k.count(), id, k.to_string())),
            None => unreachable.push(id),
        }
        if let Some(k) =
            fewest_desk_keys(index, id, enrolled, &is_marked, VISIBLE_CANDIDATES, false)
        {
            downs_only.push(k.count() as f64);
        }
        match fewest_desk_keys(index, id, enrolled, &is_marked, 1, false) {
            Some(k) => letters.push(k.count() as f64),
            None => letters_unreachable += 1,
        }
        marked.insert(id);
    }
    let counts: Vec<f64> = keys.iter().map(|k| k.0 as f64).collect();
    let mean = counts.iter().sum::<f64>() / counts.len().max(1) as f64;
    let (median, p95, _, max) = spread(counts);
    line(
        &format!(
            "desk: keys per check-in, {} arrivals (mean)",
            arrivals.len()
        ),
        format!("{mean:.2}"),
        "mean ≤ 3.0",
        Some(mean <= 3.0 && unreachable.is_empty()),
    );
    line(
        "desk: keys per check-in (p95 / max)",
        format!("{p95:.0} / {max:.0}"),
        "max ≤ 6",
        Some(max <= 6.0 && unreachable.is_empty()),
    );
    let downs = keys.iter().filter(|k| k.2.contains('↓')).count();
    let picks = keys.iter().filter(|k| !k.2.ends_with('⏎')).count();
    println!(
        "  (median {median:.0}; {picks} check-in(s) pick a candidate by its digit, {downs} use ↓; \
         {} not reachable without the staff number)",
        unreachable.len()
    );
    let d_mean = downs_only.iter().sum::<f64>() / downs_only.len().max(1) as f64;
    println!("  (with ↓ and Enter instead of digits: mean {d_mean:.2})");
    let l_mean = letters.iter().sum::<f64>() / letters.len().max(1) as f64;
    let (l_median, l_p95, _, l_max) = spread(letters);
    println!(
        "  (letters alone, no ↓: mean {l_mean:.2}, median {l_median:.0}, p95 {l_p95:.0}, max \
         {l_max:.0}; {letters_unreachable} not reachable)"
    );
    keys.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let worst: Vec<String> = keys
        .iter()
        .take(5)
        .map(|(n, id, how)| {
            let name = index.entry(*id).map_or("?", |e| e.name.as_str());
            format!("{name} {n} [{how}]")
        })
        .collect();
    println!("  (five worst: {})", worst.join(", "));
    for id in unreachable {
        let name = index.entry(id).map_or("?", |e| e.name.as_str());
        println!("  (not reachable by pinyin: {name})");
    }
}
