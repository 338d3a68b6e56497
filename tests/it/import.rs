//! Imports (docs/rules.md §6) of the files schools send: the samples under
//! tests/fixtures and files made here.

use liaoyuan::domain::{Stage, Status, Tier};
use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::{marks, sessions, teachers, trainers, Db};
use liaoyuan::Error;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(db: &mut Db, kind: Kind, path: &Path) -> liaoyuan::Result<ImportReport> {
    import_file(
        db,
        &crate::import::stamp(),
        kind,
        path,
        &ImportOptions::default(),
    )
}

fn with_schools() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    let r = import(&mut db, Kind::Schools, &fixture("schools.csv")).unwrap();
    assert_eq!(r.added, 14);
    db
}

fn count(db: &Db, table: &str) -> i64 {
    db.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn gbk_csv_with_chinese_headers_blank_line_and_stray_spaces() {
    let mut db = with_schools();
    let r = import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    assert_eq!((r.rows, r.added, r.updated), (20, 20, 0));
    assert_eq!(count(&db, "teachers"), 20);
    let zhong = teachers::by_staff_no(&db.conn, "TN20004").unwrap().unwrap();
    assert_eq!(zhong.name, "钟欣博");
    assert_eq!(zhong.school, "崇龛镇中心小学");
    assert_eq!(zhong.phone, "17668328545");
    let a = teachers::by_staff_no(&db.conn, "TN20006").unwrap().unwrap();
    let b = teachers::by_staff_no(&db.conn, "TN20018").unwrap().unwrap();
    assert_eq!((a.name.as_str(), b.name.as_str()), ("王芳", "王芳"));
    assert_ne!(a.school_id, b.school_id);
    assert_eq!(a.tier, Tier::Eminent);
    assert_eq!(a.stage, Some(Stage::Primary));
    assert!(!a.pinyin.is_empty(), "pinyin keys are stored");
}

#[test]
fn xlsx_sample_with_a_title_row_and_other_column_order() {
    let mut db = with_schools();
    let r = import(&mut db, Kind::Teachers, &fixture("teachers-title-row.xlsx")).unwrap();
    assert_eq!((r.rows, r.added), (20, 20));
    let t = teachers::by_staff_no(&db.conn, "TN20021").unwrap().unwrap();
    assert_eq!(t.name, "段桐");
    assert_eq!(t.school, "潼南区实验幼儿园");
    assert_eq!(t.phone, "17672221082");
}

#[test]
fn xlsx_made_here_numbers_lose_point_zero_and_banner_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报名表.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let banner = rust_xlsxwriter::Format::new().set_bold();
    ws.merge_range(0, 0, 0, 4, "潼南区骨干教师培训报名汇总表", &banner)
        .unwrap();
    for (j, h) in ["序号", "工号", "姓名", "学校", "手机"].iter().enumerate() {
        ws.write_string(1, j as u16, *h).unwrap();
    }
    ws.write_number(2, 0, 1.0).unwrap();
    ws.write_number(2, 1, 880123.0).unwrap();
    ws.write_string(2, 2, "\u{3000}刘宇 ").unwrap();
    ws.write_string(2, 3, "柏梓中学").unwrap();
    ws.write_number(2, 4, 13812345678.0).unwrap();
    book.save(&path).unwrap();

    let mut db = with_schools();
    let r = import(&mut db, Kind::Teachers, &path).unwrap();
    assert_eq!(r.added, 1);
    let t = teachers::by_staff_no(&db.conn, "880123").unwrap().unwrap();
    assert_eq!(t.name, "刘宇");
    assert_eq!(t.phone, "13812345678");
    assert_eq!(
        t.stage,
        Some(Stage::Junior),
        "stage defaults to the school's"
    );
}

#[test]
fn utf8_with_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.csv");
    let text = "\u{FEFF}name,township,stage\r\n 新建小学 ,花岩镇,小学\r\n";
    std::fs::write(&path, text).unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let r = import(&mut db, Kind::Schools, &path).unwrap();
    assert_eq!(r.added, 1);
    let s = liaoyuan::store::schools::by_name(&db.conn, "新建小学")
        .unwrap()
        .unwrap();
    assert_eq!((s.township.as_str(), s.stage), ("花岩镇", Stage::Primary));
}

