//! Registration-day rules (DESIGN.md §4.1–4.2) through the ops layer, on a
//! database file in a temporary folder.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use liaoyuan::domain::{Level, Plan, Settings, Status};
use liaoyuan::ops::check_in::{check_in, undo_mark, CheckIn, CheckInOutcome};
use liaoyuan::ops::close_session::{close_session, close_session_review};
use liaoyuan::ops::{enrolments, lookup, projects, sessions as session_ops, vetoes};
use liaoyuan::store::projects::ProjectFields;
use liaoyuan::store::sessions::SessionFields;
use liaoyuan::store::{audit, marks, sessions, Db, OpenMode};

struct Fixture {
    _dir: tempfile::TempDir,
    db: Db,
    project: i64,
    /// Session 1: 2026-03-02 08:30–11:30.
    session: i64,
    /// Teachers 张伟, 李娜, 王芳, 刘洋 (T001–T004).
    teachers: Vec<i64>,
    settings: Settings,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_time(t(h, m))
}

fn fields(code: &str, start: NaiveDate, end: NaiveDate) -> ProjectFields {
    ProjectFields {
        code: code.into(),
        title: "新课标解读".into(),
        level: Level::District,
        plan: Plan::ContinuingEducation,
        concentrated: true,
        credits: 12.0,
        start_date: start,
        end_date: end,
        venue: "进修学校".into(),
        capacity: None,
        threshold_pct: 80,
    }
}

fn session_fields(date: NaiveDate) -> SessionFields {
    SessionFields {
        date,
        start: t(8, 30),
        end: t(11, 30),
        topic: String::new(),
        trainer_id: None,
        venue: String::new(),
    }
}

fn setup_with(start: NaiveDate, end: NaiveDate, first: NaiveDate) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'), (2, '第二中学', 'junior');",
        )
        .unwrap();
    let mut teachers = Vec::new();
    for (i, (name, school)) in [("张伟", 1), ("李娜", 1), ("王芳", 2), ("刘洋", 2)]
        .iter()
        .enumerate()
    {
        db.conn
            .execute(
                "INSERT INTO teachers (staff_no, name, school_id) VALUES (?1, ?2, ?3)",
                rusqlite::params![format!("T00{}", i + 1), name, school],
            )
            .unwrap();
        teachers.push(db.conn.last_insert_rowid());
    }
    let project = projects::create_project(&mut db, &fields("P1", start, end), &[]).unwrap();
    let session = session_ops::add_session(&mut db, project, &session_fields(first)).unwrap();
    enrolments::enrol_teachers(&mut db, project, &teachers).unwrap();
    Fixture {
        _dir: dir,
        db,
        project,
        session,
        teachers,
        settings: Settings::default(),
    }
}

fn setup() -> Fixture {
    setup_with(d(2026, 3, 2), d(2026, 3, 6), d(2026, 3, 2))
}

fn req(f: &Fixture, teacher: usize, when: NaiveDateTime) -> CheckIn {
    CheckIn {
        session_id: f.session,
        teacher_id: f.teachers[teacher],
        at: when,
        ..Default::default()
    }
}

fn mark_of(f: &Fixture, teacher: usize) -> Option<liaoyuan::domain::Mark> {
    marks::get_mark(&f.db.conn, f.session, f.teachers[teacher]).unwrap()
}

fn run(f: &mut Fixture, r: &CheckIn) -> liaoyuan::Result<CheckInOutcome> {
    let s = f.settings.clone();
    check_in(&mut f.db, r, &s)
}

/// A plain check-in (the clock decides) of teacher `teacher` at `when`.
fn plain(f: &mut Fixture, teacher: usize, when: NaiveDateTime) -> liaoyuan::Result<CheckInOutcome> {
    let r = req(f, teacher, when);
    run(f, &r)
}

const DAY: fn() -> NaiveDate = || NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();

