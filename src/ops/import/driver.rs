//! The one shape every import kind shares, and the single driver that runs it
//! during the check phase (`phases`): check the header and load what the rows
//! are looked up in → validate every row, collecting every problem → refuse the
//! file if any row has one → match the valid rows against the database: the
//! plan that `phases::write` writes in one transaction.
//!
//! A kind implements `Importer`: its columns and header rules (`start`), the
//! mapping and rules of one row (`row`), and how valid rows become writes
//! (`plan`). Reading the file and finding its header happen before (`table`),
//! writing after (`phases::Plan::write`).

use super::phases::Plan;
use super::table::{Problems, Table};
use super::values::Cells;
use super::Context;
use crate::error::Result;
use rusqlite::Connection;

/// One kind of import, checked in a read snapshot of the database (`conn`);
/// `'t` is the lifetime of the file's table, so a kind may keep cells of it.
pub(crate) trait Importer<'t>: Sized {
    /// A row that passed every check, ready to be matched.
    type Row;
    /// What the file will write.
    type Plan: Plan + 'static;

    /// Checks the header (required columns, options that stand in for a
    /// column) and loads what the rows are looked up in.
    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Self>;

    /// Validates one row: its problems go to `cells`; None when the row is
    /// refused or has nothing to write.
    fn row(&mut self, conn: &Connection, cells: &mut Cells<'t, '_>) -> Result<Option<Self::Row>>;

    /// Matches the valid rows against the database (called only when no row
    /// had a problem).
    fn plan(self, conn: &Connection, rows: Vec<Self::Row>) -> Result<Self::Plan>;
}

/// Checks `table` as kind `I`: every row validated, every problem listed.
pub(crate) fn check<'t, I: Importer<'t>>(
    conn: &Connection,
    table: &'t Table,
    ctx: &Context,
) -> Result<I::Plan> {
    let mut importer = I::start(conn, table, ctx)?;
    let mut problems = Problems::default();
    let mut rows = Vec::with_capacity(table.records.len());
    for record in &table.records {
        let mut cells = Cells {
            table,
            record,
            problems: &mut problems,
        };
        if let Some(row) = importer.row(conn, &mut cells)? {
            rows.push(row);
        }
    }
    problems.into_result()?;
    importer.plan(conn, rows)
}
