//! Stored search keys (`teacher_search_keys`): the teachers' search columns packed
//! into one row per block of 1,024 ids, so that `lookup` reads about 200 blobs
//! instead of visiting 200,000 rows and building the whole index.
//!
//! A block row, when present, holds every teacher whose id falls in the block, as
//! the teachers table has them. Triggers on `teachers` delete the block of any
//! inserted, changed or deleted row, so a stored block is never stale; a missing
//! block is read from the teachers rows instead (always correct, only slower) until
//! `refresh` stores it again. The write paths that touch teachers call `refresh` in
//! their transaction (a few teachers) or `refresh_after_write` after it (an import).

mod codec;
mod index;

use crate::error::Result;
pub use codec::KeyRow;
pub use index::{index_of_admitted, teacher_index};
use rusqlite::{params, Connection, OptionalExtension};

/// Ids per block: `id >> BLOCK_SHIFT` is the block of a teacher (as in the triggers).
pub const BLOCK_SHIFT: u32 = 10;

/// The search columns of the teachers of one block, in `KeyRow` order.
const BLOCK_ROWS: &str =
    "SELECT id, school_id, name, pinyin, initials, staff_no, phone, tier, subject, status, stage \
     FROM teachers WHERE id BETWEEN ?1 AND ?2 ORDER BY id";

/// The blocks that hold teachers, in order: one look-up per block, so sparse ids
/// cost nothing.
fn teacher_blocks(conn: &Connection) -> Result<Vec<i64>> {
    let mut next =
        conn.prepare_cached("SELECT id FROM teachers WHERE id >= ?1 ORDER BY id LIMIT 1")?;
    let mut out = Vec::new();
    let mut from = i64::MIN;
    while let Some(id) = next.query_row([from], |r| r.get::<_, i64>(0)).optional()? {
        let block = id >> BLOCK_SHIFT;
        out.push(block);
        match (block + 1).checked_shl(BLOCK_SHIFT) {
            Some(start) if block < i64::MAX >> BLOCK_SHIFT => from = start,
            _ => break,
        }
    }
    Ok(out)
}

/// The first and last id of a block.
fn bounds(block: i64) -> (i64, i64) {
    let first = block << BLOCK_SHIFT;
    (first, first | ((1 << BLOCK_SHIFT) - 1))
}

/// A block packed from the teachers rows.
fn pack_block(conn: &Connection, block: i64, masks: &mut codec::Masks) -> Result<Vec<u8>> {
    let (first, last) = bounds(block);
    let mut stmt = conn.prepare_cached(BLOCK_ROWS)?;
    let mut rows = stmt.query(params![first, last])?;
    let mut out = Vec::with_capacity(64 << BLOCK_SHIFT);
    while let Some(row) = rows.next()? {
        codec::encode(&mut out, row, masks)?;
    }
    Ok(out)
}

/// Stores every block that is missing (after writes to teachers); returns how many.
/// Run it inside the write's transaction.
pub fn refresh(conn: &Connection) -> Result<usize> {
    let mut written = 0;
    let mut masks = codec::Masks::default();
    for block in teacher_blocks(conn)? {
        if stored_block_exists(conn, block)? {
            continue;
        }
        let packed = pack_block(conn, block, &mut masks)?;
        conn.prepare_cached("INSERT INTO teacher_search_keys (block, entries) VALUES (?1, ?2)")?
            .execute(params![block, packed])?;
        written += 1;
    }
    Ok(written)
}

/// The trigger that drops the block of each inserted teacher (schema.sql). A bulk insert
/// of teachers with ids above all others drops it for its transaction, then drops the
/// blocks from the first new id on once (`drop_blocks_from`) and stores them with
/// `refresh`, instead of deleting a block per row.
pub const INSERT_TRIGGER: &str = "teacher_search_keys_insert";

/// Drops the stored blocks of ids `first_id` and above (what `INSERT_TRIGGER` would have
/// dropped for teachers inserted with those ids).
pub fn drop_blocks_from(conn: &Connection, first_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM teacher_search_keys WHERE block >= ?1",
        [first_id >> BLOCK_SHIFT],
    )?;
    Ok(())
}

