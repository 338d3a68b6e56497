//! Ordering: stored keys checked, the stable order of entries (pinyin, then
//! name, then id) and the best-first cut of results.

use super::keys::{is_unit, pinyin_keys, ALT_SEP, SYLLABLE_SEP};
use super::storage::{Fields, Storage};
use super::Entry;
use std::cmp::Ordering;

/// Whether stored keys fit the name (one syllable per unit); stale or missing
/// keys are recomputed.
pub fn keys_fit(name: &str, pinyin: &str) -> bool {
    let units = name.chars().filter(|c| is_unit(*c)).count();
    if units == 0 {
        return pinyin.is_empty();
    }
    pinyin
        .split(ALT_SEP)
        .all(|alt| !alt.is_empty() && alt.split(SYLLABLE_SEP).count() == units)
}

pub fn with_keys(mut e: Entry) -> Entry {
    if !keys_fit(&e.name, &e.pinyin) {
        let (pinyin, initials) = pinyin_keys(&e.name);
        e.pinyin = pinyin;
        e.initials = initials;
    }
    e
}

pub type Found = (i64, u32, u32);

/// Keeps the best `limit` of `(score, rank, slot)`, best first.
pub fn top(mut v: Vec<Found>, limit: usize) -> Vec<Found> {
    let key = |a: &Found, b: &Found| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if v.len() > limit && limit > 0 {
        v.select_nth_unstable_by(limit - 1, key);
    }
    v.truncate(limit);
    v.sort_unstable_by(key);
    v
}

fn cmp_fields(a: &Fields<'_>, b: &Fields<'_>) -> Ordering {
    a.pinyin.cmp(b.pinyin).then_with(|| a.name.cmp(b.name))
}

/// The first 16 bytes of a pinyin key, as a number that sorts like the text.
fn sort_prefix(pinyin: &str) -> u128 {
    let mut key = [0u8; 16];
    let bytes = pinyin.as_bytes();
    let n = bytes.len().min(16);
    key[..n].copy_from_slice(&bytes[..n]);
    u128::from_be_bytes(key)
}

/// All slots in stable order (numeric prefixes first, full comparison on ties).
pub fn stable_order(store: &Storage) -> Vec<u32> {
    let mut keyed: Vec<(u128, u32)> = (0..store.records.len())
        .map(|slot| (sort_prefix(store.fields(slot).pinyin), slot as u32))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| index_cmp(store, a.1, b.1)));
    keyed.into_iter().map(|(_, slot)| slot).collect()
}

/// Stable order of two slots: pinyin, then name, then id.
pub fn index_cmp(store: &Storage, a: u32, b: u32) -> Ordering {
    cmp_fields(&store.fields(a as usize), &store.fields(b as usize)).then(
        store.records[a as usize]
            .id
            .cmp(&store.records[b as usize].id),
    )
}
