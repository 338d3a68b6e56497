//! `liaoyuan export survey`: one row per answer, topics joined by ┋ as the tool writes them.

use super::{district, imported};
use std::process::Command;

#[test]
fn export_survey_gives_one_row_per_answer_with_its_topics() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = district(dir.path());
    imported(&mut db, "survey_wjx.csv");
    drop(db);
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["export", "survey", "--format", "json"])
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let zhang = rows.iter().find(|r| r["staff_no"] == "T1").unwrap();
    assert_eq!(zhang["subject"], "数学");
    assert_eq!(zhang["stage"], "primary");
    assert_eq!(zhang["form"], "workshop");
    assert_eq!(zhang["topics"], "作业设计┋大单元教学┋课堂评价");
    assert_eq!(
        zhang["survey"],
        "2027年春季学期教师培训需求调研（训前调研）"
    );
    let csv = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["export", "survey"])
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(
        text.starts_with("survey,staff_no,name,school,subject,stage,form,topics,submitted_at"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 5, "{text}");
}
