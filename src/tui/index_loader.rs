//! Builds the teacher search index off the UI thread, so that the first frame does not wait
//! for 200,000 teachers to load; and rebuilds it when another process adds or removes teachers.

use crate::error::Result;
use crate::search::Index;
use crate::store::{dashboard, search_keys, Db, OpenMode};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

/// Reads every teacher and builds the index, from the stored search keys.
pub fn build(conn: &Connection) -> Result<Index> {
    search_keys::teacher_index(conn)
}

/// An index being built in a background thread.
pub struct Loading {
    rx: Receiver<Result<Index>>,
}

impl Loading {
    /// Starts building from the database file at `path` (its own read-only connection).
    /// `None` for an in-memory database (build it synchronously instead).
    pub fn start(path: &Path) -> Option<Loading> {
        if path.as_os_str() == ":memory:" || !path.exists() {
            return None;
        }
        let path: PathBuf = path.to_path_buf();
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let result = Db::open(&path, OpenMode::ReadOnly).and_then(|db| build(&db.conn));
                let _ = tx.send(result);
            });
        spawned.ok().map(|_| Loading { rx })
    }

    /// The index when it is ready; `Some(Err)` when building failed.
    pub fn poll(&self) -> Option<Result<Index>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(crate::Error::invalid(
                "building the search index stopped unexpectedly",
            ))),
        }
    }
}

/// What the index was built from: the teachers' (count, max id) and the newest audit entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fingerprint {
    teachers: (i64, i64),
    audit: i64,
}

impl Fingerprint {
    /// The database's fingerprint now (zeros when it cannot be read).
    pub fn of(conn: &Connection) -> Fingerprint {
        Fingerprint {
            teachers: dashboard::teachers_fingerprint(conn).unwrap_or((0, 0)),
            audit: dashboard::last_audit_id(conn).unwrap_or(0),
        }
    }

    /// Brings the fingerprint up to date; true when the search entries may have changed since
    /// (teachers added or removed, a teacher or school edited or imported).
    pub fn refresh(&mut self, conn: &Connection) -> bool {
        let now = Fingerprint::of(conn);
        let changed = now.teachers != self.teachers
            || (now.audit != self.audit
                && dashboard::search_entries_changed_since(conn, self.audit).unwrap_or(true));
        *self = now;
        changed
    }
}
