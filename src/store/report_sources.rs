//! The school report's parts read from the source tables, for periods the kept counts do
//! not cover (not whole months, or distinct teachers over more than twelve months) and for
//! credit cycles that cannot be registered (a read-only file). Slow at city scale (0.1–0.2 s
//! a part over 2,000,000 marks); `reports.rs` uses the kept counts whenever it can.

use crate::domain::credits::{Compliance, Cycle};
use crate::domain::{Settings, DATE_FMT};
use crate::error::Result;
use crate::store::cycle_credits;
use crate::store::reports::Lines;
use chrono::NaiveDate;
use rusqlite::Connection;

/// Marks by status (and how many count as attended) and vetoed teachers over days `f..=t`
/// from the marks.
pub(crate) fn attendance(conn: &Connection, lines: &mut Lines, f: &str, t: &str) -> Result<()> {
    lines.each(
        conn,
        "SELECT s.id, m.status, count(*), sum(m.attended) FROM schools s
         JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
         GROUP BY s.id, m.status",
        [f, t],
        |line, r| {
            line.marks
                .add(crate::store::marks::status_col(r, 1)?, r.get(2)?);
            line.attended += r.get::<_, i64>(3)?;
            Ok(())
        },
    )?;
    lines.each(
        conn,
        "SELECT s.id, count(DISTINCT m.teacher_id) FROM schools s
         JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
              AND m.causes_veto
         GROUP BY s.id",
        [f, t],
        |line, r| {
            line.vetoed_teachers = r.get(1)?;
            Ok(())
        },
    )
}

/// Vetoed teachers over months "YYYY-MM" `first..=last` from the monthly veto rows.
pub(crate) fn vetoes_by_month(
    conn: &Connection,
    lines: &mut Lines,
    first: &str,
    last: &str,
) -> Result<()> {
    lines.each(
        conn,
        "SELECT s.id, count(DISTINCT v.teacher_id) FROM schools s
         JOIN school_month_vetoes v ON v.school_id = s.id AND v.month BETWEEN ?1 AND ?2
              AND v.marks > 0
         GROUP BY s.id",
        [first, last],
        |line, r| {
            line.vetoed_teachers = r.get(1)?;
            Ok(())
        },
    )
}

/// Distinct teachers enrolled in projects starting in `f..=t`.
pub(crate) fn sent(conn: &Connection, lines: &mut Lines, f: &str, t: &str) -> Result<()> {
    lines.each(
        conn,
        "SELECT e.school_id, count(DISTINCT e.teacher_id) FROM projects p
         JOIN enrolments e ON e.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY e.school_id",
        [f, t],
        |line, r| {
            line.teachers_sent = r.get(1)?;
            Ok(())
        },
    )
}

/// Places allotted in projects starting in `f..=t`.
pub(crate) fn places(conn: &Connection, lines: &mut Lines, f: &str, t: &str) -> Result<()> {
    lines.each(
        conn,
        "SELECT a.school_id, sum(a.places) FROM projects p
         JOIN school_allotments a ON a.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY a.school_id",
        [f, t],
        |line, r| {
            line.places_allotted = r.get(1)?;
            Ok(())
        },
    )
}

/// Follow-ups due in `f..=t`, by the teacher's current school.
pub(crate) fn follow_ups(conn: &Connection, lines: &mut Lines, f: &str, t: &str) -> Result<()> {
    lines.each(
        conn,
        "SELECT t.school_id, count(*), sum(f.status IN ('done', 'evaluated'))
         FROM follow_ups f NOT INDEXED
         JOIN teachers t ON t.id = f.teacher_id
         WHERE f.due_date BETWEEN ?1 AND ?2
         GROUP BY t.school_id",
        [f, t],
        |line, r| {
            line.follow_ups_due = r.get(1)?;
            line.follow_ups_done = r.get::<_, Option<i64>>(2)?.unwrap_or(0);
            Ok(())
        },
    )
}

fn day(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

/// Credit standing from the ledger, summed per teacher in one scan; the lines already count
/// every teacher with the standing `zero` of an empty ledger.
pub(crate) fn credit_pace(
    conn: &Connection,
    lines: &mut Lines,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
    zero: Compliance,
) -> Result<()> {
    let nothing = cycle_credits::nothing(settings);
    lines.each(
        conn,
        "SELECT t.school_id, x.total, x.concentrated
         FROM (SELECT teacher_id, sum(credits) AS total,
                      sum(CASE WHEN concentrated THEN credits ELSE 0 END) AS concentrated
               FROM credit_entries NOT INDEXED
               WHERE earned_on BETWEEN ?1 AND ?2 AND status = 'recognised'
               GROUP BY teacher_id) x
         JOIN teachers t ON t.id = x.teacher_id",
        [day(cycle.start()), day(cycle.end())],
        |line, r| {
            let standing = crate::domain::credits::CreditStanding {
                total: r.get::<_, Option<f64>>(1)?.unwrap_or(0.0),
                concentrated: r.get::<_, Option<f64>>(2)?.unwrap_or(0.0),
                ..nothing
            };
            super::reports::count_standing(line, zero, -1);
            super::reports::count_standing(line, standing.compliance(cycle, today), 1);
            Ok(())
        },
    )
}
