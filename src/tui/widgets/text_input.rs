//! A one-line text box (search boxes, the palette, the reason prompt). CJK-aware cursor.

use super::text::width;
use crate::tui::keymap::Move;
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What a key typed into a list's search box asks for ([`TextInput::search_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    /// Esc: the box is now empty (`had_text`: it held text before); stop typing.
    Cleared { had_text: bool },
    /// Enter: stop typing, keep the text.
    Done,
    /// ↑/↓: move the list's cursor.
    Move(Move),
    /// The text or the cursor in it changed.
    Edited,
    /// Nothing to do.
    Ignored,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextInput {
    text: String,
    /// Cursor as a char index.
    cursor: usize,
}

impl TextInput {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.chars().count();
    }
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// Edits with the key; true when the text or cursor changed. Enter, Esc, Tab and arrows
    /// up/down are left to the caller.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let b = self.byte_at(self.cursor);
                self.text.replace_range(..b, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = len,
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                let b = self.byte_at(self.cursor);
                self.text.insert(b, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let (a, b) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.text.replace_range(a..b, "");
            }
            KeyCode::Left if self.cursor > 0 => self.cursor -= 1,
            KeyCode::Right if self.cursor < len => self.cursor += 1,
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => return false,
        }
        true
    }

    /// A key typed into a list's search box: Esc empties the box, Enter keeps it, ↑/↓ are
    /// for the list's cursor, anything else edits (see [`TextInput::handle_key`]). The
    /// caller stops typing on `Cleared` and `Done`.
    pub fn search_key(&mut self, key: &KeyEvent) -> SearchKey {
        match key.code {
            KeyCode::Esc => {
                let had_text = !self.is_empty();
                self.clear();
                SearchKey::Cleared { had_text }
            }
            KeyCode::Enter => SearchKey::Done,
            KeyCode::Up => SearchKey::Move(Move::Up),
            KeyCode::Down => SearchKey::Move(Move::Down),
            _ if self.handle_key(key) => SearchKey::Edited,
            _ => SearchKey::Ignored,
        }
    }

    /// Draws `prefix` + text on one line of `area`; with `focused`, places the terminal cursor.
    pub fn render(&self, frame: &mut Frame, area: Rect, prefix: Span, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let before: String = self.text.chars().take(self.cursor).collect();
        let prefix_w = width(&prefix.content);
        let avail = (area.width as usize).saturating_sub(prefix_w + 1);
        // Scroll so that the cursor stays visible.
        let mut shown = self.text.as_str();
        let mut cursor_w = width(&before);
        while cursor_w > avail {
            let mut it = shown.chars();
            let c = it.next().unwrap_or(' ');
            shown = it.as_str();
            cursor_w =
                cursor_w.saturating_sub(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0));
        }
        let line = Line::from(vec![prefix, Span::styled(shown.to_string(), style)]);
        frame.render_widget(line, area);
        if focused {
            let x = area.x.saturating_add((prefix_w + cursor_w) as u16);
            let x = x.min(area.right().saturating_sub(1));
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }

    /// A list's search line: the box behind an accented "/ " while `typing` or holding text,
    /// else `idle` (the screen's hint or title, worded, styled and cut by the screen).
    pub fn render_search(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        typing: bool,
        idle: Span,
    ) {
        if typing || !self.is_empty() {
            let prefix = Span::styled("/ ", theme.accent());
            self.render(frame, area, prefix, theme.base(), typing);
        } else {
            frame.render_widget(Paragraph::new(idle), area);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_keys_clear_keep_move_or_edit() {
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let mut t = TextInput::new();
        assert_eq!(t.search_key(&key(KeyCode::Char('z'))), SearchKey::Edited);
        assert_eq!(
            t.search_key(&key(KeyCode::Down)),
            SearchKey::Move(Move::Down)
        );
        assert_eq!(t.search_key(&key(KeyCode::Enter)), SearchKey::Done);
        assert_eq!(t.text(), "z");
        assert_eq!(t.search_key(&key(KeyCode::Tab)), SearchKey::Ignored);
        let esc = key(KeyCode::Esc);
        assert_eq!(t.search_key(&esc), SearchKey::Cleared { had_text: true });
        assert!(t.is_empty());
        assert_eq!(t.search_key(&esc), SearchKey::Cleared { had_text: false });
    }

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_multibyte_text() {
        let mut t = TextInput::new();
        for c in "张伟x".chars() {
            t.handle_key(&k(KeyCode::Char(c)));
        }
        t.handle_key(&k(KeyCode::Backspace));
        assert_eq!(t.text(), "张伟");
        t.handle_key(&k(KeyCode::Left));
        t.handle_key(&k(KeyCode::Char('a')));
        assert_eq!(t.text(), "张a伟");
        t.handle_key(&k(KeyCode::Delete));
        assert_eq!(t.text(), "张a");
        assert!(!t.handle_key(&k(KeyCode::Enter)));
        t.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(t.text(), "");
    }
}
