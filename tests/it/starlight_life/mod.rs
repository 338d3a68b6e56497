//! The Starlight corps's life cycle (docs/rules.md §4.8): selection from the Teachers tab,
//! exit hiding a trainer from the pickers while keeping the history, delivery counting only
//! sessions held, the double booking refused from the trainer's pane path, the pane with the
//! term load at 80×24 in both languages, and writes beside a second process.

use crate::common;

mod demo;
mod export;
mod import_booking;
mod pane;
mod second_process;
mod writes;

use common::district::{at, insert_teachers, two_schools};
use liaoyuan::store::Stamp;
use std::path::{Path, PathBuf};

/// "Now" of these tests: a Saturday morning of the autumn term 2026.
pub const NOW: &str = "2026-11-28 09:10";

pub fn stamp() -> Stamp {
    Stamp::new(at(NOW), "tester")
}

/// Teachers 张伟 (T0001) and 李娜 (T0002); trainers 陈思远 (1, certified, a teacher-less
/// expert) and 程思雨 (2, training); project P1 (Nov 2026 – Mar 2027) with 陈思远 teaching
/// 2 sessions held (2 and 3 Nov 08:30–11:30), one this afternoon (14:00–17:00) and two in
/// 2027, and one (9) held in the spring term, 10 March 08:30–10:00; session 6 on 30 Nov
/// 08:30–11:30 has no trainer yet.
pub fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "starlight.db");
    insert_teachers(
        &db.conn,
        &[(1, "T0001", "张伟", 1), (2, "T0002", "李娜", 2)],
    );
    db.conn
        .execute_batch(
            "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
               VALUES (1, 'P1', '星光讲师研修', 'district', 'starlight', 1, 24, '2026-11-01', '2027-03-31');
             INSERT INTO trainers (id, name, affiliation, status, teach) VALUES
               (1, '陈思远', '进修学校', 'certified', 3),
               (2, '程思雨', '柏梓中学', 'training', 1);
             INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, trainer_id, venue) VALUES
               (1, 1, '2026-11-02', '08:30', '11:30', '课堂观察', 1, '报告厅'),
               (2, 1, '2026-11-03', '08:30', '11:30', '说课评课', 1, '报告厅'),
               (3, 1, '2026-11-28', '14:00', '17:00', '教学设计', 1, '报告厅'),
               (4, 1, '2027-03-01', '08:30', '11:30', '课题研究', 1, '报告厅'),
               (5, 1, '2027-03-02', '08:30', '11:30', '成果提炼', 1, '报告厅'),
               (6, 1, '2026-11-30', '08:30', '11:30', '班级管理', NULL, '二楼教室'),
               (9, 1, '2026-03-10', '08:30', '10:00', '春季示范课', 1, '实验小学');",
        )
        .unwrap();
    path
}
