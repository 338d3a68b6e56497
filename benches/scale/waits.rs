//! A desk beside a long write: check-in-sized commits (BEGIN IMMEDIATE, one
//! audit row, COMMIT) in a loop on their own connection, timing how long each
//! waited for the write lock.

use super::{ms, Res};
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Desk {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Result<Vec<f64>, String>>,
}

impl Desk {
    /// Starts committing on `path` until `stop`.
    pub fn start(path: &Path) -> Res<Desk> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut waits = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                let t = Instant::now();
                conn.execute_batch("BEGIN IMMEDIATE")
                    .map_err(|e| e.to_string())?;
                waits.push(ms(t.elapsed()));
                conn.execute_batch(
                    "INSERT INTO audit_log (at, actor, entity, action)
                     VALUES ('2026-03-02 08:30:00', 'bench-desk', 'mark', 'create');
                     COMMIT;",
                )
                .map_err(|e| e.to_string())?;
                std::thread::sleep(Duration::from_millis(2));
            }
            conn.execute("DELETE FROM audit_log WHERE actor = 'bench-desk'", [])
                .map_err(|e| e.to_string())?;
            Ok(waits)
        });
        Ok(Desk { stop, thread })
    }

    /// Stops the desk; returns each commit's wait for the write lock, in ms.
    pub fn stop(self) -> Res<Vec<f64>> {
        self.stop.store(true, Ordering::Relaxed);
        match self.thread.join() {
            Ok(waits) => Ok(waits?),
            Err(_) => Err("the desk thread panicked".into()),
        }
    }
}