#[test]
fn grace_boundary_present_then_late_with_minutes() {
    let mut f = setup();
    let r = req(&f, 0, at(DAY(), 8, 35));
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Present, 0));
    let r = req(&f, 1, at(DAY(), 8, 36));
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 1).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Late, 6));
    assert_eq!(m.checked_in_at, Some(at(DAY(), 8, 36)));
    assert_eq!(m.school_id, 1);
    assert_eq!(m.session_date, DAY());
}

#[test]
fn left_early_with_minutes_from_check_out() {
    let mut f = setup();
    let r = req(&f, 0, at(DAY(), 8, 20));
    run(&mut f, &r).unwrap();
    let mut out = req(&f, 0, at(DAY(), 11, 0));
    out.checked_out_at = Some(at(DAY(), 11, 0));
    run(&mut f, &out).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_early), (Status::LeftEarly, 30));
    assert_eq!(m.checked_in_at, Some(at(DAY(), 8, 20)));
    // Leaving within the grace before the end is not early.
    let r = req(&f, 1, at(DAY(), 8, 20));
    run(&mut f, &r).unwrap();
    let mut out = req(&f, 1, at(DAY(), 11, 26));
    out.checked_out_at = Some(at(DAY(), 11, 26));
    run(&mut f, &out).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Present);
}

#[test]
fn excused_needs_a_reason_and_absent_is_recorded() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 7, 0));
    r.status = Some(Status::Excused);
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("张伟") && err.contains("reason"), "{err}");
    assert!(mark_of(&f, 0).is_none());
    r.reason = Some("病假".into());
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.reason.as_str()), (Status::Excused, "病假"));

    let mut r = req(&f, 1, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Absent);
}

#[test]
fn pre_registered_leave_stays_excused_on_a_plain_check_in() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 7, 0));
    r.status = Some(Status::Excused);
    r.reason = Some("学校来电请假".into());
    run(&mut f, &r).unwrap();
    let out = plain(&mut f, 0, at(DAY(), 8, 40)).unwrap();
    assert!(matches!(out, CheckInOutcome::Unchanged { .. }), "{out:?}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Excused);
}

#[test]
fn two_check_ins_of_one_teacher_give_one_mark_and_already_in() {
    let mut f = setup();
    let first = plain(&mut f, 0, at(DAY(), 8, 42)).unwrap();
    assert!(matches!(first, CheckInOutcome::Recorded { .. }));
    let second = plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    match second {
        CheckInOutcome::AlreadyIn { at: when, mark } => {
            assert_eq!(when, Some(at(DAY(), 8, 42)));
            assert_eq!(mark.minutes_late, 12);
        }
        other => panic!("expected AlreadyIn, got {other:?}"),
    }
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 1);
}

#[test]
fn two_desks_marking_the_same_teacher_at_once_never_fail() {
    let f = setup();
    let path = f.db.path.clone();
    let (session, teacher) = (f.session, f.teachers[2]);
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut db = Db::open(&path, OpenMode::Existing).unwrap();
                let r = CheckIn {
                    session_id: session,
                    teacher_id: teacher,
                    at: at(DAY(), 8, 31),
                    ..Default::default()
                };
                barrier.wait();
                check_in(&mut db, &r, &Settings::default())
            })
        })
        .collect();
    let outcomes: Vec<CheckInOutcome> = handles
        .into_iter()
        .map(|h| h.join().unwrap().unwrap())
        .collect();
    let recorded = outcomes
        .iter()
        .filter(|o| matches!(o, CheckInOutcome::Recorded { .. }))
        .count();
    assert_eq!(recorded, 1, "{outcomes:?}");
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 1);
}

