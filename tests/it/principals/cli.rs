//! `export principals` and `export plans` through the real binary, and a role set in this
//! process while another process imports roles into the same file.

use liaoyuan::domain::principals::Role;
use liaoyuan::ops::principals::set_role;
use liaoyuan::store::{principals, Db, OpenMode, Stamp};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

fn liaoyuan(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--db")
        .arg(db)
        .env("LIAOYUAN_NOW", now)
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn export_principals_gives_hours_against_240_and_the_flag_after_exactly_one_year() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = super::district(dir.path());
    drop(db);
    let at_one_year = json(&liaoyuan(
        &path,
        "2026-09-02 09:00",
        &["export", "principals", "--format", "json"],
    ));
    let rows = at_one_year.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let mut want = [
        "staff_no",
        "name",
        "school",
        "role",
        "role_since",
        "cycle",
        "hours",
        "required_hours",
        "qualified",
        "qualification_overdue",
    ];
    want.sort();
    let mut got = keys.clone();
    got.sort();
    assert_eq!(got, want);
    let li = rows.iter().find(|r| r["staff_no"] == "T2").unwrap();
    assert_eq!(li["role"], "kindergarten_head");
    assert_eq!(li["hours"], 40.0);
    assert_eq!(li["required_hours"], 240.0);
    assert_eq!(li["cycle"], "2026–2030");
    assert_eq!(li["qualification_overdue"], false, "exactly one year");
    let a_day_later = json(&liaoyuan(
        &path,
        "2026-09-03 09:00",
        &["export", "principals", "--format", "json"],
    ));
    let rows = a_day_later.as_array().unwrap();
    let li = rows.iter().find(|r| r["staff_no"] == "T2").unwrap();
    assert_eq!(li["qualification_overdue"], true);
    let zhang = rows.iter().find(|r| r["staff_no"] == "T1").unwrap();
    assert_eq!(
        (zhang["hours"].as_f64(), zhang["qualified"].as_bool()),
        (Some(40.0), Some(true))
    );
}

#[test]
fn export_plans_sums_projects_participants_hours_and_spend_per_plan_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = super::district(dir.path());
    drop(db);
    let o = liaoyuan(
        &path,
        "2026-09-02 09:00",
        &["export", "plans", "--year", "2026"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "year,plan,projects,participants,hours,budget_planned,budget_spent",
            "2026,principal_leadership,1,2,40,20000,15000",
            "2026,starlight,1,1,16,8000,7600",
        ]
    );
}

#[test]
fn a_role_set_here_and_roles_imported_by_another_process_both_land_and_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = super::district(dir.path());
    drop(db);
    let file = dir.path().join("roles.csv");
    let mut text = String::from("工号,姓名,学校,职务,任职时间\n");
    for i in 0..300 {
        text.push_str(&format!("R{i:04},后备{i},柏梓中学,后备干部,2024-09-01\n"));
    }
    std::fs::write(&file, text).unwrap();
    let child = Command::new(BIN)
        .args(["import", "teachers"])
        .arg(&file)
        .arg("--db")
        .arg(&path)
        .env("LIAOYUAN_NOW", "2026-09-01 10:00")
        .spawn()
        .unwrap();
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let now = liaoyuan::domain::parse_datetime("2026-09-01 10:00").unwrap();
    let stamp = Stamp::new(now, "desk");
    let since = liaoyuan::domain::parse_date("2026-08-20");
    for (id, role) in [
        (3, Role::VicePrincipal),
        (1, Role::PartySecretary),
        (3, Role::Principal),
    ] {
        assert!(set_role(&mut db, id, Some((role, since)), &stamp).unwrap());
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        principals::role_of(&db.conn, 3).unwrap(),
        Some((Role::Principal, since))
    );
    let (reserve, audited): (i64, i64) = db
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM teachers WHERE role = 'reserve_cadre'),
                    (SELECT count(*) FROM audit_log WHERE entity = 'teacher'
                       AND json_extract(after, '$.role') IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(reserve, 300);
    assert_eq!(audited, 303);
}
