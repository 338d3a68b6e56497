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
    type Kept = (i64, String, String, i64, i64);
    let rows = |sql: &str| -> Vec<Kept> {
        db.conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let kept = rows("SELECT school_id, month, status, marks, attended FROM school_month_marks WHERE marks > 0 ORDER BY 1, 2, 3");
    let recount = rows("SELECT school_id, substr(session_date, 1, 7), status, count(*), sum(attended) FROM marks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
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
        vetoes("SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*) FROM marks WHERE causes_veto GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
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
    // The project leaves the veto scope and comes back; a mark falls short of presence.
    exec(&db, "UPDATE projects SET veto_scope = 0 WHERE id = 1;");
    counts_match(&db);
    let n: i64 = db
        .conn
        .query_row("SELECT count(*) FROM school_month_vetoes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "out of scope, no mark causes a veto");
    exec(&db, "UPDATE projects SET veto_scope = 1 WHERE id = 1;");
    counts_match(&db);
    exec(
        &db,
        "UPDATE marks SET minutes_late = 120, presence_short = 1 WHERE session_id = 2 AND teacher_id = 2;",
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

/// The report recomputed from the source tables alone (teachers counted from `teachers`).
fn recomputed(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    cycle: &Cycle,
    today: NaiveDate,
    s: &Settings,
) -> Vec<SchoolReport> {
    let mut lines = Lines::load(conn).unwrap();
    for line in lines.out.iter_mut() {
        line.teachers = conn
            .query_row(
                "SELECT count(*) FROM teachers WHERE school_id = ?1",
                [line.school_id],
                |r| r.get(0),
            )
            .unwrap();
    }
    let (f, t) = (day(from), day(to));
    sources::attendance(conn, &mut lines, &f, &t).unwrap();
    sources::sent(conn, &mut lines, &f, &t).unwrap();
    sources::places(conn, &mut lines, &f, &t).unwrap();
    sources::follow_ups(conn, &mut lines, &f, &t).unwrap();
    let zero = cycle_credits::nothing(s).compliance(cycle, today);
    for line in lines.out.iter_mut() {
        let n = line.teachers;
        super::count_standing(line, zero, n);
    }
    sources::credit_pace(conn, &mut lines, cycle, today, s, zero).unwrap();
    // The report lists schools in pinyin order.
    let mut out = lines.out;
    out.sort_by_cached_key(|r| {
        (
            crate::search::keys::pinyin_keys(&r.school).0,
            r.school.clone(),
        )
    });
    out
}

/// Every whole-month span of 1, 3, 7 and 12 months over 2025–2027, and one ragged span,
/// agrees with the recomputation; so does the district's standing.
fn agrees(db: &Db, step: &str) {
    let s = Settings::default();
    let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    for start in 0..36 {
        for len in [1, 3, 7, 12] {
            let from = d(2025 + start / 12, 1 + start as u32 % 12);
            let end = start + len;
            let to = d(2025 + end / 12, 1 + end as u32 % 12).pred_opt().unwrap();
            for today in [from, to, NaiveDate::from_ymd_opt(2026, 7, 15).unwrap()] {
                let cycle = crate::domain::credits::cycle_of(today, &s);
                let kept = school_report(&db.conn, from, to, &cycle, today, &s).unwrap();
                let fresh = recomputed(&db.conn, from, to, &cycle, today, &s);
                assert_eq!(kept, fresh, "{step}: {from}..={to} as of {today}");
            }
        }
    }
    let (from, to) = (d(2026, 1), NaiveDate::from_ymd_opt(2026, 6, 17).unwrap());
    let cycle = crate::domain::credits::cycle_of(to, &s);
    let kept = school_report(&db.conn, from, to, &cycle, to, &s).unwrap();
    assert_eq!(
        kept,
        recomputed(&db.conn, from, to, &cycle, to, &s),
        "{step}: ragged"
    );
}

/// Three schools, four teachers, five projects over 2025–2027 with allotments, enrolments,
/// marks, follow-ups and credit entries.
const SEED: &str = "
        INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary'), (2, '乙', 'junior'), (3, '丙', 'senior');
        INSERT INTO teachers (id, staff_no, name, school_id) VALUES
            (1, 'T1', '张伟', 1), (2, 'T2', '王芳', 1), (3, 'T3', '李娜', 2), (4, 'T4', '刘洋', 3);
        INSERT INTO projects (id, code, title, level, plan, start_date, end_date) VALUES
            (1, 'P1', 'a', 'district', 'starlight', '2025-11-03', '2025-11-30'),
            (2, 'P2', 'b', 'district', 'starlight', '2026-01-05', '2026-02-28'),
            (3, 'P3', 'c', 'district', 'starlight', '2026-03-09', '2026-03-20'),
            (4, 'P4', 'd', 'district', 'starlight', '2026-12-01', '2027-01-20'),
            (5, 'P5', 'e', 'district', 'starlight', '2027-02-01', '2027-02-20');
        INSERT INTO school_allotments (project_id, school_id, places) VALUES
            (1, 1, 3), (2, 1, 2), (2, 2, 4), (3, 3, 1), (4, 1, 5), (5, 2, 2);
        INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
            (1, 1, 1, 'x'), (2, 1, 1, 'x'), (2, 2, 1, 'x'), (2, 3, 2, 'x'), (3, 1, 1, 'x'),
            (3, 4, 3, 'x'), (4, 1, 1, 'x'), (4, 3, 2, 'x'), (5, 1, 1, 'x'), (5, 3, 1, 'x');
        INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES
            (1, 2, '2026-01-05', '08:30', '11:30'), (2, 3, '2026-03-10', '08:30', '11:30'),
            (3, 4, '2027-01-04', '08:30', '11:30');
        INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at) VALUES
            (1, 1, 1, '2026-01-05', 'late', 'x'), (1, 2, 1, '2026-01-05', 'present', 'x'),
            (1, 3, 2, '2026-01-05', 'absent', 'x'), (2, 1, 1, '2026-03-10', 'absent', 'x'),
            (2, 4, 3, '2026-03-10', 'left_early', 'x'), (3, 1, 1, '2027-01-04', 'late', 'x');
        INSERT INTO follow_ups (project_id, teacher_id, kind, due_date, status) VALUES
            (2, 1, 'forum', '2026-03-30', 'done'), (2, 2, 'forum', '2026-03-30', 'pending'),
            (3, 4, 'report_back', '2026-04-19', 'evaluated'), (4, 3, 'forum', '2027-02-19', 'pending');
        INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source) VALUES
            (1, 60, 1, '2026-02-01', 'manual'), (1, 70, 0, '2027-03-01', 'manual'),
            (2, 10, 1, '2026-05-01', 'manual'), (3, 0.5, 0, '2025-12-01', 'manual'),
            (4, 30, 1, '2026-03-21', 'manual');";

#[test]
fn derived_counts_follow_every_kind_of_change() {
    let db = Db::open_in_memory().unwrap();
    exec(&db, SEED);
    agrees(&db, "initial");
    let steps = [
        ("mark status", "UPDATE marks SET status = 'present' WHERE session_id = 1 AND teacher_id = 1"),
        ("mark deleted", "DELETE FROM marks WHERE session_id = 2 AND teacher_id = 4"),
        ("mark added", "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
                        VALUES (3, 3, 2, '2027-01-04', 'late', 'x')"),
        ("enrolment added in a middle month", "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                        VALUES (1, 3, 2, 'x')"),
        ("enrolment deleted", "DELETE FROM enrolments WHERE project_id = 3 AND teacher_id = 1"),
        ("enrolment moved", "UPDATE enrolments SET project_id = 3 WHERE project_id = 2 AND teacher_id = 2"),
        ("project moved", "UPDATE projects SET start_date = '2026-10-01', end_date = '2026-10-30' WHERE id = 2"),
        ("allotment changed", "UPDATE school_allotments SET places = 9 WHERE project_id = 4 AND school_id = 1"),
        ("follow-up done", "UPDATE follow_ups SET status = 'done' WHERE teacher_id = 2"),
        ("follow-up moved", "UPDATE follow_ups SET due_date = '2027-01-02' WHERE teacher_id = 4"),
        ("credit changed", "UPDATE credit_entries SET credits = 125, concentrated = 1 WHERE teacher_id = 1 AND earned_on = '2026-02-01'"),
        ("credit added", "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source)
                        VALUES (2, 15, 0, '2026-06-01', 'manual')"),
        ("credit moved", "UPDATE credit_entries SET teacher_id = 3, earned_on = '2026-08-08' WHERE teacher_id = 4"),
        ("credit deleted", "DELETE FROM credit_entries WHERE teacher_id = 2 AND credits = 10"),
        ("teacher transferred", "UPDATE teachers SET school_id = 3 WHERE id = 1"),
        ("teacher added", "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (5, 'T5', '陈静', 2)"),
        ("teacher deleted", "DELETE FROM teachers WHERE id = 5"),
        ("project out of veto scope", "UPDATE projects SET veto_scope = 0 WHERE id = 3"),
        ("mark short of presence", "UPDATE marks SET minutes_early = 150, presence_short = 1 WHERE session_id = 3 AND teacher_id = 1"),
        ("mark in an out-of-scope project", "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
                        VALUES (2, 3, 2, '2026-03-10', 'absent', 'x')"),
        ("project back in veto scope", "UPDATE projects SET veto_scope = 1 WHERE id = 3"),
        ("project deleted", "DELETE FROM projects WHERE id = 4"),
        ("session deleted", "DELETE FROM sessions WHERE id = 1"),
    ];
    for (step, sql) in steps {
        exec(&db, sql);
        agrees(&db, step);
    }
}

/// Ids `liaoyuan check` lists for `key`.
fn broken(db: &Db, key: &str) -> Vec<i64> {
    let rule = crate::store::integrity::RULES
        .iter()
        .find(|r| r.key == key)
        .unwrap();
    crate::store::integrity::violations(&db.conn, rule, "2026-11-28", 10)
        .unwrap()
        .1
}

#[test]
fn check_rules_catch_each_kept_count_drifting() {
    let db = Db::open_in_memory().unwrap();
    exec(&db, SEED);
    let s = Settings::default();
    let cycle = crate::domain::credits::cycle_of(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), &s);
    assert!(cycle_credits::ensure(&db.conn, &cycle));
    let rules = [
        "school_report_counts",
        "school_distinct_teachers",
        "teacher_cycle_credits",
        "school_month_marks",
        "school_month_vetoes",
        "mark_veto_scope",
        "project_veto_scope",
    ];
    for key in rules {
        assert!(broken(&db, key).is_empty(), "{key} on a sound file");
    }
    let drifts = [
        (
            "school_report_counts",
            "UPDATE school_teachers SET teachers = 9 WHERE school_id = 2",
            2,
        ),
        (
            "school_report_counts",
            "UPDATE school_month_places SET places = 0 WHERE school_id = 3",
            3,
        ),
        (
            "school_report_counts",
            "UPDATE school_month_follow_ups SET done = done + 1 WHERE school_id = 3",
            3,
        ),
        (
            "school_report_counts",
            "DELETE FROM school_teacher_months WHERE school_id = 2",
            2,
        ),
        (
            "school_distinct_teachers",
            "UPDATE school_month_firsts SET c3 = c3 + 1 WHERE school_id = 1 AND kind = 'sent'",
            1,
        ),
        (
            "school_distinct_teachers",
            "DELETE FROM school_month_firsts WHERE school_id = 2 AND kind = 'veto'",
            2,
        ),
        (
            "teacher_cycle_credits",
            "UPDATE teacher_cycle_credits SET total = total + 0.5 WHERE teacher_id = 4",
            4,
        ),
        (
            "teacher_cycle_credits",
            "DELETE FROM teacher_cycle_credits WHERE teacher_id = 2",
            2,
        ),
        (
            "teacher_cycle_credits",
            "UPDATE teacher_cycle_credits SET school_id = 3 WHERE teacher_id = 1",
            1,
        ),
        (
            "school_month_marks",
            "UPDATE school_month_marks SET attended = attended - 1 WHERE school_id = 1 AND status = 'late'",
            1,
        ),
        (
            "school_month_vetoes",
            "DELETE FROM school_month_vetoes WHERE school_id = 2",
            2,
        ),
        // A mark out of step with its project's scope (written around the triggers).
        (
            "mark_veto_scope",
            "UPDATE marks SET in_veto_scope = 0 WHERE session_id = 2 AND teacher_id = 4",
            5,
        ),
        (
            "project_veto_scope",
            "UPDATE projects SET veto_scope = NULL WHERE id = 5",
            5,
        ),
    ];
    for (key, sql, id) in drifts {
        exec(&db, &format!("SAVEPOINT drift; {sql};"));
        assert_eq!(broken(&db, key), vec![id], "{sql}");
        exec(&db, "ROLLBACK TO drift; RELEASE drift;");
        assert!(broken(&db, key).is_empty(), "{key} after the rollback");
    }
}
