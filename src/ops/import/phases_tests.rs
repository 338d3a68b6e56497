//! The two phases against a real file with a second connection, as another
//! desk: what that desk commits between the check and the write is never
//! overwritten or ignored, and the check itself cannot write.

use super::*;
use crate::ops::import::reader::parse_csv;
use crate::ops::import::ImportOptions;
use crate::store::OpenMode;
use chrono::NaiveDate;

/// A district file: one school, teacher T1 enrolled in P1, whose one session
/// is on 2026-03-02 08:30–11:30.
pub(super) fn district(dir: &tempfile::TempDir) -> (Db, Db) {
    let path = dir.path().join("phases.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO teachers (id, staff_no, name, school_id, phone, pinyin, initials)
               VALUES (1, 'T1', '王芳', 1, '13800000001', 'wangfang', 'wf');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
               VALUES (1, 'P1', '报到日', 'district', 'starlight', '2026-03-02', '2026-03-02');
             INSERT INTO sessions (id, project_id, date, start_time, end_time)
               VALUES (1, 1, '2026-03-02', '08:30', '11:30');
             INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
               VALUES (1, 1, 1, '2026-02-20 10:00:00');",
        )
        .unwrap();
    let other = Db::open(&path, OpenMode::Existing).unwrap();
    (db, other)
}

pub(super) fn table(kind: Kind, text: &str) -> Table {
    Table::locate(parse_csv(text).unwrap(), kind.columns()).unwrap()
}

pub(crate) fn context(opts: &ImportOptions) -> Context<'_> {
    Context {
        opts,
        now: NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap(),
        actor: "test".into(),
    }
}

pub(super) fn count(db: &Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_teacher_another_desk_adds_after_the_check_stops_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    let t = table(
        Kind::Teachers,
        "staff_no,name,school\nT2,李明,实验小学\nT3,赵强,实验小学\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    assert_eq!(plan.expected().added, 2);
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
             VALUES ('T3', '赵强', 1, 'zhaoqiang', 'zq')",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(
        stale.0.en.starts_with("line 3: staff_no: ") && stale.0.en.contains("T3"),
        "{stale:?}"
    );
    // Nothing of the file was written: T2 is not there either.
    assert_eq!(count(&db, "SELECT count(*) FROM teachers"), 2);
    // A new check sees the desk's teacher and updates nothing, adds T2.
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    let (added, unchanged) = (plan.expected().added, plan.expected().unchanged);
    assert_eq!((added, unchanged), (1, 1));
    let written = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(())).unwrap();
    assert_eq!(written.map(|c| c.added), Ok(1));
}

#[test]
fn a_teacher_another_desk_changes_after_the_check_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    let t = table(
        Kind::Teachers,
        "staff_no,name,school,phone\nT1,王芳,实验小学,13900000009\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    assert_eq!(plan.expected().updated, 1);
    other
        .conn
        .execute("UPDATE teachers SET subject = '数学' WHERE id = 1", [])
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(stale.0.en.starts_with("line 2: staff_no: "), "{stale:?}");
    let phone: String = db
        .conn
        .query_row("SELECT phone FROM teachers WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(phone, "13800000001");
}

#[test]
fn a_mark_a_desk_records_after_the_check_stops_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    let t = table(
        Kind::Marks,
        "project,session,staff_no,time_in\nP1,1,T1,08:50\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Marks, &t, &ctx).unwrap();
    assert_eq!(plan.expected().added, 1);
    other
        .conn
        .execute(
            "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status,
                                checked_in_at, recorded_by, recorded_at)
             VALUES (1, 1, 1, '2026-03-02', 'present', '2026-03-02 08:29:00', 'desk',
                     '2026-03-02 08:29:00')",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(stale.0.en.starts_with("line 2: staff_no: "), "{stale:?}");
    let status: String = db
        .conn
        .query_row("SELECT status FROM marks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "present", "the desk's mark stays");
}

#[test]
fn a_session_closed_after_the_check_stops_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    let t = table(
        Kind::Marks,
        "project,session,staff_no,time_in\nP1,1,T1,08:50\n",
    );
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Marks, &t, &ctx).unwrap();
    other
        .conn
        .execute(
            "UPDATE sessions SET closed_at = '2026-03-02 11:40:00', closed_by = 'desk'",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(stale.0.en.starts_with("line 2: session: "), "{stale:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM marks"), 0);
}

