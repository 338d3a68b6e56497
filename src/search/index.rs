//! The index: entries, their character masks and field codes, and a stable
//! order (by pinyin, then name, then id) used for ties and empty queries.

use super::keys::{is_unit, pinyin_keys, ALT_SEP, SYLLABLE_SEP};
use super::matcher::{self, Scratch};
use super::query::{char_bit, stage_matches, text_matches, tier_matches, Filters, Query};
use super::{Entry, Highlight, Hit};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Below this many candidates a query runs on one thread.
const PARALLEL_FROM: usize = 20_000;

/// Per-entry data the scan reads before touching the entry itself.
#[derive(Debug, Clone, Copy)]
struct Meta {
    mask: u64,
    school: u32,
    subject: u32,
    tier: u16,
    stage: u16,
}

/// Distinct values of one field (schools, subjects, tiers, stages).
#[derive(Debug, Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn get(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    /// Which values pass every filter value; `None` when nothing filters.
    fn allowed(&self, values: &[String], matches: fn(&str, &str) -> bool) -> Option<Vec<bool>> {
        if values.is_empty() {
            return None;
        }
        Some(
            self.names
                .iter()
                .map(|name| values.iter().all(|v| matches(name, v)))
                .collect(),
        )
    }
}

/// The filters of one query, resolved to allowed field codes.
struct Allowed {
    school: Option<Vec<bool>>,
    subject: Option<Vec<bool>>,
    tier: Option<Vec<bool>>,
    stage: Option<Vec<bool>>,
}

fn pass(allowed: &Option<Vec<bool>>, code: u32) -> bool {
    allowed
        .as_ref()
        .is_none_or(|a| a.get(code as usize).copied().unwrap_or(false))
}

impl Allowed {
    fn admits(&self, m: &Meta) -> bool {
        pass(&self.school, m.school)
            && pass(&self.subject, m.subject)
            && pass(&self.tier, m.tier as u32)
            && pass(&self.stage, m.stage as u32)
    }
}

/// The fuzzy index. Build it once with `new`, keep it current with
/// `upsert`/`remove`.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    meta: Vec<Meta>,
    /// Slots in stable order.
    order: Vec<u32>,
    /// Position of each slot in `order`.
    rank: Vec<u32>,
    slot_of: HashMap<i64, u32>,
    schools: Interner,
    subjects: Interner,
    tiers: Interner,
    stages: Interner,
}

/// Whether stored keys fit the name (one syllable per unit); stale or missing
/// keys are recomputed.
fn keys_fit(name: &str, pinyin: &str) -> bool {
    let units = name.chars().filter(|c| is_unit(*c)).count();
    if units == 0 {
        return pinyin.is_empty();
    }
    pinyin
        .split(ALT_SEP)
        .all(|alt| !alt.is_empty() && alt.split(SYLLABLE_SEP).count() == units)
}

fn entry_mask(e: &Entry) -> u64 {
    let mut mask = 0u64;
    for b in e.pinyin.bytes() {
        if b.is_ascii_alphanumeric() {
            mask |= char_bit(b as char);
            if b == b'v' {
                mask |= char_bit('u');
            }
        }
    }
    for c in e.staff_no.chars().chain(e.phone.chars()) {
        mask |= char_bit(c);
    }
    for c in e.name.chars().filter(|c| !c.is_ascii()) {
        mask |= char_bit(c);
    }
    mask
}

