//! A table's VIRTUAL generated columns taken out of its schema text while a bulk load adds
//! its rows, and put back afterwards. SQLite computes every generated column of each row an
//! INSERT adds, stored or not (each `IN (…)` list of `marks.attended` and
//! `marks.causes_veto` rebuilding an ephemeral table per row); a VIRTUAL column is never
//! stored, so the rows are the same bytes without it. The text is changed as sqlite.org's
//! "ALTER TABLE" page (§ "Making other kinds of table schema changes") describes for a
//! change that leaves the stored content alone: in the load's transaction, under
//! `PRAGMA writable_schema`, with the schema version raised. When the text is not what is
//! expected the table is left as it is (the load is only slower).

use crate::error::Result;
use rusqlite::{params, Connection};

/// A table whose schema text lacks its virtual columns until `restore`.
pub struct Stripped {
    table: String,
    original: String,
}

/// Takes the VIRTUAL generated columns out of `table`'s schema text; None when it has none
/// or its text cannot be taken apart with certainty. Call `restore` before anything reads
/// the columns, inside the same transaction.
pub fn strip_virtual_columns(conn: &Connection, table: &str) -> Result<Option<Stripped>> {
    let virtual_columns = columns(conn, table, "hidden = 2")?;
    if virtual_columns.is_empty() {
        return Ok(None);
    }
    let original: String = conn.query_row(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?;
    let Some(stripped) = without_columns(&original, &virtual_columns) else {
        return Ok(None);
    };
    let stored = columns(conn, table, "hidden <> 2")?;
    set_sql(conn, table, &stripped)?;
    // The stored columns, in their order, must be exactly what they were.
    if columns(conn, table, "hidden <> 2")? != stored
        || !columns(conn, table, "hidden = 2")?.is_empty()
    {
        set_sql(conn, table, &original)?;
        return Ok(None);
    }
    Ok(Some(Stripped {
        table: table.to_string(),
        original,
    }))
}

impl Stripped {
    /// Puts the schema text back as it was.
    pub fn restore(self, conn: &Connection) -> Result<()> {
        set_sql(conn, &self.table, &self.original)
    }
}

fn columns(conn: &Connection, table: &str, which: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare(&format!(
        "SELECT name FROM pragma_table_xinfo(?1) WHERE {which} ORDER BY cid"
    ))?;
    let names = st
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

fn set_sql(conn: &Connection, table: &str, sql: &str) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    conn.pragma_update(None, "writable_schema", true)?;
    let changed = conn.execute(
        "UPDATE sqlite_master SET sql = ?2 WHERE type = 'table' AND name = ?1",
        params![table, sql],
    );
    let bumped = conn.execute_batch(&format!("PRAGMA schema_version = {}", version + 1));
    conn.pragma_update(None, "writable_schema", false)?;
    changed?;
    bumped?;
    Ok(())
}

/// `create` (a CREATE TABLE statement) without the definitions of `columns`: the body is cut
/// at its top-level commas, minding strings, quoted names and comments. None when a column
/// is not found exactly once.
fn without_columns(create: &str, columns: &[String]) -> Option<String> {
    let bytes = create.as_bytes();
    let open = body_start(bytes)?;
    // Top-level commas of the body and its closing parenthesis.
    let mut cuts = vec![open];
    let mut depth = 0usize;
    let mut i = open + 1;
    let close = loop {
        let b = *bytes.get(i)?;
        match b {
            b'\'' | b'"' | b'`' => i = skip_quoted(bytes, i, b)?,
            b'[' => i = skip_quoted(bytes, i, b']')?,
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = create[i + 2..].find("*/").map(|p| i + 2 + p + 2)?;
            }
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' if depth == 0 => break i,
            b')' => {
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => {
                cuts.push(i);
                i += 1;
            }
            _ => i += 1,
        }
    };
    cuts.push(close);
    // Segment k runs from cuts[k] + 1 to cuts[k + 1]; drop those defining a column asked.
    let mut out = String::with_capacity(create.len());
    out.push_str(&create[..=open]);
    let mut kept = 0;
    let mut found = 0;
    for k in 0..cuts.len() - 1 {
        let segment = &create[cuts[k] + 1..cuts[k + 1]];
        let name = first_word(segment)?;
        if columns.iter().any(|c| c.eq_ignore_ascii_case(&name)) {
            found += 1;
            continue;
        }
        if kept > 0 {
            out.push(',');
        }
        out.push_str(segment);
        kept += 1;
    }
    out.push_str(&create[close..]);
    (found == columns.len()).then_some(out)
}

/// The position of the parenthesis that opens the column list.
fn body_start(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' | b'`' => i = skip_quoted(bytes, i, bytes[i])?,
            b'[' => i = skip_quoted(bytes, i, b']')?,
            b'(' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The position after the quote closing the one at `at` (a doubled quote stays inside).
fn skip_quoted(bytes: &[u8], at: usize, close: u8) -> Option<usize> {
    let mut i = at + 1;
    loop {
        if *bytes.get(i)? == close {
            if close != b']' && bytes.get(i + 1) == Some(&close) {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
}

/// The first word of a column definition or table constraint, unquoted, after any
/// whitespace and comments.
fn first_word(segment: &str) -> Option<String> {
    let mut s = segment;
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.find('\n').map_or("", |p| &rest[p..]);
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = &rest[rest.find("*/")? + 2..];
        } else {
            break;
        }
    }
    let quote = match s.as_bytes().first()? {
        b'"' => Some('"'),
        b'`' => Some('`'),
        b'[' => Some(']'),
        _ => None,
    };
    match quote {
        Some(q) => s[1..].find(q).map(|p| s[1..=p].to_string()),
        None => Some(
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests;
