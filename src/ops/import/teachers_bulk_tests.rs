//! The bulk path of a teachers import (`BULK_ADDS` additions or more) stores the lookup's
//! search keys of the new teachers inside its own write transaction, with the
//! key-dropping trigger back in place afterwards; a write refused as stale leaves the
//! stored keys as they were.

use super::super::phases::tests::context;
use super::super::phases::{check, write};
use super::super::reader::parse_csv;
use super::super::table::Table;
use super::super::{ImportOptions, Kind};
use crate::store::{Db, OpenMode};
use std::cell::Cell;

fn district(dir: &tempfile::TempDir) -> Db {
    let db = Db::open(&dir.path().join("bulk.db"), OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO teachers (id, staff_no, name, school_id, phone, pinyin, initials)
               VALUES (1, 'T1', '王芳', 1, '13800000001', 'wang''fang', 'wf');",
        )
        .unwrap();
    crate::store::search_keys::refresh(&db.conn).unwrap();
    db
}

fn roster(n: usize) -> Table {
    let mut csv = String::from("staff_no,name,school,phone,stage,subject,tier,status\n");
    for i in 0..n {
        let (stage, tier) = if i % 2 == 0 {
            ("", "")
        } else {
            ("初中", "区级骨干")
        };
        csv.push_str(&format!(
            "B{i:05}, 滕{i}号 ,实验小学,1390000{i:04},{stage}, 数学 ,{tier},在职\n"
        ));
    }
    csv.push_str("Z00001,曾娜娜,实验小学,13912340001,,,,退休\n");
    Table::locate(parse_csv(&csv).unwrap(), Kind::Teachers.columns()).unwrap()
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Blocks of 1,024 teacher ids that hold teachers but no stored keys.
const MISSING: &str = "SELECT count(*) FROM (SELECT DISTINCT id >> 10 AS b FROM teachers)
                       WHERE b NOT IN (SELECT block FROM teacher_search_keys)";

fn looked_up(db: &Db, query: &str) -> Vec<String> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let settings = crate::domain::Settings::default();
    match crate::ops::lookup::lookup(&db.conn, query, 2026, &settings, today, true) {
        Ok(found) => found.rows.into_iter().map(|r| r.staff_no).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn a_bulk_addition_stores_the_new_teachers_keys_in_its_own_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = district(&dir);
    let t = roster(2500);
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    let missing_inside = Cell::new(-1);
    write(&mut db, &*plan, &t, &ctx, |tx, _| {
        missing_inside.set(count(tx, MISSING));
        Ok(())
    })
    .unwrap()
    .unwrap();
    assert_eq!(missing_inside.get(), 0, "keys stored before the commit");
    assert_eq!(
        count(&db.conn, "SELECT count(*) FROM teacher_search_keys"),
        3
    );
    assert_eq!(looked_up(&db, "zengnana"), ["Z00001"]);
    assert_eq!(looked_up(&db, "王芳"), ["T1"]);
    assert_eq!(looked_up(&db, "13900002499"), ["B02499"]);
    // the blocks packed from the file's values are those packed from the stored rows
    let blobs = |db: &Db| -> Vec<(i64, Vec<u8>)> {
        db.conn
            .prepare("SELECT block, entries FROM teacher_search_keys ORDER BY block")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let stored = blobs(&db);
    db.conn
        .execute("DELETE FROM teacher_search_keys", [])
        .unwrap();
    crate::store::search_keys::refresh(&db.conn).unwrap();
    assert_eq!(blobs(&db), stored);
    // the trigger that drops a changed teacher's block is back
    db.conn
        .execute(
            "UPDATE teachers SET phone = '1' WHERE staff_no = 'B00010'",
            [],
        )
        .unwrap();
    assert_eq!(count(&db.conn, MISSING), 1);
    db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('N1', '李明', 1)",
            [],
        )
        .unwrap();
    assert_eq!(count(&db.conn, MISSING), 2);
}

#[test]
fn a_stale_bulk_addition_leaves_the_stored_keys_and_triggers_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = district(&dir);
    let other = Db::open(&dir.path().join("bulk.db"), OpenMode::Existing).unwrap();
    let t = roster(1200);
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('B00700', '李明', 1)",
            [],
        )
        .unwrap();
    crate::store::search_keys::refresh(&other.conn).unwrap();
    write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert_eq!(count(&db.conn, "SELECT count(*) FROM teachers"), 2);
    assert_eq!(count(&db.conn, MISSING), 0);
    assert_eq!(
        count(
            &db.conn,
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'teachers'"
        ),
        6
    );
}

/// Imports `rows` good teachers and then one whose name starts with a NUL (blank to SQLite's
/// `length`); returns the English refusal.
fn import_with_a_nul_name(db: &mut Db, rows: usize) -> String {
    let mut csv = String::from("staff_no,name,school\n");
    for i in 0..rows {
        csv.push_str(&format!("N{i:05},滕{i}号,实验小学\n"));
    }
    csv.push_str("N99999,\0滕,实验小学\n");
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let stamp = crate::store::Stamp::new(ctx.now, "test");
    crate::ops::import::import_rows(
        db,
        &stamp,
        Kind::Teachers,
        parse_csv(&csv).unwrap(),
        "nul.csv",
        &opts,
    )
    .unwrap_err()
    .text(crate::lang::Lang::En)
}

#[test]
fn a_name_holding_a_nul_is_refused_at_its_line_and_nothing_is_written() {
    // a large file (the bulk insert, which does not evaluate the CHECKs) and a small one
    for rows in [1500, 3] {
        let dir = tempfile::tempdir().unwrap();
        let mut db = district(&dir);
        let e = import_with_a_nul_name(&mut db, rows);
        let line = rows + 2;
        assert!(
            e.ends_with(&format!(
                "\nline {line}: name: '\0滕' holds the control character U+0000 (the file may \
                 be damaged); remove it"
            )),
            "{e}"
        );
        assert_eq!(count(&db.conn, "SELECT count(*) FROM teachers"), 1);
        let ok: String = db
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
}