/// Keeps the best `limit` of `(score, rank, slot)`, best first.
fn top(mut v: Vec<(i64, u32, u32)>, limit: usize) -> Vec<(i64, u32, u32)> {
    let key = |a: &(i64, u32, u32), b: &(i64, u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if v.len() > limit && limit > 0 {
        v.select_nth_unstable_by(limit - 1, key);
    }
    v.truncate(limit);
    v.sort_unstable_by(key);
    v
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        let mut index = Index {
            entries: Vec::with_capacity(entries.len()),
            meta: Vec::with_capacity(entries.len()),
            ..Index::default()
        };
        for mut e in entries {
            if index.slot_of.contains_key(&e.id) {
                continue;
            }
            if !keys_fit(&e.name, &e.pinyin) {
                let (p, i) = pinyin_keys(&e.name);
                e.pinyin = p;
                e.initials = i;
            }
            let meta = index.meta_of(&e);
            index.slot_of.insert(e.id, index.entries.len() as u32);
            index.entries.push(e);
            index.meta.push(meta);
        }
        index.entries.shrink_to_fit();
        index.meta.shrink_to_fit();
        index.order = (0..index.entries.len() as u32).collect();
        let entries = &index.entries;
        index
            .order
            .sort_unstable_by(|a, b| cmp_entries(&entries[*a as usize], &entries[*b as usize]));
        index.rerank();
        index
    }

    fn meta_of(&mut self, e: &Entry) -> Meta {
        Meta {
            mask: entry_mask(e),
            school: self.schools.get(&e.school),
            subject: self.subjects.get(&e.subject),
            tier: self.tiers.get(&e.tier) as u16,
            stage: self.stages.get(&e.stage) as u16,
        }
    }

    fn rerank(&mut self) {
        self.rank.clear();
        self.rank.resize(self.order.len(), 0);
        for (pos, slot) in self.order.iter().enumerate() {
            self.rank[*slot as usize] = pos as u32;
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, id: i64) -> Option<&Entry> {
        self.slot_of.get(&id).map(|s| &self.entries[*s as usize])
    }

    /// Entries in stable order (by pinyin, then name, then id).
    pub fn entries_in_order(&self) -> impl Iterator<Item = &Entry> {
        self.order.iter().map(|s| &self.entries[*s as usize])
    }

    fn allowed(&self, f: &Filters) -> Option<Allowed> {
        if f.is_empty() {
            return None;
        }
        Some(Allowed {
            school: self.schools.allowed(&f.school, text_matches),
            subject: self.subjects.allowed(&f.subject, text_matches),
            tier: self.tiers.allowed(&f.tier, tier_matches),
            stage: self.stages.allowed(&f.stage, stage_matches),
        })
    }

    /// Score of one slot, `None` when filtered out or not matching.
    fn score_slot(
        &self,
        slot: u32,
        q: &Query,
        allowed: &Option<Allowed>,
        scratch: &mut Scratch,
    ) -> Option<i64> {
        let m = &self.meta[slot as usize];
        if q.mask & !m.mask != 0 {
            return None;
        }
        if let Some(a) = allowed {
            if !a.admits(m) {
                return None;
            }
        }
        if q.is_blank() {
            return Some(0);
        }
        matcher::score(&self.entries[slot as usize], q, scratch)
    }

    fn scan(
        &self,
        slots: &[u32],
        q: &Query,
        allowed: &Option<Allowed>,
        limit: usize,
    ) -> Vec<(i64, u32, u32)> {
        let mut scratch = Scratch::default();
        let found: Vec<(i64, u32, u32)> = slots
            .iter()
            .filter_map(|&s| {
                self.score_slot(s, q, allowed, &mut scratch)
                    .map(|sc| (sc, self.rank[s as usize], s))
            })
            .collect();
        top(found, limit)
    }

    fn hits(&self, best: Vec<(i64, u32, u32)>) -> Vec<Hit> {
        best.into_iter()
            .map(|(score, _, slot)| Hit {
                id: self.entries[slot as usize].id,
                score,
            })
            .collect()
    }

    /// Best matches first; an empty query lists entries in stable order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let q = Query::parse(query);
        let allowed = self.allowed(&q.filters);
        if q.is_blank() {
            let mut scratch = Scratch::default();
            return self
                .order
                .iter()
                .filter(|&&s| self.score_slot(s, &q, &allowed, &mut scratch).is_some())
                .take(limit)
                .map(|&s| Hit {
                    id: self.entries[s as usize].id,
                    score: 0,
                })
                .collect();
        }
        let slots: Vec<u32> = (0..self.entries.len() as u32).collect();
        if slots.len() < PARALLEL_FROM {
            return self.hits(self.scan(&slots, &q, &allowed, limit));
        }
        let (left, right) = slots.split_at(slots.len() / 2);
        let merged = std::thread::scope(|scope| {
            let other = scope.spawn(|| self.scan(right, &q, &allowed, limit));
            let mut mine = self.scan(left, &q, &allowed, limit);
            match other.join() {
                Ok(theirs) => mine.extend(theirs),
                Err(_) => {
                    return self
                        .scan(right, &q, &allowed, limit)
                        .into_iter()
                        .chain(mine)
                        .collect()
                }
            }
            mine
        });
        self.hits(top(merged, limit))
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
        self.hits(self.scan(&slots, &q, &allowed, limit))
    }

    /// Positions to highlight in the entry's name, staff number and phone.
    pub fn highlight(&self, id: i64, query: &str) -> Highlight {
        let Some(e) = self.entry(id) else {
            return Highlight::default();
        };
        let q = Query::parse(query);
        let mut h = Highlight {
            name: matcher::name_positions(&e.name, &e.pinyin, &q.text),
            ..Highlight::default()
        };
        if !q.compact.is_empty() && (q.has_digit || e.staff_no.eq_ignore_ascii_case(&q.compact)) {
            if let Some(at) = matcher::find_ascii_ci(&e.staff_no, &q.compact) {
                let first = e.staff_no[..at].chars().count();
                h.staff_no = (first..first + q.compact.chars().count()).collect();
            }
        }
        if q.all_digits && q.text.len() >= 4 && matcher::phone_tail(&e.phone, &q.text) {
            let mut left = q.text.len();
            let mut pos: Vec<usize> = Vec::new();
            for (i, c) in e
                .phone
                .chars()
                .collect::<Vec<_>>()
                .into_iter()
                .enumerate()
                .rev()
            {
                if left == 0 {
                    break;
                }
                if c.is_ascii_digit() {
                    pos.push(i);
                    left -= 1;
                }
            }
            pos.reverse();
            h.phone = pos;
        }
        h
    }

    /// Adds the entry, or replaces the entry with the same id.
    pub fn upsert(&mut self, mut entry: Entry) {
        if !keys_fit(&entry.name, &entry.pinyin) {
            let (p, i) = pinyin_keys(&entry.name);
            entry.pinyin = p;
            entry.initials = i;
        }
        let meta = self.meta_of(&entry);
        let slot = match self.slot_of.get(&entry.id) {
            Some(&slot) => {
                let pos = self.rank[slot as usize] as usize;
                self.order.remove(pos);
                self.entries[slot as usize] = entry;
                self.meta[slot as usize] = meta;
                slot
            }
            None => {
                let slot = self.entries.len() as u32;
                self.slot_of.insert(entry.id, slot);
                self.entries.push(entry);
                self.meta.push(meta);
                slot
            }
        };
        let e = &self.entries[slot as usize];
        let pos = self
            .order
            .partition_point(|s| cmp_entries(&self.entries[*s as usize], e) == Ordering::Less);
        self.order.insert(pos, slot);
        self.rerank();
    }

    /// Removes the entry with this id (nothing when absent).
    pub fn remove(&mut self, id: i64) {
        let Some(slot) = self.slot_of.remove(&id) else {
            return;
        };
        let pos = self.rank[slot as usize] as usize;
        self.order.remove(pos);
        let last = (self.entries.len() - 1) as u32;
        self.entries.swap_remove(slot as usize);
        self.meta.swap_remove(slot as usize);
        if slot != last {
            let moved = self.entries[slot as usize].id;
            self.slot_of.insert(moved, slot);
            for s in self.order.iter_mut() {
                if *s == last {
                    *s = slot;
                }
            }
        }
        self.rerank();
    }
}

fn cmp_entries(a: &Entry, b: &Entry) -> Ordering {
    a.pinyin
        .cmp(&b.pinyin)
        .then_with(|| a.name.cmp(&b.name))
        .then(a.id.cmp(&b.id))
}
