//! Rows collected and written many at a time: one `INSERT … VALUES (…), (…), …` statement
//! per `ROWS` rows instead of one statement per row. SQLite's per-statement work (the
//! ephemeral tables it builds for a CHECK's `IN (…)` list, the halt and reset) is then paid
//! once per batch. Rows keep their order, so rowids come out as a row-by-row insert would
//! give them. A full batch binds its text without a copy (`raw.rs`).

use super::raw::RawInsert;
use crate::error::Result;
use rusqlite::{Connection, Statement};

/// Rows per full statement (the bound parameters stay well under SQLite's limit of 32,766).
pub(super) const ROWS: usize = 128;

#[derive(Clone, Copy)]
pub(super) enum Cell {
    Null,
    Int(i64),
    Real(f64),
    /// A byte range of the rows' text.
    Text(u32, u32),
}

/// Rows' values, collected: cells in order, text cells as ranges of one buffer.
pub(super) struct Rows {
    params: usize,
    pub(super) cells: Vec<Cell>,
    pub(super) text: String,
}

impl Rows {
    /// Room for `ROWS` rows of `params` values each.
    pub fn new(params: usize) -> Rows {
        Rows {
            params,
            cells: Vec::with_capacity(ROWS * params),
            text: String::with_capacity(ROWS * params * 16),
        }
    }

    pub fn int(&mut self, v: i64) -> &mut Self {
        self.cells.push(Cell::Int(v));
        self
    }

    pub fn real(&mut self, v: f64) -> &mut Self {
        self.cells.push(Cell::Real(v));
        self
    }

    pub fn opt_int(&mut self, v: Option<i64>) -> &mut Self {
        self.cells.push(v.map_or(Cell::Null, Cell::Int));
        self
    }

    pub fn text(&mut self, v: &str) -> &mut Self {
        let start = self.text.len() as u32;
        self.text.push_str(v);
        self.cells.push(Cell::Text(start, self.text.len() as u32));
        self
    }

    pub fn opt_text(&mut self, v: Option<&str>) -> &mut Self {
        match v {
            Some(v) => self.text(v),
            None => {
                self.cells.push(Cell::Null);
                self
            }
        }
    }

    /// Complete rows held.
    pub fn rows(&self) -> usize {
        self.cells.len() / self.params
    }

    /// The rows held, leaving the buffers empty (with the same room).
    pub fn take(&mut self) -> (Vec<Cell>, String) {
        let (room, text_room) = (self.cells.capacity(), self.text.capacity());
        let cells = std::mem::replace(&mut self.cells, Vec::with_capacity(room));
        let text = std::mem::replace(&mut self.text, String::with_capacity(text_room));
        (cells, text)
    }

    pub fn clear(&mut self) {
        self.cells.clear();
        self.text.clear();
    }
}

/// Rows for one table, written `ROWS` at a time. `flush` writes what is left; a batch
/// dropped with rows unwritten loses them, so the owner flushes before anyone reads the table.
pub struct Batch<'c> {
    conn: &'c Connection,
    /// `INSERT INTO t (…) VALUES `
    head: String,
    /// One row's values, e.g. `(?, ?, 'form')`.
    row: &'static str,
    full: RawInsert<'c>,
    rows: Rows,
}

impl<'c> Batch<'c> {
    /// A batch inserting into `table (columns)` one `row` template per row: `?` for each
    /// value pushed, constants for the rest.
    pub fn new(
        conn: &'c Connection,
        table: &str,
        columns: &str,
        row: &'static str,
    ) -> Result<Self> {
        let head = format!("INSERT INTO {table} ({columns}) VALUES ");
        let full = RawInsert::prepare(conn, &sql(&head, row, ROWS))?;
        Ok(Batch {
            conn,
            head,
            row,
            full,
            rows: Rows::new(row.matches('?').count()),
        })
    }

    pub fn int(&mut self, v: i64) -> &mut Self {
        self.rows.int(v);
        self
    }

    pub fn real(&mut self, v: f64) -> &mut Self {
        self.rows.real(v);
        self
    }

