//! How few keys find a teacher: the shortest pinyin query (initials, full
//! pinyin, or a mix of syllable prefixes from the start of the name) that puts
//! the teacher first among a session's teachers. Used by the check-in
//! benchmark (mean and worst keystrokes per teacher).

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
}