#[test]
fn close_session_marks_unmarked_absent_keeps_excused_and_locks() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let mut leave = req(&f, 1, at(DAY(), 7, 0));
    leave.status = Some(Status::Excused);
    leave.reason = Some("公假".into());
    run(&mut f, &leave).unwrap();
    let review = close_session_review(&f.db.conn, f.session).unwrap();
    assert_eq!((review.enrolled, review.unmarked), (4, 2));
    assert_eq!((review.counts.present, review.counts.excused), (1, 1));
    let done = close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    assert_eq!(done.unmarked, 2);
    assert_eq!(done.counts.absent, 2);
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Excused);
    assert_eq!(mark_of(&f, 2).unwrap().status, Status::Absent);
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
    let s = sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .unwrap();
    assert_eq!(s.closed_at, Some(at(DAY(), 12, 0)));
    // Closing twice is refused.
    assert!(close_session(&mut f.db, f.session, at(DAY(), 12, 5)).is_err());
}

#[test]
fn locked_session_edits_need_a_reason_and_are_audited() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    // present → late is not lifting a veto, but the session is closed.
    let mut r = req(&f, 0, at(DAY(), 8, 50));
    r.status = Some(Status::Late);
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("closed"), "{err}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
    r.reason = Some("签到表核对：实际 8:50 到".into());
    run(&mut f, &r).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(m.status, Status::Late);
    let history = audit::history(&f.db.conn, "mark", m.id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.reason, "签到表核对：实际 8:50 到");
    assert!(last.before.as_deref().unwrap().contains("present"));
    assert!(last.after.as_deref().unwrap().contains("late"));
}

#[test]
fn lifting_a_veto_needs_a_reason_and_the_audit_log_names_actor_and_reason() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 50)).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let err = vetoes::change_mark(&mut f.db, id, Status::Present, None, &f.settings.clone())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("张伟") && err.contains("veto") && err.contains("2026"),
        "{err}"
    );
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Late);
    let before = audit::history(&f.db.conn, "mark", id).unwrap().len();
    let s = f.settings.clone();
    vetoes::change_mark(&mut f.db, id, Status::Present, Some("交通管制，已核实"), &s).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_late), (Status::Present, 0));
    let history = audit::history(&f.db.conn, "mark", id).unwrap();
    assert_eq!(history.len(), before + 1);
    let last = history.last().unwrap();
    assert_eq!(last.actor, liaoyuan::store::actor());
    assert_eq!(last.reason, "交通管制，已核实");
    // The veto is derived from marks: it is gone.
    assert!(vetoes::vetoes_of_year(&f.db.conn, 2026, &s)
        .unwrap()
        .is_empty());
}

#[test]
fn veto_year_boundary_31_december_vs_1_january() {
    let mut f = setup_with(d(2025, 12, 31), d(2026, 1, 1), d(2025, 12, 31));
    let s2 =
        session_ops::add_session(&mut f.db, f.project, &session_fields(d(2026, 1, 1))).unwrap();
    plain(&mut f, 0, at(d(2025, 12, 31), 9, 0)).unwrap(); // late, 2025
    let mut r = req(&f, 1, at(d(2026, 1, 1), 9, 0));
    r.session_id = s2;
    run(&mut f, &r).unwrap(); // late, 2026
    let s = f.settings.clone();
    let names = |year| -> Vec<String> {
        vetoes::vetoes_of_year(&f.db.conn, year, &s)
            .unwrap()
            .iter()
            .flat_map(|g| g.teachers.iter().map(|t| t.name.clone()))
            .collect()
    };
    assert_eq!(names(2025), vec!["张伟"]);
    assert_eq!(names(2026), vec!["李娜"]);
    let zhang = liaoyuan::store::enrolments::teacher_brief(&f.db.conn, f.teachers[0])
        .unwrap()
        .unwrap();
    let today = d(2026, 1, 2);
    assert!(
        lookup::lookup_teacher(&f.db.conn, &zhang, 2025, &s, today)
            .unwrap()
            .veto
    );
    assert!(
        !lookup::lookup_teacher(&f.db.conn, &zhang, 2026, &s, today)
            .unwrap()
            .veto
    );
    // A school year starting in September puts both in veto year 2025.
    let mut school_year = s.clone();
    school_year.veto_year_start_month = 9;
    let all = vetoes::vetoes_of_year(&f.db.conn, 2025, &school_year).unwrap();
    assert_eq!(all.iter().map(|g| g.teachers.len()).sum::<usize>(), 2);
}

