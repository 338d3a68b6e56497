//! The index: compact entries (see `storage`), a stable order (by pinyin,
//! then name, then id) for ties and empty queries, and the precomputed
//! one-character answers.

use super::fx::FxHashMap;
use super::keys::keys_fit;
use super::narrow::Recent;
use super::one_char::OneChar;
use super::order::{index_cmp, stable_order};
use super::sieve::Sieve;
use super::storage::Storage;
use super::{Entry, EntryRef};
use std::cmp::Ordering;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::thread::JoinHandle;

/// Below this many candidates a query runs on one thread.
pub(super) const PARALLEL_FROM: usize = 20_000;

/// From this many entries the one-character table is built in the
/// background after `finish`, so that the index is ready sooner.
const BACKGROUND_FROM: usize = 20_000;

/// Collects entries one by one; `finish` orders them and precomputes the
/// one-character answers.
#[derive(Debug)]
pub struct IndexBuilder {
    store: Storage,
    slot_of: FxHashMap<i64, u32>,
}

impl IndexBuilder {
    /// Adds an entry; a second entry with the same id is ignored.
    pub fn push(&mut self, e: EntryRef<'_>) {
        if self.slot_of.contains_key(&e.id) {
            return;
        }
        self.slot_of.insert(e.id, self.store.records.len() as u32);
        let record = self.store.record_of(&e);
        self.store.records.push(record);
    }

    pub fn finish(self) -> Index {
        let mut store = self.store;
        store.shrink();
        let mut index = Index {
            store,
            slot_of: self.slot_of,
            ..Index::default()
        };
        index.cache = (0..index.len()).map(|_| OnceLock::new()).collect();
        index.order = stable_order(&index.store);
        index.rerank();
        let pending = (index.len() >= BACKGROUND_FROM)
            .then(|| index.build_one_char_in_background())
            .flatten();
        match pending {
            Some(handle) => index.pending = Mutex::new(Some(handle)),
            None => {
                let one = OneChar::build(&index.order, |slot| index.store.fields(slot));
                index.one_char = RwLock::new(Some(Arc::new(one)));
            }
        }
        index
    }
}

