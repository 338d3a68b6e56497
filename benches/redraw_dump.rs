//! A driver for work on the redraw (issue 11 item 4): the bytes `CompactBackend` writes per
//! keystroke typing the benchmark's names ("zhangw", "张伟") into the Teachers tab's search at
//! 80×24, on an existing district, and the escape stream of chosen keystrokes (ESC as `␛`).
//!
//! `cargo bench --bench redraw_dump -- DB [KEY,KEY…] [en]` (without a DB it prints this usage
//! and stops, so a plain `cargo bench` passes it by).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::backend::CompactBackend;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::terminal::draw;
use liaoyuan::tui::{App, Options};
use ratatui::backend::Backend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() -> Res<()> {
    // cargo bench passes `--bench`; only our own arguments count
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench redraw_dump -- DB [KEY,KEY…] [en]");
        return Ok(());
    };
    let keys: Vec<usize> = args
        .get(1)
        .map(|k| k.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    let lang = if args.iter().any(|a| a == "en") {
        Lang::En
    } else {
        Lang::Zh
    };
    let opts = Options {
        lang,
        theme: Some("dark".into()),
        no_color: false,
        colors: liaoyuan::tui::colors::ColorDepth::TrueColor,
        actor: "bench".into(),
    };
    let db = Db::open(std::path::Path::new(path), OpenMode::Existing)?;
    let mut app = App::new(db, &opts, liaoyuan::clock::now())?;
    let sink = Sink::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut backend = CompactBackend::with_size(sink.clone(), Size::new(80, 24));
    backend.clear()?;
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport })?;
    draw(&mut term, |f| app.draw(f))?;
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    for code in [KeyCode::Esc, KeyCode::Esc, KeyCode::Char('4')] {
        app.handle_key(key(code));
        draw(&mut term, |f| app.draw(f))?;
    }
    let mut all = Vec::new();
    let mut screens = Vec::new();
    for name in ["zhangw", "张伟"] {
        app.handle_key(key(KeyCode::Char('/')));
        draw(&mut term, |f| app.draw(f))?;
        for c in name.chars() {
            sink.0.borrow_mut().clear();
            app.handle_key(key(KeyCode::Char(c)));
            draw(&mut term, |f| app.draw(f))?;
            all.push(std::mem::take(&mut *sink.0.borrow_mut()));
            let mut shown = Terminal::new(ratatui::backend::TestBackend::new(80, 24))?;
            shown.draw(|f| app.draw(f))?;
            screens.push(format!("{}", shown.backend()));
        }
        app.handle_key(key(KeyCode::Esc));
        draw(&mut term, |f| app.draw(f))?;
    }
    let mut sizes: Vec<usize> = all.iter().map(Vec::len).collect();
    println!("{sizes:?}");
    sizes.sort_unstable();
    println!(
        "median {} B, max {} B",
        sizes[sizes.len() / 2],
        sizes[sizes.len() - 1]
    );
    for k in keys {
        let Some(bytes) = all.get(k) else { continue };
        println!(
            "--- keystroke {k} ({} B), the screen after it:",
            bytes.len()
        );
        println!("{}", screens[k]);
        let text = String::from_utf8_lossy(bytes).replace('\x1b', "␛");
        for part in text.split_inclusive("\r\n") {
            println!("{part:?}");
        }
    }
    Ok(())
}
