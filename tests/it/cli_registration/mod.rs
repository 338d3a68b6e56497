//! `liaoyuan lookup` and `liaoyuan checkin` through the real binary (docs/rules.md §6).

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod checkin_finding;
mod checkin_rules;
mod checkin_times;
mod lookup;
mod teacher_status;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

/// A district with two 张伟 (different schools), 李娜, 王芳, 刘洋 enrolled in P1
/// (sessions 2026-03-02 08:30–11:30 and 14:00–17:00), and 赵磊 not enrolled.
fn district() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
         INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date)
           VALUES (1, 'P1', '新课标解读', 'district', 'continuing_education', 12, '2026-03-02', '2026-03-03');
         INSERT INTO sessions (project_id, date, start_time, end_time) VALUES
           (1, '2026-03-02', '14:00', '17:00'), (1, '2026-03-02', '08:30', '11:30');",
    )
    .unwrap();
    let teachers = [
        ("T001", "张伟", 1),
        ("T002", "张伟", 2),
        ("T003", "李娜", 1),
        ("T004", "王芳", 2),
        ("T005", "刘洋", 2),
        ("T009", "赵磊", 1),
    ];
    for (i, (no, name, school)) in teachers.iter().enumerate() {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, phone, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                i as i64 + 1,
                no,
                name,
                school,
                format!("1380000{:04}", i),
                py,
                ini
            ],
        )
        .unwrap();
        if *no != "T009" {
            c.execute(
                "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                 VALUES (1, ?1, ?2, '2026-02-20 10:00:00')",
                rusqlite::params![i as i64 + 1, school],
            )
            .unwrap();
        }
    }
    c.execute(
        "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source)
         VALUES (3, 30, 0, '2026-02-01', 'manual')",
        [],
    )
    .unwrap();
    drop(db);
    (dir, path)
}

fn liaoyuan(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LIAOYUAN_NOW", now)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn mark(db: &Path, staff_no: &str) -> Option<(String, i64)> {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row(
            "SELECT m.status, m.minutes_late FROM marks m JOIN teachers t ON t.id = m.teacher_id
             WHERE t.staff_no = ?1",
            [staff_no],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()
}

const MORNING: &str = "2026-03-02 08:20";

/// Runs `checkin --project P1 --session N QUERY --at AT [extra…]` and returns (exit, stdout, stderr).
fn checkin_at(
    db: &Path,
    session: &str,
    query: &str,
    when: &str,
    extra: &[&str],
) -> (i32, String, String) {
    let mut args = vec![
        "checkin",
        "--project",
        "P1",
        "--session",
        session,
        query,
        "--at",
        when,
    ];
    args.extend(extra);
    let o = liaoyuan(db, "2026-03-09 10:00", &args);
    let (out, err) = text(&o);
    (o.status.code().unwrap_or(-1), out, err)
}
