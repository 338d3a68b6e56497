//! What a terminal shows after each frame the real backend (CompactBackend) writes equals
//! what the app drew, across screens that replace one another (school report → targets
//! view → teachers search → projects). A shadow-screen writer once left "6 1 - 0" of the
//! school report in the targets view's blank cells; this walk would have shown it.
//!
//! Frames are drawn as the app draws them (`terminal::draw`, the backend told each whole
//! frame, on a terminal cleared at its size), so the backend prints gaps from its copy of
//! the screen, erases blank rests of rows, and rewrites the halves of replaced wide
//! characters. `redraw_cells` checks colours and attributes cell by cell too, while a list
//! scrolls, the selection moves, and the terminal is resized.

use crate::common::district::at;
use crate::common::tui::dark;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::ops::demo::{generate_into, DemoOptions};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::backend::CompactBackend;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::terminal::draw;
use liaoyuan::tui::App;
use ratatui::backend::Backend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

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

fn without_spaces(s: &str) -> Vec<String> {
    s.lines().map(|l| l.replace(' ', "")).collect()
}

/// A 2,000-teacher demo district in `dir`.
pub fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("demo.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let tx = db
        .write(&liaoyuan::store::Stamp::new(
            at("2026-03-01 09:00"),
            "tester",
        ))
        .unwrap();
    let opts = DemoOptions {
        teachers: 2000,
        seed: 1,
        progress: false,
    };
    generate_into(&tx, &opts, at("2026-12-03 09:10").date()).unwrap();
    tx.commit().unwrap();
    path
}

#[test]
fn the_terminal_shows_what_the_app_drew_after_every_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    for lang in [Lang::Zh, Lang::En] {
        let db = Db::open(&path, OpenMode::Existing).unwrap();
        let mut app = App::new(db, &dark(lang), at("2026-12-03 09:10")).unwrap();
        let sink = Sink::default();
        let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
        let mut backend = CompactBackend::with_size(sink.clone(), Size::new(80, 24));
        backend.clear().unwrap();
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        let mut screen = vt100::Parser::new(24, 80, 0);
        draw(&mut term, |f| app.draw(f)).unwrap();
        screen.process(&std::mem::take(&mut *sink.0.borrow_mut()));
        let keys: Vec<KeyCode> = "8t"
            .chars()
            .map(KeyCode::Char)
            .chain([KeyCode::Esc])
            .chain("4/zhangw".chars().map(KeyCode::Char))
            .chain([
                KeyCode::Esc,
                KeyCode::Esc,
                KeyCode::Char('2'),
                KeyCode::Char('5'),
            ])
            .collect();
        for (step, code) in keys.into_iter().enumerate() {
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            draw(&mut term, |f| app.draw(f)).unwrap();
            screen.process(&std::mem::take(&mut *sink.0.borrow_mut()));
            // A fresh buffer each time: TestBackend itself keeps stale halves of wide
            // characters across a tab switch.
            let mut check = Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
            check.draw(|f| app.draw(f)).unwrap();
            let drawn = crate::common::tui::buffer_text(check.backend().buffer());
            assert_eq!(
                without_spaces(&screen.screen().contents()),
                without_spaces(&drawn),
                "{lang:?}, after key {step} ({code:?})"
            );
        }
    }
}
