//! Places allotted per project and school (名额分配): enrolment limits, the grid's save,
//! `import allotments`, the grid on screen.

mod cli;
mod enforcement;
mod import;
mod tui;

use liaoyuan::store::{Db, OpenMode, Stamp};

pub(crate) fn stamp() -> Stamp {
    Stamp::new(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        "tester",
    )
}

/// Two schools (1 实验小学 with teachers 1–4, 2 第二中学 with teachers 5–6) and
/// project 1 (P1, capacity 5) with 2 places for school 1 and none for school 2.
pub(crate) fn fixture() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
             INSERT INTO teachers (id, staff_no, name, school_id) VALUES
               (1, 'T001', '张伟', 1), (2, 'T002', '李娜', 1), (3, 'T003', '王芳', 1),
               (4, 'T004', '刘洋', 1), (5, 'T005', '陈静', 2), (6, 'T006', '杨光', 2);
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date, capacity)
               VALUES (1, 'P1', '新课标解读', 'district', 'continuing_education', '2026-03-02', '2026-03-06', 5);
             INSERT INTO school_allotments (project_id, school_id, places) VALUES (1, 1, 2);",
        )
        .unwrap();
    (dir, db)
}

pub(crate) fn enrolled(db: &Db) -> i64 {
    db.conn
        .query_row(
            "SELECT count(*) FROM enrolments WHERE project_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}
