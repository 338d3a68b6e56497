//! Precomputed answers for one-character queries (docs/rules.md §8): a single
//! letter matches most of 200,000 names, so scanning and ranking them per
//! keystroke is too slow. One pass over the entries in stable order keeps,
//! for each character, the best `KEEP` entries of each score.
//!
//! `scores_of` must give exactly what `matcher::score` gives for the
//! one-character query; a unit test checks this over synthetic entries.

use super::fx::FxHashMap;
use super::matcher::{Scratch, CHAR, END, FULL, LEAD_SKIP, UNIT};
use super::rank::{score, Match};
use super::storage::Fields;

/// Entries kept per character; longer result lists fall back to a scan.
pub const KEEP: usize = 1000;

/// Per character: `(score, slot)` best first (ties in stable order).
#[derive(Debug, Default)]
pub struct OneChar {
    lists: FxHashMap<char, Vec<(i32, u32)>>,
}

fn raise(scores: &mut Vec<(char, i64)>, c: char, s: i64) {
    match scores.iter_mut().find(|(k, _)| *k == c) {
        Some(slot) => slot.1 = slot.1.max(s),
        None => scores.push((c, s)),
    }
}

/// Every character that, typed alone, matches this entry, with its score.
pub fn scores_of(f: &Fields<'_>, scratch: &mut Scratch, out: &mut Vec<(char, i64)>) {
    out.clear();
    scratch.load(f.name, f.pinyin);
    let n = scratch.unit_count();
    let py = f.pinyin.as_bytes();
    for j in 0..n {
        // a later unit: the fuzzy closeness `run_dp` gives one character there
        let fuzzy = |full: i32| {
            let s = UNIT + CHAR + full - LEAD_SKIP * j as i32 + if j + 1 == n { END } else { 0 };
            score(Match::Fuzzy, false, s as i64)
        };
        let first = |whole: bool| {
            let rung = if whole {
                Match::Syllables
            } else {
                Match::Initials
            };
            score(rung, n == 1, 0)
        };
        let c = scratch.unit_char(j);
        if !c.is_ascii() {
            raise(out, c, if j == 0 { first(true) } else { fuzzy(FULL) });
        }
        for syl in scratch.syllables(j, py) {
            let Some(&b) = syl.first().filter(|b| b.is_ascii()) else {
                continue;
            };
            let whole = syl.len() == 1;
            let s = if j == 0 {
                first(whole)
            } else {
                fuzzy(if whole { FULL } else { 0 })
            };
            raise(out, b as char, s);
            if b == b'v' {
                raise(out, 'u', s);
            }
        }
    }
    if n == 1 {
        let only = scratch.unit_char(0).to_ascii_lowercase();
        raise(out, only, score(Match::Exact, true, 0));
    }
    for b in f.staff_no.bytes().filter(u8::is_ascii_digit) {
        raise(out, b as char, score(Match::Digits, false, 0));
    }
    let mut chars = f.staff_no.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        raise(out, c.to_ascii_lowercase(), score(Match::Exact, true, 0));
    }
}

/// Scores here stay far below `i32::MAX` (the largest is `EXACT_STAFF` plus a
/// few hundred); stored as `i32` to halve the table.
fn clamp(score: i64) -> i32 {
    score.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// Per score, the slots with it (at most `KEEP`, in stable order).
type Classes = Vec<(i64, Vec<u32>)>;

/// The classes of every character over part of the stable order.
struct Partial {
    ascii: Vec<Classes>,
    other: FxHashMap<char, Classes>,
}

impl Partial {
    fn scan<'a>(order: &[u32], fields: &impl Fn(usize) -> Fields<'a>) -> Partial {
        let mut part = Partial {
            ascii: (0..128).map(|_| Vec::new()).collect(),
            other: FxHashMap::default(),
        };
        let mut scratch = Scratch::default();
        let mut scores = Vec::new();
        for &slot in order {
            scores_of(&fields(slot as usize), &mut scratch, &mut scores);
            for &(c, s) in &scores {
                let classes = part.classes(c);
                match classes.iter_mut().find(|(score, _)| *score == s) {
                    Some((_, list)) => {
                        if list.len() < KEEP {
                            list.push(slot);
                        }
                    }
                    None => classes.push((s, vec![slot])),
                }
            }
        }
        part
    }

    fn classes(&mut self, c: char) -> &mut Classes {
        match self.ascii.get_mut(c as usize) {
            Some(classes) => classes,
            None => self.other.entry(c).or_default(),
        }
    }

    /// Appends a part that comes later in the stable order.
    fn append(&mut self, later: Partial) {
        let ascii = later
            .ascii
            .into_iter()
            .enumerate()
            .map(|(i, cl)| (char::from(i as u8), cl));
        for (c, later_classes) in ascii.chain(later.other) {
            let classes = self.classes(c);
            for (s, slots) in later_classes {
                match classes.iter_mut().find(|(score, _)| *score == s) {
                    Some((_, list)) => {
                        let room = KEEP.saturating_sub(list.len());
                        list.extend(slots.into_iter().take(room));
                    }
                    None => classes.push((s, slots)),
                }
            }
        }
    }
}

impl OneChar {
    /// Builds the lists on two threads; `order` holds the slots in stable order.
    pub fn build<'a>(order: &[u32], fields: impl Fn(usize) -> Fields<'a> + Sync) -> OneChar {
        let (first, second) = order.split_at(order.len() / 2);
        let mut all = std::thread::scope(|scope| {
            let later =
                std::thread::Builder::new().spawn_scoped(scope, || Partial::scan(second, &fields));
            let mut all = Partial::scan(first, &fields);
            // no thread (or a failed one): the second half on this thread
            match later.map_err(|_| ()).and_then(|t| t.join().map_err(|_| ())) {
                Ok(part) => all.append(part),
                Err(()) => all.append(Partial::scan(second, &fields)),
            }
            all
        });
        let ascii = std::mem::take(&mut all.ascii)
            .into_iter()
            .enumerate()
            .map(|(i, cl)| (char::from(i as u8), cl));
        let lists = ascii
            .chain(all.other)
            .filter(|(_, classes)| !classes.is_empty())
            .map(|(c, mut by_score)| {
                by_score.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
                let list: Vec<(i32, u32)> = by_score
                    .into_iter()
                    .flat_map(|(s, slots)| slots.into_iter().map(move |slot| (clamp(s), slot)))
                    .take(KEEP)
                    .collect();
                (c, list)
            })
            .collect();
        OneChar { lists }
    }

    /// The best `limit` (≤ `KEEP`) matches of the one-character query `c`.
    pub fn answer(&self, c: char, limit: usize) -> impl Iterator<Item = (i64, u32)> + '_ {
        let list = self.lists.get(&c).map_or(&[][..], Vec::as_slice);
        list[..limit.min(list.len())]
            .iter()
            .map(|(s, slot)| (*s as i64, *slot))
    }
}
