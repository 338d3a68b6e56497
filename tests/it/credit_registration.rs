//! Credit registration (学分登记) on a real file: registered entries arrive 待审核 and count
//! for nothing until approved; only pending entries can be approved or returned; a refused
//! batch changes nothing; every decision is audited; approvals go on while another process
//! writes.

use liaoyuan::domain::credit_registration::EntryStatus;
use liaoyuan::domain::parse_datetime;
use liaoyuan::ops::credit_registration::{approve, register, return_entry, Registering};
use liaoyuan::store::{credit_registration as reg, credits, Db, OpenMode, Stamp};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

fn stamp(at: &str) -> Stamp {
    Stamp::new(parse_datetime(at).unwrap(), "registrar")
}

/// Teachers 1..=n at one school; project P1 with one session on 2026-11-20, all enrolled.
fn district(n: i64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credits.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let tx = db.write(&stamp("2026-11-01 09:00")).unwrap();
    tx.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
           VALUES (1, 'P1', '报到日', 'district', 'starlight', '2026-11-20', '2026-11-20');
         INSERT INTO sessions (project_id, date, start_time, end_time)
           VALUES (1, '2026-11-20', '08:30', '11:30');",
    )
    .unwrap();
    for id in 1..=n {
        tx.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (?1, ?2, '张伟', 1)",
            rusqlite::params![id, format!("S{id:03}")],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
             VALUES (1, ?1, 1, '2026-11-01 09:00:00')",
            [id],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    (dir, path)
}

fn online(teacher_id: i64, hours: f64) -> Registering {
    Registering {
        teacher_id,
        category: "网络研修".into(),
        hours,
        earned_on: chrono::NaiveDate::from_ymd_opt(2026, 10, 8).unwrap(),
        evidence: format!("GP2026-{teacher_id:05}"),
        note: "国家智慧教育平台·暑期研修".into(),
    }
}

fn total(db: &Db, teacher_id: i64) -> f64 {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let s = liaoyuan::store::settings::load(&db.conn).unwrap();
    credits::cycle_standing(&db.conn, teacher_id, today, &s)
        .unwrap()
        .1
        .total
}

fn audits(db: &Db) -> i64 {
    db.conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'credit_entry'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_registered_entry_counts_only_once_approved() {
    let (_dir, path) = district(1);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let e = register(&mut db, &stamp("2026-11-20 10:00"), &online(1, 30.0)).unwrap();
    assert_eq!(e.status, EntryStatus::Pending);
    assert_eq!(e.credits, 15.0); // 30 h × 0.5
    assert!(!e.concentrated);
    assert_eq!(total(&db, 1), 0.0);
    assert_eq!(
        approve(&mut db, &stamp("2026-11-20 11:00"), &[e.id]).unwrap(),
        1
    );
    assert_eq!(total(&db, 1), 15.0);
    let after = reg::get(&db.conn, e.id).unwrap().unwrap();
    assert_eq!(after.status, EntryStatus::Recognised);
    assert_eq!(after.reviewed_by, "registrar");
    assert_eq!(audits(&db), 2);
}

#[test]
fn only_pending_entries_can_be_approved_or_returned_and_a_refused_batch_changes_nothing() {
    let (_dir, path) = district(3);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let s = stamp("2026-11-20 10:00");
    let ids: Vec<i64> = (1..=3)
        .map(|t| register(&mut db, &s, &online(t, 10.0)).unwrap().id)
        .collect();
    approve(&mut db, &s, &ids[..1]).unwrap();
    let audits_before = audits(&db);
    // A batch holding an approved entry is refused as a whole, naming it.
    let err = approve(&mut db, &s, &[ids[1], ids[0], ids[2]]).unwrap_err();
    assert!(err.to_string().contains("S001"), "{err}");
    for (id, want) in ids.iter().zip([
        EntryStatus::Recognised,
        EntryStatus::Pending,
        EntryStatus::Pending,
    ]) {
        assert_eq!(reg::get(&db.conn, *id).unwrap().unwrap().status, want);
    }
    assert_eq!(audits(&db), audits_before);
    assert!(return_entry(&mut db, &s, ids[0], "证书编号不符").is_err());
    // Returning needs a reason.
    assert!(return_entry(&mut db, &s, ids[1], "  ").is_err());
    return_entry(&mut db, &s, ids[1], "证书编号不符").unwrap();
    let returned = reg::get(&db.conn, ids[1]).unwrap().unwrap();
    assert_eq!(returned.status, EntryStatus::Returned);
    assert_eq!(returned.return_reason, "证书编号不符");
    assert!(approve(&mut db, &s, &[ids[1]]).is_err());
    assert_eq!(total(&db, 2), 0.0);
    assert_eq!(audits(&db), audits_before + 1);
}

#[test]
fn registration_refuses_an_unknown_category_bad_hours_and_a_future_date() {
    let (_dir, path) = district(1);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let s = stamp("2026-11-20 10:00");
    let mut e = online(1, 10.0);
    e.category = "网络".into();
    assert!(register(&mut db, &s, &e).is_err());
    for h in [0.0, -2.0, 1000.5, f64::NAN] {
        assert!(register(&mut db, &s, &online(1, h)).is_err(), "{h}");
    }
    let mut future = online(1, 10.0);
    future.earned_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    assert!(register(&mut db, &s, &future).is_err());
    // Concentrated training counts toward the concentrated floor.
    let mut conc = online(1, 6.0);
    conc.category = "集中培训".into();
    let c = register(&mut db, &s, &conc).unwrap();
    assert!(c.concentrated);
    assert_eq!(c.credits, 3.0);
    assert_eq!(audits(&db), 1);
}

fn checkin(db: &Path, staff_no: &str) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["checkin", "--project", "P1", staff_no])
        .env("LIAOYUAN_NOW", "2026-11-20 08:25")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