#[test]
fn vetoes_are_grouped_by_school_with_evidence() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 45)).unwrap();
    let mut r = req(&f, 2, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let groups = vetoes::vetoes_of_year(&f.db.conn, 2026, &f.settings).unwrap();
    let schools: Vec<&str> = groups.iter().map(|g| g.school.as_str()).collect();
    assert_eq!(schools, vec!["实验小学", "第二中学"]);
    let ev = &groups[0].teachers[0].evidence[0];
    assert_eq!(
        (ev.status, ev.minutes_late, ev.project_code.as_str()),
        (Status::Late, 15, "P1")
    );
    assert_eq!(ev.date, DAY());
}

#[test]
fn undo_removes_a_new_mark_and_restores_a_changed_one() {
    let mut f = setup();
    let CheckInOutcome::Recorded { undo, mark } = plain(&mut f, 0, at(DAY(), 8, 30)).unwrap()
    else {
        panic!("not recorded")
    };
    undo_mark(&mut f.db, &undo).unwrap();
    assert!(mark_of(&f, 0).is_none());
    let history = audit::history(&f.db.conn, "mark", mark.id).unwrap();
    assert_eq!(history.last().unwrap().action, "undo");

    plain(&mut f, 1, at(DAY(), 8, 30)).unwrap();
    let mut r = req(&f, 1, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    let CheckInOutcome::Recorded { undo, .. } = run(&mut f, &r).unwrap() else {
        panic!("not recorded")
    };
    undo_mark(&mut f.db, &undo).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().status, Status::Present);
    // Undoing twice is refused: the mark is no longer the one written.
    assert!(undo_mark(&mut f.db, &undo).is_err());
}

#[test]
fn a_teacher_not_enrolled_is_refused_and_a_walk_in_can_then_check_in() {
    let mut f = setup();
    f.db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T009', '赵磊', 2)",
            [],
        )
        .unwrap();
    let id = f.db.conn.last_insert_rowid();
    let r = CheckIn {
        session_id: f.session,
        teacher_id: id,
        at: at(DAY(), 8, 30),
        ..Default::default()
    };
    let err = run(&mut f, &r).unwrap_err().to_string();
    assert!(err.contains("not enrolled"), "{err}");
    assert!(enrolments::enrol_walk_in(&mut f.db, f.project, id).unwrap());
    run(&mut f, &r).unwrap();
}

#[test]
fn deleting_a_session_with_marks_is_refused() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let err = session_ops::delete_session(&mut f.db, f.session)
        .unwrap_err()
        .to_string();
    assert!(err.contains("1 attendance mark"), "{err}");
    assert!(sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .is_some());
    let empty =
        session_ops::add_session(&mut f.db, f.project, &session_fields(d(2026, 3, 3))).unwrap();
    session_ops::delete_session(&mut f.db, empty).unwrap();
    assert!(sessions::get_session(&f.db.conn, empty).unwrap().is_none());
}

