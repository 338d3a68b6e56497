//! The demo district's principals' track and training metadata: every project gets its hours
//! (3 学时 a session), a training form that fits its title and mode, a budget planned and
//! spent (by level and size; nothing spent before it starts) and the qualification flag
//! (任职资格培训); every school gets its leaders and cadres (校长 or 园长, 副校长, 书记, 中层,
//! 后备干部) with appointment dates — those who completed leadership training first, so the
//! Principals list shows real hours; older leaders hold a qualification from a municipal course
//! of their year (projects `YYYY-SP-RZ`, not counted in the demo's summary), some recent ones
//! none.

use super::Gen;
use crate::error::Result;
use chrono::Duration;
use rusqlite::{params, Connection};
use std::collections::HashSet;

/// Fills projects' metadata and teachers' roles.
pub fn write(g: &mut Gen, conn: &Connection) -> Result<()> {
    project_metadata(g, conn)?;
    roles(g, conn)
}

/// id, level, concentrated, title, sessions, people (enrolled or capacity), start, end.
type ProjectFacts = (i64, String, bool, String, i64, i64, String, String);

fn project_metadata(g: &mut Gen, conn: &Connection) -> Result<()> {
    let rows: Vec<ProjectFacts> = conn
        .prepare(
            "WITH s AS (SELECT project_id, count(*) n FROM sessions GROUP BY project_id),
                  e AS (SELECT project_id, count(*) n FROM enrolments GROUP BY project_id)
             SELECT p.id, p.level, p.concentrated, p.title, coalesce(s.n, 0),
                    max(coalesce(e.n, 0), coalesce(p.capacity, 0)), p.start_date, p.end_date
             FROM projects p LEFT JOIN s ON s.project_id = p.id LEFT JOIN e ON e.project_id = p.id
             ORDER BY p.id",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let today = g.today.to_string();
    let mut update = conn.prepare(
        "UPDATE projects SET hours = ?2, form = ?3, budget_planned = ?4, budget_spent = ?5,
                             qualification = ?6 WHERE id = ?1",
    )?;
    for (id, level, concentrated, title, sessions, people, start, end) in rows {
        let form = form_of(g, &title, concentrated);
        let hours = hours_of(&level, concentrated, sessions, &start, &end);
        let per_head = match level.as_str() {
            "national" => 1500.0,
            "municipal" => 900.0,
            "district" => 400.0,
            _ => 150.0,
        };
        let planned = (level != "school" || g.rng.chance(0.7))
            .then(|| ((people.max(10) as f64 * per_head) / 100.0).round() * 100.0);
        let share = if end < today {
            0.80 + g.rng.unit() * 0.22
        } else if start <= today {
            0.30 + g.rng.unit() * 0.30
        } else {
            0.0
        };
        let spent = planned.map(|p| (p * share / 10.0).round() * 10.0);
        let qualification = title.contains("任职资格");
        update.execute(params![id, hours, form, planned, spent, qualification])?;
    }
    Ok(())
}

/// A concentrated project: 8 学时 a day for up to ten days; otherwise 3 a session and 12 of
/// online self-study.
fn hours_of(level: &str, concentrated: bool, sessions: i64, start: &str, end: &str) -> f64 {
    let days = match (
        crate::domain::parse_date(start),
        crate::domain::parse_date(end),
    ) {
        (Some(s), Some(e)) => (e - s).num_days() + 1,
        _ => 1,
    };
    if concentrated && level != "school" {
        (8 * days.clamp(1, 10)) as f64
    } else {
        (3 * sessions.max(1) + 12) as f64
    }
}

fn form_of(g: &mut Gen, title: &str, concentrated: bool) -> &'static str {
    if title.contains("送教") {
        "send_teaching"
    } else if title.contains("工作坊") {
        "workshop"
    } else if title.contains("跟岗") || title.contains("企业实践") {
        "shadowing"
    } else if title.contains("线上") || title.contains("微课") {
        "blended"
    } else if concentrated {
        ["offline", "offline", "offline", "shadowing", "workshop"][g.rng.index(5)]
    } else {
        ["online", "online", "blended", "blended", "workshop"][g.rng.index(5)]
    }
}

