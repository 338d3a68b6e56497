//! Whether one entry's text can be a hit of a query, without an index: the
//! first pass of `lookup`, which then ranks only the entries it admits in a
//! small index (scores are per entry and the stable order is a total order,
//! so they rank exactly as in the index of everyone).

use super::matcher::{self, Scratch};
use super::query::Query;
use super::storage::Storage;
use super::EntryRef;

/// The characters of an entry's name, pinyin keys (recomputed when stale, as the index
/// does), staff number and phone: an entry whose mask lacks a bit of `Probe::mask` is
/// not found. Stored beside the entry so most entries are passed over unread.
pub fn text_mask(name: &str, pinyin: &str, staff_no: &str, phone: &str) -> u64 {
    let mut store = Storage::default();
    let e = EntryRef {
        name,
        pinyin,
        staff_no,
        phone,
        ..EntryRef::default()
    };
    let r = store.record_of(&e);
    r.name_mask | r.key_mask
}

/// A parsed query and the buffers to test entries against it.
pub struct Probe {
    query: Query,
    store: Storage,
    scratch: Scratch,
}

impl Probe {
    pub fn new(query: &str) -> Probe {
        Probe {
            query: Query::parse(query),
            store: Storage::default(),
            scratch: Scratch::default(),
        }
    }

    /// The characters every entry the query finds has (see `text_mask`); 0 for a query
    /// without text.
    pub fn mask(&self) -> u64 {
        if self.query.is_blank() {
            0
        } else {
            self.query.mask
        }
    }

    /// Whether the entry's name, pinyin keys, staff number or phone match the query's
    /// text (field prefixes are not looked at: the index applies them). Every entry the
    /// index would find is admitted.
    pub fn admits(&mut self, e: &EntryRef<'_>) -> bool {
        if self.query.is_blank() {
            return true;
        }
        let text_only = EntryRef {
            school: "",
            tier: "",
            subject: "",
            stage: "",
            status: "",
            ..*e
        };
        self.store.clear();
        let record = self.store.record_of(&text_only);
        if self.query.mask & !(record.name_mask | record.key_mask) != 0 {
            return false;
        }
        self.store.records.push(record);
        matcher::score(
            &self.store.fields(0),
            &record,
            &self.query,
            &mut self.scratch,
        )
        .is_some()
    }
}
