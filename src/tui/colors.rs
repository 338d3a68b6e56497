//! How many colours the terminal shows (truecolor, 256 or 16), chosen from `TERM` and
//! `COLORTERM` or the `--colors` flag, and every colour brought down to that depth.
//!
//! GNU screen 4 does not understand 24-bit colour (`ESC[38;2;r;g;bm`): it reads the `2` as
//! "dim" and the numbers after it as other attributes, so most text turns dim and highlights
//! magenta. It also passes on the outer terminal's `COLORTERM=truecolor`, so under screen
//! `TERM` wins. tmux understands 24-bit colour (and reduces it itself when it must), so inside
//! tmux (`TMUX` set) `COLORTERM` is trusted.

use ratatui::style::Color;

/// The colours a terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorDepth {
    /// The 16 ANSI colours (`ESC[31m`, `ESC[91m` …).
    Ansi16,
    /// The xterm 256-colour palette (`ESC[38;5;Nm`).
    Indexed256,
    /// 24-bit colour (`ESC[38;2;R;G;Bm`).
    #[default]
    TrueColor,
}

/// Consoles and old terminals: at most 16 colours, whatever `COLORTERM` says.
const SIXTEEN_COLOUR_TERMS: &[&str] = &["linux", "vt", "ansi", "cons25", "dumb", "rxvt"];

impl ColorDepth {
    /// The depth for the given `TERM` and `COLORTERM` values (empty when unset); `in_tmux`
    /// when `TMUX` is set.
    pub fn detect(term: &str, colorterm: &str, in_tmux: bool) -> ColorDepth {
        let term = term.trim().to_ascii_lowercase();
        let colorterm = colorterm.trim().to_ascii_lowercase();
        let many = term.contains("256color") || term.contains("256colour");
        if term.starts_with("screen") && !in_tmux {
            return if many {
                ColorDepth::Indexed256
            } else {
                ColorDepth::Ansi16
            };
        }
        if !many && SIXTEEN_COLOUR_TERMS.iter().any(|t| term.starts_with(t)) {
            return ColorDepth::Ansi16;
        }
        if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
            return ColorDepth::TrueColor;
        }
        if many {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }

    /// The depth of the terminal this process runs in (`TERM`, `COLORTERM`, `TMUX`).
    pub fn from_env() -> ColorDepth {
        let var = |k: &str| std::env::var(k).unwrap_or_default();
        ColorDepth::detect(
            &var("TERM"),
            &var("COLORTERM"),
            std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        )
    }

