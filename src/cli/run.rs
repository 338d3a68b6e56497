//! Dispatch of the parsed command line.

use super::args::{Cli, Command};
use crate::error::Result;
use crate::store::{Db, OpenMode};

pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        None => {
            let path = if cli.demo {
                super::demo_db_path()?
            } else {
                super::db_path(cli.db.as_ref())?
            };
            let mode = if cli.read_only {
                OpenMode::ReadOnly
            } else {
                OpenMode::Create
            };
            let db = Db::open(&path, mode)?;
            let _ = db;
            Ok(())
        }
        Some(Command::Demo(_)) | Some(Command::Backup(_)) | Some(Command::Check) => {
            Err(crate::Error::invalid("not available yet"))
        }
    }
}
