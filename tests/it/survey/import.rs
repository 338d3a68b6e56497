//! `import survey`: a 问卷星-style export with a title row, multi-choice topics and a column
//! no role is found for; a row that matches no teacher refuses the whole file.

use super::fixtures::fixture;
use super::{district, stamp};
use liaoyuan::error::Error;
use liaoyuan::ops::survey_import::{import_survey, SurveyImport};

fn one(db: &liaoyuan::store::Db, sql: &str) -> String {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_export_imports_from_gbk_csv_and_xlsx_with_its_title_topics_and_ignored_column() {
    for file in ["survey_wjx.csv", "survey_wjx.xlsx"] {
        let dir = tempfile::tempdir().unwrap();
        let (_path, mut db) = district(dir.path());
        let report =
            import_survey(&mut db, &stamp(), &fixture(file), &SurveyImport::default()).unwrap();
        assert_eq!(
            report.survey, "2027年春季学期教师培训需求调研（训前调研）",
            "{file}"
        );
        assert_eq!((report.added, report.replaced), (4, 0), "{file}");
        assert_eq!(report.ignored, ["8、您的教龄"], "{file}");
        assert_eq!(
            one(
                &db,
                "SELECT group_concat(topic, '|') FROM (SELECT topic FROM survey_topics t
                   JOIN survey_responses r ON r.id = t.response_id WHERE r.teacher_id = 4
                   ORDER BY topic)"
            ),
            "AI 助教|大单元教学",
            "{file}"
        );
        assert_eq!(
            one(
                &db,
                "SELECT subject || ' ' || stage || ' ' || form || ' ' || submitted_at
                 FROM survey_responses WHERE teacher_id = 3"
            ),
            "数学 junior workshop 2026-12-01 10:11:02",
            "{file}"
        );
        assert_eq!(
            one(&db, "SELECT held_on || ' ' || source_file FROM surveys"),
            format!("2026-12-02 {file}")
        );
    }
}

#[test]
fn importing_the_same_export_again_replaces_each_teacher_s_answer_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let opts = SurveyImport::default();
    import_survey(&mut db, &stamp(), &fixture("survey_wjx.csv"), &opts).unwrap();
    let again = import_survey(&mut db, &stamp(), &fixture("survey_wjx.xlsx"), &opts).unwrap();
    assert_eq!((again.added, again.replaced), (0, 4));
    assert_eq!(
        one(
            &db,
            "SELECT (SELECT count(*) FROM surveys) || ' ' || (SELECT count(*) FROM survey_responses)
                    || ' ' || (SELECT count(*) FROM survey_topics)"
        ),
        "1 4 9"
    );
    // Under another title it is another survey.
    let other = SurveyImport {
        title: Some("2027秋季调研".into()),
        ..SurveyImport::default()
    };
    let r = import_survey(&mut db, &stamp(), &fixture("survey_wjx.csv"), &other).unwrap();
    assert_eq!((r.survey.as_str(), r.added), ("2027秋季调研", 4));
}

#[test]
fn a_row_matching_no_teacher_and_an_unknown_form_are_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let file = dir.path().join("answers.csv");
    std::fs::write(
        &file,
        "训前调研\n\
         序号,提交答卷时间,工号,姓名,学校,希望的培训主题,培训形式\n\
         1,2026/12/1 09:05:11,T1,张伟,实验小学,作业设计┋课堂评价,线上\n\
         2,2026/12/1 09:06:00,T9,钱七,实验小学,作业设计,线上\n\
         3,2026/12/1 09:07:00,,孙八,柏梓中学,课堂评价,线下\n\
         4,2026/12/1 09:08:00,T2,李娜,实验小学,课堂评价,讲座\n",
    )
    .unwrap();
    let err = import_survey(&mut db, &stamp(), &file, &SurveyImport::default()).unwrap_err();
    let Error::Rows(rows) = &err else {
        panic!("{err}")
    };
    let zh: Vec<&str> = rows.iter().map(|r| r.zh.as_str()).collect();
    assert_eq!(
        zh,
        [
            "line 4: 工号: 工号 T9 不是已有教师",
            "line 5: 姓名: 柏梓中学 没有名为 孙八 的教师",
            "line 6: 培训形式: “讲座”不是培训形式（send_teaching/送教下乡, shadowing/名校跟岗, workshop/工作坊研修, online/线上, offline/线下, blended/混合）",
        ]
    );
    assert!(rows[1]
        .en
        .starts_with("line 5: 姓名: no teacher called 孙八 at 柏梓中学"));
    assert_eq!(
        one(
            &db,
            "SELECT ((SELECT count(*) FROM surveys) + (SELECT count(*) FROM survey_responses))
                    || ''"
        ),
        "0"
    );
}

#[test]
fn a_dry_run_counts_new_and_replaced_answers_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let dry = SurveyImport {
        dry_run: true,
        ..SurveyImport::default()
    };
    let r = import_survey(&mut db, &stamp(), &fixture("survey_wjx.csv"), &dry).unwrap();
    assert_eq!((r.added, r.replaced, r.dry_run), (4, 0, true));
    assert_eq!(one(&db, "SELECT count(*) || '' FROM surveys"), "0");
    import_survey(
        &mut db,
        &stamp(),
        &fixture("survey_wjx.csv"),
        &SurveyImport::default(),
    )
    .unwrap();
    let r = import_survey(&mut db, &stamp(), &fixture("survey_wjx.xlsx"), &dry).unwrap();
    assert_eq!((r.added, r.replaced), (0, 4));
    assert!(r.summary().en.contains("dry run, nothing written"));
}

#[test]
fn a_question_mapped_with_map_is_remembered_for_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let file = dir.path().join("answers.csv");
    std::fs::write(
        &file,
        "序号,提交答卷时间,工号,您最想提升的能力\n1,2026/12/1 09:05:11,T1,作业设计┋课堂评价\n",
    )
    .unwrap();
    let err = import_survey(&mut db, &stamp(), &file, &SurveyImport::default()).unwrap_err();
    assert!(
        err.message().en.contains("--map 'question=topics'"),
        "{err}"
    );
    let bad = SurveyImport {
        map: vec!["您最想提升的能力=content".into()],
        ..SurveyImport::default()
    };
    let err = import_survey(&mut db, &stamp(), &file, &bad).unwrap_err();
    assert!(err.message().en.contains("topics, form, ignore"), "{err}");
    let mapped = SurveyImport {
        map: vec!["您最想提升的能力=topics".into()],
        ..SurveyImport::default()
    };
    import_survey(&mut db, &stamp(), &file, &mapped).unwrap();
    let again = import_survey(&mut db, &stamp(), &file, &SurveyImport::default()).unwrap();
    assert_eq!((again.survey.as_str(), again.replaced), ("answers", 1));
}
