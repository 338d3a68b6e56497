//! Liaoyuan (燎原): the teacher-training centre's terminal application.

// Enforced by CI (`cargo clippy --all-targets -- -D warnings`) for all non-test code; the
// threshold of too_many_lines (80) is in clippy.toml.
#![cfg_attr(
    not(test),
    warn(clippy::too_many_lines, clippy::unwrap_used, clippy::expect_used)
)]

pub mod cli;
pub mod clock;
pub mod domain;
pub mod error;
pub mod lang;
pub mod ops;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;

pub use error::{Error, Result};
