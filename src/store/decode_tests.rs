//! Strict decoding: a code or date the domain does not know, read from the file, is an
//! error naming the table, the row and the column — never a silent default.

use crate::store::follow_ups::{self, FollowUpFilter};
use crate::store::{export_rows, schools, teachers, trainers, Db};
use chrono::NaiveDate;

fn district() -> Db {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);
             INSERT INTO trainers (id, teacher_id, name) VALUES (1, 1, '张伟');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
               VALUES (1, 'P1', '集中', 'district', 'starlight', '2026-03-01', '2026-03-31');
             INSERT INTO sessions (id, project_id, date, start_time, end_time)
               VALUES (1, 1, '2026-03-02', '08:30', '11:30');
             INSERT INTO marks (id, session_id, teacher_id, school_id, session_date, status,
                                recorded_at)
               VALUES (7, 1, 1, 1, '2026-03-02', 'present', '2026-03-02 08:30:00');
             INSERT INTO follow_ups (id, project_id, teacher_id, kind, due_date)
               VALUES (9, 1, 1, 'forum', '2026-05-01');",
        )
        .unwrap();
    db
}

/// Writes a value the schema's CHECK would refuse (as another program or a newer version
/// of Liaoyuan might have).
fn corrupt(db: &Db, sql: &str) {
    db.conn
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON; {sql}; PRAGMA ignore_check_constraints = OFF;"
        ))
        .unwrap();
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn says(err: crate::Error, table_row: &str, value: &str) {
    let text = err.to_string();
    assert!(text.contains(table_row), "{text}");
    assert!(text.contains(value), "{text}");
}

#[test]
fn an_unknown_mark_status_in_an_export_names_the_row() {
    let db = district();
    corrupt(&db, "UPDATE marks SET status = 'tardy' WHERE id = 7");
    let err = export_rows::attendance(&db.conn, None, d(2026, 1, 1), d(2026, 12, 31))
        .expect_err("an unknown status is not exported as absent");
    says(err, "marks 7", "'tardy'");
}

#[test]
fn unknown_follow_up_codes_and_dates_name_the_row() {
    for (sql, value) in [
        ("UPDATE follow_ups SET kind = 'essay'", "'essay'"),
        ("UPDATE follow_ups SET status = 'lost'", "'lost'"),
        ("UPDATE follow_ups SET due_date = 'soon'", "'soon'"),
        ("UPDATE follow_ups SET rating = 'superb'", "'superb'"),
    ] {
        let db = district();
        corrupt(&db, sql);
        let err = follow_ups::get(&db.conn, 9).expect_err(sql);
        says(err, "follow_ups 9", value);
        let filter = FollowUpFilter {
            status: None,
            ..FollowUpFilter::default()
        };
        if !sql.contains("status") {
            let err = follow_ups::list(&db.conn, &filter, d(2026, 6, 1), 10).expect_err(sql);
            says(err, "follow_ups 9", value);
        }
        // The export selects by due date: a row whose date is unreadable is not in a range.
        if !sql.contains("status") && !sql.contains("due_date") {
            let err = export_rows::follow_ups(&db.conn, None, d(2026, 1, 1), d(2026, 12, 31))
                .expect_err(sql);
            says(err, "follow_ups 9", value);
        }
    }
}

#[test]
fn unknown_codes_of_schools_teachers_and_trainers_name_the_row() {
    let db = district();
    corrupt(&db, "UPDATE schools SET stage = 'college'");
    says(
        schools::list(&db.conn).unwrap_err(),
        "schools 1",
        "'college'",
    );
    let db = district();
    corrupt(&db, "UPDATE teachers SET tier = 'star'");
    says(
        teachers::list(&db.conn).unwrap_err(),
        "teachers 1",
        "'star'",
    );
    let db = district();
    corrupt(&db, "UPDATE teachers SET gender = 'x'");
    says(teachers::list(&db.conn).unwrap_err(), "teachers 1", "'x'");
    let db = district();
    corrupt(&db, "UPDATE teachers SET status = 'on_leave'");
    says(
        teachers::list(&db.conn).unwrap_err(),
        "teachers 1",
        "'on_leave'",
    );
    let brief = crate::store::enrolments::teacher_brief(&db.conn, 1);
    says(brief.unwrap_err(), "teachers 1", "'on_leave'");
    let db = district();
    corrupt(&db, "UPDATE follow_ups SET status = 'lost'");
    let counts = follow_ups::counts(&db.conn, d(2026, 6, 1));
    says(counts.unwrap_err(), "follow_ups 9", "'lost'");
    let db = district();
    corrupt(&db, "UPDATE trainers SET status = 'emeritus'");
    says(
        trainers::get(&db.conn, 1).unwrap_err(),
        "trainers 1",
        "'emeritus'",
    );
}
