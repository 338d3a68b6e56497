//! Small redraws (issue 11): typing in the Teachers tab's search box at 80×24, the bytes
//! the real app's backend writes per keystroke (median), and that the terminal then shows
//! what the app drew. Counts bytes, never time.

use crate::common::district::at;
use crate::common::tui::dark;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::ops::demo::{generate_into, DemoOptions};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::backend::CompactBackend;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::App;
use ratatui::layout::Rect;
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

/// Bytes written for each letter of `typed` in the Teachers tab's search box, and the
/// screen as a terminal shows it after the last one.
fn bytes_per_key(lang: Lang, typed: &str) -> (Vec<usize>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let tx = db
        .write(&liaoyuan::store::Stamp::new(
            at("2026-03-01 09:00"),
            "tester",
        ))
        .unwrap();
    let opts = DemoOptions {
        teachers: 2000,
        seed: 3,
        progress: false,
    };
    generate_into(&tx, &opts, at("2026-11-28 09:10").date()).unwrap();
    tx.commit().unwrap();
    let mut app = App::new(db, &dark(lang), at("2026-11-28 09:10")).unwrap();
    let sink = Sink::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut term = Terminal::with_options(
        CompactBackend::new(sink.clone()),
        TerminalOptions { viewport },
    )
    .unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    let mut key = |app: &mut App, term: &mut Terminal<_>, c: char| {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        term.draw(|f| app.draw(f)).unwrap();
        let out = std::mem::take(&mut *sink.0.borrow_mut());
        if std::env::var_os("SHOW_BYTES").is_some() {
            eprintln!(
                "---- {c}\n{}",
                String::from_utf8_lossy(&out).replace('\x1b', "␛")
            );
        }
        screen.process(&out);
        out.len()
    };
    key(&mut app, &mut term, '4');
    key(&mut app, &mut term, '/');
    let per_key = typed.chars().map(|c| key(&mut app, &mut term, c)).collect();
    let shown = screen.screen().contents();
    let mut check = Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    check.draw(|f| app.draw(f)).unwrap();
    let expected = crate::common::tui::buffer_text(check.backend().buffer());
    (per_key, shown, expected)
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    let n = v.len();
    (v[(n - 1) / 2] + v[n / 2]) / 2
}

/// The goal is 1,000 B (issue 11). Measured on this 2,000-teacher demo, typing `zhangw`:
/// median 1,294 B (Chinese) before the shadow-screen writer, ~1,035 B after it; the rest
/// is the changed rows' text and colours and the detail pane of the new first match. This
/// bound keeps what was won.
const BOUND: usize = 1_100;

#[test]
fn typing_in_the_teachers_search_writes_about_1_kb_per_keystroke() {
    for lang in [Lang::Zh, Lang::En] {
        let (per_key, shown, expected) = bytes_per_key(lang, "zhangw");
        eprintln!("{lang:?}: {per_key:?}");
        // the terminal shows what the app drew
        let trim = |s: &str| -> Vec<String> { s.lines().map(|l| l.replace(' ', "")).collect() };
        assert_eq!(trim(&shown), trim(&expected));
        let m = median(per_key.clone());
        eprintln!("{lang:?}: median {m} B per keystroke");
        assert!(m < BOUND, "{lang:?}: {per_key:?}");
    }
}