#[test]
fn six_bad_rows_are_all_reported_and_nothing_is_written() {
    let mut db = with_schools();
    let err = import(
        &mut db,
        Kind::Teachers,
        &fixture("teachers-with-errors.csv"),
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.en).collect();
    assert_eq!(rows.len(), 6, "{rows:#?}");
    let expect = [
        ("line 3: name: ", "empty"),
        ("line 4: school: ", "did you mean 潼南区实验小学?"),
        (
            "line 5: staff_no: ",
            "TN30001 appears again (first on line 2)",
        ),
        ("line 6: phone: ", "11-digit"),
        ("line 7: tier: ", "特级教师"),
        ("line 8: stage: ", "大学"),
    ];
    for (row, (start, contains)) in rows.iter().zip(expect) {
        assert!(row.starts_with(start), "{row}");
        assert!(row.contains(contains), "{row}");
    }
    assert_eq!(count(&db, "teachers"), 0, "not even the good line 2");
    assert_eq!(
        count(&db, "audit_log"),
        1,
        "only the schools import is logged"
    );
}

#[test]
fn dry_run_counts_and_writes_nothing() {
    let mut db = with_schools();
    let opts = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let r = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Teachers,
        &fixture("teachers-gbk.csv"),
        &opts,
    )
    .unwrap();
    assert!(r.dry_run);
    assert_eq!((r.added, r.updated), (20, 0));
    assert_eq!(count(&db, "teachers"), 0);
    assert_eq!(count(&db, "audit_log"), 1);
}

#[test]
fn re_import_is_idempotent_and_a_changed_tier_is_an_update_with_history() {
    let mut db = with_schools();
    import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    let again = import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 20));
    assert_eq!(count(&db, "teachers"), 20);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("promote.csv");
    // Only staff_no, name, school and tier: blank/absent columns keep their values.
    std::fs::write(
        &path,
        "工号,姓名,学校,五型\nTN20004,钟欣博,崇龛镇中心小学,骨干\n",
    )
    .unwrap();
    let r = import(&mut db, Kind::Teachers, &path).unwrap();
    assert_eq!((r.added, r.updated), (0, 1));
    let t = teachers::by_staff_no(&db.conn, "TN20004").unwrap().unwrap();
    assert_eq!(t.tier, Tier::Backbone);
    assert_eq!(t.phone, "17668328545", "absent column keeps the phone");
    assert_eq!(
        liaoyuan::store::tier_steps::history(&db.conn, t.id)
            .unwrap()
            .len(),
        1
    );
    let logged: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND entity_id = ?1",
            [t.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);
}

/// Schools, teachers, trainers, projects, sessions and enrolments from the fixtures.
fn district() -> Db {
    let mut db = with_schools();
    import(&mut db, Kind::Teachers, &fixture("teachers-gbk.csv")).unwrap();
    assert_eq!(
        import(&mut db, Kind::Trainers, &fixture("trainers.csv"))
            .unwrap()
            .added,
        2
    );
    assert_eq!(
        import(&mut db, Kind::Projects, &fixture("projects.csv"))
            .unwrap()
            .added,
        2
    );
    assert_eq!(
        import(&mut db, Kind::Sessions, &fixture("sessions.csv"))
            .unwrap()
            .added,
        3
    );
    let opts = ImportOptions {
        project: Some("2026-QP-101".into()),
        ..ImportOptions::default()
    };
    let r = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Enrolments,
        &fixture("enrolments.csv"),
        &opts,
    )
    .unwrap();
    assert_eq!(r.added, 6);
    db
}

#[test]
fn trainers_projects_sessions_and_enrolments() {
    let mut db = district();
    let expert = trainers::external_by_name(&db.conn, "李明华")
        .unwrap()
        .unwrap();
    assert_eq!(expert.levels, [3, 3, 2, 2, 3, 3]);
    let hu = teachers::by_staff_no(&db.conn, "TN20001").unwrap().unwrap();
    let t = trainers::by_teacher(&db.conn, hu.id).unwrap().unwrap();
    assert_eq!(t.name, "胡涵");
    let p = liaoyuan::store::projects::project_by_code(&db.conn, "2026-QP-101")
        .unwrap()
        .unwrap();
    assert!(p.concentrated);
    assert_eq!(p.capacity, Some(40));
    let list = sessions::sessions_of_project(&db.conn, p.id).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].trainer_id, Some(expert.id));
    assert_eq!(
        list[1].start.format("%H:%M").to_string(),
        "14:00",
        "下午 → default times"
    );
    assert_eq!(list[2].trainer_id, Some(t.id), "trainer by staff number");
    // Everything again: no duplicates.
    for (kind, file) in [
        (Kind::Trainers, "trainers.csv"),
        (Kind::Projects, "projects.csv"),
        (Kind::Sessions, "sessions.csv"),
    ] {
        let r = import(&mut db, kind, &fixture(file)).unwrap();
        assert_eq!((r.added, r.updated), (0, 0), "{file}");
    }
}

