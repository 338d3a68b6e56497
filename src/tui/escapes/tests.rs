use super::screen::Screen;
use super::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A writer whose bytes the test can read afterwards.
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

const AREA: Rect = Rect::new(0, 0, 30, 4);

/// Each frame: (x, y, text, style) spans over a blank screen.
fn buffer(spans: &[(u16, u16, &str, Style)]) -> Buffer {
    let mut b = Buffer::empty(AREA);
    for (x, y, text, style) in spans {
        b.set_string(*x, *y, text, *style);
    }
    b
}

/// How a cell looks: its text with colours and attributes, or for a blank only what shows
/// on a blank (background, underline).
fn looks(
    (row, col): (u16, u16),
    text: &str,
    fg: vt100::Color,
    bg: vt100::Color,
    [bold, dim, italic, underline, inverse]: [bool; 5],
) -> String {
    if text.trim().is_empty() && !inverse {
        format!("{row},{col} blank {bg:?} {underline}")
    } else {
        format!("{row},{col} {text:?} {fg:?} {bg:?} {bold} {dim} {italic} {underline} {inverse}")
    }
}

/// What a terminal shows, cell by cell (the right half of a wide character left out).
pub(crate) fn seen(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let Some(c) = screen.cell(row, col) else {
                continue;
            };
            if c.is_wide_continuation() {
                continue;
            }
            let flags = [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()];
            let (fg, bg) = (norm(c.fgcolor()), norm(c.bgcolor()));
            out.push(looks((row, col), c.contents(), fg, bg, flags));
        }
    }
    out
}

/// An RGB colour that is a palette entry is that entry (the terminal shows the same).
fn norm(c: vt100::Color) -> vt100::Color {
    match c {
        vt100::Color::Rgb(r, g, b) => {
            super::sgr::palette_index(r, g, b).map_or(c, vt100::Color::Idx)
        }
        c => c,
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
        Color::Rgb(r, g, b) => match super::sgr::palette_index(r, g, b) {
            Some(n) => vt100::Color::Idx(n),
            None => vt100::Color::Rgb(r, g, b),
        },
        c => vt100::Color::Idx(ansi.iter().position(|a| *a == c).unwrap_or(0) as u8),
    }
}

/// What `b` should look like on a terminal, in the terms of `seen`.
fn drawn(b: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..b.area.height {
        let mut x = 0;
        while x < b.area.width {
            let c = &b[(x, y)];
            let m = c.modifier;
            let flags = [
                m.contains(Modifier::BOLD),
                m.contains(Modifier::DIM),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            ];
            let (fg, bg) = (vt_colour(c.fg), vt_colour(c.bg));
            out.push(looks((y, x), c.symbol(), fg, bg, flags));
            x += super::screen::cell_width(c).max(1) as u16;
        }
    }
    out
}

/// Draws `frames` one after another with ratatui's crossterm backend and with
/// `write_frame` (told each whole frame, and not), each into a terminal; after every frame
/// ours shows the frame, and the same as ratatui's when not told the whole frame. Returns
/// the bytes ratatui's and ours (told the frames) wrote in all.
fn both(frames: &[Buffer]) -> (usize, usize) {
    let (plain, ours) = drawn_both(frames, true);
    drawn_both(frames, false);
    (plain, ours)
}

fn drawn_both(frames: &[Buffer], whole: bool) -> (usize, usize) {
    let area = frames[0].area;
    let (mut plain_screen, mut compact_screen) = (
        vt100::Parser::new(area.height, area.width, 0),
        vt100::Parser::new(area.height, area.width, 0),
    );
    let mut copy = Screen::blank(area.width, area.height, true);
    let (mut plain_total, mut compact_total) = (0, 0);
    let mut shown = Buffer::empty(area);
    let mut cursor = None;
    for (n, next) in frames.iter().enumerate() {
        let diff = shown.diff(next);
        let sink = Sink::default();
        let mut plain = CrosstermBackend::new(sink.clone());
        plain.draw(diff.iter().copied()).unwrap();
        let plain = sink.0.borrow().clone();
        let mut compact = Vec::new();
        let frame = whole.then_some(next);
        cursor = write_frame(&mut compact, &mut copy, &diff, frame, cursor)
            .unwrap()
            .1;
        plain_screen.process(&plain);
        compact_screen.process(&compact);
        let ours = seen(compact_screen.screen());
        let theirs = if whole {
            drawn(next)
        } else {
            seen(plain_screen.screen())
        };
        let differ: Vec<(&String, &String)> =
            ours.iter().zip(&theirs).filter(|(a, b)| a != b).collect();
        assert!(
            differ.is_empty(),
            "frame {n}: {differ:?}\n{:?}\nratatui: {:?}",
            String::from_utf8_lossy(&compact),
            String::from_utf8_lossy(&plain)
        );
        let text = |p: &vt100::Parser| -> Vec<String> {
            let text = p.screen().contents();
            let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
            while lines.last().is_some_and(String::is_empty) {
                lines.pop();
            }
            lines
        };
        if !whole {
            assert_eq!(text(&compact_screen), text(&plain_screen));
        }
        plain_total += plain.len();
        compact_total += compact.len();
        shown = next.clone();
    }
    (plain_total, compact_total)
}

