//! Tests of the school report and of the triggers that keep its monthly counts.

use super::*;
use crate::store::Db;

#[test]
fn empty_district_reports_each_school_with_zeroes() {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute(
            "INSERT INTO schools (name, township, stage) VALUES ('甲小学', '', 'primary')",
            [],
        )
        .unwrap();
    let s = Settings::default();
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let cycle = crate::domain::credits::cycle_of(d(2026, 6, 1), &s);
    let r = school_report(
        &db.conn,
        d(2026, 1, 1),
        d(2026, 12, 31),
        &cycle,
        d(2026, 6, 1),
        &s,
    )
    .unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].attendance_rate(), None);
    assert_eq!(r[0].vetoed_teachers, 0);
}

fn exec(db: &Db, sql: &str) {
    db.conn.execute_batch(sql).unwrap();
}

/// The monthly counts equal a recount of the marks.
fn counts_match(db: &Db) {
    let kept: Vec<(i64, String, String, i64)> = db
        .conn
        .prepare("SELECT school_id, month, status, marks FROM school_month_marks WHERE marks > 0 ORDER BY 1, 2, 3")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let recount: Vec<(i64, String, String, i64)> = db
        .conn
        .prepare("SELECT school_id, substr(session_date, 1, 7), status, count(*) FROM marks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(kept, recount);
    let vetoes = |sql: &str| -> Vec<(i64, String, i64, i64)> {
        db.conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(
        vetoes("SELECT school_id, month, teacher_id, marks FROM school_month_vetoes ORDER BY 1, 2, 3"),
        vetoes("SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*) FROM marks WHERE status IN ('late', 'left_early', 'absent') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
    );
}

#[test]
fn triggers_keep_monthly_counts_through_insert_update_delete_and_cascade() {
    let db = Db::open_in_memory().unwrap();
    exec(&db, "
        INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary'), (2, '乙', 'junior');
        INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '王芳', 2);
        INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
            VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-03-01', '2026-04-30');
        INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
            (1, 1, '2026-03-31', '08:30', '11:30'), (2, 1, '2026-04-01', '08:30', '11:30');
        INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at) VALUES
            (1, 1, 1, '2026-03-31', 'late', 'x'), (1, 2, 2, '2026-03-31', 'present', 'x'),
            (2, 1, 1, '2026-04-01', 'absent', 'x'), (2, 2, 2, '2026-04-01', 'late', 'x');");
    counts_match(&db);
    exec(
        &db,
        "UPDATE marks SET status = 'present' WHERE session_id = 1 AND teacher_id = 1;",
    );
    counts_match(&db);
    exec(
        &db,
        "UPDATE sessions SET date = '2026-05-02' WHERE id = 2;
               UPDATE marks SET session_date = '2026-05-02' WHERE session_id = 2;",
    );
    counts_match(&db);
    exec(
        &db,
        "DELETE FROM marks WHERE session_id = 1 AND teacher_id = 2;",
    );
    counts_match(&db);
    exec(&db, "DELETE FROM sessions WHERE id = 2;");
    counts_match(&db);
    let n: i64 = db
        .conn
        .query_row("SELECT count(*) FROM school_month_vetoes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "no veto-causing marks are left");
}

#[test]
fn whole_months_and_other_periods_agree() {
    let db = Db::open_in_memory().unwrap();
    exec(&db, "
        INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary');
        INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1), (2, 'T2', '王芳', 1);
        INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
            VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-01-01', '2026-12-31');
        INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
            (1, 1, '2026-01-01', '08:30', '11:30'), (2, 1, '2026-12-31', '08:30', '11:30'),
            (3, 1, '2027-01-01', '08:30', '11:30');
        INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at) VALUES
            (1, 1, 1, '2026-01-01', 'late', '', 'x'), (2, 1, 1, '2026-12-31', 'absent', '', 'x'),
            (2, 2, 1, '2026-12-31', 'excused', '病假', 'x'), (3, 2, 1, '2027-01-01', 'late', '', 'x');");
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let months = school_attendance(&db.conn, d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    let days = school_attendance(&db.conn, d(2026, 1, 1), d(2026, 12, 30)).unwrap();
    assert_eq!(months[0].marks.total(), 3);
    assert_eq!(
        months[0].vetoed_teachers, 1,
        "31 December counts in 2026, 1 January 2027 does not"
    );
    assert_eq!(days[0].marks.total(), 1);
    let same = school_attendance(&db.conn, d(2026, 1, 2), d(2026, 12, 31)).unwrap();
    assert_eq!(same[0].marks.total(), 2);
    assert_eq!(same[0].vetoed_teachers, 1);
}
