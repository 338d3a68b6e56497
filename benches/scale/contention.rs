//! Registration day with several desks on one file: the desks' check-in commit latency while
//! three desks (threads, each with its own connection set up as the TUI sets up its own) and
//! four CLI writers (`liaoyuan checkin` processes in a loop) write to the same session.

use super::{line, ms, spread, Res};
use chrono::{Duration as Minutes, NaiveDateTime};
use liaoyuan::ops::check_in::{check_in, CheckIn};
use liaoyuan::store::{settings, Db, OpenMode};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const DESKS: usize = 3;
const WRITERS: usize = 4;

/// The session's project code and start, and its unmarked enrolled teachers.
struct DeskFacts {
    code: String,
    start: NaiveDateTime,
    /// (teacher id, staff number)
    teachers: Vec<(i64, String)>,
}

fn desk_facts(db: &Db, session: i64) -> Res<DeskFacts> {
    let (code, date, start): (String, String, String) = db.conn.query_row(
        "SELECT p.code, s.date, s.start_time FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.id = ?1",
        [session],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let start = NaiveDateTime::parse_from_str(&format!("{date} {start}"), "%Y-%m-%d %H:%M")?;
    let mut st = db.conn.prepare(
        "SELECT t.id, t.staff_no FROM enrolments e JOIN sessions s ON s.project_id = e.project_id
         JOIN teachers t ON t.id = e.teacher_id
         WHERE s.id = ?1 AND NOT EXISTS
           (SELECT 1 FROM marks m WHERE m.session_id = s.id AND m.teacher_id = t.id)
         ORDER BY t.id",
    )?;
    let teachers = st
        .query_map([session], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    Ok(DeskFacts {
        code,
        start,
        teachers,
    })
}

/// One desk: checks its teachers in one after another, timing each commit (waiting for the
/// write lock included).
fn desk(path: PathBuf, session: i64, at: NaiveDateTime, teachers: Vec<i64>) -> Res<Vec<f64>> {
    let mut db = Db::open(&path, OpenMode::Existing)?;
    db.defer_checkpoints()?;
    let settings = settings::load(&db.conn)?;
    let mut times = Vec::new();
    for teacher_id in teachers {
        let req = CheckIn {
            session_id: session,
            teacher_id,
            at,
            ..CheckIn::default()
        };
        let t = Instant::now();
        check_in(&mut db, &crate::stamp(), &req, &settings).map_err(|e| e.to_string())?;
        times.push(ms(t.elapsed()));
    }
    db.checkpoint()?;
    Ok(times)
}

/// One CLI writer: a `liaoyuan checkin` process per teacher, one after another.
fn writer(path: PathBuf, code: String, now: String, staff: Vec<String>) -> Res<usize> {
    let mut done = 0;
    for staff_no in staff {
        let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
            .arg("--db")
            .arg(&path)
            .args(["checkin", "--project", &code, &staff_no])
            .env("LIAOYUAN_NOW", &now)
            .output()?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
        }
        done += 1;
    }
    Ok(done)
}

/// Desk commit latency under contention; what was written is removed afterwards.
pub fn desks_and_writers(path: &Path, session: i64) -> Res<()> {
    let db = Db::open(path, OpenMode::Existing)?;
    let max_id = |table: &str| -> Res<i64> {
        Ok(db.conn.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    let (marks_before, audit_before) = (max_id("marks")?, max_id("audit_log")?);
    let DeskFacts {
        code,
        start,
        teachers,
    } = desk_facts(&db, session)?;
    let at = start + Minutes::minutes(1);
    let now = at.format("%Y-%m-%d %H:%M").to_string();
    // Split the enrolled teachers: a share for each desk and each writer.
    let share = teachers.len() / (DESKS + WRITERS);
    let mut chunks = teachers.chunks(share.max(1));
    let mut desks = Vec::new();
    for _ in 0..DESKS {
        let ids: Vec<i64> = chunks.next().unwrap_or(&[]).iter().map(|t| t.0).collect();
        let path = path.to_path_buf();
        desks.push(std::thread::spawn(move || {
            desk(path, session, at, ids).map_err(|e| e.to_string())
        }));
    }
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        let staff: Vec<String> = chunks
            .next()
            .unwrap_or(&[])
            .iter()
            .map(|t| t.1.clone())
            .collect();
        let (path, code, now) = (path.to_path_buf(), code.clone(), now.clone());
        writers.push(std::thread::spawn(move || {
            writer(path, code, now, staff).map_err(|e| e.to_string())
        }));
    }
    let mut times = Vec::new();
    for d in desks {
        times.extend(d.join().map_err(|_| "a desk thread panicked")??);
    }
    let mut cli = 0;
    for w in writers {
        cli += w.join().map_err(|_| "a writer thread panicked")??;
    }
    let count = times.len();
    let (median, _, p99, max) = spread(times);
    line(
        "check-in commit p99, 3 desks + 4 CLI writers at once",
        format!("{p99:.2} ms"),
        "p99 ≤ 2 ms",
        Some(p99 <= 2.0),
    );
    println!(
        "  ({count} desk check-ins beside {cli} CLI check-ins: median {median:.2} ms, max {max:.2} ms)"
    );
    db.conn
        .execute("DELETE FROM marks WHERE id > ?1", [marks_before])?;
    db.conn
        .execute("DELETE FROM audit_log WHERE id > ?1", [audit_before])?;
    db.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    Ok(())
}
