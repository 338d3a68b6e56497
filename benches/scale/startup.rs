//! Start-up figures measured on the real path (`liaoyuan::tui::run` minus the terminal):
//! open → `App::start` (the search index builds in a background thread) → first frame; then
//! until `poll_background` hands over the index (search ready); memory at that point; and the
//! bytes `CompactBackend` (the real app's backend, drawn as the app draws: `terminal::draw`)
//! writes per keystroke at the Check-in desk and in the Teachers tab's search.

use super::{line, ms, rss_mb, Res};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::cli::args::Lang;
use liaoyuan::search::Index;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::backend::CompactBackend;
use liaoyuan::tui::terminal::draw;
use liaoyuan::tui::{App, Options};
use ratatui::backend::Backend;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Open → App::start → first frame at 80×24; → search ready; memory; bytes per keystroke.
/// Returns the index the App built (for the search figures).
pub fn first_frame(path: &Path, ratios: &mut super::ratios::Ratios) -> Res<Index> {
    let opts = Options {
        lang: Lang::Zh,
        theme: None,
        no_color: false,
        colors: liaoyuan::tui::colors::ColorDepth::TrueColor,
        actor: liaoyuan::clock::actor(),
    };
    let count = Rc::new(Cell::new(0));
    let mut term = terminal(&count)?;

    let t = Instant::now();
    let db = Db::open(path, OpenMode::Existing)?;
    db.defer_checkpoints()?;
    let opened = t.elapsed();
    let mut app = App::start(db, &opts, liaoyuan::clock::now())?;
    draw(&mut term, |f| app.draw(f))?;
    let frame = t.elapsed();
    line(
        "open to first frame (open + App::start + draw)",
        format!("{:.0} ms", ms(frame)),
        "≤ 100 ms",
        Some(ms(frame) <= 100.0),
    );
    println!(
        "  (open {:.1} ms; first frame {} B)",
        ms(opened),
        count.get()
    );

    // As the loop does: look for the index every 20 ms (it polls as often while loading).
    let mut polls = 0;
    while app.is_loading() {
        if !app.poll_background() {
            std::thread::sleep(Duration::from_millis(2));
            polls += 1;
        }
    }
    let ready = t.elapsed();
    line(
        "search ready (until poll_background hands the index)",
        format!("{:.0} ms", ms(ready)),
        "≤ 400 ms",
        Some(ms(ready) <= 400.0),
    );
    app.refresh();
    draw(&mut term, |f| app.draw(f))?;
    println!(
        "  ({} teachers; dashboard drawn at {:.0} ms; {polls} empty polls)",
        app.shared.index.len(),
        ms(t.elapsed())
    );
    let rss = rss_mb();
    line(
        "resident memory, TUI with all teachers loaded",
        format!("{rss:.0} MB"),
        "≤ 150 MB",
        Some(rss <= 150.0),
    );
    terminal_bytes(&mut app, &mut term, &count)?;
    super::redraw::teachers_search_bytes(&mut app, &mut term, &count, ratios)?;
    let index = std::mem::replace(&mut app.shared.index, Index::new(Vec::new()));
    Ok(index)
}

/// Counts the bytes a terminal backend writes.
pub struct Counter(pub Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub type Term = Terminal<CompactBackend<Counter>>;

/// An 80×24 terminal drawn through the real app's backend, counting bytes (cleared first,
/// as the app clears it when it starts).
pub fn terminal(count: &Rc<Cell<usize>>) -> Res<Term> {
    let mut backend =
        CompactBackend::with_size(Counter(count.clone()), ratatui::layout::Size::new(80, 24));
    backend.clear()?;
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    Ok(Terminal::with_options(
        backend,
        TerminalOptions { viewport },
    )?)
}

/// Bytes written to an 80×24 terminal for each letter typed at the Check-in desk, and for
/// idle frames (the loop redraws every 250 ms).
fn terminal_bytes(app: &mut App, term: &mut Term, count: &Rc<Cell<usize>>) -> Res<()> {
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    count.set(0);
    app.handle_key(key('3'));
    draw(term, |f| app.draw(f))?;
    // The desk opens on its session picker, today's first session highlighted.
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    draw(term, |f| app.draw(f))?;
    let first = count.get();
    let mut per_key = Vec::new();
    for c in "zhangw".chars() {
        count.set(0);
        app.handle_key(key(c));
        draw(term, |f| app.draw(f))?;
        per_key.push(count.get());
    }
    let worst = per_key.iter().copied().max().unwrap_or(0);
    line(
        "bytes to the terminal per check-in keystroke",
        format!("{worst} B"),
        "≤ 1 KB",
        Some(worst <= 1024),
    );
    count.set(0);
    for _ in 0..4 {
        draw(term, |f| app.draw(f))?;
    }
    println!(
        "  (CompactBackend; Check-in desk first frame {first} B; typing z h a n g w: {per_key:?} B; 4 idle frames: {} B)",
        count.get()
    );
    if std::env::var_os("LIAOYUAN_BENCH_SHOW").is_some() {
        let mut shown = Terminal::new(TestBackend::new(80, 24))?;
        shown.draw(|f| app.draw(f))?;
        println!("{}", shown.backend());
    }
    Ok(())
}
