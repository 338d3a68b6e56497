//! Building blocks for the small districts the tests build with SQL.

use chrono::NaiveDateTime;
use liaoyuan::search::keys::pinyin_keys;
use rusqlite::Connection;

/// A pinned "now" ("YYYY-MM-DD HH:MM").
pub fn at(s: &str) -> NaiveDateTime {
    liaoyuan::domain::parse_datetime(s).unwrap()
}

/// Inserts teachers `(id, staff_no, name, school_id)` with their pinyin search keys.
pub fn insert_teachers(c: &Connection, teachers: &[(i64, &str, &str, i64)]) {
    for &(id, staff, name, school) in teachers {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![id, staff, name, school, py, ini],
        )
        .unwrap();
    }
}
