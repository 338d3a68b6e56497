use super::*;
use crate::store::Db;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn district(teachers: usize, seed: u64, today: NaiveDate) -> (Db, Summary) {
    let mut db = Db::open_in_memory().unwrap();
    let tx = db
        .write(&crate::store::test_stamp("2026-03-02 09:00"))
        .unwrap();
    let opts = DemoOptions {
        teachers,
        seed,
        progress: false,
    };
    let summary = generate_into(&tx, &opts, today).unwrap();
    tx.commit().unwrap();
    (db, summary)
}

fn one(db: &Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every row of the tables the demo fills, as text.
fn dump(db: &Db) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "schools",
        "teachers",
        "trainers",
        "projects",
        "sessions",
        "marks",
        "follow_ups",
        "credit_entries",
        "feedback",
        "audit_log",
    ] {
        let mut st = db
            .conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out
}

#[test]
fn same_seed_same_day_same_district() {
    let today = day(2026, 11, 28);
    let (a, sa) = district(300, 7, today);
    let (b, sb) = district(300, 7, today);
    assert_eq!(sa, sb);
    assert_eq!(dump(&a), dump(&b));
    let (c, _) = district(300, 8, today);
    assert_ne!(dump(&a), dump(&c));
}

#[test]
fn district_has_what_the_screens_need() {
    let today = day(2026, 11, 28);
    let (db, s) = district(2000, 1, today);
    assert_eq!(s.teachers, 2000);
    assert!((55..=70).contains(&s.schools), "{s}");
    assert!((35..=45).contains(&s.trainers), "{s}");
    assert!((28..=35).contains(&s.projects), "{s}");
    // Two 张伟 in different schools, and every two-reading surname.
    assert_eq!(
        one(
            &db,
            "SELECT count(DISTINCT school_id) FROM teachers WHERE name = '张伟'"
        ),
        2
    );
    for surname in ["曾", "单", "解", "区", "仇"] {
        let n = one(
            &db,
            &format!("SELECT count(*) FROM teachers WHERE name LIKE '{surname}%'"),
        );
        assert!(n >= 1, "no teacher named {surname}…");
    }
    // Today's registration desk: ~300 enrolled, some in, leaves phoned in.
    let desk = "SELECT s.id FROM sessions s WHERE s.date = '2026-11-28' AND s.start_time = '08:30'";
    let enrolled = one(&db, &format!("SELECT count(*) FROM enrolments WHERE project_id = (SELECT project_id FROM sessions WHERE id = ({desk}))"));
    assert_eq!(enrolled, 300);
    let excused = one(
        &db,
        &format!("SELECT count(*) FROM marks WHERE session_id = ({desk}) AND status = 'excused'"),
    );
    assert!((2..=3).contains(&excused));
    let all_day = one(
        &db,
        "SELECT count(*) FROM marks a JOIN marks b ON a.teacher_id = b.teacher_id
         JOIN sessions sa ON sa.id = a.session_id JOIN sessions sb ON sb.id = b.session_id
         WHERE sa.date = '2026-11-28' AND sb.date = '2026-11-28' AND sa.start_time = '08:30'
           AND sb.start_time = '14:00' AND a.status = 'excused' AND b.status = 'excused'",
    );
    assert_eq!(all_day, 1, "the first leave stays away all day");
    let present = one(
        &db,
        &format!("SELECT count(*) FROM marks WHERE session_id = ({desk}) AND status = 'present'"),
    );
    assert!(present > 10 && present < 100);
    // All four levels and seven plans, past and coming projects.
    assert_eq!(one(&db, "SELECT count(DISTINCT level) FROM projects"), 4);
    assert!(one(&db, "SELECT count(DISTINCT plan) FROM projects") >= 6);
    assert!(
        one(
            &db,
            "SELECT count(*) FROM projects WHERE start_date > '2026-11-29'"
        ) >= 1
    );
    assert!(
        one(
            &db,
            "SELECT count(*) FROM projects WHERE completed_at IS NOT NULL"
        ) >= 10
    );
    // Exactly one register not taken.
    assert_eq!(
        one(&db, "SELECT count(*) FROM sessions s WHERE s.date < '2026-11-28' AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.session_id = s.id)"),
        1
    );
    // Overdue follow-ups exist, and every kind of follow-up status.
    assert!(
        one(
            &db,
            "SELECT count(*) FROM follow_ups WHERE status = 'pending' AND due_date < '2026-11-28'"
        ) > 0
    );
    assert_eq!(one(&db, "SELECT count(DISTINCT status) FROM follow_ups"), 3);
    assert!(one(&db, "SELECT count(*) FROM audit_log") >= 3);
}

