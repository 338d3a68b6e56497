//! Compact storage of the indexed entries: the text fields of every entry in
//! one string, repeated fields (school, subject, tier, stage) interned, and
//! per-entry character masks. About 130 bytes per entry instead of ~550 for
//! nine `String`s (docs/rules.md §8: 200,000 teachers within the memory budget).

use super::fx::FxHashMap;
use super::keys::{keys_fit, pinyin_keys};
use super::query::char_bit;
use super::shape;
use super::{Entry, EntryRef};

/// Distinct values of one repeated field.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    pub names: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// The value asked for last: entries read in order often repeat it (a school's
    /// teachers, the usual tier and status), and a comparison is cheaper than a hash.
    last: u32,
}

impl Interner {
    pub fn get(&mut self, name: &str) -> u32 {
        if self
            .names
            .get(self.last as usize)
            .is_some_and(|n| n == name)
        {
            return self.last;
        }
        let id = match self.ids.get(name) {
            Some(id) => *id,
            None => {
                let id = self.names.len() as u32;
                self.names.push(name.to_string());
                self.ids.insert(name.to_string(), id);
                id
            }
        };
        self.last = id;
        id
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// Which values pass every filter value; `None` when nothing filters.
    pub fn allowed(&self, values: &[String], matches: fn(&str, &str) -> bool) -> Option<Vec<bool>> {
        if values.is_empty() {
            return None;
        }
        Some(
            self.names
                .iter()
                .map(|name| values.iter().all(|v| matches(name, v)))
                .collect(),
        )
    }
}

/// The text fields of one entry, borrowed from the storage.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub name: &'a str,
    pub pinyin: &'a str,
    pub initials: &'a str,
    pub staff_no: &'a str,
    pub phone: &'a str,
}

/// One entry: its id, masks, where its text is, and its interned fields.
#[derive(Debug, Clone, Copy)]
pub struct Record {
    pub id: i64,
    /// Characters of the name and its pinyin keys.
    pub name_mask: u64,
    /// Characters of the staff number and phone.
    pub key_mask: u64,
    /// Characters a name match can begin with (`query::char_bit`): the first letter of
    /// every syllable (`u` too for `v`) and every unit of the name.
    pub inits: u64,
    /// The same for the first unit only: a match from the first unit (exact, whole
    /// syllables, a prefix, initials) begins with one of these; any other is fuzzy.
    pub lead: u64,
    /// The name's units (at most 255 counted), whether all are ASCII, and the shortest
    /// first syllable of its readings: what bounds a match's rung (`narrow`).
    pub units: u8,
    pub ascii_units: bool,
    pub first_len: u8,
    start: u32,
    lens: [u16; 5],
    pub school: u32,
    pub subject: u32,
    pub tier: u16,
    pub stage: u16,
    /// Interned employment status (`statuses`).
    pub status: u8,
}

#[derive(Debug, Default, Clone)]
pub struct Storage {
    pub records: Vec<Record>,
    text: String,
    /// Bytes of `text` no record points to any more.
    garbage: usize,
    pub schools: Interner,
    /// Per interned school: its pinyin (the tie order after the name).
    school_pinyin: Vec<String>,
    pub subjects: Interner,
    pub tiers: Interner,
    pub stages: Interner,
    pub statuses: Interner,
}

/// The `char_bit`s of a text's characters (its bytes when it is ASCII).
fn text_bits(text: &str) -> u64 {
    if text.is_ascii() {
        text.bytes().fold(0, |m, b| m | char_bit(b as char))
    } else {
        text.chars().fold(0, |m, c| m | char_bit(c))
    }
}

