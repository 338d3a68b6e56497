//! The school report's derived counts (schema.sql, "Derived counts") computed once after a
//! bulk load instead of row by row by their triggers: the load drops the triggers named in
//! `COUNT_TRIGGERS`, writes its rows, then `rebuild_report_counts` recomputes every count
//! from its source in a few grouped statements and the triggers are created again, all in
//! the load's one transaction. `liaoyuan check` (store/integrity.rs) recomputes the same
//! counts its own way and must agree.

use crate::error::Result;
use rusqlite::Connection;

/// The per-row counting triggers a bulk load drops (the marks triggers are dropped with
/// `drop_triggers(conn, "marks")` and their counts rebuilt by `rebuild_mark_counts`).
pub const COUNT_TRIGGERS: &[&str] = &[
    "teachers_count_insert",
    "allotments_count_insert",
    "follow_ups_count_insert",
    "enrolments_count_insert",
    "school_teacher_months_firsts_insert",
    "school_month_vetoes_firsts_insert",
];

/// Drops the `COUNT_TRIGGERS` the schema has and returns their SQL (for `recreate_triggers`).
pub fn drop_count_triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut dropped = Vec::new();
    for name in COUNT_TRIGGERS {
        dropped.extend(super::drop_trigger(conn, name)?);
    }
    Ok(dropped)
}

/// The month number (months since year 0) of a 'YYYY-MM…' text column, as schema.sql's
/// triggers compute it.
macro_rules! month_no {
    ($col:literal) => {
        concat!(
            "(CAST(substr(",
            $col,
            ", 1, 4) AS INTEGER) * 12 + CAST(substr(",
            $col,
            ", 6, 2) AS INTEGER) - 1)"
        )
    };
}

/// For each school and month of `$source` (school_id, teacher_id, m), the twelve "first
/// month" counts of `school_month_firsts` (schema.sql explains them).
macro_rules! firsts {
    ($kind:literal, $source:expr) => {
        concat!(
            "INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
             SELECT '", $kind, "', school_id, m, sum(g > 0), sum(g > 1), sum(g > 2), sum(g > 3), sum(g > 4), sum(g > 5),
                    sum(g > 6), sum(g > 7), sum(g > 8), sum(g > 9), sum(g > 10), sum(g > 11)
             FROM (SELECT school_id, m,
                          min(coalesce(m - lag(m) OVER (PARTITION BY school_id, teacher_id ORDER BY m), 12), 12) AS g
                   FROM (", $source, "))
             GROUP BY school_id, m;"
        )
    };
}

/// Recomputes, from their sources, the counts the `COUNT_TRIGGERS` keep: teachers per
/// school, places per school and month, follow-ups per school and due month, enrolments per
/// school, teacher and month, and the distinct-teacher "firsts" of enrolments and vetoes.
/// Run while the `COUNT_TRIGGERS` are dropped, after `rebuild_mark_counts` (the veto firsts
/// read `school_month_vetoes`).
pub fn rebuild_report_counts(conn: &Connection) -> Result<()> {
    conn.execute_batch(concat!(
        "DELETE FROM school_teachers;
         INSERT INTO school_teachers (school_id, teachers)
         SELECT school_id, count(*) FROM teachers GROUP BY school_id;
         DELETE FROM school_month_places;
         INSERT INTO school_month_places (school_id, month, places)
         SELECT a.school_id, substr(p.start_date, 1, 7), sum(a.places)
         FROM school_allotments a JOIN projects p ON p.id = a.project_id
         GROUP BY a.school_id, substr(p.start_date, 1, 7);
         DELETE FROM school_month_follow_ups;
         INSERT INTO school_month_follow_ups (school_id, month, due, done)
         SELECT t.school_id, substr(f.due_date, 1, 7), count(*), sum(f.status IN ('done', 'evaluated'))
         FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
         GROUP BY t.school_id, substr(f.due_date, 1, 7);
         DELETE FROM school_teacher_months;
         DELETE FROM school_month_firsts;
         INSERT INTO school_teacher_months (school_id, teacher_id, month, enrolments)
         SELECT e.school_id, e.teacher_id, ",
        month_no!("p.start_date"),
        ", count(*)
         FROM enrolments e JOIN projects p ON p.id = e.project_id
         GROUP BY 1, 2, 3;",
        firsts!(
            "sent",
            "SELECT school_id, teacher_id, month AS m FROM school_teacher_months"
        ),
        firsts!(
            "veto",
            concat!(
                "SELECT school_id, teacher_id, ",
                month_no!("month"),
                " AS m FROM school_month_vetoes"
            )
        ),
    ))?;
    Ok(())
}

/// Recomputes `teacher_cycle_credits` for every cycle in `credit_cycles`, as the
/// `credit_entries_cycle_*` triggers keep it (a teacher with any entry in a cycle has a row;
/// only recognised credits count): for a load that dropped those triggers.
pub fn rebuild_cycle_credits(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM teacher_cycle_credits;
         INSERT INTO teacher_cycle_credits
             (teacher_id, first_year, last_year, school_id, total, concentrated)
         SELECT c.teacher_id, k.first_year, k.last_year,
                coalesce((SELECT school_id FROM teachers WHERE id = c.teacher_id), 0),
                sum(CASE WHEN c.status = 'recognised' THEN c.credits ELSE 0 END),
                sum(CASE WHEN c.concentrated AND c.status = 'recognised' THEN c.credits ELSE 0 END)
         FROM credit_cycles k JOIN credit_entries c
              ON c.earned_on BETWEEN printf('%04d-01-01', k.first_year)
                                 AND printf('%04d-12-31', k.last_year)
         GROUP BY c.teacher_id, k.first_year, k.last_year;",
    )?;
    Ok(())
}

/// Forgets every stored search-key block (`teacher_search_keys`): for a load that dropped
/// the triggers that forget a block when its teachers change. A missing block is read from
/// the rows until `search_keys::refresh` stores it again.
pub fn forget_search_keys(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM teacher_search_keys")?;
    Ok(())
}
