//! What `narrow`'s sieve reads per slot, and the bucket of the best score a name allows.

use super::query::{char_bit, Query};
use super::rank::{self, Match};
use super::storage::{Record, Storage};

/// What the sieve reads of one slot, side by side for all (the records are larger and
/// hold what a name match does not read): the masks and shape of `Record` (`inits` and
/// `lead` for the letters only) and where the name and its keys are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sieve {
    pub mask: u64,
    pub name_mask: u64,
    pub place: (u32, u16, u16),
    pub inits: u32,
    pub lead: u32,
    pub units: u8,
    pub first_len: u8,
    pub ascii_units: bool,
}

impl Sieve {
    pub(super) fn of(r: &Record) -> Sieve {
        let letters = |m: u64| (m & u64::from(LETTERS)) as u32;
        Sieve {
            mask: r.name_mask | r.key_mask,
            name_mask: r.name_mask,
            place: Storage::name_place(r),
            inits: letters(r.inits),
            lead: letters(r.lead),
            units: r.units,
            first_len: r.first_len,
            ascii_units: r.ascii_units,
        }
    }
}

/// The buckets of `bucket`, best possible score first.
pub(super) const BUCKETS: usize = 6;

/// The best score a name match allows in each bucket: exact; whole syllables (the first
/// unit whole) with and without every unit; initials with and without every unit; fuzzy
/// (a match not from the first unit), below any digits match.
pub(super) fn bucket_bound(b: usize) -> i64 {
    match b {
        0 => rank::score(Match::Exact, true, 0),
        1 => rank::score(Match::Syllables, true, 0),
        2 => rank::score(Match::Syllables, false, 0),
        3 => rank::score(Match::Initials, true, 0),
        4 => rank::score(Match::Initials, false, 0),
        _ => rank::score(Match::Digits, false, 0) - 1,
    }
}

/// The bucket of a slot for the query (`bit`: its first character's letter bit, 0 for
/// none): the name spells the query only with as many units (`Scratch::is_whole_name`,
/// ASCII units for an ASCII query); a match from the first unit takes its syllable whole
/// only when the syllable is no longer than the query, or its Han character; it uses every
/// unit only when they are no more than the query's characters.
pub(super) fn bucket(s: &Sieve, q: &Query, bit: u32) -> usize {
    if s.lead & bit != bit {
        return 5;
    }
    let (units, m) = (usize::from(s.units), q.text.len());
    if units == m && (q.has_han || s.ascii_units) {
        return 0;
    }
    let whole_first = bit == 0 || usize::from(s.first_len) <= m;
    let every_unit = units <= m;
    match (whole_first, every_unit) {
        (true, true) => 1,
        (true, false) => 2,
        (false, true) => 3,
        (false, false) => 4,
    }
}

/// Slots (of an index of `n`) in ascending order, each once.
pub(super) fn ascending(slots: Vec<u32>, n: usize) -> Vec<u32> {
    let mut bits = vec![0u64; n.div_ceil(64)];
    for &slot in &slots {
        if let Some(word) = bits.get_mut(slot as usize / 64) {
            *word |= 1 << (slot % 64);
        }
    }
    let mut out = slots;
    out.clear();
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            out.push((w * 64) as u32 + word.trailing_zeros());
            word &= word - 1;
        }
    }
    out
}

/// The letters' bits of `query::char_bit` (a–z, bits 0–25).
const LETTERS: u32 = (1 << 26) - 1;

/// The bit of an ASCII query character in `Sieve::inits` and `lead`: its letter's, 0 for
/// anything else (no sieve).
pub(super) fn letter_bit(c: char) -> u32 {
    (char_bit(c) & u64::from(LETTERS)) as u32
}
