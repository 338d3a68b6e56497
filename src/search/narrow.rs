//! Incremental narrowing (issue 11): a query typed one key at a time is searched among
//! what the previous keystroke kept, not among every entry.
//!
//! Each search of a query without digits keeps its candidates: every entry that matches
//! it by name, and every entry that may match a query extending its text (see
//! `matcher::Verdict`). A name match of a longer query is a name match of each of its
//! prefixes (the units that spell the longer query spell its start), so when the text
//! grows with the same filters only the kept candidates are scored; backspace finds the
//! shorter query's candidates still kept. Staff numbers are not narrowed: a query with a
//! digit is searched in full, and a staff number without digits (which such a query can
//! equal) is looked up among the few there are. The answer is exactly the full search's.
//!
//! Per candidate, two masks of `Record` sieve before scoring: the query's first character
//! must begin a syllable (or be a unit) of the name (`inits`), and a match that does not
//! begin at the first unit (`lead`) is fuzzy — such entries are scored only when fewer
//! than `limit` better matches were found.

use super::filter::Allowed;
use super::index::{Index, PARALLEL_FROM};
use super::matcher::{self, Scratch, Verdict};
use super::order::{pack, top, unpack, Found};
use super::query::{Filters, Query};
use super::rank::{self, Match};
use super::sieve::{ascending, bucket, bucket_bound, letter_bit, Sieve, BUCKETS};
use std::sync::Arc;

/// Searches kept: the query being typed and the shorter ones backspace returns to.
const KEPT: usize = 8;

/// What one query found, kept for the next keystrokes.
#[derive(Debug)]
pub(super) struct Sifted {
    text: Vec<char>,
    compact: String,
    has_han: bool,
    filters: Filters,
    /// Slots that match the query by name or may match a query extending it (see the
    /// module documentation), ascending.
    candidates: Vec<u32>,
    /// The best `limit` results, best first.
    pub best: Vec<Found>,
    limit: usize,
    /// How many entries match, when every candidate was scored.
    pub total: Option<usize>,
}

/// The searches kept, oldest first.
#[derive(Debug, Default)]
pub(super) struct Recent {
    kept: Vec<Arc<Sifted>>,
}

impl Recent {
    /// The kept search of exactly this query, and the kept search with the fewest
    /// candidates whose text begins the query's (same filters, Han or not alike).
    fn find(&self, q: &Query) -> (Option<Arc<Sifted>>, Option<Arc<Sifted>>) {
        let usable = |s: &&Arc<Sifted>| {
            s.has_han == q.has_han && s.filters == q.filters && q.text.starts_with(&s.text)
        };
        let same = self
            .kept
            .iter()
            .find(|s| usable(s) && s.text == q.text && s.compact == q.compact);
        let narrowest = self
            .kept
            .iter()
            .filter(usable)
            .min_by_key(|s| s.candidates.len());
        (same.cloned(), narrowest.cloned())
    }

    fn keep(&mut self, s: Arc<Sifted>) {
        self.kept
            .retain(|k| !(k.text == s.text && k.compact == s.compact && k.filters == s.filters));
        self.kept.push(s);
        if self.kept.len() > KEPT {
            self.kept.remove(0);
        }
    }
}

/// One part's sieve: its hits, its candidates, and whether it scored every candidate.
struct Part {
    hits: Vec<Found>,
    candidates: Vec<u32>,
    complete: bool,
}

/// Whether narrowing answers this query: text without digits.
pub(super) fn applies(q: &Query) -> bool {
    !q.text.is_empty() && !q.has_digit
}

impl Index {
    /// The query's best `limit` results (and, with `complete`, how many match), from the
    /// kept searches when one fits. Call only when `applies(q)`.
    pub(super) fn sift(
        &self,
        q: &Query,
        allowed: &Option<Allowed>,
        limit: usize,
        complete: bool,
    ) -> Arc<Sifted> {
        let (same, narrowest) = match self.recent.lock() {
            Ok(recent) => recent.find(q),
            Err(_) => (None, None),
        };
        let mut limit = limit;
        if let Some(s) = same {
            if limit <= s.limit && (!complete || s.total.is_some()) {
                return s;
            }
            limit = limit.max(s.limit);
        }
        let parts = match &narrowest {
            Some(s) => self.sieve_split(&s.candidates, q, allowed, limit, complete),
            None => {
                let all: Vec<u32> = (0..self.len() as u32).collect();
                self.sieve_split(&all, q, allowed, limit, complete)
            }
        };
        let mut hits = Vec::new();
        let mut candidates = Vec::new();
        let mut scored_all = true;
        for part in parts {
            hits.extend(part.hits);
            candidates.extend(part.candidates);
            scored_all &= part.complete;
        }
        self.add_staff_numbers_without_digits(q, allowed, &mut hits);
        let total = scored_all.then_some(hits.len());
        let sifted = Arc::new(Sifted {
            text: q.text.clone(),
            compact: q.compact.clone(),
            has_han: q.has_han,
            filters: q.filters.clone(),
            candidates,
            best: top(hits, limit),
            limit,
            total,
        });
        if let Ok(mut recent) = self.recent.lock() {
            recent.keep(sifted.clone());
        }
        sifted
    }

