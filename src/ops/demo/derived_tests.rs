//! The demo fills the derived tables (schema.sql, "Derived counts") once, without their
//! triggers: they must hold exactly what recomputing them from the rows gives.

use super::*;
use crate::store::Db;

/// Every row of the derived tables, as text.
fn derived(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "school_month_marks",
        "school_month_vetoes",
        "school_teachers",
        "school_month_places",
        "school_month_follow_ups",
        "school_teacher_months",
        "school_month_firsts",
        "teacher_cycle_credits",
    ] {
        let mut st = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = format!("{table}|");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out.sort();
    out
}

#[test]
fn the_derived_counts_equal_a_recount_from_the_rows() {
    let mut db = Db::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let tx = db
        .write(&crate::store::test_stamp("2026-03-02 09:00"))
        .unwrap();
    // A cycle whose totals the file keeps (a report asked for it before the load).
    let cycle = crate::domain::credits::Cycle {
        first_year: 2025,
        last_year: 2029,
    };
    assert!(crate::store::cycle_credits::ensure(&tx, &cycle));
    let opts = DemoOptions {
        teachers: 1500,
        seed: 3,
        progress: false,
    };
    generate_into(&tx, &opts, today).unwrap();
    let written = derived(&tx);
    assert!(written
        .iter()
        .any(|l| l.starts_with("school_month_vetoes|")));
    assert!(written.iter().any(|l| l.starts_with("school_month_marks|")));
    assert!(written
        .iter()
        .any(|l| l.starts_with("teacher_cycle_credits|")));
    // Recount everything from the rows, as a bulk load without the demo's tally would.
    let mut triggers = bulk::drop_triggers(&tx, "marks").unwrap();
    triggers.extend(bulk::drop_count_triggers(&tx).unwrap());
    bulk::rebuild_mark_counts(&tx).unwrap();
    bulk::rebuild_report_counts(&tx).unwrap();
    bulk::recreate_triggers(&tx, &triggers).unwrap();
    // The cycle's totals as registering the cycle now computes them.
    tx.execute_batch("DELETE FROM teacher_cycle_credits; DELETE FROM credit_cycles;")
        .unwrap();
    assert!(crate::store::cycle_credits::ensure(&tx, &cycle));
    assert_eq!(written, derived(&tx));
    tx.commit().unwrap();
}
