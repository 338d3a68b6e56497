//! The pinyin-aware fuzzy index over teachers (and trainers, schools, projects).
//!
//! A Han query matches the name; an ASCII query matches the full pinyin, the
//! pinyin initials (any mix of the two), the staff number and the phone tail.
//! Field prefixes (`school:实验 tier:backbone level:区级 subject:语文 stage:小学`)
//! narrow any query. The ranking rule is in `rank`, the matching in `matcher`.

mod anchored;
mod answer;
mod filter;
mod fx;
mod highlight;
mod index;
pub mod keys;
pub mod keystrokes;
mod matcher;
mod narrow;
mod one_char;
mod order;
mod pick;
mod probe;
pub mod query;
mod rank;
mod shape;
mod sieve;
mod storage;
pub mod surnames;

pub use fx::FxHashMap;
pub use index::{Index, IndexBuilder};
pub use keystrokes::shortest_unique_query;
pub use probe::{text_mask, Probe};
pub use rank::Match;

/// One searchable record. For teachers: `tier` and `stage` are code names;
/// `pinyin`/`initials` are the stored keys of `keys::pinyin_keys` (recomputed
/// by the index when missing or stale).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub name: String,
    pub pinyin: String,
    pub initials: String,
    pub staff_no: String,
    pub phone: String,
    pub school: String,
    /// Code name, e.g. `backbone`, with `/level` when the tier has one (`backbone/district`;
    /// `query::split_tier` splits it).
    pub tier: String,
    pub subject: String,
    /// Code name, e.g. `primary`.
    pub stage: String,
    /// A teacher's employment status, code name (`active`, `retired`, …); empty for other
    /// records, which counts as active.
    pub status: String,
}

/// An entry's fields borrowed (e.g. straight from a database row), for
/// `IndexBuilder::push`: no `String` per field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryRef<'a> {
    pub id: i64,
    pub name: &'a str,
    pub pinyin: &'a str,
    pub initials: &'a str,
    pub staff_no: &'a str,
    pub phone: &'a str,
    pub school: &'a str,
    pub tier: &'a str,
    pub subject: &'a str,
    pub stage: &'a str,
    pub status: &'a str,
}

impl Entry {
    /// The fields borrowed.
    pub fn borrowed(&self) -> EntryRef<'_> {
        EntryRef {
            id: self.id,
            name: &self.name,
            pinyin: &self.pinyin,
            initials: &self.initials,
            staff_no: &self.staff_no,
            phone: &self.phone,
            school: &self.school,
            tier: &self.tier,
            subject: &self.subject,
            stage: &self.stage,
            status: &self.status,
        }
    }

    /// An entry for any named record (a school, project or external trainer):
    /// `code` is matched like a staff number (e.g. a project code), the
    /// pinyin keys come from the name, other fields are empty.
    pub fn named(id: i64, name: &str, code: &str) -> Entry {
        let (pinyin, initials) = keys::pinyin_keys(name);
        Entry {
            id,
            name: name.to_string(),
            pinyin,
            initials,
            staff_no: code.to_string(),
            ..Entry::default()
        }
    }
}

/// A search result: the entry's id and its score (higher is better; see
/// `rank` for what it holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: i64,
    pub score: i64,
}

impl Hit {
    /// The rung of the ranking rule this hit is on (`None` for a blank query).
    pub fn matched(&self) -> Option<Match> {
        rank::match_of(self.score)
    }

    /// Whether `other` is as good a match as this one, the desk's context
    /// (marked or not) aside.
    pub fn ties_with(&self, other: &Hit) -> bool {
        rank::without_context(self.score) == rank::without_context(other.score)
    }
}

/// Character indices to highlight in the shown fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Char indices in `name`.
    pub name: Vec<usize>,
    /// Char indices in `staff_no`.
    pub staff_no: Vec<usize>,
    /// Char indices in `phone`.
    pub phone: Vec<usize>,
}
