//! Both writes of this part — a target's number (`:target`) and a tier step (the tier form) —
//! made while another process (the real binary importing 2,000 区级骨干 teachers) writes the
//! same file: every write lands, each with its audit entry, and the counts add up.

use liaoyuan::domain::{Tier, TierLevel};
use liaoyuan::ops::targets::{parse_target, report, set_target};
use liaoyuan::ops::tier_steps::add_tier_step;
use liaoyuan::store::tier_steps::TierStep;
use liaoyuan::store::{Db, OpenMode, Stamp};
use std::process::Command;

const IMPORTED: usize = 2000;

#[test]
fn targets_and_tier_steps_land_beside_an_import_in_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = super::district::build(dir.path());
    let csv = dir.path().join("new.csv");
    let mut text = String::from("工号,姓名,学校,层级\n");
    for i in 0..IMPORTED {
        text.push_str(&format!("N{i:05},新教师{i},实验小学,区级骨干\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let mut import = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["--lang", "en", "import", "teachers"])
        .arg(&csv)
        .env("LIAOYUAN_NOW", "2026-11-28 09:00")
        .env_remove("LIAOYUAN_DB")
        .spawn()
        .unwrap();
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let stamp = Stamp::new(crate::common::district::at("2026-11-28 09:00"), "desk");
    for i in 0..20 {
        let t = parse_target(&format!("区级骨干教师 2025 {}", 501 + i)).unwrap();
        set_target(&mut db, &t, &stamp).unwrap();
        let step = TierStep {
            doc_no: format!("潼教发〔2026〕{i}号"),
            ..TierStep::new(
                Tier::Renowned,
                Some(TierLevel::District),
                liaoyuan::domain::parse_date("2026-11-01").unwrap(),
            )
        };
        add_tier_step(&mut db, 600 + i, &step, &stamp).unwrap();
    }
    let status = import.wait().unwrap();
    assert!(status.success());
    let one = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        one("SELECT number FROM targets WHERE what = 'district_backbone' AND year = 2025"),
        520
    );
    assert_eq!(
        one("SELECT count(*) FROM audit_log WHERE entity = 'target'"),
        20
    );
    assert_eq!(
        one("SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND json_extract(after, '$.tier_step.tier') = 'renowned'"),
        20
    );
    let today = liaoyuan::domain::parse_date("2026-11-28").unwrap();
    let r = report(&db.conn, today).unwrap();
    let count =
        |k: liaoyuan::domain::TargetKind| r.lines.iter().find(|l| l.what == k).unwrap().count;
    assert_eq!(
        count(liaoyuan::domain::TargetKind::DistrictBackbone),
        Some(512 + IMPORTED as i64)
    );
    assert_eq!(
        count(liaoyuan::domain::TargetKind::DistrictRenowned),
        Some(20)
    );
}

#[test]
fn export_targets_writes_one_row_per_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = super::district::build(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["export", "targets"])
        .env("LIAOYUAN_NOW", "2026-11-28 09:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "what,scope,name,year,target,count");
    for row in [
        "district_backbone,district,,2025,500,512",
        "municipal_teachers,district,,2025,50,30",
        "principal_reserve,district,,2025,300,0",
        "district_backbone,year_end,,2024,,300",
        "district_backbone,school,实验小学,2026,,256",
        "municipal_teachers,subject,语文,2026,,15",
    ] {
        assert!(lines.contains(&row), "{row}:\n{csv}");
    }
    // 5 targets, 5 years × 3, 2 schools × 3, 2 subjects × 3.
    assert_eq!(lines.len(), 1 + 5 + 15 + 6 + 6, "{csv}");
}