#[test]
fn approvals_go_on_while_another_process_checks_teachers_in() {
    let (_dir, path) = district(30);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let s = stamp("2026-11-20 08:25");
    let ids: Vec<i64> = (1..=30)
        .map(|t| register(&mut db, &s, &online(t, 4.0)).unwrap().id)
        .collect();
    let desk = {
        let path = path.clone();
        std::thread::spawn(move || {
            (1..=30)
                .map(|t| checkin(&path, &format!("S{t:03}")))
                .filter(|o| !o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
                .collect::<Vec<_>>()
        })
    };
    for id in &ids {
        approve(&mut db, &s, &[*id]).unwrap();
    }
    let failures = desk.join().unwrap();
    assert!(failures.is_empty(), "{failures:#?}");
    let one = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM marks"), 30);
    assert_eq!(
        one("SELECT count(*) FROM credit_entries WHERE status = 'recognised'"),
        30
    );
    for t in [1, 15, 30] {
        assert_eq!(total(&db, t), 2.0);
    }
}

/// 2021–2025 ended: T1 met (120, 20 concentrated), T2 short by 20, T3 nothing, T4 enough in
/// all but concentrated; a pending entry that would have completed T2 does not count.
fn ended_cycle() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = district(4);
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (2, '第二中学', 'junior');
             UPDATE teachers SET school_id = 2 WHERE id = 4;
             INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source) VALUES
               (1, 100, 0, '2023-05-01', 'manual'), (1, 20, 1, '2024-05-01', 'manual'),
               (2, 80, 0, '2023-05-01', 'manual'), (2, 20, 1, '2024-05-01', 'manual'),
               (4, 125, 0, '2023-05-01', 'manual'), (4, 10, 1, '2024-05-01', 'manual');
             INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source, status)
               VALUES (2, 20, 0, '2025-06-01', 'manual', 'pending');",
        )
        .unwrap();
    (dir, path)
}

#[test]
fn export_credits_short_lists_the_not_met_teachers_of_an_ended_cycle_by_school() {
    let (_dir, path) = ended_cycle();
    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let opts = liaoyuan::ops::export::ExportOptions {
        year: Some(2025),
        project: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let e = liaoyuan::ops::export::build(
        &db.conn,
        liaoyuan::ops::export::ExportKind::CreditsShort,
        &opts,
        today,
    )
    .unwrap();
    let rows: Vec<String> = e
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["school"], r["staff_no"], r["total"], r["compliance"]
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "\"实验小学\" \"S002\" 100.0 \"not_met\"",
            "\"实验小学\" \"S003\" 0.0 \"not_met\"",
            "\"第二中学\" \"S004\" 135.0 \"not_met\"",
        ]
    );
    assert!(e.sheet.name.contains("未达标"), "{}", e.sheet.name);
    // The command line: the same list, and --short refused elsewhere.
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&path)
        .args(["export", "credits", "--short", "--year", "2025"])
        .env("LIAOYUAN_NOW", "2026-11-20 09:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(!csv.contains("S001"), "{csv}");
    let refused = Command::new(BIN)
        .arg("--db")
        .arg(&path)
        .args(["export", "vetoes", "--short"])
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn categories_are_a_setting_and_a_bad_list_changes_nothing() {
    let (_dir, path) = district(1);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let s = stamp("2026-11-20 10:00");
    let set = |db: &mut Db, v: &str| {
        liaoyuan::ops::settings::set_setting(db, "credit_categories", v, None, &s)
    };
    assert!(set(&mut db, "网络研修:0.5").is_err());
    assert!(set(&mut db, "网络研修:1.0:8; 读书分享 : 0.25 : 2").is_ok());
    let mut e = online(1, 10.0);
    assert_eq!(register(&mut db, &s, &e).unwrap().credits, 8.0); // 10 h × 1, capped at 8
    e.category = "读书分享".into();
    assert_eq!(register(&mut db, &s, &e).unwrap().credits, 2.0);
    e.category = "校本研修".into(); // no longer a category
    assert!(register(&mut db, &s, &e).is_err());
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The platform's export as XLSX (what `tests/fixtures/credits-platform.xlsx` holds): a title
/// row, then 序号, 工号, 姓名, 课程名称, 学时, 完成时间 (a date cell), 证书编号, 类别.
fn platform_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "重庆市中小学教师继续教育管理平台 · 学时证明导出")
        .unwrap();
    let head = [
        "序号",
        "工号",
        "姓名",
        "课程名称",
        "学时",
        "完成时间",
        "证书编号",
        "类别",
    ];
    for (j, h) in head.iter().enumerate() {
        ws.write_string(1, j as u16, *h).unwrap();
    }
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let rows = [
        (
            "S001",
            "大单元教学设计校本研修",
            16.0,
            2026,
            9,
            12,
            "XB2026-0007",
            "校本研修",
        ),
        (
            "S002",
            "国家智慧教育平台·寒假研修",
            8.0,
            2026,
            2,
            20,
            "CQJX2026-000055",
            "",
        ),
    ];
    for (i, (staff, course, hours, y, m, d, cert, cat)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *staff).unwrap();
        ws.write_string(r, 2, "张伟").unwrap();
        ws.write_string(r, 3, *course).unwrap();
        ws.write_number(r, 4, *hours).unwrap();
        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        ws.write_datetime_with_format(r, 5, &date, &day).unwrap();
        ws.write_string(r, 6, *cert).unwrap();
        ws.write_string(r, 7, *cat).unwrap();
    }
    book.save(path).unwrap();
}

