//! Building blocks for the small districts the tests build with SQL.

use chrono::NaiveDateTime;
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

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

/// A new database file `name` in `dir` with two schools: 1 实验小学 (桂林街道, primary) and
/// 2 柏梓中学 (柏梓镇, junior).
pub fn two_schools(dir: &Path, name: &str) -> (PathBuf, Db) {
    let path = dir.join(name);
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, township, stage) VALUES
               (1, '实验小学', '桂林街道', 'primary'), (2, '柏梓中学', '柏梓镇', 'junior');",
        )
        .unwrap();
    (path, db)
}
