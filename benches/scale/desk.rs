//! The registration desk's writes: check-in commits beside the disk's own cost.

use super::{line, ms, spread, Res};
use chrono::{Duration as Minutes, NaiveDateTime};
use liaoyuan::ops::check_in::{check_in, CheckIn};
use liaoyuan::store::{settings, Db, OpenMode};
use std::path::Path;
use std::time::Instant;

/// The session with the most enrolled teachers and no marks yet (the desk),
/// with those teachers.
pub fn desk_session(path: &Path) -> Res<(i64, Vec<i64>)> {
    let db = Db::open(path, OpenMode::Existing)?;
    let today = liaoyuan::clock::today().format("%Y-%m-%d").to_string();
    let session: i64 = db.conn.query_row(
        "SELECT s.id FROM sessions s WHERE s.closed_at IS NULL AND s.date >= ?1
         ORDER BY s.date = ?1 DESC,
                  (SELECT count(*) FROM enrolments e WHERE e.project_id = s.project_id) DESC,
                  s.date, s.start_time
         LIMIT 1",
        [&today],
        |r| r.get(0),
    )?;
    let mut st = db.conn.prepare(
        "SELECT e.teacher_id FROM enrolments e JOIN sessions s ON s.project_id = e.project_id
         WHERE s.id = ?1 ORDER BY e.teacher_id",
    )?;
    let ids = st
        .query_map([session], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok((session, ids))
}

/// The order teachers reach the desk: those the demo already checked in, by their check-in
/// time, then everyone else in a fixed shuffle (the same every run).
pub fn arrival_order(path: &Path, session: i64, teachers: &[i64]) -> Res<Vec<i64>> {
    let db = Db::open(path, OpenMode::ReadOnly)?;
    let mut st = db.conn.prepare(
        "SELECT teacher_id FROM marks WHERE session_id = ?1 AND checked_in_at IS NOT NULL
         ORDER BY checked_in_at, teacher_id",
    )?;
    let mut order = st
        .query_map([session], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    let mut rest: Vec<i64> = teachers
        .iter()
        .copied()
        .filter(|t| !order.contains(t))
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..rest.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        rest.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order.extend(rest);
    Ok(order)
}

/// One check-in commit each (audit entry included, synchronous=FULL), on a connection set up
/// as the TUI sets up its own (`Db::defer_checkpoints`), with the WAL checkpoint the TUI runs
/// when the desk pauses done between check-ins, untimed (timed on its own line); the marks and
/// audit rows written are removed afterwards. A second round with SQLite's automatic
/// checkpoints (what one-shot CLI commands use) shows what moving them off the commit saves.
pub fn check_in_commits(path: &Path, (session, teachers): (i64, Vec<i64>)) -> Res<()> {
    let mut db = Db::open(path, OpenMode::Existing)?;
    db.defer_checkpoints()?;
    let mut idle = Vec::new();
    let times = check_in_round(&mut db, session, &teachers, Some(&mut idle))?;
    let count = times.len();
    let (median, _, p99, max) = spread(times);
    line(
        "one check-in commit p99 (audit, sync=FULL, as the TUI)",
        format!("{p99:.2} ms"),
        "p99 ≤ 2 ms",
        Some(p99 <= 2.0),
    );
    println!("  ({count} check-ins: median {median:.2} ms, max {max:.2} ms)");
    drop(db);
    let (idle_median, _, _, idle_max) = spread(idle);
    println!("  (idle-tick WAL checkpoint every {IDLE_EVERY} check-ins, off the commit: median {idle_median:.2} ms, max {idle_max:.2} ms)");
    let (bare, _, bare_p99, _) = bare_commits(path)?;
    println!("  (baseline on this disk: a bare one-row WAL commit, sync=FULL: median {bare:.2} ms, p99 {bare_p99:.2} ms)");
    let mut cli = Db::open(path, OpenMode::Existing)?;
    let (median, _, p99, max) = spread(check_in_round(&mut cli, session, &teachers, None)?);
    println!("  (with SQLite's automatic checkpoints inside commits, as the CLI: median {median:.2} ms, p99 {p99:.2} ms, max {max:.2} ms)");
    cli.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    Ok(())
}

/// The desk pauses (and the TUI checkpoints) about this often, in check-ins.
const IDLE_EVERY: usize = 10;

/// Checks every teacher in once, timing each call, then removes what it wrote. With `idle`,
/// runs the TUI's idle checkpoint every IDLE_EVERY check-ins and records its time there.
fn check_in_round(
    db: &mut Db,
    session: i64,
    teachers: &[i64],
    mut idle: Option<&mut Vec<f64>>,
) -> Res<Vec<f64>> {
    let settings = settings::load(&db.conn)?;
    let max_id = |db: &Db, table: &str| -> Res<i64> {
        Ok(db.conn.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    let (marks_before, audit_before) = (max_id(db, "marks")?, max_id(db, "audit_log")?);
    let (date, start): (String, String) = db.conn.query_row(
        "SELECT date, start_time FROM sessions WHERE id = ?1",
        [session],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let start = NaiveDateTime::parse_from_str(&format!("{date} {start}"), "%Y-%m-%d %H:%M")?;
    let mut times = Vec::new();
    for (i, &teacher_id) in teachers.iter().enumerate() {
        let at = start + Minutes::seconds(i as i64 * 7 - 900);
        let req = CheckIn {
            session_id: session,
            teacher_id,
            at,
            ..CheckIn::default()
        };
        let t = Instant::now();
        check_in(db, &crate::stamp(), &req, &settings)?;
        times.push(ms(t.elapsed()));
        if let Some(idle) = idle.as_deref_mut() {
            if (i + 1) % IDLE_EVERY == 0 {
                let t = Instant::now();
                db.checkpoint()?;
                idle.push(ms(t.elapsed()));
            }
        }
    }
    db.conn
        .execute("DELETE FROM marks WHERE id > ?1", [marks_before])?;
    db.conn
        .execute("DELETE FROM audit_log WHERE id > ?1", [audit_before])?;
    Ok(times)
}

/// What the disk alone costs: 300 one-row commits in a scratch WAL database
/// next to the district, synchronous=FULL.
pub fn bare_commits(path: &Path) -> Res<(f64, f64, f64, f64)> {
    let scratch = path.with_extension("fsync-probe.db");
    let _ = std::fs::remove_file(&scratch);
    let conn = rusqlite::Connection::open(&scratch)?;
    let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch("CREATE TABLE t (x INTEGER)")?;
    let mut times = Vec::new();
    for i in 0..300 {
        let t = Instant::now();
        conn.execute_batch("BEGIN IMMEDIATE")?;
        conn.execute("INSERT INTO t VALUES (?1)", [i])?;
        conn.execute_batch("COMMIT")?;
        times.push(ms(t.elapsed()));
    }
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let mut p = scratch.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    Ok(spread(times))
}