#[test]
fn the_check_cannot_write_and_the_connection_writes_again_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _other) = district(&dir);
    let insert = "INSERT INTO settings (key, value) VALUES ('probe', '1')";
    let refused = db.in_snapshot(|conn| Ok(conn.execute(insert, [])?));
    assert!(refused.is_err());
    assert_eq!(
        count(&db, "SELECT count(*) FROM settings WHERE key = 'probe'"),
        0
    );
    let failed: Result<()> = db.in_snapshot(|_| Err(Error::invalid("bad row")));
    assert!(failed.is_err());
    db.conn.execute(insert, []).unwrap();
}

#[test]
fn giving_up_lists_the_rows_and_says_what_to_do() {
    let text = gave_up(vec![Stale("line 3: staff_no: x".into()); 3]).to_string();
    assert!(text.contains("line 3: staff_no: x"), "{text}");
    assert_eq!(text.matches("line 3").count(), 1, "{text}");
    assert!(text.contains("再导入一次"), "{text}");
}

#[test]
fn a_bulk_addition_counts_each_schools_teachers_and_keeps_the_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _other) = district(&dir);
    db.conn
        .execute(
            "INSERT INTO schools (id, name, stage) VALUES (2, '第二中学', 'junior')",
            [],
        )
        .unwrap();
    let mut csv = String::from("staff_no,name,school\n");
    for i in 0..1500 {
        let school = if i % 3 == 0 {
            "实验小学"
        } else {
            "第二中学"
        };
        csv.push_str(&format!("B{i:05},王芳,{school}\n"));
    }
    let rows = parse_csv(&csv).unwrap();
    let report = crate::ops::import::import_rows(
        &mut db,
        &crate::store::test_stamp("2026-03-02 09:00"),
        Kind::Teachers,
        rows,
        "bulk.csv",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report.added, 1500);
    let counted = |db: &Db| -> Vec<(i64, i64)> {
        db.conn
            .prepare("SELECT school_id, teachers FROM school_teachers ORDER BY school_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(counted(&db), vec![(1, 501), (2, 1000)]);
    // The trigger is back: one more teacher is counted by it.
    db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
             VALUES ('X1', '李明', 2, '', '')",
            [],
        )
        .unwrap();
    assert_eq!(counted(&db), vec![(1, 501), (2, 1001)]);
}

#[test]
fn a_bulk_addition_stops_at_a_staff_number_another_desk_took() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, other) = district(&dir);
    let mut csv = String::from("staff_no,name,school\n");
    for i in 0..1200 {
        csv.push_str(&format!("B{i:05},王芳,实验小学\n"));
    }
    let t = table(Kind::Teachers, &csv);
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    let plan = check(&mut db, Kind::Teachers, &t, &ctx).unwrap();
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
             VALUES ('B00700', '李明', 1, '', '')",
            [],
        )
        .unwrap();
    let stale = write(&mut db, &*plan, &t, &ctx, |_, _| Ok(()))
        .unwrap()
        .unwrap_err();
    assert!(
        stale.0.en.starts_with("line 702: staff_no: ") && stale.0.en.contains("B00700"),
        "{stale:?}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM teachers"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sqlite_master WHERE name = 'teachers_count_insert'"
        ),
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'"
        ),
        0,
        "the import leaves no TEMP table behind"
    );
    assert_eq!(count(&db, "SELECT teachers FROM school_teachers"), 2);
}
