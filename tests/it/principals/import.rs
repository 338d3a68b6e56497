//! `import teachers` with the optional 职务 / 任职时间 columns.

use liaoyuan::ops::import::{import_file, ImportOptions, ImportReport, Kind};
use liaoyuan::store::{principals, teachers, Db};

fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-09-01 10:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}

fn import_text(db: &mut Db, text: &str) -> liaoyuan::Result<ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teachers.csv");
    std::fs::write(&path, text).unwrap();
    import_file(
        db,
        &stamp(),
        Kind::Teachers,
        &path,
        &ImportOptions::default(),
    )
}

fn role(db: &Db, staff_no: &str) -> Option<String> {
    let t = teachers::by_staff_no(&db.conn, staff_no).unwrap().unwrap();
    principals::role_of(&db.conn, t.id)
        .unwrap()
        .map(|(r, since)| {
            format!(
                "{} {}",
                r.code(),
                since.map(|d| d.to_string()).unwrap_or_default()
            )
        })
}

#[test]
fn roles_and_appointment_dates_are_imported_and_a_blank_cell_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = super::district(dir.path());
    let r = import_text(
        &mut db,
        "工号,姓名,学校,职务,任职时间\n\
         T3,王芳,实验小学,副校长,2024-02-01\n\
         T9,陈静,柏梓中学,书记,\n\
         T1,张伟,实验小学,,\n",
    )
    .unwrap();
    assert_eq!((r.added, r.updated, r.unchanged), (1, 1, 1));
    assert_eq!(
        role(&db, "T3").as_deref(),
        Some("vice_principal 2024-02-01")
    );
    assert_eq!(role(&db, "T9").as_deref(), Some("party_secretary "));
    assert_eq!(role(&db, "T1").as_deref(), Some("principal 2025-09-01"));
    let audited: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND action = 'import_update'
               AND json_extract(after, '$.role') IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2, "each role set is audited");
}

#[test]
fn a_bad_role_a_date_without_a_role_or_a_future_date_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = super::district(dir.path());
    let err = import_text(
        &mut db,
        "staff_no,name,school,role,role_since\n\
         T3,王芳,实验小学,dean,2024-02-01\n\
         T1,张伟,实验小学,,2024-02-01\n\
         T2,李娜,柏梓中学,园长,2026-09-02\n\
         T8,新老师,柏梓中学,中层,2026-01-01\n",
    )
    .unwrap_err()
    .to_string();
    for part in ["line 2: role", "line 3: role_since", "line 4: role_since"] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert!(!err.contains("line 5"), "{err}");
    assert_eq!(role(&db, "T3"), None);
    assert!(teachers::by_staff_no(&db.conn, "T8").unwrap().is_none());
}

fn import_projects(db: &mut Db, text: &str) -> liaoyuan::Result<ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("projects.csv");
    std::fs::write(&path, text).unwrap();
    import_file(
        db,
        &stamp(),
        Kind::Projects,
        &path,
        &ImportOptions::default(),
    )
}

fn meta(db: &Db, code: &str) -> String {
    db.conn
        .query_row(
            "SELECT hours || ' ' || coalesce(form, '-') || ' ' || coalesce(budget_planned, '-') || ' '
                    || coalesce(budget_spent, '-') || ' ' || qualification FROM projects WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn projects_import_hours_form_budget_and_qualification_and_blank_cells_keep_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = super::district(dir.path());
    let r = import_projects(
        &mut db,
        "项目编号,项目名称,级别,计划,开始日期,结束日期,学时,培训形式,预算,支出,任职资格培训\n\
         RZ26,新任园长任职资格培训,市培,校园长,2026-10-01,2026-12-20,300,混合,60000,,是\n\
         P2026,校长高级研修班,区培,校园长,2026-03-01,2026-03-10,,,,16000,\n",
    )
    .unwrap();
    assert_eq!((r.added, r.updated), (1, 1));
    assert_eq!(meta(&db, "RZ26"), "300.0 blended 60000.0 - 1");
    assert_eq!(meta(&db, "P2026"), "40.0 shadowing 20000.0 16000.0 0");
    let err = import_projects(
        &mut db,
        "code,title,level,plan,start_date,end_date,hours,form,budget_planned\n\
         X1,在线研修,district,starlight,2026-10-01,2026-10-02,-3,somewhere,lots\n",
    )
    .unwrap_err()
    .to_string();
    for part in ["line 2: hours", "line 2: form", "line 2: budget_planned"] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(
        db.conn
            .query_row("SELECT count(*) FROM projects WHERE code = 'X1'", [], |r| r
                .get::<_, i64>(0))
            .unwrap(),
        0
    );
}
