//! Search entries read from the database: teachers joined with their school.

use crate::error::Result;
use crate::search::{Entry, EntryRef, Index};
use rusqlite::types::ValueRef;
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
/// in time and memory than `Index::new(teacher_entries(..)?)` at 200,000
/// teachers, because no row becomes a set of `String`s.
pub fn teacher_index(conn: &Connection) -> Result<Index> {
    let count: i64 = conn.query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))?;
    let mut builder = Index::builder(usize::try_from(count).unwrap_or(0));
    let mut stmt = conn.prepare(SELECT)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        builder.push(EntryRef {
            id: row.get(0)?,
            name: text(row, 1)?,
            pinyin: text(row, 2)?,
            initials: text(row, 3)?,
            staff_no: text(row, 4)?,
            phone: text(row, 5)?,
            school: text(row, 6)?,
            tier: text(row, 7)?,
            subject: text(row, 8)?,
            stage: text(row, 9)?,
        });
    }
    Ok(builder.finish())
}

/// A text column borrowed from the row; NULL reads as "".
fn text<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<&'r str> {
    match row.get_ref(column)? {
        ValueRef::Null => Ok(""),
        value => value.as_str().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(column, value.data_type(), Box::new(e))
        }),
    }
}
