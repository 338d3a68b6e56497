//! "Did you mean …?" for a name that is not known: the closest known name by
//! longest common subsequence, when close enough to be a likely typo.

/// The known name closest to `typed`, if it is a likely typo of it.
pub fn did_you_mean<'a, I>(typed: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let t: Vec<char> = typed.chars().collect();
    if t.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &'a str)> = None;
    for name in known {
        let k: Vec<char> = name.chars().collect();
        let common = lcs(&t, &k) as f64;
        let score = 2.0 * common / (t.len() + k.len()) as f64;
        if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    best.map(|(_, name)| name)
}

fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// " (did you mean X?)" or "".
pub fn hint<'a, I>(typed: &str, known: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(typed, known)
        .map(|n| format!(" (did you mean {n}?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_character_is_a_typo() {
        let known = ["潼南区实验小学", "潼南区第一中学", "柏梓中学"];
        assert_eq!(did_you_mean("潼南实验小学", known), Some("潼南区实验小学"));
        assert_eq!(did_you_mean("北京大学", known), None);
    }
}
