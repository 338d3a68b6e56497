//! Bytes the real backend (CompactBackend, drawn as the app draws) writes per keystroke in
//! the Teachers tab's search at 80×24 (issue 11 item 4: under 1 KB for a one-letter change),
//! on the 2,000-teacher demo district. `redraw_truth` and `redraw_cells` check what the
//! terminal then shows.

use crate::common::district::at;
use crate::common::tui::dark;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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

/// The median bytes per keystroke a search in the Teachers tab may write (issue 11 wants
/// under 1,000 B; measured here 829 B in Chinese, 859 B in English).
const BOUND: usize = 900;

/// The bytes of each keystroke typing `text` into the Teachers tab's search.
fn typing(path: &std::path::Path, lang: Lang, text: &str) -> Vec<Vec<u8>> {
    let db = Db::open(path, OpenMode::Existing).unwrap();
    let mut app = App::new(db, &dark(lang), at("2026-12-03 09:10")).unwrap();
    let sink = Sink::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut backend = CompactBackend::with_size(sink.clone(), Size::new(80, 24));
    backend.clear().unwrap();
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
    draw(&mut term, |f| app.draw(f)).unwrap();
    for c in "4/".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        draw(&mut term, |f| app.draw(f)).unwrap();
    }
    sink.0.borrow_mut().clear();
    let mut out = Vec::new();
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        draw(&mut term, |f| app.draw(f)).unwrap();
        out.push(std::mem::take(&mut *sink.0.borrow_mut()));
    }
    out
}

/// The median of `v`.
fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

#[test]
fn a_search_keystroke_in_the_teachers_tab_writes_under_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::redraw_truth::demo(dir.path());
    for lang in [Lang::Zh, Lang::En] {
        let mut all = Vec::new();
        for text in ["zhangw", "张伟"] {
            all.extend(typing(&path, lang, text).iter().map(Vec::len));
        }
        let m = median(all.clone());
        eprintln!("{lang:?}: median {m} B of {all:?}");
        // Issue 11 item 4 wants under 1,000 B; ratatui's own backend wrote ~2 KB here, this
        // backend before the copy of the screen ~1.5 KB, before tabs and a steady pane ~930 B.
        assert!(m <= BOUND, "{lang:?}: median {m} B of {all:?}");
    }
}