    /// Forgets the kept searches (the next search starts from every entry).
    pub fn forget_recent_searches(&self) {
        if let Ok(mut recent) = self.recent.lock() {
            recent.kept.clear();
        }
    }

    /// The sieve over `slots`, in two halves on two threads when there are many.
    fn sieve_split(
        &self,
        slots: &[u32],
        q: &Query,
        allowed: &Option<Allowed>,
        limit: usize,
        complete: bool,
    ) -> Vec<Part> {
        if slots.len() < PARALLEL_FROM {
            return vec![self.sieve(slots, q, allowed, limit, complete)];
        }
        let (first, second) = slots.split_at(slots.len() / 2);
        std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .spawn_scoped(scope, || self.sieve(second, q, allowed, limit, complete));
            let mine = self.sieve(first, q, allowed, limit, complete);
            // no thread (or a failed one): the other half on this thread
            let theirs = match other.map_err(|_| ()).and_then(|t| t.join().map_err(|_| ())) {
                Ok(theirs) => theirs,
                Err(()) => self.sieve(second, q, allowed, limit, complete),
            };
            vec![mine, theirs]
        })
    }

    /// Scores the slots that may match by name, best possible first: each entry goes in a
    /// bucket by the best score its name allows (`bound`), and once `limit` hits score
    /// above every bucket left, those are not scored (none of them is among the best
    /// `limit`) but kept as candidates. With `complete` every bucket is scored.
    fn sieve(
        &self,
        slots: &[u32],
        q: &Query,
        allowed: &Option<Allowed>,
        limit: usize,
        complete: bool,
    ) -> Part {
        let first = q.text[0];
        // a non-ASCII first character may match a unit by case folding: no sieve for it
        let bit = if first.is_ascii() {
            letter_bit(first)
        } else {
            0
        };
        let sieves = self.sieves();
        let mut buckets: [Vec<u32>; BUCKETS] = Default::default();
        for &slot in slots {
            let Some(s) = sieves.get(slot as usize) else {
                continue;
            };
            if q.mask & !s.mask != 0 || s.inits & bit != bit {
                continue;
            }
            if let Some(a) = allowed {
                if !a.admits(&self.store.records[slot as usize]) {
                    continue;
                }
            }
            buckets[bucket(s, q, bit)].push(slot);
        }
        let mut scratch = Scratch::default();
        let mut part = Part {
            hits: Vec::new(),
            candidates: Vec::new(),
            complete: true,
        };
        let mut kept = Vec::new();
        for b in 0..BUCKETS {
            for &slot in &buckets[b] {
                self.judge(slot, &sieves[slot as usize], q, &mut scratch, &mut part);
            }
            let Some(next) = (b + 1..BUCKETS).find(|n| !buckets[*n].is_empty()) else {
                break;
            };
            let above = bucket_bound(next);
            if !complete && part.hits.iter().filter(|f| unpack(**f).0 > above).count() >= limit {
                part.complete = false;
                kept.extend(buckets[next..].iter().flatten().copied());
                break;
            }
        }
        kept.append(&mut part.candidates);
        part.candidates = ascending(kept, self.len());
        part
    }

    /// Scores one slot by name into `part`.
    fn judge(&self, slot: u32, s: &Sieve, q: &Query, scratch: &mut Scratch, part: &mut Part) {
        let (name, pinyin) = self.store.name_and_pinyin(s.place);
        match matcher::by_name(name, pinyin, s.name_mask, q, scratch) {
            Verdict::Hit(score) => {
                part.hits.push(pack(score, self.rank[slot as usize]));
                part.candidates.push(slot);
            }
            Verdict::Maybe => part.candidates.push(slot),
            Verdict::Miss => {}
        }
    }

    /// A query without digits equals only staff numbers without digits: their exact
    /// matches (once each) join the hits.
    fn add_staff_numbers_without_digits(
        &self,
        q: &Query,
        allowed: &Option<Allowed>,
        hits: &mut Vec<Found>,
    ) {
        let exact = rank::score(Match::Exact, true, 0);
        for &slot in self.staff_numbers_without_digits() {
            let r = &self.store.records[slot as usize];
            let staff_no = self.store.fields(slot as usize).staff_no;
            if !staff_no.eq_ignore_ascii_case(&q.compact)
                || allowed.as_ref().is_some_and(|a| !a.admits(r))
            {
                continue;
            }
            let rank = self.rank[slot as usize];
            // a name match of the same slot: the staff number's exact match is the best
            hits.retain(|f| f & u64::from(u32::MAX) != u64::from(rank));
            hits.push(pack(exact, rank));
        }
    }

    /// Per slot, what the sieve reads (made on first request and dropped by changes).
    fn sieves(&self) -> &[Sieve] {
        self.sieves
            .get_or_init(|| self.store.records.iter().map(Sieve::of).collect())
    }

    /// The slots whose staff number has no ASCII digit (made on first request and
    /// dropped by changes).
    fn staff_numbers_without_digits(&self) -> &[u32] {
        self.staff_without_digits.get_or_init(|| {
            (0..self.len() as u32)
                .filter(|&slot| {
                    let staff_no = self.store.fields(slot as usize).staff_no;
                    !staff_no.is_empty() && !staff_no.bytes().any(|b| b.is_ascii_digit())
                })
                .collect()
        })
    }
}

#[cfg(test)]
#[path = "narrow_tests.rs"]
mod tests;
