//! Trainees' feedback: who may give it, a project's summary, the questionnaire import.

mod beside_a_desk;
mod fixtures;
mod giving;
mod import;
mod palette;
mod view;

use crate::common::district::{at, insert_teachers, two_schools};
use liaoyuan::store::{Db, Stamp};
use std::path::{Path, PathBuf};

/// Project P1 "课堂观察" (2026-03-02 and 03, trainer 王老师 on both) with five trainees
/// T1 张伟, T2 李娜, T3 王芳, T4 刘洋 (present at both sessions) and T5 赵磊 (absent at
/// both; at session 2 on leave). Session ids 1 and 2; teacher ids 1–5.
pub fn district(dir: &Path) -> (PathBuf, Db) {
    let (path, db) = two_schools(dir, "feedback.db");
    insert_teachers(
        &db.conn,
        &[
            (1, "T1", "张伟", 1),
            (2, "T2", "李娜", 1),
            (3, "T3", "王芳", 2),
            (4, "T4", "刘洋", 2),
            (5, "T5", "赵磊", 1),
        ],
    );
    db.conn
        .execute_batch(
            "INSERT INTO trainers (id, name, status) VALUES (1, '王老师', 'certified');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date) VALUES
               (1, 'P1', '课堂观察', 'district', 'starlight', '2026-03-02', '2026-03-03');
             INSERT INTO sessions (id, project_id, date, start_time, end_time, trainer_id) VALUES
               (1, 1, '2026-03-02', '09:00', '11:30', 1), (2, 1, '2026-03-03', '09:00', '11:30', 1);
             INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
               SELECT 1, id, school_id, '2026-02-20 09:00:00' FROM teachers;
             INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at)
               SELECT s.id, t.id, t.school_id, s.date,
                      CASE WHEN t.id < 5 THEN 'present' WHEN s.id = 1 THEN 'absent' ELSE 'excused' END,
                      CASE WHEN t.id = 5 AND s.id = 2 THEN '病假' ELSE '' END, s.date || ' 09:00:00'
               FROM sessions s, teachers t;",
        )
        .unwrap();
    (path, db)
}

pub fn stamp() -> Stamp {
    Stamp::new(at("2026-03-03 12:00"), "tester")
}
