//! Scoring one entry against a query (the rungs are in `rank`).
//!
//! A name is a row of units (letters, digits, Han characters), each with its
//! syllables (one per reading, from the stored `pinyin` key). The query must
//! be used up by units in order, each taking either its Han character or
//! a non-empty prefix of one of its syllables: `zw`, `zhangw`, `zhw`, `张w`
//! and `张伟` all match 张伟. When the units taken are consecutive from the
//! first one, `anchored` tells the rung (whole syllables, a prefix last,
//! initials). Otherwise units were skipped (fuzzy: `zw` also finds 张大伟):
//! `run_dp` scores how close such a match is.

use super::anchored::anchored;
use super::keys::{is_unit, ALT_SEP, SYLLABLE_SEP};
use super::query::Query;
use super::rank::{self, Match};
use super::storage::{Fields, Record};

pub const UNIT: i32 = 16;
pub const CHAR: i32 = 2;
pub const FULL: i32 = 6;
pub const START: i32 = 24;
pub const END: i32 = 10;
pub const LEAD_SKIP: i32 = 4;
const GAP: i32 = 20;
const NEG: i32 = i32::MIN / 4;

/// Reusable buffers, one set per thread.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<char>,
    char_pos: Vec<u32>,
    /// `(start, len)` byte ranges into the pinyin key, `alts × units`.
    syl: Vec<(u32, u32)>,
    alts: usize,
    dp: Vec<i32>,
    /// `anchored`'s reachable states per query position, this unit and the next.
    pub(super) reach: Vec<u8>,
    pub(super) next: Vec<u8>,
}

impl Scratch {
    /// Splits `name` into units and `pinyin` into syllables. Alternatives
    /// whose syllable count does not fit the name are ignored.
    pub fn load(&mut self, name: &str, pinyin: &str) {
        self.chars.clear();
        self.char_pos.clear();
        self.syl.clear();
        self.alts = 0;
        for (i, c) in name.chars().enumerate() {
            if is_unit(c) {
                self.chars.push(c);
                self.char_pos.push(i as u32);
            }
        }
        let n = self.chars.len();
        let mut offset = 0usize;
        for alt in pinyin.split(ALT_SEP) {
            let before = self.syl.len();
            let mut start = offset;
            for s in alt.split(SYLLABLE_SEP) {
                self.syl.push((start as u32, s.len() as u32));
                start += s.len() + 1;
            }
            if self.syl.len() - before == n && !alt.is_empty() {
                self.alts += 1;
            } else {
                self.syl.truncate(before);
            }
            offset += alt.len() + 1;
        }
    }
}

impl Scratch {
    /// Whether the loaded name's units (letters, digits, Han characters)
    /// equal the query text, in any ASCII case.
    pub fn is_whole_name(&self, q: &[char]) -> bool {
        self.chars.len() == q.len()
            && self
                .chars
                .iter()
                .zip(q)
                .all(|(c, qc)| c.to_ascii_lowercase() == *qc)
    }

    /// Whether the query text spells the loaded name's first units (not all of them), in
    /// any ASCII case.
    pub fn begins_name(&self, q: &[char]) -> bool {
        q.len() < self.chars.len()
            && self
                .chars
                .iter()
                .zip(q)
                .all(|(c, qc)| c.to_ascii_lowercase() == *qc)
    }

    pub fn unit_count(&self) -> usize {
        self.chars.len()
    }

    pub fn unit_char(&self, j: usize) -> char {
        self.chars[j]
    }

    /// The syllables (one per reading) of unit `j`.
    pub fn syllables<'p>(
        &'p self,
        j: usize,
        pinyin: &'p [u8],
    ) -> impl Iterator<Item = &'p [u8]> + 'p {
        let n = self.chars.len();
        (0..self.alts).filter_map(move |a| {
            let (s0, len) = self.syl[a * n + j];
            pinyin.get(s0 as usize..(s0 + len) as usize)
        })
    }
}

