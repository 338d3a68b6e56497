//! The suggestions under a search-as-you-type field (a teacher in the credit form, a trainer
//! in the session form): the ids the search index matched, best first, and the highlighted
//! one. ↑/↓ move the highlight, Enter or Tab take it.

use crate::search::Index;
use crossterm::event::{KeyCode, KeyEvent};

/// How many suggestions are kept (and listed) under the field.
pub const SHOWN: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidates {
    /// Matching ids, best first.
    pub ids: Vec<i64>,
    /// The highlighted one (an index into `ids`).
    pub cursor: usize,
}

/// What a key did to the suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKey {
    /// ↑/↓ moved the highlight; the key is used up.
    Moved,
    /// Enter or Tab: take the highlighted id (the key also goes on to the field).
    Take(i64),
    /// Not a key for the suggestions (or there are none).
    Other,
}

impl Candidates {
    /// Searches `index` for the field's text; no suggestions for an empty text.
    pub fn search(&mut self, index: &Index, text: &str) {
        let query = text.trim();
        self.ids = if query.is_empty() {
            Vec::new()
        } else {
            index
                .search(query, SHOWN)
                .into_iter()
                .map(|h| h.id)
                .collect()
        };
        self.cursor = 0;
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// The suggestions to list, each with whether it is the highlighted one.
    pub fn shown(&self) -> impl Iterator<Item = (i64, bool)> + '_ {
        self.ids
            .iter()
            .take(SHOWN)
            .enumerate()
            .map(|(i, &id)| (id, i == self.cursor))
    }

    /// A key while the field has the focus.
    pub fn handle_key(&mut self, key: &KeyEvent) -> CandidateKey {
        if self.ids.is_empty() {
            return CandidateKey::Other;
        }
        match key.code {
            KeyCode::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                CandidateKey::Moved
            }
            KeyCode::Down => {
                self.cursor = (self.cursor + 1).min(self.ids.len() - 1);
                CandidateKey::Moved
            }
            KeyCode::Enter | KeyCode::Tab => match self.ids.get(self.cursor) {
                Some(&id) => CandidateKey::Take(id),
                None => CandidateKey::Other,
            },
            _ => CandidateKey::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_move_within_the_suggestions_and_enter_takes_the_highlighted_one() {
        let mut c = Candidates {
            ids: vec![7, 8, 9],
            cursor: 0,
        };
        assert_eq!(c.handle_key(&key(KeyCode::Up)), CandidateKey::Moved);
        assert_eq!(c.cursor, 0);
        for _ in 0..5 {
            c.handle_key(&key(KeyCode::Down));
        }
        assert_eq!(c.cursor, 2);
        assert_eq!(c.handle_key(&key(KeyCode::Tab)), CandidateKey::Take(9));
        assert_eq!(c.handle_key(&key(KeyCode::Left)), CandidateKey::Other);
        let shown: Vec<_> = c.shown().collect();
        assert_eq!(shown, vec![(7, false), (8, false), (9, true)]);
        c.clear();
        assert_eq!(c.handle_key(&key(KeyCode::Enter)), CandidateKey::Other);
    }
}
