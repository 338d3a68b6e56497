//! The evidence behind one figure of the school report: which teachers and which sessions
//! make it (Reports tab, Enter on a cell). Each list reads the same rows as the figure.

use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// Which figure's evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Teachers sent, per project starting in the period, with the school's places there.
    Sent,
    /// Marks of the period per session: attended over all.
    Attendance,
    /// Veto-causing marks of the period: teacher, date, project, status.
    Vetoes,
    /// Follow-ups due in the period: teacher, kind, due date, status.
    FollowUps,
    /// The school's teachers who have met the cycle's credits (the period is the cycle).
    CreditsMet,
    /// The school's teachers behind, or short once the cycle has ended (the period is the
    /// cycle).
    CreditsBehind,
}

/// One line of evidence: its cells (codes are decoded by the screen).
pub type EvidenceRow = Vec<String>;

/// The evidence of `figure` for `school_id` over `from..=to`.
pub fn evidence(
    conn: &Connection,
    figure: Figure,
    school_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<EvidenceRow>> {
    let (f, t) = (from.to_string(), to.to_string());
    let sql = match figure {
        Figure::Sent => {
            "SELECT p.code, p.start_date, t.name, t.staff_no,
                    coalesce((SELECT CAST(a.places AS TEXT) FROM school_allotments a
                              WHERE a.project_id = p.id AND a.school_id = ?1), '—')
             FROM projects p JOIN enrolments e ON e.project_id = p.id AND e.school_id = ?1
             JOIN teachers t ON t.id = e.teacher_id
             WHERE p.start_date BETWEEN ?2 AND ?3
             ORDER BY p.start_date, p.code, t.name"
        }
        Figure::Attendance => {
            "SELECT s.date, s.start_time, p.code,
                    CAST(sum(m.attended) AS TEXT) || '/' || CAST(count(*) AS TEXT), ''
             FROM marks m JOIN sessions s ON s.id = m.session_id
             JOIN projects p ON p.id = s.project_id
             WHERE m.school_id = ?1 AND m.session_date BETWEEN ?2 AND ?3
             GROUP BY s.id ORDER BY s.date, s.start_time, p.code"
        }
        Figure::Vetoes => {
            "SELECT t.name, t.staff_no, m.session_date, p.code, m.status
             FROM marks m JOIN teachers t ON t.id = m.teacher_id
             JOIN sessions s ON s.id = m.session_id JOIN projects p ON p.id = s.project_id
             WHERE m.school_id = ?1 AND m.session_date BETWEEN ?2 AND ?3 AND m.causes_veto
             ORDER BY t.name, m.session_date"
        }
        Figure::FollowUps => {
            "SELECT t.name, t.staff_no, f.due_date, f.kind, f.status
             FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
             WHERE t.school_id = ?1 AND f.due_date BETWEEN ?2 AND ?3
             ORDER BY f.due_date, t.name"
        }
        // Every teacher of the school (as the report counts them) with the recognised credits
        // earned in the cycle, total and concentrated; the standing is judged by the caller
        // (`CreditStanding::compliance`), which keeps those of the figure.
        Figure::CreditsMet | Figure::CreditsBehind => {
            "SELECT t.name, t.staff_no,
                    printf('%g', coalesce(sum(c.credits), 0)),
                    printf('%g', coalesce(sum(CASE WHEN c.concentrated THEN c.credits ELSE 0 END), 0)),
                    ''
             FROM teachers t
             LEFT JOIN credit_entries c ON c.teacher_id = t.id AND c.status = 'recognised'
                  AND c.earned_on BETWEEN ?2 AND ?3
             WHERE t.school_id = ?1
             GROUP BY t.id ORDER BY t.name, t.staff_no"
        }
    };
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(params![school_id, f, t], |r| {
        (0..5).map(|i| r.get::<_, String>(i)).collect()
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
