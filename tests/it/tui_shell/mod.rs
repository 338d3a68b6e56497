//! The TUI shell rendered into ratatui's TestBackend at 80×24, in Chinese and English, on a
//! small district built with SQL (fixture.rs). Assertions read the text a user would read.

mod chrome;
mod dialogs;
mod fixture;
mod teacher_status;
mod teachers;
