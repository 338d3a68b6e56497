//! Answering queries: the one ranking function (`rank`) over every entry, a
//! set of ids, or the desk's enrolled teachers with its context.

use super::filter::Allowed;
use super::index::{Index, PARALLEL_FROM};
use super::matcher::{self, Scratch};
use super::narrow;
use super::one_char::{OneChar, KEEP};
use super::order::{pack, top, unpack, Found};
use super::query::{Filters, Query};
use super::rank;
use super::{highlight, Highlight, Hit};
use std::sync::Arc;

/// Whether an entry is already marked at the desk (its context), if known.
type Marked<'a> = Option<&'a dyn Fn(i64) -> bool>;

impl Index {
    pub(super) fn allowed(&self, f: &Filters) -> Option<Allowed> {
        Allowed::resolve(&self.store, f)
    }

    /// Score of one slot, `None` when filtered out or not matching. With
    /// `marked` (the desk), an entry not marked ranks before equal matches
    /// that are (`rank::with_context`).
    fn score_slot(
        &self,
        slot: u32,
        q: &Query,
        allowed: &Option<Allowed>,
        marked: Marked<'_>,
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
        let score = matcher::score(&self.store.fields(slot as usize), r, q, scratch)?;
        Some(match marked {
            Some(marked) => rank::with_context(score, !marked(r.id)),
            None => score,
        })
    }

    pub(super) fn scan(
        &self,
        slots: impl Iterator<Item = u32>,
        q: &Query,
        allowed: &Option<Allowed>,
        marked: Marked<'_>,
        limit: usize,
    ) -> Vec<Found> {
        let mut scratch = Scratch::default();
        let found: Vec<Found> = slots
            .filter_map(|s| {
                self.score_slot(s, q, allowed, marked, &mut scratch)
                    .map(|sc| pack(sc, self.rank[s as usize]))
            })
            .collect();
        top(found, limit)
    }

    /// Hits of packed results (score and rank).
    pub(super) fn ranked_hits(&self, best: Vec<Found>) -> Vec<Hit> {
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
            let found = self.order.iter().filter(|&&s| {
                self.score_slot(s, &q, &allowed, None, &mut scratch)
                    .is_some()
            });
            return self.hits(found.take(limit).map(|&s| (0, s)));
        }
        if narrow::applies(&q) {
            let sifted = self.sift(&q, &allowed, limit, false);
            return self.ranked_hits(sifted.best.iter().take(limit).copied().collect());
        }
        let n = self.len() as u32;
        let best = if (n as usize) < PARALLEL_FROM {
            self.scan(0..n, &q, &allowed, None, limit)
        } else {
            let half = n / 2;
            std::thread::scope(|scope| {
                let other = std::thread::Builder::new()
                    .spawn_scoped(scope, || self.scan(half..n, &q, &allowed, None, limit));
                let mut mine = self.scan(0..half, &q, &allowed, None, limit);
                // no thread (or a failed one): the other half on this thread
                match other.map_err(|_| ()).and_then(|t| t.join().map_err(|_| ())) {
                    Ok(theirs) => mine.extend(theirs),
                    Err(()) => mine.extend(self.scan(half..n, &q, &allowed, None, limit)),
                }
                top(mine, limit)
            })
        };
        self.ranked_hits(best)
    }

    /// How many entries `search` would find with no limit (the filters and text alike).
    pub fn count(&self, query: &str) -> usize {
        let q = Query::parse(query);
        let allowed = self.allowed(&q.filters);
        if narrow::applies(&q) {
            if let Some(total) = self.sift(&q, &allowed, 0, true).total {
                return total;
            }
        }
        let mut scratch = Scratch::default();
        (0..self.len() as u32)
            .filter(|&s| {
                self.score_slot(s, &q, &allowed, None, &mut scratch)
                    .is_some()
            })
            .count()
    }

    /// Like `search`, restricted to `ids` (e.g. a session's enrolled teachers).
    pub fn search_among(&self, query: &str, ids: &[i64], limit: usize) -> Vec<Hit> {
        self.search_among_in_context(query, ids, None, limit)
    }

    /// The desk's search: like `search_among` over the session's enrolled
    /// teachers, and among equally good matches those `marked` says are not
    /// yet marked in the session come first (README "Search", the ties).
    pub fn search_at_desk(
        &self,
        query: &str,
        enrolled: &[i64],
        marked: &dyn Fn(i64) -> bool,
        limit: usize,
    ) -> Vec<Hit> {
        self.search_among_in_context(query, enrolled, Some(marked), limit)
    }

    fn search_among_in_context(
        &self,
        query: &str,
        ids: &[i64],
        marked: Marked<'_>,
        limit: usize,
    ) -> Vec<Hit> {
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
        let best = self.scan(slots.into_iter(), &q, &allowed, marked, limit);
        self.ranked_hits(best)
    }

    /// Positions to highlight in the entry's name, staff number and phone.
    pub fn highlight(&self, id: i64, query: &str) -> Highlight {
        let Some(&slot) = self.slot_of.get(&id) else {
            return Highlight::default();
        };
        highlight::of_fields(&self.store.fields(slot as usize), query)
    }
}
