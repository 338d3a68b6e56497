//! Cell by cell, colours and attributes included, what a terminal shows after each frame the
//! real backend writes (drawn as the app draws, `terminal::draw`) equals what the app drew:
//! while the Teachers list is searched, scrolled and its selection moved, across tabs, and
//! after the terminal is resized.

use crate::common::district::at;
use crate::common::tui::dark;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::backend::CompactBackend;
use liaoyuan::tui::escapes::palette_index;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::terminal::draw;
use liaoyuan::tui::App;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier};
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

fn vt_colour(c: Color) -> vt100::Color {
    let ansi = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(n) => vt100::Color::Idx(n),
        Color::Rgb(r, g, b) => {
            palette_index(r, g, b).map_or(vt100::Color::Rgb(r, g, b), vt100::Color::Idx)
        }
        c => vt100::Color::Idx(ansi.iter().position(|a| *a == c).unwrap_or(0) as u8),
    }
}

/// The cells that differ between what the terminal shows and what `b` has: text, and for
/// text its colours, bold and reverse; for a blank its background.
fn differences(screen: &vt100::Screen, b: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..b.area.height {
        let mut x = 0;
        while x < b.area.width {
            let want = &b[(x, y)];
            let width = unicode_width::UnicodeWidthStr::width(want.symbol()).max(1) as u16;
            let Some(got) = screen.cell(y, x) else {
                out.push(format!("{x},{y}: no cell"));
                break;
            };
            let reversed = want.modifier.contains(Modifier::REVERSED);
            let blank = want.symbol().trim().is_empty() && !reversed;
            let same = if blank {
                got.contents().trim().is_empty()
                    && !got.inverse()
                    && got.bgcolor() == vt_colour(want.bg)
            } else {
                got.contents() == want.symbol()
                    && got.fgcolor() == vt_colour(want.fg)
                    && got.bgcolor() == vt_colour(want.bg)
                    && got.bold() == want.modifier.contains(Modifier::BOLD)
                    && got.inverse() == reversed
            };
            if !same {
                out.push(format!(
                    "{x},{y}: shows {:?} {:?}/{:?}, drawn {:?} {:?}/{:?}",
                    got.contents(),
                    got.fgcolor(),
                    got.bgcolor(),
                    want.symbol(),
                    want.fg,
                    want.bg
                ));
            }
            x += width;
        }
    }
    out
}

#[test]
fn colours_and_blanks_match_while_the_list_is_searched_scrolled_and_resized() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::redraw_truth::demo(dir.path());
    for lang in [Lang::Zh, Lang::En] {
        let db = Db::open(&path, OpenMode::Existing).unwrap();
        let mut app = App::new(db, &dark(lang), at("2026-12-03 09:10")).unwrap();
        let sink = Sink::default();
        let (mut w, mut h) = (80u16, 24u16);
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let mut backend = CompactBackend::with_size(sink.clone(), Size::new(w, h));
        backend.clear().unwrap();
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        let mut screen = vt100::Parser::new(h, w, 0);
        let key = |c: char| KeyCode::Char(c);
        let mut keys: Vec<KeyCode> = "4/zh".chars().map(key).collect();
        keys.extend([KeyCode::Enter]);
        keys.extend([KeyCode::Down; 14]);
        keys.extend([
            KeyCode::PageDown,
            KeyCode::PageDown,
            KeyCode::Up,
            KeyCode::PageUp,
        ]);
        keys.extend([KeyCode::Char('/'), KeyCode::Backspace, KeyCode::Backspace]);
        keys.extend("张伟".chars().map(key));
        keys.extend([
            KeyCode::Esc,
            KeyCode::Esc,
            key('8'),
            key('t'),
            KeyCode::Esc,
            key('4'),
        ]);
        keys.extend([KeyCode::Char('R')]); // resize here (no key of the app)
        keys.extend("/liu".chars().map(key));
        keys.extend([
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Esc,
            KeyCode::Esc,
            key('2'),
        ]);
        for (step, code) in keys.into_iter().enumerate() {
            if code == KeyCode::Char('R') {
                (w, h) = (100, 30);
                term.backend_mut().resize(Size::new(w, h));
                term.resize(Rect::new(0, 0, w, h)).unwrap();
                screen.screen_mut().set_size(h, w);
            } else {
                app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            }
            draw(&mut term, |f| app.draw(f)).unwrap();
            screen.process(&std::mem::take(&mut *sink.0.borrow_mut()));
            let mut check = Terminal::new(TestBackend::new(w, h)).unwrap();
            check.draw(|f| app.draw(f)).unwrap();
            let differ = differences(screen.screen(), check.backend().buffer());
            assert!(
                differ.is_empty(),
                "{lang:?}, after key {step} ({code:?}): {differ:#?}"
            );
        }
    }
}
