//! SGR sequences: the pen (colours and attributes) the terminal writes with, changed in one
//! sequence per change.

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, SetUnderlineColor};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// The terminal's style while a frame is written (default at the start of each frame).
#[derive(Clone, Copy, PartialEq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

pub const DEFAULT_PEN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

pub fn pen_of(c: &Cell) -> Pen {
    Pen {
        fg: c.fg,
        bg: c.bg,
        underline: c.underline_color,
        modifier: c.modifier,
    }
}

/// Sets the pen to `want` with one SGR sequence: the changes from the current pen
/// (`ESC[1;38;5;221m`, not `ESC[1m` then `ESC[38;5;221m`), or a reset and `want`'s own
/// parameters when that is shorter. The underline colour, rarely set, has its own.
pub fn set_pen<W: Write>(w: &mut W, pen: &mut Pen, want: Pen) -> io::Result<()> {
    if want == *pen {
        return Ok(());
    }
    if want == DEFAULT_PEN {
        *pen = want;
        return w.write_all(b"\x1b[m");
    }
    let changes = parameters(*pen, want);
    let mut from_reset = parameters(DEFAULT_PEN, want);
    from_reset.insert(0, "0".to_string());
    let params = if from_reset.join(";").len() < changes.join(";").len() {
        from_reset
    } else {
        changes
    };
    if !params.is_empty() {
        write!(w, "\x1b[{}m", params.join(";"))?;
    }
    let underline = if params.first().is_some_and(|p| p == "0") {
        Color::Reset
    } else {
        pen.underline
    };
    if want.underline != underline {
        queue!(w, SetUnderlineColor(want.underline.into_crossterm()))?;
    }
    *pen = want;
    Ok(())
}

/// The SGR parameters from `from` to `want` (the underline colour aside).
fn parameters(from: Pen, want: Pen) -> Vec<String> {
    let mut params = Vec::new();
    if want.modifier != from.modifier {
        modifiers(&mut params, from.modifier, want.modifier);
    }
    if want.fg != from.fg {
        params.push(colour_parameters(want.fg, Layer::Fg));
    }
    if want.bg != from.bg {
        params.push(colour_parameters(want.bg, Layer::Bg));
    }
    params
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
/// a depth that has them, see `colors`), or as the palette entry that is exactly them.
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
        Color::Rgb(r, g, b) => match palette_index(r, g, b) {
            Some(n) => format!("{extended};5;{n}"),
            None => format!("{extended};2;{r};{g};{b}"),
        },
    }
}

/// The entry of the xterm 256-colour palette that is exactly this colour: the 6×6×6 cube
/// (22–231) and the grey ramp (232–255), the same in every terminal that has 24-bit colour
/// (the theme's colours are mostly such entries: `38;5;252` is half the bytes of
/// `38;2;208;208;208`). Left out: 0–15, which themes redefine, and 16–21, which base16
/// shell themes redefine too.
pub fn palette_index(r: u8, g: u8, b: u8) -> Option<u8> {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| LEVELS.iter().position(|l| *l == v).map(|i| i as u8);
    if let (Some(r), Some(g), Some(b)) = (level(r), level(g), level(b)) {
        let n = 16 + 36 * r + 6 * g + b;
        return (n >= 22).then_some(n);
    }
    let grey = r == g && g == b && (8..=238).contains(&r) && (r - 8).is_multiple_of(10);
    grey.then(|| 232 + (r - 8) / 10)
}

/// The attribute changes from `from` to `to` (as ratatui's crossterm backend does them).
fn modifiers(params: &mut Vec<String>, from: Modifier, to: Modifier) {
    let removed = from - to;
    let added = to - from;
    let mut set = |a: Attribute| params.push(a.sgr());
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse);
    }
    // Bold and dim are both undone by normal intensity; what stays is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity);
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim);
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold);
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink);
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
            set(on);
        }
    }
}
