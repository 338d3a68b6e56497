use super::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

const AREA: Rect = Rect::new(0, 0, 40, 5);

fn buffer(spans: &[(u16, u16, &str, Style)]) -> Buffer {
    let mut b = Buffer::empty(AREA);
    for (x, y, text, style) in spans {
        b.set_string(*x, *y, text, *style);
    }
    b
}

/// Frames like a search list: rows of names (wide), schools and numbers that change,
/// shrink to nothing, and come back in colours and with a selected row.
fn frames() -> Vec<Buffer> {
    let hl = Style::default()
        .fg(Color::Rgb(255, 215, 95))
        .add_modifier(Modifier::BOLD);
    let text = Style::default().fg(Color::Rgb(208, 208, 208));
    let grey = Style::default().fg(Color::Rgb(128, 128, 128));
    let sel = Style::default().fg(Color::White).bg(Color::Rgb(58, 58, 90));
    let under = Style::default().add_modifier(Modifier::UNDERLINED);
    vec![
        buffer(&[
            (0, 0, "/ zh", text),
            (0, 1, "张伟  潼南区实验小学        语文  T0001", sel),
            (0, 2, "张", hl),
            (2, 2, "春梅 花岩镇中心小学   数学  T0002", text),
            (0, 3, "赵浩 柏梓中学 · 物理 · 高中", grey),
            (0, 4, "勤勤勤勤勤勤勤勤勤勤勤勤", text),
        ]),
        buffer(&[
            (0, 0, "/ zha", text),
            (0, 1, "张", hl),
            (2, 1, "伟  潼南区实验小学        语文  T0001", sel),
            (0, 2, "赵浩 宝龙", text),
            (0, 3, "    ", under),
            (20, 3, "x", grey),
            (0, 4, "勤", text),
        ]),
        buffer(&[
            (0, 0, "/ zhangw", text),
            (30, 2, "尾", hl),
            (2, 4, " a", text),
        ]),
        buffer(&[
            (0, 0, "/", text),
            (0, 1, "张春梅 x                         T0002 ", text),
            (0, 2, "张春梅 y", sel),
        ]),
        Buffer::empty(AREA),
    ]
}

#[test]
fn the_terminal_shows_what_ratatuis_backend_shows_with_fewer_bytes() {
    let mut plain_screen = vt100::Parser::new(AREA.height, AREA.width, 0);
    let mut compact_screen = vt100::Parser::new(AREA.height, AREA.width, 0);
    let (mut plain_total, mut compact_total) = (0, 0);
    let mut shadow = Shadow::default();
    let mut shown = Buffer::empty(AREA);
    for next in frames() {
        let diff = shown.diff(&next);
        let sink = Sink::default();
        CrosstermBackend::new(sink.clone())
            .draw(diff.iter().copied())
            .unwrap();
        let plain = sink.0.borrow().clone();
        let cells: Vec<(u16, u16, Cell)> = diff
            .iter()
            .map(|(x, y, c)| (*x, *y, (*c).clone()))
            .collect();
        let mut compact = Vec::new();
        write_changes(&mut compact, &mut shadow, &cells, None).unwrap();
        plain_screen.process(&plain);
        compact_screen.process(&compact);
        assert_eq!(
            super::seen(compact_screen.screen()),
            super::seen(plain_screen.screen()),
            "{}",
            String::from_utf8_lossy(&compact).replace('\x1b', "␛")
        );
        plain_total += plain.len();
        compact_total += compact.len();
        shown = next;
    }
    assert!(
        compact_total * 2 < plain_total,
        "{compact_total} vs {plain_total}"
    );
}

#[test]
fn a_row_whose_rest_is_blank_ends_with_one_erase() {
    let before = buffer(&[(0, 1, "张春梅 潼南区实验小学 语文 T0001", Style::default())]);
    let after = buffer(&[(0, 1, "张伟", Style::default())]);
    let mut shadow = Shadow::default();
    let all: Vec<(u16, u16, Cell)> = Buffer::empty(AREA)
        .diff(&before)
        .into_iter()
        .map(|(x, y, c)| (x, y, c.clone()))
        .collect();
    write_changes(&mut Vec::new(), &mut shadow, &all, None).unwrap();
    let cells: Vec<(u16, u16, Cell)> = before
        .diff(&after)
        .into_iter()
        .map(|(x, y, c)| (x, y, c.clone()))
        .collect();
    let mut out = Vec::new();
    write_changes(&mut out, &mut shadow, &cells, None).unwrap();
    assert_eq!(String::from_utf8_lossy(&out), "\x1b[2;3H伟\x1b[K");
}

#[test]
fn rgb_colours_of_the_palette_are_sent_as_its_index() {
    use crate::tui::escapes::palette_index;
    assert_eq!(palette_index(208, 208, 208), Some(252));
    assert_eq!(palette_index(255, 215, 95), Some(221));
    assert_eq!(palette_index(0, 0, 0), Some(16));
    assert_eq!(palette_index(255, 255, 255), Some(231));
    assert_eq!(palette_index(128, 128, 128), Some(244));
    assert_eq!(palette_index(58, 58, 90), None);
    assert_eq!(palette_index(255, 159, 67), None);
    assert_eq!(palette_index(3, 3, 3), None);
}
