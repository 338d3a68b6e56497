//! The check of a large teachers file with its rows validated in two halves on two threads.
//!
//! A teachers row is validated without the database (`Teachers::validate`: the schools are
//! loaded once by `start`), so each half gets its own `Teachers`. When both halves are clean
//! and no staff number appears in both, their rows are matched against the database as one
//! file (`plan`, on this thread). Otherwise the file is checked again on one thread by the
//! common driver, which words every problem in file order exactly as a small file's: a file
//! with problems is rare and small files never come here, so the second pass costs nothing
//! that matters.
//!
//! Measured (release binary, phase timings, the scale benchmark's 100,000-row roster into a copy
//! of the 60-teacher demo district, 4 runs): validating the rows took 53 ms on one thread,
//! 27–44 ms on two (the halves allocate as they go, and the two threads' page faults share
//! the process's memory map).

use super::driver::{self, Importer};
use super::table::{Problems, Record, Table};
use super::teachers::{Row, Teachers};
use super::teachers_plan::Plan;
use super::values::Cells;
use super::Context;
use crate::error::Result;
use rusqlite::Connection;

/// From this many rows on, a teachers file is validated on two threads.
pub(crate) const PARALLEL_ROWS: usize = 4096;

/// `driver::check::<Teachers>`, with a large file's rows validated on two threads.
pub(crate) fn check(conn: &Connection, table: &Table, ctx: &Context) -> Result<Plan> {
    if table.records.len() >= PARALLEL_ROWS {
        if let Some(plan) = in_halves(conn, table, ctx)? {
            return Ok(plan);
        }
    }
    driver::check::<Teachers>(conn, table, ctx)
}

/// The plan of a file whose halves were validated on two threads, or None when the file is
/// to be checked on one: a problem in either half, a staff number in both, no second thread.
fn in_halves(conn: &Connection, table: &Table, ctx: &Context) -> Result<Option<Plan>> {
    let mut first = Teachers::start(conn, table, ctx)?;
    let mut second = Teachers::start(conn, table, ctx)?;
    let (early, late) = table.records.split_at(table.records.len() / 2);
    let (early, late) = std::thread::scope(|scope| {
        let later = std::thread::Builder::new()
            .name("import-check".into())
            .spawn_scoped(scope, || validate_all(&mut second, table, late, late.len()));
        // room for the second half's rows too, which are appended to these
        let early = validate_all(&mut first, table, early, table.records.len());
        let late = later.ok().and_then(|handle| handle.join().ok().flatten());
        (early, late)
    });
    match (early, late) {
        (Some(mut rows), Some(late)) if !first.shares_staff_no(&second) => {
            rows.extend(late);
            Ok(Some(first.plan(conn, rows)?))
        }
        _ => Ok(None),
    }
}

/// The valid rows of `records` (in a vector with room for `capacity` rows), or None when any
/// row has a problem.
fn validate_all<'t>(
    teachers: &mut Teachers<'t>,
    table: &'t Table,
    records: &'t [Record],
    capacity: usize,
) -> Option<Vec<Row>> {
    let mut problems = Problems::default();
    let mut rows = Vec::with_capacity(capacity);
    for record in records {
        let mut cells = Cells {
            table,
            record,
            problems: &mut problems,
        };
        rows.extend(teachers.validate(&mut cells));
    }
    problems.is_empty().then_some(rows)
}

#[cfg(test)]
#[path = "teachers_check_tests.rs"]
mod tests;