    pub fn opt_int(&mut self, v: Option<i64>) -> &mut Self {
        self.rows.opt_int(v);
        self
    }

    pub fn text(&mut self, v: &str) -> &mut Self {
        self.rows.text(v);
        self
    }

    pub fn opt_text(&mut self, v: Option<&str>) -> &mut Self {
        self.rows.opt_text(v);
        self
    }

    /// Ends a row (every `?` of the template given a value); writes the batch when full.
    pub fn end_row(&mut self) -> Result<()> {
        debug_assert_eq!(self.rows.cells.len() % self.rows.params, 0, "{}", self.head);
        if self.rows.rows() >= ROWS {
            let out = self.full.run(&self.rows.cells, &self.rows.text);
            self.rows.clear();
            out?;
        }
        Ok(())
    }

    /// Writes the rows collected so far.
    pub fn flush(&mut self) -> Result<()> {
        if self.rows.cells.is_empty() {
            return Ok(());
        }
        let mut st = self
            .conn
            .prepare_cached(&sql(&self.head, self.row, self.rows.rows()))?;
        bind(&mut st, &self.rows.cells, &self.rows.text)?;
        st.raw_execute()?;
        self.rows.clear();
        Ok(())
    }
}

pub(super) fn sql(head: &str, row: &str, rows: usize) -> String {
    let mut s = String::with_capacity(head.len() + rows * (row.len() + 2));
    s.push_str(head);
    for i in 0..rows {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(row);
    }
    s
}

fn bind(st: &mut Statement, cells: &[Cell], text: &str) -> Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        let at = i + 1;
        match *cell {
            Cell::Null => st.raw_bind_parameter(at, rusqlite::types::Null)?,
            Cell::Int(v) => st.raw_bind_parameter(at, v)?,
            Cell::Real(v) => st.raw_bind_parameter(at, v)?,
            Cell::Text(a, b) => st.raw_bind_parameter(at, &text[a as usize..b as usize])?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, r REAL, s TEXT, k TEXT NOT NULL)",
        )
        .unwrap();
        conn
    }

    type Row = (i64, Option<i64>, Option<f64>, Option<String>, String);

    fn rows(conn: &Connection) -> Vec<Row> {
        conn.prepare("SELECT id, n, r, s, k FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn rows_arrive_in_order_with_their_values_across_full_and_partial_batches() {
        let conn = table();
        let mut b = Batch::new(&conn, "t", "n, r, s, k", "(?, ?, ?, 'const')").unwrap();
        let n = ROWS * 2 + 5;
        for i in 0..n as i64 {
            b.opt_int((i % 3 != 0).then_some(i))
                .real(i as f64 / 2.0)
                .opt_text((i % 4 != 0).then(|| format!("s{i}")).as_deref());
            b.end_row().unwrap();
            if i == 3 {
                // Nothing written until a batch is full.
                let none: i64 = conn
                    .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(none, 0);
            }
        }
        b.flush().unwrap();
        b.flush().unwrap();
        let got = rows(&conn);
        assert_eq!(got.len(), n);
        for (i, row) in got.iter().enumerate() {
            let i64_ = i as i64;
            assert_eq!(row.0, i64_ + 1, "rowids in push order");
            assert_eq!(row.1, (i64_ % 3 != 0).then_some(i64_));
            assert_eq!(row.2, Some(i as f64 / 2.0));
            assert_eq!(row.3, (i64_ % 4 != 0).then(|| format!("s{i}")));
            assert_eq!(row.4, "const");
        }
    }

    #[test]
    fn a_refused_row_is_an_error() {
        let conn = table();
        conn.execute_batch("CREATE TABLE u (k TEXT NOT NULL CHECK (k IN ('a', 'b', 'c')))")
            .unwrap();
        let mut b = Batch::new(&conn, "u", "k", "(?)").unwrap();
        b.text("a");
        b.end_row().unwrap();
        b.text("z");
        b.end_row().unwrap();
        assert!(b.flush().is_err());
    }
}
