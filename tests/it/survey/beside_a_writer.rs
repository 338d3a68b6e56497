//! `import survey` in a second process (the real binary) while this process imports another
//! survey and drafts projects from it: every write lands, none is lost.

use super::fixtures::fixture;
use super::{district, stamp};
use liaoyuan::ops::survey_draft::draft_project;
use liaoyuan::ops::survey_import::{import_survey, SurveyImport};
use liaoyuan::store::surveys::SurveyFilter;
use std::process::Command;

#[test]
fn the_real_binary_imports_a_survey_while_this_process_writes_another() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = district(dir.path());
    let import = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&path)
        .args(["--lang", "en", "import", "survey"])
        .arg(fixture("survey_wjx.xlsx"))
        .env("LIAOYUAN_NOW", "2026-12-03 12:30")
        .env_remove("LIAOYUAN_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mine = SurveyImport {
        title: Some("教研组长调研".into()),
        ..SurveyImport::default()
    };
    let mut survey = None;
    for _ in 0..5 {
        import_survey(&mut db, &stamp(), &fixture("survey_wjx.csv"), &mine).unwrap();
        let id: i64 = db
            .conn
            .query_row(
                "SELECT id FROM surveys WHERE title = '教研组长调研'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        survey = Some(id);
    }
    let survey = survey.unwrap();
    for topic in ["大单元教学", "作业设计", "课堂评价"] {
        draft_project(&mut db, &stamp(), survey, topic, &SurveyFilter::default()).unwrap();
    }
    let out = import.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("4 new answers, 0 replaced"), "{said}");
    assert!(said.contains("8、您的教龄"), "{said}");
    let rows: Vec<(String, i64)> = db
        .conn
        .prepare(
            "SELECT s.title, count(r.id) FROM surveys s JOIN survey_responses r
               ON r.survey_id = s.id GROUP BY s.id ORDER BY s.title",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            ("2027年春季学期教师培训需求调研（训前调研）".to_string(), 4),
            ("教研组长调研".to_string(), 4)
        ]
    );
    let drafts: i64 = db
        .conn
        .query_row("SELECT count(*) FROM survey_drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(drafts, 3);
}
