//! Liaoyuan (燎原): the teacher-training centre's terminal application.

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
