//! The bulk insert writes only what the `teachers` CHECKs accept, although it does not
//! evaluate them row by row: every code of every enumerated column goes through and
//! `PRAGMA integrity_check` (which checks every CHECK) finds the rows sound; the checks
//! that are not lists refuse before anything is written; the connection checks again after.

use super::*;
use crate::domain::{Gender, Stage, TeacherStatus, Tier, TierLevel};
use crate::store::schema::SCHEMA_SQL;

fn db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary')")
        .unwrap();
    conn
}

fn input(n: usize) -> TeacherInput {
    TeacherInput {
        staff_no: format!("T{n:04}"),
        name: format!("滕{n}号"),
        gender: None,
        school_id: 1,
        subject: "语文".into(),
        stage: None,
        phone: String::new(),
        tier: Tier::Qualified,
        tier_level: None,
        status: TeacherStatus::Active,
    }
}

/// One teacher per code of each enumerated column (and per level of each tier held at
/// a level).
fn every_code() -> Vec<TeacherInput> {
    let mut rows = Vec::new();
    for g in Gender::ALL {
        rows.push(TeacherInput {
            gender: Some(*g),
            ..input(rows.len())
        });
    }
    for s in Stage::ALL {
        rows.push(TeacherInput {
            stage: Some(*s),
            ..input(rows.len())
        });
    }
    for t in Tier::ALL {
        rows.push(TeacherInput {
            tier: *t,
            ..input(rows.len())
        });
        for l in TierLevel::ALL.iter().filter(|_| has_levels(*t)) {
            rows.push(TeacherInput {
                tier: *t,
                tier_level: Some(*l),
                ..input(rows.len())
            });
        }
    }
    for s in TeacherStatus::ALL {
        rows.push(TeacherInput {
            status: *s,
            ..input(rows.len())
        });
    }
    rows
}

fn insert(conn: &Connection, rows: &[TeacherInput]) -> Result<std::result::Result<usize, Taken>> {
    let rows: Vec<AddedTeacher> = rows
        .iter()
        .enumerate()
        .map(|(i, input)| AddedTeacher {
            line: i + 2,
            input,
            pinyin: "",
            initials: "",
        })
        .collect();
    insert_added_teachers(conn, &rows)
}

fn one(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| format!("{v:?}"))
        .unwrap()
}

#[test]
fn every_code_goes_in_as_the_schema_s_checks_accept() {
    let conn = db();
    let rows = every_code();
    assert_eq!(insert(&conn, &rows).unwrap(), Ok(rows.len()));
    assert_eq!(one(&conn, "PRAGMA integrity_check"), "Text(\"ok\")");
    assert_eq!(
        one(
            &conn,
            "SELECT count(DISTINCT tier || coalesce(tier_level, '')) FROM teachers"
        ),
        format!("Integer({})", Tier::ALL.len() + 2 * TierLevel::ALL.len())
    );
}

#[test]
fn a_blank_name_or_staff_number_or_a_level_on_a_levelless_tier_is_refused_before_any_insert() {
    let conn = db();
    let blank_name = TeacherInput {
        name: " ".into(),
        ..input(1)
    };
    let blank_no = TeacherInput {
        staff_no: "".into(),
        ..input(2)
    };
    let level = TeacherInput {
        tier: Tier::Eminent,
        tier_level: Some(TierLevel::District),
        ..input(3)
    };
    // SQLite's length() stops at a NUL: these are blank to the CHECK too
    let nul_name = TeacherInput {
        name: "\0滕".into(),
        ..input(4)
    };
    let nul_no = TeacherInput {
        staff_no: " \0T5".into(),
        ..input(5)
    };
    for bad in [blank_name, blank_no, level, nul_name, nul_no] {
        let e = insert(&conn, &[input(9), bad]).unwrap_err();
        assert!(e.to_string().contains("CHECK"), "{e}");
    }
    assert_eq!(one(&conn, "SELECT count(*) FROM teachers"), "Integer(0)");
}

#[test]
fn the_connection_checks_again_after_the_insert() {
    let conn = db();
    insert(&conn, &[input(1)]).unwrap().unwrap();
    assert_eq!(one(&conn, "PRAGMA ignore_check_constraints"), "Integer(0)");
    let refused = conn.execute(
        "INSERT INTO teachers (staff_no, name, school_id, gender) VALUES ('T9', '王芳', 1, 'x')",
        [],
    );
    assert!(refused.is_err());
}

#[test]
fn a_staff_number_already_stored_in_another_case_stops_the_insert_at_its_line() {
    let conn = db();
    conn.execute_batch(
        "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T0003', '王芳', 1)",
    )
    .unwrap();
    let mut rows: Vec<TeacherInput> = (1..6).map(input).collect();
    rows[2].staff_no = "t0003".into();
    assert_eq!(insert(&conn, &rows).unwrap(), Err((4, "t0003".to_string())));
    assert_eq!(one(&conn, "PRAGMA ignore_check_constraints"), "Integer(0)");
}

#[test]
fn whatever_sqlite_finds_blank_the_rust_check_refuses_too() {
    let conn = db();
    for text in [
        "", " ", "  ", "\0滕", " \0T5", "T5\0", "\t", "\u{3000}", "王", " T5 ",
    ] {
        let sqlite_blank: bool = conn
            .query_row("SELECT length(trim(?1)) = 0", [text], |r| r.get(0))
            .unwrap();
        if sqlite_blank {
            assert!(blank_to_sqlite(text), "{text:?}");
        }
    }
    assert!(!blank_to_sqlite("T5\0"));
    assert!(!blank_to_sqlite(" 王 "));
}
