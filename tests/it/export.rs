//! Exports (docs/rules.md §6) and the sign-in sheet, on a small district made
//! from the fixtures with marks imported from a filled-in sheet.

use calamine::{Data, Reader};
use liaoyuan::ops::export::{self, ExportKind, ExportOptions, Format};
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::ops::sign_in_sheet;
use liaoyuan::store::{Db, OpenMode};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 14 schools, 20 teachers, 2 trainers, 2 projects, 3 sessions, 6 enrolled,
/// session 1 marked from marks-sheet.csv (present ×2, late, left early, excused).
fn district_at(path: &Path) -> Db {
    let mut db = Db::open(path, OpenMode::Create).unwrap();
    let plain = ImportOptions::default();
    for (kind, file) in [
        (Kind::Schools, "schools.csv"),
        (Kind::Teachers, "teachers-gbk.csv"),
        (Kind::Trainers, "trainers.csv"),
        (Kind::Projects, "projects.csv"),
        (Kind::Sessions, "sessions.csv"),
    ] {
        import_file(
            &mut db,
            &crate::export::stamp(),
            kind,
            &fixture(file),
            &plain,
        )
        .unwrap();
    }
    let project = ImportOptions {
        project: Some("2026-QP-101".into()),
        session: Some(1),
        ..ImportOptions::default()
    };
    import_file(
        &mut db,
        &crate::export::stamp(),
        Kind::Enrolments,
        &fixture("enrolments.csv"),
        &project,
    )
    .unwrap();
    import_file(
        &mut db,
        &crate::export::stamp(),
        Kind::Marks,
        &fixture("marks-sheet.csv"),
        &project,
    )
    .unwrap();
    db
}

fn district() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = district_at(&dir.path().join("d.db"));
    (dir, db)
}

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

fn build(db: &Db, kind: ExportKind, year: Option<i32>, project: Option<&str>) -> export::Export {
    let opts = ExportOptions {
        year,
        project: project.map(str::to_string),
    };
    export::build(&db.conn, kind, &opts, day(2026, 6, 1)).unwrap()
}

#[test]
fn attendance_json_has_exactly_the_stable_keys() {
    let (_dir, db) = district();
    let e = build(&db, ExportKind::Attendance, None, Some("2026-QP-101"));
    let rows = e.json.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for r in rows {
        assert_eq!(
            keys(r),
            set(&[
                "project",
                "session",
                "date",
                "staff_no",
                "name",
                "school",
                "status",
                "checked_in_at"
            ])
        );
    }
    let late = rows.iter().find(|r| r["staff_no"] == "TN20003").unwrap();
    assert_eq!(late["status"], "late");
    assert_eq!(late["session"], 1);
    assert_eq!(late["date"], "2026-03-02");
    assert_eq!(late["checked_in_at"], "2026-03-02 08:36:00");
    let leave = rows.iter().find(|r| r["staff_no"] == "TN20005").unwrap();
    assert!(leave["checked_in_at"].is_null());
}

