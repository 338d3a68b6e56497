//! A project's attendance matrix: its teachers × its sessions, each cell the teacher's mark
//! at that session (or none), with per-session and per-teacher totals by status.
//! Rows are the enrolled teachers plus anyone holding a mark in the project without an
//! enrolment (so no mark is ever hidden).

use super::{enrolments, marks, sessions};
use crate::domain::attendance::StatusCounts;
use crate::domain::{Session, Status};
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use rusqlite::Connection;
use std::collections::HashSet;

/// One teacher's line of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub teacher_id: i64,
    pub name: String,
    pub staff_no: String,
    pub school: String,
    /// One cell per session, in session order.
    pub cells: Vec<Option<Status>>,
    /// Pinyin of the name and the school (sort keys).
    name_key: String,
    school_key: String,
}

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixOrder {
    /// By school, then name (the sending school's record at a glance).
    #[default]
    School,
    /// By name (pinyin), then school.
    Name,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttendanceMatrix {
    /// The project's sessions in project order (session 1 first).
    pub sessions: Vec<Session>,
    pub rows: Vec<MatrixRow>,
}

impl AttendanceMatrix {
    /// Totals by status of session column `col`; `.1` is the number of teachers without a mark.
    pub fn session_totals(&self, col: usize) -> (StatusCounts, i64) {
        let mut c = StatusCounts::default();
        let mut none = 0;
        for r in &self.rows {
            match r.cells.get(col).copied().flatten() {
                Some(s) => c.add(s, 1),
                None => none += 1,
            }
        }
        (c, none)
    }

    /// Totals by status of teacher row `row`.
    pub fn teacher_totals(&self, row: usize) -> StatusCounts {
        let mut c = StatusCounts::default();
        if let Some(r) = self.rows.get(row) {
            for s in r.cells.iter().flatten() {
                c.add(*s, 1);
            }
        }
        c
    }

    /// Puts the rows in `order` (stable; staff number breaks ties).
    pub fn sort(&mut self, order: MatrixOrder) {
        match order {
            MatrixOrder::School => self.rows.sort_by(|a, b| {
                (&a.school_key, &a.school, &a.name_key, &a.staff_no).cmp(&(
                    &b.school_key,
                    &b.school,
                    &b.name_key,
                    &b.staff_no,
                ))
            }),
            MatrixOrder::Name => self.rows.sort_by(|a, b| {
                (&a.name_key, &a.name, &a.school_key, &a.staff_no).cmp(&(
                    &b.name_key,
                    &b.name,
                    &b.school_key,
                    &b.staff_no,
                ))
            }),
        }
    }
}

fn row(teacher_id: i64, name: String, staff_no: String, school: String, n: usize) -> MatrixRow {
    MatrixRow {
        name_key: pinyin_keys(&name).0,
        school_key: pinyin_keys(&school).0,
        teacher_id,
        name,
        staff_no,
        school,
        cells: vec![None; n],
    }
}

/// Loads the matrix of a project, rows in `order`.
pub fn load(conn: &Connection, project_id: i64, order: MatrixOrder) -> Result<AttendanceMatrix> {
    let sessions = sessions::sessions_of_project(conn, project_id)?;
    let n = sessions.len();
    let mut rows: Vec<MatrixRow> = enrolments::enrolled_teachers(conn, project_id)?
        .into_iter()
        .map(|t| row(t.teacher_id, t.name, t.staff_no, t.school, n))
        .collect();
    let statuses = marks::statuses_of_project(conn, project_id)?;
    let known: HashSet<i64> = rows.iter().map(|r| r.teacher_id).collect();
    let mut extra: Vec<i64> = statuses
        .keys()
        .map(|(_, t)| *t)
        .filter(|t| !known.contains(t))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    for tid in extra {
        if let Some(b) = enrolments::teacher_brief(conn, tid)? {
            rows.push(row(b.id, b.name, b.staff_no, b.school, n));
        }
    }
    let col_of: std::collections::HashMap<i64, usize> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let row_of: std::collections::HashMap<i64, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.teacher_id, i))
        .collect();
    for ((sid, tid), status) in statuses {
        if let (Some(&c), Some(&r)) = (col_of.get(&sid), row_of.get(&tid)) {
            rows[r].cells[c] = Some(status);
        }
    }
    let mut m = AttendanceMatrix { sessions, rows };
    m.sort(order);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    fn db() -> Db {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, township, stage) VALUES
                   (1, '柏梓中学', '', 'junior'), (2, '实验小学', '', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id) VALUES
                   (1, 'T1', '张伟', 2), (2, 'T2', '李娜', 2), (3, 'T3', '曾明', 1), (4, 'T4', '王芳', 1);
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date) VALUES
                   (1, 'P1', 'x', 'district', 'starlight', '2026-03-01', '2026-03-02');
                 INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
                   (10, 1, '2026-03-02', '08:30', '11:30'), (11, 1, '2026-03-01', '14:00', '17:00');
                 INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
                   (1, 1, 2, '2026-02-01'), (1, 2, 2, '2026-02-01'), (1, 3, 1, '2026-02-01');
                 INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at) VALUES
                   (11, 1, 2, '2026-03-01', 'late', '', '2026-03-01 14:10:00'),
                   (11, 2, 2, '2026-03-01', 'present', '', '2026-03-01 14:00:00'),
                   (10, 1, 2, '2026-03-02', 'present', '', '2026-03-02 08:30:00'),
                   (10, 4, 1, '2026-03-02', 'excused', '病假', '2026-03-02 08:00:00');",
            )
            .unwrap();
        db
    }

    #[test]
    fn cells_follow_session_order_and_marked_outsiders_are_rows() {
        let m = load(&db().conn, 1, MatrixOrder::Name).unwrap();
        assert_eq!(m.sessions[0].id, 11);
        let names: Vec<&str> = m.rows.iter().map(|r| r.name.as_str()).collect();
        // li, wang, zeng, zhang
        assert_eq!(names, ["李娜", "王芳", "曾明", "张伟"]);
        let zhang = &m.rows[3];
        assert_eq!(zhang.cells, vec![Some(Status::Late), Some(Status::Present)]);
        assert_eq!(m.rows[1].cells, vec![None, Some(Status::Excused)]);
    }

    #[test]
    fn totals_per_session_and_teacher() {
        let m = load(&db().conn, 1, MatrixOrder::School).unwrap();
        // 柏梓中学 (bai) before 实验小学 (shi).
        assert_eq!(m.rows[0].school, "柏梓中学");
        let (c, none) = m.session_totals(0);
        assert_eq!((c.present, c.late, none), (1, 1, 2));
        let (c, none) = m.session_totals(1);
        assert_eq!((c.present, c.excused, none), (1, 1, 2));
        let zhang = m.rows.iter().position(|r| r.name == "张伟").unwrap();
        let t = m.teacher_totals(zhang);
        assert_eq!((t.present, t.late, t.total()), (1, 1, 2));
        assert_eq!(m.teacher_totals(99).total(), 0);
    }
}
