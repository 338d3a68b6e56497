//! The two phases of an import, so that a long file never blocks the desks.
//!
//! 1. **Check** in a read transaction: a snapshot of the database, taken without
//!    the write lock (desks keep checking in). Every row is validated, every
//!    lookup made and every value to write prepared (audit entries included);
//!    the result is a plan of steps. `PRAGMA query_only` holds during this phase,
//!    so nothing in it can take the write lock. A dry run (and the TUI's preview)
//!    stops here and reports the plan's counts.
//! 2. **Write** the plan in one short write transaction (BEGIN IMMEDIATE), all
//!    or nothing. Each step first re-checks, with one indexed lookup, that what
//!    the snapshot showed still holds (the staff number is still free, the row
//!    to update is still as it was, the session still open …). If another desk
//!    changed it in between, the transaction is rolled back and the import
//!    starts again from a new snapshot (at most `ATTEMPTS` times), so a change
//!    made meanwhile is never overwritten or silently ignored.
//!
//! One transaction rather than chunks: other processes never see half an
//! import (a desk could check in a teacher that a failed later chunk would have
//! to remove), and the write alone is short — 100,000 teacher rows take well
//! under a second (the scale benchmark measures how long a desk waits).

use super::driver;
use super::table::Table;
use super::{
    allotments, enrolments, marks, projects, schools, sessions, teachers_check, trainers, Context,
    Counts, Kind,
};
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::Db;
use rusqlite::Connection;

/// How many snapshots an import takes before it gives up on a database that
/// other desks keep changing under the rows it imports.
pub(crate) const ATTEMPTS: usize = 3;

/// A row whose snapshot no longer holds: `line N: column: what changed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stale(pub Text);

impl Stale {
    /// "line N: column: <what> (changed by another desk while the file was being checked)".
    pub(crate) fn new(table: &Table, line: usize, column: &str, zh: String, en: String) -> Stale {
        let label = table.label(column);
        Stale(pick(
            format!("line {line}: {label}: {zh}（另一台电脑在检查文件期间写入）"),
            format!(
                "line {line}: {label}: {en} (written by another desk while the file was being \
                 checked)"
            ),
        ))
    }
}

/// What the writes did, or the first step whose snapshot no longer held.
pub(crate) type Written = std::result::Result<Counts, Stale>;

/// What a kind's check decided to write.
pub(crate) trait Plan: Send {
    /// What writing the plan will do: a dry run's counts.
    fn expected(&self) -> Counts;
    /// Writes the plan inside the caller's write transaction, re-checking each
    /// step against the snapshot first.
    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written>;
}

/// Checks `table` in a snapshot and prepares its plan (phase 1).
pub(crate) fn check(
    db: &mut Db,
    kind: Kind,
    table: &Table,
    ctx: &Context,
) -> Result<Box<dyn Plan>> {
    db.in_snapshot(|conn| {
        let plan: Box<dyn Plan> = match kind {
            Kind::Schools => Box::new(driver::check::<schools::Schools>(conn, table, ctx)?),
            Kind::Teachers => Box::new(teachers_check::check(conn, table, ctx)?),
            Kind::Trainers => Box::new(driver::check::<trainers::Trainers>(conn, table, ctx)?),
            Kind::Projects => Box::new(driver::check::<projects::Projects>(conn, table, ctx)?),
            Kind::Sessions => Box::new(driver::check::<sessions::Sessions>(conn, table, ctx)?),
            Kind::Enrolments => {
                Box::new(driver::check::<enrolments::Enrolments>(conn, table, ctx)?)
            }
            Kind::Marks => Box::new(driver::check::<marks::Marks>(conn, table, ctx)?),
            Kind::Allotments => {
                Box::new(driver::check::<allotments::Allotments>(conn, table, ctx)?)
            }
            Kind::Credits => Box::new(driver::check::<super::credits::Credits>(conn, table, ctx)?),
        };
        Ok(plan)
    })
}

/// The page cache of the write phase, in KiB: big enough that a 100,000-row
/// import keeps its changed pages in memory instead of spilling them into the
/// WAL in the middle of the transaction (SQLite's default cache is 2 MB),
/// which measurably shortens the time the write lock is held. Pages are taken
/// only as needed, and the connection's own size is restored afterwards.
const WRITE_CACHE_KIB: i64 = 64 * 1024;

/// Writes `plan` in one write transaction (phase 2); `Ok(Err(stale))` when
/// another desk changed what the plan was checked against (nothing written).
/// `audit` records the import's own entry inside the same transaction.
pub(crate) fn write(
    db: &mut Db,
    plan: &dyn Plan,
    table: &Table,
    ctx: &Context,
    audit: impl FnOnce(&Connection, &Counts) -> Result<()>,
) -> Result<Written> {
    db.with_cache_kib(WRITE_CACHE_KIB, |db| {
        (|| -> Result<Written> {
            let tx = db.write(&crate::store::Stamp::new(ctx.now, ctx.actor.clone()))?;
            match plan.write(&tx, table, ctx)? {
                Ok(counts) => {
                    audit(&tx, &counts)?;
                    tx.commit()?;
                    // packed outside the import's write lock, so desks are not held up
                    crate::store::search_keys::refresh_after_write(&db.conn);
                    Ok(Ok(counts))
                }
                Err(stale) => {
                    tx.rollback()?;
                    Ok(Err(stale))
                }
            }
        })()
    })
}

/// The refusal when every attempt found a row changed under it.
pub(crate) fn gave_up(stale: Vec<Stale>) -> Error {
    let mut rows: Vec<Text> = stale.into_iter().map(|s| s.0).collect();
    rows.dedup();
    rows.push(pick(
        "其他电脑一直在修改这些记录；稍后再导入一次",
        "other desks kept changing these rows; import the file again in a moment",
    ));
    Error::Rows(rows)
}

#[cfg(test)]
#[path = "phases_tests.rs"]
pub(super) mod tests;

#[cfg(test)]
#[path = "phases_recheck_tests.rs"]
mod recheck_tests;
