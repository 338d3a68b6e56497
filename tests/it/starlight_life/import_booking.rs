//! `import sessions` assigns trainers, so it refuses a double booking (docs/rules.md §4.7) —
//! against the file's other rows and the sessions already in the database — naming the clash;
//! sessions meeting at a minute pass. A refused file writes nothing.

use super::{build_db, NOW};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

fn import(db: &std::path::Path, csv: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["import", "sessions"])
        .arg(csv)
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn sessions(db: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_imported_double_booking_is_refused_and_meeting_at_a_minute_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    let before = sessions(&path);
    let csv = dir.path().join("clash.csv");
    // 陈思远 teaches P1 on 2 Nov 08:30–11:30 (报告厅). Line 2 meets it at 11:30: fine.
    // Line 3 starts at 11:29: a clash with the database. Lines 4 and 5 clash with each other.
    std::fs::write(
        &csv,
        "project,date,start,end,topic,trainer,venue\n\
         P1,2026-11-02,11:30,12:30,午间沙龙,陈思远,二楼\n\
         P1,2026-11-02,11:29,12:30,午间答疑,陈思远,柏梓中学\n\
         P1,2026-11-20,08:30,11:30,上午,程思雨,报告厅\n\
         P1,2026-11-20,10:00,12:00,交叉,程思雨,柏梓中学\n",
    )
    .unwrap();
    let out = import(&path, &csv);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("line 3") || err.contains("第 3 行"), "{err}");
    assert!(err.contains("08:30–11:30"), "{err}");
    assert!(err.contains("line 5") || err.contains("第 5 行"), "{err}");
    assert!(
        !err.contains("line 2:") && !err.contains("第 2 行："),
        "{err}"
    );
    assert_eq!(sessions(&path), before, "nothing written");
    // Without the clashing rows the file imports.
    std::fs::write(
        &csv,
        "project,date,start,end,topic,trainer,venue\n\
         P1,2026-11-02,11:30,12:30,午间沙龙,陈思远,二楼\n",
    )
    .unwrap();
    let out = import(&path, &csv);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(sessions(&path), before + 1);
}
