//! Search entries read from the database: teachers joined with their school.

use crate::error::{Error, Result};
use crate::search::FxHashMap;
use crate::search::{Entry, EntryRef, Index, IndexBuilder};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT t.id, t.name, t.pinyin, t.initials, t.staff_no, t.phone, s.name, \
     t.tier || coalesce('/' || t.tier_level, ''), t.subject, COALESCE(t.stage, s.stage, ''), t.status \
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
        status: row.get(10)?,
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

/// Teachers' columns for the index; the school comes from `school_table`
/// (one lookup per school instead of a join per teacher).
const LEAN: &str = "SELECT id, school_id, name, pinyin, initials, staff_no, phone, \
     tier || coalesce('/' || tier_level, ''), subject, status, stage \
     FROM teachers";

/// Rows handed from the reading thread to the building thread at a time.
const CHUNK: usize = 4096;

/// Every school's (name, stage) by id.
pub(crate) fn school_table(conn: &Connection) -> Result<FxHashMap<i64, (String, String)>> {
    let mut stmt = conn.prepare("SELECT id, name, COALESCE(stage, '') FROM schools")?;
    let mut rows = stmt.query([])?;
    let mut out = FxHashMap::default();
    while let Some(row) = rows.next()? {
        out.insert(
            row.get(0)?,
            (text(row, 1)?.to_string(), text(row, 2)?.to_string()),
        );
    }
    Ok(out)
}

/// Rows copied out of SQLite: their text in one string, and per row the id,
/// the school id and the byte lengths of name, pinyin, initials, staff
/// number, phone, tier, subject, status and stage (`None`: NULL, the school's).
#[derive(Default)]
struct Chunk {
    text: String,
    rows: Vec<(i64, i64, [u32; 8], Option<u32>)>,
}

impl Chunk {
    fn with_capacity() -> Chunk {
        Chunk {
            text: String::with_capacity(CHUNK * 64),
            rows: Vec::with_capacity(CHUNK),
        }
    }

    fn push(&mut self, row: &Row<'_>) -> rusqlite::Result<()> {
        let mut lens = [0u32; 8];
        for (i, len) in lens.iter_mut().enumerate() {
            let field = text(row, i + 2)?;
            self.text.push_str(field);
            *len = field.len() as u32;
        }
        let stage = match row.get_ref(10)? {
            ValueRef::Null => None,
            _ => {
                let field = text(row, 10)?;
                self.text.push_str(field);
                Some(field.len() as u32)
            }
        };
        self.rows.push((row.get(0)?, row.get(1)?, lens, stage));
        Ok(())
    }

    /// Adds the chunk's rows whose school exists (as the join did).
    fn build(&self, schools: &FxHashMap<i64, (String, String)>, builder: &mut IndexBuilder) {
        let mut at = 0usize;
        let text = self.text.as_str();
        let mut take = |len: u32| {
            let s = text.get(at..at + len as usize).unwrap_or("");
            at += len as usize;
            s
        };
        for (id, school_id, lens, stage) in &self.rows {
            let [name, pinyin, initials, staff_no, phone, tier, subject, status] =
                lens.map(&mut take);
            let stage = stage.map(&mut take);
            let Some((school, school_stage)) = schools.get(school_id) else {
                continue;
            };
            builder.push(EntryRef {
                id: *id,
                name,
                pinyin,
                initials,
                staff_no,
                phone,
                school,
                tier,
                subject,
                stage: stage.unwrap_or(school_stage),
                status,
            });
        }
    }
}

/// Reads every teacher row, handing over full chunks to `sink`.
fn read_chunks(conn: &Connection, mut sink: impl FnMut(Chunk) -> bool) -> Result<()> {
    let mut stmt = conn.prepare(LEAN)?;
    let mut rows = stmt.query([])?;
    let mut chunk = Chunk::with_capacity();
    while let Some(row) = rows.next()? {
        chunk.push(row)?;
        if chunk.rows.len() == CHUNK && !sink(std::mem::replace(&mut chunk, Chunk::with_capacity()))
        {
            return Ok(());
        }
    }
    sink(chunk);
    Ok(())
}

/// The search index of every teacher, built straight from the rows: cheaper
/// in time and memory than `Index::new(teacher_entries(..)?)` at 200,000
/// teachers, because no row becomes a set of `String`s. One thread reads the
/// rows while another builds the index from them.
pub fn teacher_index(conn: &Connection) -> Result<Index> {
    let schools = school_table(conn)?;
    let count: i64 = conn.query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))?;
    let capacity = usize::try_from(count).unwrap_or(0);
    let threaded = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(8);
        let schools = &schools;
        let worker = std::thread::Builder::new().spawn_scoped(scope, move || {
            let mut builder = Index::builder(capacity);
            for chunk in rx {
                chunk.build(schools, &mut builder);
            }
            builder
        });
        let worker = worker.ok()?;
        // a failed send means the worker stopped: its join reports that
        let read = read_chunks(conn, |chunk| tx.send(chunk).is_ok());
        drop(tx);
        let built = worker
            .join()
            .map_err(|_| Error::invalid("building the search index failed"));
        Some(read.and(built))
    });
    let builder = match threaded {
        Some(built) => built?,
        // no second thread: read and build on this one
        None => {
            let mut builder = Index::builder(capacity);
            read_chunks(conn, |chunk| {
                chunk.build(&schools, &mut builder);
                true
            })?;
            builder
        }
    };
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
