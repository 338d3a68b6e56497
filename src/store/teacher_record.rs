//! A teacher's credit ledger rows for one period (the lookup's credit standing).

use crate::domain::DATE_FMT;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// (earned_on, credits, concentrated) of a teacher's recognised ledger entries dated
/// `from..=to` (index `credit_entries_teacher`); pending and returned entries count for nothing.
pub fn credit_entries_between(
    conn: &Connection,
    teacher_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, f64, bool)>> {
    let mut st = conn.prepare_cached(
        "SELECT earned_on, credits, concentrated FROM credit_entries
         WHERE teacher_id = ?1 AND earned_on BETWEEN ?2 AND ?3 AND status = 'recognised'
         ORDER BY earned_on, id",
    )?;
    let rows = st.query_map(
        params![
            teacher_id,
            from.format(DATE_FMT).to_string(),
            to.format(DATE_FMT).to_string()
        ],
        |r| {
            Ok((
                super::sessions::date_col(r, 0)?,
                r.get::<_, f64>(1)?,
                r.get::<_, i64>(2)? != 0,
            ))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
