//! The command line of docs/rules.md §6. Data goes to stdout, messages to stderr;
//! nothing here touches the terminal's screen.

pub mod args;
pub mod backup;
pub mod check;
pub mod checkin;
pub mod demo;
pub mod export;
pub mod import;
pub mod lookup;
mod lookup_notes;
pub mod run;

pub use args::{Cli, Command};

use crate::error::{Error, Result};
use std::path::PathBuf;

/// Exit status for a usage error (docs/rules.md §6).
pub const EXIT_USAGE: i32 = 2;
/// Exit status for any other error.
pub const EXIT_ERROR: i32 = 1;

/// Resolves the database path: `--db`, else `LIAOYUAN_DB`, else the platform data folder.
pub fn db_path(flag: Option<&PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.clone());
    }
    if let Ok(p) = std::env::var("LIAOYUAN_DB") {
        if !p.trim().is_empty() {
            return Ok(PathBuf::from(p));
        }
    }
    Ok(data_dir()?.join("liaoyuan.db"))
}

/// The platform data folder (e.g. `~/.local/share/liaoyuan`).
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "liaoyuan")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            Error::Io(crate::lang::pick(
                "找不到用来存放数据库的主目录，请用 --db PATH 指定",
                "cannot find a home folder for the database; use --db PATH",
            ))
        })
}

/// Path of the demo district's database (`--demo`).
pub fn demo_db_path() -> Result<PathBuf> {
    Ok(data_dir()?.join("demo.db"))
}
