//! A fast hasher for the load's tallies: their keys are small tuples of integers and
//! months, hashed once per generated row (two million marks at 200,000 teachers), where
//! the standard SipHash was about 2.5 % of the demo's instructions (callgrind). Not
//! resistant to chosen keys, which generated ids and dates are not. Every table written
//! from these maps is sorted first, so the hash order never reaches the file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with `FastHasher`.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The Fx hash (rustc's): rotate, xor, multiply per word.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_meet_and_different_keys_stay_apart() {
        let mut map: FastMap<(i64, [u8; 7], i64), i64> = FastMap::default();
        for school in 0..50i64 {
            for month in [*b"2024-01", *b"2024-12", *b"2025-01"] {
                for teacher in 0..40i64 {
                    *map.entry((school, month, teacher)).or_default() += 1;
                    *map.entry((school, month, teacher)).or_default() += 1;
                }
            }
        }
        assert_eq!(map.len(), 50 * 3 * 40);
        assert!(map.values().all(|&n| n == 2));
    }
}
