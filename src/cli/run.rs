//! Dispatch of the parsed command line.

use super::args::{Cli, Command};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::{Db, OpenMode};

pub fn run(cli: Cli) -> Result<()> {
    crate::lang::set_english(cli.lang == super::args::Lang::En);
    match &cli.command {
        None => {
            let path = if cli.demo {
                let path = super::demo_db_path()?;
                // --read-only opens the demo district only if it is already there.
                if !cli.read_only {
                    crate::ops::demo::ensure_demo(&path)?;
                }
                path
            } else {
                super::db_path(cli.db.as_ref())?
            };
            let mode = if cli.read_only {
                OpenMode::ReadOnly
            } else {
                OpenMode::Create
            };
            let db = Db::open(&path, mode)?;
            crate::tui::run(
                db,
                crate::tui::Options {
                    lang: cli.lang,
                    theme: cli.theme.clone(),
                    no_color: crate::tui::no_color(),
                    colors: cli
                        .colors
                        .map(Into::into)
                        .unwrap_or_else(crate::tui::colors::ColorDepth::from_env),
                },
            )
        }
        Some(Command::Export(args)) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::export::run(&path, args)
        }
        Some(Command::Import(args)) => {
            if !args.dry_run {
                refuse_read_only(cli.read_only, "import")?;
            }
            let path = super::db_path(cli.db.as_ref())?;
            super::import::run(&path, cli.read_only, cli.lang, args)
        }
        Some(Command::Lookup(args)) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::lookup::run(&path, cli.lang, args)
        }
        Some(Command::Checkin(args)) => {
            refuse_read_only(cli.read_only, "checkin")?;
            let path = super::db_path(cli.db.as_ref())?;
            super::checkin::run(&path, cli.read_only, cli.lang, args)
        }
        Some(Command::Demo(args)) => {
            refuse_read_only(cli.read_only, "demo")?;
            super::demo::run(cli.db.as_ref(), cli.lang, args)
        }
        Some(Command::Backup(args)) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::backup::run(&path, cli.lang, args)
        }
        Some(Command::Check) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::check::run(&path, cli.lang)
        }
    }
}

/// `--read-only` promises that no file changes: a command that writes is refused before it
/// opens anything.
fn refuse_read_only(read_only: bool, command: &str) -> Result<()> {
    if !read_only {
        return Ok(());
    }
    Err(Error::invalid(pick(
        format!("{command} 会写入数据库，不能与 --read-only 一起使用；去掉 --read-only 再运行"),
        format!("{command} writes to the database and cannot run with --read-only; run it without --read-only"),
    )))
}
