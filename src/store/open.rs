//! Opening the database file (docs/rules.md §5, §6).
//!
//! Nothing but SQLite ever opens the file or its `-wal`/`-shm`/`-journal`: closing any
//! descriptor of the file drops every POSIX lock this process holds on it, and another process
//! may then delete the journal under a live connection. So the file is only ever `stat`ed here;
//! its header and schema are read through SQLite (whose own connections share one descriptor
//! per file within the process).
//!
//! A file is looked at before anything changes it: journal mode, `synchronous` and the schema
//! are set only once it is known to be a Liaoyuan database, or an empty file being created.

use super::held;
use super::schema::{self, Found};
use super::{Db, OpenMode};
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use rusqlite::{Connection, OpenFlags};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection cannot roll back.
const READONLY_ROLLBACK: i32 = 8 | (3 << 8);
/// SQLITE_READONLY_DIRECTORY: the folder does not let SQLite create a journal or WAL.
const READONLY_DIRECTORY: i32 = 8 | (6 << 8);

pub(super) fn open(path: &Path, mode: OpenMode) -> Result<Db> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(cannot_open(path, &Text::plain(e.to_string()))),
    };
    match &meta {
        None if mode != OpenMode::Create => return Err(Error::Missing(path.to_path_buf())),
        None => create_folder(path)?,
        Some(m) if m.is_dir() => {
            return Err(not_a_db(path, pick("这是一个文件夹", "it is a folder")));
        }
        Some(m) if !m.is_file() => {
            return Err(not_a_db(
                path,
                pick(
                    "这不是普通文件，而是设备、管道或套接字",
                    "it is not a regular file but a device, pipe or socket",
                ),
            ));
        }
        // With no -wal beside it, the file alone holds every commit: look at it before
        // opening it for real, so that a stranger is refused without SQLite creating a WAL
        // or rolling back a journal in it.
        // (Never while this process holds the file: see `held`.)
        Some(m) if m.len() > 0 && !sibling(path, "-wal").exists() && !held::is_held(m) => {
            peek(path)?
        }
        Some(_) => {}
    }
    let already_held = meta.as_ref().is_some_and(held::is_held);
    let conn = if mode == OpenMode::ReadOnly {
        open_reading(path, already_held)?
    } else {
        open_writing(path, mode)?
    };
    // Stat again: a created file has its inode only now.
    let held = std::fs::metadata(path).ok().map(|m| held::Held::new(&m));
    Ok(Db {
        conn,
        path: path.to_path_buf(),
        read_only: mode == OpenMode::ReadOnly,
        _held: held,
    })
}

/// The path of the database's `-wal`, `-shm` or `-journal` (`suffix`), beside the real file.
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut name: OsString = real.into_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn create_folder(path: &Path) -> Result<()> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::Io(pick(
            format!("无法创建文件夹 {}：{e}", dir.display()),
            format!("cannot create folder {}: {e}", dir.display()),
        ))
    })
}

/// Reads the header and schema as the file stands (`immutable=1`: no locks, no journal, no
/// WAL, nothing written) and refuses what is plainly not ours. Anything unclear is left to
/// the real connection, which checks again.
fn peek(path: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(immutable_uri(path), flags) else {
        return Ok(());
    };
    match schema::identify(&conn) {
        Ok(found) => refuse_strangers(path, found).map(|_| ()),
        Err(e) if code(&e).0 == rusqlite::ErrorCode::NotADatabase => Err(refusal(path, e)),
        Err(_) => Ok(()),
    }
}

/// `file:` URI of `path` with `immutable=1`; every byte that is not plainly safe is escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from(if path.is_absolute() {
        "file://"
    } else {
        "file:"
    });
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn connect(target: impl AsRef<Path>, flags: OpenFlags, path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(target, flags).map_err(|e| refusal(path, e))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| refusal(path, e))?;
    Ok(conn)
}

