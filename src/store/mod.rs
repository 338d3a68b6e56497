//! The only place with SQL. Functions take `&Connection` (a `Transaction`
//! derefs to one) so that they compose inside one transaction per intent.

pub mod attendance_matrix;
pub mod audit;
pub mod bulk;
pub mod completion;
pub mod credits;
pub mod cycle_credits;
pub mod dashboard;
pub mod district_charts;
pub mod enrolments;
pub mod export_rows;
pub mod follow_ups;
pub mod integrity;
pub mod marks;
pub mod project_roster;
pub mod projects;
pub mod report_sources;
pub mod reports;
pub mod schema;
pub mod schools;
pub mod search_source;
pub mod sessions;
pub mod settings;
pub mod teacher_detail;
pub mod teacher_record;
pub mod teachers;
pub mod trainer_list;
pub mod trainers;
pub mod vetoes;

use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
}

impl Db {
    /// Opens (and when allowed creates) the database at `path`:
    /// WAL journal, foreign keys on, `synchronous=FULL`, a busy timeout.
    /// A file that is not a Liaoyuan database is refused and left untouched.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Db> {
        let exists = path.exists();
        if !exists && mode != OpenMode::Create {
            return Err(Error::Missing(path.to_path_buf()));
        }
        if exists {
            sniff_header(path)?;
        } else if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Error::Io(pick(
                        format!("无法创建文件夹 {}：{e}", dir.display()),
                        format!("cannot create folder {}: {e}", dir.display()),
                    ))
                })?;
            }
        }
        let flags = match mode {
            OpenMode::ReadOnly => {
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
            OpenMode::Existing => {
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
            OpenMode::Create => {
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
        };
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| schema::not_a_db(path, e))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| schema::not_a_db(path, e))?;
        if mode == OpenMode::ReadOnly {
            schema::check_readable(&conn, path)?;
        } else {
            let journal: String = conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
                .map_err(|e| schema::not_a_db(path, e))?;
            let _ = journal;
            conn.pragma_update(None, "synchronous", "FULL")?;
            schema::ensure(&mut conn, path)?;
        }
        Ok(Db {
            conn,
            path: path.to_path_buf(),
            read_only: mode == OpenMode::ReadOnly,
        })
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
        })
    }

    /// Changes whenever another connection commits (PRAGMA data_version).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
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

    /// Starts a write transaction that takes the write lock at once
    /// (BEGIN IMMEDIATE), so concurrent desks wait instead of failing.
    pub fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        if self.read_only {
            return Err(Error::invalid(pick(
                "以只读方式打开（--read-only），不能修改",
                "opened read-only (--read-only); changes are not allowed",
            )));
        }
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }
}

/// Refuses files that are plainly not SQLite databases before SQLite touches them.
fn sniff_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(Error::NotADatabase {
            path: path.to_path_buf(),
            detail: pick("这是一个文件夹", "it is a folder"),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut head = [0u8; 16];
    let mut f = std::fs::File::open(path).map_err(|e| {
        Error::Io(pick(
            format!("无法读取 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    let n = f.read(&mut head)?;
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(Error::NotADatabase {
            path: path.to_path_buf(),
            detail: pick(
                "文件开头不是 SQLite 文件头",
                "the file does not start with an SQLite header",
            ),
        });
    }
    Ok(())
}

/// The person responsible for a change: `SUDO_USER`, else `USER`, else "unknown".
pub fn actor() -> String {
    for key in ["SUDO_USER", "USER", "USERNAME"] {
        if let Ok(v) = std::env::var(key) {
            if !v.trim().is_empty() {
                return v;
            }
        }
    }
    "unknown".to_string()
}
