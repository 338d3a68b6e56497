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
        let bytes = text.as_bytes();
        let bound = cells.iter().map(|cell| match *cell {
            Cell::Null => Bound::Null,
            Cell::Int(v) => Bound::Int(v),
            Cell::Real(v) => Bound::Real(v),
            Cell::Text(a, b) => Bound::Text(bytes.get(a as usize..b as usize).unwrap_or_default()),
        });
        self.run_bound(bound).map(|_| ())
    }

    /// Runs the statement once with `params`, in order; returns the rows it changed (0 for
    /// an INSERT that `ON CONFLICT DO NOTHING` skipped).
    pub fn run_bound<'a>(&mut self, params: impl IntoIterator<Item = Bound<'a>>) -> Result<usize> {
        let out = self.bind_and_step(params);
        // SAFETY: `stmt` is a live statement of this connection. After the reset and the
        // cleared bindings it holds no pointer into the parameters' text.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        out
    }

    fn bind_and_step<'a>(&mut self, params: impl IntoIterator<Item = Bound<'a>>) -> Result<usize> {
        for (i, param) in params.into_iter().enumerate() {
            let at = (i + 1) as c_int;
            // SAFETY: `stmt` is live; a text pointer points into text borrowed for 'a, which
            // outlives this call (the step reads it; `run_bound` clears the bindings before
            // it returns). An empty text points at a static "".
            let rc = unsafe {
                match param {
                    Bound::Null => ffi::sqlite3_bind_null(self.stmt, at),
                    Bound::Int(v) => ffi::sqlite3_bind_int64(self.stmt, at, v),
                    Bound::Real(v) => ffi::sqlite3_bind_double(self.stmt, at, v),
                    Bound::Text(s) => {
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
        // SAFETY: `stmt` is live and every parameter is bound; `sqlite3_changes` reads the
        // connection's count of the statement just completed.
        let (rc, changes) = unsafe {
            let rc = ffi::sqlite3_step(self.stmt);
            (rc, ffi::sqlite3_changes(self.conn.handle()))
        };
        if rc != ffi::SQLITE_DONE {
            return Err(failure(self.conn, rc));
        }
        Ok(changes.max(0) as usize)
    }
}

/// One parameter of `RawInsert::run_bound`: text is bound without a copy.
#[derive(Clone, Copy)]
pub(crate) enum Bound<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a [u8]),
}

impl<'a> Bound<'a> {
    pub fn text(s: &'a str) -> Self {
        Bound::Text(s.as_bytes())
    }

    pub fn opt_text(s: Option<&'a str>) -> Self {
        s.map_or(Bound::Null, Bound::text)
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
