//! Presence (docs/rules.md §4.1, §4.3): a late or left-early mark counts as attended only when the
//! teacher was there for `min_presence_pct` of the session (default 50 %), and completion, the
//! school report and the exports agree; times after now and leaving early without an
//! arrival are refused at the desk.

use super::*;
use liaoyuan::ops::{completion, settings as setting_ops};
use liaoyuan::store::{export_rows, reports};
use std::collections::BTreeMap;

/// Sessions attended per teacher (T001–T004) as completion reviews them.
fn attended(f: &Fixture) -> Vec<i64> {
    let r = completion::review(&f.db.conn, f.project, at(d(2026, 3, 7), 12, 0)).unwrap();
    f.teachers
        .iter()
        .map(|id| {
            r.teachers
                .iter()
                .find(|t| t.teacher_id == *id)
                .unwrap()
                .attended
        })
        .collect()
}

/// 张伟 leaves at 09:00 (150 minutes early), 李娜 arrives at 10:30 (120 minutes late), 王芳
/// at 10:00 (90 minutes late: exactly half of 08:30–11:30), 刘洋 at 10:01 (91 minutes).
fn marked() -> Fixture {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 25)).unwrap();
    let mut out = req(&f, 0, at(DAY(), 9, 0));
    out.checked_out_at = Some(at(DAY(), 9, 0));
    run(&mut f, &out).unwrap();
    plain(&mut f, 1, at(DAY(), 10, 30)).unwrap();
    plain(&mut f, 2, at(DAY(), 10, 0)).unwrap();
    plain(&mut f, 3, at(DAY(), 10, 1)).unwrap();
    let minutes: Vec<(Status, i64, i64)> = (0..4)
        .map(|i| mark_of(&f, i).unwrap())
        .map(|m| (m.status, m.minutes_late, m.minutes_early))
        .collect();
    assert_eq!(
        minutes,
        [
            (Status::LeftEarly, 0, 150),
            (Status::Late, 120, 0),
            (Status::Late, 90, 0),
            (Status::Late, 91, 0)
        ]
    );
    f
}

#[test]
fn leaving_150_minutes_early_or_coming_120_late_is_not_attended_and_exactly_half_is() {
    let f = marked();
    assert_eq!(attended(&f), [0, 0, 1, 0]);
}

#[test]
fn the_school_report_and_the_completion_export_count_attended_the_same_way() {
    let f = marked();
    // 实验小学: 张伟 and 李娜, neither attended; 第二中学: 王芳 attended, 刘洋 not.
    for (from, to) in [(d(2026, 3, 1), d(2026, 3, 31)), (DAY(), DAY())] {
        let rates: Vec<Option<f64>> = reports::school_attendance(&f.db.conn, from, to)
            .unwrap()
            .iter()
            .map(|r| r.attendance_rate())
            .collect();
        assert_eq!(rates, [Some(0.0), Some(0.5)], "{from}..={to}");
    }
    let exported: BTreeMap<String, i64> = export_rows::completion(&f.db.conn, f.project)
        .unwrap()
        .into_iter()
        .map(|r| (r.staff_no, r.attended))
        .collect();
    let reviewed: BTreeMap<String, i64> = ["T001", "T002", "T003", "T004"]
        .iter()
        .map(|s| s.to_string())
        .zip(attended(&f))
        .collect();
    assert_eq!(exported, reviewed);
}

#[test]
fn a_new_share_changes_who_attended_at_once() {
    let mut f = marked();
    let now = at(DAY(), 12, 0);
    // 40 % of 180 minutes is 72: 王芳 (90 minutes there) and 刘洋 (89) count.
    setting_ops::set_setting(
        &mut f.db,
        "min_presence_pct",
        "40",
        None,
        &liaoyuan::store::Stamp::new(now, "tester"),
    )
    .unwrap();
    assert_eq!(attended(&f), [0, 0, 1, 1]);
    // 60 % is 108 minutes: nobody who came late or left early counts.
    setting_ops::set_setting(
        &mut f.db,
        "min_presence_pct",
        "60",
        None,
        &liaoyuan::store::Stamp::new(now, "tester"),
    )
    .unwrap();
    assert_eq!(attended(&f), [0, 0, 0, 0]);
    // 0 %: every mark of a teacher who came counts.
    setting_ops::set_setting(
        &mut f.db,
        "min_presence_pct",
        "0",
        None,
        &liaoyuan::store::Stamp::new(now, "tester"),
    )
    .unwrap();
    assert_eq!(attended(&f), [1, 1, 1, 1]);
    let err = setting_ops::set_setting(
        &mut f.db,
        "min_presence_pct",
        "101",
        None,
        &liaoyuan::store::Stamp::new(now, "tester"),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("min_presence_pct"), "{err}");
    let stored = liaoyuan::store::settings::load(&f.db.conn).unwrap();
    assert_eq!(
        stored.value_of("min_presence_pct").as_deref(),
        Some("0"),
        "a refused value changes nothing"
    );
}

#[test]
fn a_check_out_or_an_arrival_after_now_is_refused_at_the_desk() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 25)).unwrap();
    // The desk's clock says 10:00; the check-out typed says 11:00.
    let mut out = req(&f, 0, at(DAY(), 10, 0));
    out.checked_out_at = Some(at(DAY(), 11, 0));
    let err = run(&mut f, &out).unwrap_err().to_string();
    assert!(
        err.contains("张伟") && err.contains("11:00") && err.contains("10:00"),
        "{err}"
    );
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
    // The same at 11:00 is fine.
    out.at = at(DAY(), 11, 0);
    run(&mut f, &out).unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().minutes_early, 30);
    // A stated arrival after the desk's now is refused too.
    let mut late = req(&f, 1, at(DAY(), 9, 0));
    late.status = Some(Status::Late);
    late.arrived_at = Some(at(DAY(), 9, 30));
    assert!(run(&mut f, &late).is_err());
    assert!(mark_of(&f, 1).is_none());
}

#[test]
fn leaving_early_needs_an_arrival_or_a_reason() {
    let mut f = setup();
    // 张伟 has not checked in: F3 at the desk is refused, nothing written.
    let mut out = req(&f, 0, at(DAY(), 10, 0));
    out.status = Some(Status::LeftEarly);
    let err = run(&mut f, &out).unwrap_err().to_string();
    assert!(err.contains("张伟") && err.contains("签到"), "{err}");
    assert!(mark_of(&f, 0).is_none());
    // Checked in, then leaving at 10:00: 90 minutes early.
    plain(&mut f, 0, at(DAY(), 8, 25)).unwrap();
    run(&mut f, &out).unwrap();
    assert_eq!(
        mark_of(&f, 0).map(|m| (m.status, m.minutes_early)),
        Some((Status::LeftEarly, 90))
    );
    // An absent teacher left early only with a reason saying why it is entered so.
    let mut absent = req(&f, 1, at(DAY(), 9, 0));
    absent.status = Some(Status::Absent);
    run(&mut f, &absent).unwrap();
    let mut left = req(&f, 1, at(DAY(), 10, 0));
    left.status = Some(Status::LeftEarly);
    left.minutes_early = Some(60);
    assert!(run(&mut f, &left).is_err());
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Absent);
    left.reason = Some("签到表漏记，班主任证实 9:00 到场".into());
    run(&mut f, &left).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::LeftEarly);
}
