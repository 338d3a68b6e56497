//! The school report's derived counts (schema.sql, "Derived counts": `school_teachers`,
//! `school_month_places`, `school_month_follow_ups`, `school_teacher_months`,
//! `school_month_firsts`) counted while a bulk load generates its rows, then written once,
//! as `rebuild_report_counts` would recompute them from the rows (a test compares the two).

use super::fast_hash::FastMap;
use super::tally::{month_no, MarkTally, Month};
use super::Batch;
use crate::error::Result;
use rusqlite::Connection;

/// Counts of the rows written with the `COUNT_TRIGGERS` dropped.
#[derive(Default)]
pub struct ReportTally {
    /// school → teachers
    teachers: FastMap<i64, i64>,
    /// (school, project start 'YYYY-MM') → places allotted
    places: FastMap<(i64, Month), i64>,
    /// (school of the teacher, due 'YYYY-MM') → (due, done or evaluated)
    follow_ups: FastMap<(i64, Month), (i64, i64)>,
    /// (sending school, teacher, project start month number) → enrolments
    sent: FastMap<(i64, i64, i64), i64>,
}

impl ReportTally {
    pub fn teacher(&mut self, school_id: i64) {
        *self.teachers.entry(school_id).or_default() += 1;
    }

    /// Places allotted to a school at a project starting on `start` (YYYY-MM-DD).
    pub fn places(&mut self, school_id: i64, start: &str, places: i64) {
        *self.places.entry((school_id, month(start))).or_default() += places;
    }

    /// A follow-up of a teacher of `school_id` due on `due`; `done` when done or evaluated.
    pub fn follow_up(&mut self, school_id: i64, due: &str, done: bool) {
        let c = self.follow_ups.entry((school_id, month(due))).or_default();
        c.0 += 1;
        c.1 += i64::from(done);
    }

    /// An enrolment sent by `school_id` to a project starting on `start`.
    pub fn enrolment(&mut self, school_id: i64, teacher_id: i64, start: &str) {
        *self
            .sent
            .entry((school_id, teacher_id, month_no(&month(start))))
            .or_default() += 1;
    }

    /// Replaces the five tables' rows with the counts; the veto firsts come from `marks`.
    pub fn write(&self, conn: &Connection, marks: &MarkTally) -> Result<()> {
        conn.execute_batch(
            "DELETE FROM school_teachers; DELETE FROM school_month_places;
             DELETE FROM school_month_follow_ups; DELETE FROM school_teacher_months;
             DELETE FROM school_month_firsts;",
        )?;
        let text = |m: &Month| String::from_utf8_lossy(m).into_owned();
        let mut rows = Batch::new(conn, "school_teachers", "school_id, teachers", "(?, ?)")?;
        for (school, n) in sorted(&self.teachers) {
            rows.int(school).int(n).end_row()?;
        }
        rows.flush()?;
        let mut rows = Batch::new(
            conn,
            "school_month_places",
            "school_id, month, places",
            "(?, ?, ?)",
        )?;
        for ((school, m), n) in sorted(&self.places) {
            rows.int(school).text(&text(&m)).int(n).end_row()?;
        }
        rows.flush()?;
        let mut rows = Batch::new(
            conn,
            "school_month_follow_ups",
            "school_id, month, due, done",
            "(?, ?, ?, ?)",
        )?;
        for ((school, m), (due, done)) in sorted(&self.follow_ups) {
            rows.int(school)
                .text(&text(&m))
                .int(due)
                .int(done)
                .end_row()?;
        }
        rows.flush()?;
        let sent = sorted(&self.sent);
        let mut rows = Batch::new(
            conn,
            "school_teacher_months",
            "school_id, teacher_id, month, enrolments",
            "(?, ?, ?, ?)",
        )?;
        for &((school, teacher, m), n) in &sent {
            rows.int(school).int(teacher).int(m).int(n).end_row()?;
        }
        rows.flush()?;
        write_firsts(conn, "sent", sent.iter().map(|&(k, _)| k))?;
        let mut vetoes: Vec<_> = marks.veto_months().collect();
        vetoes.sort_unstable();
        write_firsts(conn, "veto", vetoes.into_iter())
    }
}

/// 'YYYY-MM' of a date.
fn month(date: &str) -> Month {
    let mut m = [0u8; 7];
    let n = date.len().min(7);
    m[..n].copy_from_slice(&date.as_bytes()[..n]);
    m
}

fn sorted<K: Ord + Copy, V: Copy>(map: &FastMap<K, V>) -> Vec<(K, V)> {
    let mut rows: Vec<(K, V)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    rows.sort_unstable_by_key(|&(k, _)| k);
    rows
}

/// `school_month_firsts` of `kind` from distinct (school, teacher, month number) in
/// ascending order: for each school and month, c_k counts the teachers whose previous
/// month at the school is more than k months earlier (or who have none), as schema.sql
/// defines it and `rebuild_report_counts` computes it.
fn write_firsts(
    conn: &Connection,
    kind: &str,
    rows: impl Iterator<Item = (i64, i64, i64)>,
) -> Result<()> {
    let mut counts: FastMap<(i64, i64), [i64; 12]> = FastMap::default();
    let mut last: Option<(i64, i64, i64)> = None;
    for (school, teacher, m) in rows {
        let gap = match last {
            Some((s, t, prev)) if s == school && t == teacher => (m - prev).min(12),
            _ => 12,
        };
        last = Some((school, teacher, m));
        let c = counts.entry((school, m)).or_default();
        for (k, c) in c.iter_mut().enumerate() {
            *c += i64::from(gap > k as i64);
        }
    }
    let mut rows = Batch::new(
        conn,
        "school_month_firsts",
        "kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for ((school, m), c) in sorted(&counts) {
        rows.text(kind).int(school).int(m);
        for n in c {
            rows.int(n);
        }
        rows.end_row()?;
    }
    rows.flush()
}
