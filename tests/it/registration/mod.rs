//! Registration-day rules (docs/rules.md §4.1–4.2) through the ops layer, on a
//! database file in a temporary folder.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use liaoyuan::domain::{Level, Plan, Settings, Status};
use liaoyuan::ops::check_in::{check_in, undo_mark, CheckIn, CheckInOutcome};
use liaoyuan::ops::close_session::{close_session, close_session_review};
use liaoyuan::ops::{enrolments, lookup, projects, sessions as session_ops, vetoes};
use liaoyuan::store::projects::ProjectFields;
use liaoyuan::store::sessions::SessionFields;
use liaoyuan::store::{audit, marks, sessions, Db, OpenMode};

mod booking;
mod close_undo;
mod closing;
mod desk;
mod mark_effect;
mod presence_rules;
mod setup_rules;
mod veto_rules;
mod veto_scope;
mod veto_scope_change;
mod walk_in;

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
        veto_scope: true,
        meta: Default::default(),
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
    let project = projects::create_project(
        &mut db,
        &crate::registration::stamp(),
        &fields("P1", start, end),
        &[],
    )
    .unwrap();
    let session = session_ops::add_session(
        &mut db,
        &crate::registration::stamp(),
        project,
        &session_fields(first),
    )
    .unwrap();
    enrolments::enrol_teachers(
        &mut db,
        &crate::registration::stamp(),
        project,
        &teachers,
        liaoyuan::ops::enrolments::Limits::Keep,
    )
    .unwrap();
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
    check_in(&mut f.db, &crate::registration::stamp(), r, &s)
}

/// A plain check-in (the clock decides) of teacher `teacher` at `when`.
fn plain(f: &mut Fixture, teacher: usize, when: NaiveDateTime) -> liaoyuan::Result<CheckInOutcome> {
    let r = req(f, teacher, when);
    run(f, &r)
}

const DAY: fn() -> NaiveDate = || NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
