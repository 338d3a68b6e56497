//! The SQLite side of an online backup (`ops::backup`): copying a consistent snapshot to a
//! new file with SQLite's backup API, and what the copy is checked for.

use crate::error::{Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// Copies the database of `src` into the (new, empty) file `dest` in one step, so the copy
/// is one consistent snapshot; waits up to ~5 s for a busy writer.
pub fn copy(src: &Connection, dest: &Path) -> Result<()> {
    let mut out = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let backup = Backup::new(src, &mut out)?;
    let mut waits = 0;
    loop {
        // -1: all pages in one step, so the copy is one consistent snapshot.
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                waits += 1;
                if waits > 100 {
                    return Err(Error::Busy);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {}
        }
    }
}

/// SQLite's `PRAGMA quick_check`: "ok", or the first problem found.
pub fn quick_check(conn: &Connection) -> Result<String> {
    Ok(conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?)
}

/// How many teachers and marks the file holds.
pub fn teachers_and_marks(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM teachers), (SELECT count(*) FROM marks)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}
