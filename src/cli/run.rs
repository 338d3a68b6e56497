//! Dispatch of the parsed command line.

use super::args::{Cli, Command};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::{Db, OpenMode, Stamp};

/// The database the TUI opens (without a subcommand): `--demo`'s district (created when
/// absent unless `--read-only`) or `--db`'s file. Main then starts the TUI on it.
pub fn open_for_tui(cli: &Cli, stamp: &Stamp) -> Result<Db> {
    let path = if cli.demo {
        let path = super::demo_db_path()?;
        // --read-only opens the demo district only if it is already there.
        if !cli.read_only {
            crate::ops::demo::ensure_demo(&path, stamp)?;
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
    Db::open(&path, mode)
}

/// Runs a subcommand. `stamp` is the command's time and actor, read once by main.
pub fn run(cli: &Cli, command: &Command, stamp: &Stamp) -> Result<()> {
    let today = stamp.now.date();
    match command {
        Command::Export(args) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::export::run(&path, cli.lang, args, stamp.now)
        }
        Command::Import(args) => {
            if !args.dry_run {
                refuse_read_only(cli.read_only, "import")?;
            }
            let path = super::db_path(cli.db.as_ref())?;
            super::import::run(&path, cli.read_only, cli.lang, args, stamp)
        }
        Command::Lookup(args) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::lookup::run(&path, cli.lang, args, today)
        }
        Command::Checkin(args) => {
            refuse_read_only(cli.read_only, "checkin")?;
            let path = super::db_path(cli.db.as_ref())?;
            super::checkin::run(&path, cli.read_only, cli.lang, args, stamp)
        }
        Command::Demo(args) => {
            refuse_read_only(cli.read_only, "demo")?;
            super::demo::run(cli.db.as_ref(), cli.lang, args, stamp)
        }
        Command::Backup(args) => {
            let path = super::db_path(cli.db.as_ref())?;
            super::backup::run(&path, cli.lang, args)
        }
        Command::Check => {
            let path = super::db_path(cli.db.as_ref())?;
            super::check::run(&path, cli.lang, today)
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
