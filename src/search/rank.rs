//! The ranking rule (README "Search", docs/rules.md §4.6), one for every search box,
//! the desk and `lookup`. A hit's score is, from the most significant part:
//!
//! 1. the rung of the match (`Match`): exact name or staff number, whole
//!    syllables from the first character, whole syllables with a prefix last
//!    syllable, initials (syllable starts), digits, fuzzy;
//! 2. whether the query spells the whole name (`zw` → 张伟 before 张伟明);
//! 3. the desk's context: not yet marked in the session before marked;
//! 4. within the fuzzy rung only, how close the match is.
//!
//! Equal scores keep the index's stable order: name (pinyin), name, school.

/// The rung a match is on, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// Characters skipped (`伟明` → 张伟明, `jl` → 周杰伦).
    Fuzzy = 1,
    /// A staff-number part with a digit, or the phone's last 4+ digits.
    Digits = 2,
    /// Syllable starts from the first character: `zw`, `zhw`, `zha` → 张伟.
    Initials = 3,
    /// Whole syllables, then a prefix of the next one: `zhangw`, `张w`.
    SyllablePrefix = 4,
    /// Whole syllables (or Han characters) from the first character:
    /// `lin` → 林…, `shan` → 单…, `zhangwei` → 张伟, `张` → 张伟.
    Syllables = 5,
    /// The whole name (any case) or the whole staff number (any case).
    Exact = 6,
}

impl Match {
    /// The code name (the `"match"` of `lookup --json`).
    pub fn code(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Syllables => "syllables",
            Match::SyllablePrefix => "syllable_prefix",
            Match::Initials => "initials",
            Match::Digits => "digits",
            Match::Fuzzy => "fuzzy",
        }
    }

    /// A short label for people.
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Match::Exact, true) => "完全相同",
            (Match::Syllables, true) => "整音节",
            (Match::SyllablePrefix, true) => "整音节+前缀",
            (Match::Initials, true) => "首字母",
            (Match::Digits, true) => "工号/电话",
            (Match::Fuzzy, true) => "模糊",
            (Match::Exact, false) => "exact",
            (Match::Syllables, false) => "whole syllables",
            (Match::SyllablePrefix, false) => "syllables + prefix",
            (Match::Initials, false) => "initials",
            (Match::Digits, false) => "staff no./phone",
            (Match::Fuzzy, false) => "fuzzy",
        }
    }

    fn from_value(v: i64) -> Option<Match> {
        Some(match v {
            1 => Match::Fuzzy,
            2 => Match::Digits,
            3 => Match::Initials,
            4 => Match::SyllablePrefix,
            5 => Match::Syllables,
            6 => Match::Exact,
            _ => return None,
        })
    }
}

impl serde::Serialize for Match {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

const RUNG_SHIFT: u32 = 26;
const WHOLE_BIT: i64 = 1 << 25;
const CONTEXT_BIT: i64 = 1 << 24;
/// Fine scores (fuzzy closeness) live below this.
const FINE: i64 = 1 << 23;

/// The score of a match: its rung, whether it spells the whole name, and a
/// fine score (fuzzy closeness, clamped; 0 elsewhere). Always positive.
pub fn score(m: Match, whole_name: bool, fine: i64) -> i64 {
    ((m as i64) << RUNG_SHIFT)
        | if whole_name { WHOLE_BIT } else { 0 }
        | (fine + FINE / 2).clamp(0, FINE - 1)
}

/// The same score, raised for a teacher the desk has not marked yet (ranks
/// before equal matches already marked).
pub fn with_context(score: i64, not_yet_marked: bool) -> i64 {
    if not_yet_marked && score > 0 {
        score | CONTEXT_BIT
    } else {
        score
    }
}

/// The rung of a score (`None` for the 0 of a blank query).
pub fn match_of(score: i64) -> Option<Match> {
    Match::from_value(score >> RUNG_SHIFT)
}

/// A score without the desk's context: equal for equally good matches.
pub fn without_context(score: i64) -> i64 {
    score & !CONTEXT_BIT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rung_dominates_then_whole_name_then_context_then_fine() {
        let s = |m, w, f| score(m, w, f);
        assert!(s(Match::Exact, false, 0) > s(Match::Syllables, true, FINE));
        assert!(s(Match::Syllables, false, -FINE) > s(Match::SyllablePrefix, true, 0));
        assert!(s(Match::Initials, false, 0) > s(Match::Digits, true, 0));
        assert!(s(Match::Digits, false, 0) > s(Match::Fuzzy, true, 99));
        assert!(s(Match::Initials, true, 0) > with_context(s(Match::Initials, false, 0), true));
        assert!(with_context(s(Match::Fuzzy, false, 1), true) > s(Match::Fuzzy, false, 500));
        assert!(s(Match::Fuzzy, false, 2) > s(Match::Fuzzy, false, 1));
        for m in [
            Match::Fuzzy,
            Match::Digits,
            Match::Initials,
            Match::SyllablePrefix,
            Match::Syllables,
            Match::Exact,
        ] {
            let v = with_context(s(m, true, -5), true);
            assert_eq!(match_of(v), Some(m));
            assert_eq!(without_context(v), s(m, true, -5));
            assert!(v < i32::MAX as i64);
        }
        assert_eq!(match_of(0), None);
    }
}
