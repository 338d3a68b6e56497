//! WAL checkpoints off the commit path. The TUI's connection does not checkpoint inside its
//! commits (`Db::defer_checkpoints`: that checkpoint was the tail of a check-in's latency);
//! instead the loop calls [`Checkpoints::tick`] on every tick, which checkpoints (PASSIVE, never
//! waiting) once the user has paused, or after a minute of constant typing at the latest, so
//! the WAL never grows without bound.

use crate::store::Db;
use std::time::{Duration, Instant};

/// No key for this long counts as a pause.
pub const IDLE: Duration = Duration::from_secs(2);
/// At most one checkpoint per this long while idle.
pub const EVERY: Duration = Duration::from_secs(10);
/// A checkpoint at least this often, even while the user keeps typing.
pub const AT_LATEST: Duration = Duration::from_secs(60);

/// When the last key came and when the last checkpoint ran.
#[derive(Debug, Clone, Copy)]
pub struct Checkpoints {
    last_input: Instant,
    last_run: Instant,
}

impl Checkpoints {
    pub fn new(now: Instant) -> Checkpoints {
        Checkpoints {
            last_input: now,
            last_run: now,
        }
    }

    /// The user pressed a key (or clicked, or pasted) at `now`.
    pub fn input(&mut self, now: Instant) {
        self.last_input = now;
    }

    /// Checkpoints when it is time; `Some((busy, wal frames, checkpointed))` when it ran.
    pub fn tick(&mut self, db: &Db, now: Instant) -> Option<(i64, i64, i64)> {
        let since_run = now.saturating_duration_since(self.last_run);
        let idle = now.saturating_duration_since(self.last_input) >= IDLE;
        if !((idle && since_run >= EVERY) || since_run >= AT_LATEST) {
            return None;
        }
        self.last_run = now;
        db.checkpoint().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenMode;

    fn wal_len(db: &Db) -> u64 {
        let mut p = db.path.as_os_str().to_owned();
        p.push("-wal");
        std::fs::metadata(p).map_or(0, |m| m.len())
    }

    fn write_pages(db: &mut Db, rows: usize) {
        let tx = db
            .write(&crate::store::test_stamp("2026-03-02 09:00"))
            .unwrap();
        for _ in 0..rows {
            tx.execute("INSERT INTO scratch (b) VALUES (zeroblob(4000))", [])
                .unwrap();
        }
        tx.commit().unwrap();
    }

    #[test]
    fn the_idle_tick_checkpoints_a_deferred_wal_which_then_stops_growing() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        db.conn
            .execute_batch("CREATE TABLE scratch (b BLOB)")
            .unwrap();
        db.defer_checkpoints().unwrap();
        let page: i64 = db
            .conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        for _ in 0..12 {
            write_pages(&mut db, 100);
        }
        // Past SQLite's automatic checkpoint (1,000 pages): no commit checkpointed.
        let grown = wal_len(&db);
        assert!(grown > 1100 * page as u64, "{grown}");

        let t0 = Instant::now();
        let mut cp = Checkpoints::new(t0);
        cp.input(t0);
        // Still typing: nothing yet.
        assert_eq!(cp.tick(&db, t0 + Duration::from_millis(500)), None);
        // A pause of more than IDLE once EVERY has passed: everything is checkpointed.
        let (busy, frames, done) = cp.tick(&db, t0 + EVERY + IDLE).unwrap();
        assert_eq!(busy, 0);
        assert!(frames > 1100, "{frames}");
        assert_eq!(done, frames);
        // Not again straight away.
        assert_eq!(
            cp.tick(&db, t0 + EVERY + IDLE + Duration::from_secs(1)),
            None
        );

        // The next commits reuse the WAL from its start instead of growing it.
        for _ in 0..5 {
            write_pages(&mut db, 100);
        }
        assert_eq!(wal_len(&db), grown);
    }

    #[test]
    fn constant_typing_still_checkpoints_at_the_latest_after_a_minute() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        db.conn
            .execute_batch("CREATE TABLE scratch (b BLOB)")
            .unwrap();
        db.defer_checkpoints().unwrap();
        write_pages(&mut db, 10);
        let t0 = Instant::now();
        let mut cp = Checkpoints::new(t0);
        let mut t = t0;
        while t < t0 + AT_LATEST - Duration::from_secs(1) {
            t += Duration::from_millis(250);
            cp.input(t);
            assert_eq!(cp.tick(&db, t), None);
        }
        let (busy, frames, done) = cp.tick(&db, t0 + AT_LATEST).unwrap();
        assert_eq!((busy, done), (0, frames));
        assert!(frames > 0);
    }

    #[test]
    fn a_read_only_or_memory_database_is_left_alone() {
        let db = Db::open_in_memory().unwrap();
        db.defer_checkpoints().unwrap();
        let mut cp = Checkpoints::new(Instant::now());
        assert_eq!(cp.tick(&db, Instant::now() + AT_LATEST), Some((0, 0, 0)));
    }
}
