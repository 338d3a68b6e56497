//! Colour themes: TOML files in `themes/` (dark, light, high-contrast, mono), a copy of each
//! embedded in the binary so that a clean install works. `NO_COLOR` forces `mono`.
//! Screens take every style from here (`ctx.theme.selected()` …), never a literal colour.

use super::colors::ColorDepth;
use crate::error::{Error, Result};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::path::PathBuf;

/// The themes shipped with Liaoyuan.
pub const BUILT_IN: &[&str] = &["dark", "light", "high-contrast", "mono"];

fn embedded(name: &str) -> Option<&'static str> {
    match name {
        "dark" => Some(include_str!("../../themes/dark.toml")),
        "light" => Some(include_str!("../../themes/light.toml")),
        "high-contrast" => Some(include_str!("../../themes/high-contrast.toml")),
        "mono" => Some(include_str!("../../themes/mono.toml")),
        _ => None,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    mono: bool,
    fg: Option<String>,
    bg: Option<String>,
    accent: Option<String>,
    muted: Option<String>,
    highlight: Option<String>,
    ok: Option<String>,
    warn: Option<String>,
    bad: Option<String>,
    selection: Option<String>,
    selection_fg: Option<String>,
    border: Option<String>,
    title: Option<String>,
}

/// The palette roles, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    /// No colours: styles use bold / underline / reverse only.
    pub mono: bool,
    pub fg: Color,
    pub bg: Color,
    pub accent: Color,
    pub muted: Color,
    pub highlight: Color,
    pub ok: Color,
    pub warn: Color,
    pub bad: Color,
    pub selection: Color,
    pub selection_fg: Color,
    pub border: Color,
    pub title: Color,
}

impl Theme {
    /// Loads `name`: a path ending in `.toml`, else `themes/NAME.toml` next to the current
    /// folder or the executable, else the embedded copy. `no_color` forces `mono`.
    pub fn load(name: Option<&str>, no_color: bool) -> Result<Theme> {
        if no_color {
            return Theme::parse("mono", embedded("mono").unwrap_or(""));
        }
        let name = name.unwrap_or("dark");
        if name.ends_with(".toml") {
            let text = std::fs::read_to_string(name).map_err(|e| {
                Error::Io(crate::lang::pick(
                    format!("无法读取主题文件 {name}：{e}"),
                    format!("cannot read theme {name}: {e}"),
                ))
            })?;
            return Theme::parse(name, &text);
        }
        for dir in theme_dirs() {
            let path = dir.join(format!("{name}.toml"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Theme::parse(name, &text);
            }
        }
        match embedded(name) {
            Some(text) => Theme::parse(name, text),
            None => Err(Error::invalid(crate::lang::pick(
                format!(
                    "没有名为“{name}”的主题：可选 {}，或给出一个 .toml 文件",
                    BUILT_IN.join("、")
                ),
                format!(
                    "unknown theme '{name}'; choose one of {} or give a .toml file",
                    BUILT_IN.join(", ")
                ),
            ))),
        }
    }

    /// The embedded theme `name` (dark when unknown); never fails.
    pub fn built_in(name: &str) -> Theme {
        embedded(name)
            .and_then(|t| Theme::parse(name, t).ok())
            .unwrap_or_else(Theme::fallback)
    }

    fn fallback() -> Theme {
        Theme {
            name: "mono".into(),
            mono: true,
            fg: Color::Reset,
            bg: Color::Reset,
            accent: Color::Reset,
            muted: Color::Reset,
            highlight: Color::Reset,
            ok: Color::Reset,
            warn: Color::Reset,
            bad: Color::Reset,
            selection: Color::Reset,
            selection_fg: Color::Reset,
            border: Color::Reset,
            title: Color::Reset,
        }
    }

    /// Parses a theme file's text.
    pub fn parse(name: &str, text: &str) -> Result<Theme> {
        let f: ThemeFile = toml::from_str(text).map_err(|e| {
            Error::invalid(crate::lang::pick(
                format!("主题 {name} 格式有误：{}", e.message()),
                format!("theme {name}: {}", e.message()),
            ))
        })?;
        let c = |v: &Option<String>, default: Color| -> Result<Color> {
            match v {
                None => Ok(default),
                Some(s) => parse_color(s).ok_or_else(|| {
                    Error::invalid(crate::lang::pick(
                        format!("主题 {name}：“{s}”不是颜色"),
                        format!("theme {name}: '{s}' is not a colour"),
                    ))
                }),
            }
        };
        let mono = f.mono;
        let pick = |v: &Option<String>| -> Result<Color> {
            if mono {
                Ok(Color::Reset)
            } else {
                c(v, Color::Reset)
            }
        };
        Ok(Theme {
            name: name.to_string(),
            mono,
            fg: pick(&f.fg)?,
            bg: pick(&f.bg)?,
            accent: pick(&f.accent)?,
            muted: pick(&f.muted)?,
            highlight: pick(&f.highlight)?,
            ok: pick(&f.ok)?,
            warn: pick(&f.warn)?,
            bad: pick(&f.bad)?,
            selection: pick(&f.selection)?,
            selection_fg: pick(&f.selection_fg)?,
            border: pick(&f.border)?,
            title: pick(&f.title)?,
        })
    }

    /// Every colour brought down to what the terminal shows (the nearest colour of its
    /// palette; see `colors`).
    pub fn for_depth(mut self, depth: ColorDepth) -> Theme {
        for c in [
            &mut self.fg,
            &mut self.bg,
            &mut self.accent,
            &mut self.muted,
            &mut self.highlight,
            &mut self.ok,
            &mut self.warn,
            &mut self.bad,
            &mut self.selection,
            &mut self.selection_fg,
            &mut self.border,
            &mut self.title,
        ] {
            *c = depth.reduce(*c);
        }
        self
    }

    fn color(&self, c: Color) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    /// Ordinary text on the background.
    pub fn base(&self) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(self.fg).bg(self.bg)
        }
    }
    pub fn muted(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            self.color(self.muted)
        }
    }
    pub fn accent(&self) -> Style {
        self.color(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn title(&self) -> Style {
        self.color(self.title).add_modifier(Modifier::BOLD)
    }
    /// Matched characters of a search.
    pub fn highlight(&self) -> Style {
        let s = self.color(self.highlight).add_modifier(Modifier::BOLD);
        if self.mono {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        }
    }
    /// The row under the cursor.
    pub fn selected(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().fg(self.selection_fg).bg(self.selection)
        }
    }
    pub fn ok(&self) -> Style {
        self.color(self.ok)
    }
    pub fn warn(&self) -> Style {
        let s = self.color(self.warn);
        if self.mono {
            s.add_modifier(Modifier::BOLD)
        } else {
            s
        }
    }
    pub fn bad(&self) -> Style {
        self.color(self.bad).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.color(self.border)
    }
    /// The active tab's label.
    pub fn tab_active(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default()
                .fg(self.selection_fg)
                .bg(self.selection)
                .add_modifier(Modifier::BOLD)
        }
    }
}