fn roles(g: &mut Gen, conn: &Connection) -> Result<()> {
    let inactive: HashSet<i64> = conn
        .prepare("SELECT id FROM teachers WHERE status != 'active'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Teachers who completed leadership training, by id (the leaders are chosen from them first).
    let trained: HashSet<i64> = conn
        .prepare(
            "SELECT DISTINCT c.teacher_id FROM credit_entries c JOIN projects p ON p.id = c.project_id
             WHERE p.plan = 'principal_leadership'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let strong: HashSet<i64> = g.strong.iter().copied().collect();
    let mut update =
        conn.prepare("UPDATE teachers SET role = ?2, role_since = ?3 WHERE id = ?1")?;
    let schools: Vec<(String, Vec<i64>)> = g
        .schools
        .iter()
        .map(|s| (s.stage.clone(), s.teachers.clone()))
        .collect();
    let mut leaders = Vec::new();
    for (stage, teachers) in schools {
        let mut pool: Vec<i64> = teachers
            .into_iter()
            .filter(|t| !inactive.contains(t))
            .collect();
        g.rng.shuffle(&mut pool);
        // Trained first, then backbone and above, then the rest.
        pool.sort_by_key(|t| (!trained.contains(t), !strong.contains(t)));
        let n = pool.len();
        let head = if stage == "kindergarten" {
            "kindergarten_head"
        } else {
            "principal"
        };
        let mut posts: Vec<&str> = vec![head, "vice_principal"];
        if n >= 40 {
            posts.push("vice_principal");
        }
        if n >= 30 {
            posts.push("party_secretary");
        }
        posts.extend(std::iter::repeat_n("middle_manager", (n / 15).clamp(1, 5)));
        posts.extend(std::iter::repeat_n("reserve_cadre", (n / 25).clamp(1, 3)));
        for (teacher, role) in pool.into_iter().zip(posts) {
            // Most appointed years ago; about one in six within the last two years.
            let days = if g.rng.chance(0.17) {
                g.rng.range(20, 730)
            } else {
                g.rng.range(730, 4800)
            };
            let since = g.today - Duration::days(days);
            update.execute(params![teacher, role, since.to_string()])?;
            if matches!(
                role,
                "principal" | "kindergarten_head" | "vice_principal" | "party_secretary"
            ) {
                leaders.push((teacher, since));
            }
        }
    }
    qualifications(g, conn, &leaders)
}

/// The qualification (任职资格培训) of leaders appointed before the demo's projects: one
/// municipal course a year, completed half a year after the appointment. Nearly all older
/// leaders hold one; about half of those appointed in the last two years, so the Principals
/// list flags some.
fn qualifications(
    g: &mut Gen,
    conn: &Connection,
    leaders: &[(i64, chrono::NaiveDate)],
) -> Result<()> {
    use chrono::Datelike;
    let recent = g.today - Duration::days(730);
    let mut by_year: std::collections::BTreeMap<i32, Vec<i64>> = Default::default();
    for &(teacher, since) in leaders {
        let earned = since + Duration::days(180);
        let chance = if since < recent { 0.95 } else { 0.5 };
        let course_end = chrono::NaiveDate::from_ymd_opt(earned.year(), 10, 31);
        if course_end.is_some_and(|end| end < g.today) && g.rng.chance(chance) {
            by_year.entry(earned.year()).or_default().push(teacher);
        }
    }
    let mut project = conn.prepare(
        "INSERT INTO projects (code, title, level, plan, concentrated, credits, start_date,
                               end_date, venue, completed_at, hours, form, budget_planned,
                               budget_spent, qualification)
         VALUES (?1, ?2, 'municipal', 'principal_leadership', 1, 10, ?3, ?4, '重庆市教师进修学院',
                 ?4 || ' 17:00:00', 300, 'blended', ?5, ?5, 1)",
    )?;
    let mut enrol = conn.prepare(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
         SELECT ?1, id, school_id, ?2 FROM teachers WHERE id = ?3",
    )?;
    let mut credit = conn.prepare(
        "INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
         VALUES (?1, ?2, 10, 1, ?3, 'project')",
    )?;
    for (year, teachers) in by_year {
        let (start, end) = (format!("{year}-03-01"), format!("{year}-10-31"));
        let cost = teachers.len() as f64 * 3000.0;
        project.execute(params![
            format!("{year}-SP-RZ"),
            format!("{year}年重庆市新任中小学校长任职资格培训"),
            start,
            end,
            cost
        ])?;
        let id = conn.last_insert_rowid();
        for t in teachers {
            enrol.execute(params![id, format!("{start} 09:00:00"), t])?;
            let school_id = g.teacher_info[(t - 1) as usize].school_id;
            g.report.enrolment(school_id, t, &start);
            credit.execute(params![t, id, end])?;
        }
    }
    Ok(())
}
