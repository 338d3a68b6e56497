//! Text from rosters and users made safe for a terminal. A name imported from a file may hold
//! `ESC]0;…BEL` (retitles the window), `ESC[2J` (clears the screen), `ESC[?1049l` (leaves the
//! alternate screen), a bare `\r` (overwrites the line) or a C1 control such as U+009B (CSI).
//!
//! The rule is the TUI's: ratatui's `Buffer::set_stringn` drops every grapheme that holds a
//! control character (`char::is_control`: C0, DEL and C1), so the desk never shows one; the CLI
//! strips the same characters from the text it prints. What is left of a sequence is plain text
//! (`ESC[2J` shows as `[2J`), exactly as on the desk. JSON keeps the data: serde escapes C0,
//! and [`escape_json_controls`] escapes the DEL and C1 characters serde leaves raw.

use std::borrow::Cow;

/// `text` without control characters (what the TUI shows of it).
pub fn printable(text: &str) -> Cow<'_, str> {
    strip(text, |c| c.is_control())
}

/// `text` without control characters except line breaks: for multi-line messages of our own
/// (a problem list, a lookup block) whose parts quote stored or user data.
pub fn printable_lines(text: &str) -> Cow<'_, str> {
    strip(text, |c| c.is_control() && c != '\n')
}

fn strip(text: &str, drop: impl Fn(char) -> bool) -> Cow<'_, str> {
    if text.chars().any(&drop) {
        Cow::Owned(text.chars().filter(|c| !drop(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// JSON text from serde with the control characters serde writes raw (DEL and the C1 range
/// U+0080–U+009F) escaped as `\u00XX`: the same document, safe to print. Those characters can
/// only occur inside JSON strings, where the escape means the same character.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let raw = |c: char| c.is_control() && c as u32 >= 0x7f;
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    const HOSTILE: &[&str] = &[
        "张\u{1b}]0;pwned\u{7}伟",
        "\u{1b}[2J李娜",
        "王\u{1b}[?1049l芳",
        "刘\r洋",
        "赵\u{9b}2J磊",
        "a\tb\r\nc\u{7f}d\u{0}e",
        "plain 张伟 T0001",
    ];

    /// The text the TUI would show: drawn into a ratatui buffer and read back.
    fn shown_by_the_tui(text: &str) -> String {
        let mut b = Buffer::empty(Rect::new(0, 0, 60, 1));
        b.set_string(0, 0, text, Style::default());
        let mut out = String::new();
        for x in 0..60 {
            out.push_str(b[(x, 0)].symbol());
        }
        out.trim_end().to_string()
    }

    #[test]
    fn the_cli_shows_what_the_tui_shows() {
        for text in HOSTILE {
            let cli = printable(text);
            assert!(!cli.chars().any(char::is_control), "{cli:?}");
            // Wide characters take one cell and leave the next empty, in both.
            let tui = shown_by_the_tui(text).replace(' ', "");
            assert_eq!(cli.replace(' ', ""), tui, "{text:?}");
        }
        assert_eq!(printable("\u{1b}[2J李娜"), "[2J李娜");
        assert!(matches!(printable("张伟"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_breaks_of_a_message_stay() {
        assert_eq!(printable_lines("a\u{1b}[2J\nb\r\n"), "a[2J\nb\n");
        assert_eq!(printable("a\nb"), "ab");
    }

    #[test]
    fn json_escapes_what_serde_writes_raw_and_keeps_the_data() {
        for text in HOSTILE {
            let json = serde_json::to_string(&serde_json::json!({ "name": text })).unwrap();
            let safe = escape_json_controls(&json);
            assert!(!safe.chars().any(char::is_control), "{safe}");
            let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
            assert_eq!(back["name"], *text);
        }
    }
}