/// The fuzzy index. Build it once with `new`, keep it current with
/// `upsert`/`remove`.
#[derive(Debug, Default)]
pub struct Index {
    pub(super) store: Storage,
    /// Full entries handed out by `entry`, made on first request.
    cache: Vec<OnceLock<Box<Entry>>>,
    /// Slots in stable order.
    pub(super) order: Vec<u32>,
    /// Position of each slot in `order`.
    pub(super) rank: Vec<u32>,
    pub(super) slot_of: FxHashMap<i64, u32>,
    /// Made at build time; dropped by changes and remade on the next
    /// one-character query.
    pub(super) one_char: RwLock<Option<Arc<OneChar>>>,
    /// The one-character table being built in the background from a copy of
    /// the entries (large indexes); taken by the first one-character query,
    /// dropped (its result unused) by a change.
    pending: Mutex<Option<JoinHandle<OneChar>>>,
    /// The letters staff numbers begin with (see `pick`), made on first request and dropped
    /// by changes.
    pub(super) staff_heads: OnceLock<Vec<String>>,
    /// The slots whose staff number has no digit (see `narrow`), made on first request and
    /// dropped by changes.
    pub(super) staff_without_digits: OnceLock<Vec<u32>>,
    /// What `narrow`'s sieve reads per slot, side by side; made on first request and
    /// dropped by changes.
    pub(super) sieves: OnceLock<Vec<Sieve>>,
    /// The last searches' candidates, for the next keystrokes (`narrow`); dropped by
    /// changes.
    pub(super) recent: Mutex<Recent>,
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        Index::build(entries)
    }

    /// Builds from any source of entries without holding them all at once.
    pub fn build(entries: impl IntoIterator<Item = Entry>) -> Index {
        let entries = entries.into_iter();
        let mut builder = Index::builder(entries.size_hint().0);
        for e in entries {
            builder.push(e.borrowed());
        }
        builder.finish()
    }

    /// A builder for entries borrowed from elsewhere (database rows).
    pub fn builder(capacity: usize) -> IndexBuilder {
        IndexBuilder {
            store: Storage::with_capacity(capacity),
            slot_of: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    /// Starts building the one-character table on a thread of its own, from
    /// copies of the entries and their order; `None` when no thread starts.
    fn build_one_char_in_background(&self) -> Option<JoinHandle<OneChar>> {
        let store = self.store.clone();
        let order = self.order.clone();
        std::thread::Builder::new()
            .name("search-one-char".into())
            .spawn(move || OneChar::build(&order, |slot| store.fields(slot)))
            .ok()
    }

    /// The background-built one-character table, once (waits for it).
    pub(super) fn take_pending(&self) -> Option<OneChar> {
        let handle = self.pending.lock().ok()?.take()?;
        handle.join().ok()
    }

    fn rerank(&mut self) {
        self.rank.clear();
        self.rank.resize(self.order.len(), 0);
        for (pos, slot) in self.order.iter().enumerate() {
            self.rank[*slot as usize] = pos as u32;
        }
    }

    pub fn len(&self) -> usize {
        self.store.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.records.is_empty()
    }

    pub fn entry(&self, id: i64) -> Option<&Entry> {
        let slot = *self.slot_of.get(&id)? as usize;
        let cell = self.cache.get(slot)?;
        Some(cell.get_or_init(|| Box::new(self.store.entry(slot))))
    }

    /// Whether the entry is in service (a teacher whose status is active, or a record with
    /// no status); `false` for an id the index does not hold.
    pub fn is_active(&self, id: i64) -> bool {
        let Some(&slot) = self.slot_of.get(&id) else {
            return false;
        };
        let r = &self.store.records[slot as usize];
        matches!(self.store.statuses.name(r.status as u32), "" | "active")
    }

    /// Whether the index holds `e` unchanged (same id and fields), compared
    /// without making an `Entry`: use this, not `entry(id) == Some(e)`, to
    /// check many entries (`entry` keeps every entry it makes).
    pub fn is_current(&self, e: &Entry) -> bool {
        let Some(&slot) = self.slot_of.get(&e.id) else {
            return false;
        };
        let f = self.store.fields(slot as usize);
        let r = &self.store.records[slot as usize];
        let s = &self.store;
        let keys_same =
            !keys_fit(&e.name, &e.pinyin) || (f.pinyin == e.pinyin && f.initials == e.initials);
        f.name == e.name
            && keys_same
            && f.staff_no == e.staff_no
            && f.phone == e.phone
            && s.schools.name(r.school) == e.school
            && s.subjects.name(r.subject) == e.subject
            && s.tiers.name(r.tier as u32) == e.tier
            && s.stages.name(r.stage as u32) == e.stage
            && s.statuses.name(r.status as u32) == e.status
    }

    fn changed(&mut self) {
        // a table still being built describes the entries before this change
        if let Ok(mut pending) = self.pending.lock() {
            pending.take();
        }
        self.store.compact_if_wasteful();
        self.rerank();
        if let Ok(mut g) = self.one_char.write() {
            *g = None;
        }
        self.staff_heads = OnceLock::new();
        self.staff_without_digits = OnceLock::new();
        self.sieves = OnceLock::new();
        self.recent = Mutex::default();
    }

    /// Adds the entry, or replaces the entry with the same id.
    pub fn upsert(&mut self, entry: Entry) {
        let record = self.store.record_of(&entry.borrowed());
        let slot = match self.slot_of.get(&entry.id) {
            Some(&slot) => {
                self.order.remove(self.rank[slot as usize] as usize);
                self.store.release(slot as usize);
                self.store.records[slot as usize] = record;
                self.cache[slot as usize] = OnceLock::new();
                slot
            }
            None => {
                let slot = self.len() as u32;
                self.slot_of.insert(entry.id, slot);
                self.store.records.push(record);
                self.cache.push(OnceLock::new());
                slot
            }
        };
        let store = &self.store;
        let pos = self
            .order
            .partition_point(|s| index_cmp(store, *s, slot) == Ordering::Less);
        self.order.insert(pos, slot);
        self.changed();
    }

    /// Removes the entry with this id (nothing when absent).
    pub fn remove(&mut self, id: i64) {
        let Some(slot) = self.slot_of.remove(&id) else {
            return;
        };
        self.order.remove(self.rank[slot as usize] as usize);
        self.store.release(slot as usize);
        let last = (self.len() - 1) as u32;
        self.store.records.swap_remove(slot as usize);
        self.cache.swap_remove(slot as usize);
        self.rank.swap_remove(slot as usize);
        if slot != last {
            let moved = self.store.records[slot as usize].id;
            self.slot_of.insert(moved, slot);
            if let Some(s) = self.order.iter_mut().find(|s| **s == last) {
                *s = slot;
            }
        }
        self.changed();
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
