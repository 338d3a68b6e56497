//! Search entries read from the database: teachers joined with their school.

use crate::error::Result;
use crate::search::{Entry, Index};
use rusqlite::{Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT t.id, t.name, t.pinyin, t.initials, t.staff_no, t.phone, s.name, \
     t.tier, t.subject, COALESCE(t.stage, s.stage, '') \
     FROM teachers t JOIN schools s ON s.id = t.school_id";

fn entry_of(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get(0)?,
        name: row.get(1)?,
        pinyin: row.get(2)?,
        initials: row.get(3)?,
        staff_no: row.get(4)?,
        phone: row.get(5)?,
        school: row.get(6)?,
        tier: row.get(7)?,
        subject: row.get(8)?,
        stage: row.get(9)?,
    })
}

/// Every teacher as a search entry, in one query.
pub fn teacher_entries(conn: &Connection) -> Result<Vec<Entry>> {
    let count: i64 = conn.query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))?;
    let mut stmt = conn.prepare(SELECT)?;
    let mut out = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    for entry in stmt.query_map([], entry_of)? {
        out.push(entry?);
    }
    Ok(out)
}

/// One teacher as a search entry (after an edit, for `Index::upsert`).
pub fn teacher_entry(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("{SELECT} WHERE t.id = ?1");
    Ok(conn.query_row(&sql, [id], entry_of).optional()?)
}

/// The search index of every teacher, built straight from the rows: cheaper
/// in memory than `Index::new(teacher_entries(..)?)` at 200,000 teachers,
/// because the rows are never all held as `Entry` values at once.
pub fn teacher_index(conn: &Connection) -> Result<Index> {
    let count: i64 = conn.query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))?;
    let mut stmt = conn.prepare(SELECT)?;
    let mut rows = stmt.query_map([], entry_of)?;
    let mut failure: Option<rusqlite::Error> = None;
    let entries = std::iter::from_fn(|| match rows.next()? {
        Ok(entry) => Some(entry),
        Err(e) => {
            failure = Some(e);
            None
        }
    });
    let index = Index::build(Sized(entries, usize::try_from(count).unwrap_or(0)));
    match failure {
        Some(e) => Err(e.into()),
        None => Ok(index),
    }
}

/// An iterator with a known length hint, so the index reserves room once.
struct Sized<I>(I, usize);

impl<I: Iterator<Item = Entry>> Iterator for Sized<I> {
    type Item = Entry;
    fn next(&mut self) -> Option<Entry> {
        self.0.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, None)
    }
}
