//! `import allotments`: Chinese headers, GBK CSV, XLSX, refused rows with their lines.

use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::Db;
use liaoyuan::Error;
use std::path::{Path, PathBuf};

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(db: &mut Db, kind: Kind, path: &Path, dry_run: bool) -> liaoyuan::Result<ImportReport> {
    let opts = ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    import_file(db, &super::stamp(), kind, path, &opts)
}

/// The sample schools and projects.
fn district() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    import(&mut db, Kind::Schools, &fixture("schools.csv"), false).unwrap();
    import(&mut db, Kind::Projects, &fixture("projects.csv"), false).unwrap();
    db
}

fn places(db: &Db) -> Vec<(String, String, i64)> {
    let mut stmt = db
        .conn
        .prepare(
            "SELECT p.code, s.name, a.places FROM school_allotments a
             JOIN projects p ON p.id = a.project_id JOIN schools s ON s.id = a.school_id
             ORDER BY p.code, s.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn expected() -> Vec<(String, String, i64)> {
    [
        ("2026-QP-101", "潼南区实验小学", 6),
        ("2026-QP-101", "潼南区第一中学", 5),
        ("2026-QP-101", "梓潼街道中心小学", 4),
        ("2026-XP-102", "潼南区实验小学", 2),
    ]
    .iter()
    .map(|(p, s, n)| (p.to_string(), s.to_string(), *n))
    .collect()
}

#[test]
fn gbk_csv_with_chinese_headers_is_imported_and_a_second_time_changes_nothing() {
    let mut db = district();
    let dry = import(
        &mut db,
        Kind::Allotments,
        &fixture("allotments-gbk.csv"),
        true,
    )
    .unwrap();
    assert_eq!((dry.added, dry.dry_run), (4, true));
    assert!(places(&db).is_empty(), "a dry run writes nothing");
    let r = import(
        &mut db,
        Kind::Allotments,
        &fixture("allotments-gbk.csv"),
        false,
    )
    .unwrap();
    assert_eq!((r.rows, r.added, r.updated), (4, 4, 0));
    assert_eq!(places(&db), expected());
    let again = import(
        &mut db,
        Kind::Allotments,
        &fixture("allotments-gbk.csv"),
        false,
    )
    .unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 4));
}

#[test]
fn xlsx_is_imported_and_changed_places_are_updated() {
    let mut db = district();
    db.conn
        .execute(
            "INSERT INTO school_allotments (project_id, school_id, places)
             SELECT p.id, s.id, 9 FROM projects p, schools s
             WHERE p.code = '2026-QP-101' AND s.name = '潼南区实验小学'",
            [],
        )
        .unwrap();
    let r = import(
        &mut db,
        Kind::Allotments,
        &fixture("allotments.xlsx"),
        false,
    )
    .unwrap();
    assert_eq!((r.added, r.updated), (3, 1));
    assert_eq!(places(&db), expected());
    let audited: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'import_update' AND entity = 'project'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1, "the update has its before and after");
}

#[test]
fn unknown_projects_and_schools_bad_and_repeated_rows_are_refused_with_their_lines() {
    let mut db = district();
    let err = import(
        &mut db,
        Kind::Allotments,
        &fixture("allotments-with-errors.csv"),
        false,
    )
    .unwrap_err();
    let Error::Rows(rows) = &err else {
        panic!("not a row refusal: {err:?}");
    };
    let zh: Vec<&str> = rows.iter().map(|t| t.zh.as_str()).collect();
    assert!(
        zh[0].starts_with("line 3: 项目编号: 未知项目编号“2026-QP-999”"),
        "{zh:?}"
    );
    assert!(
        zh[1].starts_with("line 4: 学校: 未知学校“潼南区实验小雪”"),
        "{zh:?}"
    );
    assert!(zh[2].starts_with("line 5: 名额: “-1”不是 0 到"), "{zh:?}");
    assert!(
        zh[3].starts_with("line 6: 学校: 潼南区实验小学 在 2026-QP-101 重复出现（第 2 行已有）"),
        "{zh:?}"
    );
    assert_eq!(rows.len(), 4, "{zh:?}");
    assert!(places(&db).is_empty(), "a refused file writes nothing");
}

/// Writes tests/fixtures/allotments.xlsx (run once with `--ignored`; the file is committed).
#[test]
#[ignore]
fn make_the_xlsx_fixture() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "2026 年名额分配表").unwrap();
    let rows: [(&str, &str, f64); 4] = [
        ("2026-QP-101", "潼南区实验小学", 6.0),
        ("2026-QP-101", "潼南区第一中学", 5.0),
        ("2026-QP-101", "梓潼街道中心小学", 4.0),
        ("2026-XP-102", "潼南区实验小学", 2.0),
    ];
    for (c, h) in ["项目编号", "学校", "名额"].iter().enumerate() {
        sheet.write(1, c as u16, *h).unwrap();
    }
    for (i, (p, s, n)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        sheet.write(r, 0, *p).unwrap();
        sheet.write(r, 1, *s).unwrap();
        sheet.write(r, 2, *n).unwrap();
    }
    book.save(fixture("allotments.xlsx")).unwrap();
}
