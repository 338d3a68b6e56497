//! The escape sequences for a frame's changed cells, with fewer bytes than ratatui's crossterm
//! backend writes (it matters over SSH, docs/rules.md §8: ≤ 1 KB per keystroke):
//! - the cursor's real place is tracked by each symbol's width, so text after a double-width
//!   character needs no move, and a jump within the row is a column move (`ESC[nG`) instead
//!   of a full `ESC[row;colH`;
//! - only the colour that changed is set (ratatui sets foreground and background together),
//!   and the 16 ANSI colours with their short codes (`ESC[31m`, not `ESC[38;5;1m`);
//! - one `ESC[0m` ends a frame that left a style set (ratatui sends four resets every frame).

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Print, SetAttribute, SetUnderlineColor};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The terminal's style while a frame is written (default at the start of each frame).
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const DEFAULT_PEN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

/// Writes `cells` (in row order, as `Buffer::diff` gives them); false when there was nothing
/// to write (and nothing was written). Cells with an empty symbol (the hidden half of a
/// double-width character) print nothing.
pub fn write_cells<'a, W, I>(w: &mut W, cells: I) -> io::Result<bool>
where
    W: Write,
    I: Iterator<Item = (u16, u16, &'a Cell)>,
{
    let mut pen = DEFAULT_PEN;
    let mut at: Option<(u16, u16)> = None;
    let mut wrote = false;
    for (x, y, cell) in cells {
        let symbol = cell.symbol();
        if symbol.is_empty() {
            continue;
        }
        wrote = true;
        match at {
            Some(p) if p == (x, y) => {}
            Some((_, row)) if row == y => write!(w, "\x1b[{}G", u32::from(x) + 1)?,
            _ => write!(w, "\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1)?,
        }
        let want = Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        };
        set_pen(w, &mut pen, want)?;
        queue!(w, Print(symbol))?;
        at = Some((x.saturating_add(symbol.width() as u16), y));
    }
    if pen != DEFAULT_PEN {
        w.write_all(b"\x1b[0m")?;
    }
    Ok(wrote)
}

fn set_pen<W: Write>(w: &mut W, pen: &mut Pen, want: Pen) -> io::Result<()> {
    if want.modifier != pen.modifier {
        modifiers(w, pen.modifier, want.modifier)?;
    }
    match (want.fg != pen.fg, want.bg != pen.bg) {
        (true, true) => write!(
            w,
            "\x1b[{};{}m",
            colour_parameters(want.fg, Layer::Fg),
            colour_parameters(want.bg, Layer::Bg)
        )?,
        (true, false) => write!(w, "\x1b[{}m", colour_parameters(want.fg, Layer::Fg))?,
        (false, true) => write!(w, "\x1b[{}m", colour_parameters(want.bg, Layer::Bg))?,
        (false, false) => {}
    }
    if want.underline != pen.underline {
        queue!(w, SetUnderlineColor(want.underline.into_crossterm()))?;
    }
    *pen = want;
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Layer {
    Fg,
    Bg,
}

/// The SGR parameters that set `c`: the 16 ANSI colours as 30–37 / 90–97 (40–47 / 100–107
/// for the background), which every colour terminal reads (crossterm writes them as
/// `38;5;N`, which a 16-colour terminal misreads as blink and more); palette indices as
/// `38;5;N` and 24-bit colours as `38;2;R;G;B` (only sent when the theme was brought down to
/// a depth that has them, see `colors`).
fn colour_parameters(c: Color, layer: Layer) -> String {
    let ansi = |n: u8| -> String {
        let base = if n < 8 { 30 + n } else { 90 + n - 8 };
        let base = if layer == Layer::Bg { base + 10 } else { base };
        base.to_string()
    };
    let (extended, reset) = match layer {
        Layer::Fg => (38, 39),
        Layer::Bg => (48, 49),
    };
    match c {
        Color::Reset => reset.to_string(),
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Indexed(n) => format!("{extended};5;{n}"),
        Color::Rgb(r, g, b) => format!("{extended};2;{r};{g};{b}"),
    }
}

/// The attribute changes from `from` to `to` (as ratatui's crossterm backend does them).
fn modifiers<W: Write>(w: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let mut set = |a: Attribute| queue!(w, SetAttribute(a));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    // Bold and dim are both undone by normal intensity; what stays is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(off)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    for (m, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let intensity = m == Modifier::BOLD || m == Modifier::DIM;
        if added.contains(m) && !(intensity && reset_intensity) {
            set(on)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
        let (mut plain_screen, mut compact_screen) = (
            vt100::Parser::new(AREA.height, AREA.width, 0),
            vt100::Parser::new(AREA.height, AREA.width, 0),
        );
        let (mut plain_total, mut compact_total) = (0, 0);
        let mut shown = Buffer::empty(AREA);
        for next in frames() {
            let diff = shown.diff(&next);
            let sink = Sink::default();
            let mut plain = CrosstermBackend::new(sink.clone());
            plain.draw(diff.iter().copied()).unwrap();
            let plain = sink.0.borrow().clone();
            let mut compact = Vec::new();
            write_cells(&mut compact, diff.into_iter()).unwrap();
            plain_screen.process(&plain);
            compact_screen.process(&compact);
            assert_eq!(
                compact_screen.screen().contents_formatted(),
                plain_screen.screen().contents_formatted(),
                "{}",
                String::from_utf8_lossy(&compact)
            );
            assert_eq!(
                compact_screen.screen().contents(),
                plain_screen.screen().contents()
            );
            plain_total += plain.len();
            compact_total += compact.len();
            shown = next;
        }
        assert!(
            compact_total * 10 < plain_total * 9,
            "{compact_total} vs {plain_total}"
        );
    }

    #[test]
    fn nothing_changed_writes_nothing() {
        let a = frames().remove(0);
        let mut out = Vec::new();
        assert!(!write_cells(&mut out, a.diff(&a).into_iter()).unwrap());
        assert!(out.is_empty());
    }

    #[test]
    fn text_after_a_wide_character_needs_no_move_and_a_jump_in_the_row_moves_the_column() {
        let next = buffer(&[
            (0, 1, "张伟x", Style::default()),
            (10, 1, "y", Style::default()),
        ]);
        let mut out = Vec::new();
        write_cells(&mut out, Buffer::empty(AREA).diff(&next).into_iter()).unwrap();
        assert_eq!(String::from_utf8_lossy(&out), "\x1b[2;1H张伟x\x1b[11Gy");
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
        write_cells(&mut out, Buffer::empty(AREA).diff(&next).into_iter()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "\x1b[1;1H\x1b[31;44ma\x1b[93;49mb\x1b[37;100mc\x1b[38;5;208;49md\x1b[38;2;1;2;3me\x1b[0m"
        );
    }
}
