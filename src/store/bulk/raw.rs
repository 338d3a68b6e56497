//! One prepared INSERT driven through SQLite's C API so that text is bound without a copy.
//! rusqlite binds every string as SQLITE_TRANSIENT: SQLite allocates, copies and frees each
//! value, which was about 14 % of the instructions of a 20,000-teacher demo (callgrind,
//! `sqlite3_bind_text` inclusive). Here text is bound as SQLITE_STATIC, pointing into the
//! batch's own buffer: `run` binds, steps, resets and clears the bindings in one call, so no
//! pointer into the buffer outlives the call that lent it.

use super::batch::Cell;
use crate::error::{Error, Result};
use rusqlite::{ffi, Connection};
use std::ffi::{c_int, CStr, CString};
use std::ptr;

/// A statement prepared on `conn` and finalized on drop (before the connection can close:
/// it borrows the connection).
pub(super) struct RawInsert<'c> {
    conn: &'c Connection,
    stmt: *mut ffi::sqlite3_stmt,
}

impl<'c> RawInsert<'c> {
    pub fn prepare(conn: &'c Connection, sql: &str) -> Result<Self> {
        let c_sql = CString::new(sql).map_err(rusqlite::Error::NulError)?;
        let mut stmt = ptr::null_mut();
        // SAFETY: the handle is the open connection's; the SQL is NUL-terminated and outlives
        // the call; `stmt` receives a statement we own and finalize in `drop`.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                conn.handle(),
                c_sql.as_ptr(),
                -1,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK || stmt.is_null() {
            return Err(failure(conn, rc));
        }
        Ok(RawInsert { conn, stmt })
    }

    /// Runs the statement once with `cells` (text cells are ranges of `text`) as its
    /// parameters, in order.
    pub fn run(&mut self, cells: &[Cell], text: &str) -> Result<()> {
        let out = self.bind_and_step(cells, text);
        // SAFETY: `stmt` is a live statement of this connection. After the reset and the
        // cleared bindings it holds no pointer into `text`.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        out
    }

    fn bind_and_step(&mut self, cells: &[Cell], text: &str) -> Result<()> {
        let bytes = text.as_bytes();
        for (i, cell) in cells.iter().enumerate() {
            let at = (i + 1) as c_int;
            // SAFETY: `stmt` is live; a text pointer points into `text`, which the caller
            // keeps unchanged until `run` returns (the step reads it; the bindings are
            // cleared before `run` returns). An empty text points at a static "".
            let rc = unsafe {
                match *cell {
                    Cell::Null => ffi::sqlite3_bind_null(self.stmt, at),
                    Cell::Int(v) => ffi::sqlite3_bind_int64(self.stmt, at, v),
                    Cell::Real(v) => ffi::sqlite3_bind_double(self.stmt, at, v),
                    Cell::Text(a, b) => {
                        let s = bytes.get(a as usize..b as usize).unwrap_or_default();
                        let p = if s.is_empty() {
                            c"".as_ptr()
                        } else {
                            s.as_ptr().cast()
                        };
                        ffi::sqlite3_bind_text(
                            self.stmt,
                            at,
                            p,
                            s.len() as c_int,
                            ffi::SQLITE_STATIC(),
                        )
                    }
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err(failure(self.conn, rc));
            }
        }
        // SAFETY: `stmt` is live and every parameter is bound.
        let rc = unsafe { ffi::sqlite3_step(self.stmt) };
        if rc != ffi::SQLITE_DONE {
            return Err(failure(self.conn, rc));
        }
        Ok(())
    }
}

impl Drop for RawInsert<'_> {
    fn drop(&mut self) {
        // SAFETY: `stmt` was prepared by `prepare` and is finalized only here.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// The connection's last error as rusqlite reports it (so `Error::from` words it as usual).
fn failure(conn: &Connection, rc: c_int) -> Error {
    // SAFETY: the handle is the open connection's; the message is copied before any other
    // call on the connection.
    let (code, msg) = unsafe {
        let db = conn.handle();
        let msg = ffi::sqlite3_errmsg(db);
        let msg = (!msg.is_null()).then(|| CStr::from_ptr(msg).to_string_lossy().into_owned());
        (ffi::sqlite3_extended_errcode(db), msg)
    };
    let code = if code == ffi::SQLITE_OK { rc } else { code };
    Error::from(rusqlite::Error::SqliteFailure(ffi::Error::new(code), msg))
}