#[test]
fn bulk_schedule_orders_sessions_and_skips_existing_blocks() {
    use liaoyuan::domain::DayPart;
    use liaoyuan::ops::sessions::{Block, Schedule};
    let mut f = setup();
    let schedule = Schedule {
        first_date: d(2026, 3, 2),
        days: 2,
        blocks: vec![
            Block::default_for(DayPart::Afternoon),
            Block::default_for(DayPart::Morning),
        ],
        topic: "专题".into(),
        venue: String::new(),
    };
    let ids = session_ops::schedule_sessions(&mut f.db, f.project, &schedule).unwrap();
    assert_eq!(ids.len(), 3, "the existing 03-02 morning is skipped");
    let all = sessions::sessions_of_project(&f.db.conn, f.project).unwrap();
    let order: Vec<(NaiveDate, NaiveTime)> = all.iter().map(|s| (s.date, s.start)).collect();
    assert_eq!(
        order,
        vec![
            (d(2026, 3, 2), t(8, 30)),
            (d(2026, 3, 2), t(14, 0)),
            (d(2026, 3, 3), t(8, 30)),
            (d(2026, 3, 3), t(14, 0))
        ]
    );
    assert_eq!(sessions::number_of_session(&f.db.conn, &all[2]).unwrap(), 3);
    // A schedule running past the project's end is refused whole.
    let long = Schedule {
        days: 10,
        ..schedule
    };
    assert!(session_ops::schedule_sessions(&mut f.db, f.project, &long).is_err());
    assert_eq!(
        sessions::sessions_of_project(&f.db.conn, f.project)
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn project_validation_lists_every_problem() {
    let mut f = setup();
    let mut bad = fields("P1", d(2026, 3, 6), d(2026, 3, 2));
    bad.credits = -1.0;
    bad.threshold_pct = 0;
    let err = projects::create_project(&mut f.db, &bad, &[])
        .unwrap_err()
        .to_string();
    for field in ["code", "end_date", "credits", "threshold_pct"] {
        assert!(err.contains(field), "{field}: {err}");
    }
}

#[test]
fn registers_not_taken_lists_started_sessions_without_marks() {
    let mut f = setup();
    let s2 =
        session_ops::add_session(&mut f.db, f.project, &session_fields(d(2026, 3, 3))).unwrap();
    let now = at(d(2026, 3, 3), 9, 0);
    let open = |f: &Fixture| -> Vec<i64> {
        sessions::registers_not_taken(&f.db.conn, d(2026, 1, 1), now)
            .unwrap()
            .iter()
            .map(|l| l.session.id)
            .collect()
    };
    assert_eq!(open(&f), vec![f.session, s2]);
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    assert_eq!(open(&f), vec![s2]);
    let before_start =
        sessions::registers_not_taken(&f.db.conn, d(2026, 1, 1), at(d(2026, 3, 3), 8, 0)).unwrap();
    assert!(before_start.is_empty());
}

#[test]
fn correcting_absent_to_late_keeps_unknown_minutes_and_invents_no_check_in_time() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 9, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // absent → late: both cause a veto, so no reason is needed.
    vetoes::change_mark(&mut f.db, id, Status::Late, None, &s).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(
        (m.status, m.minutes_late, m.checked_in_at),
        (Status::Late, 0, None)
    );
}

#[test]
fn moving_a_session_to_another_date_moves_its_marks_veto_year_date() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 45)).unwrap();
    let mut moved = session_fields(d(2026, 3, 4));
    moved.topic = "改期".into();
    session_ops::edit_session(&mut f.db, f.session, &moved, None).unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().session_date, d(2026, 3, 4));
    let ev =
        &vetoes::vetoes_of_year(&f.db.conn, 2026, &f.settings).unwrap()[0].teachers[0].evidence;
    assert_eq!(ev[0].date, d(2026, 3, 4));
}

#[test]
fn at_a_closed_session_even_a_change_of_minutes_needs_a_reason() {
    let mut f = setup();
    plain(&mut f, 0, at(DAY(), 8, 30)).unwrap();
    let mut out = req(&f, 0, at(DAY(), 11, 0));
    out.checked_out_at = Some(at(DAY(), 11, 0));
    run(&mut f, &out).unwrap();
    close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    let mut r = req(&f, 0, at(DAY(), 12, 30));
    r.status = Some(Status::LeftEarly);
    r.minutes_early = Some(10);
    assert!(run(&mut f, &r).is_err());
    assert_eq!(mark_of(&f, 0).unwrap().minutes_early, 30);
    r.reason = Some("签退表更正".into());
    run(&mut f, &r).unwrap();
    assert_eq!(mark_of(&f, 0).unwrap().minutes_early, 10);
}