/// `already_held`: this process holds another connection to the file, so it must not be read
/// through a lock-free (`immutable`) connection.
fn open_reading(path: &Path, already_held: bool) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = connect(path, flags, path)?;
    let (conn, found) = match schema::identify(&conn) {
        Ok(found) => (conn, found),
        // A read-only folder: a reader of a WAL database needs a -wal and -shm that SQLite
        // cannot create there. With no -wal, nobody is writing: read the file as it stands.
        Err(e)
            if code(&e).1 == READONLY_DIRECTORY
                && !already_held
                && !sibling(path, "-wal").exists() =>
        {
            drop(conn);
            let snapshot = connect(
                immutable_uri(path),
                flags | OpenFlags::SQLITE_OPEN_URI,
                path,
            )?;
            let found = schema::identify(&snapshot).map_err(|e| refusal(path, e))?;
            (snapshot, found)
        }
        Err(e) if code(&e).1 == READONLY_DIRECTORY => {
            return Err(cannot_open(
                path,
                &pick(
                    "所在的文件夹是只读的，SQLite 无法建立读取所需的 -shm 文件；请把数据库复制到可写的文件夹再打开",
                    "its folder is read-only, so SQLite cannot create the -shm file it needs to read; copy the database to a writable folder and open the copy",
                ),
            ));
        }
        Err(e) => return Err(refusal(path, e)),
    };
    match refuse_strangers(path, found)? {
        Found::Empty => Err(not_a_db(path, pick("文件是空的", "the file is empty"))),
        Found::Ours(version) if version < schema::SCHEMA_VERSION => {
            Err(schema::needs_upgrade(path, version))
        }
        _ => Ok(conn),
    }
}

fn open_writing(path: &Path, mode: OpenMode) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if mode == OpenMode::Create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = connect(path, flags, path)?;
    // SQLite falls back to reading a file it may not write; say so before reading anything
    // (reading a WAL database would leave a -wal and -shm behind).
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::ReadOnlyFile(path.to_path_buf()));
    }
    // Reading the schema checks the header. A hot journal left by a killed writer is rolled
    // back here by SQLite (restoring the last commit), as any writer of the file would.
    let found = schema::identify(&conn).map_err(|e| refusal(path, e))?;
    refuse_strangers(path, found)?;
    let _journal: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .map_err(|e| refusal(path, e))?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(|e| refusal(path, e))?;
    schema::ensure(&mut conn, path)?;
    Ok(conn)
}

/// Refuses another program's file and a newer Liaoyuan's; passes ours and an empty one.
fn refuse_strangers(path: &Path, found: Found) -> Result<Found> {
    match found {
        Found::Foreign => Err(schema::foreign(path)),
        Found::Ours(version) if version > schema::SCHEMA_VERSION => Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: schema::SCHEMA_VERSION,
        }),
        found => Ok(found),
    }
}

/// The (primary, extended) result code of an SQLite error; (Unknown, 0) for other errors.
fn code(e: &rusqlite::Error) -> (rusqlite::ErrorCode, i32) {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => (f.code, f.extended_code),
        _ => (rusqlite::ErrorCode::Unknown, 0),
    }
}

/// What an SQLite error while opening `path` means for the person who asked.
pub(super) fn refusal(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    match code(&e) {
        (_, READONLY_ROLLBACK) => Error::HotJournal(path.to_path_buf()),
        (_, READONLY_DIRECTORY) => Error::ReadOnlyFolder(path.to_path_buf()),
        (ErrorCode::NotADatabase, _) => not_a_db(
            path,
            pick(
                "文件开头不是 SQLite 文件头",
                "the file does not start with an SQLite header",
            ),
        ),
        (ErrorCode::CannotOpen, _) => cannot_open(path, &Text::plain(e.to_string())),
        _ => Error::from(e),
    }
}

fn not_a_db(path: &Path, detail: Text) -> Error {
    Error::NotADatabase {
        path: path.to_path_buf(),
        detail,
    }
}

fn cannot_open(path: &Path, why: &Text) -> Error {
    let p = path.display();
    Error::Io(pick(
        format!("无法打开 {p}：{}", why.zh),
        format!("cannot open {p}: {}", why.en),
    ))
}