fn frames() -> Vec<Buffer> {
    let red_bold = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
    let on_blue = Style::default().bg(Color::Blue);
    let rgb = Style::default().fg(Color::Rgb(255, 159, 67));
    let green = Style::default().fg(Color::Green);
    let grey = Style::default().fg(Color::Rgb(128, 128, 128));
    let sel = Style::default()
        .fg(Color::White)
        .bg(Color::Rgb(58, 58, 90))
        .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
    let dim = Style::default().add_modifier(Modifier::DIM | Modifier::ITALIC);
    vec![
        buffer(&[
            (0, 0, "张伟 实验小学 T0001", red_bold),
            (5, 1, "abc", on_blue),
            (0, 2, "勤", green),
            (2, 2, "假", grey),
            (4, 2, "迟", rgb),
        ]),
        buffer(&[
            (0, 0, "李娜 实验中学 T0002", red_bold),
            (5, 1, "abd", on_blue),
            (0, 2, "勤", green),
            (2, 2, "勤", green),
            (4, 2, "迟", rgb),
            (0, 3, "> zhangw", sel),
            (20, 3, "潼南", dim),
        ]),
        buffer(&[
            (0, 0, "李娜 实验中学 T0002", dim),
            (1, 1, "x", red_bold),
            (0, 3, "> zh", sel),
            (21, 3, "区", Style::default()),
            (28, 0, "好", on_blue),
        ]),
        Buffer::empty(AREA),
    ]
}

#[test]
fn the_terminal_shows_what_ratatuis_backend_shows_with_fewer_bytes() {
    let (plain, compact) = both(&frames());
    assert!(compact * 10 < plain * 9, "{compact} vs {plain}");
}

#[test]
fn nothing_changed_writes_nothing() {
    let a = frames().remove(0);
    let mut out = Vec::new();
    let mut copy = Screen::blank(AREA.width, AREA.height, false);
    assert!(
        !write_frame(&mut out, &mut copy, &a.diff(&a), None, None)
            .unwrap()
            .0
    );
    assert!(out.is_empty());
}

#[test]
fn text_after_a_wide_character_needs_no_move_and_a_jump_in_the_row_is_relative() {
    let next = buffer(&[
        (0, 1, "张伟x", Style::default()),
        (10, 1, "y", Style::default()),
    ]);
    let mut out = Vec::new();
    let mut copy = Screen::blank(AREA.width, AREA.height, false);
    let diff = Buffer::empty(AREA).diff(&next);
    write_frame(&mut out, &mut copy, &diff, None, None).unwrap();
    // Five blanks between x and y: the move (4 bytes) is shorter than printing them.
    assert_eq!(String::from_utf8_lossy(&out), "\x1b[2H张伟x\x1b[5Cy");
}

#[test]
fn a_short_gap_is_printed_from_the_copy_and_a_blank_rest_of_a_row_is_erased() {
    let first = buffer(&[(0, 0, "张伟 实验小学 T0001", Style::default())]);
    let second = buffer(&[(0, 0, "张浩 实验中学", Style::default())]);
    let mut copy = Screen::blank(AREA.width, AREA.height, false);
    let mut out = Vec::new();
    let diff = Buffer::empty(AREA).diff(&first);
    write_frame(&mut out, &mut copy, &diff, None, None).unwrap();
    out.clear();
    write_frame(&mut out, &mut copy, &first.diff(&second), None, None).unwrap();
    // 浩 and 中 change; the one blank between 学 and the rest of the row is printed again
    // rather than jumped over, and the rest of the row goes with one erase.
    assert_eq!(
        String::from_utf8_lossy(&out),
        "\x1b[1;3H浩\x1b[5C中\x1b[3C\x1b[K"
    );
    assert!(both(&[first, second]).1 > 0);
}

#[test]
fn the_16_ansi_colours_are_written_as_sgr_30_to_37_and_90_to_97() {
    // Every colour terminal reads these; 38;5;N needs one that knows 256 colours.
    let next = buffer(&[
        (0, 0, "a", Style::default().fg(Color::Red).bg(Color::Blue)),
        (1, 0, "b", Style::default().fg(Color::LightYellow)),
        (
            2,
            0,
            "c",
            Style::default().fg(Color::Gray).bg(Color::DarkGray),
        ),
        (3, 0, "d", Style::default().fg(Color::Indexed(208))),
        (4, 0, "e", Style::default().fg(Color::Rgb(1, 2, 3))),
    ]);
    let mut out = Vec::new();
    let mut copy = Screen::blank(AREA.width, AREA.height, false);
    let diff = Buffer::empty(AREA).diff(&next);
    write_frame(&mut out, &mut copy, &diff, None, None).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out),
        "\x1b[H\x1b[31;44ma\x1b[0;93mb\x1b[37;100mc\x1b[0;38;5;208md\x1b[38;2;1;2;3me\x1b[m"
    );
}

#[test]
fn an_rgb_colour_of_the_palette_is_sent_as_its_index() {
    use super::sgr::palette_index;
    assert_eq!(palette_index(208, 208, 208), Some(252));
    assert_eq!(palette_index(255, 215, 95), Some(221));
    assert_eq!(palette_index(128, 128, 128), Some(244));
    assert_eq!(palette_index(95, 215, 135), Some(78));
    assert_eq!(palette_index(58, 58, 90), None);
    // 16–21 are redefined by base16 shell themes.
    assert_eq!(palette_index(0, 0, 95), None);
}

#[test]
fn attribute_and_colour_changes_go_in_one_sequence() {
    let bold = Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD);
    let next = buffer(&[
        (0, 0, "a", bold),
        (1, 0, "b", Style::default().fg(Color::Red)),
    ]);
    let mut out = Vec::new();
    let mut copy = Screen::blank(AREA.width, AREA.height, false);
    let diff = Buffer::empty(AREA).diff(&next);
    write_frame(&mut out, &mut copy, &diff, None, None).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out),
        "\x1b[H\x1b[1;33ma\x1b[0;31mb\x1b[m"
    );
}

#[path = "tests_random.rs"]
mod random;
