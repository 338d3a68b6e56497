//! Several desks on one database file: concurrent `checkin` processes and a
//! second connection noticing another process's commit (PRAGMA data_version).

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");
const NOW: &str = "2026-03-02 08:20";

/// 100 teachers (S001–S100) enrolled in P1, one session 2026-03-02 08:30–11:30.
fn district() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desks.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let tx = db
        .write(&liaoyuan::store::Stamp::new(
            liaoyuan::domain::parse_datetime("2026-03-01 09:00").unwrap(),
            "tester",
        ))
        .unwrap();
    tx.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
         INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
           VALUES (1, 'P1', '报到日', 'district', 'starlight', '2026-03-02', '2026-03-02');
         INSERT INTO sessions (project_id, date, start_time, end_time)
           VALUES (1, '2026-03-02', '08:30', '11:30');",
    )
    .unwrap();
    let surnames = ["张", "李", "王", "刘", "陈"];
    let given = [
        "伟", "娜", "芳", "洋", "磊", "静", "敏", "强", "军", "杰", "丽", "涛", "明", "超", "霞",
        "平", "刚", "桂英", "秀兰", "建华",
    ];
    let mut n = 0;
    for s in surnames {
        for g in given {
            n += 1;
            let name = format!("{s}{g}");
            let (py, ini) = pinyin_keys(&name);
            tx.execute(
                "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![n, format!("S{n:03}"), name, 1 + n % 2, py, ini],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                 VALUES (1, ?1, ?2, '2026-02-20 10:00:00')",
                rusqlite::params![n, 1 + n % 2],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    drop(db);
    (dir, path)
}

fn checkin(db: &Path, query: &str) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["checkin", "--project", "P1", query])
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn mark_count(db: &Path) -> i64 {
    let db = Db::open(db, OpenMode::ReadOnly).unwrap();
    db.conn
        .query_row("SELECT count(*) FROM marks", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn four_concurrent_desks_mark_100_teachers_exactly_once() {
    let (_d, db) = district();
    let desks: Vec<_> = (0..4)
        .map(|desk| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..25 {
                    let staff_no = format!("S{:03}", desk * 25 + i + 1);
                    let o = checkin(&db, &staff_no);
                    if o.status.code() != Some(0) {
                        failures.push(format!(
                            "{staff_no}: {:?} {}",
                            o.status.code(),
                            String::from_utf8_lossy(&o.stderr)
                        ));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = desks.into_iter().flat_map(|h| h.join().unwrap()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(mark_count(&db), 100);
    let db = Db::open(&db, OpenMode::ReadOnly).unwrap();
    let (distinct, audited): (i64, i64) = db
        .conn
        .query_row(
            "SELECT (SELECT count(DISTINCT teacher_id) FROM marks),
                    (SELECT count(*) FROM audit_log WHERE entity = 'mark')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((distinct, audited), (100, 100));
}

#[test]
fn a_second_process_sees_a_check_in_within_a_second() {
    let (_d, db) = district();
    let watcher = Db::open(&db, OpenMode::Existing).unwrap();
    let before = watcher.data_version().unwrap();
    let o = checkin(&db, "S042");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Poll as a TUI does: data_version changes when another connection commits.
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut seen = false;
    while Instant::now() < deadline {
        if watcher.data_version().unwrap() != before {
            seen = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        seen,
        "data_version did not change after another process's commit"
    );
    let status: String = watcher
        .conn
        .query_row(
            "SELECT m.status FROM marks m JOIN teachers t ON t.id = m.teacher_id
             WHERE t.staff_no = 'S042'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "present");
    // A second desk process checking in the same teacher sees the mark.
    let again = checkin(&db, "S042");
    assert_eq!(again.status.code(), Some(0));
    let out = String::from_utf8_lossy(&again.stdout);
    assert!(out.contains("已签到"), "{out}");
    assert_eq!(mark_count(&db), 1);
}

/// Runs the binary on `db` at `now` with `args`.
fn liaoyuan(db: &Path, now: &str, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LIAOYUAN_NOW", now)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

#[test]
fn a_veto_scope_change_by_one_process_and_late_check_ins_by_others_agree_after_both() {
    let (dir, db) = district();
    // P1 is concentrated training, so in the veto scope; an import takes it out while four
    // desks check 40 teachers in late (08:50).
    let csv = dir.path().join("p1.csv");
    std::fs::write(
        &csv,
        "code,title,level,plan,start_date,end_date,veto_scope\n\
         P1,报到日,district,starlight,2026-03-02,2026-03-02,否\n",
    )
    .unwrap();
    let import = {
        let (db, csv) = (db.clone(), csv.clone());
        std::thread::spawn(move || {
            liaoyuan(&db, NOW, &["import", "projects", csv.to_str().unwrap()])
        })
    };
    let desks: Vec<_> = (0..4)
        .map(|desk| {
            let db = db.clone();
            std::thread::spawn(move || {
                (0..10)
                    .map(|i| {
                        let staff_no = format!("S{:03}", desk * 10 + i + 1);
                        let args = ["checkin", "--project", "P1", staff_no.as_str()];
                        let o = liaoyuan(&db, "2026-03-02 08:50", &args);
                        (
                            o.status.code(),
                            String::from_utf8_lossy(&o.stderr).into_owned(),
                        )
                    })
                    .filter(|(code, _)| *code != Some(0))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let failures: Vec<_> = desks.into_iter().flat_map(|h| h.join().unwrap()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    let o = import.join().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let read = Db::open(&db, OpenMode::ReadOnly).unwrap();
    let one = |sql: &str| -> i64 { read.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM marks WHERE status = 'late'"), 40);
    // Every mark, written before or after the change, counts with the scope after both.
    assert_eq!(
        one("SELECT count(*) FROM marks WHERE in_veto_scope IS NOT 0"),
        0
    );
    assert_eq!(one("SELECT count(*) FROM school_month_vetoes"), 0);
    // The change is one audited write: one project update, before in scope, after not.
    assert_eq!(
        one(
            "SELECT count(*) FROM audit_log WHERE entity = 'project' AND action = 'import_update'
               AND json_extract(before, '$.veto_scope') = 1
               AND json_extract(after, '$.veto_scope') = 0"
        ),
        1
    );
    assert_eq!(
        one("SELECT count(*) FROM audit_log WHERE entity = 'mark'"),
        40
    );
    drop(read);
    let o = liaoyuan(&db, "2026-03-02 12:00", &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}
