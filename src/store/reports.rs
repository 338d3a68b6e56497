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
use chrono::{Datelike, NaiveDate};
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

/// ("YYYY-MM", "YYYY-MM") when `from..=to` is whole months (as veto years are).
fn whole_months(from: NaiveDate, to: NaiveDate) -> Option<(String, String)> {
    let next = to.succ_opt()?;
    (from.day() == 1 && next.day() == 1 && from <= to).then(|| {
        (
            from.format("%Y-%m").to_string(),
            to.format("%Y-%m").to_string(),
        )
    })
}

/// The schools, by name, with their teacher counts and an index by id.
struct Lines {
    out: Vec<SchoolReport>,
    index: HashMap<i64, usize>,
}

impl Lines {
    /// Teacher counts cost a pass over `teachers_school`: only when asked.
    fn load(conn: &Connection, with_teachers: bool) -> Result<Lines> {
        let mut st = conn.prepare_cached(if with_teachers {
            "SELECT s.id, s.name, s.township,
                    (SELECT count(*) FROM teachers t WHERE t.school_id = s.id)
             FROM schools s ORDER BY s.name, s.id"
        } else {
            "SELECT s.id, s.name, s.township, 0 FROM schools s ORDER BY s.name, s.id"
        })?;
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

    /// Runs `sql` with `a, b` and hands each row's school line to `apply`.
    fn each(
        &mut self,
        conn: &Connection,
        sql: &str,
        a: &str,
        b: &str,
        mut apply: impl FnMut(&mut SchoolReport, &rusqlite::Row) -> rusqlite::Result<()>,
    ) -> Result<()> {
        let mut st = conn.prepare_cached(sql)?;
        let mut rows = st.query(params![a, b])?;
        while let Some(r) = rows.next()? {
            if let Some(line) = self.line(r.get(0)?) {
                apply(line, r)?;
            }
        }
        Ok(())
    }
}

/// The attendance part of the report (marks by status and vetoed teachers;
/// `teachers` left 0) for every school over `from..=to`. For whole months (veto years always
/// are) it reads the monthly counts the triggers keep; otherwise the marks.
pub fn school_attendance(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SchoolReport>> {
    let mut lines = Lines::load(conn, false)?;
    add_attendance(conn, &mut lines, from, to)?;
    Ok(lines.out)
}

fn add_attendance(
    conn: &Connection,
    lines: &mut Lines,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<()> {
    let (marks_sql, vetoes_sql, a, b) = match whole_months(from, to) {
        Some((first, last)) => (
            "SELECT s.id, c.status, sum(c.marks) FROM schools s
             JOIN school_month_marks c ON c.school_id = s.id AND c.month BETWEEN ?1 AND ?2
             GROUP BY s.id, c.status",
            "SELECT s.id, count(DISTINCT v.teacher_id) FROM schools s
             JOIN school_month_vetoes v ON v.school_id = s.id AND v.month BETWEEN ?1 AND ?2
                  AND v.marks > 0
             GROUP BY s.id",
            first,
            last,
        ),
        None => (
            "SELECT s.id, m.status, count(*) FROM schools s
             JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
             GROUP BY s.id, m.status",
            "SELECT s.id, count(DISTINCT m.teacher_id) FROM schools s
             JOIN marks m ON m.school_id = s.id AND m.session_date BETWEEN ?1 AND ?2
                  AND m.status IN ('late', 'left_early', 'absent')
             GROUP BY s.id",
            day(from),
            day(to),
        ),
    };
    lines.each(conn, marks_sql, &a, &b, |line, r| {
        let status: String = r.get(1)?;
        if let Some(s) = Status::parse(&status) {
            line.marks.add(s, r.get(2)?);
        }
        Ok(())
    })?;
    lines.each(conn, vetoes_sql, &a, &b, |line, r| {
        line.vetoed_teachers = r.get(1)?;
        Ok(())
    })
}

/// The whole report for every school over `from..=to` (a veto year), with
/// credit pace measured in `cycle` as of `today`. Schools by name.
pub fn school_report(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Vec<SchoolReport>> {
    let mut lines = Lines::load(conn, true)?;
    add_attendance(conn, &mut lines, from, to)?;
    let (f, t) = (day(from), day(to));
    // Sending: distinct teachers enrolled, and places allotted, in projects starting in the period.
    lines.each(
        conn,
        "SELECT e.school_id, count(DISTINCT e.teacher_id) FROM projects p
         JOIN enrolments e ON e.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY e.school_id",
        &f,
        &t,
        |line, r| {
            line.teachers_sent = r.get(1)?;
            Ok(())
        },
    )?;
    lines.each(
        conn,
        "SELECT a.school_id, sum(a.places) FROM projects p
         JOIN school_allotments a ON a.project_id = p.id
         WHERE p.start_date BETWEEN ?1 AND ?2 GROUP BY a.school_id",
        &f,
        &t,
        |line, r| {
            line.places_allotted = r.get(1)?;
            Ok(())
        },
    )?;
    // Follow-ups due in the period, by the teacher's current school, read
    // through follow_ups_due (status first: all three statuses named).
    lines.each(
        conn,
        "SELECT t.school_id, count(*), sum(f.status IN ('done', 'evaluated')) FROM follow_ups f
         JOIN teachers t ON t.id = f.teacher_id
         WHERE f.status IN ('pending', 'done', 'evaluated') AND f.due_date BETWEEN ?1 AND ?2
         GROUP BY t.school_id",
        &f,
        &t,
        |line, r| {
            line.follow_ups_due = r.get(1)?;
            line.follow_ups_done = r.get::<_, Option<i64>>(2)?.unwrap_or(0);
            Ok(())
        },
    )?;
    add_credit_pace(conn, &mut lines, cycle, today, settings)?;
    Ok(lines.out)
}

/// Teachers meeting or on pace for the cycle's credits. A teacher with no
/// entries is on pace only at the very start of a cycle.
fn add_credit_pace(
    conn: &Connection,
    lines: &mut Lines,
    cycle: &Cycle,
    today: NaiveDate,
    settings: &Settings,
) -> Result<()> {
    let nothing = CreditStanding {
        total: 0.0,
        concentrated: 0.0,
        required_total: settings.required_total,
        required_concentrated: settings.required_concentrated,
    };
    let zero_on_pace = nothing.compliance(cycle, today) != Compliance::AtRisk;
    if zero_on_pace {
        for line in lines.out.iter_mut() {
            line.teachers_on_pace = line.teachers;
        }
    }
    lines.each(
        conn,
        "SELECT t.school_id, sum(c.credits),
                sum(CASE WHEN c.concentrated THEN c.credits ELSE 0 END)
         FROM credit_entries c JOIN teachers t ON t.id = c.teacher_id
         WHERE c.earned_on BETWEEN ?1 AND ?2 GROUP BY c.teacher_id",
        &day(cycle.start()),
        &day(cycle.end()),
        |line, r| {
            let standing = CreditStanding {
                total: r.get::<_, Option<f64>>(1)?.unwrap_or(0.0),
                concentrated: r.get::<_, Option<f64>>(2)?.unwrap_or(0.0),
                ..nothing
            };
            let on_pace = standing.compliance(cycle, today) != Compliance::AtRisk;
            match (on_pace, zero_on_pace) {
                (true, false) => line.teachers_on_pace += 1,
                (false, true) => line.teachers_on_pace -= 1,
                _ => {}
            }
            Ok(())
        },
    )
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

    fn exec(db: &Db, sql: &str) {
        db.conn.execute_batch(sql).unwrap();
    }

    /// The monthly counts equal a recount of the marks.
    fn counts_match(db: &Db) {
        let kept: Vec<(i64, String, String, i64)> = db
            .conn
            .prepare("SELECT school_id, month, status, marks FROM school_month_marks WHERE marks > 0 ORDER BY 1, 2, 3")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let recount: Vec<(i64, String, String, i64)> = db
            .conn
            .prepare("SELECT school_id, substr(session_date, 1, 7), status, count(*) FROM marks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(kept, recount);
        let vetoes = |sql: &str| -> Vec<(i64, String, i64, i64)> {
            db.conn
                .prepare(sql)
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(
            vetoes("SELECT school_id, month, teacher_id, marks FROM school_month_vetoes ORDER BY 1, 2, 3"),
            vetoes("SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*) FROM marks WHERE status IN ('late', 'left_early', 'absent') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        );
    }

    #[test]
    fn triggers_keep_monthly_counts_through_insert_update_delete_and_cascade() {
        let db = Db::open_in_memory().unwrap();
        exec(&db, "
            INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary'), (2, '乙', 'junior');
            INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '王芳', 2);
            INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-03-01', '2026-04-30');
            INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
                (1, 1, '2026-03-31', '08:30', '11:30'), (2, 1, '2026-04-01', '08:30', '11:30');
            INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at) VALUES
                (1, 1, 1, '2026-03-31', 'late', 'x'), (1, 2, 2, '2026-03-31', 'present', 'x'),
                (2, 1, 1, '2026-04-01', 'absent', 'x'), (2, 2, 2, '2026-04-01', 'late', 'x');");
        counts_match(&db);
        exec(
            &db,
            "UPDATE marks SET status = 'present' WHERE session_id = 1 AND teacher_id = 1;",
        );
        counts_match(&db);
        exec(
            &db,
            "UPDATE sessions SET date = '2026-05-02' WHERE id = 2;
                   UPDATE marks SET session_date = '2026-05-02' WHERE session_id = 2;",
        );
        counts_match(&db);
        exec(
            &db,
            "DELETE FROM marks WHERE session_id = 1 AND teacher_id = 2;",
        );
        counts_match(&db);
        exec(&db, "DELETE FROM sessions WHERE id = 2;");
        counts_match(&db);
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM school_month_vetoes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "no veto-causing marks are left");
    }

    #[test]
    fn whole_months_and_other_periods_agree() {
        let db = Db::open_in_memory().unwrap();
        exec(&db, "
            INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary');
            INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '王芳', 1);
            INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-01-01', '2026-12-31');
            INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
                (1, 1, '2026-01-01', '08:30', '11:30'), (2, 1, '2026-12-31', '08:30', '11:30'),
                (3, 1, '2027-01-01', '08:30', '11:30');
            INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at) VALUES
                (1, 1, 1, '2026-01-01', 'late', '', 'x'), (2, 1, 1, '2026-12-31', 'absent', '', 'x'),
                (2, 2, 1, '2026-12-31', 'excused', '病假', 'x'), (3, 2, 1, '2027-01-01', 'late', '', 'x');");
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let months = school_attendance(&db.conn, d(2026, 1, 1), d(2026, 12, 31)).unwrap();
        let days = school_attendance(&db.conn, d(2026, 1, 1), d(2026, 12, 30)).unwrap();
        assert_eq!(months[0].marks.total(), 3);
        assert_eq!(
            months[0].vetoed_teachers, 1,
            "31 December counts in 2026, 1 January 2027 does not"
        );
        assert_eq!(days[0].marks.total(), 1);
        let same = school_attendance(&db.conn, d(2026, 1, 2), d(2026, 12, 31)).unwrap();
        assert_eq!(same[0].marks.total(), 2);
        assert_eq!(same[0].vetoed_teachers, 1);
    }
}
