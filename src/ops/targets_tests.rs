//! Each target's number on a fixed set of teachers, by school and subject, the trend per
//! year from the tier history, and the audited edit.

use super::*;
use crate::domain::{Tier, TierLevel};
use crate::ops::tier_steps::add_tier_step;
use crate::store::tier_steps::TierStep;

fn day(s: &str) -> NaiveDate {
    crate::domain::parse_date(s).unwrap()
}

/// Two schools; teachers T1…T9 with these steps (tier, level, date):
/// T1 区级骨干 2022 → 市级骨干 2024; T2 区级骨干 2023; T3 区级骨干 2025; T4 区级名优 2024;
/// T5 国家级名优 2021; T6 卓越 (no step, set directly); T7 骨干 without level 2023;
/// T8 区级骨干 2023 but retired; T9 合格. Roles: T1 and T2 principals (only T1 is held at
/// 市级), T9 a reserve cadre, T8 a reserve cadre but retired.
fn district() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');
             INSERT INTO teachers (id, staff_no, name, school_id, subject, tier, status) VALUES
               (1, 'T1', '张伟', 1, '语文', 'qualified', 'active'),
               (2, 'T2', '李娜', 1, '数学', 'qualified', 'active'),
               (3, 'T3', '王芳', 2, '语文', 'qualified', 'active'),
               (4, 'T4', '刘洋', 2, '数学', 'qualified', 'active'),
               (5, 'T5', '陈静', 2, '英语', 'qualified', 'active'),
               (6, 'T6', '杨帆', 1, '语文', 'eminent', 'active'),
               (7, 'T7', '赵磊', 1, '数学', 'qualified', 'active'),
               (8, 'T8', '黄敏', 2, '语文', 'qualified', 'retired'),
               (9, 'T9', '周杰', 1, '语文', 'qualified', 'active');",
        )
        .unwrap();
    db.conn
        .execute_batch(
            "UPDATE teachers SET role = 'principal', role_since = '2020-09-01' WHERE id IN (1, 2);
             UPDATE teachers SET role = 'reserve_cadre' WHERE id IN (8, 9);",
        )
        .unwrap();
    let stamp = crate::store::test_stamp("2026-06-01 10:00");
    use TierLevel::*;
    let steps = [
        (1, Tier::Backbone, Some(District), "2022-09-01"),
        (1, Tier::Backbone, Some(Municipal), "2024-09-01"),
        (2, Tier::Backbone, Some(District), "2023-09-01"),
        (3, Tier::Backbone, Some(District), "2025-09-01"),
        (4, Tier::Renowned, Some(District), "2024-09-01"),
        (5, Tier::Renowned, Some(National), "2021-09-01"),
        (7, Tier::Backbone, None, "2023-09-01"),
        (8, Tier::Backbone, Some(District), "2023-09-01"),
    ];
    for (id, tier, level, since) in steps {
        let step = TierStep::new(tier, level, day(since));
        add_tier_step(&mut db, id, &step, &stamp).unwrap();
    }
    db
}

fn line(r: &TargetsReport, k: TargetKind) -> &TargetLine {
    r.lines.iter().find(|l| l.what == k).unwrap()
}

#[test]
fn each_target_counts_its_teachers_against_the_plan_number() {
    let db = district();
    let r = report(&db.conn, day("2026-06-01")).unwrap();
    let got = |k| (line(&r, k).target, line(&r, k).count);
    // T2, T3 (T1 is municipal now, T8 retired, T7 has no level).
    assert_eq!(
        got(TargetKind::DistrictBackbone),
        (Some((2025, 500)), Some(2))
    );
    assert_eq!(
        got(TargetKind::DistrictRenowned),
        (Some((2025, 200)), Some(1))
    );
    // T1 市级骨干, T5 国家级名优, T6 卓越.
    assert_eq!(
        got(TargetKind::MunicipalTeachers),
        (Some((2025, 50)), Some(3))
    );
    // Counted by role: T1 (a principal held at 市级; T2 is 区级); T9 (T8 is retired).
    assert_eq!(
        got(TargetKind::MunicipalPrincipals),
        (Some((2025, 5)), Some(1))
    );
    assert_eq!(
        got(TargetKind::PrincipalReserve),
        (Some((2025, 300)), Some(1))
    );
}

