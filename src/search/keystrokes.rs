//! How few keys find a teacher: the shortest pinyin query (initials, full
//! pinyin, or a mix of syllable prefixes from the start of the name) that puts
//! the teacher first among a session's teachers, and the desk's count: letters,
//! then Enter for the first candidate, or the digit a candidate on screen carries
//! (`Index::digits_pick`), or ↓ to it and Enter where digits cannot pick. Used by
//! the check-in benchmark's desk simulation.

use super::keys::{ALT_SEP, SYLLABLE_SEP};
use super::Index;

/// Longest query tried.
pub const MAX_KEYS: usize = 8;

/// Every query of at most `MAX_KEYS` letters made of non-empty prefixes of
/// consecutive syllables from the first one, shortest first, initials-only
/// queries before mixed ones of the same length.
fn candidates(pinyin: &str) -> Vec<String> {
    let mut out: Vec<(usize, bool, String)> = Vec::new();
    for alt in pinyin.split(ALT_SEP) {
        let syllables: Vec<&str> = alt
            .split(SYLLABLE_SEP)
            .filter(|s| s.is_ascii() && !s.is_empty())
            .collect();
        let mut stack: Vec<(usize, String, bool)> = vec![(0, String::new(), true)];
        while let Some((next, prefix, initials_only)) = stack.pop() {
            if !prefix.is_empty() {
                out.push((prefix.len(), !initials_only, prefix.clone()));
            }
            let Some(syl) = syllables.get(next) else {
                continue;
            };
            for k in 1..=syl.len() {
                if prefix.len() + k > MAX_KEYS {
                    break;
                }
                let mut longer = prefix.clone();
                longer.push_str(&syl[..k]);
                stack.push((next + 1, longer, initials_only && k == 1));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.2 == b.2);
    out.into_iter().map(|(_, _, q)| q).collect()
}

/// Candidate rows the desk shows while a query is typed (the highlighted one
/// included): ↓ reaches a teacher among them.
pub const VISIBLE_CANDIDATES: usize = 4;

/// The keys that check a teacher in at the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskKeys {
    /// The letters typed.
    pub query: String,
    /// The teacher's place among the candidates (0: the first).
    pub downs: usize,
    /// A digit picks the candidate (one key) instead of ↓ presses and Enter.
    pub pick: bool,
}

impl DeskKeys {
    /// Every key, Enter (or the picking digit) included.
    pub fn count(&self) -> usize {
        if self.pick {
            self.query.len() + 1
        } else {
            self.query.len() + self.downs + 1
        }
    }
}

impl std::fmt::Display for DeskKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pick && self.downs > 0 {
            write!(f, "{} {}", self.query, self.downs + 1)
        } else {
            write!(f, "{}{} ⏎", self.query, " ↓".repeat(self.downs))
        }
    }
}

/// The fewest keys that make `id` the highlighted match at the desk and mark
/// it: a pinyin query (as `shortest_unique_query` tries them), then — while the
/// teacher is among the first `visible` candidates (`VISIBLE_CANDIDATES` at the
/// desk; 1 = letters only) — the candidate's digit, or ↓ to it and Enter where
/// `digits` is false or `Index::digits_pick` says a digit would be typed. The desk's ranking:
/// `Index::search_at_desk` over `enrolled` with `marked`. `None` when no query
/// of at most `MAX_KEYS` letters shows the teacher.
pub fn fewest_desk_keys(
    index: &Index,
    id: i64,
    enrolled: &[i64],
    marked: &dyn Fn(i64) -> bool,
    visible: usize,
    digits: bool,
) -> Option<DeskKeys> {
    let entry = index.entry(id)?;
    let mut best: Option<DeskKeys> = None;
    for query in candidates(&entry.pinyin) {
        if best.as_ref().is_some_and(|b| query.len() + 1 >= b.count()) {
            break;
        }
        let hits = index.search_at_desk(&query, enrolled, marked, visible);
        if let Some(downs) = hits.iter().position(|h| h.id == id) {
            let pick = digits && downs > 0 && index.digits_pick(&query);
            let keys = DeskKeys { query, downs, pick };
            if best.as_ref().is_none_or(|b| keys.count() < b.count()) {
                best = Some(keys);
            }
        }
    }
    best
}

