//! Imports respect a completed project's lock (docs/rules.md §4.3): the sessions,
//! enrolments and credit facts its credits were granted on cannot change
//! through a file either, while restating them (a re-import) stays harmless.

use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::Error;

struct Fixture {
    dir: tempfile::TempDir,
    db: Db,
}

/// P1 (12 credits, completed) with one session on 2026-03-02 08:30–11:30 and
/// 张伟 enrolled; 李娜 exists but is not enrolled.
fn setup() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("c.db"), OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO teachers (id, staff_no, name, school_id) VALUES
               (1, 'T001', '张伟', 1), (2, 'T002', '李娜', 1);
             INSERT INTO projects (id, code, title, level, plan, concentrated, credits,
                                   start_date, end_date, completed_at)
               VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 12,
                       '2026-03-01', '2026-03-10', '2026-03-20 10:00:00');
             INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
               VALUES (1, 1, '2026-03-02', '08:30', '11:30', '开班');
             INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
               VALUES (1, 1, 1, '2026-02-20 09:00:00');",
        )
        .unwrap();
    Fixture { dir, db }
}

fn import(f: &mut Fixture, kind: Kind, name: &str, text: &str) -> Result<(), Error> {
    let path = f.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    import_file(
        &mut f.db,
        &crate::import_completed::stamp(),
        kind,
        &path,
        &ImportOptions::default(),
    )
    .map(|_| ())
}

fn count(f: &Fixture, sql: &str) -> i64 {
    f.db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn sessions_of_a_completed_project_cannot_be_added_or_moved() {
    let mut f = setup();
    let err = import(
        &mut f,
        Kind::Sessions,
        "s.csv",
        "project,date,start,end,topic\n\
         P1,2026-03-02,08:30,11:30,开班仪式\n\
         P1,2026-03-03,08:30,11:30,新场次\n",
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.zh).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("line 3: project:"), "{rows:?}");
    assert!(rows[0].contains("已结业"), "{rows:?}");
    // Moving the existing session's end is refused too.
    let err = import(
        &mut f,
        Kind::Sessions,
        "s2.csv",
        "project,date,start,end\nP1,2026-03-02,08:30,12:00\n",
    )
    .unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::Zh)
            .contains("line 2: project:"),
        "{err}"
    );
    assert_eq!(count(&f, "SELECT count(*) FROM sessions"), 1);
    assert_eq!(
        count(
            &f,
            "SELECT count(*) FROM sessions WHERE topic = '开班' AND end_time = '11:30'"
        ),
        1
    );
}

#[test]
fn a_completed_projects_session_can_be_restated_with_a_new_topic() {
    let mut f = setup();
    import(
        &mut f,
        Kind::Sessions,
        "s.csv",
        "project,date,start,end,topic\nP1,2026-03-02,08:30,11:30,开班仪式\n",
    )
    .unwrap();
    assert_eq!(
        count(&f, "SELECT count(*) FROM sessions WHERE topic = '开班仪式'"),
        1
    );
}

#[test]
fn a_completed_projects_enrolment_list_is_locked() {
    let mut f = setup();
    // Restating 张伟 is fine; adding 李娜 is refused and nothing is written.
    import(
        &mut f,
        Kind::Enrolments,
        "e.csv",
        "project,staff_no\nP1,T001\n",
    )
    .unwrap();
    let err = import(
        &mut f,
        Kind::Enrolments,
        "e2.csv",
        "project,staff_no\nP1,T001\nP1,T002\n",
    )
    .unwrap_err();
    let Error::Rows(rows) = err else {
        panic!("expected row problems, got {err}")
    };
    let rows: Vec<String> = rows.into_iter().map(|r| r.zh).collect();
    assert!(rows[0].starts_with("line 3: project:") && rows[0].contains("已结业"));
    assert_eq!(count(&f, "SELECT count(*) FROM enrolments"), 1);
}

#[test]
fn a_completed_projects_credits_cannot_change_by_import_but_its_title_can() {
    let mut f = setup();
    let head = "code,title,level,plan,credits,start_date,end_date\n";
    let err = import(
        &mut f,
        Kind::Projects,
        "p.csv",
        &format!("{head}P1,骨干教师培训,district,continuing_education,20,2026-03-01,2026-03-10\n"),
    )
    .unwrap_err();
    assert!(
        err.text(liaoyuan::lang::Lang::Zh).contains("已结业"),
        "{err}"
    );
    assert_eq!(
        count(
            &f,
            "SELECT CAST(credits AS INTEGER) FROM projects WHERE code = 'P1'"
        ),
        12
    );
    import(
        &mut f,
        Kind::Projects,
        "p2.csv",
        &format!(
            "{head}P1,骨干教师高级研修,district,continuing_education,12,2026-03-01,2026-03-10\n"
        ),
    )
    .unwrap();
    assert_eq!(
        count(
            &f,
            "SELECT count(*) FROM projects WHERE title = '骨干教师高级研修'"
        ),
        1
    );
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
