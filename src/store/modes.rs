//! Connection modes the use-cases ask for by name: a read-only snapshot, a larger page
//! cache for one big write, a bulk mode for filling a new file, and `data_version`.

use super::Db;
use crate::error::Result;
use rusqlite::{Connection, TransactionBehavior};

/// Changes whenever another connection commits (`PRAGMA data_version`).
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

impl Db {
    /// Runs `f` in a read transaction with writes refused (`PRAGMA query_only`); always
    /// rolled back.
    pub fn in_snapshot<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "query_only", true)?;
        let out = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Deferred)?;
            let out = f(&tx);
            tx.rollback()?;
            out
        })();
        let reset = self.conn.pragma_update(None, "query_only", false);
        let out = out?;
        reset?;
        Ok(out)
    }

    /// Runs `f` with a page cache of `kib` KiB, then restores the cache size it had.
    pub fn with_cache_kib<T>(
        &mut self,
        kib: i64,
        f: impl FnOnce(&mut Db) -> Result<T>,
    ) -> Result<T> {
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -kib)?;
        let out = f(self);
        let reset = self.conn.pragma_update(None, "cache_size", cache);
        let out = out?;
        reset?;
        Ok(out)
    }

    /// Runs `f` (one big transaction into a new file) with a rollback journal (not the WAL,
    /// which would write every page twice), no sync, a cache of `cache_kib` KiB, sorts (index
    /// builds, GROUP BY) on a second thread, and neither foreign-key look-ups nor CHECK
    /// constraints: the generator's rows are its own (its tests write them with both on), and
    /// `liaoyuan check` runs `PRAGMA foreign_key_check` and `integrity_check`, which checks
    /// every CHECK. WAL, FULL sync, foreign keys and CHECKs come back afterwards.
    pub fn in_bulk_mode<T>(
        &mut self,
        cache_kib: i64,
        f: impl FnOnce(&mut Db) -> Result<T>,
    ) -> Result<T> {
        set_journal(&self.conn, "DELETE")?;
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        self.conn.pragma_update(None, "foreign_keys", false)?;
        self.conn
            .pragma_update(None, "ignore_check_constraints", true)?;
        self.conn.pragma_update(None, "cache_size", -cache_kib)?;
        let _: i64 = self
            .conn
            .query_row("PRAGMA threads = 2", [], |r| r.get(0))?;
        let result = f(self);
        let _: i64 = self
            .conn
            .query_row("PRAGMA threads = 0", [], |r| r.get(0))?;
        self.conn
            .pragma_update(None, "ignore_check_constraints", false)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        set_journal(&self.conn, "WAL")?;
        result
    }
}

fn set_journal(conn: &Connection, mode: &str) -> Result<()> {
    let _: String = conn.query_row(&format!("PRAGMA journal_mode={mode}"), [], |r| r.get(0))?;
    Ok(())
}
