//! Helpers shared by the TUI and pseudo-terminal test binaries: a small district's teachers,
//! the App driven in ratatui's TestBackend, and the real binary in a pseudo-terminal.
//! Each binary includes this with `mod common;` and uses what it needs.
#![allow(dead_code)]

pub mod district;
pub mod pty;
pub mod tui;
