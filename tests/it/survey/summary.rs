//! The survey's summary on the fixture's four answers from five teachers in service.

use super::{district, imported};
use liaoyuan::domain::principals::TrainingForm;
use liaoyuan::domain::Stage;
use liaoyuan::store::surveys::{summary, surveys, SurveyFilter};

#[test]
fn counts_by_subject_stage_topic_and_form_and_the_response_rate() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    imported(&mut db, "survey_wjx.csv");
    let list = surveys(&db.conn).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].respondents, 4);
    let s = summary(&db.conn, list[0].id, &SurveyFilter::default()).unwrap();
    assert_eq!((s.respondents, s.in_service), (4, 5));
    assert_eq!(
        s.by_subject,
        [("数学".to_string(), 3), ("语文".to_string(), 1)]
    );
    assert_eq!(
        s.by_stage,
        [(Some(Stage::Primary), 2), (Some(Stage::Junior), 2)]
    );
    let topics: Vec<(&str, i64)> = s.by_topic.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    assert_eq!(
        topics,
        [
            ("大单元教学", 3),
            ("作业设计", 2),
            ("课堂评价", 2),
            ("AI 助教", 1),
            ("信息技术融合", 1)
        ]
    );
    assert_eq!(
        s.by_form,
        [
            (TrainingForm::Workshop, 2),
            (TrainingForm::Online, 1),
            (TrainingForm::Blended, 1)
        ]
    );
    // Filtered to 数学 at 初中: two answers, against the three 数学 teachers of junior schools
    // (T3, T4 — T5 teaches 英语).
    let f = SurveyFilter {
        subject: Some("数学".into()),
        stage: Some(Stage::Junior),
    };
    let s = summary(&db.conn, list[0].id, &f).unwrap();
    assert_eq!((s.respondents, s.in_service), (2, 2));
    assert_eq!(s.by_topic[0], ("AI 助教".to_string(), 1));
    assert_eq!(s.by_topic.len(), 4);
}
