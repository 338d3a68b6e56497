//! "Did you mean …?" for a name that is not known: the closest known name by
//! longest common subsequence, when close enough to be a likely typo.

/// The known name closest to `typed`, if it is a likely typo of it. A name
/// typed in pinyin ("Shiyan Xiaoxue") is compared with the names' pinyin.
pub fn did_you_mean<'a, I>(typed: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let in_pinyin = typed.chars().any(|c| c.is_ascii_alphabetic())
        && typed.chars().all(|c| c.is_ascii() || c.is_whitespace());
    let t: Vec<char> = if in_pinyin {
        plain(typed)
    } else {
        typed.chars().collect()
    };
    if t.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &'a str)> = None;
    for name in known {
        let k: Vec<char> = if in_pinyin {
            let (full, _) = crate::search::keys::pinyin_keys(name);
            plain(full.split('|').next().unwrap_or(""))
        } else {
            name.chars().collect()
        };
        let common = lcs(&t, &k) as f64;
        let score = 2.0 * common / (t.len() + k.len()) as f64;
        if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    best.map(|(_, name)| name)
}

/// Lower-case letters and digits only ("Shiyan Xiaoxue" → "shiyanxiaoxue").
fn plain(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
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
pub fn hint<'a, I>(typed: &str, known: I) -> crate::lang::Text
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(typed, known)
        .map(|n| crate::lang::pick(format!("（是否指 {n}？）"), format!(" (did you mean {n}?)")))
        .unwrap_or_default()
}

/// Hints for one file: each distinct unknown name is looked up once, and
/// only the first `LIMIT` of them (a file of garbage stays fast).
#[derive(Default)]
pub struct Hints {
    seen: std::collections::HashMap<String, crate::lang::Text>,
}

impl Hints {
    const LIMIT: usize = 200;

    pub fn hint<'a, I>(&mut self, typed: &str, known: I) -> crate::lang::Text
    where
        I: IntoIterator<Item = &'a str>,
    {
        if let Some(h) = self.seen.get(typed) {
            return h.clone();
        }
        if self.seen.len() >= Self::LIMIT {
            return crate::lang::Text::default();
        }
        let h = hint(typed, known);
        self.seen.insert(typed.to_string(), h.clone());
        h
    }
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

    #[test]
    fn pinyin_finds_the_han_name() {
        let known = ["实验小学", "潼南区实验小学", "柏梓中学"];
        assert_eq!(did_you_mean("Shiyan Xiaoxue", known), Some("实验小学"));
        assert_eq!(did_you_mean("bozi zhongxue", known), Some("柏梓中学"));
        assert_eq!(did_you_mean("xyz", known), None);
    }
}