/// Folders searched for theme files: ./themes, then next to the executable and up to three
/// parents (a `cargo run` binary lives in target/debug/).
fn theme_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("themes")];
    if let Ok(exe) = std::env::current_exe() {
        let mut dir = exe.parent().map(|p| p.to_path_buf());
        for _ in 0..4 {
            match dir {
                Some(d) => {
                    dirs.push(d.join("themes"));
                    dir = d.parent().map(|p| p.to_path_buf());
                }
                None => break,
            }
        }
    }
    dirs
}

/// "#rrggbb", a colour name, "reset", or a 256-colour index.
pub fn parse_color(s: &str) -> Option<Color> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() == 6 {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return None;
    }
    if let Ok(n) = s.parse::<u8>() {
        return Some(Color::Indexed(n));
    }
    let c = match s.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses() {
        for name in BUILT_IN {
            let t = Theme::parse(name, embedded(name).unwrap()).unwrap();
            assert_eq!(t.mono, *name == "mono", "{name}");
        }
    }

    #[test]
    fn no_color_gives_mono_without_colours() {
        let t = Theme::load(Some("dark"), true).unwrap();
        assert!(t.mono);
        assert_eq!(t.selected().bg, None);
        assert_eq!(t.bad().fg, None);
    }

    #[test]
    fn a_theme_file_path_is_loaded_and_missing_roles_are_reset() {
        let dir = std::env::temp_dir().join(format!("liaoyuan-theme-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("mine.toml");
        std::fs::write(&path, "accent = \"#010203\"\nbad = \"red\"\n").unwrap();
        let t = Theme::load(path.to_str(), false).unwrap();
        assert_eq!(t.accent, Color::Rgb(1, 2, 3));
        assert_eq!(t.bad, Color::Red);
        assert_eq!(t.fg, Color::Reset);
        std::fs::write(&path, "acent = \"red\"\n").unwrap();
        let e = Theme::load(path.to_str(), false).unwrap_err().to_string();
        assert!(e.contains("acent"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bad_theme_is_a_clear_error() {
        let e = Theme::parse("x", "fg = \"#12\"").unwrap_err().to_string();
        // Chinese by default (tests never switch the process to English).
        assert!(e.contains("不是颜色"), "{e}");
        let e = Theme::load(Some("nope"), false).unwrap_err().to_string();
        assert!(
            e.contains("没有名为“nope”的主题") && e.contains("mono"),
            "{e}"
        );
        assert_eq!(parse_color("#ff0000"), Some(Color::Rgb(255, 0, 0)));
        assert_eq!(parse_color("208"), Some(Color::Indexed(208)));
    }

    /// The default theme's colours are xterm palette entries, sent as `38;5;N` (issue 11:
    /// a search keystroke at 200,000 teachers wrote 1,007 B with three 24-bit colours in the
    /// theme, 995 B without them; the goal is under 1,000 B).
    #[test]
    fn the_dark_theme_s_colours_are_palette_entries() {
        for line in embedded("dark").unwrap().lines() {
            let Some(value) = line.split('"').nth(1) else {
                continue;
            };
            if let Some(Color::Rgb(r, g, b)) = parse_color(value) {
                assert!(
                    crate::tui::escapes::palette_index(r, g, b).is_some(),
                    "{line}"
                );
            }
        }
    }
}