#[test]
fn mark_rates_are_realistic() {
    let (db, s) = district(2000, 1, day(2026, 11, 28));
    let total = s.marks as f64;
    let share = |status: &str| {
        one(
            &db,
            &format!("SELECT count(*) FROM marks WHERE status = '{status}'"),
        ) as f64
            / total
    };
    assert!(share("present") > 0.85 && share("present") < 0.95);
    assert!(share("late") > 0.02 && share("late") < 0.07);
    assert!(share("absent") > 0.005 && share("absent") < 0.04);
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM marks WHERE status = 'late' AND minutes_late <= 5"
        ),
        0
    );
}

#[test]
fn tiers_form_a_pyramid() {
    let (db, _) = district(2000, 1, day(2026, 11, 28));
    let n = |tier: &str| {
        one(
            &db,
            &format!("SELECT count(*) FROM teachers WHERE tier = '{tier}'"),
        )
    };
    assert!(n("qualified") > n("backbone"));
    assert!(n("backbone") > n("renowned"));
    assert!(n("renowned") > n("eminent"));
    assert!(n("rising") > n("renowned"));
    assert!(one(&db, "SELECT count(*) FROM tier_history") >= 2000);
}

#[test]
fn refuses_a_file_with_data_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let opts = DemoOptions {
        teachers: 100,
        seed: 1,
        progress: false,
    };
    generate(&path, &opts, &crate::store::test_stamp("2026-03-02 09:00")).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = generate(&path, &opts, &crate::store::test_stamp("2026-03-02 09:00"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("已有数据"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(generate(
        &dir.path().join("x.db"),
        &DemoOptions {
            teachers: 3,
            seed: 1,
            progress: false
        },
        &crate::store::test_stamp("2026-03-02 09:00")
    )
    .is_err());
}

#[test]
fn ensure_demo_creates_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    ensure_demo(&path, &crate::store::test_stamp("2026-03-02 09:00")).unwrap();
    let db = Db::open(&path, crate::store::OpenMode::ReadOnly).unwrap();
    assert_eq!(
        one(&db, "SELECT count(*) FROM teachers"),
        DEMO_TEACHERS as i64
    );
    drop(db);
    ensure_demo(&path, &crate::store::test_stamp("2026-03-02 09:00")).unwrap();
}

#[test]
fn every_index_is_there_after_the_load() {
    let fresh = Db::open_in_memory().unwrap();
    let indexes = |db: &Db| -> Vec<String> {
        let mut st = db
            .conn
            .prepare("SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let (db, _) = district(100, 1, day(2026, 11, 28));
    assert_eq!(indexes(&db), indexes(&fresh));
    assert!(indexes(&db).iter().any(|s| s.contains("marks_school_date")));
    assert!(indexes(&db).iter().any(|s| s.contains("TRIGGER")));
    // The counts the triggers keep agree with the marks.
    let report = crate::ops::check::check(&db.conn, day(2026, 11, 28)).unwrap();
    assert!(report.is_clean(), "{report:?}");
}

#[test]
fn about_two_percent_have_left_service_none_of_them_at_today_s_desk() {
    let (db, _) = district(2000, 7, day(2026, 11, 28));
    let retired = one(
        &db,
        "SELECT count(*) FROM teachers WHERE status = 'retired'",
    );
    let transferred = one(
        &db,
        "SELECT count(*) FROM teachers WHERE status = 'transferred'",
    );
    assert_eq!(retired + transferred, 40, "2 % of 2000");
    assert!(retired > 0 && transferred > 0, "{retired} {transferred}");
    let at_desk_today = one(
        &db,
        "SELECT count(*) FROM teachers t JOIN enrolments e ON e.teacher_id = t.id
         JOIN sessions s ON s.project_id = e.project_id
         WHERE t.status <> 'active' AND s.date = '2026-11-28'",
    );
    assert_eq!(at_desk_today, 0);
    let trainers = one(
        &db,
        "SELECT count(*) FROM trainers r JOIN teachers t ON t.id = r.teacher_id
         WHERE t.status <> 'active'",
    );
    assert_eq!(trainers, 0);
}

#[test]
fn credit_registrations_of_every_category_and_status() {
    let (db, _) = district(600, 7, day(2026, 11, 28));
    for category in ["集中培训", "网络研修", "校本研修", "学历提升", "其他"] {
        let sql = format!("SELECT count(*) FROM credit_entries WHERE category = '{category}'");
        assert!(one(&db, &sql) > 0, "{category}");
    }
    for status in ["pending", "recognised", "returned"] {
        let sql = format!(
            "SELECT count(*) FROM credit_entries WHERE status = '{status}' AND category <> ''"
        );
        assert!(one(&db, &sql) > 0, "{status}");
    }
    let unexplained =
        "SELECT count(*) FROM credit_entries WHERE status = 'returned' AND return_reason = ''";
    assert_eq!(one(&db, unexplained), 0);
}
