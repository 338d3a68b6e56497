//! `import feedback` in a second process while a desk in this one takes feedback after
//! check-out: both land, neither is lost.

use super::fixtures::fixture;
use super::{district, stamp};
use liaoyuan::ops::feedback::{give, Answers};
use liaoyuan::store::feedback::Source;
use std::process::Command;

#[test]
fn the_real_binary_imports_a_questionnaire_while_a_desk_takes_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = district(dir.path());
    let import = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["--lang", "en", "import", "feedback", "--project", "P1"])
        .arg(fixture("feedback-questionnaire-title-row.xlsx"))
        .env("LIAOYUAN_NOW", "2026-03-03 12:30")
        .env_remove("LIAOYUAN_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for round in 0..5u8 {
        for teacher in 1..=4 {
            let a = Answers {
                project_id: 1,
                session_id: Some(2),
                teacher_id: teacher,
                content: Some(1 + (round + teacher as u8) % 5),
                trainer: Some(5),
                organisation: None,
                comment: String::new(),
            };
            give(&mut db, &stamp(), &a, Source::Desk).unwrap();
        }
    }
    let out = import.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("imported 3 feedback rows"), "{said}");
    assert!(said.contains("8、您是从哪里得知本次培训的"), "{said}");
    let rows: Vec<(Option<i64>, String, i64)> = db
        .conn
        .prepare("SELECT session_id, source, count(*) FROM feedback GROUP BY 1, 2 ORDER BY 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            (None, "import".to_string(), 3),
            (Some(2), "desk".to_string(), 4)
        ]
    );
}
