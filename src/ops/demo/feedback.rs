//! Trainees' feedback on held sessions: for each trainer's two most recent held sessions,
//! about half of the teachers who attended rate content, trainer and organisation at the
//! desk after check-out, a few with a comment. Fills the Projects tab's Feedback window and
//! the trainer's rating on the Starlight pane.

use super::catalog::FEEDBACK;
use super::Gen;
use crate::error::Result;
use rusqlite::params;

/// Attended marks of each trainer's two latest sessions held before today.
const CANDIDATES: &str = "
    WITH held AS (
        SELECT id, project_id, trainer_id, date, end_time,
               row_number() OVER (PARTITION BY trainer_id ORDER BY date DESC, start_time DESC) AS n
        FROM sessions WHERE trainer_id IS NOT NULL AND date < ?1)
    SELECT h.project_id, h.id, m.teacher_id, h.trainer_id, h.date || ' ' || h.end_time || ':00'
    FROM held h JOIN marks m ON m.session_id = h.id
    WHERE h.n <= 2 AND m.attended
    ORDER BY h.id, m.teacher_id";

/// Writes the feedback; counts it in the summary.
pub fn write(g: &mut Gen, conn: &rusqlite::Connection) -> Result<()> {
    let today = g.today.format(crate::domain::DATE_FMT).to_string();
    let rows: Vec<(i64, i64, i64, i64, String)> = conn
        .prepare(CANDIDATES)?
        .query_map([today], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = conn.prepare(
        "INSERT INTO feedback (project_id, session_id, teacher_id, trainer_id, content, trainer,
                               organisation, comment, submitted_at, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'desk')",
    )?;
    for (project, session, teacher, trainer, ended) in rows {
        if !g.rng.chance(0.5) {
            continue;
        }
        // A trainer's own leaning (some are better liked), then the trainee's.
        let lean = (trainer % 3) as usize;
        let content = [5, 5, 4, 4, 4, 3, 5, 4, 2, 4][g.rng.index(10)];
        let rated = [[5, 5, 5, 4, 4], [5, 4, 4, 4, 3], [4, 4, 3, 3, 2]][lean][g.rng.index(5)];
        let organisation = [5, 4, 4, 3, 4, 5, 4, 4][g.rng.index(8)];
        let comment = if g.rng.chance(0.15) {
            *g.rng.pick(FEEDBACK)
        } else {
            ""
        };
        insert.execute(params![
            project,
            session,
            teacher,
            trainer,
            content,
            rated,
            organisation,
            comment,
            ended
        ])?;
        g.counts.feedback += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{generate_into, DemoOptions};
    use crate::store::Db;
    use chrono::NaiveDate;

    #[test]
    fn session_feedback_comes_only_from_teachers_who_attended_and_rates_trainers() {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db
            .write(&crate::store::test_stamp("2026-03-02 09:00"))
            .unwrap();
        let opts = DemoOptions {
            teachers: 600,
            seed: 7,
            progress: false,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        generate_into(&tx, &opts, today).unwrap();
        tx.commit().unwrap();
        let one = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert!(one("SELECT count(*) FROM feedback WHERE session_id IS NOT NULL") > 50);
        assert!(
            one("SELECT count(DISTINCT trainer_id) FROM feedback WHERE trainer IS NOT NULL") > 3
        );
        assert_eq!(
            one(
                "SELECT count(*) FROM feedback f WHERE session_id IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM marks m WHERE m.session_id = f.session_id
                     AND m.teacher_id = f.teacher_id AND m.attended)"
            ),
            0
        );
    }
}
