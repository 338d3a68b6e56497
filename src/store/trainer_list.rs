//! Read queries of the Starlight tab: every trainer with the school they belong to and the
//! number of sessions they taught, and one trainer's sessions.

use crate::domain::{Trainer, TrainerStatus, DATE_FMT, TIME_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDateTime;
use rusqlite::{params, Connection};

/// A trainer as the Starlight list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainerLine {
    pub trainer: Trainer,
    /// The school of a district teacher, else the affiliation of an external expert.
    pub school: String,
    pub staff_no: Option<String>,
    pub sessions_taught: i64,
}

/// One session a trainer taught (or will teach).
#[derive(Debug, Clone, PartialEq)]
pub struct TaughtSession {
    pub date: String,
    pub start: String,
    pub project_code: String,
    pub project_title: String,
    pub topic: String,
}

/// All trainers by name, each with the number of sessions they delivered by `now`: a session
/// counts once it has ended (`domain::starlight::is_delivered`, docs/rules.md §4.8).
pub fn trainer_lines(conn: &Connection, now: NaiveDateTime) -> Result<Vec<TrainerLine>> {
    let mut st = conn.prepare_cached(
        "SELECT tr.id, tr.teacher_id, tr.name, tr.affiliation, tr.status, tr.design, tr.organize,
                tr.teach, tr.guide, tr.evaluate, tr.research, tr.joined_on,
                sc.name, t.staff_no,
                (SELECT count(*) FROM sessions s WHERE s.trainer_id = tr.id
                   AND (s.date < ?1 OR (s.date = ?1 AND s.end_time <= ?2)))
         FROM trainers tr
         LEFT JOIN teachers t ON t.id = tr.teacher_id
         LEFT JOIN schools sc ON sc.id = t.school_id
         ORDER BY tr.name, tr.id",
    )?;
    let (day, time) = (
        now.date().format(DATE_FMT).to_string(),
        now.time().format(TIME_FMT).to_string(),
    );
    let rows = st.query_map(params![day, time], |r| {
        let row = Stored::new("trainers", 0);
        let mut levels = [0u8; 6];
        for (i, level) in levels.iter_mut().enumerate() {
            *level = r.get::<_, i64>(5 + i)?.clamp(0, 3) as u8;
        }
        let affiliation: String = r.get(3)?;
        let school: Option<String> = r.get(12)?;
        Ok(TrainerLine {
            school: school.unwrap_or_else(|| affiliation.clone()),
            staff_no: r.get(13)?,
            sessions_taught: r.get(14)?,
            trainer: Trainer {
                id: r.get(0)?,
                teacher_id: r.get(1)?,
                name: r.get(2)?,
                affiliation,
                status: row.code(r, 4, TrainerStatus::parse)?,
                levels,
                joined_on: row.optional(r, 11, crate::domain::parse_date)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The sessions trainer `id` taught, newest first, at most `limit`.
pub fn sessions_taught(conn: &Connection, id: i64, limit: usize) -> Result<Vec<TaughtSession>> {
    let mut st = conn.prepare_cached(
        "SELECT s.date, s.start_time, p.code, p.title, s.topic
         FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.trainer_id = ?1
         ORDER BY s.date DESC, s.start_time DESC LIMIT ?2",
    )?;
    let rows = st.query_map(params![id, limit as i64], |r| {
        Ok(TaughtSession {
            date: r.get(0)?,
            start: r.get(1)?,
            project_code: r.get(2)?,
            project_title: r.get(3)?,
            topic: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A session a trainer has held by `now` (evidence of an assessment).
#[derive(Debug, Clone, PartialEq)]
pub struct HeldSession {
    pub id: i64,
    pub date: String,
    pub project_code: String,
    pub topic: String,
}

/// The sessions trainer `id` has delivered by `now` (ended: `domain::starlight::is_delivered`,
/// as `trainer_lines` counts them), newest first, at most `limit`.
pub fn held_sessions(
    conn: &Connection,
    id: i64,
    now: NaiveDateTime,
    limit: usize,
) -> Result<Vec<HeldSession>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.date, p.code, s.topic
         FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.trainer_id = ?1 AND (s.date < ?2 OR (s.date = ?2 AND s.end_time <= ?3))
         ORDER BY s.date DESC, s.start_time DESC LIMIT ?4",
    )?;
    let (day, time) = (
        now.date().format(DATE_FMT).to_string(),
        now.time().format(TIME_FMT).to_string(),
    );
    let rows = st.query_map(params![id, day, time, limit as i64], |r| {
        Ok(HeldSession {
            id: r.get(0)?,
            date: r.get(1)?,
            project_code: r.get(2)?,
            topic: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    fn now(s: &str) -> NaiveDateTime {
        crate::domain::parse_datetime(s).unwrap()
    }

    #[test]
    fn counts_sessions_and_prefers_the_school_of_a_teacher() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);
                 INSERT INTO trainers (id, teacher_id, name, affiliation, status, teach)
                   VALUES (1, 1, '张伟', '', 'certified', 3), (2, NULL, '李教授', '西南大学', 'training', 1);
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-03-01', '2026-03-02');
                 INSERT INTO sessions (project_id, date, start_time, end_time, trainer_id) VALUES
                   (1, '2026-03-01', '08:30', '11:30', 1), (1, '2026-03-02', '08:30', '11:30', 1);",
            )
            .unwrap();
        let lines = trainer_lines(&db.conn, now("2026-11-28 09:00")).unwrap();
        assert_eq!(lines.len(), 2);
        let zhang = lines.iter().find(|l| l.trainer.id == 1).unwrap();
        assert_eq!(zhang.school, "实验小学");
        assert_eq!(zhang.sessions_taught, 2);
        assert_eq!(zhang.trainer.levels[2], 3);
        let li = lines.iter().find(|l| l.trainer.id == 2).unwrap();
        assert_eq!(li.school, "西南大学");
        assert_eq!(li.sessions_taught, 0);
        let s = sessions_taught(&db.conn, 1, 10).unwrap();
        assert_eq!(s[0].date, "2026-03-02");
    }

    #[test]
    fn delivery_counts_only_sessions_already_held() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO trainers (id, name, affiliation, status) VALUES (1, '李教授', '西南大学', 'certified');
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-03-01', '2027-03-31');
                 INSERT INTO sessions (project_id, date, start_time, end_time, trainer_id) VALUES
                   (1, '2026-03-02', '08:30', '11:30', 1), (1, '2026-11-28', '08:30', '11:30', 1),
                   (1, '2026-11-28', '14:00', '17:00', 1), (1, '2027-03-01', '08:30', '11:30', 1),
                   (1, '2027-03-02', '08:30', '11:30', 1);",
            )
            .unwrap();
        // At 11:30 on 28 November 2026 the morning session has just ended; the afternoon one
        // and the two of 2027 are not delivered yet.
        let lines = trainer_lines(&db.conn, now("2026-11-28 11:30")).unwrap();
        assert_eq!(lines[0].sessions_taught, 2);
        let lines = trainer_lines(&db.conn, now("2026-11-28 11:29")).unwrap();
        assert_eq!(lines[0].sessions_taught, 1);
    }

    /// **Contract** (docs/rules.md §4.8): the SQL count agrees with `is_delivered` over a grid
    /// of session ends and moments around them.
    #[test]
    fn delivered_in_sql_agrees_with_the_domain_over_a_grid() {
        use crate::domain::starlight::is_delivered;
        let db = Db::open_in_memory().unwrap();
        let sessions = [
            ("2026-11-27", "08:30", "11:30"),
            ("2026-11-28", "08:30", "11:30"),
            ("2026-11-28", "14:00", "17:00"),
            ("2026-11-29", "08:30", "09:00"),
        ];
        db.conn
            .execute_batch(
                "INSERT INTO trainers (id, name, affiliation, status) VALUES (1, '李教授', '', 'certified');
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (1, 'P1', '培训', 'district', 'starlight', '2026-11-01', '2026-11-30');",
            )
            .unwrap();
        for (d, a, b) in sessions {
            db.conn
                .execute(
                    "INSERT INTO sessions (project_id, date, start_time, end_time, trainer_id)
                     VALUES (1, ?1, ?2, ?3, 1)",
                    params![d, a, b],
                )
                .unwrap();
        }
        for moment in [
            "2026-11-27 11:29",
            "2026-11-27 11:30",
            "2026-11-28 00:00",
            "2026-11-28 11:30",
            "2026-11-28 16:59",
            "2026-11-28 17:00",
            "2026-11-29 08:59",
            "2026-11-29 09:00",
        ] {
            let at = now(moment);
            let expected = sessions
                .iter()
                .filter(|(d, _, b)| {
                    is_delivered(
                        crate::domain::parse_date(d).unwrap(),
                        crate::domain::parse_time(b).unwrap(),
                        at,
                    )
                })
                .count() as i64;
            let lines = trainer_lines(&db.conn, at).unwrap();
            assert_eq!(lines[0].sessions_taught, expected, "{moment}");
        }
    }
}
