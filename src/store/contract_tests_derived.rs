//! Contract tests of derived rules restated in SQL: overdue follow-ups
//! (`domain::follow_up::is_overdue`) and credit standing (`CreditStanding::compliance`).
//! Each compares SQL's answer with the domain's over a grid of cases.

use crate::domain::credits::{cycle_of, standing, Compliance};
use crate::domain::follow_up::is_overdue;
use crate::domain::{FollowUpStatus, Settings};
use crate::store::follow_ups::{self, FollowUpFilter, StatusFilter};
use crate::store::{cycle_credits, dashboard, Db};
use chrono::{Days, NaiveDate};
use rusqlite::params;
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One school, one project, `n` teachers T1..Tn.
fn district(n: i64) -> Db {
    let db = Db::open_in_memory().unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
             INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
               VALUES (1, 'P1', '集中', 'district', 'starlight', '2026-03-01', '2026-03-31');",
        )
        .unwrap();
    for id in 1..=n {
        db.conn
            .execute(
                "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (?1, ?2, '张伟', 1)",
                params![id, format!("T{id}")],
            )
            .unwrap();
    }
    db
}

#[test]
fn overdue_in_sql_agrees_with_the_domain_over_a_grid_of_dates() {
    let due_dates = [
        d(2025, 12, 30),
        d(2025, 12, 31),
        d(2026, 1, 1),
        d(2026, 1, 2),
        d(2026, 2, 28),
        d(2026, 3, 1),
    ];
    let mut cases = Vec::new();
    let mut id = 0;
    for status in FollowUpStatus::ALL {
        for due in due_dates {
            id += 1;
            cases.push((id, *status, due));
        }
    }
    let db = district(id);
    for &(id, status, due) in &cases {
        let held = (status != FollowUpStatus::Pending).then_some("2026-01-01");
        db.conn
            .execute(
                "INSERT INTO follow_ups (id, project_id, teacher_id, kind, due_date, held_date, status)
                 VALUES (?1, 1, ?1, 'forum', ?2, ?3, ?4)",
                params![id, due.to_string(), held, status.code()],
            )
            .unwrap();
    }
    let s = Settings::default();
    let mut today = d(2025, 12, 29);
    while today <= d(2026, 3, 3) {
        let rule: BTreeSet<i64> = cases
            .iter()
            .filter(|(_, status, due)| is_overdue(*status, *due, today))
            .map(|c| c.0)
            .collect();
        let filter = FollowUpFilter {
            status: Some(StatusFilter::Overdue),
            ..FollowUpFilter::default()
        };
        let listed: BTreeSet<i64> = follow_ups::list(&db.conn, &filter, today, 1000)
            .unwrap()
            .iter()
            .map(|l| l.follow_up.id)
            .collect();
        let n = rule.len() as i64;
        assert_eq!(listed, rule, "{today}: the Follow-ups tab's overdue list");
        let counted = follow_ups::counts(&db.conn, today).unwrap().overdue;
        assert_eq!(counted, n, "{today}: follow_ups::counts");
        let dash = dashboard::figures(&db.conn, today, &s).unwrap();
        assert_eq!(dash.overdue_follow_ups, n, "{today}: the dashboard");
        today = today.checked_add_days(Days::new(1)).unwrap();
    }
}

#[test]
fn credit_standing_in_sql_agrees_with_the_domain_over_a_grid_of_totals_and_days() {
    let s = Settings::default();
    // (total, of which concentrated) around the requirements and the pace floors.
    let mut grid = Vec::new();
    for total in [
        0.0, 12.0, 23.9, 24.0, 60.0, 89.0, 90.0, 97.5, 117.5, 119.5, 120.0, 150.0,
    ] {
        for conc in [0.0, 4.0, 10.0, 11.0, 12.0, 19.9, 20.0] {
            if conc <= total {
                grid.push((total, conc));
            }
        }
    }
    let db = district(grid.len() as i64);
    let cycle = cycle_of(d(2026, 6, 1), &s);
    let earned = cycle.start().to_string();
    for (i, (total, conc)) in grid.iter().enumerate() {
        for (credits, concentrated) in [(total - conc, false), (*conc, true)] {
            db.conn
                .execute(
                    "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source)
                     VALUES (?1, ?2, ?3, ?4, 'manual')",
                    params![i as i64 + 1, credits, concentrated, earned],
                )
                .unwrap();
        }
    }
    let mut days = vec![cycle.start(), cycle.end()];
    for year in cycle.first_year..=cycle.last_year {
        days.push(d(year, 1, 1));
        days.push(d(year, 6, 30));
        days.push(d(year, 12, 31));
    }
    // Before it starts, and after it has ended (met or not met only).
    days.push(d(cycle.first_year - 1, 12, 31));
    days.push(d(cycle.last_year + 1, 1, 1));
    days.push(d(cycle.last_year + 3, 7, 1));
    for today in days {
        let (mut met, mut on_pace) = (0, 0);
        for (total, conc) in &grid {
            let entries = [
                (cycle.start(), total - conc, false),
                (cycle.start(), *conc, true),
            ];
            match standing(entries, &cycle, &s).compliance(&cycle, today) {
                Compliance::Met => met += 1,
                Compliance::OnPace => on_pace += 1,
                Compliance::Behind | Compliance::NotMet => {}
            }
        }
        let sql = cycle_credits::district(&db.conn, &cycle, today, &s)
            .unwrap()
            .unwrap();
        assert_eq!(
            (sql.met, sql.on_pace),
            (met, on_pace),
            "{today}: store::cycle_credits and CreditStanding::compliance disagree"
        );
        let by_school = cycle_credits::by_school(&db.conn, &cycle, today, &s, true)
            .unwrap()
            .unwrap();
        assert_eq!(by_school.len(), 1);
        assert_eq!((by_school[0].1.met, by_school[0].1.on_pace), (met, on_pace));
        if cycle.ended(today) {
            assert_eq!(on_pace, 0, "{today}: an ended cycle has nobody on pace");
        }
    }
}
