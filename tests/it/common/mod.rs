//! Helpers shared by the TUI and pseudo-terminal test binaries: a small district's teachers,
//! the App driven in ratatui's TestBackend, the real binary in a pseudo-terminal, and
//! processes watched through /proc. Each binary includes this with `mod common;` and uses
//! what it needs.
#![allow(dead_code)]

pub mod district;
pub mod procs;
pub mod pty;
pub mod tui;
