//! `import teachers` reads a tier with its level (`区级骨干`, `市级学科带头人`) or a separate
//! level column (级别); a level on a tier without levels, or two levels that disagree, are
//! problems of their row and nothing is written.

use liaoyuan::domain::{Tier, TierLevel};
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{teachers, tier_steps, Db};

fn import(db: &mut Db, text: &str) -> liaoyuan::Result<liaoyuan::ops::import::ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teachers.csv");
    std::fs::write(&path, text).unwrap();
    import_file(
        db,
        &crate::import::stamp(),
        Kind::Teachers,
        &path,
        &ImportOptions::default(),
    )
}

fn district() -> Db {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary')")
        .unwrap();
    db
}

fn tier_of(db: &Db, staff_no: &str) -> (Tier, Option<TierLevel>) {
    let t = teachers::by_staff_no(&db.conn, staff_no).unwrap().unwrap();
    (t.tier, t.tier_level)
}

#[test]
fn a_tier_with_its_level_or_a_level_column_is_imported() {
    let mut db = district();
    let r = import(
        &mut db,
        "工号,姓名,学校,层级,级别\n\
         T1,张伟,实验小学,区级骨干,\n\
         T2,李娜,实验小学,市级学科带头人,\n\
         T3,王芳,实验小学,骨干,国家级\n\
         T4,刘洋,实验小学,合格,\n\
         T5,陈静,实验小学,区级骨干教师,区级\n",
    )
    .unwrap();
    assert_eq!(r.added, 5);
    use TierLevel::*;
    assert_eq!(tier_of(&db, "T1"), (Tier::Backbone, Some(District)));
    assert_eq!(tier_of(&db, "T2"), (Tier::Renowned, Some(Municipal)));
    assert_eq!(tier_of(&db, "T3"), (Tier::Backbone, Some(National)));
    assert_eq!(tier_of(&db, "T4"), (Tier::Qualified, None));
    assert_eq!(tier_of(&db, "T5"), (Tier::Backbone, Some(District)));
    // Promoted by a later file: 区级 → 市级 is a step of the history, with its level.
    let r = import(&mut db, "工号,姓名,学校,层级\nT1,张伟,实验小学,市级骨干\n").unwrap();
    assert_eq!(r.updated, 1);
    assert_eq!(tier_of(&db, "T1"), (Tier::Backbone, Some(Municipal)));
    let t = teachers::by_staff_no(&db.conn, "T1").unwrap().unwrap();
    let steps = tier_steps::history(&db.conn, t.id).unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].tier, steps[0].level),
        (Tier::Backbone, Some(Municipal))
    );
    // A blank level keeps the stored one.
    let r = import(&mut db, "工号,姓名,学校,层级\nT1,张伟,实验小学,骨干\n").unwrap();
    assert_eq!(r.unchanged, 1);
    assert_eq!(tier_of(&db, "T1"), (Tier::Backbone, Some(Municipal)));
}

#[test]
fn a_level_that_does_not_fit_is_a_problem_of_its_row() {
    let mut db = district();
    let err = import(
        &mut db,
        "工号,姓名,学校,层级,级别\n\
         T1,张伟,实验小学,合格,区级\n\
         T2,李娜,实验小学,区级骨干,市级\n\
         T3,王芳,实验小学,区级教坛新秀,\n\
         T4,刘洋,实验小学,省级骨干,\n",
    )
    .unwrap_err();
    let liaoyuan::Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}");
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.en).collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows[0].starts_with("line 2: 级别: Qualified has no level"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("line 3: 级别: level Municipal disagrees"),
        "{rows:?}"
    );
    assert!(
        rows[2].starts_with("line 4: 级别: Rising teacher has no level"),
        "{rows:?}"
    );
    assert!(
        rows[3].starts_with("line 5: 层级: '省级骨干' is not a known tier"),
        "{rows:?}"
    );
    let n: i64 = db
        .conn
        .query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_level_without_a_tier_that_has_levels_is_refused_not_dropped() {
    let mut db = district();
    import(&mut db, "工号,姓名,学校,层级\nT1,张伟,实验小学,合格\n").unwrap();
    for text in [
        // The stored tier (合格) has no level.
        "工号,姓名,学校,级别\nT1,张伟,实验小学,区级\n",
        // A new teacher without a tier is 合格, which has none either.
        "工号,姓名,学校,级别\nT2,李娜,实验小学,市级\n",
    ] {
        let err = import(&mut db, text).unwrap_err().to_string();
        assert!(
            err.contains("no level") || err.contains("没有级别"),
            "{err}"
        );
    }
    assert_eq!(tier_of(&db, "T1"), (Tier::Qualified, None));
    assert!(teachers::by_staff_no(&db.conn, "T2").unwrap().is_none());
    // With a tier that has levels, the level column alone sets the level.
    import(&mut db, "工号,姓名,学校,层级\nT1,张伟,实验小学,骨干\n").unwrap();
    import(&mut db, "工号,姓名,学校,级别\nT1,张伟,实验小学,区级\n").unwrap();
    assert_eq!(
        tier_of(&db, "T1"),
        (Tier::Backbone, Some(TierLevel::District))
    );
}
