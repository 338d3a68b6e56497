//! The marks' derived counts (schema.sql: `school_month_marks`, `school_month_vetoes`)
//! counted while a bulk load generates its marks, then written once: no scan and sort of
//! millions of marks after the load. The caller states each mark's `attended` and
//! `causes_veto` from the domain rules, as the generated columns would; a test compares
//! the result with `rebuild_mark_counts`, which recomputes them from the rows.

use super::fast_hash::FastMap;
use super::Batch;
use crate::domain::Status;
use crate::error::Result;
use rusqlite::Connection;

/// 'YYYY-MM' of a date, as bytes.
pub(super) type Month = [u8; 7];

/// Months since year 0 of a 'YYYY-MM', as schema.sql's triggers number them.
pub(super) fn month_no(m: &Month) -> i64 {
    let n = |b: &[u8]| {
        b.iter()
            .fold(0i64, |a, &d| a * 10 + i64::from(d.wrapping_sub(b'0')))
    };
    n(&m[..4]) * 12 + n(&m[5..7]) - 1
}

/// Counts of the marks written with the `marks` triggers dropped.
#[derive(Default)]
pub struct MarkTally {
    /// (school, month, status) → (marks, attended)
    marks: FastMap<(i64, Month, Status), (i64, i64)>,
    /// (school, month, teacher) → veto-causing marks
    vetoes: FastMap<(i64, Month, i64), i64>,
}

impl MarkTally {
    /// Counts one mark of `teacher_id` at `school_id` on `session_date` (YYYY-MM-DD).
    pub fn add(
        &mut self,
        school_id: i64,
        teacher_id: i64,
        session_date: &str,
        status: Status,
        attended: bool,
        causes_veto: bool,
    ) {
        let mut month = [0u8; 7];
        let bytes = session_date.as_bytes();
        let n = bytes.len().min(7);
        month[..n].copy_from_slice(&bytes[..n]);
        let c = self.marks.entry((school_id, month, status)).or_default();
        c.0 += 1;
        c.1 += i64::from(attended);
        if causes_veto {
            *self
                .vetoes
                .entry((school_id, month, teacher_id))
                .or_default() += 1;
        }
    }

    /// The (school, teacher, month number) of every month with a veto-causing mark.
    pub(super) fn veto_months(&self) -> impl Iterator<Item = (i64, i64, i64)> + '_ {
        self.vetoes
            .keys()
            .map(|&(school, month, teacher)| (school, teacher, month_no(&month)))
    }

    /// Replaces the two tables' rows with the counts (in key order). Run it while the
    /// `marks` triggers are dropped, before `rebuild_report_counts` (which reads the vetoes).
    pub fn write(&self, conn: &Connection) -> Result<()> {
        conn.execute_batch("DELETE FROM school_month_marks; DELETE FROM school_month_vetoes;")?;
        let mut marks = Batch::new(
            conn,
            "school_month_marks",
            "school_id, month, status, marks, attended",
            "(?, ?, ?, ?, ?)",
        )?;
        let mut rows: Vec<_> = self
            .marks
            .iter()
            .map(|(&(school, month, status), &n)| ((school, month, status.code()), n))
            .collect();
        rows.sort_unstable();
        for ((school, month, status), (n, attended)) in rows {
            marks
                .int(school)
                .text(&String::from_utf8_lossy(&month))
                .text(status)
                .int(n)
                .int(attended)
                .end_row()?;
        }
        marks.flush()?;
        let mut vetoes = Batch::new(
            conn,
            "school_month_vetoes",
            "school_id, month, teacher_id, marks",
            "(?, ?, ?, ?)",
        )?;
        let mut rows: Vec<_> = self.vetoes.iter().collect();
        rows.sort_unstable();
        for ((school, month, teacher), n) in rows {
            vetoes
                .int(*school)
                .text(&String::from_utf8_lossy(month))
                .int(*teacher)
                .int(*n)
                .end_row()?;
        }
        vetoes.flush()
    }
}
