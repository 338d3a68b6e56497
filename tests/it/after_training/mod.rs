//! The rest of issue 12 at the screens: feedback at the desk after check-out, the credit
//! registration form, Starlight assessments. Rendered into TestBackend at 80×24, zh and en.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use std::path::{Path, PathBuf};

mod credit_form;
mod desk_feedback;

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