#[test]
fn project_codes_and_staff_numbers_are_found_in_any_case() {
    let f = setup();
    let p = liaoyuan::store::projects::project_by_code(&f.db.conn, " p1 ").unwrap();
    assert_eq!(p.map(|p| p.id), Some(f.project));
    let t = liaoyuan::store::enrolments::teacher_id_by_staff_no(&f.db.conn, "t002").unwrap();
    assert_eq!(t, Some(f.teachers[1]));
    // An exact match still wins over a case-insensitive one.
    f.db.conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('t002', '周敏', 1)",
            [],
        )
        .unwrap();
    let lower = f.db.conn.last_insert_rowid();
    let find = |q| liaoyuan::store::enrolments::teacher_id_by_staff_no(&f.db.conn, q).unwrap();
    assert_eq!(find("t002"), Some(lower));
    assert_eq!(find("T002"), Some(f.teachers[1]));
}

#[test]
fn a_time_on_another_day_never_decides_late_or_early() {
    let mut f = setup();
    // Entering the 03-02 register on 03-09 by the clock would be "late 10 230 minutes".
    let err = plain(&mut f, 0, at(d(2026, 3, 9), 10, 0))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("2026-03-02") && err.contains("2026-03-09"),
        "{err}"
    );
    assert!(mark_of(&f, 0).is_none());
    let mut late = req(&f, 1, at(d(2026, 3, 3), 8, 40));
    late.status = Some(Status::Late);
    assert!(run(&mut f, &late).is_err());
    assert!(mark_of(&f, 1).is_none());
    plain(&mut f, 2, at(DAY(), 8, 30)).unwrap();
    let mut out = req(&f, 2, at(d(2026, 3, 3), 11, 0));
    out.checked_out_at = Some(at(d(2026, 3, 3), 11, 0));
    assert!(run(&mut f, &out).is_err());
    assert_eq!(mark_of(&f, 2).unwrap().status, Status::Present);
    // An explicit status with stated minutes, or absent/excused, needs no time of day.
    let mut absent = req(&f, 3, at(d(2026, 3, 9), 10, 0));
    absent.status = Some(Status::Absent);
    run(&mut f, &absent).unwrap();
    late.minutes_late = Some(10);
    run(&mut f, &late).unwrap();
    assert_eq!(mark_of(&f, 1).unwrap().minutes_late, 10);
}

#[test]
fn correcting_absent_to_left_early_on_a_later_day_keeps_unknown_minutes() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 12, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    close_session(&mut f.db, f.session, at(DAY(), 12, 5)).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // The Vetoes tab, days later: both statuses cause a veto; the session is closed.
    vetoes::change_mark(&mut f.db, id, Status::LeftEarly, Some("签退表更正"), &s).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!((m.status, m.minutes_early), (Status::LeftEarly, 0));
    assert!(m.checked_out_at.is_none_or(|t| t.date() == DAY()), "{m:?}");
}

#[test]
fn marks_carry_the_sending_school_whichever_way_they_are_written() {
    let mut f = setup();
    // 张伟 and 李娜 were sent by 实验小学 (1) and have moved to 第二中学 (2) since.
    f.db.conn
        .execute(
            "UPDATE teachers SET school_id = 2 WHERE staff_no IN ('T001', 'T002')",
            [],
        )
        .unwrap();
    plain(&mut f, 0, at(DAY(), 8, 40)).unwrap();
    close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    assert_eq!(
        mark_of(&f, 1).unwrap().school_id,
        1,
        "closing: the enrolment's school"
    );
    assert_eq!(
        mark_of(&f, 0).unwrap().school_id,
        1,
        "check-in: the same school"
    );
}

