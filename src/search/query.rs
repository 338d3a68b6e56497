//! A parsed search query: the text to match and the field prefixes that
//! narrow it (`school:实验 tier:backbone subject:语文 stage:小学`).

use crate::domain::codes::{Stage, TeacherStatus, Tier, TierLevel};
use crate::domain::tiers::parse_tier;

/// Longest query text (in characters) matched against names; longer text can
/// still equal a staff number but never a name.
pub const MAX_TEXT: usize = 64;

/// Field prefixes of a query; each list is ANDed, an empty list narrows nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Filters {
    pub school: Vec<String>,
    pub subject: Vec<String>,
    pub tier: Vec<String>,
    /// The level of the tier (`level:区级`).
    pub level: Vec<String>,
    pub stage: Vec<String>,
    /// A teacher's employment status (`status:退休`).
    pub status: Vec<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.school.is_empty()
            && self.subject.is_empty()
            && self.tier.is_empty()
            && self.level.is_empty()
            && self.stage.is_empty()
            && self.status.is_empty()
    }
}

/// A query ready for matching.
#[derive(Debug, Clone)]
pub struct Query {
    /// Letters, digits and Han characters of the text, ASCII lower-cased.
    pub text: Vec<char>,
    /// The text without white space, ASCII lower-cased (for staff numbers).
    pub compact: String,
    pub has_digit: bool,
    /// Some text character is not ASCII (a Han query, or mixed).
    pub has_han: bool,
    pub all_digits: bool,
    /// Characters every match must contain (see `char_bit`).
    pub mask: u64,
    pub filters: Filters,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut filters = Filters::default();
        let mut words: Vec<&str> = Vec::new();
        for word in input.split_whitespace() {
            match split_prefix(word) {
                Some((field, value)) => {
                    if !value.is_empty() {
                        let list = match field {
                            Field::School => &mut filters.school,
                            Field::Subject => &mut filters.subject,
                            Field::Tier => &mut filters.tier,
                            Field::Level => &mut filters.level,
                            Field::Stage => &mut filters.stage,
                            Field::Status => &mut filters.status,
                        };
                        list.push(value.to_lowercase());
                    }
                }
                None => words.push(word),
            }
        }
        let compact: String = words.concat().to_ascii_lowercase();
        let text: Vec<char> = compact.chars().filter(|c| c.is_alphanumeric()).collect();
        let has_digit = text.iter().any(|c| c.is_ascii_digit());
        let has_han = text.iter().any(|c| !c.is_ascii());
        let all_digits = !text.is_empty() && text.iter().all(|c| c.is_ascii_digit());
        let mask = text.iter().fold(0u64, |m, c| m | char_bit(*c));
        Query {
            text,
            compact,
            has_digit,
            has_han,
            all_digits,
            mask,
            filters,
        }
    }

    /// True when the query has no text to match (only prefixes, or nothing).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && self.compact.is_empty()
    }
}

enum Field {
    School,
    Subject,
    Tier,
    Level,
    Stage,
    Status,
}

fn split_prefix(word: &str) -> Option<(Field, &str)> {
    let (key, value) = word.split_once([':', '：'])?;
    let field = match key.to_ascii_lowercase().as_str() {
        "school" | "学校" => Field::School,
        "subject" | "学科" => Field::Subject,
        "tier" | "层级" | "五型" => Field::Tier,
        "level" | "级别" => Field::Level,
        "stage" | "学段" => Field::Stage,
        "status" | "状态" | "在职状态" => Field::Status,
        _ => return None,
    };
    Some((field, value))
}

/// The bit of one character in a 64-bit character mask: a–z bits 0–25,
/// 0–9 bits 26–35, anything else hashed into bits 36–63.
pub fn char_bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ if c.is_ascii() => 0,
        _ => 1 << (36 + (c as u32 % 28)),
    }
}

/// A teacher entry's tier field: the tier code with `/level` when the tier has a level
/// (`backbone/district`), split into the two codes (the level empty when none).
pub fn split_tier(code: &str) -> (&str, &str) {
    code.split_once('/').unwrap_or((code, ""))
}

/// Whether a filter value names this tier code (by code, Chinese or English
/// name, or a prefix of the code); a value with a level (`区级骨干`) names the tier at that
/// level only.
pub fn tier_matches(code: &str, value: &str) -> bool {
    let (code, level) = split_tier(code);
    if let Some((t, Some(l))) = parse_tier(value) {
        return Tier::parse(code) == Some(t) && TierLevel::parse(level) == Some(l);
    }
    let tier = Tier::parse(code);
    code.to_ascii_lowercase().starts_with(value)
        || tier.is_some() && tier == Tier::parse(value)
        || tier.is_some_and(|t| t.zh().contains(value) || t.en().to_lowercase().starts_with(value))
}

/// Whether a filter value names the level of this tier field (`区级`, `district`, `市`); a
/// tier without a level matches no level.
pub fn level_matches(code: &str, value: &str) -> bool {
    let (_, level) = split_tier(code);
    let Some(l) = TierLevel::parse(level) else {
        return false;
    };
    level.starts_with(value)
        || TierLevel::parse(value) == Some(l)
        || l.zh().contains(value)
        || l.en().to_lowercase().starts_with(value)
}

/// Like `tier_matches` for a teacher's employment status; an empty code (a record that is
/// not a teacher) counts as active.
pub fn teacher_status_matches(code: &str, value: &str) -> bool {
    let status = TeacherStatus::parse(if code.is_empty() { "active" } else { code });
    status == TeacherStatus::parse(value)
        || status.is_some_and(|s| {
            s.code() == value || s.zh().contains(value) || s.en().to_lowercase().starts_with(value)
        })
}

/// Like `tier_matches` for school stages.
pub fn stage_matches(code: &str, value: &str) -> bool {
    let stage = Stage::parse(code);
    code.to_ascii_lowercase().starts_with(value)
        || stage.is_some() && stage == Stage::parse(value)
        || stage.is_some_and(|s| s.zh().contains(value) || s.en().to_lowercase().starts_with(value))
}

/// Whether a free-text field (school, subject) contains the filter value.
pub fn text_matches(field: &str, value: &str) -> bool {
    field.to_lowercase().contains(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_split_from_text() {
        let q = Query::parse("school:实验 zw tier:骨干");
        assert_eq!(q.text, vec!['z', 'w']);
        assert_eq!(q.filters.school, vec!["实验"]);
        assert_eq!(q.filters.tier, vec!["骨干"]);
    }

    #[test]
    fn empty_prefix_value_is_ignored() {
        let q = Query::parse("school:");
        assert!(q.filters.is_empty());
        assert!(q.is_blank());
    }

    #[test]
    fn tier_values() {
        assert!(tier_matches("backbone", "backbone"));
        assert!(tier_matches("backbone", "骨干"));
        assert!(tier_matches("backbone", "back"));
        assert!(!tier_matches("rising", "骨干"));
        assert!(stage_matches("primary", "小学"));
    }

    #[test]
    fn tier_fields_with_levels() {
        let q = Query::parse("tier:骨干 level:区级");
        assert_eq!(q.filters.level, vec!["区级"]);
        assert!(tier_matches("backbone/district", "骨干"));
        assert!(tier_matches("backbone/district", "区级骨干"));
        assert!(!tier_matches("backbone/municipal", "区级骨干"));
        assert!(!tier_matches("backbone", "区级骨干"));
        assert!(level_matches("backbone/district", "区级"));
        assert!(level_matches("backbone/district", "district"));
        assert!(!level_matches("backbone/municipal", "区级"));
        assert!(!level_matches("backbone", "区级"));
    }
}