#[test]
fn enrolments_without_project_are_refused() {
    let mut db = district();
    let err = import(&mut db, Kind::Enrolments, &fixture("enrolments.csv")).unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::En).contains("--project"),
        "{err}"
    );
}

fn mark_of(db: &Db, staff_no: &str) -> Option<liaoyuan::domain::Mark> {
    let p = liaoyuan::store::projects::project_by_code(&db.conn, "2026-QP-101")
        .unwrap()
        .unwrap();
    let s = sessions::session_number_of(&db.conn, p.id, 1)
        .unwrap()
        .unwrap();
    let t = teachers::by_staff_no(&db.conn, staff_no).unwrap().unwrap();
    marks::get_mark(&db.conn, s.id, t.id).unwrap()
}

#[test]
fn marks_sheet_applies_the_grace_rule_and_minutes_early() {
    let mut db = district();
    let opts = ImportOptions {
        project: Some("2026-QP-101".into()),
        session: Some(1),
        ..ImportOptions::default()
    };
    let r = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &fixture("marks-sheet.csv"),
        &opts,
    )
    .unwrap();
    assert_eq!(r.added, 5, "the blank row is left for close-session");
    let m = |s| mark_of(&db, s);
    assert_eq!(m("TN20001").unwrap().status, Status::Present);
    let boundary = m("TN20002").unwrap();
    assert_eq!(
        (boundary.status, boundary.minutes_late),
        (Status::Present, 0),
        "08:35 = start + grace"
    );
    let late = m("TN20003").unwrap();
    assert_eq!((late.status, late.minutes_late), (Status::Late, 6));
    let early = m("TN20004").unwrap();
    assert_eq!((early.status, early.minutes_early), (Status::LeftEarly, 40));
    let leave = m("TN20005").unwrap();
    assert_eq!(
        (leave.status, leave.reason.as_str()),
        (Status::Excused, "生病")
    );
    assert!(m("TN20006").is_none());
    // The same sheet again changes nothing.
    let again = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &fixture("marks-sheet.csv"),
        &opts,
    )
    .unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 5));
}

#[test]
fn marks_sheet_refuses_leave_without_reason_and_lifting_a_veto_without_reason() {
    let mut db = district();
    let opts = ImportOptions {
        project: Some("2026-QP-101".into()),
        session: Some(1),
        ..ImportOptions::default()
    };
    import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &fixture("marks-sheet.csv"),
        &opts,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fix.csv");
    std::fs::write(
        &path,
        "工号,签到时间,状态,事由\nTN20003,08:30,,\nTN20006,,请假,\nTN20001,,旷课,\n",
    )
    .unwrap();
    let err = import_file(&mut db, &crate::import::stamp(), Kind::Marks, &path, &opts).unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("{err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.en).collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(
        rows[0].starts_with("line 2: 事由: changing late to present lifts a one-vote veto"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].starts_with("line 3: 事由: is empty: leave"),
        "{}",
        rows[1]
    );
    assert_eq!(mark_of(&db, "TN20003").unwrap().status, Status::Late);
    assert_eq!(
        mark_of(&db, "TN20001").unwrap().status,
        Status::Present,
        "nothing written"
    );
}

#[test]
fn unknown_header_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(&path, "foo,bar\n1,2\n").unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let err = import(&mut db, Kind::Teachers, &path).unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::En).contains("staff_no/工号"),
        "{err}"
    );
}

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    c.env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB");
    c
}

