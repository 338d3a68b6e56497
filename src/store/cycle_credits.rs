//! Per-teacher credit totals of a cycle (`teacher_cycle_credits`, kept by triggers on
//! `credit_entries` for every cycle listed in `credit_cycles`), counted by school or for the
//! district with the exact test of `CreditStanding::compliance`.
//!
//! A cycle is registered by the first report that asks for it (one pass over the ledger);
//! when that is impossible (a read-only file, a busy writer) callers fall back to the ledger.

use crate::domain::credits::{pace_floor, CreditStanding, Cycle, PACE_TOLERANCE};
use crate::domain::{Settings, DATE_FMT};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// Teachers with totals kept in a cycle, split by compliance (teachers without a row have
/// no entries in the cycle).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub with_totals: i64,
    pub met: i64,
    /// On pace and not met.
    pub on_pace: i64,
}

/// Makes sure the totals of `cycle` are kept; false when they are not and cannot be now.
pub fn ensure(conn: &Connection, cycle: &Cycle) -> bool {
    let kept = conn
        .prepare_cached("SELECT 1 FROM credit_cycles WHERE first_year = ?1 AND last_year = ?2")
        .and_then(|mut st| {
            st.query_row(params![cycle.first_year, cycle.last_year], |_| Ok(()))
                .optional()
        });
    match kept {
        Ok(Some(())) => return true,
        Ok(None) => {}
        Err(_) => return false,
    }
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
        return false;
    }
    // A savepoint works inside and outside a caller's transaction.
    if conn.execute_batch("SAVEPOINT register_cycle").is_err() {
        return false;
    }
    let done = register(conn, cycle);
    let end = if done.is_ok() {
        "RELEASE register_cycle"
    } else {
        "ROLLBACK TO register_cycle; RELEASE register_cycle"
    };
    conn.execute_batch(end).is_ok() && done.is_ok()
}

fn register(conn: &Connection, cycle: &Cycle) -> Result<()> {
    conn.execute(
        "INSERT INTO credit_cycles (first_year, last_year) VALUES (?1, ?2)",
        params![cycle.first_year, cycle.last_year],
    )?;
    conn.execute(
        "INSERT INTO teacher_cycle_credits
             (teacher_id, first_year, last_year, school_id, total, concentrated)
         SELECT c.teacher_id, ?1, ?2, t.school_id,
                sum(CASE WHEN c.status = 'recognised' THEN c.credits ELSE 0 END),
                sum(CASE WHEN c.concentrated AND c.status = 'recognised' THEN c.credits ELSE 0 END)
         FROM credit_entries c JOIN teachers t ON t.id = c.teacher_id
         WHERE c.earned_on BETWEEN ?3 AND ?4
         GROUP BY c.teacher_id",
        params![
            cycle.first_year,
            cycle.last_year,
            cycle.start().format(DATE_FMT).to_string(),
            cycle.end().format(DATE_FMT).to_string()
        ],
    )?;
    Ok(())
}

/// The SQL expressions for met and on pace, with parameters ?3..?7: `CreditStanding::is_met`
/// and `compliance` (`contract_tests_derived` ties them over a grid of totals and days).
const MET: &str = "(total >= ?3 AND concentrated >= ?4)";
const PACED: &str = "(total + ?7 >= ?5 AND concentrated + ?7 >= ?6)";

/// Parameters ?1..?8: the cycle, the required totals, the pace floors (`pace_floor`), the
/// tolerance, and a lower bound on `total` below which no teacher is met or on pace (lets the
/// index skip them). In an ended cycle nobody is on pace: the floors are the requirements
/// and the tolerance is zero, so PACED is MET.
fn bind(cycle: &Cycle, today: chrono::NaiveDate, s: &Settings) -> [rusqlite::types::Value; 8] {
    let ended = cycle.ended(today);
    let (pt, pc) = if ended {
        (s.required_total, s.required_concentrated)
    } else {
        pace_floor(cycle, today, &nothing(s))
    };
    let tolerance = if ended { 0.0 } else { PACE_TOLERANCE };
    // total + 1e-9 >= pt implies total > pt - 1e-6 for any total below 1e6 credits.
    let floor = s.required_total.min(pt) - 1e-6;
    [
        i64::from(cycle.first_year).into(),
        i64::from(cycle.last_year).into(),
        s.required_total.into(),
        s.required_concentrated.into(),
        pt.into(),
        pc.into(),
        tolerance.into(),
        floor.into(),
    ]
}

/// Per school: teachers met or on pace, and (when `with_totals`) teachers with kept totals;
/// None when the cycle is not kept.
pub fn by_school(
    conn: &Connection,
    cycle: &Cycle,
    today: chrono::NaiveDate,
    s: &Settings,
    with_totals: bool,
) -> Result<Option<Vec<(i64, Counts)>>> {
    if !ensure(conn, cycle) {
        return Ok(None);
    }
    let p = bind(cycle, today, s);
    let mut out: std::collections::HashMap<i64, Counts> = std::collections::HashMap::new();
    let sql = format!(
        "SELECT school_id, sum({MET}), sum(NOT {MET} AND {PACED})
         FROM teacher_cycle_credits
         WHERE first_year = ?1 AND last_year = ?2 AND total >= ?8
         GROUP BY school_id"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(p.iter()))?;
    while let Some(r) = rows.next()? {
        let c = out.entry(r.get(0)?).or_default();
        c.met = r.get(1)?;
        c.on_pace = r.get(2)?;
    }
    if with_totals {
        let mut st = conn.prepare_cached(
            "SELECT school_id, count(*) FROM teacher_cycle_credits
             WHERE first_year = ?1 AND last_year = ?2 GROUP BY school_id",
        )?;
        let mut rows = st.query(params![cycle.first_year, cycle.last_year])?;
        while let Some(r) = rows.next()? {
            out.entry(r.get(0)?).or_default().with_totals = r.get(1)?;
        }
    }
    Ok(Some(out.into_iter().collect()))
}

/// The district's counts; None when the cycle is not kept.
pub fn district(
    conn: &Connection,
    cycle: &Cycle,
    today: chrono::NaiveDate,
    s: &Settings,
) -> Result<Option<Counts>> {
    if !ensure(conn, cycle) {
        return Ok(None);
    }
    let p = bind(cycle, today, s);
    let sql = format!(
        "SELECT coalesce(sum({MET}), 0), coalesce(sum(NOT {MET} AND {PACED}), 0)
         FROM teacher_cycle_credits
         WHERE first_year = ?1 AND last_year = ?2 AND total >= ?8"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let (met, on_pace) = st.query_row(rusqlite::params_from_iter(p.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let with_totals = conn
        .prepare_cached(
            "SELECT count(*) FROM teacher_cycle_credits WHERE first_year = ?1 AND last_year = ?2",
        )?
        .query_row(params![cycle.first_year, cycle.last_year], |r| r.get(0))?;
    Ok(Some(Counts {
        with_totals,
        met,
        on_pace,
    }))
}

/// The standing of a teacher with no entries in the cycle.
pub fn nothing(s: &Settings) -> CreditStanding {
    CreditStanding {
        total: 0.0,
        concentrated: 0.0,
        required_total: s.required_total,
        required_concentrated: s.required_concentrated,
        offer_total: s.yearly_offer_total,
        offer_concentrated: s.yearly_offer_concentrated,
    }
}
