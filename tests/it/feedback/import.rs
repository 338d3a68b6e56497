//! `import feedback`: a questionnaire export with a title row and text answers.

use super::fixtures::fixture;
use super::{district, stamp};
use liaoyuan::error::Error;
use liaoyuan::ops::feedback_import::{import_feedback, FeedbackImport};
use liaoyuan::store::feedback::summary;

fn opts(map: &[&str]) -> FeedbackImport {
    FeedbackImport {
        project: "P1".into(),
        session: None,
        map: map.iter().map(|m| m.to_string()).collect(),
        dry_run: false,
    }
}

const IGNORED: &str = "8、您是从哪里得知本次培训的";

#[test]
fn a_questionnaire_with_a_title_row_and_text_answers_imports_from_gbk_csv_and_xlsx() {
    for file in [
        "feedback-questionnaire-gbk.csv",
        "feedback-questionnaire-title-row.xlsx",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (_path, mut db) = district(dir.path());
        let report = import_feedback(&mut db, &stamp(), &fixture(file), &opts(&[])).unwrap();
        assert_eq!(report.written, 3, "{file}");
        assert_eq!(report.ignored, [IGNORED], "{file}");
        let s = summary(&db.conn, 1).unwrap();
        assert_eq!((s.respondents, s.attended), (3, 4), "{file}");
        assert_eq!(s.questions[0].counts, [0, 0, 1, 1, 1], "{file}");
        assert_eq!(s.questions[1].counts, [0, 0, 0, 1, 2], "{file}");
        assert_eq!(s.questions[2].average(), Some(3.0), "{file}");
        assert_eq!(s.trainers.len(), 1);
        let when: String = db
            .conn
            .query_row(
                "SELECT submitted_at || ' ' || source FROM feedback WHERE teacher_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(when, "2026-03-03 12:05:11 import");
    }
}

#[test]
fn an_absent_teacher_s_row_and_an_unreadable_answer_are_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let file = dir.path().join("answers.csv");
    std::fs::write(
        &file,
        "培训满意度调查\n\
         序号,提交答卷时间,工号,内容满意度,意见建议\n\
         1,2026/3/3 12:05:11,T1,非常满意,好\n\
         2,2026/3/3 12:06:00,T5,满意,\n\
         3,2026/3/3 12:07:00,T2,还行,\n",
    )
    .unwrap();
    let err = import_feedback(&mut db, &stamp(), &file, &opts(&[])).unwrap_err();
    let Error::Rows(rows) = &err else {
        panic!("{err}")
    };
    let zh: Vec<&str> = rows.iter().map(|r| r.zh.as_str()).collect();
    assert_eq!(zh.len(), 2, "{zh:?}");
    assert!(
        zh[0].starts_with("line 4: 工号: 赵磊 没有出席项目 P1"),
        "{zh:?}"
    );
    assert!(
        zh[1].starts_with("line 5: 内容满意度: “还行”不是评分"),
        "{zh:?}"
    );
    let n: i64 = db
        .conn
        .query_row("SELECT count(*) FROM feedback", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_column_mapping_given_once_is_saved_for_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let file = fixture("feedback-questionnaire-gbk.csv");
    let first = import_feedback(
        &mut db,
        &stamp(),
        &file,
        &opts(&[&format!("{IGNORED}=ignore")]),
    )
    .unwrap();
    assert!(first.ignored.is_empty());
    let again = import_feedback(&mut db, &stamp(), &file, &opts(&[])).unwrap();
    assert!(again.ignored.is_empty());
    assert_eq!(again.written, 3);
    let bad = import_feedback(&mut db, &stamp(), &file, &opts(&["内容=rating"])).unwrap_err();
    assert!(bad
        .text(liaoyuan::lang::Lang::En)
        .contains("--map '内容=rating'"));
}