pub(super) fn ascii_eq(q: char, s: u8) -> bool {
    let s = s as char;
    q == s || (q == 'u' && s == 'v')
}

/// Fills `scratch.dp` and returns the best name score, if the name matches.
fn run_dp(scratch: &mut Scratch, pinyin: &[u8], q: &[char]) -> Option<i32> {
    let n = scratch.chars.len();
    let m = q.len();
    if m == 0 || n == 0 {
        return None;
    }
    let w = m + 1;
    scratch.dp.clear();
    scratch.dp.resize((n + 1) * w, NEG);
    let dp = &mut scratch.dp;
    dp[n * w + m] = END;
    for j in 0..n {
        dp[j * w + m] = 0;
    }
    for j in (0..n).rev() {
        for p in (0..m).rev() {
            let next = (j + 1) * w;
            let skip = dp[next + p];
            let mut best = if skip > NEG {
                skip - if p == 0 { LEAD_SKIP } else { GAP }
            } else {
                NEG
            };
            let start = if p == 0 && j == 0 { START } else { 0 };
            let qc = q[p];
            if !qc.is_ascii() {
                if scratch.chars[j] == qc || scratch.chars[j].to_lowercase().eq(qc.to_lowercase()) {
                    let rest = dp[next + p + 1];
                    if rest > NEG {
                        best = best.max(UNIT + FULL + CHAR + start + rest);
                    }
                }
            } else {
                for a in 0..scratch.alts {
                    let (s0, len) = scratch.syl[a * n + j];
                    let syl = &pinyin[s0 as usize..(s0 + len) as usize];
                    let mut k = 0;
                    while k < syl.len() && p + k < m && ascii_eq(q[p + k], syl[k]) {
                        k += 1;
                        let rest = dp[next + p + k];
                        if rest > NEG {
                            let full = if k == syl.len() { FULL } else { 0 };
                            best = best.max(UNIT + CHAR * k as i32 + full + start + rest);
                        }
                    }
                }
            }
            dp[j * w + p] = best;
        }
    }
    let s = dp[0];
    (s > NEG / 2).then_some(s)
}

/// Whether `q` (ASCII) is a subsequence of `pinyin`: a cheap test every
/// name match passes (each unit takes a prefix of a syllable, in order).
fn ascii_subsequence(q: &[char], pinyin: &[u8]) -> bool {
    let mut it = pinyin.iter();
    q.iter().all(|c| it.any(|b| ascii_eq(*c, *b)))
}

/// Whether the Han characters of `q` appear in order in `name`.
fn han_subsequence(q: &[char], name: &str) -> bool {
    let mut it = name.chars();
    q.iter()
        .filter(|c| !c.is_ascii())
        .all(|c| it.any(|n| n == *c))
}

/// Score of one entry for `query` (text part only, see `rank`), `None` when
/// it does not match. `r` supplies the character masks of `f`.
pub fn score(f: &Fields<'_>, r: &Record, query: &Query, scratch: &mut Scratch) -> Option<i64> {
    if !query.compact.is_empty() && f.staff_no.eq_ignore_ascii_case(&query.compact) {
        return Some(rank::score(Match::Exact, true, 0));
    }
    let mut best: Option<i64> = None;
    if query.has_digit && query.mask & !r.key_mask == 0 {
        let in_staff_no = find_ascii_ci(f.staff_no, &query.compact).is_some();
        let tail = query.all_digits && query.text.len() >= 4 && phone_tail(f.phone, &query.text);
        if in_staff_no || tail {
            best = Some(rank::score(Match::Digits, false, 0));
        }
    }
    if let Verdict::Hit(by_name) = by_name(f.name, f.pinyin, r.name_mask, query, scratch) {
        best = best.max(Some(by_name));
    }
    best
}

