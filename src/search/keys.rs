//! Search keys of a name: full pinyin and initials, stored with the teacher so
//! that start-up does not recompute them.
//!
//! Format: every "unit" of the name (a letter, digit or Han character; spaces
//! and punctuation are not units) has one syllable. A Han character's
//! syllable is its toneless pinyin (`ü` written `v`); any other unit is its
//! own lower-case text. Syllables are joined by `'` so the index knows which
//! character each letter belongs to: 张伟 → `zhang'wei`, initials `zw`.
//! A name starting with a two-reading surname has two alternatives,
//! separated by `|`, the surname reading first: 曾国强 →
//! `zeng'guo'qiang|ceng'guo'qiang`, initials `zgq|cgq`.

use super::surnames::{given_name_reading, surname_readings};
use pinyin::ToPinyin;

/// Separates the syllables of one alternative.
pub const SYLLABLE_SEP: char = '\'';
/// Separates alternatives.
pub const ALT_SEP: char = '|';
/// Most alternatives kept for one name.
pub const MAX_ALTERNATIVES: usize = 4;

/// Whether `ch` is a unit of a name (it gets a syllable and can be matched): alphanumeric.
/// ASCII and the CJK Unified Ideographs (every one alphabetic) are answered without the
/// Unicode table, whose look-up dominated scoring a name.
#[inline]
pub fn is_unit(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&ch) {
        true
    } else {
        ch.is_alphanumeric()
    }
}

/// The syllable of one unit by the `pinyin` crate's first reading.
fn syllable_of(ch: char) -> String {
    match ch.to_pinyin() {
        Some(p) => p.plain().replace('ü', "v"),
        None => ch.to_lowercase().collect(),
    }
}

/// Full pinyin and initials of `name` (see the module documentation).
pub fn pinyin_keys(name: &str) -> (String, String) {
    let base: Vec<String> = name
        .chars()
        .filter(|c| is_unit(*c))
        .map(syllable_of)
        .collect();
    let mut alternatives: Vec<Vec<String>> = Vec::new();
    if let Some((count, readings)) = surname_readings(name.trim_start()) {
        for reading in readings {
            let mut alt: Vec<String> = reading.split(SYLLABLE_SEP).map(str::to_string).collect();
            if alt.len() != count || base.len() < count {
                continue;
            }
            alt.extend(base[count..].iter().cloned());
            if !alternatives.contains(&alt) {
                alternatives.push(alt);
            }
        }
    }
    let surname_len = surname_readings(name.trim_start()).map_or(0, |(count, _)| count);
    if !alternatives.contains(&base) {
        alternatives.push(base);
    }
    let units: Vec<char> = name.chars().filter(|c| is_unit(*c)).collect();
    for (k, ch) in units.iter().enumerate().skip(surname_len) {
        let Some(reading) = given_name_reading(*ch) else {
            continue;
        };
        for i in 0..alternatives.len() {
            let mut alt = alternatives[i].clone();
            alt[k] = reading.to_string();
            if alternatives.len() < MAX_ALTERNATIVES && !alternatives.contains(&alt) {
                alternatives.push(alt);
            }
        }
    }
    let full: Vec<String> = alternatives
        .iter()
        .map(|alt| alt.join(&SYLLABLE_SEP.to_string()))
        .collect();
    let mut initials: Vec<String> = Vec::new();
    for alt in &alternatives {
        let i: String = alt.iter().filter_map(|s| s.chars().next()).collect();
        if !initials.contains(&i) {
            initials.push(i);
        }
    }
    (
        full.join(&ALT_SEP.to_string()),
        initials.join(&ALT_SEP.to_string()),
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_exactly_the_alphanumeric_characters() {
        let samples = (0..0x3_0000u32)
            .step_by(7)
            .chain(0x4E00..=0x9FFF)
            .chain(0..0x80)
            .filter_map(char::from_u32);
        for ch in samples {
            assert_eq!(is_unit(ch), ch.is_alphanumeric(), "{ch:?}");
        }
    }

    #[test]
    fn plain_name() {
        assert_eq!(pinyin_keys("张伟"), ("zhang'wei".into(), "zw".into()));
    }

    #[test]
    fn two_reading_surname_surname_reading_first() {
        assert_eq!(
            pinyin_keys("曾国强"),
            ("zeng'guo'qiang|ceng'guo'qiang".into(), "zgq|cgq".into())
        );
        assert_eq!(pinyin_keys("单雪").0, "shan'xue|dan'xue");
        assert_eq!(pinyin_keys("尉迟恭").0, "yu'chi'gong|wei'chi'gong");
        assert_eq!(pinyin_keys("区静").1, "oj|qj");
    }

    #[test]
    fn umlaut_is_v_and_punctuation_is_skipped() {
        assert_eq!(pinyin_keys("吕女").0, "lv'nv");
        assert_eq!(pinyin_keys("阿依·木 T1").0, "a'yi'mu't'1");
    }

    #[test]
    fn empty_and_odd_names() {
        assert_eq!(pinyin_keys(""), (String::new(), String::new()));
        assert_eq!(pinyin_keys("  "), (String::new(), String::new()));
        assert_eq!(pinyin_keys("😀"), (String::new(), String::new()));
        // a surname alone
        assert_eq!(pinyin_keys("曾").0, "zeng|ceng");
    }

    #[test]
    fn given_name_readings_are_extra_alternatives() {
        assert_eq!(pinyin_keys("王晟").0, "wang'cheng|wang'sheng");
        assert_eq!(
            pinyin_keys("李乐乐").0,
            "li'le'le|li'yue'le|li'le'yue|li'yue'yue"
        );
        // capped
        assert_eq!(pinyin_keys("曾乐乐").0.split('|').count(), MAX_ALTERNATIVES);
        assert!(pinyin_keys("曾乐乐")
            .0
            .starts_with("zeng'le'le|ceng'le'le|"));
    }
}
