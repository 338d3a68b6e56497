//! The school report (学校综合目标考核, docs/rules.md §4.5): per school and year,
//! teachers sent vs places allotted, attendance rate, veto count, follow-up
//! completion rate and the share of teachers on pace for credits.
//!
//! For whole months (veto years always are) every part reads counts that triggers keep
//! per school and month (schema.sql): a year is a few thousand rows
//! per part. Other periods, and spans longer than twelve months for the distinct-teacher
//! figures, read the source tables (`report_sources.rs`).

use crate::domain::attendance::StatusCounts;
use crate::domain::credits::{Compliance, Cycle};
use crate::domain::{Settings, Status, DATE_FMT};
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::cycle_credits;
use crate::store::report_sources as sources;
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Params};
use std::collections::HashMap;

/// One school's line of the report.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct SchoolReport {
    pub school_id: i64,
    pub school: String,
    pub township: String,
    /// Distinct teachers enrolled (sent) in projects starting in the period.
    pub teachers_sent: i64,
    /// Places allotted to the school in those projects.
    pub places_allotted: i64,
    /// Marks of the period by status.
    pub marks: StatusCounts,
    /// Of them, marks that count as attended (`marks.attended`: the presence rule).
    pub attended: i64,
    /// Distinct teachers with a veto-causing mark in the period.
    pub vetoed_teachers: i64,
    /// Follow-ups due in the period, and how many of them are done or evaluated.
    pub follow_ups_due: i64,
    pub follow_ups_done: i64,
    /// Teachers of the school now; how many have met the cycle's credits (已达标), and how many
    /// are behind (进度落后) or, in an ended cycle, have not met them (未达标).
    pub teachers: i64,
    pub teachers_met: i64,
    pub teachers_behind: i64,
}

impl SchoolReport {
    /// Marks counting as attended (`domain::attendance::Presence::attended`) over all marks;
    /// None without marks.
    pub fn attendance_rate(&self) -> Option<f64> {
        let total = self.marks.total();
        (total > 0).then(|| self.attended as f64 / total as f64)
    }
    pub fn follow_up_rate(&self) -> Option<f64> {
        (self.follow_ups_due > 0).then(|| self.follow_ups_done as f64 / self.follow_ups_due as f64)
    }
    pub fn met_share(&self) -> Option<f64> {
        (self.teachers > 0).then(|| self.teachers_met as f64 / self.teachers as f64)
    }
    pub fn behind_share(&self) -> Option<f64> {
        (self.teachers > 0).then(|| self.teachers_behind as f64 / self.teachers as f64)
    }
    /// Teachers sent over places allotted; None when no places were allotted.
    pub fn sending_rate(&self) -> Option<f64> {
        (self.places_allotted > 0).then(|| self.teachers_sent as f64 / self.places_allotted as f64)
    }
}