    /// `c` as this depth can show it: the nearest colour of the palette. Named colours and
    /// `Reset` are shown by every terminal and stay.
    pub fn reduce(self, c: Color) -> Color {
        match (self, c) {
            (ColorDepth::TrueColor, c) => c,
            (ColorDepth::Indexed256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
            (ColorDepth::Ansi16, Color::Rgb(r, g, b)) => nearest_16(r, g, b),
            (ColorDepth::Ansi16, Color::Indexed(n)) if n < 16 => ANSI[usize::from(n)],
            (ColorDepth::Ansi16, Color::Indexed(n)) => {
                let (r, g, b) = rgb_of_index(n);
                nearest_16(r, g, b)
            }
            (_, c) => c,
        }
    }
}

/// The 16 ANSI colours in palette order (index 0–15).
const ANSI: [Color; 16] = [
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

/// The channel levels of xterm's 6×6×6 colour cube (indices 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The colour of a 256-palette index (xterm's defaults for 0–15).
fn rgb_of_index(n: u8) -> (u8, u8, u8) {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match n {
        0..=15 => BASIC[usize::from(n)],
        16..=231 => {
            let i = n - 16;
            (
                CUBE[usize::from(i / 36)],
                CUBE[usize::from(i / 6 % 6)],
                CUBE[usize::from(i % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

fn distance((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).unsigned_abs();
    d(r1, r2).pow(2) + d(g1, g2).pow(2) + d(b1, b2).pow(2)
}

/// The nearest colour of the 256 palette's cube (16–231) or grey ramp (232–255); the 16
/// basic colours are left out (terminals set them differently).
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> u8 {
        let mut best = 0;
        for (i, c) in CUBE.iter().enumerate() {
            if v.abs_diff(*c) < v.abs_diff(CUBE[best]) {
                best = i;
            }
        }
        best as u8
    };
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
    let mean = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey = 232 + (mean.saturating_sub(3) / 10).min(23) as u8;
    let want = (r, g, b);
    if distance(rgb_of_index(grey), want) < distance(rgb_of_index(cube), want) {
        grey
    } else {
        cube
    }
}

/// The nearest of the 16 ANSI colours by hue and lightness (not by distance to one
/// terminal's palette, which turns mint green into cyan and orange into red): greys by
/// lightness; other colours by the hue's sector, bright when light or full.
fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    let (rf, gf, bf) = (f32::from(r), f32::from(g), f32::from(b));
    let max = rf.max(gf).max(bf);
    let min = rf.min(gf).min(bf);
    let chroma = max - min;
    let lightness = (max + min) / 2.0 / 255.0;
    if chroma < 40.0 {
        return match lightness {
            l if l < 0.25 => Color::Black,
            l if l < 0.6 => Color::DarkGray,
            l if l < 0.9 => Color::Gray,
            _ => Color::White,
        };
    }
    let hue = if max == rf {
        60.0 * ((gf - bf) / chroma)
    } else if max == gf {
        60.0 * ((bf - rf) / chroma + 2.0)
    } else {
        60.0 * ((rf - gf) / chroma + 4.0)
    }
    .rem_euclid(360.0);
    // Orange and brown go to yellow (ANSI yellow is brown on many terminals), not to red.
    let base = match hue {
        h if h < 18.0 => 1,
        h if h < 75.0 => 3,
        h if h < 160.0 => 2,
        h if h < 200.0 => 6,
        h if h < 260.0 => 4,
        h if h < 330.0 => 5,
        _ => 1,
    };
    // Bright: a light colour, or a full one (#ff0000 is bright red, xterm's red is #cd0000).
    let bright = lightness > 0.55 || max >= 230.0;
    ANSI[if bright { base + 8 } else { base }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::{self, Theme};
    use ColorDepth::*;

    #[test]
    fn gnu_screen_gets_16_colours_even_with_the_outer_colorterm() {
        assert_eq!(ColorDepth::detect("screen", "", false), Ansi16);
        assert_eq!(ColorDepth::detect("screen", "truecolor", false), Ansi16);
        assert_eq!(ColorDepth::detect("screen.xterm-new", "", false), Ansi16);
        assert_eq!(
            ColorDepth::detect("screen-256color", "truecolor", false),
            Indexed256
        );
    }

    #[test]
    fn xterm_256color_is_256_and_truecolor_only_when_colorterm_says_so() {
        assert_eq!(ColorDepth::detect("xterm-256color", "", false), Indexed256);
        assert_eq!(
            ColorDepth::detect("xterm-256color", "truecolor", false),
            TrueColor
        );
        assert_eq!(
            ColorDepth::detect("xterm-256color", "24bit", false),
            TrueColor
        );
        assert_eq!(ColorDepth::detect("xterm-direct", "", false), TrueColor);
        assert_eq!(ColorDepth::detect("xterm", "", false), Ansi16);
    }

    #[test]
    fn the_linux_console_and_vt100_get_16_colours() {
        assert_eq!(ColorDepth::detect("linux", "", false), Ansi16);
        assert_eq!(ColorDepth::detect("linux", "truecolor", false), Ansi16);
        assert_eq!(ColorDepth::detect("vt100", "", false), Ansi16);
        assert_eq!(ColorDepth::detect("vt220", "truecolor", false), Ansi16);
        assert_eq!(ColorDepth::detect("", "", false), Ansi16);
        assert_eq!(ColorDepth::detect("dumb", "", false), Ansi16);
    }

    #[test]
    fn inside_tmux_colorterm_is_trusted() {
        assert_eq!(ColorDepth::detect("screen", "truecolor", true), TrueColor);
        assert_eq!(ColorDepth::detect("tmux-256color", "", true), Indexed256);
        assert_eq!(
            ColorDepth::detect("tmux-256color", "truecolor", true),
            TrueColor
        );
    }

    #[test]
    fn truecolor_keeps_every_colour() {
        for c in [Color::Rgb(1, 2, 3), Color::Indexed(208), Color::Red] {
            assert_eq!(TrueColor.reduce(c), c);
        }
    }

    #[test]
    fn rgb_maps_to_the_nearest_256_colour_cube_or_grey() {
        let to = |r, g, b| Indexed256.reduce(Color::Rgb(r, g, b));
        assert_eq!(to(255, 0, 0), Color::Indexed(196));
        assert_eq!(to(0, 0, 0), Color::Indexed(16));
        assert_eq!(to(255, 255, 255), Color::Indexed(231));
        // An orange, a light grey and a slate blue (the dark theme had them before its
        // colours became palette entries; fg #d0d0d0 still is one).
        assert_eq!(to(0xff, 0x9f, 0x43), Color::Indexed(215));
        assert_eq!(to(0xd0, 0xd0, 0xd0), Color::Indexed(252));
        assert_eq!(to(0x3a, 0x3a, 0x5a), Color::Indexed(238));
        assert_eq!(to(0x80, 0x80, 0x80), Color::Indexed(244));
        // Indexed and named colours stay.
        assert_eq!(Indexed256.reduce(Color::Indexed(33)), Color::Indexed(33));
        assert_eq!(Indexed256.reduce(Color::LightRed), Color::LightRed);
        assert_eq!(Indexed256.reduce(Color::Reset), Color::Reset);
    }

    #[test]
    fn rgb_and_indexed_map_to_the_nearest_ansi_colour_by_hue_and_lightness() {
        let to = |r, g, b| Ansi16.reduce(Color::Rgb(r, g, b));
        // Roles of the dark theme (some of its colours before they became palette entries).
        assert_eq!(to(0xd0, 0xd0, 0xd0), Color::Gray, "fg");
        assert_eq!(to(0x80, 0x80, 0x80), Color::DarkGray, "muted");
        assert_eq!(to(0x3a, 0x3a, 0x5a), Color::DarkGray, "selection");
        assert_eq!(to(0xff, 0xff, 0xff), Color::White, "selection_fg");
        assert_eq!(to(0xff, 0x9f, 0x43), Color::LightYellow, "orange accent");
        assert_eq!(to(0x5f, 0xd7, 0x87), Color::LightGreen, "mint ok");
        assert_eq!(to(0xff, 0x5f, 0x5f), Color::LightRed, "bad");
        // The light theme's roles.
        assert_eq!(to(0x20, 0x20, 0x20), Color::Black, "fg");
        assert_eq!(to(0xb3, 0x47, 0x0b), Color::Yellow, "brown accent");
        assert_eq!(to(0xcf, 0x22, 0x2e), Color::Red, "bad");
        assert_eq!(to(0x1a, 0x7f, 0x37), Color::Green, "ok");
        assert_eq!(to(0x00, 0x50, 0xc8), Color::Blue, "highlight");
        assert_eq!(to(0xdd, 0xe4, 0xf0), Color::White, "selection");
        assert_eq!(to(0x80, 0x00, 0x80), Color::Magenta);
        assert_eq!(to(0x00, 0xff, 0xff), Color::LightCyan);
        // Palette indices: the basic 16 by name, the cube and greys by their colour.
        assert_eq!(Ansi16.reduce(Color::Indexed(9)), Color::LightRed);
        assert_eq!(Ansi16.reduce(Color::Indexed(208)), Color::LightYellow);
        assert_eq!(Ansi16.reduce(Color::Indexed(240)), Color::DarkGray);
        assert_eq!(Ansi16.reduce(Color::Indexed(196)), Color::LightRed);
        assert_eq!(Ansi16.reduce(Color::Cyan), Color::Cyan);
        assert_eq!(Ansi16.reduce(Color::Reset), Color::Reset);
    }

    #[test]
    fn themes_are_brought_down_to_the_terminals_colours() {
        let dark = Theme::built_in("dark");
        assert_eq!(dark.clone().for_depth(ColorDepth::TrueColor), dark);
        let roles = |t: &Theme| {
            [
                t.fg,
                t.bg,
                t.accent,
                t.muted,
                t.highlight,
                t.ok,
                t.warn,
                t.bad,
                t.selection,
                t.selection_fg,
                t.border,
                t.title,
            ]
        };
        for name in theme::BUILT_IN {
            let t = Theme::built_in(name);
            let in_256 = t.clone().for_depth(ColorDepth::Indexed256);
            assert!(roles(&in_256).iter().all(|c| !matches!(c, Color::Rgb(..))));
            let in_16 = t.for_depth(ColorDepth::Ansi16);
            assert!(
                roles(&in_16)
                    .iter()
                    .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_))),
                "{name}: {in_16:?}"
            );
        }
        let dark16 = dark.for_depth(ColorDepth::Ansi16);
        assert_eq!(dark16.selection, Color::DarkGray);
        assert_eq!(dark16.accent, Color::LightYellow);
        assert_eq!(dark16.bg, Color::Reset);
    }
}
