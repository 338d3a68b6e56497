//! A draft project made from a topic of the summary: named after the topic, for the audience
//! that asked for it, sized by how many asked, in the form most of them preferred; one
//! transaction with its audit entry; the same draft twice is refused.

use super::{district, imported, stamp};
use liaoyuan::domain::principals::TrainingForm;
use liaoyuan::domain::Stage;
use liaoyuan::ops::survey_draft::draft_project;
use liaoyuan::store::projects::get_project;
use liaoyuan::store::survey_drafts::draft_of;
use liaoyuan::store::surveys::{surveys, SurveyFilter};

#[test]
fn a_draft_gets_the_topic_the_askers_subject_their_number_and_their_preferred_form() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    imported(&mut db, "survey_wjx.csv");
    let survey = surveys(&db.conn).unwrap()[0].id;
    // 大单元教学: T1 数学·小学 (workshop), T2 语文·小学 (online), T4 数学·初中 (blended).
    // Two of three teach 数学: the audience is 数学, any stage (one 小学, one 初中); the two
    // are split between workshop and blended: workshop comes first.
    let id = draft_project(
        &mut db,
        &stamp(),
        survey,
        "大单元教学",
        &SurveyFilter::default(),
    )
    .unwrap();
    let p = get_project(&db.conn, id).unwrap().unwrap();
    assert_eq!(p.title, "大单元教学专题培训");
    assert_eq!(p.capacity, Some(2));
    assert_eq!(p.meta.form, Some(TrainingForm::Workshop));
    assert_eq!(
        (p.start_date.to_string(), p.end_date.to_string()),
        ("2027-02-01".to_string(), "2027-07-31".to_string()),
        "the term after the survey"
    );
    let d = draft_of(&db.conn, id).unwrap().unwrap();
    assert_eq!(
        (d.topic.as_str(), d.subject.as_str(), d.stage, d.asked),
        ("大单元教学", "数学", None, 2)
    );
    let (sessions, audited): (i64, i64) = db
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM sessions WHERE project_id = ?1),
                    (SELECT count(*) FROM audit_log WHERE entity = 'project' AND entity_id = ?1
                       AND action = 'create' AND after LIKE '%大单元教学%')",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (sessions, audited),
        (0, 1),
        "a draft is a project without sessions"
    );

    // Filtered to 初中 the same topic is T4's alone: 数学·初中, one place, blended.
    let junior = SurveyFilter {
        subject: None,
        stage: Some(Stage::Junior),
    };
    let id2 = draft_project(&mut db, &stamp(), survey, "大单元教学", &junior).unwrap();
    let p2 = get_project(&db.conn, id2).unwrap().unwrap();
    assert_eq!(
        (p2.capacity, p2.meta.form),
        (Some(1), Some(TrainingForm::Blended))
    );
    assert_ne!(p2.code, p.code);
    let d2 = draft_of(&db.conn, id2).unwrap().unwrap();
    assert_eq!(
        (d2.subject.as_str(), d2.stage),
        ("数学", Some(Stage::Junior))
    );

    // The same draft again is refused, naming the first, and writes nothing.
    let projects = |db: &liaoyuan::store::Db| -> i64 {
        db.conn
            .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))
            .unwrap()
    };
    let before = projects(&db);
    let err = draft_project(&mut db, &stamp(), survey, "大单元教学", &junior).unwrap_err();
    assert!(err.message().zh.contains(&p2.code), "{}", err.message().zh);
    assert_eq!(projects(&db), before);
    // A topic nobody asked for (under the filter) is refused too.
    let err = draft_project(&mut db, &stamp(), survey, "信息技术融合", &junior).unwrap_err();
    assert!(err.message().en.contains("nobody"), "{}", err.message().en);
}
