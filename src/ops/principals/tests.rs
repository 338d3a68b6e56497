use super::*;
use crate::domain::Plan;
use crate::store::principals::plan_summary;

/// Three leaders and a reserve cadre; four projects (one a qualification training), their
/// completions in two cycles (2021–2025 and 2026–2030).
fn district() -> Db {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '城南幼儿园', 'kindergarten');
             INSERT INTO teachers (id, staff_no, name, school_id, role, role_since) VALUES
               (1, 'T1', '张伟', 1, 'principal', '2025-09-01'),
               (2, 'T2', '李娜', 1, 'vice_principal', '2020-03-01'),
               (3, 'T3', '王芳', 2, 'kindergarten_head', '2025-09-02'),
               (4, 'T4', '刘洋', 1, 'reserve_cadre', '2019-01-01'),
               (5, 'T5', '赵磊', 1, NULL, NULL);
             INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date, hours, budget_planned, budget_spent, qualification) VALUES
               (1, 'Q1', '校长任职资格培训', 'municipal', 'principal_leadership', 10, '2025-10-01', '2025-12-20', 120, 50000, 48000.5, 1),
               (2, 'P2', '校长高级研修', 'district', 'principal_leadership', 4, '2026-03-01', '2026-03-10', 40, 20000, 15000, 0),
               (3, 'P3', '园长跟岗', 'district', 'principal_leadership', 3, '2026-05-01', '2026-05-05', 32.5, NULL, NULL, 0),
               (4, 'S1', '星光讲师', 'district', 'starlight', 2, '2026-04-01', '2026-04-02', 16, 8000, 0, 0);
             INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
               (1, 1, 1, 'x'), (1, 2, 1, 'x'), (2, 1, 1, 'x'), (2, 2, 1, 'x'), (2, 4, 1, 'x'),
               (3, 3, 2, 'x'), (4, 5, 1, 'x');
             INSERT INTO credit_entries (teacher_id, project_id, credits, earned_on, source) VALUES
               (1, 1, 10, '2025-12-20', 'project'), (2, 1, 10, '2025-12-20', 'project'),
               (1, 2, 4, '2026-03-10', 'project'), (2, 2, 4, '2026-03-10', 'project'),
               (4, 2, 4, '2026-03-10', 'project'), (3, 3, 3, '2026-05-05', 'project');
             INSERT INTO credit_entries (teacher_id, project_id, credits, earned_on, source, note) VALUES
               (3, NULL, 5, '2026-06-01', 'manual', '网络课程');",
        )
        .unwrap();
    db
}

fn d(text: &str) -> NaiveDate {
    crate::domain::parse_date(text).unwrap()
}

fn line<'a>(lines: &'a [PrincipalLine], staff_no: &str) -> &'a PrincipalLine {
    lines
        .iter()
        .find(|l| l.holder.staff_no == staff_no)
        .unwrap()
}

#[test]
fn hours_are_summed_per_cycle_from_completed_projects_only() {
    let db = district();
    let now = principals(&db.conn, d("2026-09-01")).unwrap();
    assert_eq!(now.len(), 4, "the teacher without a role is not listed");
    assert_eq!(now[0].cycle.label(), "2026–2030");
    // 张伟: 120 h in 2025 (last cycle) + 40 h in 2026.
    assert_eq!(line(&now, "T1").hours, 40.0);
    assert_eq!(line(&now, "T3").hours, 32.5, "a manual entry adds no hours");
    assert_eq!(line(&now, "T4").hours, 40.0);
    let before = principals(&db.conn, d("2025-12-31")).unwrap();
    assert_eq!(before[0].cycle.label(), "2021–2025");
    assert_eq!(line(&before, "T1").hours, 120.0);
    assert_eq!(line(&before, "T3").hours, 0.0);
    assert!(line(&now, "T1").hours_short());
    assert!(
        !line(&now, "T4").hours_short(),
        "a reserve cadre is not held to 240"
    );
}

#[test]
fn a_leader_is_flagged_only_after_exactly_one_year_without_a_qualification() {
    let db = district();
    // 王芳 (园长) was appointed 2025-09-02 and holds no qualification.
    let at_one_year = principals(&db.conn, d("2026-09-02")).unwrap();
    assert!(!line(&at_one_year, "T3").qualification_overdue);
    let a_day_later = principals(&db.conn, d("2026-09-03")).unwrap();
    assert!(line(&a_day_later, "T3").qualification_overdue);
    // 张伟 and 李娜 completed the qualification training; 刘洋 is not a leader.
    for staff_no in ["T1", "T2", "T4"] {
        assert!(
            !line(&a_day_later, staff_no).qualification_overdue,
            "{staff_no}"
        );
    }
    assert!(line(&a_day_later, "T1").qualified);
}

#[test]
fn the_per_plan_summary_counts_projects_participants_hours_and_spend_by_year() {
    let db = district();
    let all = plan_summary(&db.conn, None).unwrap();
    let got: Vec<_> = all
        .iter()
        .map(|p| {
            (
                p.year,
                p.plan,
                p.projects,
                p.participants,
                p.hours,
                p.budget_planned,
                p.budget_spent,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                2025,
                Plan::PrincipalLeadership,
                1,
                2,
                120.0,
                50000.0,
                48000.5
            ),
            (
                2026,
                Plan::PrincipalLeadership,
                2,
                4,
                72.5,
                20000.0,
                15000.0
            ),
            (2026, Plan::Starlight, 1, 1, 16.0, 8000.0, 0.0),
        ]
    );
    assert_eq!(plan_summary(&db.conn, Some(2026)).unwrap().len(), 2);
    assert!(plan_summary(&db.conn, Some(2024)).unwrap().is_empty());
}

#[test]
fn setting_a_role_is_audited_and_a_future_date_is_refused() {
    let mut db = district();
    let stamp = crate::store::test_stamp("2026-09-01 10:00");
    let refused = set_role(
        &mut db,
        5,
        Some((Role::Principal, Some(d("2026-09-02")))),
        &stamp,
    );
    assert!(refused.is_err());
    let role = Some((Role::MiddleManager, Some(d("2026-08-15"))));
    assert!(set_role(&mut db, 5, role, &stamp).unwrap());
    assert!(
        !set_role(&mut db, 5, role, &stamp).unwrap(),
        "no change, no write"
    );
    assert_eq!(principals::role_of(&db.conn, 5).unwrap(), role);
    let (before, after): (Option<String>, String) = db
        .conn
        .query_row(
            "SELECT json_extract(before, '$.role'), json_extract(after, '$.role') || ' ' || json_extract(after, '$.role_since')
             FROM audit_log WHERE entity = 'teacher' AND entity_id = 5",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(before, None);
    assert_eq!(after, "middle_manager 2026-08-15");
    assert!(set_role(&mut db, 5, None, &stamp).unwrap());
    assert_eq!(principals::role_of(&db.conn, 5).unwrap(), None);
}
