//! The `feedback` table: trainees' ratings of a session or a project, whether a teacher
//! attended (the only ones who may give feedback), a project's summary (response rate,
//! distributions, comments, per-trainer averages) and a trainer's average.

use crate::domain::feedback::{Distribution, Question};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// Where a feedback row came from (`feedback.source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Desk,
    Form,
    Import,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Desk => "desk",
            Source::Form => "form",
            Source::Import => "import",
        }
    }
}

/// One trainee's feedback to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFeedback<'a> {
    pub project_id: i64,
    pub session_id: Option<i64>,
    pub teacher_id: i64,
    pub content: Option<u8>,
    pub trainer: Option<u8>,
    pub organisation: Option<u8>,
    pub comment: &'a str,
    pub submitted_at: &'a str,
    pub source: Source,
}

/// Whether the teacher attended the session (§4.1.8, `marks.attended`), or, without a
/// session, at least one session of the project.
pub fn attended(
    conn: &Connection,
    project_id: i64,
    session_id: Option<i64>,
    teacher_id: i64,
) -> Result<bool> {
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT 1 FROM marks m JOIN sessions s ON s.id = m.session_id
             WHERE s.project_id = ?1 AND (?2 IS NULL OR s.id = ?2) AND m.teacher_id = ?3
               AND m.attended LIMIT 1",
        )?
        .query_row(params![project_id, session_id, teacher_id], |r| r.get(0))
        .optional()?;
    Ok(found.is_some())
}

/// Stores a trainee's feedback, replacing an earlier one of the same teacher for the same
/// session (or project); the rated trainer is the session's, or the project's only trainer.
/// Returns the row id and whether an earlier one was replaced.
pub fn save(conn: &Connection, f: &NewFeedback) -> Result<(i64, bool)> {
    let replaced = conn
        .prepare_cached(
            "DELETE FROM feedback WHERE project_id = ?1 AND ifnull(session_id, 0) = ifnull(?2, 0)
               AND teacher_id = ?3 AND source <> 'legacy'",
        )?
        .execute(params![f.project_id, f.session_id, f.teacher_id])?;
    conn.prepare_cached(
        "INSERT INTO feedback (project_id, session_id, teacher_id, trainer_id, content, trainer,
                               organisation, comment, submitted_at, source)
         VALUES (?1, ?2, ?3,
                 CASE WHEN ?2 IS NOT NULL THEN (SELECT trainer_id FROM sessions WHERE id = ?2)
                      ELSE (SELECT min(trainer_id) FROM sessions WHERE project_id = ?1
                            HAVING count(DISTINCT trainer_id) = 1) END,
                 ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        f.project_id,
        f.session_id,
        f.teacher_id,
        f.content,
        f.trainer,
        f.organisation,
        f.comment,
        f.submitted_at,
        f.source.code()
    ])?;
    Ok((conn.last_insert_rowid(), replaced > 0))
}

/// A project's feedback as its Feedback view shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedbackSummary {
    /// Teachers who gave any feedback.
    pub respondents: u64,
    /// Teachers who attended at least one session (§4.1.8).
    pub attended: u64,
    /// Per question, in `Question::ALL` order.
    pub questions: [Distribution; 3],
    /// Comments, newest first: (teacher's name, comment).
    pub comments: Vec<(String, String)>,
    /// Per trainer: (name, average trainer rating, answers), best first.
    pub trainers: Vec<(String, f64, u64)>,
}

/// The summary of a project's feedback.
pub fn summary(conn: &Connection, project_id: i64) -> Result<FeedbackSummary> {
    let mut s = FeedbackSummary {
        respondents: conn.query_row(
            "SELECT count(DISTINCT teacher_id) FROM feedback WHERE project_id = ?1",
            [project_id],
            |r| r.get(0),
        )?,
        attended: conn.query_row(
            "SELECT count(DISTINCT m.teacher_id) FROM marks m JOIN sessions s ON s.id = m.session_id
             WHERE s.project_id = ?1 AND m.attended",
            [project_id],
            |r| r.get(0),
        )?,
        ..FeedbackSummary::default()
    };
    for (i, q) in Question::ALL.iter().enumerate() {
        let col = q.code();
        let mut st = conn.prepare(&format!(
            "SELECT {col}, count(*) FROM feedback WHERE project_id = ?1 AND {col} IS NOT NULL
             GROUP BY {col}"
        ))?;
        let rows = st.query_map([project_id], |r| {
            Ok((r.get::<_, u8>(0)?, r.get::<_, u64>(1)?))
        })?;
        for row in rows {
            let (rating, n) = row?;
            if (1..=5).contains(&rating) {
                s.questions[i].counts[usize::from(rating - 1)] += n;
            }
        }
    }
    s.comments = conn
        .prepare(
            "SELECT ifnull(t.name, ''), f.comment FROM feedback f LEFT JOIN teachers t ON t.id = f.teacher_id
             WHERE f.project_id = ?1 AND trim(f.comment) <> ''
             ORDER BY f.submitted_at DESC, f.id DESC",
        )?
        .query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    s.trainers = conn
        .prepare(
            "SELECT tr.name, avg(f.trainer), count(*) FROM feedback f JOIN trainers tr ON tr.id = f.trainer_id
             WHERE f.project_id = ?1 AND f.trainer IS NOT NULL
             GROUP BY tr.id ORDER BY avg(f.trainer) DESC, tr.name",
        )?
        .query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(s)
}

/// A trainer's average trainer rating over all feedback, with the number of answers;
/// `None` when nobody has rated them.
pub fn trainer_feedback_average(conn: &Connection, trainer_id: i64) -> Result<Option<(f64, i64)>> {
    let (avg, n): (Option<f64>, i64) = conn
        .prepare_cached("SELECT avg(trainer), count(trainer) FROM feedback WHERE trainer_id = ?1")?
        .query_row([trainer_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(avg.map(|a| (a, n)))
}

/// A feedback row for `export feedback`.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRow {
    pub project: String,
    pub session: String,
    pub staff_no: String,
    pub teacher: String,
    pub trainer: String,
    pub ratings: [Option<u8>; 3],
    pub comment: String,
    pub submitted_at: String,
    pub source: String,
}

/// Every feedback row (of one project when given), in project and time order.
pub fn rows(conn: &Connection, project_id: Option<i64>) -> Result<Vec<FeedbackRow>> {
    let mut st = conn.prepare(
        "SELECT p.code, ifnull(s.date || ' ' || s.start_time, ''), ifnull(t.staff_no, ''),
                ifnull(t.name, ''), ifnull(tr.name, ''), f.content, f.trainer, f.organisation,
                f.comment, f.submitted_at, f.source
         FROM feedback f JOIN projects p ON p.id = f.project_id
         LEFT JOIN sessions s ON s.id = f.session_id
         LEFT JOIN teachers t ON t.id = f.teacher_id
         LEFT JOIN trainers tr ON tr.id = f.trainer_id
         WHERE ?1 IS NULL OR f.project_id = ?1
         ORDER BY p.code, f.submitted_at, f.id",
    )?;
    let rows = st.query_map([project_id], |r| {
        Ok(FeedbackRow {
            project: r.get(0)?,
            session: r.get(1)?,
            staff_no: r.get(2)?,
            teacher: r.get(3)?,
            trainer: r.get(4)?,
            ratings: [r.get(5)?, r.get(6)?, r.get(7)?],
            comment: r.get(8)?,
            submitted_at: r.get(9)?,
            source: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
