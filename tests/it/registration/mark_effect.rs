//! What a change of a mark really does (§4.2–4.3), as the reason prompt and the refusal tell
//! it: lifts the year's veto, or the teacher keeps it through other marks; completion changes
//! when the attended share crosses the threshold.

use super::*;
use liaoyuan::domain::veto::VetoChange;
use liaoyuan::ops::mark_effect::{effect_of_change, CompletionChange};

/// Three sessions (2 to 4 March 2026); 张伟 late at the first, left early at the second and
/// absent at the third: three veto marks in 2026.
fn three_veto_marks() -> (Fixture, [i64; 3]) {
    let mut f = setup();
    let s2 = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 3)),
    )
    .unwrap();
    let s3 = session_ops::add_session(
        &mut f.db,
        &crate::registration::stamp(),
        f.project,
        &session_fields(d(2026, 3, 4)),
    )
    .unwrap();
    let sessions = [f.session, s2, s3];
    plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    let mut r = req(&f, 0, at(d(2026, 3, 3), 8, 30));
    r.session_id = s2;
    run(&mut f, &r).unwrap();
    r.status = Some(Status::LeftEarly);
    r.at = at(d(2026, 3, 3), 10, 0);
    r.checked_out_at = Some(r.at);
    run(&mut f, &r).unwrap();
    let mut r = req(&f, 0, at(d(2026, 3, 4), 8, 30));
    r.session_id = s3;
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    (f, sessions)
}

fn veto_of(f: &Fixture, session: i64, after: Status) -> VetoChange {
    effect_of_change(&f.db.conn, session, f.teachers[0], after, &f.settings)
        .unwrap()
        .unwrap()
        .veto
}

fn change(f: &mut Fixture, session: i64, status: Status, reason: &str) {
    let mut r = req(f, 0, at(DAY(), 8, 30));
    r.session_id = session;
    r.at = sessions::get_session(&f.db.conn, session)
        .unwrap()
        .unwrap()
        .starts_at();
    r.status = Some(status);
    r.reason = Some(reason.into());
    run(f, &r).unwrap();
}

fn lookup_says_veto(f: &Fixture) -> bool {
    let zhang = liaoyuan::store::enrolments::teacher_brief(&f.db.conn, f.teachers[0])
        .unwrap()
        .unwrap();
    lookup::lookup_teacher(&f.db.conn, &zhang, 2026, &f.settings, d(2026, 3, 5))
        .unwrap()
        .veto
}

#[test]
fn left_early_to_present_with_two_other_veto_marks_keeps_the_veto() {
    let (mut f, [s1, s2, s3]) = three_veto_marks();
    assert_eq!(
        veto_of(&f, s2, Status::Present),
        VetoChange::KeptByOthers { others: 2 }
    );
    change(&mut f, s2, Status::Present, "签退表更正");
    assert!(lookup_says_veto(&f), "the prompt and lookup agree");
    assert_eq!(
        veto_of(&f, s1, Status::Excused),
        VetoChange::KeptByOthers { others: 1 }
    );
    change(&mut f, s1, Status::Excused, "公假");
    // The last one lifts it; a change that keeps a veto cause keeps it.
    assert_eq!(veto_of(&f, s3, Status::Late), VetoChange::Stays);
    assert_eq!(veto_of(&f, s3, Status::Present), VetoChange::Lifts);
    change(&mut f, s3, Status::Present, "签到表上有");
    assert!(!lookup_says_veto(&f));
    // And marking one absent again creates it.
    assert_eq!(veto_of(&f, s2, Status::Absent), VetoChange::Creates);
    assert_eq!(veto_of(&f, s2, Status::Excused), VetoChange::NotInvolved);
}

#[test]
fn the_completion_change_is_told_when_the_share_crosses_the_threshold() {
    let (f, [s1, _, s3]) = three_veto_marks();
    let completion = |session, after| {
        effect_of_change(&f.db.conn, session, f.teachers[0], after, &f.settings)
            .unwrap()
            .unwrap()
            .completion
    };
    // Attended 2 of 3 (late, left early; absent at the third): 67 % < 80 %.
    assert_eq!(
        completion(s3, Status::Present),
        Some(CompletionChange {
            project_code: "P1".into(),
            before: false,
            after: true,
        })
    );
    assert_eq!(completion(s1, Status::Present), None, "still 2 of 3");
    assert_eq!(completion(s1, Status::Absent), None, "1 of 3: still not");
}

#[test]
fn a_completion_that_falls_below_the_threshold_is_told_too() {
    let (mut f, [_, s2, s3]) = three_veto_marks();
    change(&mut f, s3, Status::Present, "签到表上有"); // 3 of 3
    let effect = effect_of_change(&f.db.conn, s2, f.teachers[0], Status::Excused, &f.settings)
        .unwrap()
        .unwrap();
    let c = effect.completion.unwrap();
    assert!(c.before && !c.after, "{c:?}");
    assert_eq!(effect.year, 2026);
}

#[test]
fn the_cli_refusal_says_the_veto_stays_when_other_marks_keep_it() {
    let (mut f, [_, s2, _]) = three_veto_marks();
    let mut r = req(&f, 0, at(d(2026, 3, 3), 8, 30));
    r.session_id = s2;
    r.status = Some(Status::Present);
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("仍有 2 条其他一票否决记录"), "{err}");
    assert!(!err.contains("会撤销"), "{err}");
    assert!(err.contains("原因"), "{err}");
}
