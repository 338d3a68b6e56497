//! `lookup` answers from the stored search keys (issue 11): exactly what the TUI search
//! finds, and the keys stay in step with teachers after import, edit, status change and
//! delete.

mod in_step;

use crate::search_ranking::{ROSTER, TABLE};
use liaoyuan::domain::Settings;
use liaoyuan::ops::lookup::{lookup, matching_index, teacher_index};
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{search_keys, Db};
use rusqlite::Connection;

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 10, 8).unwrap()
}

/// The ranking roster as a database: three schools, the teachers with their keys, and
/// every block of search keys stored.
fn roster_db() -> Db {
    let db = Db::open_in_memory().unwrap();
    let schools = ["实验小学", "城关中学", "第二中学"];
    for (i, s) in schools.iter().enumerate() {
        db.conn
            .execute(
                "INSERT INTO schools (id, name, stage) VALUES (?1, ?2, 'primary')",
                rusqlite::params![i as i64 + 1, s],
            )
            .unwrap();
    }
    for (i, (name, school, staff_no, phone)) in ROSTER.iter().enumerate() {
        let (pinyin, initials) = pinyin_keys(name);
        let school_id = schools.iter().position(|s| s == school).unwrap() as i64 + 1;
        // ids across several blocks of stored keys
        db.conn
            .execute(
                "INSERT INTO teachers (id, staff_no, name, school_id, phone, subject, pinyin, initials)
                 VALUES (?1, ?2, ?3, ?4, ?5, '语文', ?6, ?7)",
                rusqlite::params![(i as i64 + 1) * 700, staff_no, name, school_id, phone, pinyin, initials],
            )
            .unwrap();
    }
    search_keys::refresh(&db.conn).unwrap();
    db
}

pub fn stored_blocks(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM teacher_search_keys", [], |r| r.get(0))
        .unwrap()
}

/// Staff numbers `lookup --all` shows, best first.
pub fn looked_up(conn: &Connection, q: &str) -> Vec<String> {
    match lookup(conn, q, 2026, &Settings::default(), today(), true) {
        Ok(found) => found.rows.into_iter().map(|r| r.staff_no).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn lookup_finds_exactly_what_the_tui_search_finds_for_the_ranking_table() {
    let db = roster_db();
    assert!(stored_blocks(&db.conn) > 20, "the keys are stored");
    let full = teacher_index(&db.conn).unwrap();
    let queries = TABLE.iter().map(|(q, _, _)| *q).chain([
        "z",
        "张",
        "w",
        "school:实验 w",
        "tier:qualified zw",
        "1390000011",
    ]);
    let mut wrong = Vec::new();
    for q in queries {
        let tui = full.search(q, full.len());
        let small = matching_index(&db.conn, q).unwrap();
        let from_keys = small.search(q, small.len());
        if tui != from_keys {
            wrong.push(format!("{q}: TUI {tui:?}\n  lookup {from_keys:?}"));
        }
        let staff: Vec<String> = tui
            .iter()
            .filter_map(|h| full.entry(h.id))
            .map(|e| e.staff_no.clone())
            .collect();
        let shown = looked_up(&db.conn, q);
        if shown != staff {
            wrong.push(format!("{q}: TUI {staff:?}, lookup --all {shown:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
