//! The desk's undo stack (`u` / Ctrl-Z): the undo records `ops::check_in` returns for the marks
//! this desk wrote, newest last.
//!
//! Screens never write, so the stack cannot live in the screen: `write.rs` pushes a record after
//! each recorded mark and pops one for `Intent::UndoLastMark`. Each desk (each Check-in screen)
//! has its own id, so two desks in one process (tests) keep separate stacks; a record whose mark
//! was changed since (at another desk) is refused by `ops::check_in::undo_mark`.

use crate::ops::check_in::UndoMark;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// At most this many records per desk (older ones are forgotten).
const DEPTH: usize = 50;

static NEXT_DESK: AtomicU64 = AtomicU64::new(1);
static STACKS: Mutex<BTreeMap<u64, Vec<UndoMark>>> = Mutex::new(BTreeMap::new());

/// A new desk id.
pub fn new_desk() -> u64 {
    NEXT_DESK.fetch_add(1, Ordering::Relaxed)
}

fn with<R>(f: impl FnOnce(&mut BTreeMap<u64, Vec<UndoMark>>) -> R) -> R {
    let mut guard = STACKS.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut guard)
}

/// Remembers a mark written by `desk`.
pub fn push(desk: u64, undo: UndoMark) {
    with(|m| {
        let s = m.entry(desk).or_default();
        s.push(undo);
        if s.len() > DEPTH {
            s.remove(0);
        }
    });
}

/// The desk's newest record, removed from the stack.
pub fn pop(desk: u64) -> Option<UndoMark> {
    with(|m| m.get_mut(&desk).and_then(Vec::pop))
}

/// How many marks the desk can undo.
pub fn depth(desk: u64) -> usize {
    with(|m| m.get(&desk).map_or(0, Vec::len))
}
