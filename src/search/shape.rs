//! What `Record` holds of a name besides its text: the masks and the shape that let a
//! search pass over entries unread (`narrow`).

use super::keys::{is_unit, ALT_SEP, SYLLABLE_SEP};
use super::query::char_bit;

/// The bit of a pinyin letter, with `u`'s for `v` (a query's `u` matches `v`).
fn letter_bits(b: u8) -> u64 {
    if !b.is_ascii_alphanumeric() {
        return 0;
    }
    char_bit(b as char) | if b == b'v' { char_bit('u') } else { 0 }
}

/// What `Record` holds of the name and its keys besides the text.
pub(super) struct NameShape {
    pub mask: u64,
    pub inits: u64,
    pub lead: u64,
    pub units: u8,
    pub ascii_units: bool,
    pub first_len: u8,
}

pub(super) fn name_shape(name: &str, pinyin: &str) -> NameShape {
    let mut shape = NameShape {
        mask: 0,
        inits: 0,
        lead: 0,
        units: 0,
        ascii_units: true,
        first_len: u8::MAX,
    };
    let (mut syllable_start, mut first_syllable) = (true, true);
    let mut first = 0usize;
    for b in pinyin.bytes() {
        if b == ALT_SEP as u8 || b == SYLLABLE_SEP as u8 {
            if first_syllable {
                shape.first_len = shape.first_len.min(first.min(255) as u8);
            }
            syllable_start = true;
            first_syllable = b == ALT_SEP as u8;
            first = 0;
            continue;
        }
        let bits = letter_bits(b);
        shape.mask |= bits;
        if syllable_start {
            shape.inits |= bits;
            if first_syllable {
                shape.lead |= bits;
            }
        }
        first += 1;
        syllable_start = false;
    }
    if first_syllable {
        shape.first_len = shape.first_len.min(first.min(255) as u8);
    }
    for (i, c) in name.chars().filter(|c| is_unit(*c)).enumerate() {
        let bit = char_bit(c);
        shape.inits |= bit;
        if i == 0 {
            shape.lead |= bit;
        }
        shape.units = (i + 1).min(255) as u8;
        shape.ascii_units &= c.is_ascii();
    }
    for c in name.chars().filter(|c| !c.is_ascii()) {
        shape.mask |= char_bit(c);
    }
    shape
}
