//! Veto scope (docs/rules.md §4.2): only marks of projects whose veto scope is on cause a veto.
//! By default concentrated training is in scope and other training is not (the plan: "集中
//! 培训实行脱产管理，对迟到、早退、旷课的教师，实行当年度评优评先'一票否决'").

use super::*;
use liaoyuan::store::{dashboard, reports};

/// School-based training 2026-XP-004 (校培, not concentrated, inserted without a veto scope, so
/// with the default), one session 2026-03-02 14:00–17:00, 李娜 and 王芳 enrolled.
/// Returns (project, session).
pub(super) fn school_based(f: &mut Fixture) -> (i64, i64) {
    f.db.conn
        .execute(
            "INSERT INTO projects (code, title, level, plan, concentrated, credits, start_date, end_date)
             VALUES ('2026-XP-004', '校本研修', 'school', 'continuing_education', 0, 2,
                     '2026-03-01', '2026-03-31')",
            [],
        )
        .unwrap();
    let project = f.db.conn.last_insert_rowid();
    let mut afternoon = session_fields(DAY());
    (afternoon.start, afternoon.end) = (t(14, 0), t(17, 0));
    let session = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        project,
        &afternoon,
    )
    .unwrap();
    enrolments::enrol_teachers(
        &mut f.db,
        &crate::registration::stamp(),
        project,
        &f.teachers[1..3],
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
    (project, session)
}

/// 张伟 late at the concentrated P1; 李娜 late and 王芳 absent at the school-based session.
pub(super) fn marked(f: &mut Fixture, school_session: i64) {
    plain(f, 0, at(DAY(), 8, 45)).unwrap();
    let mut late = req(f, 1, at(DAY(), 14, 40));
    late.session_id = school_session;
    run(f, &late).unwrap();
    let mut absent = req(f, 2, at(DAY(), 17, 30));
    absent.session_id = school_session;
    absent.status = Some(Status::Absent);
    run(f, &absent).unwrap();
}

/// Names of the teachers with a veto in 2026, as the Vetoes tab lists them.
pub(super) fn vetoed(f: &Fixture) -> Vec<String> {
    vetoes::vetoes_of_year(&f.db.conn, 2026, &f.settings)
        .unwrap()
        .iter()
        .flat_map(|g| g.teachers.iter().map(|t| t.name.clone()))
        .collect()
}

/// Whether `lookup` says teacher `i` has a veto in 2026.
pub(super) fn looks_vetoed(f: &Fixture, i: usize) -> bool {
    let brief = liaoyuan::store::enrolments::teacher_brief(&f.db.conn, f.teachers[i])
        .unwrap()
        .unwrap();
    lookup::lookup_teacher(&f.db.conn, &brief, 2026, &f.settings, d(2026, 3, 3))
        .unwrap()
        .veto
}

/// Teachers with a veto per school (实验小学, 第二中学) in the school report, for March
/// (kept counts) and for one day (read from the marks).
pub(super) fn report_vetoes(f: &Fixture) -> Vec<Vec<i64>> {
    [(d(2026, 3, 1), d(2026, 3, 31)), (DAY(), DAY())]
        .iter()
        .map(|(from, to)| {
            reports::school_attendance(&f.db.conn, *from, *to)
                .unwrap()
                .iter()
                .map(|r| r.vetoed_teachers)
                .collect()
        })
        .collect()
}

#[test]
fn a_late_arrival_at_school_based_training_gives_no_veto_by_default() {
    let mut f = setup();
    let (_, school_session) = school_based(&mut f);
    marked(&mut f, school_session);
    assert_eq!(
        marks::get_mark(&f.db.conn, school_session, f.teachers[1])
            .unwrap()
            .map(|m| m.status),
        Some(Status::Late),
        "the mark itself is kept"
    );
    assert_eq!(vetoed(&f), ["张伟"]);
    assert_eq!(
        (
            looks_vetoed(&f, 0),
            looks_vetoed(&f, 1),
            looks_vetoed(&f, 2)
        ),
        (true, false, false)
    );
    assert_eq!(report_vetoes(&f), [[1, 0], [1, 0]]);
    let figures = dashboard::figures(&f.db.conn, DAY(), &f.settings).unwrap();
    assert_eq!(figures.vetoes_this_year, 1);
}

#[test]
fn concentrated_training_of_any_level_is_in_scope_by_default() {
    let mut f = setup();
    let (project, school_session) = school_based(&mut f);
    // The same school-level project held as concentrated, released-from-duty training.
    f.db.conn
        .execute(
            "UPDATE projects SET concentrated = 1 WHERE id = ?1",
            [project],
        )
        .unwrap();
    f.db.conn
        .execute(
            "INSERT INTO projects (code, title, level, plan, start_date, end_date)
             VALUES ('2026-XP-005', '校级集中培训', 'school', 'continuing_education',
                     '2026-03-01', '2026-03-31')",
            [],
        )
        .unwrap();
    let concentrated = f.db.conn.last_insert_rowid();
    let s = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        concentrated,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap();
    enrolments::enrol_teachers(
        &mut f.db,
        &crate::registration::stamp(),
        concentrated,
        &f.teachers[3..],
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
    let mut late = req(&f, 3, at(d(2026, 3, 3), 9, 0));
    late.session_id = s;
    run(&mut f, &late).unwrap();
    marked(&mut f, school_session);
    // 刘洋 (late at the concentrated school-level project) has a veto; the first project's
    // scope was set when it was created and is not moved by its concentrated flag.
    assert_eq!(vetoed(&f), ["张伟", "刘洋"]);
}
