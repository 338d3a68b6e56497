//! The index: compact entries (see `storage`), a stable order (by pinyin,
//! then name, then id) for ties and empty queries, and the precomputed
//! one-character answers.

use super::filter::Allowed;
use super::fx::FxHashMap;
use super::highlight;
use super::keys::keys_fit;
use super::matcher::{self, Scratch};
use super::one_char::{OneChar, KEEP};
use super::order::{index_cmp, pack, stable_order, top, unpack, Found};
use super::query::{Filters, Query};
use super::storage::Storage;
use super::{Entry, EntryRef, Highlight, Hit};
use std::cmp::Ordering;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::thread::JoinHandle;

/// Below this many candidates a query runs on one thread.
const PARALLEL_FROM: usize = 20_000;

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
    store: Storage,
    /// Full entries handed out by `entry`, made on first request.
    cache: Vec<OnceLock<Box<Entry>>>,
    /// Slots in stable order.
    order: Vec<u32>,
    /// Position of each slot in `order`.
    rank: Vec<u32>,
    slot_of: FxHashMap<i64, u32>,
    /// Made at build time; dropped by changes and remade on the next
    /// one-character query.
    one_char: RwLock<Option<Arc<OneChar>>>,
    /// The one-character table being built in the background from a copy of
    /// the entries (large indexes); taken by the first one-character query,
    /// dropped (its result unused) by a change.
    pending: Mutex<Option<JoinHandle<OneChar>>>,
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
    fn take_pending(&self) -> Option<OneChar> {
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
    }

    fn allowed(&self, f: &Filters) -> Option<Allowed> {
        Allowed::resolve(&self.store, f)
    }

    /// Score of one slot, `None` when filtered out or not matching.
    fn score_slot(
        &self,
        slot: u32,
        q: &Query,
        allowed: &Option<Allowed>,
        scratch: &mut Scratch,
    ) -> Option<i64> {
        let r = &self.store.records[slot as usize];
        if q.mask & !(r.name_mask | r.key_mask) != 0 {
            return None;
        }
        if let Some(a) = allowed {
            if !a.admits(r) {
                return None;
            }
        }
        if q.is_blank() {
            return Some(0);
        }
        matcher::score(&self.store.fields(slot as usize), r, q, scratch)
    }

    fn scan(
        &self,
        slots: impl Iterator<Item = u32>,
        q: &Query,
        allowed: &Option<Allowed>,
        limit: usize,
    ) -> Vec<Found> {
        let mut scratch = Scratch::default();
        let found: Vec<Found> = slots
            .filter_map(|s| {
                self.score_slot(s, q, allowed, &mut scratch)
                    .map(|sc| pack(sc, self.rank[s as usize]))
            })
            .collect();
        top(found, limit)
    }

    /// Hits of packed results (score and rank).
    fn ranked_hits(&self, best: Vec<Found>) -> Vec<Hit> {
        let order = &self.order;
        self.hits(
            best.into_iter()
                .map(unpack)
                .map(|(score, rank)| (score, order[rank as usize])),
        )
    }

    fn hits(&self, best: impl IntoIterator<Item = (i64, u32)>) -> Vec<Hit> {
        best.into_iter()
            .map(|(score, slot)| Hit {
                id: self.store.records[slot as usize].id,
                score,
            })
            .collect()
    }

    /// The precomputed answer to a one-character query, when it applies.
    fn one_char_answer(&self, q: &Query, limit: usize) -> Option<Vec<Hit>> {
        if q.text.len() != 1
            || q.compact.chars().count() != 1
            || !q.filters.is_empty()
            || limit > KEEP
        {
            return None;
        }
        let current = self.one_char.read().ok().and_then(|g| g.clone());
        let table = match current {
            Some(t) => t,
            None => {
                let built = Arc::new(self.take_pending().unwrap_or_else(|| {
                    OneChar::build(&self.order, |slot| self.store.fields(slot))
                }));
                if let Ok(mut g) = self.one_char.write() {
                    *g = Some(built.clone());
                }
                built
            }
        };
        Some(self.hits(table.answer(q.text[0], limit)))
    }

    /// Best matches first; an empty query lists entries in stable order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let q = Query::parse(query);
        if let Some(hits) = self.one_char_answer(&q, limit) {
            return hits;
        }
        let allowed = self.allowed(&q.filters);
        if q.is_blank() {
            let mut scratch = Scratch::default();
            let found = self
                .order
                .iter()
                .filter(|&&s| self.score_slot(s, &q, &allowed, &mut scratch).is_some());
            return self.hits(found.take(limit).map(|&s| (0, s)));
        }
        let n = self.len() as u32;
        let best = if (n as usize) < PARALLEL_FROM {
            self.scan(0..n, &q, &allowed, limit)
        } else {
            let half = n / 2;
            std::thread::scope(|scope| {
                let other = std::thread::Builder::new()
                    .spawn_scoped(scope, || self.scan(half..n, &q, &allowed, limit));
                let mut mine = self.scan(0..half, &q, &allowed, limit);
                // no thread (or a failed one): the other half on this thread
                match other.map_err(|_| ()).and_then(|t| t.join().map_err(|_| ())) {
                    Ok(theirs) => mine.extend(theirs),
                    Err(()) => mine.extend(self.scan(half..n, &q, &allowed, limit)),
                }
                top(mine, limit)
            })
        };
        self.ranked_hits(best)
    }

    /// Like `search`, restricted to `ids` (e.g. a session's enrolled teachers).
    pub fn search_among(&self, query: &str, ids: &[i64], limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let q = Query::parse(query);
        let allowed = self.allowed(&q.filters);
        let mut slots: Vec<u32> = ids
            .iter()
            .filter_map(|id| self.slot_of.get(id).copied())
            .collect();
        slots.sort_unstable();
        slots.dedup();
        let best = self.scan(slots.into_iter(), &q, &allowed, limit);
        self.ranked_hits(best)
    }

    /// Positions to highlight in the entry's name, staff number and phone.
    pub fn highlight(&self, id: i64, query: &str) -> Highlight {
        let Some(&slot) = self.slot_of.get(&id) else {
            return Highlight::default();
        };
        highlight::of_fields(&self.store.fields(slot as usize), query)
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
