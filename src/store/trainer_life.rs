//! A Starlight trainer's life cycle in the file: selection (遴选) and exit (专家库动态调整)
//! on `trainers`, assessments of one competency each (`trainer_assessments`), and the load
//! of sessions over a period.

use crate::domain::starlight::{EvidenceKind, Load};
use crate::domain::{Competency, TrainerStatus, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// A trainer's selection and exit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LifeCycle {
    pub selected_on: Option<NaiveDate>,
    pub selection_note: String,
    pub exited_on: Option<NaiveDate>,
    pub exit_reason: String,
}

impl LifeCycle {
    pub fn audit_json(&self) -> serde_json::Value {
        let d = |d: Option<NaiveDate>| d.map(|d| d.format(DATE_FMT).to_string());
        serde_json::json!({
            "selected_on": d(self.selected_on), "selection_note": self.selection_note,
            "exited_on": d(self.exited_on), "exit_reason": self.exit_reason,
        })
    }
}

/// One assessment of a competency.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub trainer_id: i64,
    pub competency: Competency,
    pub level: u8,
    pub assessed_on: NaiveDate,
    pub assessor: String,
    pub evidence_kind: EvidenceKind,
    /// What the evidence says: a session's topic, an observation's note, a feedback average
    /// as a number ("4.6") or text.
    pub evidence: String,
    pub session_id: Option<i64>,
}

impl Assessment {
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "assessment": {
                "competency": self.competency.code(), "level": self.level,
                "assessed_on": self.assessed_on.format(DATE_FMT).to_string(),
                "assessor": self.assessor, "evidence_kind": self.evidence_kind.code(),
                "evidence": self.evidence, "session_id": self.session_id,
            }
        })
    }
}

/// Trainer `id`'s selection and exit (None: no such trainer).
pub fn life_cycle(conn: &Connection, id: i64) -> Result<Option<LifeCycle>> {
    let mut st = conn.prepare_cached(
        "SELECT id, selected_on, selection_note, exited_on, exit_reason FROM trainers WHERE id = ?1",
    )?;
    let row = Stored::new("trainers", 0);
    Ok(st
        .query_row([id], |r| {
            Ok(LifeCycle {
                selected_on: row.optional(r, 1, crate::domain::parse_date)?,
                selection_note: r.get(2)?,
                exited_on: row.optional(r, 3, crate::domain::parse_date)?,
                exit_reason: r.get(4)?,
            })
        })
        .optional()?)
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format(DATE_FMT).to_string())
}

/// Writes trainer `id`'s status and life cycle.
pub fn set_life_cycle(
    conn: &Connection,
    id: i64,
    status: TrainerStatus,
    l: &LifeCycle,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE trainers SET status = ?2, selected_on = ?3, selection_note = ?4, exited_on = ?5,
                exit_reason = ?6 WHERE id = ?1",
    )?
    .execute(params![
        id,
        status.code(),
        day(l.selected_on),
        l.selection_note.trim(),
        day(l.exited_on),
        l.exit_reason.trim(),
    ])?;
    Ok(())
}

pub fn insert_assessment(conn: &Connection, a: &Assessment) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO trainer_assessments (trainer_id, competency, level, assessed_on, assessor,
                                          evidence_kind, evidence, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        a.trainer_id,
        a.competency.code(),
        a.level,
        a.assessed_on.format(DATE_FMT).to_string(),
        a.assessor.trim(),
        a.evidence_kind.code(),
        a.evidence.trim(),
        a.session_id,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Trainer `id`'s assessments, newest first, at most `limit`.
pub fn assessments(conn: &Connection, id: i64, limit: usize) -> Result<Vec<Assessment>> {
    let mut st = conn.prepare_cached(
        "SELECT id, competency, level, assessed_on, assessor, evidence_kind, evidence, session_id
         FROM trainer_assessments WHERE trainer_id = ?1
         ORDER BY assessed_on DESC, id DESC LIMIT ?2",
    )?;
    let rows = st.query_map(params![id, limit as i64], |r| {
        let row = Stored::new("trainer_assessments", 0);
        Ok(Assessment {
            trainer_id: id,
            competency: row.code(r, 1, Competency::parse)?,
            level: r.get::<_, i64>(2)?.clamp(0, 3) as u8,
            assessed_on: row.code(r, 3, crate::domain::parse_date)?,
            assessor: r.get(4)?,
            evidence_kind: row.code(r, 5, EvidenceKind::parse)?,
            evidence: r.get(6)?,
            session_id: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Trainer `id`'s sessions dated `from` to `to` (both included), held or still to come.
pub fn load(conn: &Connection, id: i64, from: NaiveDate, to: NaiveDate) -> Result<Load> {
    let mut st = conn.prepare_cached(
        "SELECT start_time, end_time FROM sessions
         WHERE trainer_id = ?1 AND date BETWEEN ?2 AND ?3",
    )?;
    let mut load = Load::default();
    let mut rows = st.query(params![
        id,
        from.format(DATE_FMT).to_string(),
        to.format(DATE_FMT).to_string()
    ])?;
    while let Some(r) = rows.next()? {
        let (a, b): (String, String) = (r.get(0)?, r.get(1)?);
        if let (Some(a), Some(b)) = (crate::domain::parse_time(&a), crate::domain::parse_time(&b)) {
            load.add(a, b);
        }
    }
    Ok(load)
}

/// A session a trainer may be assigned to: id and a line naming it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenSession {
    pub id: i64,
    pub line: String,
}

/// Sessions not closed from `from` on, in date and time order, at most `limit`; each line
/// "date start–end code topic @ venue".
pub fn open_sessions(conn: &Connection, from: NaiveDate, limit: usize) -> Result<Vec<OpenSession>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.date || ' ' || s.start_time || '–' || s.end_time || ' ' || p.code
                || ' ' || s.topic || CASE WHEN s.venue = '' THEN '' ELSE ' @ ' || s.venue END
         FROM sessions s JOIN projects p ON p.id = s.project_id
         WHERE s.date >= ?1 AND s.closed_at IS NULL
         ORDER BY s.date, s.start_time, s.id LIMIT ?2",
    )?;
    let rows = st.query_map(
        params![from.format(DATE_FMT).to_string(), limit as i64],
        |r| {
            Ok(OpenSession {
                id: r.get(0)?,
                line: r.get(1)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