fn import_credits(
    db: &mut Db,
    path: &Path,
) -> liaoyuan::Result<liaoyuan::ops::import::ImportReport> {
    liaoyuan::ops::import::import_file(
        db,
        &stamp("2026-11-20 10:00"),
        liaoyuan::ops::import::Kind::Credits,
        path,
        &liaoyuan::ops::import::ImportOptions::default(),
    )
}

#[test]
fn import_credits_reads_the_platform_gbk_csv_and_everything_arrives_pending() {
    let (_dir, path) = district(3);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let r = import_credits(&mut db, &fixture("credits-platform-gbk.csv")).unwrap();
    assert_eq!(r.added, 3);
    let rows = reg::with_status(&db.conn, EntryStatus::Pending, 10).unwrap();
    let got: Vec<String> = rows
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} {} {} {}",
                e.staff_no, e.category, e.hours, e.credits, e.earned_on, e.evidence
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "S001 网络研修 Some(10.0) 5 2026-08-30 CQJX2026-000101",
            "S002 网络研修 Some(12.0) 6 2026-09-18 CQJX2026-000102",
            "S003 网络研修 Some(50.0) 20 2026-10-08 CQJX2026-000103", // capped
        ]
    );
    assert_eq!(total(&db, 1), 0.0, "pending counts for nothing");
    // Importing the same file again adds nothing.
    let again = import_credits(&mut db, &fixture("credits-platform-gbk.csv")).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 3));
}

#[test]
fn import_credits_reads_the_platform_xlsx_with_a_category_column() {
    let made = tempfile::tempdir().unwrap();
    let fresh = made.path().join("credits.xlsx");
    platform_xlsx(&fresh);
    for file in [fixture("credits-platform.xlsx"), fresh] {
        let (_dir, path) = district(2);
        let mut db = Db::open(&path, OpenMode::Existing).unwrap();
        let r = import_credits(&mut db, &file).unwrap();
        assert_eq!(r.added, 2, "{}", file.display());
        let rows = reg::with_status(&db.conn, EntryStatus::Pending, 10).unwrap();
        let got: Vec<String> = rows
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {}",
                    e.staff_no, e.category, e.credits, e.earned_on
                )
            })
            .collect();
        assert_eq!(
            got,
            ["S002 网络研修 4 2026-02-20", "S001 校本研修 4 2026-09-12"]
        );
    }
}

#[test]
fn import_credits_with_a_bad_row_writes_nothing_and_lists_every_problem() {
    let (dir, path) = district(2);
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "工号,姓名,课程名称,学时,完成时间,证书编号,类别\n\
         S001,张伟,好课,10,2026-08-01,C-1,\n\
         S002,张伟,好课,0,2026-08-01,C-2,\n\
         S009,张伟,好课,10,2026-08-01,C-3,\n\
         S001,张伟,好课,10,2027-01-01,C-4,网络\n\
         S001,张伟,好课,10,2026-08-02,C-1,\n",
    )
    .unwrap();
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let err = import_credits(&mut db, &csv).unwrap_err().to_string();
    for needle in ["line 3", "line 4", "line 5", "line 6", "C-1"] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
    let n: i64 = db
        .conn
        .query_row("SELECT count(*) FROM credit_entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
#[ignore = "writes tests/fixtures/credits-platform.xlsx; run once to remake the sample"]
fn make_the_platform_xlsx_fixture() {
    platform_xlsx(&fixture("credits-platform.xlsx"));
}
