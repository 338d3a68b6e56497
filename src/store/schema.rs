//! The schema and its versioned upgrades (PRAGMA user_version).

use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

mod migrations;

/// The whole schema; `schema.sql` at the repository root is its only source.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Version written by this binary. A database is created from `SCHEMA_SQL` at
/// this version; a later schema change bumps it and adds the upgrade from the
/// previous version to `MIGRATIONS` (entry i upgrades version i + 1 to i + 2),
/// with the same objects added to schema.sql so a new database gets them.
pub const SCHEMA_VERSION: i64 = 2;

/// One upgrade, run in its own transaction; an error refuses the upgrade and
/// leaves the file as it was. `Path` names the file in messages.
type Upgrade = fn(&rusqlite::Transaction, &Path) -> Result<()>;

/// Upgrades from older versions (version 1 is the first schema any released
/// Liaoyuan wrote).
const MIGRATIONS: &[Upgrade] = &[
    // 1 → 2: staff numbers in upper case, one teacher per number in any case.
    migrations::v2_canonical_staff_numbers,
];

/// Creates the schema on an empty database or upgrades an older one.
/// A database newer than this binary is refused.
pub fn ensure(conn: &mut Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| not_a_db(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| not_a_db(path, e))?;
        if tables > 0 {
            return Err(Error::NotADatabase {
                path: path.to_path_buf(),
                detail: pick(
                    "这是其他程序的 SQLite 文件",
                    "it is an SQLite file of another program",
                ),
            });
        }
        let tx = conn.transaction()?;
        tx.execute_batch(SCHEMA_SQL)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        return Ok(());
    }
    for (i, upgrade) in MIGRATIONS.iter().enumerate() {
        let from = i as i64 + 1;
        if version <= from {
            // Take the write lock first, then look again: another process
            // opening the file at the same moment may have upgraded it.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if current == from {
                upgrade(&tx, path)?;
                tx.pragma_update(None, "user_version", from + 1)?;
            }
            tx.commit()?;
        }
    }
    Ok(())
}

/// Checks the version of a database opened read-only (no upgrade possible).
pub fn check_readable(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| not_a_db(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < SCHEMA_VERSION {
        return Err(Error::NotADatabase {
            path: path.to_path_buf(),
            detail: pick(
                format!(
                    "结构版本 {version}，应为 {SCHEMA_VERSION}；请先不加 --read-only 打开一次以升级"
                ),
                format!(
                    "schema version {version}, expected {SCHEMA_VERSION}; open it once without --read-only to upgrade"
                ),
            ),
        });
    }
    Ok(())
}

pub(crate) fn not_a_db(path: &Path, e: rusqlite::Error) -> Error {
    match Error::from(e) {
        Error::Busy => Error::Busy,
        Error::NotADatabase { detail, .. } => Error::NotADatabase {
            path: path.to_path_buf(),
            detail,
        },
        other => Error::NotADatabase {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    }
}
