//! The teachers import's `status` column (状态 / 在职状态): Chinese names or codes, a blank
//! cell keeps the stored status, a bad value is refused naming its line, each change audited.

use liaoyuan::domain::TeacherStatus;
use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::{teachers, Db};
use liaoyuan::Error;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(db: &mut Db, kind: Kind, path: &Path) -> liaoyuan::Result<ImportReport> {
    import_file(db, &stamp(), kind, path, &ImportOptions::default())
}

fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}

fn import_text(db: &mut Db, text: &str) -> liaoyuan::Result<ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teachers.csv");
    std::fs::write(&path, text).unwrap();
    import(db, Kind::Teachers, &path)
}

/// The fixture's schools and 20 teachers, all active.
fn district() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    import(&mut db, Kind::Schools, &fixture("schools.csv")).unwrap();
    import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    db
}

fn status(db: &Db, staff_no: &str) -> TeacherStatus {
    teachers::by_staff_no(&db.conn, staff_no)
        .unwrap()
        .unwrap()
        .status
}

#[test]
fn chinese_status_values_set_it_and_a_blank_cell_keeps_it() {
    let mut db = district();
    assert_eq!(status(&db, "TN20004"), TeacherStatus::Active);
    let r = import_text(
        &mut db,
        "工号,姓名,学校,状态\n\
         TN20004,钟欣博,崇龛镇中心小学,调离\n\
         TN20003,丁子,上和镇中心小学,已退休\n\
         TN20002,万敏英,古溪镇中心小学,left\n\
         TN20001,胡涵,双江中学,\n\
         TN29999,新老师,双江中学,在职\n",
    )
    .unwrap();
    assert_eq!((r.added, r.updated, r.unchanged), (1, 3, 1));
    assert_eq!(status(&db, "TN20004"), TeacherStatus::Transferred);
    assert_eq!(status(&db, "TN20003"), TeacherStatus::Retired);
    assert_eq!(status(&db, "TN20002"), TeacherStatus::Left);
    assert_eq!(status(&db, "TN20001"), TeacherStatus::Active);
    assert_eq!(status(&db, "TN29999"), TeacherStatus::Active);
    let t = teachers::by_staff_no(&db.conn, "TN20004").unwrap().unwrap();
    let (before, after): (String, String) = db
        .conn
        .query_row(
            "SELECT json_extract(before, '$.status'), json_extract(after, '$.status')
             FROM audit_log WHERE entity = 'teacher' AND entity_id = ?1 AND action = 'import_update'",
            [t.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((before.as_str(), after.as_str()), ("active", "transferred"));

    // A blank status keeps a retired teacher retired; 在职状态 is the other header.
    let r = import_text(
        &mut db,
        "工号,姓名,学校,在职状态\nTN20003,丁子,上和镇中心小学,\nTN20004,钟欣博,崇龛镇中心小学,在职\n",
    )
    .unwrap();
    assert_eq!((r.updated, r.unchanged), (1, 1));
    assert_eq!(status(&db, "TN20003"), TeacherStatus::Retired);
    assert_eq!(status(&db, "TN20004"), TeacherStatus::Active);
}

#[test]
fn a_bad_status_is_refused_naming_the_line_and_nothing_is_written() {
    let mut db = district();
    let audit = |db: &Db| -> i64 {
        db.conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let before = audit(&db);
    let err = import_text(
        &mut db,
        "工号,姓名,学校,状态\nTN20004,钟欣博,崇龛镇中心小学,退休\nTN20003,丁子,上和镇中心小学,休假\n",
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}");
    };
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let row = &rows[0].en;
    assert!(
        row.starts_with("line 3: 状态: '休假' is not a known teacher status"),
        "{row}"
    );
    assert!(row.contains("transferred/调离"), "{row}");
    assert_eq!(status(&db, "TN20004"), TeacherStatus::Active);
    assert_eq!(audit(&db), before);
}

#[test]
fn many_new_teachers_keep_their_status_through_the_staged_insert() {
    let mut db = district();
    let mut text = String::from("工号,姓名,学校,状态\n");
    for i in 0..1200 {
        let status = if i % 100 == 7 { "退休" } else { "" };
        text.push_str(&format!("TX{i:05},教师{i},双江中学,{status}\n"));
    }
    let r = import_text(&mut db, &text).unwrap();
    assert_eq!(r.added, 1200);
    let retired: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM teachers WHERE status = 'retired' AND staff_no LIKE 'TX%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(retired, 12);
    assert_eq!(status(&db, "TX00107"), TeacherStatus::Retired);
    assert_eq!(status(&db, "TX00108"), TeacherStatus::Active);
}
