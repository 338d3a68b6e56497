//! Changing a project's veto scope (docs/rules.md §4.2): one audited transaction that moves the
//! vetoes of its marks everywhere they are read; locked once the project is completed.

use super::veto_scope::{looks_vetoed, marked, report_vetoes, school_based, vetoed};
use super::*;
use liaoyuan::domain::veto::ScopeBasis;
use liaoyuan::ops::{check, completion};
use liaoyuan::store::projects as store_projects;

fn set_scope(f: &mut Fixture, project: i64, on: bool) -> liaoyuan::Result<()> {
    let p = store_projects::get_project(&f.db.conn, project)
        .unwrap()
        .unwrap();
    let fields = ProjectFields {
        veto_scope: on,
        ..ProjectFields::from(&p)
    };
    projects::edit_project(
        &mut f.db,
        &crate::registration::stamp(),
        project,
        &fields,
        &[],
    )
}

fn project_audit(f: &Fixture, project: i64) -> Vec<(serde_json::Value, serde_json::Value)> {
    audit::history(&f.db.conn, liaoyuan::store::audit::Entity::Project, project)
        .unwrap()
        .iter()
        .filter(|e| e.action == "update")
        .map(|e| {
            let json = |s: &Option<String>| -> serde_json::Value {
                serde_json::from_str(s.as_deref().unwrap_or("null")).unwrap()
            };
            (
                json(&e.before)["veto_scope"].clone(),
                json(&e.after)["veto_scope"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_project_s_scope_change_moves_its_vetoes_and_is_audited() {
    let mut f = setup();
    let (project, school_session) = school_based(&mut f);
    marked(&mut f, school_session);
    assert_eq!(vetoed(&f), ["张伟"]);

    set_scope(&mut f, project, true).unwrap();
    assert_eq!(vetoed(&f), ["张伟", "李娜", "王芳"]);
    assert!(looks_vetoed(&f, 1) && looks_vetoed(&f, 2));
    assert_eq!(report_vetoes(&f), [[2, 1], [2, 1]]);
    assert_eq!(project_audit(&f, project), [(false.into(), true.into())]);
    // The evidence names the scope: P1 is concentrated; the school-based project counts by
    // its own setting.
    let brief = |i: usize| {
        liaoyuan::store::enrolments::teacher_brief(&f.db.conn, f.teachers[i])
            .unwrap()
            .unwrap()
    };
    let reasons = |i: usize| {
        lookup::lookup_teacher(&f.db.conn, &brief(i), 2026, &f.settings, d(2026, 3, 3))
            .unwrap()
            .veto_reasons
    };
    assert_eq!(reasons(0)[0].scope, ScopeBasis::Concentrated);
    assert_eq!(
        (reasons(1)[0].project.as_str(), reasons(1)[0].scope),
        ("2026-XP-004", ScopeBasis::ProjectSetting)
    );

    set_scope(&mut f, project, false).unwrap();
    assert_eq!(vetoed(&f), ["张伟"]);
    assert_eq!(report_vetoes(&f), [[1, 0], [1, 0]]);
    assert_eq!(project_audit(&f, project).len(), 2);
    let report = check::check(&f.db.conn, d(2026, 3, 3)).unwrap();
    assert!(report.is_clean(), "{:?}", report.findings);
}

#[test]
fn a_mark_written_after_the_change_counts_with_the_new_scope() {
    let mut f = setup();
    let (project, school_session) = school_based(&mut f);
    set_scope(&mut f, project, true).unwrap();
    let mut late = req(&f, 1, at(DAY(), 14, 40));
    late.session_id = school_session;
    run(&mut f, &late).unwrap();
    assert_eq!(vetoed(&f), ["李娜"]);
    // Lifting it needs a reason now, and says so.
    let id = marks::get_mark(&f.db.conn, school_session, f.teachers[1])
        .unwrap()
        .unwrap()
        .id;
    let s = f.settings.clone();
    let err = vetoes::change_mark(
        &mut f.db,
        &crate::registration::stamp(),
        id,
        Status::Present,
        None,
        &s,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("一票否决"), "{err}");
}

#[test]
fn out_of_scope_a_correction_still_needs_a_reason_but_says_no_veto_is_lifted() {
    let mut f = setup();
    let (_, school_session) = school_based(&mut f);
    marked(&mut f, school_session);
    let mut present = req(&f, 1, at(DAY(), 17, 30));
    present.session_id = school_session;
    present.status = Some(Status::Present);
    let err = run(&mut f, &present).unwrap_err().to_string();
    assert!(
        err.contains("李娜") && err.contains("不计入一票否决"),
        "{err}"
    );
    present.reason = Some("签到表更正".into());
    run(&mut f, &present).unwrap();
}

#[test]
fn the_scope_of_a_completed_project_is_locked() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 45)).unwrap();
    close_session(
        &mut f.db,
        f.session,
        &liaoyuan::store::Stamp::new(at(DAY(), 12, 0), "tester"),
    )
    .unwrap();
    completion::complete_project(
        &mut f.db,
        &liaoyuan::store::Stamp::new(at(d(2026, 3, 9), 9, 0), "tester"),
        f.project,
    )
    .unwrap();
    // Closing marked the three others absent: four vetoes.
    assert_eq!(vetoed(&f).len(), 4);
    let before = audit::history(
        &f.db.conn,
        liaoyuan::store::audit::Entity::Project,
        f.project,
    )
    .unwrap()
    .len();
    let project = f.project;
    let err = set_scope(&mut f, project, false).unwrap_err().to_string();
    assert!(err.contains("已结业") && err.contains("一票否决"), "{err}");
    assert_eq!(vetoed(&f).len(), 4, "the scope stayed on");
    assert_eq!(
        audit::history(
            &f.db.conn,
            liaoyuan::store::audit::Entity::Project,
            f.project
        )
        .unwrap()
        .len(),
        before,
        "a refused change writes nothing"
    );
}