/// `text` cut to at most `u16::MAX` bytes on a character boundary.
fn bounded(text: &str) -> &str {
    if text.len() <= u16::MAX as usize {
        return text;
    }
    let mut end = u16::MAX as usize;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Storage {
    pub fn with_capacity(entries: usize) -> Storage {
        Storage {
            records: Vec::with_capacity(entries),
            text: String::with_capacity(entries * 48),
            ..Storage::default()
        }
    }

    /// Appends the entry's text and returns its record (not yet placed).
    /// Missing or stale pinyin keys (not one syllable per unit) are recomputed.
    pub fn record_of(&mut self, e: &EntryRef<'_>) -> Record {
        let computed;
        let (pinyin, initials) = if keys_fit(e.name, e.pinyin) {
            (e.pinyin, e.initials)
        } else {
            computed = pinyin_keys(e.name);
            (computed.0.as_str(), computed.1.as_str())
        };
        let start = self.text.len() as u32;
        let mut lens = [0u16; 5];
        for (i, field) in [e.name, pinyin, initials, e.staff_no, e.phone]
            .into_iter()
            .enumerate()
        {
            let field = bounded(field);
            self.text.push_str(field);
            lens[i] = field.len() as u16;
        }
        let key_mask = text_bits(e.staff_no) | text_bits(e.phone);
        let shape = shape::name_shape(e.name, pinyin);
        Record {
            id: e.id,
            name_mask: shape.mask,
            key_mask,
            inits: shape.inits,
            lead: shape.lead,
            units: shape.units,
            ascii_units: shape.ascii_units,
            first_len: shape.first_len,
            start,
            lens,
            school: self.school(e.school),
            subject: self.subjects.get(e.subject),
            tier: self.tiers.get(e.tier).min(u16::MAX as u32) as u16,
            stage: self.stages.get(e.stage).min(u16::MAX as u32) as u16,
            status: self.statuses.get(e.status).min(u8::MAX as u32) as u8,
        }
    }

    /// The interned id of a school, its pinyin computed on first sight.
    fn school(&mut self, name: &str) -> u32 {
        let id = self.schools.get(name);
        while self.school_pinyin.len() <= id as usize {
            let name = self.schools.name(self.school_pinyin.len() as u32);
            let pinyin = pinyin_keys(name).0;
            self.school_pinyin.push(pinyin);
        }
        id
    }

    /// Every interned school's place in school order (pinyin, then name).
    pub fn school_ranks(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.schools.names.len() as u32).collect();
        ids.sort_by(|a, b| {
            let key = |id: u32| {
                let pinyin = self.school_pinyin.get(id as usize);
                (pinyin.map_or("", String::as_str), self.schools.name(id))
            };
            key(*a).cmp(&key(*b))
        });
        let mut ranks = vec![0; ids.len()];
        for (place, id) in ids.into_iter().enumerate() {
            ranks[id as usize] = place as u32;
        }
        ranks
    }

    /// The school's pinyin and name, for ordering equal names by school.
    pub fn school_order_key(&self, slot: usize) -> (&str, &str) {
        let school = self.records[slot].school;
        let pinyin = self.school_pinyin.get(school as usize);
        (pinyin.map_or("", String::as_str), self.schools.name(school))
    }

    pub fn fields(&self, slot: usize) -> Fields<'_> {
        let r = &self.records[slot];
        let mut at = r.start as usize;
        let mut take = |len: u16| {
            let s = self.text.get(at..at + len as usize).unwrap_or("");
            at += len as usize;
            s
        };
        Fields {
            name: take(r.lens[0]),
            pinyin: take(r.lens[1]),
            initials: take(r.lens[2]),
            staff_no: take(r.lens[3]),
            phone: take(r.lens[4]),
        }
    }

    /// Where a record's name and pinyin keys are: `(start, name length, pinyin length)`
    /// for `name_and_pinyin`.
    pub fn name_place(r: &Record) -> (u32, u16, u16) {
        (r.start, r.lens[0], r.lens[1])
    }

    /// The name and its pinyin keys (what a name match reads) at a `name_place`.
    pub fn name_and_pinyin(&self, (start, name, pinyin): (u32, u16, u16)) -> (&str, &str) {
        let start = start as usize;
        let both = self
            .text
            .get(start..start + name as usize + pinyin as usize)
            .unwrap_or("");
        both.split_at_checked(name as usize).unwrap_or(("", ""))
    }

    /// The full entry of a slot (allocates).
    pub fn entry(&self, slot: usize) -> Entry {
        let f = self.fields(slot);
        let r = &self.records[slot];
        Entry {
            id: r.id,
            name: f.name.to_string(),
            pinyin: f.pinyin.to_string(),
            initials: f.initials.to_string(),
            staff_no: f.staff_no.to_string(),
            phone: f.phone.to_string(),
            school: self.schools.name(r.school).to_string(),
            tier: self.tiers.name(r.tier as u32).to_string(),
            subject: self.subjects.name(r.subject).to_string(),
            stage: self.stages.name(r.stage as u32).to_string(),
            status: self.statuses.name(r.status as u32).to_string(),
        }
    }

    /// Marks a record's text as unused (after a replace or remove).
    pub fn release(&mut self, slot: usize) {
        let lens = self.records[slot].lens;
        self.garbage += lens.iter().map(|l| *l as usize).sum::<usize>();
    }

    /// Rewrites the text without unused bytes once they are over half of it.
    pub fn compact_if_wasteful(&mut self) {
        if self.garbage * 2 <= self.text.len() {
            return;
        }
        let mut text = String::with_capacity(self.text.len() - self.garbage);
        for r in self.records.iter_mut() {
            let len: usize = r.lens.iter().map(|l| *l as usize).sum();
            let start = r.start as usize;
            let new_start = text.len() as u32;
            text.push_str(self.text.get(start..start + len).unwrap_or(""));
            r.start = new_start;
        }
        self.text = text;
        self.garbage = 0;
    }

    /// Forgets every record and its text (the interned values stay).
    pub fn clear(&mut self) {
        self.records.clear();
        self.text.clear();
        self.garbage = 0;
    }

    pub fn shrink(&mut self) {
        self.records.shrink_to_fit();
        self.text.shrink_to_fit();
    }
}
