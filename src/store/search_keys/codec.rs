//! The packed form of a block: per teacher its id, school id and text mask
//! (`search::text_mask`; 8 bytes each, little-endian), the byte length of the rest of
//! the row (4 bytes, so a row the mask rules out is passed over in one step), then name, pinyin, initials, staff number, phone, tier, subject,
//! status and stage, each as a length and its UTF-8 bytes. A length is one byte, or
//! 255 and four more; `NULL_LEN` marks a NULL stage (the school's applies).

use crate::search::query::char_bit;
use rusqlite::types::ValueRef;
use rusqlite::Row;
use std::collections::HashMap;

const LONG: u8 = 255;
const NULL_LEN: u32 = u32::MAX;

/// One teacher's search columns, borrowed from a packed block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRow<'a> {
    pub id: i64,
    pub school_id: i64,
    pub name: &'a str,
    pub pinyin: &'a str,
    pub initials: &'a str,
    pub staff_no: &'a str,
    pub phone: &'a str,
    pub tier: &'a str,
    pub subject: &'a str,
    pub status: &'a str,
    /// The teacher's own stage; `None` when the school's applies.
    pub stage: Option<&'a str>,
}

fn put_len(out: &mut Vec<u8>, len: u32) {
    if len < LONG as u32 {
        out.push(len as u8);
    } else {
        out.push(LONG);
        out.extend_from_slice(&len.to_le_bytes());
    }
}

fn put_text(out: &mut Vec<u8>, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => put_len(out, 0),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            // a length that does not fit (over 4 GB) is stored empty
            let len = u32::try_from(t.len()).ok().filter(|l| *l != NULL_LEN);
            put_len(out, len.unwrap_or(0));
            if len.is_some() {
                out.extend_from_slice(t);
            }
        }
        ValueRef::Integer(i) => put_str(out, &i.to_string()),
        ValueRef::Real(f) => put_str(out, &f.to_string()),
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_text(out, ValueRef::Text(s.as_bytes()));
}

/// A text column as text (NULL and non-text read as empty), for the mask.
fn as_text<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<&'r str> {
    Ok(match row.get_ref(column)? {
        ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
        _ => "",
    })
}

/// `search::text_mask` of many rows: the part of a name and its pinyin is kept per
/// name (a district repeats its common names, and working it out builds a small
/// search store), the part of the staff number and phone is each character's bit,
/// as `text_mask` ORs them in.
#[derive(Default)]
pub struct Masks {
    names: HashMap<String, u64>,
    key: String,
}

impl Masks {
    fn of(&mut self, name: &str, pinyin: &str, staff_no: &str, phone: &str) -> u64 {
        self.key.clear();
        self.key.push_str(name);
        self.key.push('\0');
        self.key.push_str(pinyin);
        let name_part = match self.names.get(self.key.as_str()) {
            Some(m) => *m,
            None => {
                let m = crate::search::text_mask(name, pinyin, "", "");
                self.names.insert(self.key.clone(), m);
                m
            }
        };
        staff_no
            .chars()
            .chain(phone.chars())
            .fold(name_part, |m, c| m | char_bit(c))
    }
}

/// Appends one row of `BLOCK_ROWS` (id, school id, the eight text columns, stage).
pub fn encode(out: &mut Vec<u8>, row: &Row<'_>, masks: &mut Masks) -> rusqlite::Result<()> {
    out.extend_from_slice(&row.get::<_, i64>(0)?.to_le_bytes());
    out.extend_from_slice(&row.get::<_, i64>(1)?.to_le_bytes());
    let mask = masks.of(
        as_text(row, 2)?,
        as_text(row, 3)?,
        as_text(row, 5)?,
        as_text(row, 6)?,
    );
    out.extend_from_slice(&mask.to_le_bytes());
    let length_at = out.len();
    out.extend_from_slice(&[0; 4]);
    for column in 2..10 {
        put_text(out, row.get_ref(column)?);
    }
    match row.get_ref(10)? {
        ValueRef::Null => put_len(out, NULL_LEN),
        value => put_text(out, value),
    }
    // a row over 4 GB is not possible (each text is at most that), but never wraps
    let rest = u32::try_from(out.len() - length_at - 4).unwrap_or(u32::MAX);
    out[length_at..length_at + 4].copy_from_slice(&rest.to_le_bytes());
    Ok(())
}

/// Appends one teacher given by its values, as `encode` appends its row (the eight texts
/// are NOT NULL columns; a `None` stage is a NULL one).
pub fn encode_key_row(out: &mut Vec<u8>, r: &KeyRow<'_>, masks: &mut Masks) {
    out.extend_from_slice(&r.id.to_le_bytes());
    out.extend_from_slice(&r.school_id.to_le_bytes());
    let mask = masks.of(r.name, r.pinyin, r.staff_no, r.phone);
    out.extend_from_slice(&mask.to_le_bytes());
    let length_at = out.len();
    out.extend_from_slice(&[0; 4]);
    for text in [
        r.name, r.pinyin, r.initials, r.staff_no, r.phone, r.tier, r.subject, r.status,
    ] {
        put_str(out, text);
    }
    match r.stage {
        None => put_len(out, NULL_LEN),
        Some(stage) => put_str(out, stage),
    }
    let rest = u32::try_from(out.len() - length_at - 4).unwrap_or(u32::MAX);
    out[length_at..length_at + 4].copy_from_slice(&rest.to_le_bytes());
}

/// Reads packed bytes front to back; `None` at any malformation.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.bytes.get(..n)?, self.bytes.get(n..)?);
        self.bytes = rest;
        Some(head)
    }

    fn int(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<u32> {
        let first = *self.take(1)?.first()?;
        if first < LONG {
            return Some(first as u32);
        }
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len as usize)?).ok()
    }

    fn stage(&mut self) -> Option<Option<&'a str>> {
        let len = self.len()?;
        if len == NULL_LEN {
            return Some(None);
        }
        std::str::from_utf8(self.take(len as usize)?).ok().map(Some)
    }

    /// The next row, or `Some(None)` when its mask lacks a bit of `need` (not read).
    fn row(&mut self, need: u64) -> Option<Option<KeyRow<'a>>> {
        let (id, school_id, mask) = (self.int()?, self.int()?, self.int()? as u64);
        let rest = u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize;
        if need & !mask != 0 {
            self.take(rest)?;
            return Some(None);
        }
        let before = self.bytes.len();
        let row = KeyRow {
            id,
            school_id,
            name: self.text()?,
            pinyin: self.text()?,
            initials: self.text()?,
            staff_no: self.text()?,
            phone: self.text()?,
            tier: self.text()?,
            subject: self.text()?,
            status: self.text()?,
            stage: self.stage()?,
        };
        // the length must tell where the row ends
        (before - self.bytes.len() == rest).then_some(Some(row))
    }
}

/// The rows of `packed` whose mask has every bit of `need`; `None` when any part of it
/// does not read.
pub fn decode(packed: &[u8], need: u64) -> Option<Vec<KeyRow<'_>>> {
    let mut r = Reader { bytes: packed };
    let mut rows = Vec::new();
    while !r.bytes.is_empty() {
        if let Some(row) = r.row(need)? {
            rows.push(row);
        }
    }
    Some(rows)
}
