//! The scale benchmark (DESIGN.md §8): builds a 200,000-teacher demo district
//! and prints each figure beside its target. `cargo bench --bench scale`.
//!
//! LIAOYUAN_BENCH_DB=PATH keeps the district in PATH and reuses it next time;
//! LIAOYUAN_BENCH_TEACHERS=N changes its size (default 200000);
//! LIAOYUAN_BENCH_SHOW=1 prints the Check-in desk screen that was measured.

use chrono::{Datelike, Duration as Minutes, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::cli::args::Lang;
use liaoyuan::ops::check_in::{check_in, CheckIn};
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::search::{shortest_unique_query, Index};
use liaoyuan::store::{search_source, settings, Db, OpenMode};
use liaoyuan::tui::{App, Options};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::time::{Duration, Instant};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn line(figure: &str, value: String, target: &str, ok: Option<bool>) {
    let verdict = match ok {
        Some(true) => "ok",
        Some(false) => "MISSED",
        None => "",
    };
    println!("{figure:<54} {value:>12}   target {target:<14} {verdict}");
}

/// (median, p95, p99, max) in milliseconds.
fn spread(mut v: Vec<f64>) -> (f64, f64, f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0, 0.0, 0.0);
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), at(0.99), v[v.len() - 1])
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Res<()> {
    let teachers: usize = std::env::var("LIAOYUAN_BENCH_TEACHERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let temp = tempfile::tempdir()?;
    let path = std::env::var_os("LIAOYUAN_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().join("scale.db"));
    println!(
        "Liaoyuan scale benchmark — DESIGN.md §8 ({teachers} teachers, {})",
        path.display()
    );
    println!("{:<54} {:>12}", "figure", "measured");
    generate(&path, teachers)?;
    let index = first_frame(&path)?;
    search_per_keystroke(&index);
    let desk = desk_session(&path)?;
    keystrokes(&index, &desk.1);
    drop(index);
    check_in_commits(&path, desk)?;
    school_report(&path)?;
    import_teachers(temp.path())?;
    Ok(())
}

/// Demo generation, in a child process so its memory does not count below.
fn generate(path: &Path, teachers: usize) -> Res<()> {
    if path.exists() {
        line("demo generation", "reused".into(), "< 60 s", None);
        return Ok(());
    }
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .args(["demo", "--teachers", &teachers.to_string(), "--db"])
        .arg(path)
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    let secs = t.elapsed().as_secs_f64();
    line(
        "demo generation",
        format!("{secs:.1} s"),
        "< 60 s",
        Some(secs < 60.0),
    );
    let mb = std::fs::metadata(path)?.len() as f64 / 1_048_576.0;
    println!("  (database {mb:.0} MB)");
    Ok(())
}

/// Open → settings → search entries → index → first frame at 80×24, then memory.
fn first_frame(path: &Path) -> Res<Index> {
    let t = Instant::now();
    let db = Db::open(path, OpenMode::Existing)?;
    let opened = t.elapsed();
    let t2 = Instant::now();
    let _settings = settings::load(&db.conn)?;
    let entries = search_source::teacher_entries(&db.conn)?;
    let loaded = t2.elapsed();
    let t3 = Instant::now();
    let index = Index::new(entries);
    let built = t3.elapsed();
    let ready = opened + loaded + built;
    drop(index);
    drop(db);

    let t = Instant::now();
    let db = Db::open(path, OpenMode::Existing)?;
    let opts = Options {
        lang: Lang::Zh,
        theme: None,
        no_color: false,
    };
    let mut app = App::new(db, &opts, liaoyuan::clock::now())?;
    let mut term = Terminal::new(TestBackend::new(80, 24))?;
    term.draw(|f| app.draw(f))?;
    let frame = t.elapsed();
    let rss = rss_mb();
    line(
        "open to first frame (TUI App, index included)",
        format!("{:.0} ms", ms(frame)),
        "≤ 100 ms",
        Some(ms(frame) <= 100.0),
    );
    println!(
        "  (open {:.1} ms, settings + search entries {:.0} ms, index build {:.0} ms)",
        ms(opened),
        ms(loaded),
        ms(built)
    );
    line(
        "search ready",
        format!("{:.0} ms", ms(ready)),
        "≤ 400 ms",
        Some(ms(ready) <= 400.0),
    );
    line(
        "resident memory, teachers loaded in the TUI",
        format!("{rss:.0} MB"),
        "≤ 150 MB",
        Some(rss <= 150.0),
    );
    terminal_bytes(&mut app)?;
    drop(app);
    let db = Db::open(path, OpenMode::Existing)?;
    let t = Instant::now();
    let index = search_source::teacher_index(&db.conn)?;
    println!(
        "  (search_source::teacher_index alone: {:.0} ms)",
        ms(t.elapsed())
    );
    Ok(index)
}

/// Queries typed one character at a time: Han (name, then school) and ASCII (pinyin).
fn search_per_keystroke(index: &Index) {
    let n = index.len() as i64;
    let samples: Vec<i64> = (0..80)
        .map(|k| 1 + (k * 2_654_435_761_i64).rem_euclid(n.max(1)))
        .collect();
    let mut worst = 0.0f64;
    for len in 1..=8usize {
        let mut cells = Vec::new();
        for han in [true, false] {
            let mut times = Vec::new();
            for &id in &samples {
                let Some(e) = index.entry(id) else { continue };
                let text: String = if han {
                    e.name.chars().chain(e.school.chars()).collect()
                } else {
                    let first = e.pinyin.split('|').next().unwrap_or("");
                    first
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .collect()
                };
                let q: String = text.chars().take(len).collect();
                if q.chars().count() < len {
                    continue;
                }
                let t = Instant::now();
                let hits = index.search(&q, 20);
                for h in &hits {
                    std::hint::black_box(index.highlight(h.id, &q));
                }
                times.push(ms(t.elapsed()));
            }
            let (median, p95, _, _) = spread(times);
            worst = worst.max(p95);
            cells.push(format!(
                "{} {median:5.2}/{p95:5.2}",
                if han { "Han" } else { "ASCII" }
            ));
        }
        println!(
            "  search, {len} char(s): median/p95 ms  {}",
            cells.join("   ")
        );
    }
    line(
        "search per keystroke, worst p95 (lengths 1–8)",
        format!("{worst:.2} ms"),
        "p95 ≤ 16 ms",
        Some(worst <= 16.0),
    );
}

/// The session with the most enrolled teachers and no marks yet (the desk),
/// with those teachers.
fn desk_session(path: &Path) -> Res<(i64, Vec<i64>)> {
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

/// Keys to check a teacher in at the desk: shortest query that puts them first, plus Enter.
fn keystrokes(index: &Index, among: &[i64]) {
    let mut keys = Vec::new();
    let mut not_found = 0;
    for &id in among {
        match shortest_unique_query(index, id, among) {
            Some(q) => keys.push(q.len() + 1),
            None => not_found += 1,
        }
    }
    let mean = keys.iter().sum::<usize>() as f64 / keys.len().max(1) as f64;
    let worst = keys.iter().copied().max().unwrap_or(0);
    line(
        &format!(
            "keystrokes per check-in, {}-teacher session (mean)",
            among.len()
        ),
        format!("{mean:.2}"),
        "≤ 4",
        Some(mean <= 4.0),
    );
    line(
        "keystrokes per check-in (worst)",
        format!("{worst}"),
        "≤ 8",
        Some(worst <= 8),
    );
    if not_found > 0 {
        println!(
            "  ({not_found} teacher(s) share a name in this session: picked from a list instead)"
        );
    }
}

/// One check-in commit each (audit entry included, synchronous=FULL); the
/// marks and audit rows written are removed afterwards.
fn check_in_commits(path: &Path, (session, teachers): (i64, Vec<i64>)) -> Res<()> {
    let mut db = Db::open(path, OpenMode::Existing)?;
    let settings = settings::load(&db.conn)?;
    let max_id = |db: &Db, table: &str| -> Res<i64> {
        Ok(db.conn.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    let (marks_before, audit_before) = (max_id(&db, "marks")?, max_id(&db, "audit_log")?);
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
        check_in(&mut db, &req, &settings)?;
        times.push(ms(t.elapsed()));
    }
    let count = times.len();
    let (median, _, p99, max) = spread(times);
    line(
        "one check-in commit p99 (audit, sync=FULL)",
        format!("{p99:.2} ms"),
        "p99 ≤ 2 ms",
        Some(p99 <= 2.0),
    );
    println!("  ({count} check-ins: median {median:.2} ms, max {max:.2} ms)");
    let (bare, _, bare_p99, _) = bare_commits(path)?;
    println!("  (baseline on this disk: a bare one-row WAL commit, sync=FULL: median {bare:.2} ms, p99 {bare_p99:.2} ms)");
    db.conn
        .execute("DELETE FROM marks WHERE id > ?1", [marks_before])?;
    db.conn
        .execute("DELETE FROM audit_log WHERE id > ?1", [audit_before])?;
    Ok(())
}

/// What the disk alone costs: 300 one-row commits in a scratch WAL database
/// next to the district, synchronous=FULL.
fn bare_commits(path: &Path) -> Res<(f64, f64, f64, f64)> {
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

fn school_report(path: &Path) -> Res<()> {
    let db = Db::open(path, OpenMode::ReadOnly)?;
    let s = settings::load(&db.conn)?;
    let today = liaoyuan::clock::today();
    let marks: i64 = db
        .conn
        .query_row("SELECT count(*) FROM marks", [], |r| r.get(0))?;
    // The last full year has the most marks.
    let year = today.year() - 1;
    let (from, to) = liaoyuan::domain::veto::veto_year_range(year, s.veto_year_start_month);
    let cycle = liaoyuan::domain::credits::cycle_of(today, &s);
    let t = Instant::now();
    let rows = liaoyuan::store::reports::school_attendance(&db.conn, from, to)?;
    let took = ms(t.elapsed());
    line(
        &format!("school report {year}, attendance/vetoes, {marks} marks"),
        format!("{took:.0} ms"),
        "≤ 50 ms",
        Some(took <= 50.0),
    );
    let t = Instant::now();
    let whole = liaoyuan::store::reports::school_report(&db.conn, from, to, &cycle, today, &s)?;
    println!(
        "  ({} schools; whole report with sending, follow-ups and credit pace: {:.0} ms)",
        rows.len().max(whole.len()),
        ms(t.elapsed())
    );
    Ok(())
}

/// 100,000 teacher rows from CSV into a small district.
fn import_teachers(dir: &Path) -> Res<()> {
    let path = dir.join("import.db");
    let opts = liaoyuan::ops::demo::DemoOptions {
        teachers: 60,
        seed: 2,
        progress: false,
    };
    liaoyuan::ops::demo::generate(&path, &opts)?;
    let mut db = Db::open(&path, OpenMode::Existing)?;
    let schools: Vec<(String, String)> = db
        .conn
        .prepare("SELECT name, stage FROM schools ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut csv = String::from("staff_no,name,gender,school,subject,stage,phone,tier\n");
    let names = [
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "陈静",
        "杨磊",
        "黄丽",
        "赵强",
        "曾小红",
        "谭文斌",
    ];
    for i in 0..100_000usize {
        let (school, stage) = &schools[i % schools.len()];
        let gender = if i % 3 == 0 { "男" } else { "女" };
        csv.push_str(&format!(
            "S{:06},{},{gender},{school},语文,{stage},139{:08},合格教师\n",
            i + 1,
            names[i % names.len()],
            i * 37 % 100_000_000
        ));
    }
    let file = dir.join("teachers.csv");
    std::fs::write(&file, csv)?;
    let t = Instant::now();
    let report = import_file(&mut db, Kind::Teachers, &file, &ImportOptions::default())?;
    let secs = t.elapsed().as_secs_f64();
    line(
        &format!("import {} teacher rows (CSV)", report.added),
        format!("{secs:.2} s"),
        "≤ 1.5 s",
        Some(secs <= 1.5),
    );
    Ok(())
}

/// Counts the bytes a terminal backend writes.
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes written to an 80×24 terminal for each letter typed at the Check-in desk.
fn terminal_bytes(app: &mut App) -> Res<()> {
    let count = Rc::new(Cell::new(0));
    let backend = CrosstermBackend::new(Counter(count.clone()));
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport })?;
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    app.handle_key(key('3'));
    term.draw(|f| app.draw(f))?;
    // The desk opens on its session picker, today's first session highlighted.
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    term.draw(|f| app.draw(f))?;
    let first = count.get();
    let mut per_key = Vec::new();
    for c in "zhangw".chars() {
        count.set(0);
        app.handle_key(key(c));
        term.draw(|f| app.draw(f))?;
        per_key.push(count.get());
    }
    let worst = per_key.iter().copied().max().unwrap_or(0);
    line(
        "bytes to the terminal per check-in keystroke",
        format!("{worst} B"),
        "≤ 1 KB",
        Some(worst <= 1024),
    );
    println!("  (Check-in desk first frame {first} B; typing z h a n g w: {per_key:?} B)");
    if std::env::var_os("LIAOYUAN_BENCH_SHOW").is_some() {
        let mut shown = Terminal::new(TestBackend::new(80, 24))?;
        shown.draw(|f| app.draw(f))?;
        println!("{}", shown.backend());
    }
    Ok(())
}
