//! The school report (学校综合目标考核, DESIGN.md §4.5): per school and year,
//! teachers sent vs places allotted, attendance rate, veto count, follow-up
//! completion rate and the share of teachers on pace for credits.
//!
//! Marks carry their school and date, so the attendance and veto figures read
//! the covering index `marks_school_date` one school range at a time.

use crate::domain::attendance::StatusCounts;
use crate::domain::credits::{Compliance, CreditStanding, Cycle};
use crate::domain::{Settings, Status, DATE_FMT};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
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
    /// Distinct teachers with a veto-causing mark in the period.
    pub vetoed_teachers: i64,
    /// Follow-ups due in the period, and how many of them are done or evaluated.
    pub follow_ups_due: i64,
    pub follow_ups_done: i64,
    /// Teachers of the school now, and how many meet or are on pace for the cycle's credits.
    pub teachers: i64,
    pub teachers_on_pace: i64,
}

impl SchoolReport {
    /// Attended marks (present, late, left early) over all marks; None without marks.
    pub fn attendance_rate(&self) -> Option<f64> {
        let total = self.marks.total();
        (total > 0).then(|| self.marks.attended() as f64 / total as f64)
    }
    pub fn follow_up_rate(&self) -> Option<f64> {
        (self.follow_ups_due > 0).then(|| self.follow_ups_done as f64 / self.follow_ups_due as f64)
    }
    pub fn on_pace_share(&self) -> Option<f64> {
        (self.teachers > 0).then(|| self.teachers_on_pace as f64 / self.teachers as f64)
    }
    /// Teachers sent over places allotted; None when no places were allotted.
    pub fn sending_rate(&self) -> Option<f64> {
        (self.places_allotted > 0).then(|| self.teachers_sent as f64 / self.places_allotted as f64)
    }
}

fn day(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

/// The report for every school over `from..=to` (a veto year), with credit
/// pace measured in `cycle` as of `today`. Schools by name.
pub fn school_report(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Vec<SchoolReport>> {
    let mut out: Vec<SchoolReport> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT s.id, s.name, s.township, (SELECT count(*) FROM teachers t WHERE t.school_id = s.id)
             FROM schools s ORDER BY s.name, s.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(SchoolReport {
                school_id: r.get(0)?,
                school: r.get(1)?,
                township: r.get(2)?,
                teachers: r.get(3)?,
                ..SchoolReport::default()
            })
        })?;
        for row in rows {
            let row = row?;
            index.insert(row.school_id, out.len());
            out.push(row);
        }
    }
    let (f, t) = (day(from), day(to));
    let at = |id: i64| index.get(&id).copied();

    let mut st = conn.prepare_cached(
        "SELECT s.id, m.status, count(*) FROM schools s
         JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
         GROUP BY s.id, m.status",
    )?;
    let mut rows = st.query(params![f, t])?;
    while let Some(r) = rows.next()? {
        let status: String = r.get(1)?;
        if let (Some(i), Some(s)) = (at(r.get(0)?), Status::parse(&status)) {
            out[i].marks.add(s, r.get(2)?);
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT s.id, count(DISTINCT m.teacher_id) FROM schools s
         JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
              AND m.status IN ('late', 'left_early', 'absent')
         GROUP BY s.id",
    )?;
    let mut rows = st.query(params![f, t])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = at(r.get(0)?) {
            out[i].vetoed_teachers = r.get(1)?;
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT e.school_id, count(DISTINCT e.teacher_id) FROM projects p
         JOIN enrolments e ON e.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY e.school_id",
    )?;
    let mut rows = st.query(params![f, t])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = at(r.get(0)?) {
            out[i].teachers_sent = r.get(1)?;
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT a.school_id, sum(a.places) FROM projects p
         JOIN school_allotments a ON a.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY a.school_id",
    )?;
    let mut rows = st.query(params![f, t])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = at(r.get(0)?) {
            out[i].places_allotted = r.get(1)?;
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT e.school_id, count(*), sum(f.status IN ('done', 'evaluated')) FROM follow_ups f
         JOIN enrolments e ON e.project_id = f.project_id AND e.teacher_id = f.teacher_id
         WHERE f.due_date BETWEEN ?1 AND ?2 GROUP BY e.school_id",
    )?;
    let mut rows = st.query(params![f, t])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = at(r.get(0)?) {
            out[i].follow_ups_due = r.get(1)?;
            out[i].follow_ups_done = r.get::<_, Option<i64>>(2)?.unwrap_or(0);
        }
    }

    // Credit pace: a teacher with no entries is on pace only at the very start.
    let nothing = CreditStanding {
        total: 0.0,
        concentrated: 0.0,
        required_total: settings.required_total,
        required_concentrated: settings.required_concentrated,
    };
    let zero_on_pace = nothing.compliance(cycle, today) != Compliance::AtRisk;
    for r in out.iter_mut() {
        if zero_on_pace {
            r.teachers_on_pace = r.teachers;
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT t.school_id, sum(c.credits), sum(CASE WHEN c.concentrated THEN c.credits ELSE 0 END)
         FROM credit_entries c JOIN teachers t ON t.id = c.teacher_id
         WHERE c.earned_on BETWEEN ?1 AND ?2 GROUP BY c.teacher_id",
    )?;
    let mut rows = st.query(params![day(cycle.start()), day(cycle.end())])?;
    while let Some(r) = rows.next()? {
        let Some(i) = at(r.get(0)?) else { continue };
        let standing = CreditStanding {
            total: r.get::<_, Option<f64>>(1)?.unwrap_or(0.0),
            concentrated: r.get::<_, Option<f64>>(2)?.unwrap_or(0.0),
            ..nothing
        };
        let on_pace = standing.compliance(cycle, today) != Compliance::AtRisk;
        match (on_pace, zero_on_pace) {
            (true, false) => out[i].teachers_on_pace += 1,
            (false, true) => out[i].teachers_on_pace -= 1,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    #[test]
    fn empty_district_reports_each_school_with_zeroes() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute(
                "INSERT INTO schools (name, township, stage) VALUES ('甲小学', '', 'primary')",
                [],
            )
            .unwrap();
        let s = Settings::default();
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let cycle = crate::domain::credits::cycle_of(d(2026, 6, 1), &s);
        let r = school_report(
            &db.conn,
            d(2026, 1, 1),
            d(2026, 12, 31),
            &cycle,
            d(2026, 6, 1),
            &s,
        )
        .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].attendance_rate(), None);
        assert_eq!(r[0].vetoed_teachers, 0);
    }
}
