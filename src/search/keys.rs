//! Search keys of a Han name: full pinyin and initials, stored with the teacher.

use pinyin::ToPinyin;

/// Full pinyin (no tones, syllables joined) and initials of `name`.
/// Alternatives (surnames with two readings) are separated by '|'.
/// Non-Han characters are kept, lower-cased.
pub fn pinyin_keys(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (ch, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            Some(p) => {
                let plain = p.plain();
                full.push_str(plain);
                if let Some(c) = plain.chars().next() {
                    initials.push(c);
                }
            }
            None => {
                if !ch.is_whitespace() {
                    for l in ch.to_lowercase() {
                        full.push(l);
                        initials.push(l);
                    }
                }
            }
        }
    }
    (full, initials)
}