#[test]
fn cli_exit_1_lists_every_bad_line_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let ok = bin()
        .args(["--db", db, "import", "schools"])
        .arg(fixture("schools.csv"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = bin()
        .args(["import", "teachers", "--db", db])
        .arg(fixture("teachers-with-errors.csv"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    for line in 3..=8 {
        assert!(err.contains(&format!("line {line}: ")), "{err}");
    }
    let dry = bin()
        .args([
            "--db",
            db,
            "--lang",
            "en",
            "import",
            "teachers",
            "--dry-run",
        ])
        .arg(fixture("teachers-gbk.csv"))
        .output()
        .unwrap();
    assert!(dry.status.success());
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(out.contains("would add 20"), "{out}");
    let db = Db::open(Path::new(db), liaoyuan::store::OpenMode::ReadOnly).unwrap();
    assert_eq!(count(&db, "teachers"), 0);
}

#[test]
fn xlsx_date_and_time_cells_come_out_as_iso_text() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let date = Format::new().set_num_format("yyyy/m/d");
    let time = Format::new().set_num_format("h:mm");
    let projects = dir.path().join("projects.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let head = [
        "项目编号",
        "项目名称",
        "级别",
        "计划",
        "学分",
        "开始日期",
        "结束日期",
    ];
    for (j, h) in head.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "2026-MP-201").unwrap();
    ws.write_string(1, 1, "市级骨干研修").unwrap();
    ws.write_string(1, 2, "市培").unwrap();
    ws.write_string(1, 3, "紧缺学科").unwrap();
    ws.write_number(1, 4, 8.0).unwrap();
    let d1 = ExcelDateTime::from_ymd(2026, 5, 6).unwrap();
    let d2 = ExcelDateTime::from_ymd(2026, 5, 7).unwrap();
    ws.write_datetime_with_format(1, 5, &d1, &date).unwrap();
    ws.write_datetime_with_format(1, 6, &d2, &date).unwrap();
    book.save(&projects).unwrap();

    let sessions = dir.path().join("sessions.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (j, h) in ["项目编号", "日期", "开始时间", "结束时间"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "2026-MP-201").unwrap();
    ws.write_datetime_with_format(1, 1, &d1, &date).unwrap();
    let t1 = ExcelDateTime::from_hms(8, 30, 0).unwrap();
    let t2 = ExcelDateTime::from_hms(11, 45, 0).unwrap();
    ws.write_datetime_with_format(1, 2, &t1, &time).unwrap();
    ws.write_datetime_with_format(1, 3, &t2, &time).unwrap();
    book.save(&sessions).unwrap();

    let mut db = Db::open_in_memory().unwrap();
    assert_eq!(import(&mut db, Kind::Projects, &projects).unwrap().added, 1);
    assert_eq!(import(&mut db, Kind::Sessions, &sessions).unwrap().added, 1);
    let p = liaoyuan::store::projects::project_by_code(&db.conn, "2026-MP-201")
        .unwrap()
        .unwrap();
    assert_eq!(p.start_date.to_string(), "2026-05-06");
    assert_eq!(p.credits, 8.0);
    let s = sessions::sessions_of_project(&db.conn, p.id).unwrap();
    assert_eq!(s[0].date.to_string(), "2026-05-06");
    assert_eq!(s[0].start.format("%H:%M").to_string(), "08:30");
    assert_eq!(s[0].end.format("%H:%M").to_string(), "11:45");
}

fn problems_of(db: &mut Db, kind: Kind, name: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    match import(db, kind, &path).unwrap_err() {
        Error::Rows(rows) => rows.into_iter().map(|r| r.en).collect(),
        other => panic!("expected row problems, got {other}"),
    }
}

#[test]
fn bad_projects_sessions_and_trainers_are_listed_by_line_and_column() {
    let mut db = district();
    let rows = problems_of(
        &mut db,
        Kind::Projects,
        "p.csv",
        "code,title,level,plan,start_date,end_date,capacity\n\
         X1,甲,省培,starlight,2026-01-02,2026-01-03,\n\
         X2,乙,district,starlight,2026-02-30,2026-03-01,\n\
         X3,丙,district,强师,2026-03-05,2026-03-01,\n\
         X4,丁,district,starlight,2026-03-05,2026-03-06,很多\n",
    );
    assert_eq!(rows.len(), 5, "{rows:#?}");
    assert!(
        rows[0].starts_with("line 2: level: '省培' is not a known level (accepted: national/国培")
    );
    assert!(rows[1].starts_with("line 3: start_date: '2026-02-30' is not a date"));
    assert!(rows[2].starts_with("line 4: plan: '强师'"), "{}", rows[2]);
    assert!(rows[3].starts_with("line 4: end_date: 2026-03-01 is before the start date"));
    assert!(rows[4].starts_with("line 5: capacity: '很多' is not a whole number"));

    let rows = problems_of(
        &mut db,
        Kind::Sessions,
        "s.csv",
        "project,date,start,end,trainer\n\
         2026-QP-101,2026-03-04,08:30,11:30,李明\n\
         2026-QP-101,2026-03-04,14:00,13:00,\n\
         NOPE,2026-03-04,08:30,11:30,\n\
         2026-QP-101,2026-03-04,8点半,11:30,\n",
    );
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert!(
        rows[0].contains("line 2: trainer: '李明' is not a known trainer (did you mean 李明华?)")
    );
    assert!(rows[1].starts_with("line 3: end: 13:00 is not after the start 14:00"));
    assert!(rows[2].starts_with("line 4: project: 'NOPE' is not a known project code"));
    assert!(rows[3].starts_with("line 5: start: '8点半' is not a time"));

    let rows = problems_of(
        &mut db,
        Kind::Trainers,
        "t.csv",
        "工号,姓名,设计,状态\nTN99999,,1,\n,,2,\n,张三,4,\n,李四,1,退休了\n",
    );
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert!(rows[0].starts_with("line 2: 工号: TN99999 is not a known teacher"));
    assert!(rows[1].starts_with("line 3: 姓名: is empty"));
    assert!(rows[2].starts_with("line 4: 设计: '4' is not a whole number from 0 to 3"));
    assert!(rows[3].starts_with("line 5: 状态: '退休了' is not a known trainer status"));
}

#[test]
fn marks_session_may_be_a_number_a_date_or_a_date_and_start() {
    let mut db = district();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.csv");
    std::fs::write(
        &path,
        "项目编号,场次,工号,签到时间\n\
         2026-QP-101,3,TN20001,08:20\n\
         2026-QP-101,2026-03-03,TN20002,08:40\n\
         2026-QP-101,2026-03-02 14:00,TN20003,14:00\n\
         2026-QP-101,2026-03-02,TN20004,08:00\n\
         2026-QP-101,9,TN20005,08:00\n",
    )
    .unwrap();
    let err = import(&mut db, Kind::Marks, &path).unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("{err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.en).collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(rows[0].starts_with("line 5: 场次: 2026-QP-101 has several sessions on 2026-03-02"));
    assert!(rows[1].starts_with("line 6: 场次: 9: 2026-QP-101 has 3 session(s)"));
    std::fs::write(
        &path,
        "项目编号,场次,工号,签到时间\n\
         2026-QP-101,3,TN20001,08:20\n\
         2026-QP-101,2026-03-03,TN20002,08:40\n\
         2026-QP-101,2026-03-02 14:00,TN20003,14:00\n",
    )
    .unwrap();
    let r = import(&mut db, Kind::Marks, &path).unwrap();
    assert_eq!(r.added, 3);
}

fn sheet_opts() -> ImportOptions {
    ImportOptions {
        project: Some("2026-QP-101".into()),
        session: Some(1),
        ..ImportOptions::default()
    }
}

fn write_sheet(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("sheet.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_mark_carries_the_school_that_sent_the_teacher_not_the_current_one() {
    let mut db = district();
    let t = teachers::by_staff_no(&db.conn, "TN20001").unwrap().unwrap();
    let sent_by = t.school_id;
    // The teacher moves to another school after the enrolment.
    db.conn
        .execute(
            "UPDATE teachers SET school_id = (SELECT min(id) FROM schools WHERE id <> ?1) WHERE id = ?2",
            [sent_by, t.id],
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_sheet(&dir, "工号,签到时间\nTN20001,08:20\n");
    import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &path,
        &sheet_opts(),
    )
    .unwrap();
    assert_eq!(mark_of(&db, "TN20001").unwrap().school_id, sent_by);
}

#[test]
fn at_a_closed_session_a_change_of_minutes_or_times_needs_a_reason() {
    let mut db = district();
    import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &fixture("marks-sheet.csv"),
        &sheet_opts(),
    )
    .unwrap();
    db.conn
        .execute(
            "UPDATE sessions SET closed_at = '2026-03-20 12:00:00', closed_by = 'x'",
            [],
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // TN20003 stays late (other minutes); TN20001 stays present (other arrival time).
    let path = write_sheet(&dir, "工号,签到时间,事由\nTN20003,08:50,\nTN20001,08:10,\n");
    let err = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &path,
        &sheet_opts(),
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("{err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.en).collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(rows[0].starts_with("line 2: 事由: "), "{}", rows[0]);
    assert!(rows[1].starts_with("line 3: 事由: "), "{}", rows[1]);
    assert_eq!(mark_of(&db, "TN20003").unwrap().minutes_late, 6);
    // With the reason the change is written; the unchanged rows need none.
    let path = write_sheet(
        &dir,
        "工号,签到时间,事由\nTN20003,08:50,按签到表更正\nTN20002,08:35,\n",
    );
    let r = import_file(
        &mut db,
        &crate::import::stamp(),
        Kind::Marks,
        &path,
        &sheet_opts(),
    )
    .unwrap();
    assert_eq!((r.updated, r.unchanged), (1, 1));
    assert_eq!(mark_of(&db, "TN20003").unwrap().minutes_late, 20);
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