fn day(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

/// A period of whole months: "YYYY-MM" bounds and months since year 0.
struct Months {
    first: String,
    last: String,
    a: i64,
    b: i64,
}

impl Months {
    /// Some when `from..=to` is whole months (as veto years are).
    fn of(from: NaiveDate, to: NaiveDate) -> Option<Months> {
        let next = to.succ_opt()?;
        let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        (from.day() == 1 && next.day() == 1 && from <= to).then(|| Months {
            first: from.format("%Y-%m").to_string(),
            last: to.format("%Y-%m").to_string(),
            a: index(from),
            b: index(to),
        })
    }
    /// Distinct-teacher counts are kept for spans of up to twelve months.
    fn within_a_year(&self) -> bool {
        self.b - self.a < 12
    }
}

/// The schools, by name, with their teacher counts and an index by id.
pub(crate) struct Lines {
    pub(crate) out: Vec<SchoolReport>,
    index: HashMap<i64, usize>,
}

impl Lines {
    fn load(conn: &Connection) -> Result<Lines> {
        let mut st = conn.prepare_cached(
            "SELECT s.id, s.name, s.township, coalesce(c.teachers, 0)
             FROM schools s LEFT JOIN school_teachers c ON c.school_id = s.id
             ORDER BY s.name, s.id",
        )?;
        let out: Vec<SchoolReport> = st
            .query_map([], |r| {
                Ok(SchoolReport {
                    school_id: r.get(0)?,
                    school: r.get(1)?,
                    township: r.get(2)?,
                    teachers: r.get(3)?,
                    ..SchoolReport::default()
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index = out
            .iter()
            .enumerate()
            .map(|(i, r)| (r.school_id, i))
            .collect();
        Ok(Lines { out, index })
    }

    fn line(&mut self, school_id: i64) -> Option<&mut SchoolReport> {
        let i = *self.index.get(&school_id)?;
        self.out.get_mut(i)
    }

    /// Runs `sql` with `p` and hands each row's school line (column 0) to `apply`.
    pub(crate) fn each(
        &mut self,
        conn: &Connection,
        sql: &str,
        p: impl Params,
        mut apply: impl FnMut(&mut SchoolReport, &rusqlite::Row) -> rusqlite::Result<()>,
    ) -> Result<()> {
        let mut st = conn.prepare_cached(sql)?;
        let mut rows = st.query(p)?;
        while let Some(r) = rows.next()? {
            if let Some(line) = self.line(r.get(0)?) {
                apply(line, r)?;
            }
        }
        Ok(())
    }
}

/// Distinct teachers per school over months `a..=b` (at most twelve) from
/// `school_month_firsts`: each month m adds its column c(m - a). CROSS JOIN keeps the
/// schools outside, so each school reads one key range and no sort is needed.
const FIRSTS_SQL: &str = "SELECT s.id, sum(CASE f.month - ?2
        WHEN 0 THEN c0 WHEN 1 THEN c1 WHEN 2 THEN c2 WHEN 3 THEN c3 WHEN 4 THEN c4
        WHEN 5 THEN c5 WHEN 6 THEN c6 WHEN 7 THEN c7 WHEN 8 THEN c8 WHEN 9 THEN c9
        WHEN 10 THEN c10 WHEN 11 THEN c11 ELSE 0 END)
     FROM schools s CROSS JOIN school_month_firsts f
          ON f.kind = ?1 AND f.school_id = s.id AND f.month BETWEEN ?2 AND ?3
     GROUP BY s.id";

/// The attendance part of the report (marks by status and vetoed teachers;
/// `teachers` left 0) for every school over `from..=to`. For whole months (veto years always
/// are) it reads the monthly counts the triggers keep; otherwise the marks.
pub fn school_attendance(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SchoolReport>> {
    let mut lines = Lines::load(conn)?;
    for line in lines.out.iter_mut() {
        line.teachers = 0;
    }
    add_attendance(conn, &mut lines, from, to)?;
    Ok(lines.out)
}

fn add_attendance(
    conn: &Connection,
    lines: &mut Lines,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<()> {
    let Some(m) = Months::of(from, to) else {
        return sources::attendance(conn, lines, &day(from), &day(to));
    };
    // One row per school (grouping by status too would sort ~110,000 rows a year), one
    // column per status, generated from `Status::ALL`.
    let per_status: Vec<String> = Status::ALL
        .iter()
        .map(|s| {
            format!(
                "coalesce(sum(c.marks) FILTER (WHERE c.status = '{}'), 0)",
                s.code()
            )
        })
        .collect();
    let sql = format!(
        "SELECT s.id, {}, coalesce(sum(c.attended), 0)
         FROM schools s
         JOIN school_month_marks c ON c.school_id = s.id AND c.month BETWEEN ?1 AND ?2
         GROUP BY s.id",
        per_status.join(", ")
    );
    let attended_col = Status::ALL.len() + 1;
    lines.each(conn, &sql, [&m.first, &m.last], |line, r| {
        for (i, s) in Status::ALL.iter().enumerate() {
            line.marks.add(*s, r.get(i + 1)?);
        }
        line.attended += r.get::<_, i64>(attended_col)?;
        Ok(())
    })?;
    if !m.within_a_year() {
        return sources::vetoes_by_month(conn, lines, &m.first, &m.last);
    }
    lines.each(conn, FIRSTS_SQL, ("veto", m.a, m.b), |line, r| {
        line.vetoed_teachers = r.get(1)?;
        Ok(())
    })
}

/// The whole report for every school over `from..=to` (a veto year), with
/// credit pace measured in `cycle` as of `today`. Schools in pinyin order.
pub fn school_report(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Vec<SchoolReport>> {
    let mut lines = Lines::load(conn)?;
    add_attendance(conn, &mut lines, from, to)?;
    let (f, t) = (day(from), day(to));
    match Months::of(from, to) {
        Some(m) => {
            if m.within_a_year() {
                lines.each(conn, FIRSTS_SQL, ("sent", m.a, m.b), |line, r| {
                    line.teachers_sent = r.get(1)?;
                    Ok(())
                })?;
            } else {
                sources::sent(conn, &mut lines, &f, &t)?;
            }
            lines.each(
                conn,
                "SELECT s.id, sum(c.places) FROM schools s
                 JOIN school_month_places c ON c.school_id = s.id AND c.month BETWEEN ?1 AND ?2
                 GROUP BY s.id",
                [&m.first, &m.last],
                |line, r| {
                    line.places_allotted = r.get(1)?;
                    Ok(())
                },
            )?;
            lines.each(
                conn,
                "SELECT s.id, sum(c.due), sum(c.done) FROM schools s
                 JOIN school_month_follow_ups c ON c.school_id = s.id
                      AND c.month BETWEEN ?1 AND ?2
                 GROUP BY s.id",
                [&m.first, &m.last],
                |line, r| {
                    line.follow_ups_due = r.get(1)?;
                    line.follow_ups_done = r.get(2)?;
                    Ok(())
                },
            )?;
        }
        None => {
            sources::sent(conn, &mut lines, &f, &t)?;
            sources::places(conn, &mut lines, &f, &t)?;
            sources::follow_ups(conn, &mut lines, &f, &t)?;
        }
    }
    add_credit_pace(conn, &mut lines, cycle, today, settings)?;
    // Pinyin order, as the Vetoes tab and the Reports tab list schools (not code point).
    let mut out = lines.out;
    out.sort_by_cached_key(|r| (pinyin_keys(&r.school).0, r.school.clone()));
    Ok(out)
}

/// Teachers who met the cycle's credits and teachers behind (or short in an ended cycle).
/// Every teacher starts with the standing of an empty ledger; the teachers with entries are
/// then moved to their own.
fn add_credit_pace(
    conn: &Connection,
    lines: &mut Lines,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
) -> Result<()> {
    let zero = cycle_credits::nothing(settings).compliance(cycle, today);
    for line in lines.out.iter_mut() {
        line.teachers_met = 0;
        line.teachers_behind = 0;
        count_standing(line, zero, line.teachers);
    }
    let Some(counts) = cycle_credits::by_school(conn, cycle, today, settings, true)? else {
        return sources::credit_pace(conn, lines, cycle, today, settings, zero);
    };
    for (school, c) in counts {
        if let Some(line) = lines.line(school) {
            count_standing(line, zero, -c.with_totals);
            line.teachers_met += c.met;
            line.teachers_behind += c.with_totals - c.met - c.on_pace;
        }
    }
    Ok(())
}

/// Adds `n` teachers of standing `c` to the line's counts.
pub(crate) fn count_standing(line: &mut SchoolReport, c: Compliance, n: i64) {
    if c == Compliance::Met {
        line.teachers_met += n;
    }
    if c.is_short() {
        line.teachers_behind += n;
    }
}

#[cfg(test)]
#[path = "reports_tests.rs"]
mod tests;
