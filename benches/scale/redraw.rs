//! Issue 11 item 4: bytes to the terminal per keystroke in the Teachers tab's search at
//! 80×24, through the real app's backend (`CompactBackend`, drawn with `terminal::draw` as the
//! app draws), typing a pinyin name and a Han name letter by letter; beside the bytes of a
//! full 80×24 frame of the same screen.

use super::startup::{terminal, Term};
use super::{line, Res};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::tui::terminal::draw;
use liaoyuan::tui::App;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::cell::Cell;
use std::rc::Rc;

/// What is typed, a letter at a time, each after clearing the search.
pub const NAMES: [&str; 2] = ["zhangw", "张伟"];

/// From wherever the app is (the desk, after its figures): to the Teachers tab's search,
/// type each of `NAMES` and count the bytes of each keystroke's frame.
pub fn teachers_search_bytes(
    app: &mut App,
    term: &mut Term,
    count: &Rc<Cell<usize>>,
    ratios: &mut super::ratios::Ratios,
) -> Res<()> {
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    for code in [KeyCode::Esc, KeyCode::Esc, KeyCode::Char('4')] {
        app.handle_key(key(code));
        draw(term, |f| app.draw(f))?;
    }
    let mut per_key = Vec::new();
    for name in NAMES {
        // `/` opens the search; Esc leaves it (and empties it) for the next name.
        app.handle_key(key(KeyCode::Char('/')));
        draw(term, |f| app.draw(f))?;
        for c in name.chars() {
            count.set(0);
            app.handle_key(key(KeyCode::Char(c)));
            draw(term, |f| app.draw(f))?;
            per_key.push(count.get());
        }
        if std::env::var_os("LIAOYUAN_BENCH_SHOW").is_some() {
            let mut shown = Terminal::new(TestBackend::new(80, 24))?;
            shown.draw(|f| app.draw(f))?;
            println!("{}", shown.backend());
        }
        app.handle_key(key(KeyCode::Esc));
        draw(term, |f| app.draw(f))?;
    }
    // A full frame of the same screen: drawn into a fresh, blank terminal.
    let full_count = Rc::new(Cell::new(0));
    let mut fresh = terminal(&full_count)?;
    full_count.set(0);
    app.handle_key(key(KeyCode::Char('/')));
    draw(&mut fresh, |f| app.draw(f))?;
    let full = full_count.get();
    let mut sorted = per_key.clone();
    sorted.sort_unstable();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
    let max = sorted.last().copied().unwrap_or(0);
    line(
        "bytes to the terminal per Teachers search keystroke",
        format!("{median} B"),
        "≤ 1,000 B",
        Some(median <= 1000),
    );
    println!(
        "  (median; max {max} B; typing {}: {per_key:?} B; a full 80×24 frame {full} B)",
        NAMES.join(", ")
    );
    ratios.push(super::ratios::Row {
        figure: "Teachers search keystroke, 80×24 (median)".into(),
        ours: median as f64,
        anchor: Some((full as f64, "a full 80×24 frame".into())),
        goal: super::ratios::Goal::Bytes(1000.0),
    });
    Ok(())
}
