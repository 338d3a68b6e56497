//! The one place that reads the wall clock. `LIAOYUAN_NOW` ("YYYY-MM-DD HH:MM")
//! pins "now" for demos, tests and the benchmark; the domain never reads a clock.

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