#[test]
fn a_session_cannot_be_closed_before_it_starts() {
    let mut f = setup();
    // Closing tomorrow's session by mistake would give every enrolled teacher a veto.
    let err = close_session(&mut f.db, f.session, at(d(2026, 3, 1), 16, 0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("2026-03-02 08:30"), "{err}");
    assert_eq!(marks::mark_count(&f.db.conn, f.session).unwrap(), 0);
    let s = sessions::get_session(&f.db.conn, f.session)
        .unwrap()
        .unwrap();
    assert!(!s.is_closed());
    close_session(&mut f.db, f.session, at(DAY(), 8, 30)).unwrap();
}

#[test]
fn undo_after_the_session_was_closed_is_refused() {
    let mut f = setup();
    let CheckInOutcome::Recorded { undo, .. } = plain(&mut f, 0, at(DAY(), 8, 30)).unwrap() else {
        panic!("not recorded")
    };
    close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    let err = undo_mark(&mut f.db, &undo).unwrap_err().to_string();
    assert!(err.contains("closed"), "{err}");
    assert_eq!(mark_of(&f, 0).unwrap().status, Status::Present);
}

#[test]
fn a_long_list_of_equally_good_matches_is_cut_to_ten_with_a_count() {
    let teachers: Vec<liaoyuan::store::enrolments::TeacherBrief> = (1..=13)
        .map(|i| liaoyuan::store::enrolments::TeacherBrief {
            id: i,
            staff_no: format!("T{i:03}"),
            name: "张伟".into(),
            school_id: 1,
            school: "实验小学".into(),
        })
        .collect();
    let err = lookup::ambiguous("zw", &teachers).to_string();
    assert!(err.contains("13 teachers"), "{err}");
    assert!(err.contains("T010") && !err.contains("T011"), "{err}");
    assert!(err.contains("3 more"), "{err}");
}

#[test]
fn an_empty_query_says_so() {
    let f = setup();
    let index = lookup::teacher_index(&f.db.conn).unwrap();
    for q in ["", "   "] {
        let err = lookup::find_one(&f.db.conn, &index, q)
            .unwrap_err()
            .to_string();
        assert!(err.contains("empty"), "{err}");
    }
    let err = lookup::lookup(&f.db.conn, " ", 2026, &f.settings, DAY())
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_project_cannot_be_shortened_past_its_sessions() {
    let mut f = setup();
    session_ops::add_session(&mut f.db, f.project, &session_fields(d(2026, 3, 5))).unwrap();
    let err = projects::edit_project(
        &mut f.db,
        f.project,
        &fields("P1", d(2026, 3, 3), d(2026, 3, 6)),
        &[],
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("start_date") && err.contains("2026-03-02"),
        "{err}"
    );
    let err = projects::edit_project(
        &mut f.db,
        f.project,
        &fields("P1", d(2026, 3, 2), d(2026, 3, 4)),
        &[],
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("end_date") && err.contains("2026-03-05"),
        "{err}"
    );
    projects::edit_project(
        &mut f.db,
        f.project,
        &fields("P1", d(2026, 3, 1), d(2026, 3, 5)),
        &[],
    )
    .unwrap();
}

#[test]
fn correcting_absent_to_present_days_later_invents_no_check_in_time() {
    let mut f = setup();
    let mut r = req(&f, 0, at(DAY(), 12, 0));
    r.status = Some(Status::Absent);
    run(&mut f, &r).unwrap();
    let id = mark_of(&f, 0).unwrap().id;
    let s = f.settings.clone();
    // The clock (not the session's day) must not become her arrival time.
    vetoes::change_mark(&mut f.db, id, Status::Present, Some("补签：实际出勤"), &s).unwrap();
    let m = mark_of(&f, 0).unwrap();
    assert_eq!(m.status, Status::Present);
    assert!(m.checked_in_at.is_none_or(|t| t.date() == DAY()), "{m:?}");
}

#[test]
fn reopening_a_session_is_audited_with_the_session_after() {
    let mut f = setup();
    close_session(&mut f.db, f.session, at(DAY(), 12, 0)).unwrap();
    assert!(liaoyuan::ops::close_session::reopen_session(&mut f.db, f.session, " ").is_err());
    liaoyuan::ops::close_session::reopen_session(&mut f.db, f.session, "漏签补录").unwrap();
    let history = audit::history(&f.db.conn, "session", f.session).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("reopen", "漏签补录")
    );
    let after: serde_json::Value = serde_json::from_str(last.after.as_deref().unwrap()).unwrap();
    assert!(after["closed_at"].is_null(), "{after}");
}
