//! Who may fill in a project's paper feedback form: the teachers who attended at least one of
//! its sessions, or of one session (`marks.attended`, docs/rules.md §4.8), with the answers
//! they already gave for it (a new answer replaces them).

use crate::error::Result;
use rusqlite::{params, Connection};

/// One teacher of the bulk feedback grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Attendee {
    pub teacher_id: i64,
    pub name: String,
    pub school: String,
    /// Their project-wide answers so far: content, trainer, organisation, comment.
    pub given: Option<([Option<u8>; 3], String)>,
}

fn rating(v: Option<i64>) -> Option<u8> {
    v.and_then(|r| u8::try_from(r).ok())
        .filter(|r| (1..=5).contains(r))
}

/// The teachers who attended a session of `project_id` (or session `session_id` of it), by
/// school and staff number, with their answers for the project (or that session).
pub fn attendees(
    conn: &Connection,
    project_id: i64,
    session_id: Option<i64>,
) -> Result<Vec<Attendee>> {
    let mut st = conn.prepare_cached(
        "SELECT t.id, t.name, ifnull(sc.name, ''), f.id, f.content, f.trainer, f.organisation,
                ifnull(f.comment, '')
         FROM teachers t
         LEFT JOIN schools sc ON sc.id = t.school_id
         LEFT JOIN feedback f ON f.project_id = ?1 AND ifnull(f.session_id, 0) = ifnull(?2, 0)
              AND f.teacher_id = t.id AND f.source <> 'legacy'
         WHERE t.id IN (SELECT m.teacher_id FROM marks m JOIN sessions s ON s.id = m.session_id
                        WHERE s.project_id = ?1 AND (?2 IS NULL OR s.id = ?2) AND m.attended)
         ORDER BY sc.name, t.staff_no, t.id",
    )?;
    let rows = st.query_map(params![project_id, session_id], |r| {
        let given: Option<i64> = r.get(3)?;
        let ratings = [rating(r.get(4)?), rating(r.get(5)?), rating(r.get(6)?)];
        Ok(Attendee {
            teacher_id: r.get(0)?,
            name: r.get(1)?,
            school: r.get(2)?,
            given: given.map(|_| (ratings, String::new())),
        })
        .and_then(|mut a| {
            if let Some((_, c)) = a.given.as_mut() {
                *c = r.get(7)?;
            }
            Ok(a)
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