/// The shortest query that makes `search_among(query, among, ..)` put `id`
/// first, or `None` when no pinyin query of at most 8 letters does (e.g. two
/// teachers with the same name in one session).
pub fn shortest_unique_query(index: &Index, id: i64, among: &[i64]) -> Option<String> {
    let entry = index.entry(id)?;
    candidates(&entry.pinyin).into_iter().find(|q| {
        index
            .search_among(q, among, 1)
            .first()
            .is_some_and(|h| h.id == id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_shortest_first_initials_first() {
        let c = candidates("zhang'wei");
        assert_eq!(&c[..3], &["z", "zw", "zh"]);
        assert!(c.contains(&"zhangwei".to_string()));
        assert!(c.iter().all(|q| q.len() <= MAX_KEYS));
    }

    #[test]
    fn desk_keys_step_down_to_the_same_name_and_follow_the_marks() {
        use crate::search::keys::pinyin_keys;
        use crate::search::Entry;
        let people = [
            (1, "王艳", "实验小学"),
            (2, "王艳", "城关中学"),
            (3, "李娜", ""),
        ];
        let index = Index::new(
            people
                .iter()
                .map(|(id, name, school)| Entry {
                    id: *id,
                    name: name.to_string(),
                    pinyin: pinyin_keys(name).0,
                    school: school.to_string(),
                    ..Entry::default()
                })
                .collect(),
        );
        let all = [1, 2, 3];
        let nobody = |_: i64| false;
        let keys = |id, marked: &dyn Fn(i64) -> bool, visible| {
            fewest_desk_keys(&index, id, &all, marked, visible, false).map(|k| k.to_string())
        };
        // 城关中学's 王艳 first (school order); the other one step down
        assert_eq!(keys(2, &nobody, VISIBLE_CANDIDATES).as_deref(), Some("w ⏎"));
        assert_eq!(
            keys(1, &nobody, VISIBLE_CANDIDATES).as_deref(),
            Some("w ↓ ⏎")
        );
        assert_eq!(keys(1, &nobody, 1), None, "not by letters alone");
        // once the first is in, the other is first
        let first_in = |id: i64| id == 2;
        assert_eq!(keys(1, &first_in, 1).as_deref(), Some("w ⏎"));
        assert_eq!(keys(3, &nobody, 1).as_deref(), Some("l ⏎"));
        let k = fewest_desk_keys(&index, 1, &all, &nobody, VISIBLE_CANDIDATES, false);
        assert_eq!(k.map(|k| k.count()), Some(3));
        // with digits: the second 王艳 is `w 2`, two keys; the first stays `w ⏎`
        let picked = |id| fewest_desk_keys(&index, id, &all, &nobody, VISIBLE_CANDIDATES, true);
        assert_eq!(
            picked(1).map(|k| (k.to_string(), k.count())),
            Some(("w 2".into(), 2))
        );
        assert_eq!(
            picked(2).map(|k| (k.to_string(), k.count())),
            Some(("w ⏎".into(), 2))
        );
    }

    #[test]
    fn no_pick_where_the_query_could_begin_a_staff_number() {
        use crate::search::keys::pinyin_keys;
        use crate::search::Entry;
        // Both 唐 teachers' numbers begin with T: after `t` a digit is typed, not picked.
        let people = [(1, "唐艳", "T000001"), (2, "唐艳", "T000002")];
        let index = Index::new(
            people
                .iter()
                .map(|(id, name, staff)| Entry {
                    id: *id,
                    name: name.to_string(),
                    pinyin: pinyin_keys(name).0,
                    staff_no: staff.to_string(),
                    ..Entry::default()
                })
                .collect(),
        );
        let nobody = |_: i64| false;
        let second = fewest_desk_keys(&index, 2, &[1, 2], &nobody, VISIBLE_CANDIDATES, true);
        let second = second.map(|k| k.to_string());
        assert!(
            second.as_deref().is_some_and(|k| k.ends_with("↓ ⏎")),
            "{second:?}"
        );
        assert_ne!(second.as_deref(), Some("t 2"));
    }
}
