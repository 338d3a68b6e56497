//! A teacher's tier history (五型, with its level, 文号 and note), and the teacher's current
//! tier and level kept equal to the latest step.

use crate::domain::{parse_date, Tier, TierLevel, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// One step of a teacher's tier history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TierStep {
    pub tier: Tier,
    /// 区级/市级/国家级, for tiers held at a level.
    pub level: Option<TierLevel>,
    pub since: NaiveDate,
    /// The source document's number (文号), e.g. `潼教发〔2024〕12号`.
    pub doc_no: String,
    pub note: String,
}

impl TierStep {
    /// A step with no 文号 and no note.
    pub fn new(tier: Tier, level: Option<TierLevel>, since: NaiveDate) -> TierStep {
        TierStep {
            tier,
            level,
            since,
            doc_no: String::new(),
            note: String::new(),
        }
    }

    /// The step as JSON for the audit log.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "tier": self.tier.code(), "level": self.level.map(|l| l.code()),
            "since": self.since.format(DATE_FMT).to_string(),
            "doc_no": self.doc_no, "note": self.note,
        })
    }
}

/// Adds a step to the history (the teacher's current tier is left alone).
pub fn record(conn: &Connection, teacher_id: i64, step: &TierStep) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO tier_history (teacher_id, tier, since, note, level, doc_no)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        teacher_id,
        step.tier.code(),
        step.since.format(DATE_FMT).to_string(),
        step.note.trim(),
        step.level.map(|l| l.code()),
        step.doc_no.trim(),
    ])?;
    Ok(())
}

/// Adds a step and, when it is the latest (no step dated after it), makes its tier and level
/// the teacher's current ones. Returns whether the current tier or level changed.
pub fn add_step(conn: &Connection, teacher_id: i64, step: &TierStep) -> Result<bool> {
    record(conn, teacher_id, step)?;
    let changed = conn
        .prepare_cached(
            "UPDATE teachers SET tier = ?2, tier_level = ?3
             WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM tier_history
                               WHERE teacher_id = ?1 AND since > ?4)
               AND (tier IS NOT ?2 OR tier_level IS NOT ?3)",
        )?
        .execute(params![
            teacher_id,
            step.tier.code(),
            step.level.map(|l| l.code()),
            step.since.format(DATE_FMT).to_string(),
        ])?;
    Ok(changed > 0)
}

/// A teacher's tier steps, oldest first.
pub fn history(conn: &Connection, teacher_id: i64) -> Result<Vec<TierStep>> {
    let mut st = conn.prepare_cached(
        "SELECT tier, level, since, doc_no, note, id FROM tier_history
         WHERE teacher_id = ?1 ORDER BY since, id",
    )?;
    let row = Stored::new("tier_history", 5);
    let rows = st
        .query_map([teacher_id], |r| {
            Ok(TierStep {
                tier: row.code(r, 0, Tier::parse)?,
                level: row.optional(r, 1, TierLevel::parse)?,
                since: row.code(r, 2, parse_date)?,
                doc_no: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
