//! Enrolments (报名): a teacher in a project, sent by a school.

use super::sessions::fmt_datetime;
use crate::domain::TeacherStatus;
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

/// An enrolled teacher as the desk and the project screen show them.
#[derive(Debug, Clone, PartialEq)]
pub struct EnrolledTeacher {
    pub teacher_id: i64,
    pub staff_no: String,
    pub name: String,
    /// The sending school at enrolment.
    pub school_id: i64,
    pub school: String,
    pub walk_in: bool,
}

/// The few facts about a teacher that check-in messages and marks need.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherBrief {
    pub id: i64,
    pub staff_no: String,
    pub name: String,
    pub school_id: i64,
    pub school: String,
    pub status: TeacherStatus,
}

/// A teacher's id, staff number, name, current school and employment status.
pub fn teacher_brief(conn: &Connection, teacher_id: i64) -> Result<Option<TeacherBrief>> {
    Ok(conn
        .prepare_cached(
            "SELECT t.id, t.staff_no, t.name, t.school_id, s.name, t.status
             FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?1",
        )?
        .query_row([teacher_id], |r| {
            Ok(TeacherBrief {
                id: r.get(0)?,
                staff_no: r.get(1)?,
                name: r.get(2)?,
                school_id: r.get(3)?,
                school: r.get(4)?,
                status: Stored::new("teachers", 0).code(r, 5, TeacherStatus::parse)?,
            })
        })
        .optional()?)
}

/// The teacher with this staff number, in any case (the schema keeps one
/// teacher per staff number whatever its case; a NOCASE index answers).
pub fn teacher_id_by_staff_no(conn: &Connection, staff_no: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM teachers WHERE staff_no = ?1 COLLATE NOCASE")?
        .query_row([crate::domain::canonical_staff_no(staff_no)], |r| r.get(0))
        .optional()?)
}

/// Enrols a teacher unless already enrolled (the school is the teacher's
/// current one). Returns true when a new enrolment was written.
pub fn enrol(
    conn: &Connection,
    project_id: i64,
    teacher_id: i64,
    at: NaiveDateTime,
    walk_in: bool,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at, walk_in)
             SELECT ?1, t.id, t.school_id, ?3, ?4 FROM teachers t WHERE t.id = ?2
             ON CONFLICT(project_id, teacher_id) DO NOTHING",
        )?
        .execute(params![
            project_id,
            teacher_id,
            fmt_datetime(at),
            walk_in as i64
        ])?;
    Ok(n > 0)
}

/// The id of a teacher's enrolment in a project, if enrolled.
pub fn enrolment_id(conn: &Connection, project_id: i64, teacher_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM enrolments WHERE project_id = ?1 AND teacher_id = ?2")?
        .query_row(params![project_id, teacher_id], |r| r.get(0))
        .optional()?)
}

/// The school that sent a teacher to a project (recorded at enrolment), if enrolled.
pub fn sending_school(conn: &Connection, project_id: i64, teacher_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT school_id FROM enrolments WHERE project_id = ?1 AND teacher_id = ?2",
        )?
        .query_row(params![project_id, teacher_id], |r| r.get(0))
        .optional()?)
}

/// Is a teacher enrolled in a project?
pub fn is_enrolled(conn: &Connection, project_id: i64, teacher_id: i64) -> Result<bool> {
    Ok(enrolment_id(conn, project_id, teacher_id)?.is_some())
}

/// Ids of the teachers enrolled in a project.
pub fn enrolled_teacher_ids(conn: &Connection, project_id: i64) -> Result<Vec<i64>> {
    let mut st =
        conn.prepare_cached("SELECT teacher_id FROM enrolments WHERE project_id = ?1 ORDER BY id")?;
    let rows = st.query_map([project_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The teachers enrolled in a project, by school then name.
pub fn enrolled_teachers(conn: &Connection, project_id: i64) -> Result<Vec<EnrolledTeacher>> {
    let mut st = conn.prepare_cached(
        "SELECT t.id, t.staff_no, t.name, e.school_id, s.name, e.walk_in
         FROM enrolments e JOIN teachers t ON t.id = e.teacher_id
         JOIN schools s ON s.id = e.school_id
         WHERE e.project_id = ?1 ORDER BY s.name, t.name, t.staff_no",
    )?;
    let rows = st.query_map([project_id], |r| {
        Ok(EnrolledTeacher {
            teacher_id: r.get(0)?,
            staff_no: r.get(1)?,
            name: r.get(2)?,
            school_id: r.get(3)?,
            school: r.get(4)?,
            walk_in: r.get::<_, i64>(5)? != 0,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Number of teachers enrolled in a project.
pub fn enrolment_count(conn: &Connection, project_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM enrolments WHERE project_id = ?1")?
        .query_row([project_id], |r| r.get(0))?)
}

/// The teachers in service (active) at a school, by id: those a whole-school enrolment takes.
pub fn teacher_ids_of_school(conn: &Connection, school_id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT id FROM teachers WHERE school_id = ?1 AND status = 'active' ORDER BY id",
    )?;
    let rows = st.query_map([school_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
