//! The rest of issue 12 at the screens: feedback at the desk after check-out, the credit
//! registration form, Starlight assessments. Rendered into TestBackend at 80×24, zh and en.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use std::path::{Path, PathBuf};

mod assessments;
mod credit_form;
mod desk_feedback;
mod feedback_grid;

/// Four teachers enrolled in P1 (张伟 1, 李娜 2 at 实验小学; 王芳 3, 刘洋 4 at 柏梓中学);
/// today's session 1 runs 08:30–11:30.
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "after.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
           VALUES (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学');",
    )
    .unwrap();
    insert_teachers(
        c,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 2),
            (4, "T0004", "刘洋", 2),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-02-20'), (1, 2, 1, '2026-02-20'), (1, 3, 2, '2026-02-20'), (1, 4, 2, '2026-02-20');",
    )
    .unwrap();
    // Trainer 1 陈老师 (certified, 能教学 2) taught P2's session 2 on 20 November and
    // teaches today's session 1; trainees rated them 5 and 4.
    c.execute_batch(
        "INSERT INTO trainers (id, name, affiliation, status, teach, joined_on)
           VALUES (1, '陈老师', '区教师进修学校', 'certified', 2, '2024-09-01');
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (2, 'P2', '作业设计专题', 'district', 'continuing_education', 0, 6, '2026-11-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, trainer_id)
           VALUES (2, 2, '2026-11-20', '14:00', '17:00', '作业设计', 1);
         UPDATE sessions SET trainer_id = 1 WHERE id = 1;
         INSERT INTO feedback (project_id, session_id, trainer_id, trainer, submitted_at, source)
           VALUES (2, 2, 1, 5, '2026-11-20 17:00:00', 'legacy'), (2, 2, 1, 4, '2026-11-20 17:00:00', 'legacy');",
    )
    .unwrap();
    path
}

fn open(lang: Lang, now: &str) -> Ui {
    Ui::build(build_db, OpenMode::Existing, &dark(lang), at(now), (80, 24))
}

impl Ui {
    /// The last line of the screen (the status bar, where toasts show).
    fn bottom_line(&mut self) -> String {
        let text = self.text();
        text.lines().last().unwrap_or("").to_string()
    }

    /// The first column of the first row of `sql` as text (None when NULL or no row).
    fn count_text(&self, sql: &str) -> Option<String> {
        let db = liaoyuan::store::Db::open(&self.path, OpenMode::ReadOnly).unwrap();
        db.conn
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .ok()
            .flatten()
    }
}