/// What the name says about a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The name matches with this score.
    Hit(i64),
    /// No match, but the query spells the first units of the name, so a longer query
    /// may spell it whole (an exact match, which needs no syllable).
    Maybe,
    /// Neither this query nor any query that extends its text (with Han characters
    /// if and only if it has them) matches the name (`narrow`).
    Miss,
}

/// The name's part of `score` (`pinyin`: the name's keys; `name_mask`: `Record`'s).
pub fn by_name(
    name: &str,
    pinyin: &str,
    name_mask: u64,
    query: &Query,
    scratch: &mut Scratch,
) -> Verdict {
    let q = &query.text;
    if q.is_empty()
        || q.len() > super::query::MAX_TEXT
        || query.mask & !name_mask != 0
        || (!query.has_han && !ascii_subsequence(q, pinyin.as_bytes()))
        || (query.has_han && !han_subsequence(q, name))
    {
        return Verdict::Miss;
    }
    scratch.load(name, pinyin);
    if scratch.is_whole_name(q) {
        return Verdict::Hit(rank::score(Match::Exact, true, 0));
    }
    let by_name = match anchored(scratch, pinyin.as_bytes(), q) {
        Some((rung, whole)) => Some(rank::score(rung, whole, 0)),
        None => run_dp(scratch, pinyin.as_bytes(), q)
            .map(|s| rank::score(Match::Fuzzy, false, s as i64)),
    };
    match by_name {
        Some(s) => Verdict::Hit(s),
        None if scratch.begins_name(q) => Verdict::Maybe,
        None => Verdict::Miss,
    }
}

/// ASCII case-insensitive substring search; byte offset of the first match.
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| {
        h[i..i + n.len()]
            .iter()
            .zip(n)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// Whether the digits of `phone` end with the `digits` (at least 4).
pub fn phone_tail(phone: &str, digits: &[char]) -> bool {
    let mut tail = phone.chars().rev().filter(|c| c.is_ascii_digit());
    digits.iter().rev().all(|d| tail.next() == Some(*d))
}

/// Char indices of `name` used by the best name match of `q`.
pub fn name_positions(name: &str, pinyin: &str, q: &[char]) -> Vec<usize> {
    let mut scratch = Scratch::default();
    scratch.load(name, pinyin);
    let py = pinyin.as_bytes();
    if q.is_empty() || q.len() > super::query::MAX_TEXT || run_dp(&mut scratch, py, q).is_none() {
        return Vec::new();
    }
    let (n, m, w) = (scratch.chars.len(), q.len(), q.len() + 1);
    let dp = &scratch.dp;
    let mut out = Vec::new();
    let (mut j, mut p) = (0usize, 0usize);
    while p < m && j < n {
        let here = dp[j * w + p];
        let next = (j + 1) * w;
        let start = if p == 0 && j == 0 { START } else { 0 };
        let qc = q[p];
        let mut step = None;
        if !qc.is_ascii() {
            if (scratch.chars[j] == qc || scratch.chars[j].to_lowercase().eq(qc.to_lowercase()))
                && dp[next + p + 1] > NEG
                && UNIT + FULL + CHAR + start + dp[next + p + 1] == here
            {
                step = Some(1);
            }
        } else {
            'alts: for a in 0..scratch.alts {
                let (s0, len) = scratch.syl[a * n + j];
                let syl = &py[s0 as usize..(s0 + len) as usize];
                let mut k = 0;
                while k < syl.len() && p + k < m && ascii_eq(q[p + k], syl[k]) {
                    k += 1;
                    let rest = dp[next + p + k];
                    let full = if k == syl.len() { FULL } else { 0 };
                    if rest > NEG && UNIT + CHAR * k as i32 + full + start + rest == here {
                        step = Some(k);
                        break 'alts;
                    }
                }
            }
        }
        if let Some(k) = step {
            out.push(scratch.char_pos[j] as usize);
            p += k;
        }
        j += 1;
    }
    out
}
