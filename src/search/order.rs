//! Ordering: the stable order of entries (the tie order of the ranking rule:
//! name by pinyin, then name, then school by pinyin, then id) and the
//! best-first cut of results.

use super::storage::{Fields, Storage};
use std::cmp::Ordering;

/// A result packed for fast selection: higher score first, then lower rank
/// (stable order). Scores are clamped to the `i32` range.
pub type Found = u64;

pub fn pack(score: i64, rank: u32) -> Found {
    let s = score.clamp(i32::MIN as i64, i32::MAX as i64);
    (((i32::MAX as i64 - s) as u64) << 32) | rank as u64
}

/// `(score, rank)` of a packed result.
pub fn unpack(found: Found) -> (i64, u32) {
    (i32::MAX as i64 - (found >> 32) as i64, found as u32)
}

/// Keeps the best `limit` results, best first.
pub fn top(mut v: Vec<Found>, limit: usize) -> Vec<Found> {
    if v.len() > limit && limit > 0 {
        v.select_nth_unstable(limit - 1);
    }
    v.truncate(limit);
    v.sort_unstable();
    v
}

fn cmp_fields(a: &Fields<'_>, b: &Fields<'_>) -> Ordering {
    a.pinyin.cmp(b.pinyin).then_with(|| a.name.cmp(b.name))
}

/// Equal names in the order of their schools (pinyin, then name).
fn cmp_school(store: &Storage, a: u32, b: u32) -> Ordering {
    store
        .school_order_key(a as usize)
        .cmp(&store.school_order_key(b as usize))
}

/// The first 16 bytes of a text, as a number that sorts like the text, and
/// whether that number tells the whole text (no more bytes, no NUL).
fn sort_prefix(text: &str) -> (u128, bool) {
    let mut key = [0u8; 16];
    let bytes = text.as_bytes();
    let n = bytes.len().min(16);
    key[..n].copy_from_slice(&bytes[..n]);
    (
        u128::from_be_bytes(key),
        bytes.len() <= 16 && !bytes.contains(&0),
    )
}

/// All slots in stable order: sorted by numeric prefixes of pinyin and name,
/// then the school's place and id; runs sharing a pinyin prefix that the
/// numbers do not tell fully are sorted again by the full comparison.
pub fn stable_order(store: &Storage) -> Vec<u32> {
    struct Key {
        pinyin: u128,
        name: u128,
        school: u32,
        id: i64,
        slot: u32,
        whole: bool,
    }
    let schools = store.school_ranks();
    let mut keys: Vec<Key> = (0..store.records.len())
        .map(|slot| {
            let f = store.fields(slot);
            let (pinyin, whole_pinyin) = sort_prefix(f.pinyin);
            let (name, whole_name) = sort_prefix(f.name);
            let r = &store.records[slot];
            Key {
                pinyin,
                name,
                school: schools.get(r.school as usize).copied().unwrap_or(0),
                id: r.id,
                slot: slot as u32,
                whole: whole_pinyin && whole_name,
            }
        })
        .collect();
    keys.sort_unstable_by_key(|k| (k.pinyin, k.name, k.school, k.id));
    let mut start = 0;
    while start < keys.len() {
        let mut end = start + 1;
        while end < keys.len() && keys[end].pinyin == keys[start].pinyin {
            end += 1;
        }
        let run = &mut keys[start..end];
        if run.iter().any(|k| !k.whole) {
            run.sort_unstable_by(|a, b| index_cmp(store, a.slot, b.slot));
        }
        start = end;
    }
    keys.into_iter().map(|k| k.slot).collect()
}

/// Stable order of two slots: pinyin, then name, then school, then id.
pub fn index_cmp(store: &Storage, a: u32, b: u32) -> Ordering {
    cmp_fields(&store.fields(a as usize), &store.fields(b as usize))
        .then_with(|| cmp_school(store, a, b))
        .then(
            store.records[a as usize]
                .id
                .cmp(&store.records[b as usize].id),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::EntryRef;

    #[test]
    fn packed_results_sort_best_first() {
        for (score, rank) in [
            (0, 0),
            (-5, 3),
            (2_000_123, 7),
            (i64::MAX, 1),
            (i64::MIN, 2),
        ] {
            let (s, r) = unpack(pack(score, rank));
            assert_eq!(
                (s, r),
                (score.clamp(i32::MIN as i64, i32::MAX as i64), rank)
            );
        }
        assert!(pack(10, 5) < pack(9, 0));
        assert!(pack(10, 1) < pack(10, 2));
        assert!(pack(-1, 9) < pack(-2, 0));
    }

    #[test]
    fn stable_order_equals_a_full_sort() {
        let names = [
            "张伟",
            "张伟",
            "张伟明",
            "张",
            "欧阳娜娜",
            "欧阳娜娜娜",
            "尉迟恭",
            "李\0",
            "李",
            "Li Ming",
            "李明",
            "曾国强",
            "曾国强",
            "司马相如司马相如",
            "司马相如司马相",
            "",
        ];
        let schools = ["实验小学", "城关中学", "", "柏梓中学"];
        let mut store = Storage::default();
        for (i, name) in names.iter().enumerate() {
            let id = i as i64;
            let e = EntryRef {
                id,
                name,
                school: schools[i % schools.len()],
                ..EntryRef::default()
            };
            let record = store.record_of(&e);
            store.records.push(record);
        }
        let mut expected: Vec<u32> = (0..names.len() as u32).collect();
        expected.sort_by(|a, b| index_cmp(&store, *a, *b));
        assert_eq!(stable_order(&store), expected);
        // the two 张伟 (实验小学, 城关中学) and the two 曾国强 (柏梓中学, 实验小学):
        // equal names by school in pinyin order, whatever their ids
        let pos = |slot: u32| expected.iter().position(|s| *s == slot);
        assert!(pos(1) < pos(0), "城关中学 before 实验小学");
        assert!(pos(11) < pos(12), "柏梓中学 before 实验小学");
    }
}
