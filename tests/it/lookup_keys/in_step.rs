//! The stored keys follow every write to teachers: lookup finds the teacher as now
//! written, and the write paths store the keys again (no block left missing).

use super::{looked_up, stored_blocks};
use liaoyuan::domain::TeacherStatus;
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::ops::teachers::set_teacher_status;
use liaoyuan::store::Db;
use std::path::Path;

fn import(db: &mut Db, dir: &Path, kind: Kind, csv: &str) {
    let path = dir.join(format!("{}.csv", kind.code()));
    std::fs::write(&path, csv).unwrap();
    import_file(
        db,
        &crate::import::stamp(),
        kind,
        &path,
        &ImportOptions::default(),
    )
    .unwrap();
}

/// Teacher blocks that hold teachers but have no stored keys.
fn missing_blocks(db: &Db) -> i64 {
    db.conn
        .query_row(
            "SELECT count(*) FROM (SELECT DISTINCT id >> 10 AS b FROM teachers)
             WHERE b NOT IN (SELECT block FROM teacher_search_keys)",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

const HEADER: &str = "staff_no,name,gender,school,subject,stage,phone,tier\n";

#[test]
fn keys_follow_import_edit_status_change_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("d.db"), liaoyuan::store::OpenMode::Create).unwrap();
    import(
        &mut db,
        dir.path(),
        Kind::Schools,
        "name,township,stage\n实验小学,桂林街道,小学\n",
    );
    let mut csv = HEADER.to_string();
    for i in 0..1500 {
        csv.push_str(&format!(
            "T{i:05},滕{i}号,男,实验小学,语文,小学,1380000{i:04},合格教师\n"
        ));
    }
    csv.push_str("T09001,欧阳娜娜,女,实验小学,语文,小学,13912340001,合格教师\n");
    import(&mut db, dir.path(), Kind::Teachers, &csv);
    assert_eq!(missing_blocks(&db), 0, "import stores the keys");
    assert!(stored_blocks(&db.conn) >= 2);
    assert_eq!(looked_up(&db.conn, "欧阳娜娜"), ["T09001"]);
    assert_eq!(looked_up(&db.conn, "oynn"), ["T09001"]);

    // an edit (the import updates the teacher by staff number)
    import(
        &mut db,
        dir.path(),
        Kind::Teachers,
        &format!("{HEADER}T09001,司马娜娜,女,实验小学,语文,小学,13912340001,合格教师\n"),
    );
    assert_eq!(missing_blocks(&db), 0, "the edit stores the keys again");
    assert!(looked_up(&db.conn, "欧阳娜娜").is_empty());
    assert_eq!(looked_up(&db.conn, "simann"), ["T09001"]);
    assert_eq!(looked_up(&db.conn, "2340001"), ["T09001"]);

    // a status change
    let id: i64 = db
        .conn
        .query_row(
            "SELECT id FROM teachers WHERE staff_no = 'T09001'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    set_teacher_status(
        &mut db,
        id,
        TeacherStatus::Retired,
        Some("到龄退休"),
        &crate::import::stamp(),
    )
    .unwrap();
    assert_eq!(missing_blocks(&db), 0);
    assert_eq!(looked_up(&db.conn, "simann status:退休"), ["T09001"]);
    assert!(looked_up(&db.conn, "simann status:在职").is_empty());

    // a delete (no write path refreshes here: the missing block is read from the rows)
    db.conn
        .execute("DELETE FROM teachers WHERE staff_no = 'T00007'", [])
        .unwrap();
    assert_eq!(missing_blocks(&db), 1);
    assert!(looked_up(&db.conn, "T00007").is_empty());
    assert!(!looked_up(&db.conn, "滕7号").contains(&"T00007".to_string()));
    assert!(looked_up(&db.conn, "滕8号").contains(&"T00008".to_string()));
}
