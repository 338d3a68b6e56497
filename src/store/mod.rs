//! The only place with SQL. Functions take `&Connection` (a `Transaction`
//! derefs to one) so that they compose inside one transaction per intent.

pub mod allotments;
pub mod attendance_matrix;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod close_absences;
pub mod completion;
#[cfg(test)]
mod contract_tests;
#[cfg(test)]
mod contract_tests_derived;
pub mod credit_registration;
pub mod credits;
pub mod cycle_credits;
pub mod dashboard;
mod decode;
#[cfg(test)]
mod decode_tests;
pub mod district_charts;
pub mod enrolments;
pub mod export_rows;
pub mod feedback;
pub mod feedback_attendees;
pub mod follow_ups;
mod held;
pub mod integrity;
pub mod marks;
mod modes;
pub use modes::data_version;
mod open;
pub mod presence;
pub mod principals;
pub mod project_roster;
pub mod projects;
pub mod questionnaires;
pub mod report_evidence;
pub mod report_sources;
pub mod reports;
pub mod schema;
pub mod schools;
pub mod search_keys;
pub mod search_source;
pub mod sessions;
pub mod settings;
pub mod staff_numbers;
pub mod survey_drafts;
pub mod survey_rows;
pub mod surveys;
pub mod targets;
pub mod teacher_detail;
pub mod teacher_marks;
pub mod teacher_record;
pub mod teachers;
pub mod tier_steps;
pub mod trainer_life;
pub mod trainer_list;
pub mod trainers;
pub mod vetoes;
mod write;

#[cfg(test)]
pub(crate) use write::test_stamp;
pub use write::{Audit, Stamp, Write};

use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// How a database is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file with the schema when missing; upgrade an older schema.
    Create,
    /// The file must exist; writes allowed.
    Existing,
    /// The file must exist; no writes (works on a read-only file).
    ReadOnly,
}

/// An open database file.
pub struct Db {
    pub conn: Connection,
    pub path: PathBuf,
    pub read_only: bool,
    /// Registers the file as held by this process while the connection lives (`held.rs`).
    _held: Option<held::Held>,
}

impl Db {
    /// Opens (and when allowed creates) the database at `path`: WAL journal, foreign keys on,
    /// `synchronous=FULL`, a busy timeout. Only SQLite opens the file (see `open.rs`). A file
    /// that is not a Liaoyuan database is refused before anything could change it, and
    /// `ReadOnly` writes nothing to the file.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Db> {
        open::open(path, mode)
    }

    /// True when `other` is this database's file or its `-wal`, `-shm` or `-journal` (the same
    /// file on disk, links included). Reading such a file outside SQLite would drop this
    /// process's locks on the database, so callers refuse it instead (e.g. as an import file).
    pub fn holds_file(&self, other: &Path) -> bool {
        if self.path.as_os_str() == ":memory:" {
            return false;
        }
        ["", "-wal", "-shm", "-journal"]
            .iter()
            .any(|suffix| same_file(&open::sibling(&self.path, suffix), other))
    }

    /// An in-memory database with the schema, for tests.
    pub fn open_in_memory() -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::ensure(&mut conn, Path::new(":memory:"))?;
        Ok(Db {
            conn,
            path: PathBuf::from(":memory:"),
            read_only: false,
            _held: None,
        })
    }

    /// Changes whenever another connection commits (PRAGMA data_version).
    pub fn data_version(&self) -> Result<i64> {
        modes::data_version(&self.conn)
    }

    /// Takes WAL checkpoints off this connection's commits: SQLite otherwise runs one inside
    /// the commit that pushes the WAL past 1,000 pages, which is the tail of an interactive
    /// commit's latency (a check-in at the desk: p99 ~10 ms with it, under 1 ms without).
    /// The caller must then call [`Db::checkpoint`] when idle (the TUI does, on its tick) so
    /// that the WAL does not grow without bound. Durability is unchanged (synchronous=FULL:
    /// a commit is on disk in the WAL when it returns). One-shot commands keep SQLite's
    /// automatic checkpoints.
    pub fn defer_checkpoints(&self) -> Result<()> {
        if self.read_only || self.path.as_os_str() == ":memory:" {
            return Ok(());
        }
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// Copies what the WAL holds into the database file without waiting for anyone
    /// (`PRAGMA wal_checkpoint(PASSIVE)`): frames that a reader still needs stay for a later
    /// call. Returns (busy, frames in the WAL, frames checkpointed); SQLite restarts the WAL
    /// from its start once every frame is checkpointed and no reader needs it.
    pub fn checkpoint(&self) -> Result<(i64, i64, i64)> {
        if self.read_only || self.path.as_os_str() == ":memory:" {
            return Ok((0, 0, 0));
        }
        Ok(self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?)
    }

    /// Starts a user intent's write: a transaction that takes the write lock at once
    /// (BEGIN IMMEDIATE), so concurrent desks wait instead of failing, stamped with the
    /// intent's time and actor (`stamp`, computed at the edges).
    pub fn write(&mut self, stamp: &Stamp) -> Result<Write<'_>> {
        if self.read_only {
            return Err(Error::invalid(pick(
                "以只读方式打开（--read-only），不能修改",
                "opened read-only (--read-only); changes are not allowed",
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Write::new(tx, stamp))
    }
}

/// Whether two paths name one file on disk (`stat` only: no descriptor is opened).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}
