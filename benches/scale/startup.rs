//! Start-up figures: open to first frame, search ready, memory, and the bytes
//! written to the terminal per keystroke at the Check-in desk.

use super::{line, ms, rss_mb, Res};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::cli::args::Lang;
use liaoyuan::search::Index;
use liaoyuan::store::{search_source, settings, Db, OpenMode};
use liaoyuan::tui::{App, Options};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::Instant;

/// Open → settings → search entries → index → first frame at 80×24, then memory.
pub fn first_frame(path: &Path) -> Res<Index> {
    let t = Instant::now();
    let db = Db::open(path, OpenMode::Existing)?;
    let opened = t.elapsed();
    let t2 = Instant::now();
    let _settings = settings::load(&db.conn)?;
    let entries = search_source::teacher_entries(&db.conn)?;
    let loaded = t2.elapsed();
    let t3 = Instant::now();
    let index = Index::new(entries);
    let built = t3.elapsed();
    let ready = opened + loaded + built;
    drop(index);
    drop(db);

    let t = Instant::now();
    let db = Db::open(path, OpenMode::Existing)?;
    let opts = Options {
        lang: Lang::Zh,
        theme: None,
        no_color: false,
    };
    let mut app = App::new(db, &opts, liaoyuan::clock::now())?;
    let mut term = Terminal::new(TestBackend::new(80, 24))?;
    term.draw(|f| app.draw(f))?;
    let frame = t.elapsed();
    let rss = rss_mb();
    line(
        "open to first frame (TUI App, index included)",
        format!("{:.0} ms", ms(frame)),
        "≤ 100 ms",
        Some(ms(frame) <= 100.0),
    );
    println!(
        "  (open {:.1} ms, settings + search entries {:.0} ms, index build {:.0} ms)",
        ms(opened),
        ms(loaded),
        ms(built)
    );
    line(
        "search ready",
        format!("{:.0} ms", ms(ready)),
        "≤ 400 ms",
        Some(ms(ready) <= 400.0),
    );
    line(
        "resident memory, teachers loaded in the TUI",
        format!("{rss:.0} MB"),
        "≤ 150 MB",
        Some(rss <= 150.0),
    );
    terminal_bytes(&mut app)?;
    drop(app);
    let db = Db::open(path, OpenMode::Existing)?;
    let t = Instant::now();
    let index = search_source::teacher_index(&db.conn)?;
    println!(
        "  (search_source::teacher_index alone: {:.0} ms)",
        ms(t.elapsed())
    );
    Ok(index)
}

/// Counts the bytes a terminal backend writes.
pub struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes written to an 80×24 terminal for each letter typed at the Check-in desk.
pub fn terminal_bytes(app: &mut App) -> Res<()> {
    let count = Rc::new(Cell::new(0));
    let backend = CrosstermBackend::new(Counter(count.clone()));
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport })?;
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    app.handle_key(key('3'));
    term.draw(|f| app.draw(f))?;
    // The desk opens on its session picker, today's first session highlighted.
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    term.draw(|f| app.draw(f))?;
    let first = count.get();
    let mut per_key = Vec::new();
    for c in "zhangw".chars() {
        count.set(0);
        app.handle_key(key(c));
        term.draw(|f| app.draw(f))?;
        per_key.push(count.get());
    }
    let worst = per_key.iter().copied().max().unwrap_or(0);
    line(
        "bytes to the terminal per check-in keystroke",
        format!("{worst} B"),
        "≤ 1 KB",
        Some(worst <= 1024),
    );
    println!("  (Check-in desk first frame {first} B; typing z h a n g w: {per_key:?} B)");
    if std::env::var_os("LIAOYUAN_BENCH_SHOW").is_some() {
        let mut shown = Terminal::new(TestBackend::new(80, 24))?;
        shown.draw(|f| app.draw(f))?;
        println!("{}", shown.backend());
    }
    Ok(())
}
