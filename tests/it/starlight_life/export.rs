//! `liaoyuan export trainers` as CSV, JSON and XLSX: delivered sessions held by now, the
//! term load, the exit with its reason.

use super::{build_db, stamp, NOW};
use liaoyuan::ops::starlight;
use liaoyuan::store::{Db, OpenMode};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

fn export(db: &Path, more: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["export", "trainers"])
        .args(more)
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

#[test]
fn export_trainers_as_csv_json_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    {
        let mut db = Db::open(&path, OpenMode::Existing).unwrap();
        starlight::exit_trainer(&mut db, &stamp(), 2, "调往外区").unwrap();
    }
    let out = export(&path, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("staff_no,name,school,status,design"),
        "{header}"
    );
    assert!(
        header.contains("sessions_delivered,term_sessions,term_hours"),
        "{header}"
    );
    let chen = csv.lines().find(|l| l.contains("陈思远")).unwrap();
    // 3 delivered by 09:10 on 28 Nov; term 3 sessions 9 h; year 4 sessions 10.5 h.
    assert!(chen.ends_with(",3,3,9,4,10.5"), "{chen}");
    let cheng = csv.lines().find(|l| l.contains("程思雨")).unwrap();
    assert!(
        cheng.contains("retired") && cheng.contains("2026-11-28,调往外区"),
        "{cheng}"
    );

    let out = export(&path, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let chen = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "陈思远")
        .unwrap();
    assert_eq!(chen["sessions_delivered"], 3);
    assert_eq!(chen["levels"]["teach"], 3);

    let xlsx = dir.path().join("trainers.xlsx");
    let out = export(&path, &["-o", xlsx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 0);
}
