//! Life-cycle writes beside a second process: `liaoyuan import trainers` writes 40 trainers
//! while this process selects, promotes, exits and assigns; every write of both lands.

use super::{build_db, stamp};
use liaoyuan::ops::starlight;
use liaoyuan::store::{Db, OpenMode};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

#[test]
fn life_cycle_writes_beside_an_import_of_trainers_in_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    let csv = dir.path().join("trainers.csv");
    let mut rows = String::from("name,affiliation,status,teach\n");
    for i in 0..40 {
        rows.push_str(&format!("外聘专家{i:02},西南大学,certified,2\n"));
    }
    std::fs::write(&csv, rows).unwrap();
    let mut other = Command::new(BIN)
        .arg("--db")
        .arg(&path)
        .args(["import", "trainers"])
        .arg(&csv)
        .env("LIAOYUAN_NOW", super::NOW)
        .env_remove("LIAOYUAN_DB")
        .spawn()
        .unwrap();
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let mut written = 0;
    for _ in 0..20 {
        let id = starlight::select_candidate(&mut db, &stamp(), 2, "区级骨干").unwrap();
        starlight::promote(&mut db, &stamp(), id).unwrap();
        starlight::exit_trainer(&mut db, &stamp(), id, "轮换").unwrap();
        written += 3;
    }
    starlight::assign_trainer(&mut db, &stamp(), 6, 2).unwrap();
    let status = other.wait().unwrap();
    assert!(status.success());
    let count = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM trainers WHERE name LIKE '外聘专家%'"),
        40
    );
    assert_eq!(
        count("SELECT count(*) FROM audit_log WHERE entity = 'trainer' AND actor = 'tester'"),
        written
    );
    assert_eq!(count("SELECT trainer_id FROM sessions WHERE id = 6"), 2);
}