/// The blocks of teachers just inserted with ids above `after`, packed from `rows` (their
/// values as stored, in id order) instead of read back: only the blocks whose every id is
/// above `after` (a block holding older teachers is left to `refresh`). No database is
/// needed, so the packing can run beside the insert of the rows it packs.
pub fn pack_new_blocks(after: i64, rows: &[KeyRow<'_>]) -> Vec<(i64, Vec<u8>)> {
    let mut masks = codec::Masks::default();
    let mut blocks: Vec<(i64, Vec<u8>)> = Vec::new();
    let new = rows
        .iter()
        .filter(|r| bounds(r.id >> BLOCK_SHIFT).0 > after);
    for r in new {
        let block = r.id >> BLOCK_SHIFT;
        let bytes = match blocks.last_mut() {
            Some((b, bytes)) if *b == block => bytes,
            _ => {
                blocks.push((block, Vec::with_capacity(64 << BLOCK_SHIFT)));
                match blocks.last_mut() {
                    Some((_, bytes)) => bytes,
                    None => continue,
                }
            }
        };
        codec::encode_key_row(bytes, r, &mut masks);
    }
    blocks
}

/// Stores packed blocks (replacing what a block held); returns how many.
pub fn store_blocks(conn: &Connection, blocks: &[(i64, Vec<u8>)]) -> Result<usize> {
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO teacher_search_keys (block, entries) VALUES (?1, ?2)",
    )?;
    for (block, bytes) in blocks {
        insert.execute(params![block, bytes])?;
    }
    Ok(blocks.len())
}

/// Stores the missing blocks after a large write, packing them in a read transaction and
/// taking the write lock only to insert them, and only when no other connection has
/// written meanwhile (`PRAGMA data_version`); otherwise, or when the lock is busy, they
/// stay missing (read from the rows, correct) until the next write stores them. Returns
/// how many were stored.
pub fn refresh_after_write(conn: &Connection) -> usize {
    store_packed(conn).unwrap_or(0)
}

fn store_packed(conn: &Connection) -> Result<usize> {
    let version = |c: &Connection| -> Result<i64> {
        Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    };
    let read = conn.unchecked_transaction()?;
    let mut packed = Vec::new();
    let mut masks = codec::Masks::default();
    for block in teacher_blocks(&read)? {
        if stored_block_exists(&read, block)? {
            continue;
        }
        packed.push((block, pack_block(&read, block, &mut masks)?));
    }
    let seen = version(&read)?;
    drop(read);
    if packed.is_empty() {
        return Ok(0);
    }
    let write =
        rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    if version(&write)? != seen {
        return Ok(0);
    }
    let mut insert = write.prepare_cached(
        "INSERT OR IGNORE INTO teacher_search_keys (block, entries) VALUES (?1, ?2)",
    )?;
    for (block, entries) in &packed {
        insert.execute(params![block, entries])?;
    }
    drop(insert);
    write.commit()?;
    Ok(packed.len())
}

fn stored_block_exists(conn: &Connection, block: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM teacher_search_keys WHERE block = ?1)")?
        .query_row([block], |r| r.get(0))?)
}

/// Calls `each` for every teacher, in id order, from the stored blocks (or the rows,
/// for a block that is missing or unreadable). Run it inside one read transaction so
/// the blocks and rows agree.
pub fn each_teacher(conn: &Connection, each: impl FnMut(&KeyRow<'_>)) -> Result<()> {
    each_teacher_with(conn, 0, each)
}

/// Like `each_teacher`, passing over (unread) the teachers whose text mask
/// (`search::text_mask`) lacks a bit of `need`.
pub fn each_teacher_with(
    conn: &Connection,
    need: u64,
    mut each: impl FnMut(&KeyRow<'_>),
) -> Result<()> {
    let mut stored =
        conn.prepare_cached("SELECT entries FROM teacher_search_keys WHERE block = ?1")?;
    for block in teacher_blocks(conn)? {
        // read in place (no copy of the blob)
        let mut found = stored.query([block])?;
        let rows = match found.next()? {
            Some(row) => row
                .get_ref(0)?
                .as_blob()
                .ok()
                .and_then(|p| codec::decode(p, need)),
            None => None,
        };
        if let Some(rows) = rows {
            rows.iter().for_each(&mut each);
            continue;
        }
        drop(found);
        let packed = pack_block(conn, block, &mut codec::Masks::default())?;
        codec::decode(&packed, need)
            .unwrap_or_default()
            .iter()
            .for_each(&mut each);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
