//! The database files this process holds a connection to, by device and inode.
//!
//! `open.rs` may look at a file through an `immutable=1` connection (no locks, no journal).
//! SQLite closes such a connection's descriptor at once, and on Linux closing any descriptor
//! of a file drops every POSIX lock the process holds on it. That is harmless only while this
//! process holds no other connection to the file, so the look is skipped when it does.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::sync::Mutex;

static HELD: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

/// Marks a file as held for as long as the value lives (one entry per connection).
#[derive(Debug)]
pub struct Held((u64, u64));

impl Held {
    pub fn new(meta: &Metadata) -> Held {
        let key = (meta.dev(), meta.ino());
        if let Ok(mut held) = HELD.lock() {
            held.push(key);
        }
        Held(key)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Ok(mut held) = HELD.lock() {
            if let Some(i) = held.iter().position(|k| *k == self.0) {
                held.swap_remove(i);
            }
        }
    }
}

/// True when this process holds a connection to the file. A poisoned registry answers true
/// (the safe answer: skip the lock-free look).
pub fn is_held(meta: &Metadata) -> bool {
    HELD.lock()
        .map(|held| held.contains(&(meta.dev(), meta.ino())))
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_held_while_a_value_lives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        std::fs::write(&path, b"").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert!(!is_held(&meta));
        let a = Held::new(&meta);
        let b = Held::new(&meta);
        assert!(is_held(&meta));
        drop(a);
        assert!(is_held(&meta), "one connection still holds it");
        drop(b);
        assert!(!is_held(&meta));
    }
}