#[test]
fn by_school_and_subject_split_the_same_counts() {
    let db = district();
    let r = report(&db.conn, day("2026-06-01")).unwrap();
    assert_eq!(counted_kinds().len(), 3);
    let by = |g: &[GroupLine]| {
        g.iter()
            .map(|l| format!("{} {:?}", l.name, l.counts))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by(&r.by_school),
        ["实验小学 [1, 0, 2]", "第二中学 [1, 1, 1]"]
    );
    assert_eq!(
        by(&r.by_subject),
        ["语文 [1, 0, 2]", "数学 [1, 1, 0]", "英语 [0, 0, 1]"]
    );
}

#[test]
fn the_trend_counts_each_year_end_from_the_tier_history() {
    let db = district();
    let r = report(&db.conn, day("2026-06-01")).unwrap();
    assert_eq!(
        r.trend,
        vec![
            // T1 区级; T5; T6 (no step: counted every year).
            (2022, vec![1, 0, 2]),
            (2023, vec![2, 0, 2]),
            // T1 moved to 市级; T4 区级名优.
            (2024, vec![1, 1, 3]),
            (2025, vec![2, 1, 3]),
            (2026, vec![2, 1, 3]),
        ]
    );
}

#[test]
fn a_target_edit_is_audited_and_a_bad_one_changes_nothing() {
    let mut db = district();
    let stamp = crate::store::test_stamp("2026-06-01 10:00");
    let t = parse_target("区级骨干教师 2025 520").unwrap();
    assert_eq!(set_target(&mut db, &t, &stamp).unwrap(), Some(500));
    let t = parse_target("district_backbone 2030 600").unwrap();
    assert_eq!(set_target(&mut db, &t, &stamp).unwrap(), None);
    assert!(parse_target("区级骨干教师 2025").is_err());
    assert!(parse_target("特级教师 2025 3").is_err());
    let bad = Target { number: -1, ..t };
    assert!(set_target(&mut db, &bad, &stamp).is_err());
    let audit: Vec<String> = db
        .conn
        .prepare("SELECT action || ' ' || coalesce(json_extract(before, '$.number'), '-') || ' ' || json_extract(after, '$.number') FROM audit_log WHERE entity = 'target' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(audit, ["update 500 520", "create - 600"]);
    let r = report(&db.conn, day("2026-06-01")).unwrap();
    // 2025 is past: the view measures against 2030 now.
    assert_eq!(
        line(&r, TargetKind::DistrictBackbone).target,
        Some((2030, 600))
    );
}

#[test]
fn a_backdated_step_keeps_the_current_tier_and_a_level_needs_a_tier_with_levels() {
    let mut db = district();
    let stamp = crate::store::test_stamp("2026-06-01 10:00");
    let old = TierStep::new(Tier::Backbone, Some(TierLevel::District), day("2020-01-01"));
    let (t, changed) = add_tier_step(&mut db, 1, &old, &stamp).unwrap();
    assert!(!changed);
    assert_eq!(
        (t.tier, t.tier_level),
        (Tier::Backbone, Some(TierLevel::Municipal))
    );
    let bad = TierStep::new(
        Tier::Qualified,
        Some(TierLevel::District),
        day("2026-01-01"),
    );
    assert!(add_tier_step(&mut db, 9, &bad, &stamp).is_err());
    let steps = crate::store::tier_steps::history(&db.conn, 9).unwrap();
    assert!(steps.is_empty(), "the refused step wrote nothing");
}
