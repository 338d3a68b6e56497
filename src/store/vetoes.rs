//! The one-vote veto (§4.2) read from marks: never stored, always derived.
//! Queries read the `marks_school_date` index school by school (CROSS JOIN
//! keeps schools as the outer loop, so a year is a range per school, not a
//! scan of every mark).

use super::teacher_marks::{teacher_mark_from_row, TeacherMark, TEACHER_MARK_COLUMNS};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// A teacher with a veto, and the marks that cause it.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoedTeacher {
    pub teacher_id: i64,
    pub staff_no: String,
    pub name: String,
    /// The school the marks were recorded under.
    pub school_id: i64,
    pub school: String,
    /// Veto-causing marks, oldest first.
    pub evidence: Vec<TeacherMark>,
}

/// One school's vetoed teachers.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolVetoes {
    pub school_id: i64,
    pub school: String,
    pub teachers: Vec<VetoedTeacher>,
}

/// Teachers with veto-causing marks (late, left early, absent, in a project in veto scope) dated
/// `from..=to` (a veto year: see `domain::veto::veto_year_range`), grouped by
/// the marks' school, schools and teachers by name.
pub fn vetoes_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SchoolVetoes>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {TEACHER_MARK_COLUMNS}, t.id, t.staff_no, t.name, sc.id, sc.name
         FROM schools sc
         CROSS JOIN marks m ON m.school_id = sc.id
              AND m.session_date BETWEEN ?1 AND ?2
              AND m.causes_veto
         JOIN teachers t ON t.id = m.teacher_id
         JOIN sessions s ON s.id = m.session_id
         JOIN projects p ON p.id = s.project_id
         ORDER BY sc.name, sc.id, t.name, t.staff_no, m.session_date, s.start_time, m.id"
    ))?;
    let rows = st.query_map(
        params![
            from.format(crate::domain::DATE_FMT).to_string(),
            to.format(crate::domain::DATE_FMT).to_string()
        ],
        |r| {
            Ok((
                teacher_mark_from_row(r)?,
                r.get::<_, i64>(10)?,
                r.get::<_, String>(11)?,
                r.get::<_, String>(12)?,
                r.get::<_, i64>(13)?,
                r.get::<_, String>(14)?,
            ))
        },
    )?;
    let mut out: Vec<SchoolVetoes> = Vec::new();
    for row in rows {
        let (mark, teacher_id, staff_no, name, school_id, school) = row?;
        if out.last().is_none_or(|s| s.school_id != school_id) {
            out.push(SchoolVetoes {
                school_id,
                school: school.clone(),
                teachers: Vec::new(),
            });
        }
        let Some(group) = out.last_mut() else {
            continue;
        };
        if group
            .teachers
            .last()
            .is_none_or(|t| t.teacher_id != teacher_id)
        {
            group.teachers.push(VetoedTeacher {
                teacher_id,
                staff_no,
                name,
                school_id,
                school,
                evidence: Vec::new(),
            });
        }
        if let Some(t) = group.teachers.last_mut() {
            t.evidence.push(mark);
        }
    }
    Ok(out)
}

/// A teacher's veto-causing marks (in veto scope) dated `from..=to`, oldest first.
pub fn veto_evidence_of_teacher(
    conn: &Connection,
    teacher_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TeacherMark>> {
    Ok(
        super::marks::teacher_marks_between(conn, teacher_id, from, to)?
            .into_iter()
            .filter(TeacherMark::causes_veto)
            .collect(),
    )
}
