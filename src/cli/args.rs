//! Argument definitions (clap derive). The contract of docs/rules.md §6: keep it exactly.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use crate::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "liaoyuan",
    version,
    about = "燎原 Liaoyuan — teacher-training centre: projects, Starlight trainers, attendance and vetoes, follow-ups, credits"
)]
pub struct Cli {
    /// Database file (default: $LIAOYUAN_DB, else liaoyuan.db in the data folder)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Interface language
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Colour theme (a file name in themes/ without .toml: dark, light, high-contrast, mono)
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    /// Open without allowing changes
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Colours sent to the terminal (default: chosen from TERM and COLORTERM)
    #[arg(long, global = true, value_enum, value_name = "16|256|true")]
    pub colors: Option<Colors>,
    /// Open the TUI on a demo district (created if absent)
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--colors`: how many colours the TUI sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colors {
    /// The 16 ANSI colours
    #[value(name = "16")]
    Ansi16,
    /// The xterm 256-colour palette
    #[value(name = "256")]
    Indexed256,
    /// 24-bit colour
    #[value(name = "true")]
    TrueColor,
}

impl From<Colors> for crate::tui::colors::ColorDepth {
    fn from(c: Colors) -> Self {
        use crate::tui::colors::ColorDepth;
        match c {
            Colors::Ansi16 => ColorDepth::Ansi16,
            Colors::Indexed256 => ColorDepth::Indexed256,
            Colors::TrueColor => ColorDepth::TrueColor,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a realistic demo district into PATH
    Demo(DemoArgs),
    /// Online backup to a new file
    Backup(BackupArgs),
    /// Integrity and consistency check
    Check,
    /// Import schools, teachers, trainers, projects, sessions, enrolments or marks from CSV/XLSX
    Import(super::import::ImportArgs),
    /// Export vetoes, credits, attendance, the school report or the targets as csv, xlsx or json (also: completion, follow-ups, sign-in-sheet, principals, plans, trainers)
    Export(super::export::ExportArgs),
    /// Quick attendance and veto lookup
    Lookup(super::lookup::LookupArgs),
    /// Mark one teacher at a session of a project
    Checkin(super::checkin::CheckinArgs),
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of teachers
    #[arg(long, default_value_t = 2000)]
    pub teachers: usize,
    /// Random seed; the same seed gives the same district
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Destination file (must not exist)
    pub dest: PathBuf,
}
