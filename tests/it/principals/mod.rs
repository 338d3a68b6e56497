//! The principals' track and training metadata: roles imported with teachers, `export
//! principals` and `export plans` through the real binary, a role set while another process
//! imports roles, and the TUI's Principals list and project form.

mod cli;
mod import;
mod tui;

use crate::common::district::{insert_teachers, two_schools};
use liaoyuan::store::Db;
use std::path::{Path, PathBuf};

/// A district file: 张伟 校长 since 2025-09-01 (qualified), 李娜 园长 since 2025-09-02 (not),
/// 王芳 with no role; projects with hours, forms and budgets, and completions.
pub fn district(dir: &Path) -> (PathBuf, Db) {
    let (path, db) = two_schools(dir, "principals.db");
    insert_teachers(
        &db.conn,
        &[
            (1, "T1", "张伟", 1),
            (2, "T2", "李娜", 2),
            (3, "T3", "王芳", 1),
        ],
    );
    db.conn
        .execute_batch(
            "UPDATE teachers SET role = 'principal', role_since = '2025-09-01' WHERE id = 1;
             UPDATE teachers SET role = 'kindergarten_head', role_since = '2025-09-02' WHERE id = 2;
             INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date, hours, form, budget_planned, budget_spent, qualification) VALUES
               (1, 'Q2025', '新任校长任职资格培训', 'municipal', 'principal_leadership', 10, '2025-10-01', '2025-12-20', 120, 'blended', 50000, 48000, 1),
               (2, 'P2026', '校长高级研修班', 'district', 'principal_leadership', 4, '2026-03-01', '2026-03-10', 40, 'shadowing', 20000, 15000, 0),
               (3, 'S2026', '星光讲师送教下乡', 'district', 'starlight', 2, '2026-04-01', '2026-04-02', 16, 'send_teaching', 8000, 7600, 0);
             INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
               (1, 1, 1, 'x'), (2, 1, 1, 'x'), (2, 2, 2, 'x'), (3, 3, 1, 'x');
             INSERT INTO credit_entries (teacher_id, project_id, credits, earned_on, source) VALUES
               (1, 1, 10, '2025-12-20', 'project'), (1, 2, 4, '2026-03-10', 'project'),
               (2, 2, 4, '2026-03-10', 'project');",
        )
        .unwrap();
    (path, db)
}
