//! Queries of `liaoyuan check`: SQLite's own checks, row counts, and the
//! domain's consistency rules that the schema's constraints cannot express.

use crate::error::Result;
use rusqlite::{params, Connection};

/// Tables counted in the check's summary, in display order.
pub const COUNTED: &[&str] = &[
    "schools",
    "teachers",
    "trainers",
    "projects",
    "sessions",
    "enrolments",
    "marks",
    "follow_ups",
    "feedback",
    "credit_entries",
    "audit_log",
];

/// Row count of each of `COUNTED`.
pub fn counts(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    let mut out = Vec::with_capacity(COUNTED.len());
    for &t in COUNTED {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        out.push((t, n));
    }
    Ok(out)
}

/// `PRAGMA integrity_check`: empty when the file is sound.
pub fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA integrity_check(100)")?;
    let rows = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// `PRAGMA foreign_key_check`: one line per dangling reference.
pub fn foreign_keys(conn: &Connection) -> Result<Vec<crate::lang::Text>> {
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st
        .query_map([], |r| {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            let row = rowid.map(|v| v.to_string()).unwrap_or_default();
            Ok(crate::lang::pick(
                format!("{table} 第 {row} 行：引用的 {parent} 记录不存在"),
                format!("{table} row {row}: refers to a missing row of {parent}"),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One domain rule: a key (for messages) and a query returning the ids that
/// break it. `?1` is today's date where a rule needs it.
pub struct Rule {
    pub key: &'static str,
    pub sql: &'static str,
}

pub const RULES: &[Rule] = &[
    Rule {
        key: "mark_date",
        sql: "SELECT m.id FROM marks m JOIN sessions s ON s.id = m.session_id
              WHERE m.session_date <> s.date",
    },
    Rule {
        key: "mark_not_enrolled",
        sql: "SELECT m.id FROM marks m JOIN sessions s ON s.id = m.session_id
              WHERE NOT EXISTS (SELECT 1 FROM enrolments e
                                WHERE e.project_id = s.project_id AND e.teacher_id = m.teacher_id)",
    },
    Rule {
        key: "mark_school",
        sql: "SELECT m.id FROM marks m JOIN sessions s ON s.id = m.session_id
              JOIN enrolments e ON e.project_id = s.project_id AND e.teacher_id = m.teacher_id
              WHERE m.school_id <> e.school_id",
    },
    Rule {
        key: "excused_without_reason",
        sql: "SELECT id FROM marks WHERE status = 'excused' AND length(trim(reason)) = 0",
    },
    Rule {
        key: "mark_in_future",
        sql: "SELECT id FROM marks WHERE session_date > ?1 AND status <> 'excused'",
    },
    Rule {
        key: "mark_time_in_future",
        sql: "SELECT id FROM marks
              WHERE substr(checked_in_at, 1, 10) > ?1 OR substr(checked_out_at, 1, 10) > ?1",
    },
    Rule {
        key: "mark_outside_session",
        sql: "SELECT m.id FROM marks m JOIN sessions s ON s.id = m.session_id
              WHERE substr(m.checked_in_at, 1, 10) <> s.date
                 OR substr(m.checked_out_at, 1, 10) <> s.date
                 OR m.checked_in_at > s.date || ' ' || s.end_time || ':00'
                 OR m.checked_out_at < s.date || ' ' || s.start_time || ':00'
                 OR m.checked_out_at > s.date || ' ' || s.end_time || ':00'
                 OR m.checked_out_at < m.checked_in_at",
    },
    Rule {
        key: "session_outside_project",
        sql: "SELECT s.id FROM sessions s JOIN projects p ON p.id = s.project_id
              WHERE s.date < p.start_date OR s.date > p.end_date",
    },
    Rule {
        key: "bad_project_date",
        sql: "SELECT id FROM projects
              WHERE date(start_date) IS NOT start_date OR date(end_date) IS NOT end_date",
    },
    Rule {
        key: "bad_session_time",
        sql: "SELECT id FROM sessions
              WHERE date(date) IS NOT date
                 OR start_time NOT GLOB '[0-2][0-9]:[0-5][0-9]'
                 OR end_time NOT GLOB '[0-2][0-9]:[0-5][0-9]'",
    },
    Rule {
        key: "credit_not_enrolled",
        sql: "SELECT c.id FROM credit_entries c
              WHERE c.source = 'project' AND NOT EXISTS (SELECT 1 FROM enrolments e
                    WHERE e.project_id = c.project_id AND e.teacher_id = c.teacher_id)",
    },
    Rule {
        key: "follow_up_not_enrolled",
        sql: "SELECT f.id FROM follow_ups f
              WHERE NOT EXISTS (SELECT 1 FROM enrolments e
                    WHERE e.project_id = f.project_id AND e.teacher_id = f.teacher_id)",
    },
    Rule {
        key: "follow_up_held_missing",
        sql: "SELECT id FROM follow_ups WHERE status <> 'pending' AND held_date IS NULL",
    },
    Rule {
        key: "follow_up_rating_missing",
        sql: "SELECT id FROM follow_ups WHERE status = 'evaluated' AND rating IS NULL",
    },
    Rule {
        key: "follow_up_pending_recorded",
        sql: "SELECT id FROM follow_ups
              WHERE status = 'pending' AND (held_date IS NOT NULL OR rating IS NOT NULL)",
    },
    Rule {
        key: "follow_up_held_in_future",
        sql: "SELECT id FROM follow_ups WHERE held_date > ?1",
    },
    Rule {
        key: "project_veto_scope",
        sql: "SELECT id FROM projects WHERE veto_scope IS NULL",
    },
    Rule {
        key: "mark_veto_scope",
        sql: "SELECT m.id FROM marks m JOIN sessions s ON s.id = m.session_id
              JOIN projects p ON p.id = s.project_id
              WHERE m.in_veto_scope IS NOT p.veto_scope",
    },
    Rule {
        key: "school_month_marks",
        sql: "SELECT school_id FROM (
                SELECT school_id, month, status FROM (
                    SELECT school_id, substr(session_date, 1, 7) AS month, status, 1 AS n, attended AS a FROM marks
                    UNION ALL
                    SELECT school_id, month, status, -marks, -attended FROM school_month_marks)
                GROUP BY school_id, month, status HAVING sum(n) <> 0 OR sum(a) <> 0)
              GROUP BY school_id",
    },
    Rule {
        key: "school_month_vetoes",
        sql: "SELECT school_id FROM (
                SELECT school_id, month, teacher_id, sum(n) AS n, sum(kept) AS kept FROM (
                    SELECT school_id, substr(session_date, 1, 7) AS month, teacher_id, 1 AS n, 0 AS kept
                    FROM marks WHERE causes_veto
                    UNION ALL
                    SELECT school_id, month, teacher_id, 0, marks FROM school_month_vetoes)
                GROUP BY school_id, month, teacher_id HAVING sum(n) <> sum(kept))
              GROUP BY school_id",
    },
    Rule {
        key: "school_report_counts",
        sql: "SELECT school_id FROM (
              SELECT school_id, k, month FROM (
              SELECT school_id, 't' AS k, '' AS month, count(*) AS n FROM teachers GROUP BY school_id
              UNION ALL SELECT school_id, 't', '', -teachers FROM school_teachers
              UNION ALL SELECT a.school_id, 'p', substr(p.start_date, 1, 7), a.places
                        FROM school_allotments a JOIN projects p ON p.id = a.project_id
              UNION ALL SELECT school_id, 'p', month, -places FROM school_month_places
              UNION ALL SELECT t.school_id, 'fd', substr(f.due_date, 1, 7), 1
                        FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
              UNION ALL SELECT t.school_id, 'fx', substr(f.due_date, 1, 7), f.status IN ('done', 'evaluated')
                        FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
              UNION ALL SELECT school_id, 'fd', month, -due FROM school_month_follow_ups
              UNION ALL SELECT school_id, 'fx', month, -done FROM school_month_follow_ups
              UNION ALL SELECT e.school_id, 'e' || e.teacher_id, (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1), 1
                        FROM enrolments e JOIN projects p ON p.id = e.project_id
              UNION ALL SELECT school_id, 'e' || teacher_id, month, -enrolments FROM school_teacher_months)
              GROUP BY school_id, k, month HAVING sum(n) <> 0)
              GROUP BY school_id",
    },
    Rule {
        key: "school_distinct_teachers",
        sql: "SELECT school_id FROM (
              SELECT kind, school_id, month FROM (
              SELECT kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 FROM (
              SELECT 'sent' AS kind, school_id, m AS month, sum(g > 0) AS c0, sum(g > 1) AS c1, sum(g > 2) AS c2, sum(g > 3) AS c3, sum(g > 4) AS c4, sum(g > 5) AS c5, sum(g > 6) AS c6, sum(g > 7) AS c7, sum(g > 8) AS c8, sum(g > 9) AS c9, sum(g > 10) AS c10, sum(g > 11) AS c11 FROM (
                SELECT school_id, m, min(coalesce(m - lag(m) OVER (PARTITION BY school_id, teacher_id ORDER BY m), 12), 12) AS g
                FROM (SELECT school_id, teacher_id, month AS m FROM school_teacher_months))
              GROUP BY school_id, m
              UNION ALL
              SELECT 'veto' AS kind, school_id, m AS month, sum(g > 0), sum(g > 1), sum(g > 2), sum(g > 3), sum(g > 4), sum(g > 5), sum(g > 6), sum(g > 7), sum(g > 8), sum(g > 9), sum(g > 10), sum(g > 11) FROM (
                SELECT school_id, m, min(coalesce(m - lag(m) OVER (PARTITION BY school_id, teacher_id ORDER BY m), 12), 12) AS g
                FROM (SELECT school_id, teacher_id, (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) AS m FROM school_month_vetoes))
              GROUP BY school_id, m) AS r
              UNION ALL
              SELECT kind, school_id, month, -c0, -c1, -c2, -c3, -c4, -c5, -c6, -c7, -c8, -c9, -c10, -c11 FROM school_month_firsts)
              GROUP BY kind, school_id, month HAVING sum(c0) <> 0 OR sum(c1) <> 0 OR sum(c2) <> 0 OR sum(c3) <> 0 OR sum(c4) <> 0 OR sum(c5) <> 0 OR sum(c6) <> 0 OR sum(c7) <> 0 OR sum(c8) <> 0 OR sum(c9) <> 0 OR sum(c10) <> 0 OR sum(c11) <> 0)
              GROUP BY school_id",
    },
    Rule {
        key: "teacher_cycle_credits",
        sql: "SELECT k.teacher_id FROM teacher_cycle_credits k LEFT JOIN teachers t ON t.id = k.teacher_id
              WHERE t.id IS NULL OR k.school_id <> t.school_id
                 OR abs(k.total - coalesce((SELECT sum(c.credits) FROM credit_entries c
                        WHERE c.teacher_id = k.teacher_id AND c.earned_on BETWEEN printf('%04d-01-01', k.first_year) AND printf('%04d-12-31', k.last_year) AND c.status = 'recognised'), 0)) > 1e-6
                 OR abs(k.concentrated - coalesce((SELECT sum(c.credits) FROM credit_entries c
                        WHERE c.teacher_id = k.teacher_id AND c.earned_on BETWEEN printf('%04d-01-01', k.first_year) AND printf('%04d-12-31', k.last_year) AND c.concentrated AND c.status = 'recognised'), 0)) > 1e-6
              UNION
              SELECT c.teacher_id FROM credit_entries c
              JOIN credit_cycles k ON CAST(substr(c.earned_on, 1, 4) AS INTEGER) BETWEEN k.first_year AND k.last_year
              WHERE NOT EXISTS (SELECT 1 FROM teacher_cycle_credits x WHERE x.teacher_id = c.teacher_id
                                AND x.first_year = k.first_year AND x.last_year = k.last_year)",
    },
    Rule {
        key: "tier_latest_step",
        sql: "SELECT t.id FROM teachers t
              JOIN tier_history h ON h.id = (SELECT x.id FROM tier_history x WHERE x.teacher_id = t.id
                                             ORDER BY x.since DESC, x.id DESC LIMIT 1)
              WHERE h.tier <> t.tier OR h.level IS NOT t.tier_level",
    },
    Rule {
        key: "audit_json",
        sql: "SELECT id FROM audit_log
              WHERE (before IS NOT NULL AND NOT json_valid(before))
                 OR (after IS NOT NULL AND NOT json_valid(after))",
    },
];

/// Ids breaking `rule` (at most `limit`) and how many break it in all.
pub fn violations(
    conn: &Connection,
    rule: &Rule,
    today: &str,
    limit: usize,
) -> Result<(i64, Vec<i64>)> {
    let mut st = conn.prepare(rule.sql)?;
    let takes_today = rule.sql.contains("?1");
    let mut rows = if takes_today {
        st.query(params![today])?
    } else {
        st.query([])?
    };
    let (mut n, mut ids) = (0i64, Vec::new());
    while let Some(r) = rows.next()? {
        n += 1;
        if ids.len() < limit {
            ids.push(r.get(0)?);
        }
    }
    Ok((n, ids))
}
