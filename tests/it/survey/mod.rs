//! Needs surveys (训前调研): the questionnaire import, the summary, the draft project made
//! from a topic, the Reports view, and the import beside another writer.

mod beside_a_writer;
mod draft;
mod export;
mod fixtures;
mod import;
mod palette;
mod summary;
mod view;

use crate::common::district::{at, insert_teachers, two_schools};
use liaoyuan::store::{Db, Stamp};
use std::path::{Path, PathBuf};

/// Two schools and five teachers in service: T1 张伟 and T2 李娜 (实验小学, primary), T3 王芳,
/// T4 刘洋 and T5 赵磊 (柏梓中学, junior); T1, T3, T4 teach 数学, T2 语文, T5 英语.
pub fn district(dir: &Path) -> (PathBuf, Db) {
    let (path, db) = two_schools(dir, "survey.db");
    insert_teachers(
        &db.conn,
        &[
            (1, "T1", "张伟", 1),
            (2, "T2", "李娜", 1),
            (3, "T3", "王芳", 2),
            (4, "T4", "刘洋", 2),
            (5, "T5", "赵磊", 2),
        ],
    );
    db.conn
        .execute_batch(
            "UPDATE teachers SET subject = CASE id WHEN 2 THEN '语文' WHEN 5 THEN '英语' ELSE '数学' END;",
        )
        .unwrap();
    (path, db)
}

pub fn stamp() -> Stamp {
    Stamp::new(at("2026-12-03 12:00"), "tester")
}

/// The needs-survey fixture (GBK CSV, or its XLSX twin) imported into `db`.
pub fn imported(db: &mut Db, file: &str) {
    use liaoyuan::ops::survey_import::{import_survey, SurveyImport};
    import_survey(
        db,
        &stamp(),
        &fixtures::fixture(file),
        &SurveyImport::default(),
    )
    .unwrap();
}