#[test]
fn vetoes_json_has_exactly_the_stable_keys_and_code_names() {
    let (_dir, db) = district();
    let e = build(&db, ExportKind::Vetoes, Some(2026), None);
    let rows = e.json.as_array().unwrap();
    let who: BTreeSet<&str> = rows
        .iter()
        .map(|r| r["staff_no"].as_str().unwrap())
        .collect();
    assert_eq!(
        who,
        ["TN20003", "TN20004"].into_iter().collect(),
        "late and left early; leave never vetoes"
    );
    for r in rows {
        assert_eq!(
            keys(r),
            set(&["year", "staff_no", "name", "school", "reasons"])
        );
        assert_eq!(r["year"], 2026);
        for reason in r["reasons"].as_array().unwrap() {
            assert_eq!(keys(reason), set(&["date", "project", "status", "scope"]));
            // 2026-QP-101 is concentrated training: in veto scope by default.
            assert_eq!(reason["scope"], "concentrated");
        }
    }
    let early = rows.iter().find(|r| r["staff_no"] == "TN20004").unwrap();
    assert_eq!(early["reasons"][0]["status"], "left_early");
    assert_eq!(early["reasons"][0]["project"], "2026-QP-101");
    assert!(build(&db, ExportKind::Vetoes, Some(2025), None)
        .json
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn the_vetoes_export_follows_the_project_s_veto_scope() {
    let (_dir, db) = district();
    let teachers = |db: &Db| {
        build(db, ExportKind::Vetoes, Some(2026), None)
            .json
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(teachers(&db), 2);
    // Out of the veto scope (the project's marks follow it), the late and left-early marks
    // give no veto; back in scope, they do again.
    db.conn
        .execute(
            "UPDATE projects SET veto_scope = 0 WHERE code = '2026-QP-101'",
            [],
        )
        .unwrap();
    assert_eq!(teachers(&db), 0);
    db.conn
        .execute(
            "UPDATE projects SET veto_scope = 1 WHERE code = '2026-QP-101'",
            [],
        )
        .unwrap();
    assert_eq!(teachers(&db), 2);
}

fn read_xlsx(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => f.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn xlsx_export_reads_back_with_chinese_headers() {
    let (_dir, db) = district();
    let e = build(&db, ExportKind::Attendance, None, Some("2026-QP-101"));
    let rows = read_xlsx(e.sheet.xlsx_bytes().unwrap());
    assert_eq!(
        &rows[0][..8],
        [
            "项目编号",
            "场次",
            "日期",
            "开始",
            "工号",
            "姓名",
            "学校",
            "出勤状态"
        ]
    );
    assert_eq!(rows.len(), 6);
    let late = rows.iter().find(|r| r[4] == "TN20003").unwrap();
    assert_eq!(late[7], "迟到");
    assert_eq!(late[8], "6");
    assert_eq!(late[1], "1");
}

#[test]
fn school_report_counts_sent_attendance_and_vetoes() {
    let (_dir, db) = district();
    let e = build(&db, ExportKind::Schools, Some(2026), None);
    let rows = e.json.as_array().unwrap();
    assert_eq!(rows.len(), 14, "every school has a line");
    let shanghe = rows
        .iter()
        .find(|r| r["school"] == "上和镇中心小学")
        .unwrap();
    // TN20003 丁子 (late) and TN20006 王芳 (not marked) are sent from 上和镇中心小学.
    assert_eq!(shanghe["teachers_sent"], 2);
    assert_eq!(shanghe["marks"], 1);
    assert_eq!(shanghe["late"], 1);
    assert_eq!(shanghe["vetoed_teachers"], 1);
    assert_eq!(shanghe["attendance_pct"], 100.0);
    let guiling = rows
        .iter()
        .find(|r| r["school"] == "桂林街道初级中学")
        .unwrap();
    assert_eq!(guiling["excused"], 1);
    assert_eq!(guiling["attendance_pct"], 0.0, "leave is not attendance");
    assert_eq!(guiling["vetoed_teachers"], 0);
}

#[test]
fn completion_and_follow_ups_and_credits_build() {
    let (_dir, db) = district();
    let c = build(&db, ExportKind::Completion, None, Some("2026-QP-101"));
    let rows = c.json.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert!(rows
        .iter()
        .all(|r| r["sessions"] == 3 && r["completed"] == false));
    let credits = build(&db, ExportKind::Credits, Some(2026), None);
    assert_eq!(credits.json.as_array().unwrap().len(), 20);
    assert_eq!(credits.json[0]["required_total"], 120.0);
    let f = build(&db, ExportKind::FollowUps, Some(2026), None);
    assert!(f.json.as_array().unwrap().is_empty());
    let opts = ExportOptions::default();
    let err = export::build(&db.conn, ExportKind::Completion, &opts, day(2026, 6, 1)).unwrap_err();
    assert!(err.to_string().contains("--project"));
}

#[test]
fn csv_export_uses_code_names() {
    let (_dir, db) = district();
    let e = build(&db, ExportKind::Vetoes, Some(2026), None);
    let mut out = Vec::new();
    export::write(&e, Format::Csv, None, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("year,staff_no,name,school,count,reasons\n"),
        "{text}"
    );
    assert!(text.contains("2026-03-02 2026-QP-101 迟到"), "{text}");
    let err = export::write(&e, Format::Xlsx, None, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("-o"));
}

#[test]
fn sign_in_sheet_lists_the_enrolled_by_school_then_name() {
    let (_dir, db) = district();
    let sheet = sign_in_sheet::build(&db.conn, "2026-QP-101", 1).unwrap();
    assert_eq!(sheet.teachers.len(), 6);
    let rows = read_xlsx(sheet.xlsx_bytes().unwrap());
    assert_eq!(rows[0][0], "潼南区教师培训签到表");
    assert!(
        rows[1][0].contains("2026年春季骨干教师集中培训（2026-QP-101）"),
        "{}",
        rows[1][0]
    );
    assert!(rows[1][0].contains("讲师：李明华"), "{}", rows[1][0]);
    assert!(
        rows[2][0].contains("2026-03-02 星期一 08:30–11:30"),
        "{}",
        rows[2][0]
    );
    assert!(rows[2][0].contains("报告厅"), "{}", rows[2][0]);
    assert_eq!(rows[3], sign_in_sheet::HEADERS.map(String::from).to_vec());
    let listed: Vec<(String, String)> = rows[4..10]
        .iter()
        .map(|r| (r[2].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        listed[0].0, "崇龛镇中心小学",
        "schools in pinyin order: chong < gu < gui < shang < shuang"
    );
    let schools: Vec<&str> = listed.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        schools,
        [
            "崇龛镇中心小学",
            "古溪镇中心小学",
            "桂林街道初级中学",
            "上和镇中心小学",
            "上和镇中心小学",
            "双江中学"
        ]
    );
    assert_eq!(
        (listed[3].1.as_str(), listed[4].1.as_str()),
        ("丁子", "王芳"),
        "then by name"
    );
    assert_eq!(rows[4][0], "1");
    assert!(
        rows[4][4].is_empty() && rows[4][5].is_empty(),
        "signature and times left blank"
    );
    assert!(
        rows[10..10 + sign_in_sheet::WALK_IN_ROWS]
            .iter()
            .all(|r| r.iter().all(String::is_empty)),
        "blank rows for walk-ins"
    );
    let foot = rows.last().unwrap();
    assert!(foot[0].starts_with("应到 6 人"), "{foot:?}");
    assert!(sign_in_sheet::build(&db.conn, "2026-QP-101", 4).is_err());
}

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    c.env("LIAOYUAN_NOW", "2026-06-01 09:00")
        .env_remove("LIAOYUAN_DB");
    c
}

#[test]
fn cli_export_to_stdout_file_and_sign_in_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    drop(district_at(&path));
    let db = path.to_str().unwrap();
    let out = bin()
        .args([
            "--db", db, "export", "vetoes", "--year", "2026", "--format", "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);

    let xlsx = dir.path().join("schools.xlsx");
    let out = bin()
        .args(["export", "schools", "--db", db, "-o"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = read_xlsx(std::fs::read(&xlsx).unwrap());
    assert_eq!(rows[0][1], "学校");
    assert_eq!(rows.len(), 15);

    let refused = bin()
        .args(["--db", db, "export", "attendance", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));

    let sheet = dir.path().join("sign.xlsx");
    let out = bin()
        .args([
            "--db",
            db,
            "export",
            "sign-in-sheet",
            "--project",
            "2026-QP-101",
            "--session",
            "2",
            "-o",
        ])
        .arg(&sheet)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(read_xlsx(std::fs::read(&sheet).unwrap())[2][0].contains("14:00–17:00"));

    let missing = bin()
        .args(["--db"])
        .arg(dir.path().join("none.db"))
        .args(["export", "vetoes"])
        .output()
        .unwrap();
    assert_eq!(
        missing.status.code(),
        Some(1),
        "export never creates a database"
    );
    assert!(!dir.path().join("none.db").exists());
}

/// The paper round trip: print session 3's sheet, "fill it in" (a copy with
/// times typed into the 签到时间 column), import it back as marks; the title
/// rows tell which project and session.
#[test]
fn filled_sign_in_sheet_imports_back_as_marks() {
    let (dir, mut db) = district();
    let sheet = sign_in_sheet::build(&db.conn, "2026-QP-101", 3).unwrap();
    let printed = read_xlsx(sheet.xlsx_bytes().unwrap());
    let filled = dir.path().join("filled.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (i, row) in printed.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            ws.write_string(i as u32, j as u16, cell).unwrap();
        }
    }
    // Rows 4 and 5 are the first two teachers (by school, then name).
    ws.write_string(4, 5, "08:31").unwrap();
    ws.write_string(5, 5, "08:50").unwrap();
    book.save(&filled).unwrap();
    // The title rows name the project and the session: no --project, no --session.
    let r = import_file(
        &mut db,
        &crate::export::stamp(),
        Kind::Marks,
        &filled,
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(r.added, 2, "only the rows with a time");
    let e = build(&db, ExportKind::Attendance, None, Some("2026-QP-101"));
    let third: Vec<(String, String)> = e
        .json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["session"] == 3)
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(third.len(), 2);
    let by_name = |n: &str| {
        third
            .iter()
            .find(|(name, _)| name == n)
            .map(|(_, s)| s.clone())
    };
    assert_eq!(by_name(&printed[4][1]).as_deref(), Some("present"));
    assert_eq!(by_name(&printed[5][1]).as_deref(), Some("late"));
}

#[test]
fn vetoes_of_a_project_default_to_the_projects_veto_year_not_todays() {
    let (_dir, db) = district();
    let opts = ExportOptions {
        year: None,
        project: Some("2026-QP-101".into()),
    };
    let e = export::build(&db.conn, ExportKind::Vetoes, &opts, day(2027, 3, 1)).unwrap();
    let rows = e.json.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["year"], 2026);
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
