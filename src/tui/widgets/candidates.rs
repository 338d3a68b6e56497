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

    /// Like `search`, with `group` deciding each match: `None` leaves it out, `Some(g)` lists
    /// it in group `g` (lower groups first, best first within a group). Returns how many
    /// matches were left out (e.g. retired trainers, for a line that says how to show them).
    /// For small lists: every match is scored.
    pub fn search_grouped(
        &mut self,
        index: &Index,
        text: &str,
        group: impl Fn(i64) -> Option<u8>,
    ) -> usize {
        let query = text.trim();
        self.cursor = 0;
        self.ids.clear();
        if query.is_empty() {
            return 0;
        }
        let mut kept = Vec::new();
        let mut left_out = 0;
        for hit in index.search(query, index.len()) {
            match group(hit.id) {
                Some(g) => kept.push((g, hit.id)),
                None => left_out += 1,
            }
        }
        kept.sort_by_key(|(g, _)| *g);
        self.ids = kept.into_iter().take(SHOWN).map(|(_, id)| id).collect();
        left_out
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

    #[test]
    fn grouped_search_leaves_out_and_orders_by_group() {
        use crate::search::Entry;
        let index = Index::new(vec![
            Entry::named(1, "陈思远", ""),
            Entry::named(2, "陈思源", ""),
            Entry::named(3, "程思雨", ""),
        ]);
        let mut c = Candidates::default();
        let left_out = c.search_grouped(&index, "csy", |id| (id != 2).then_some(0));
        assert_eq!(left_out, 1);
        assert_eq!(c.ids.len(), 2);
        assert!(!c.ids.contains(&2));
        let left_out = c.search_grouped(&index, "csy", |id| Some(u8::from(id == 1)));
        assert_eq!((left_out, c.ids.last()), (0, Some(&1)));
        assert_eq!(c.search_grouped(&index, " ", |_| Some(0)), 0);
        assert!(c.is_empty());
    }
}
