//! The one place that reads the wall clock and the user from the environment. Only the edges
//! (main, cli/, tui/) call it; they pass the time and the actor down as a
//! [`Stamp`](crate::store::Stamp), so ops, store and domain never read a clock.
//! `LIAOYUAN_NOW` ("YYYY-MM-DD HH:MM") pins "now" for demos, tests and the benchmark.

use chrono::{NaiveDate, NaiveDateTime};

/// The current local time, or `LIAOYUAN_NOW` when set and valid.
pub fn now() -> NaiveDateTime {
    if let Ok(v) = std::env::var("LIAOYUAN_NOW") {
        if let Some(t) = crate::domain::parse_datetime(&v) {
            return t;
        }
        if let Some(d) = crate::domain::parse_date(&v) {
            return d.and_hms_opt(9, 0, 0).unwrap_or_default();
        }
    }
    chrono::Local::now().naive_local()
}

/// Today's date (see `now`).
pub fn today() -> NaiveDate {
    now().date()
}

/// The person responsible for a change: `SUDO_USER`, else `USER`, else "unknown".
pub fn actor() -> String {
    for key in ["SUDO_USER", "USER", "USERNAME"] {
        if let Ok(v) = std::env::var(key) {
            if !v.trim().is_empty() {
                return v;
            }
        }
    }
    "unknown".to_string()
}

/// Now and the actor, for an intent started at the edges.
pub fn stamp() -> crate::store::Stamp {
    crate::store::Stamp::new(now(), actor())
}
