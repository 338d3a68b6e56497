//! The rung of a match that starts at the name's first unit and takes
//! consecutive units (README "Search", rungs 2–4): every unit whole (`lin` →
//! 林, `zhangwei` → 张伟), whole then a prefix last (`zhangw`), or any starts
//! of syllables (`zw`, `zhw`). Every reading of every unit counts (多音字,
//! both readings of 单 曾 解 …).

use super::matcher::{ascii_eq, Scratch};
use super::rank::Match;

/// The ways unit `j` can take the query from position `p`: `(k, whole)` for
/// `k` query characters, `whole` when they are the unit's Han character or a
/// whole syllable. Calls `take` for each.
fn unit_steps(
    scratch: &Scratch,
    pinyin: &[u8],
    q: &[char],
    j: usize,
    p: usize,
    mut take: impl FnMut(usize, bool),
) {
    let qc = q[p];
    if !qc.is_ascii() {
        let c = scratch.unit_char(j);
        if c == qc || c.to_lowercase().eq(qc.to_lowercase()) {
            take(1, true);
        }
        return;
    }
    for syl in scratch.syllables(j, pinyin) {
        let mut k = 0;
        while k < syl.len() && p + k < q.len() && ascii_eq(q[p + k], syl[k]) {
            k += 1;
            take(k, k == syl.len());
        }
    }
}

/// Whether every unit before the last taken was whole (bit 1) and the last
/// taken was whole (bit 0): an index into a `u8` set of such states.
fn state(all_before_whole: bool, last_whole: bool) -> u8 {
    1 << ((all_before_whole as u8) << 1 | last_whole as u8)
}

/// The best rung at which `q` spells the name from its first unit, taking
/// consecutive units (`rank::Match` Syllables, SyllablePrefix or Initials),
/// and whether it then used every unit. `None` when no such reading exists.
pub fn anchored(scratch: &mut Scratch, pinyin: &[u8], q: &[char]) -> Option<(Match, bool)> {
    let (n, m) = (scratch.unit_count(), q.len());
    if n == 0 || m == 0 {
        return None;
    }
    let mut reach = std::mem::take(&mut scratch.reach);
    let mut next = std::mem::take(&mut scratch.next);
    reach.clear();
    reach.resize(m + 1, 0);
    unit_steps(scratch, pinyin, q, 0, 0, |k, whole| {
        reach[k] |= state(true, whole);
    });
    let mut best: Option<(Match, bool)> = None;
    for j in 0..n {
        let whole_name = j + 1 == n;
        for bit in 0..4u8 {
            if reach[m] & (1 << bit) == 0 {
                continue;
            }
            let (before, last) = (bit & 2 != 0, bit & 1 != 0);
            let rung = match (before, last) {
                (true, true) => Match::Syllables,
                (true, false) if j > 0 => Match::SyllablePrefix,
                _ => Match::Initials,
            };
            best = best.max(Some((rung, whole_name)));
        }
        if j + 1 == n || reach[..m].iter().all(|r| *r == 0) {
            break;
        }
        next.clear();
        next.resize(m + 1, 0);
        for p in 0..m {
            let states = reach[p];
            if states == 0 {
                continue;
            }
            // "all whole so far" carries on only from a state whose units were all whole
            let all_whole = states & state(true, true) != 0;
            let some_not = states & !state(true, true) != 0;
            unit_steps(scratch, pinyin, q, j + 1, p, |k, whole| {
                if all_whole {
                    next[p + k] |= state(true, whole);
                }
                if some_not {
                    next[p + k] |= state(false, whole);
                }
            });
        }
        std::mem::swap(&mut reach, &mut next);
    }
    scratch.reach = reach;
    scratch.next = next;
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::keys::pinyin_keys;

    fn rung(name: &str, q: &str) -> Option<(Match, bool)> {
        let (pinyin, _) = pinyin_keys(name);
        let mut scratch = Scratch::default();
        scratch.load(name, &pinyin);
        let q: Vec<char> = q.chars().collect();
        anchored(&mut scratch, pinyin.as_bytes(), &q)
    }

    #[test]
    fn the_best_reading_of_the_query_decides() {
        use Match::*;
        assert_eq!(rung("林静", "lin"), Some((Syllables, false)));
        assert_eq!(rung("李娜", "lin"), Some((SyllablePrefix, true)));
        assert_eq!(rung("李娜", "lina"), Some((Syllables, true)));
        assert_eq!(rung("单雪", "shan"), Some((Syllables, false)));
        assert_eq!(rung("单雪", "danxue"), Some((Syllables, true)));
        assert_eq!(rung("张浩", "zhao"), Some((Initials, true)));
        assert_eq!(rung("张伟明", "zhangw"), Some((SyllablePrefix, false)));
        assert_eq!(rung("张伟明", "zhangwm"), Some((Initials, true)));
        assert_eq!(rung("张伟", "zha"), Some((Initials, false)));
        assert_eq!(rung("张伟", "张w"), Some((SyllablePrefix, true)));
        assert_eq!(rung("张伟", "张伟"), Some((Syllables, true)));
        // xi'an read as two whole syllables, not as a prefix of xian
        assert_eq!(rung("西安娜", "xian"), Some((Syllables, false)));
        assert_eq!(rung("尉迟恭", "yuchig"), Some((SyllablePrefix, true)));
        assert_eq!(rung("吕强", "lu"), Some((Syllables, false)));
        assert_eq!(rung("吕强", "lv"), Some((Syllables, false)));
        // not from the first unit: no rung here (fuzzy)
        assert_eq!(rung("张伟明", "wm"), None);
        assert_eq!(rung("张伟", "zwx"), None);
        assert_eq!(rung("", "z"), None);
    }
}
